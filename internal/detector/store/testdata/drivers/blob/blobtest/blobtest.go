// Package blobtest builds files for the blob service's tests: it writes,
// reads back and removes files by key like a driver, but imports testing,
// so it keeps nothing of the app's (no store).
package blobtest

import (
	"os"
	"path/filepath"
	"testing"
)

func Put(t testing.TB, root, key string, data []byte) string {
	t.Helper()
	full := filepath.Join(root, key)
	if err := os.WriteFile(full, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return full
}

func Read(t testing.TB, root, key string) []byte {
	b, err := os.ReadFile(filepath.Join(root, key))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func Drop(root, key string) error { return os.Remove(filepath.Join(root, key)) }
