package scan

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync/atomic"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/detector"
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

// retainedProbe is a detector that runs first at Finish time, when every
// file has been read and nothing has been composed yet: what the heap
// holds then is what the detectors keep between the two phases.
type retainedProbe struct {
	live    uint64
	profile string
	// peak is the largest live heap a collection found from then until
	// the scan returned: what the Finish steps hold at most (the flow
	// frontends lower and summarise there).
	peak atomic.Uint64
	stop chan struct{}
	done chan struct{}
}

// watch samples the live heap the collector last marked until stop is
// closed.
func (p *retainedProbe) watch() {
	defer close(p.done)
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > p.peak.Load() {
			p.peak.Store(v)
		}
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

func (*retainedProbe) Name() string      { return "retained-probe" }
func (*retainedProbe) Match(string) bool { return false }
func (*retainedProbe) Detect(context.Context, *detector.File, *detector.Sink) error {
	return nil
}

func (p *retainedProbe) Finish(context.Context, *detector.Sink) error {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p.live = ms.HeapAlloc
	p.peak.Store(ms.HeapAlloc)
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go p.watch()
	if p.profile == "" {
		return nil
	}
	f, err := os.Create(p.profile)
	if err != nil {
		return err
	}
	defer f.Close()
	return pprof.WriteHeapProfile(f)
}

// BenchmarkRetained reports the live heap between the walk and the Finish
// steps on the tree named by THREATMAP_BENCH_TREE (retained-MB: the memory
// that grows with the tree, every detector's state, the flow frontends'
// lowered files among it), and the largest live heap the Finish steps
// reach (finish-peak-MB). THREATMAP_HEAP_PROFILE=FILE also writes a heap
// profile taken between the two phases:
//
//	THREATMAP_BENCH_TREE=DIR THREATMAP_HEAP_PROFILE=heap.out go test ./internal/scan -run - -bench Retained -benchtime 1x
//	go tool pprof -sample_index=inuse_space -top heap.out
func BenchmarkRetained(b *testing.B) {
	root := os.Getenv("THREATMAP_BENCH_TREE")
	if root == "" {
		b.Skip("set THREATMAP_BENCH_TREE to a folder to scan")
	}
	probe := &retainedProbe{profile: os.Getenv("THREATMAP_HEAP_PROFILE")}
	for b.Loop() {
		dets := append([]detector.Detector{probe}, all.New()...)
		_, err := Run(context.Background(), root, dets, Options{})
		if probe.stop != nil {
			runtime.GC() // a last mark, for a Finish step shorter than a cycle
			close(probe.stop)
			<-probe.done
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(probe.live)/1e6, "retained-MB")
	b.ReportMetric(float64(probe.peak.Load())/1e6, "finish-peak-MB")
}
