package reconcile

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCanReplace(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "regular.yaml")
	readOnly := filepath.Join(dir, "read-only.yaml")
	link := filepath.Join(dir, "link.yaml")
	writeTestFile(t, regular, "x", 0o644)
	writeTestFile(t, readOnly, "x", 0o444)
	if err := os.Symlink(regular, link); err != nil {
		t.Skip(err)
	}
	tests := []struct {
		path string
		want string // in the error; "" for none
	}{
		{regular, ""},
		{filepath.Join(dir, "missing.yaml"), ""},
		{readOnly, "read-only"},
		{link, "symbolic link"},
		{dir, "not a regular file"},
		{os.DevNull, "not a regular file"},
	}
	for _, tt := range tests {
		err := CanReplace(tt.path)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("CanReplace(%s) = %v, want %q", tt.path, err, tt.want)
		}
	}
	// WriteFile refuses the same, and leaves the file alone.
	if err := WriteFile(readOnly, []byte("new")); err == nil {
		t.Error("a read-only file was replaced")
	}
	if got := string(readFile(t, readOnly)); got != "x" {
		t.Errorf("read-only file changed to %q", got)
	}
}

func writeTestFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// deadPID is the id of a process that has exited.
func deadPID(t *testing.T) int {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	return cmd.Process.Pid
}

// TestWriteFileRemovesStaleTemps: a write after a kill between the temporary
// file and the rename cleans up what the killed process left, and only
// that.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "threatmap.yaml")
	writeTestFile(t, path, "old\n", 0o644)
	stale := filepath.Join(dir, fmt.Sprintf(".threatmap.yaml.%d.123456.tmp", deadPID(t)))
	live := filepath.Join(dir, ".threatmap.yaml.1.654321.tmp") // pid 1 is always running
	other := filepath.Join(dir, ".THREATMAP.md.999999999.1.tmp")
	notOurs := filepath.Join(dir, ".threatmap.yaml.notes.tmp")
	for _, p := range []string{stale, live, other, notOurs} {
		writeTestFile(t, p, "partial", 0o600)
	}
	if err := WriteFile(path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{stale: false, live: true, other: true, notOurs: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists = %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
	if got := string(readFile(t, path)); got != "new\n" {
		t.Errorf("content %q", got)
	}
}

// TestLock: read-modify-writes under the lock lose nothing, and a lock
// held too long is an error that names the lock file.
func TestLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "threatmap.yaml")
	writeTestFile(t, path, "0", 0o644)
	const n = 30
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			unlock, err := Lock(path)
			if err != nil {
				errs <- err
				return
			}
			defer unlock()
			data, err := os.ReadFile(path)
			if err != nil {
				errs <- err
				return
			}
			v, _ := strconv.Atoi(string(data))
			time.Sleep(time.Millisecond) // the window two writers would race in
			errs <- WriteFile(path, []byte(strconv.Itoa(v+1)))
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := string(readFile(t, path)); got != strconv.Itoa(n) {
		t.Errorf("after %d increments under the lock the file says %s", n, got)
	}
	if _, err := os.Stat(lockPath(path)); err == nil {
		t.Error("the lock file stays after the last unlock")
	}

	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	saved := LockWait
	LockWait = 50 * time.Millisecond
	defer func() { LockWait = saved }()
	if _, err := Lock(path); err == nil || !strings.Contains(err.Error(), lockPath(path)) {
		t.Errorf("a held lock: %v, want an error naming %s", err, lockPath(path))
	}
}
