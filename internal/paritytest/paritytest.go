// Package paritytest feeds files to the tests that hold an optimised
// search to the plain one it replaced: every regular file of the given
// fixture folders and, when THREATMAP_PARITY_ROOT names a folder, of that
// tree too, so a change can be checked on a large real or generated tree
// without a test that needs one:
//
//	THREATMAP_PARITY_ROOT=DIR go test ./internal/detector/... -run Reference
package paritytest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// RootEnv names the extra tree to compare on.
const RootEnv = "THREATMAP_PARITY_ROOT"

// Files calls compare with the path, relative to its root and
// slash-separated as the scan names files (a fixture's "testdata/" would
// read as a test folder), and the bytes of every regular file under roots
// and under $THREATMAP_PARITY_ROOT. It fails the test if there were none:
// a comparison over nothing proves nothing.
func Files(t testing.TB, roots []string, compare func(path string, data []byte)) {
	t.Helper()
	if r := os.Getenv(RootEnv); r != "" {
		roots = append(roots[:len(roots):len(roots)], r)
	}
	n := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			n++
			compare(filepath.ToSlash(rel), data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n == 0 {
		t.Fatal("no files compared")
	}
}
