// Package scan runs detectors over a tree: one walk, each file read once,
// handed only to the detectors that want it, on a bounded pool of workers.
package scan

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/source"
)

// Options tune a scan.
type Options struct {
	Walk    source.Options
	Workers int // 0 means one per CPU
	// Progress, if set, is called with the count of files read so far.
	Progress func(files int)
}

// Run scans root with the given detectors (fresh instances: detectors may
// keep state for their Finish step).
func Run(ctx context.Context, root string, dets []detector.Detector, opt Options) (facts.Facts, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sink := detector.NewSink()
	type wanted struct {
		d        detector.Detector
		keywords [][]byte
	}
	ws := make([]wanted, len(dets))
	for i, d := range dets {
		ws[i].d = d
		if k, ok := d.(detector.Keyworded); ok {
			for _, kw := range k.Keywords() {
				ws[i].keywords = append(ws[i].keywords, []byte(kw))
			}
		}
	}

	var (
		stats   facts.Stats
		statsMu sync.Mutex
		jobs    = make(chan source.Entry, 4*workers)
		wg      sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for e := range jobs {
				var want []wanted
				for _, w := range ws {
					if w.d.Match(e.Path) {
						want = append(want, w)
					}
				}
				if len(want) == 0 {
					statsMu.Lock()
					stats.Skipped++
					statsMu.Unlock()
					continue
				}
				data, err := os.ReadFile(e.Abs)
				if err != nil {
					sink.Warn(e.Path, "cannot read: "+errors.Unwrap(err).Error())
					continue
				}
				if source.IsBinary(data) || source.IsMinified(e.Path, data) {
					statsMu.Lock()
					stats.Skipped++
					statsMu.Unlock()
					continue
				}
				statsMu.Lock()
				stats.Files++
				stats.Bytes += int64(len(data))
				n := stats.Files
				statsMu.Unlock()
				if opt.Progress != nil {
					opt.Progress(n)
				}
				f := &detector.File{Path: e.Path, Data: data}
				for _, w := range want {
					if len(w.keywords) > 0 && !exempt(w.d, e.Path) && !containsAny(data, w.keywords) {
						continue
					}
					runOne(ctx, w.d, f, sink)
				}
			}
		})
	}
	walkErr := source.Walk(ctx, root, opt.Walk, func(e source.Entry) error {
		select {
		case jobs <- e:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}, func(w source.Warning) { sink.Warn(w.Path, w.Message) })
	close(jobs)
	wg.Wait()
	if walkErr != nil {
		return facts.Facts{}, walkErr
	}
	for _, d := range dets {
		if fin, ok := d.(detector.Finisher); ok {
			finishOne(ctx, d.Name(), fin, sink)
		}
	}
	res := sink.Result()
	res.Stats = stats
	abs, err := filepath.Abs(root)
	if err == nil {
		res.Root = filepath.Base(abs)
	}
	return res, nil
}

// runOne runs a detector on a file; a detector that fails or panics on a
// file costs a warning, never the scan.
func runOne(ctx context.Context, d detector.Detector, f *detector.File, sink *detector.Sink) {
	defer func() {
		if r := recover(); r != nil {
			sink.Warn(f.Path, d.Name()+": internal error while reading this file; skipped")
		}
	}()
	if err := d.Detect(ctx, f, sink); err != nil {
		sink.Warn(f.Path, d.Name()+": "+err.Error())
	}
}

func exempt(d detector.Detector, path string) bool {
	x, ok := d.(detector.PrefilterExempt)
	return ok && x.Exempt(path)
}

// finishOne runs a detector's cross-file step; a failure or panic costs a
// warning, never the scan.
func finishOne(ctx context.Context, name string, fin detector.Finisher, sink *detector.Sink) {
	defer func() {
		if r := recover(); r != nil {
			sink.Warn("", name+": internal error while composing results; some findings may be missing")
		}
	}()
	if err := fin.Finish(ctx, sink); err != nil {
		sink.Warn("", name+": "+err.Error())
	}
}

func containsAny(data []byte, keywords [][]byte) bool {
	for _, k := range keywords {
		if bytes.Contains(data, k) {
			return true
		}
	}
	return false
}
