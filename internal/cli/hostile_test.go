//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileFilesExitUsage pins what the scripts see only as "non-zero":
// a model or check configuration that is a link out of the folder, a
// named pipe or a device is bad input, exit 2, naming the file, at once.
func TestHostileFilesExitUsage(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "passwd"), "root:x:0:0:root:/root:/bin/sh\n")
	link := func(target string) func(string) error {
		return func(p string) error { return os.Symlink(target, p) }
	}
	pipe := func(p string) error { return syscall.Mkfifo(p, 0o644) }
	tests := []struct {
		name string
		file string // made in the scanned folder
		make func(path string) error
		args func(dir string) []string
		want string
	}{
		{"model linked out", "threatmap.yaml", link(filepath.Join(outside, "passwd")), func(d string) []string { return []string{"check", d} }, "is a symbolic link"},
		{"model linked to /dev/zero", "threatmap.yaml", link("/dev/zero"), func(d string) []string { return []string{"validate", d} }, "is a symbolic link"},
		{"model a pipe", "threatmap.yaml", pipe, func(d string) []string { return []string{"report", d} }, "not a regular file (a named pipe)"},
		{"config linked out", "threatmap-check.yaml", link(filepath.Join(outside, "passwd")), func(d string) []string { return []string{"check", d} }, "is a symbolic link"},
		{"config a pipe", "threatmap-check.yaml", pipe, func(d string) []string { return []string{"check", d} }, "not a regular file (a named pipe)"},
		{"named model a pipe", "m.yaml", pipe, func(d string) []string { return []string{"check", t.TempDir(), "--model", filepath.Join(d, "m.yaml")} }, "not a regular file (a named pipe)"},
		{"named config a device", "c.yaml", link("/dev/zero"), func(d string) []string { return []string{"check", t.TempDir(), "--config", filepath.Join(d, "c.yaml")} }, "not a regular file (a device)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			if err := tt.make(path); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			code := make(chan int, 1)
			go func() { code <- Run(tt.args(dir), &out, &errOut) }()
			select {
			case c := <-code:
				if c != ExitUsage {
					t.Errorf("exit %d, want %d; stderr: %s", c, ExitUsage, errOut.String())
				}
			case <-time.After(20 * time.Second):
				t.Fatal("still running after 20 s: the read blocked")
			}
			if msg := errOut.String(); !strings.Contains(msg, path+": "+tt.want) || strings.Contains(msg, "root:x") {
				t.Errorf("stderr %q should name %s and say %q, and print nothing of the target", msg, path, tt.want)
			}
		})
	}
}
