package paritytest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFilesVisitsRegularFilesAndParityRoot(t *testing.T) {
	fixtures, extra := t.TempDir(), t.TempDir()
	for _, f := range []string{filepath.Join(fixtures, "a.go"), filepath.Join(fixtures, "sub", "b.py"), filepath.Join(extra, "c.js")} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(filepath.Base(f)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(fixtures, "a.go"), filepath.Join(fixtures, "link.go")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	t.Setenv(RootEnv, extra)
	var seen []string
	Files(t, []string{fixtures}, func(p string, data []byte) {
		if filepath.Base(p) != string(data) {
			t.Errorf("%s: got the bytes of %q", p, data)
		}
		seen = append(seen, filepath.Base(p))
		if filepath.IsAbs(p) || strings.Contains(p, `\`) {
			t.Errorf("%s: not relative to its root, slash-separated", p)
		}
	})
	slices.Sort(seen)
	if want := []string{"a.go", "b.py", "c.js"}; !slices.Equal(seen, want) {
		t.Fatalf("visited %v, want %v (links are not files)", seen, want)
	}
}

func TestFilesFailsOnNothing(t *testing.T) {
	t.Setenv(RootEnv, "")
	ft := &fakeT{TB: t}
	Files(ft, []string{t.TempDir()}, func(string, []byte) {})
	if !ft.failed {
		t.Fatal("an empty comparison passed")
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()      {}
func (f *fakeT) Fatal(...any) { f.failed = true }
