package thirdparty

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// TestCatalogueFixture holds every catalogue entry to a fixture: each of
// its packages (manifest names per ecosystem, python modules), hosts,
// calls, exports called, routing prefixes, webhook headers and sign-in presets must be recognised as that service somewhere in
// testdata/catalogue, on a line that names it. The expectations come from
// the table itself, so a new entry without a fixture line fails here. The
// lookalike files there must yield nothing.
func TestCatalogueFixture(t *testing.T) {
	dir := filepath.Join("testdata", "catalogue")
	// found[service id] holds the text of every line recognised as it.
	found := map[string][]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		lines := strings.Split(string(data), "\n")
		line := func(n int) string { return lines[n-1] }
		if IsManifest(rel) {
			deps, err := ParseManifest(rel, data)
			if err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			for _, dep := range deps {
				if s := catalog.ForPackage(dep.Ecosystem, dep.Name); s != nil {
					found[s.ID] = append(found[s.ID], line(dep.Line))
				}
			}
			return nil
		}
		l := lang.Of(rel)
		uses := code.Uses(l, lang.StripComments(l, data))
		if strings.Contains(rel, "lookalike") {
			for _, u := range uses {
				t.Errorf("%s:%d: lookalike recognised as %s", rel, u.Line, u.Service.ID)
			}
			return nil
		}
		for _, u := range uses {
			found[u.Service.ID] = append(found[u.Service.ID], line(u.Line))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(catalog.All()); n < 150 {
		t.Errorf("the catalogue has %d services, want at least 150", n)
	}
	for _, s := range catalog.All() {
		want := func(kind, text string) {
			for _, l := range found[s.ID] {
				if strings.Contains(l, text) {
					return
				}
			}
			t.Errorf("%s: %s %q is not recognised in any fixture line", s.ID, kind, text)
		}
		for eco, names := range s.Packages {
			for _, n := range names {
				want(eco+" package", strings.TrimSuffix(n, "*"))
			}
		}
		for lang, mods := range s.Imports {
			for _, m := range mods {
				want(lang+" name", m[strings.LastIndexByte(m, '.')+1:])
			}
		}
		for _, h := range s.Hosts {
			want("host", h)
		}
		for _, h := range s.Headers {
			want("header", h)
		}
		for eco, names := range s.Exports {
			for _, n := range names {
				n, _, _ = strings.Cut(n, " unless ")
				name := n[strings.LastIndexByte(n, '.')+1:]
				if eco == catalog.Go && slices.ContainsFunc(found[s.ID], func(l string) bool { return strings.Contains(l, name+"{") }) {
					continue // a Go struct literal makes one
				}
				want(eco+" export", name+"(")
			}
		}
		for mod, texts := range s.Prefixes {
			for _, x := range texts {
				want(mod+" prefix", x)
			}
		}
		// A sign-in preset's name as the fixture line spells it (azure-ad,
		// azuread_tenant, AddMicrosoftProvider).
		for _, n := range s.SignIn {
			hit := false
			for _, l := range found[s.ID] {
				hit = hit || strings.Contains(catalog.SignInKey(l), catalog.SignInKey(n))
			}
			if !hit {
				t.Errorf("%s: sign-in preset %q is not recognised in any fixture line", s.ID, n)
			}
		}
		if len(s.Calls) > 0 {
			hit := false
			for _, l := range found[s.ID] {
				hit = hit || s.CallIn([]byte(l)) >= 0
			}
			if !hit {
				t.Errorf("%s: no fixture line makes one of its calls", s.ID)
			}
		}
	}
}

// The fixture's manifests must stay valid for the scan too.
func TestCatalogueFixtureManifestsParse(t *testing.T) {
	for _, name := range []string{"package.json", "requirements.txt", "go.mod"} {
		data, err := os.ReadFile(filepath.Join("testdata", "catalogue", name))
		if err != nil {
			t.Fatal(err)
		}
		deps, err := ParseManifest(name, data)
		if err != nil || len(deps) < 100 || bytes.Count(data, []byte("\n")) < 100 {
			t.Errorf("%s: %d dependencies, err %v", name, len(deps), err)
		}
	}
}
