package source

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, root, rel, content string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func walk(t *testing.T, root string, opt Options) (files []string, warnings []Warning) {
	t.Helper()
	err := Walk(context.Background(), root, opt, func(e Entry) error {
		files = append(files, e.Path)
		return nil
	}, func(w Warning) { warnings = append(warnings, w) })
	if err != nil {
		t.Fatal(err)
	}
	return files, warnings
}

func TestWalkSkipsAndIgnores(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"app/main.py", "app/.env", "app/build.log", "docs/a.md",
		"node_modules/x/index.js", "vendor/y/y.go", ".git/config", "web/dist/app.js",
		"pkg/testdata/fixture.go", "nested/keep.txt", "nested/drop.tmp",
	} {
		write(t, root, f, "x")
	}
	write(t, root, ".gitignore", "*.log\n/docs/\n")
	write(t, root, "nested/.gitignore", "*.tmp\n")
	write(t, root, "big.bin", strings.Repeat("a", 2048))

	files, _ := walk(t, root, Options{MaxFileSize: 1024})
	want := []string{".gitignore", "app/.env", "app/main.py", "nested/.gitignore", "nested/keep.txt"}
	if !slices.Equal(files, want) {
		t.Errorf("walked %v\nwant   %v", files, want)
	}

	files, _ = walk(t, root, Options{MaxFileSize: 1024, NoGitignore: true})
	for _, f := range []string{"app/build.log", "docs/a.md", "nested/drop.tmp"} {
		if !slices.Contains(files, f) {
			t.Errorf("--no-gitignore should read %s; walked %v", f, files)
		}
	}
}

func TestWalkNeverFollowsLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	outside := t.TempDir()
	write(t, outside, "secret.txt", "outside the tree")
	root := t.TempDir()
	write(t, root, "a/file.go", "package a")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(outside, filepath.Join(root, "escape")))
	must(os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "escape.txt")))
	must(os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "a", "loop")))
	must(os.Symlink(filepath.Join(root, "self"), filepath.Join(root, "self")))
	must(os.Symlink(filepath.Join(root, "a", "file.go"), filepath.Join(root, "inside.go")))

	files, warnings := walk(t, root, Options{})
	if !slices.Equal(files, []string{"a/file.go"}) {
		t.Errorf("walked %v; links must never be followed", files)
	}
	warned := map[string]string{}
	for _, w := range warnings {
		warned[w.Path] = w.Message
	}
	for _, p := range []string{"escape", "escape.txt", "self"} {
		if warned[p] == "" {
			t.Errorf("no warning for link %s; got %v", p, warnings)
		}
	}
	if _, ok := warned["inside.go"]; ok {
		t.Errorf("a link inside the tree is skipped quietly, got warning %q", warned["inside.go"])
	}
}

func TestWalkUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads everything")
	}
	root := t.TempDir()
	write(t, root, "locked/x.go", "package x")
	if err := os.Chmod(filepath.Join(root, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(root, "locked"), 0o755)
	_, warnings := walk(t, root, Options{})
	if len(warnings) != 1 || warnings[0].Path != "locked" {
		t.Errorf("want one warning for the unreadable folder, got %v", warnings)
	}
}

func TestWalkRootErrors(t *testing.T) {
	root := t.TempDir()
	write(t, root, "f.txt", "x")
	noop := func(Entry) error { return nil }
	if err := Walk(context.Background(), filepath.Join(root, "missing"), Options{}, noop, func(Warning) {}); err == nil {
		t.Error("a missing root must be an error")
	}
	if err := Walk(context.Background(), filepath.Join(root, "f.txt"), Options{}, noop, func(Warning) {}); err == nil {
		t.Error("a file as root must be an error")
	}
}

func TestIsBinaryAndMinified(t *testing.T) {
	if !IsBinary([]byte("abc\x00def")) || IsBinary([]byte("plain text")) {
		t.Error("IsBinary is wrong")
	}
	long := strings.Repeat("var a=1;", 1000)
	tests := []struct {
		path string
		data string
		want bool
	}{
		{"app.min.js", "x", true},
		{"vendor.bundle.js", "x", true},
		{"app.js", long, true},
		{"app.js", strings.Repeat("const a = 1;\n", 1000), false},
		{"app.py", long, false},
		// One fat literal in a hand-written module: not a bundle.
		{"server.js", "const logo = 'data:image/png;base64," + strings.Repeat("iVBORw0KGgo", 800) + "';\napp.get('/logo', send);\n", false},
		// A bundle with a license header: its long line is code, strings and all.
		{"vendor.js", "/*! lib v1 | MIT */\n" + strings.Repeat(`var a="x",b='y';function f(c){return c+a}`, 200), true},
	}
	for _, tc := range tests {
		if got := IsMinified(tc.path, []byte(tc.data)); got != tc.want {
			t.Errorf("IsMinified(%s) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// A .gitignore the walk cannot trust is not read, and a warning says its
// patterns do not apply: a link (to /dev/zero, whose read never ends, or
// out of the tree), a named pipe (whose read blocks forever), a file over
// the cap.
func TestWalkHostileGitignore(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := t.TempDir()
	write(t, outside, "ignore-all", "*\n")
	saved := maxIgnoreSize
	maxIgnoreSize = 4096
	t.Cleanup(func() { maxIgnoreSize = saved })
	tests := []struct {
		name string
		make func(t *testing.T, path string) error
		why  string
	}{
		{"link to /dev/zero", func(t *testing.T, p string) error { return os.Symlink("/dev/zero", p) }, "a symbolic link"},
		{"link out of the tree", func(t *testing.T, p string) error { return os.Symlink(filepath.Join(outside, "ignore-all"), p) }, "a symbolic link"},
		{"named pipe", func(t *testing.T, p string) error {
			if err := mkfifo(p); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			return nil
		}, "not a regular file (a named pipe)"},
		{"over the cap", func(t *testing.T, p string) error {
			return os.WriteFile(p, []byte("*\n"+strings.Repeat("#", 5000)+"\n"), 0o644)
		}, "file too large: larger than 4 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			write(t, root, "app/main.go", "package main")
			if err := tt.make(t, filepath.Join(root, "app", ".gitignore")); err != nil {
				t.Fatal(err)
			}
			var files []string
			var warnings []Warning
			within(t, func() { files, warnings = walk(t, root, Options{}) })
			if !slices.Contains(files, "app/main.go") {
				t.Errorf("walked %v: the untrusted .gitignore's patterns were applied", files)
			}
			want := Warning{Path: "app/.gitignore", Message: tt.why + "; not read, so its patterns do not apply"}
			if !slices.Contains(warnings, want) {
				t.Errorf("warnings %v lack %v", warnings, want)
			}
			if len(warnings) != 1 {
				t.Errorf("want one warning, got %v", warnings)
			}
		})
	}
}

// TestExcluderAgreesWithWalk: what Excluder calls excluded is exactly what
// the walk leaves out for the same globs.
func TestExcluderAgreesWithWalk(t *testing.T) {
	files := []string{
		"app/main.py", "app/admin.py", "app/admin/views.py", "scripts/release.js",
		"services/x/scripts/seed.js", "docs/guide.md", "web/app.min.js", "web/keep.js",
	}
	root := t.TempDir()
	for _, f := range files {
		write(t, root, f, "x")
	}
	for _, globs := range [][]string{
		nil,
		{"app/admin.py"},
		{"scripts/"},
		{"/scripts/"},
		{"admin*", "!app/admin.py"},
		{"*.min.js", "# a comment", " "},
		{"web/", "!web/keep.js"}, // a folder excluded hides what a negation names below it
	} {
		walked, _ := walk(t, root, Options{Exclude: globs})
		excluded := Excluder(globs)
		for _, f := range files {
			if got, want := excluded(f), !slices.Contains(walked, f); got != want {
				t.Errorf("Excluder(%q)(%s) = %v; the walk excludes it: %v", globs, f, got, want)
			}
		}
	}
}
