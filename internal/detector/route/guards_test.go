package route_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	jsroute "github.com/threatmap/threatmap/internal/detector/route/js"
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
)

// Each app under testdata/guards is one guard idiom with lookalikes that
// must not count as auth. A route's expectation is written where it is
// registered:
//
//	// want: POST /notes auth=required
//	// want: POST /reports auth=required role=admin
//
// Every route of an app must be wanted, with its auth (and its role when
// a guard checks one).
func TestGuards(t *testing.T) {
	root := filepath.Join("testdata", "guards")
	apps, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, app := range apps {
		dir := filepath.Join(root, app.Name())
		t.Run(app.Name(), func(t *testing.T) {
			got := detectortest.Scan(t, dir, goroute.New(), pyroute.New(), jsroute.New(), jsroute.NewNext())
			var have []string
			for _, r := range got.Surfaces {
				s := r.Method + " " + r.Path + " auth=" + r.Auth
				if r.AuthRole != "" {
					s += " role=" + r.AuthRole
				}
				have = append(have, s)
				if r.Auth == "required" && r.AuthEvidence == "" {
					t.Errorf("%s: required with no evidence", s)
				}
			}
			detectortest.Check(t, app.Name()+" auth", have, detectortest.Wants(t, dir, ""))
		})
	}
}

// TestGlobalGuardEvidence: a guard applied to the whole app in another file
// (NestJS useGlobalGuards in a bootstrap, an APP_GUARD provider in a module)
// says where it is applied.
func TestGlobalGuardEvidence(t *testing.T) {
	got := detectortest.Scan(t, filepath.Join("testdata", "guards", "nestjs-global"), jsroute.New())
	want := map[string]string{
		"GET /orders":  "applied src/orders/orders.module.ts:8",
		"GET /reports": "applied src/admin/main.ts:7",
	}
	for _, r := range got.Surfaces {
		w, ok := want[r.Method+" "+r.Path]
		if !ok {
			continue
		}
		delete(want, r.Method+" "+r.Path)
		if !strings.Contains(r.AuthEvidence, w) {
			t.Errorf("%s %s: evidence %q, want it to say %q", r.Method, r.Path, r.AuthEvidence, w)
		}
	}
	for k := range want {
		t.Errorf("%s: no such route", k)
	}
}
