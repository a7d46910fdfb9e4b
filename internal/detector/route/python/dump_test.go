package python

import (
	"fmt"
	"os"
	"testing"
)

// TestDump prints every route of a fixture app in full, for debugging:
// DUMP=fastapi go test -run TestDump -v .
func TestDump(t *testing.T) {
	app := os.Getenv("DUMP")
	if app == "" {
		t.Skip("set DUMP to a fixture app")
	}
	f := scan(t, app)
	for _, r := range f.Surfaces {
		fmt.Printf("%-7s %-40s %-8s %s:%d-%d h=%s auth=%s ev=%q params=%v tags=%v mw=%v\n",
			r.Method, r.Path, r.Framework, r.File, r.Line, r.EndLine, r.Handler, r.Auth, r.AuthEvidence, r.Params, r.Tags, r.Middleware)
	}
}
