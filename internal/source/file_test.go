package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// within fails the test if f has not returned in a few seconds: a read
// that blocks on a named pipe must fail, not hang.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("still blocked after 10 s")
	}
}

// hostileTree builds, in temporary folders, a tree holding every kind of
// file threatmap must refuse to read, and a folder outside it.
func hostileTree(t *testing.T) (root, outside string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside = t.TempDir()
	write(t, outside, "passwd", "root:x:0:0:root:/root:/bin/sh\n")
	root = t.TempDir()
	write(t, root, "ok.yaml", "version: 1\n")
	write(t, root, "inner/real.txt", "inside\n")
	write(t, root, "big.txt", strings.Repeat("x", 2048))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("/dev/zero", filepath.Join(root, "zero")))
	must(os.Symlink(filepath.Join(outside, "passwd"), filepath.Join(root, "passwd")))
	must(os.Symlink(outside, filepath.Join(root, "out")))
	must(os.Symlink("inner", filepath.Join(root, "in")))
	must(os.Symlink("real.txt", filepath.Join(root, "inner", "alias.txt")))
	must(os.MkdirAll(filepath.Join(root, "folder"), 0o755))
	if err := mkfifo(filepath.Join(root, "fifo")); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	return root, outside
}

func TestReadFileRefusesWhatTheWalkRefuses(t *testing.T) {
	root, _ := hostileTree(t)
	tests := []struct {
		rel  string
		want error // nil: read
	}{
		{"ok.yaml", nil},
		{"inner/real.txt", nil},
		{"zero", ErrLink},
		{"passwd", ErrLink},
		{"out/passwd", ErrLink},               // a folder on the way leads out
		{"in/real.txt", ErrLink},              // a link to a folder inside: still a link
		{"inner/alias.txt", ErrLink},          // a link to a file inside: still a link
		{"fifo", ErrNotRegular},               // would block forever
		{"folder", ErrNotRegular},             //
		{"big.txt", ErrTooLarge},              // over the cap of 1 KiB
		{"missing.yaml", fs.ErrNotExist},      //
		{"../outside.yaml", nil},              // not a path inside: any error
		{"inner/../../x.yaml", nil},           // likewise
		{filepath.Join(root, "ok.yaml"), nil}, // an absolute path is not inside either
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			var data []byte
			var err error
			within(t, func() { data, err = ReadFile(root, tt.rel, 1024) })
			escapes := strings.Contains(tt.rel, "..") || filepath.IsAbs(tt.rel)
			switch {
			case escapes:
				if err == nil {
					t.Fatalf("read %q outside the root", data)
				}
			case tt.want == nil:
				if err != nil {
					t.Fatalf("want the file read, got %v", err)
				}
				if len(data) == 0 {
					t.Fatal("read nothing")
				}
			case !errors.Is(err, tt.want):
				t.Fatalf("got %v (%q), want %v", err, data, tt.want)
			}
			if err != nil && !escapes && !strings.Contains(err.Error(), filepath.Join(root, tt.rel)) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestStatFileRefusesLinks(t *testing.T) {
	root, _ := hostileTree(t)
	for rel, want := range map[string]error{
		"ok.yaml": nil, "passwd": ErrLink, "out/passwd": ErrLink, "fifo": ErrNotRegular, "missing": fs.ErrNotExist,
	} {
		var err error
		within(t, func() { _, err = StatFile(root, rel) })
		if want == nil && err != nil || want != nil && !errors.Is(err, want) {
			t.Errorf("%s: got %v, want %v", rel, err, want)
		}
	}
}

// A file a person names is read through links, but never a pipe, a
// device or more than the cap.
func TestReadNamed(t *testing.T) {
	root, _ := hostileTree(t)
	tests := []struct {
		rel  string
		want error
	}{
		{"ok.yaml", nil},
		{"passwd", nil}, // the person chose this path
		{"out/passwd", nil},
		{"zero", ErrNotRegular},
		{"fifo", ErrNotRegular},
		{"folder", ErrNotRegular},
		{"big.txt", ErrTooLarge},
	}
	for _, tt := range tests {
		var err error
		within(t, func() { _, err = ReadNamed(filepath.Join(root, tt.rel), 1024) })
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.rel, err, tt.want)
		}
	}
}

// ReadInput reads by the tree's rules inside the root, by a person's
// outside it.
func TestReadInput(t *testing.T) {
	root, outside := hostileTree(t)
	if _, err := ReadInput(root, filepath.Join(root, "passwd"), 1024); !errors.Is(err, ErrLink) {
		t.Errorf("a link inside the root: got %v, want %v", err, ErrLink)
	}
	if _, err := ReadInput(root, filepath.Join(root, "inner", "real.txt"), 1024); err != nil {
		t.Errorf("a file inside the root: %v", err)
	}
	if _, err := ReadInput(filepath.Join(root, "inner"), filepath.Join(root, "passwd"), 1024); err != nil {
		t.Errorf("a path outside the root, named by a person, is followed: %v", err)
	}
	if _, err := ReadInput(root, filepath.Join(outside, "passwd"), 1024); err != nil {
		t.Errorf("a file outside the root: %v", err)
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		root, path, rel string
		ok              bool
	}{
		{"app", "app/threatmap.yaml", "threatmap.yaml", true},
		{"app", "app/a/../b.yaml", "b.yaml", true},
		{".", "threatmap.yaml", "threatmap.yaml", true},
		{"app", "app", "", false},
		{"app", "other/threatmap.yaml", "", false},
		{"app", "app/../../x.yaml", "", false},
		{"/srv/app", "/srv/app/x/y.yaml", "x/y.yaml", true},
	}
	for _, tt := range tests {
		rel, ok := Within(tt.root, tt.path)
		if rel != tt.rel || ok != tt.ok {
			t.Errorf("Within(%q, %q) = %q, %v; want %q, %v", tt.root, tt.path, rel, ok, tt.rel, tt.ok)
		}
	}
}

func TestEntryRead(t *testing.T) {
	root, _ := hostileTree(t)
	var got []string
	err := Walk(t.Context(), root, Options{MaxFileSize: 4096}, func(e Entry) error {
		data, err := e.Read()
		if err != nil {
			t.Errorf("%s: %v", e.Path, err)
		}
		got = append(got, e.Path+"="+strings.TrimSpace(string(data[:min(len(data), 7)])))
		return nil
	}, func(Warning) {})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "big.txt=xxxxxxx inner/real.txt=inside ok.yaml=version" {
		t.Errorf("read %v", got)
	}
	// A pipe put where the walk saw a file is refused, not waited on.
	e := Entry{Path: "fifo", Abs: filepath.Join(root, "fifo")}
	var rerr error
	within(t, func() { _, rerr = e.Read() })
	if !errors.Is(rerr, ErrNotRegular) {
		t.Errorf("pipe: got %v", rerr)
	}
}
