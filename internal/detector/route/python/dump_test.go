package python

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	app := os.Getenv("DUMP")
	if app == "" {
		t.Skip()
	}
	f := scan(t, app)
	for _, r := range f.Surfaces {
		fmt.Printf("%-7s %-40s %-8s %s:%d-%d h=%s auth=%s ev=%q params=%v tags=%v mw=%v\n", r.Method, r.Path, r.Framework, r.File, r.Line, r.EndLine, r.Handler, r.Auth, r.AuthEvidence, r.Params, r.Tags, r.Middleware)
	}
}
