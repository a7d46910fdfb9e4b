package secret

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/zricethezav/gitleaks/v8/config"
)

// allowlistPaths are paths at the edges of gitleaks' global path
// allowlist: each kind it excludes, in other cases (its joined pattern
// lets a (?i) flag carry over to the paths after it), and near misses.
var allowlistPaths = []string{
	"go.mod", "svc/go.sum", "GO.MOD", "go.work.sum", "go.modx",
	"web/node_modules/left-pad/index.js", "web/Node_Modules/x.js", "node_modulesx/a.js",
	"assets/logo.PNG", "assets/logo.png.txt", "fonts/a.woff2", "docs/spec.pdf",
	"vendor/github.com/pkg/errors/errors.go", "vendor/modules.txt", "Vendor/github.com/x.go",
	"package-lock.json", "web/yarn.lock", "Pipfile.lock", "poetry.lock",
	"static/jquery-3.6.0.min.js", "static/JQuery.min.js.map", "static/app.min.js",
	"venv/lib/python3.11/site-packages/x.py", "VENV/LIB64/x.py", "lib/python3.11/x.py",
	"requests-2.31.0.dist-info/RECORD", "gradlew", "gradlew.bat", "mvnw.cmd",
	".mvn/wrapper/MavenWrapperDownloader.java", "gitleaks.toml", "x/.git",
	"Database.refactorlog", "verification-metadata.xml", "vendor/bundle/ruby/x.rb",
	"app/main.py", "services/api/handlers.go", "config/.env", "", "/",
	"\u212a.png", "a.\u017fvg", "é/go.mod",
}

// ungatedPathAllowed is pathAllowed without the gates: gitleaks' own
// decision on every path.
func ungatedPathAllowed(rs *ruleset, path string) bool {
	for _, a := range rs.global {
		if a.MatchCondition == config.AllowlistMatchOr && a.PathAllowed(path) {
			return true
		}
	}
	return false
}

func TestPathAllowedGated(t *testing.T) {
	rs, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	paths := allowlistPaths
	roots := []string{"testdata"}
	if root := os.Getenv("THREATMAP_PARITY_ROOT"); root != "" {
		roots = append(roots, root)
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, _ fs.DirEntry, err error) error {
			if rel, rerr := filepath.Rel(root, p); rerr == nil {
				paths = append(paths, filepath.ToSlash(rel))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	allowed := 0
	for _, p := range paths {
		want := ungatedPathAllowed(rs, p)
		if got := rs.pathAllowed(p); got != want {
			t.Errorf("pathAllowed(%q) = %v, gitleaks says %v", p, got, want)
		}
		if want {
			allowed++
		}
	}
	if allowed < 20 {
		t.Errorf("only %d paths allowed: the cases no longer reach the allowlist", allowed)
	}
}

// FuzzPathAllowed holds gitleaks' ungated allowlist as the reference.
func FuzzPathAllowed(f *testing.F) {
	for _, p := range allowlistPaths {
		f.Add(p)
	}
	rs, err := loadRules()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := rs.pathAllowed(p), ungatedPathAllowed(rs, p); got != want {
			t.Errorf("pathAllowed(%q) = %v, gitleaks says %v", p, got, want)
		}
	})
}

// BenchmarkPathAllowed: Match asks for every path of a tree, most of
// them ordinary source files.
func BenchmarkPathAllowed(b *testing.B) {
	paths := []string{"app/main.py", "services/api/handlers.go", "web/src/components/Button.tsx",
		"deploy/k8s/deployment.yaml", "infra/main.tf", ".github/workflows/ci.yml", "README.md", "web/package.json"}
	rs, err := loadRules()
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []string{"gitleaks", "gated"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				for _, p := range paths {
					if mode == "gated" {
						rs.pathAllowed(p)
					} else {
						ungatedPathAllowed(rs, p)
					}
				}
			}
		})
	}
}
