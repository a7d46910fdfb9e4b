package source

import (
	"context"
	"testing"
)

// BenchmarkWalk walks this repository (.gitignore files, skipped folders,
// symbolic-link checks) without reading a file.
func BenchmarkWalk(b *testing.B) {
	for b.Loop() {
		n := 0
		err := Walk(context.Background(), "../..", Options{}, func(Entry) error { n++; return nil }, func(Warning) {})
		if err != nil || n == 0 {
			b.Fatalf("walk: %d files, %v", n, err)
		}
	}
}

// BenchmarkIsBinary and BenchmarkIsMinified are the per-file skip rules.
func BenchmarkIsBinary(b *testing.B) {
	data := make([]byte, 64<<10)
	for i := range data {
		data[i] = 'a' + byte(i%26)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		IsBinary(data)
	}
}

func BenchmarkIsMinified(b *testing.B) {
	data := make([]byte, 64<<10)
	for i := range data {
		data[i] = 'a' + byte(i%26)
		if i%80 == 79 {
			data[i] = '\n'
		}
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		IsMinified("web/app.js", data)
	}
}

// BenchmarkWalkManyIgnorePatterns walks 10,000 files under a .gitignore of
// 20,000 patterns of the shapes real ones have: names, folders, *.ext,
// prefix*, anchored paths, and a few general globs.
func BenchmarkWalkManyIgnorePatterns(b *testing.B) {
	root := b.TempDir()
	writeManyIgnoreTree(b, root, 100, 100, 20_000)
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := Walk(context.Background(), root, Options{}, func(Entry) error { n++; return nil }, func(Warning) {})
		if err != nil || n == 0 {
			b.Fatalf("walk: %d files, %v", n, err)
		}
	}
}
