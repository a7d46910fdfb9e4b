package main

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{in: "250MB", want: 250e6},
		{in: "1GB", want: 1e9},
		{in: "1.5gb", want: 1.5e9},
		{in: "512KB", want: 512e3},
		{in: "4096", want: 4096},
		{in: "lots", bad: true},
		{in: "-1MB", bad: true},
	} {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, bad %v", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

// TestDeterministic: the same seed and size write the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	sa, err := Generate(a, 3e6, 7)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Generate(b, 3e6, 7)
	if err != nil {
		t.Fatal(err)
	}
	if sa != sb || treeHash(t, a) != treeHash(t, b) {
		t.Fatalf("two runs differ: %+v vs %+v", sa, sb)
	}
	if sa.Bytes < 3e6 || sa.Secrets == 0 {
		t.Fatalf("tree too small or without secrets: %+v", sa)
	}
}

func treeHash(t *testing.T, root string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		h.Write([]byte(rel + "\x00"))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}
