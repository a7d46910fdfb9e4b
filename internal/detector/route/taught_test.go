package route_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	jsroute "github.com/threatmap/threatmap/internal/detector/route/js"
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
	"github.com/threatmap/threatmap/internal/scan"
)

// Each app under testdata/taught names guards or public routes in its
// threatmap-check.yaml that the code alone cannot show (the guards come
// from packages not in the tree), with lookalikes that must not count: the
// name in a comment or a string, a longer name, a call after the first
// write. Expectations are written as in testdata/guards.
func TestTaught(t *testing.T) {
	root := filepath.Join("testdata", "taught")
	apps, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, app := range apps {
		dir := filepath.Join(root, app.Name())
		t.Run(app.Name(), func(t *testing.T) {
			cfg, err := check.LoadConfig(filepath.Join(dir, check.ConfigFile))
			if err != nil {
				t.Fatal(err)
			}
			cfg.File = check.ConfigFile
			got, err := scan.Run(context.Background(), dir, []detector.Detector{goroute.New(), pyroute.New(), jsroute.New(), jsroute.NewNext()}, scan.Options{Auth: cfg.Taught()})
			if err != nil {
				t.Fatal(err)
			}
			var have []string
			for _, r := range got.Surfaces {
				s := r.Method + " " + r.Path + " auth=" + r.Auth
				if r.AuthRole != "" {
					s += " role=" + r.AuthRole
				}
				have = append(have, s)
				taught := strings.Contains(r.AuthEvidence, "named in threatmap-check.yaml:") || strings.Contains(r.AuthEvidence, "declared public in threatmap-check.yaml:")
				if r.Auth == "required" && !taught {
					t.Errorf("%s: evidence %q does not say the config taught it", s, r.AuthEvidence)
				}
			}
			detectortest.Check(t, app.Name()+" auth", have, detectortest.Wants(t, dir, ""))
		})
	}
}
