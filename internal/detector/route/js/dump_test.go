package js

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
)

func TestDump(t *testing.T) {
	dir := os.Getenv("DUMP")
	if dir == "" {
		t.Skip()
	}
	f := detectortest.Scan(t, dir, New(), NewNext())
	for i := range f.Surfaces {
		f.Surfaces[i].Body = ""
	}
	b, _ := json.MarshalIndent(struct{ S, W any }{f.Surfaces, f.Warnings}, "", " ")
	os.Stdout.Write(b)
}
