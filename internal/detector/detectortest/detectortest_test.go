package detectortest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// knownMisses is how many "knownmiss:" annotations the detector fixtures
// hold: a detector change that fixes one, or a fixture that adds one,
// changes this number in the same commit.
const knownMisses = 0

// TestKnownMissesCounted reads every fixture of every detector.
func TestKnownMissesCounted(t *testing.T) {
	var all []KnownMiss
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || d.Name() != "testdata" {
			return err
		}
		for _, m := range KnownMisses(t, p) {
			m.File = filepath.ToSlash(filepath.Join(p, m.File))
			all = append(all, m)
		}
		return fs.SkipDir
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		t.Logf("known miss: %s @%s:%d (%s)", m.Text, m.File, m.Line, m.Reason)
	}
	if len(all) != knownMisses {
		t.Errorf("the fixtures hold %d known misses, knownMisses says %d: update it", len(all), knownMisses)
	}
}

// recorder is a testing.TB that keeps the failures.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper()             {}
func (r *recorder) Logf(string, ...any) {}
func (r *recorder) Error(a ...any)      { r.errors = append(r.errors, fmt.Sprint(a...)) }
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}

func TestCheckIsExact(t *testing.T) {
	tests := []struct {
		name      string
		got, want []string
		fails     []string // substrings of the one failure, none when empty
	}{
		{"same", []string{"a", "b", "a"}, []string{"a", "a", "b"}, nil},
		{"both empty", nil, nil, nil},
		// One miss in forty is 97.5% recall: the old 0.95 bar let it pass.
		{"one miss in forty", many("x", 39), many("x", 40), []string{"1 missed, 0 extra", "missed: x"}},
		{"one extra", []string{"a", "b"}, []string{"a"}, []string{"0 missed, 1 extra", "extra:  b"}},
		{"a duplicate is an extra", []string{"a", "a"}, []string{"a"}, []string{"extra:  a"}},
		{"nothing found", nil, []string{"a"}, []string{"missed: a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{TB: t}
			Check(r, "fixture", tt.got, tt.want)
			if len(tt.fails) == 0 {
				if len(r.errors) > 0 {
					t.Errorf("unexpected failure: %q", r.errors)
				}
				return
			}
			if len(r.errors) != 1 {
				t.Fatalf("want one failure, got %q", r.errors)
			}
			for _, s := range tt.fails {
				if !strings.Contains(r.errors[0], s) {
					t.Errorf("failure lacks %q:\n%s", s, r.errors[0])
				}
			}
		})
	}
}

func many(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestWantsAndKnownMisses(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "app.py"), `@app.get("/a")  # want: GET /a; GET /b
@app.get("/c")  # knownmiss: GET /c -- the prefix is built at run time
# want: GET /d
x = 1
"_comment": "want: secret k",
/* knownmiss: secret m -- a rule for m is not written yet */
`)
	if got, want := Wants(t, dir, "GET "), []string{"/a", "/b", "/d"}; !slices.Equal(got, want) {
		t.Errorf("Wants = %q, want %q", got, want)
	}
	if got, want := WantsAt(t, dir, ""), []string{"GET /a @app.py:1", "GET /b @app.py:1", "GET /d @app.py:4", "secret k @app.py:5"}; !slices.Equal(got, want) {
		t.Errorf("WantsAt = %q, want %q", got, want)
	}
	misses := KnownMisses(t, dir)
	want := []KnownMiss{
		{File: "app.py", Line: 2, Text: "GET /c", Reason: "the prefix is built at run time"},
		{File: "app.py", Line: 6, Text: "secret m", Reason: "a rule for m is not written yet"},
	}
	if !slices.Equal(misses, want) {
		t.Errorf("KnownMisses = %+v, want %+v", misses, want)
	}

	// A known miss the detector now finds fails as an extra that says so.
	r := &recorder{TB: t}
	Check(r, "routes", []string{"/a", "/b", "/c", "/d"}, Wants(t, dir, "GET "))
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "extra:  /c (found now: turn the knownmiss at "+filepath.ToSlash(dir)+"/app.py:2 into a want)") {
		t.Errorf("failures %q, want one naming the known miss now found", r.errors)
	}
}

func TestKnownMissNeedsReason(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.go"), "r.Get(\"/x\", h) // knownmiss: GET /x\n")
	for _, read := range []func(testing.TB){
		func(tb testing.TB) { KnownMisses(tb, dir) },
		func(tb testing.TB) { Wants(tb, dir, "") },
	} {
		r := &recorder{TB: t}
		read(r)
		if len(r.errors) != 1 || !strings.Contains(r.errors[0], "a.go:1: write a known miss as") {
			t.Errorf("failures %q, want one asking for a reason", r.errors)
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
