package scan

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/source"
)

func benchScan(b *testing.B, roots []string, opt Options) {
	b.Helper()
	var size int64
	for _, root := range roots {
		res, err := Run(context.Background(), root, all.New(), opt)
		if err != nil {
			b.Fatal(err)
		}
		size += res.Stats.Bytes
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, root := range roots {
			if _, err := Run(context.Background(), root, all.New(), opt); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkScanExamples is the end-to-end scan of the bundled examples.
func BenchmarkScanExamples(b *testing.B) {
	var roots []string
	for _, t := range fixtureTrees(b) {
		if filepath.Base(filepath.Dir(t)) == "examples" {
			roots = append(roots, t)
		}
	}
	benchScan(b, roots, Options{})
}

// BenchmarkScanFixtures scans every detector fixture app, with and
// without the keyword prefilter.
func BenchmarkScanFixtures(b *testing.B) {
	b.Run("prefilter", func(b *testing.B) { benchScan(b, fixtureTrees(b), Options{}) })
	b.Run("no-prefilter", func(b *testing.B) { benchScan(b, fixtureTrees(b), Options{NoPrefilter: true}) })
}

// BenchmarkScanTree scans the tree named by THREATMAP_BENCH_TREE (a real
// repository, or one bench/gen wrote), for profiling on realistic input:
//
//	THREATMAP_BENCH_TREE=DIR go test ./internal/scan -run - -bench ScanTree -benchtime 1x -cpuprofile cpu.out
func BenchmarkScanTree(b *testing.B) {
	root := os.Getenv("THREATMAP_BENCH_TREE")
	if root == "" {
		b.Skip("set THREATMAP_BENCH_TREE to a folder to scan")
	}
	benchScan(b, []string{root}, Options{})
}

// BenchmarkPrefilter is the routing alone: Match on every path and one
// keyword pass over every file the fixtures and examples hold.
func BenchmarkPrefilter(b *testing.B) {
	type file struct {
		path string
		data []byte
	}
	var files []file
	var size int64
	for _, root := range fixtureTrees(b) {
		err := source.Walk(context.Background(), root, source.Options{}, func(e source.Entry) error {
			data, err := os.ReadFile(e.Abs)
			files = append(files, file{e.Path, data})
			size += int64(len(data))
			return err
		}, func(source.Warning) {})
		if err != nil {
			b.Fatal(err)
		}
	}
	rt := newRouter(all.New(), true)
	var r routing
	b.SetBytes(size)
	for b.Loop() {
		for _, f := range files {
			if rt.byName(f.path, &r) {
				rt.byContent(f.data, &r)
			}
		}
	}
}
