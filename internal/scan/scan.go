// Package scan runs detectors over a tree: one walk, each file read once,
// handed only to the detectors that want it, on a bounded pool of workers.
//
// A file reaches a detector in two steps: by name (Match, before the file
// is read) and by content (one pass of a keyword automaton over the file,
// built once per scan from every detector's Keywords). Files no detector
// wants by name are never read.
//
// Once every file is read and every Finisher has run, the sink's facts go
// through the post-scan processors (internal/scan/process) in order.
package scan

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/scan/process"
	"github.com/threatmap/threatmap/internal/source"
)

// Options tune a scan.
type Options struct {
	Walk    source.Options
	Workers int // 0 means one per CPU
	// Progress, if set, is called with the count of files read so far.
	Progress func(files int)
	// NoPrefilter hands every file to every detector whose Match accepts
	// it, whatever its content. It is slower and finds the same: tests
	// use it to prove that the keyword prefilter loses nothing.
	NoPrefilter bool
	// FileBudget is how much CPU time one detector may spend reading a
	// file of up to 100 KiB, and each further 100 KiB of one (ten times
	// as long on the clock for a read that waits); a read over it is
	// skipped with a warning and the scan goes on. 0 means
	// DefaultFileBudget; a negative budget is no limit.
	FileBudget time.Duration
	// Auth is what a person taught about auth (threatmap-check.yaml's
	// auth:): guards the route detectors treat as such wherever the code
	// applies them, and routes declared public. Nil teaches nothing.
	Auth *route.Taught
	// Routes are routes another tool found (OWASP Noir's, read by
	// internal/noir): they join the scan's own, and a route the scan
	// found itself wins (process.MergeToolRoutes).
	Routes []facts.Route
	// StaticLimit is how many files a static mount's folder is listed
	// with (process.ListStatic); 0 means process.DefaultStaticLimit.
	StaticLimit int
}

// Run scans root with the given detectors (fresh instances: detectors may
// keep state for their Finish step).
func Run(ctx context.Context, root string, dets []detector.Detector, opt Options) (facts.Facts, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sink := detector.NewSink()
	ctx = route.WithTaught(ctx, opt.Auth)
	rt := newRouter(dets, !opt.NoPrefilter)

	var (
		files, skipped atomic.Int64
		bytesRead      atomic.Int64
		jobs           = make(chan source.Entry, 4*workers)
	)
	p := &pool{dets: dets, sink: sink, budget: opt.FileBudget, parent: ctx}
	if p.budget == 0 {
		p.budget = DefaultFileBudget
	}
	// next reads the next file some detector wants, and says which.
	p.next = func(r *routing) (*detector.File, []int, bool) {
		for e := range jobs {
			if source.IsVendored(e.Path) || !rt.byName(e.Path, r) {
				skipped.Add(1)
				continue
			}
			data, err := e.Read()
			if err != nil {
				sink.Warn(e.Path, "cannot read: "+errText(err))
				continue
			}
			if source.IsBinary(data) || source.IsMinified(e.Path, data) {
				skipped.Add(1)
				continue
			}
			// A library copied in whole is skipped like node_modules: its
			// flaws are its project's, fixed by upgrading it.
			role := lang.Classify(e.Path, data)
			if role.Kind == lang.Vendored {
				// Its role is kept all the same: the parts of the library
				// beside it, with no banner of their own, are known by it.
				sink.SetRole(e.Path, role)
				skipped.Add(1)
				continue
			}
			n := files.Add(1)
			bytesRead.Add(int64(len(data)))
			if opt.Progress != nil {
				opt.Progress(int(n))
			}
			if role != lang.RoleOf(e.Path) {
				sink.SetRole(e.Path, role)
			}
			if role.Kind == lang.App {
				if cs := lang.Commands(e.Path, data); len(cs) > 0 {
					sink.SetCommands(e.Path, cs)
				}
			}
			return &detector.File{Path: e.Path, Data: data}, rt.byContent(data, r), true
		}
		return nil, nil, false
	}
	for range workers {
		p.start(nil, nil)
	}
	stopWatch := make(chan struct{})
	if p.budget > 0 {
		go p.watch(stopWatch)
	}
	// Every file the walk passes, for the files a static mount serves:
	// the walk's own rules decide what is in the tree.
	var seen []string
	wopt := opt.Walk
	wopt.Seen = func(p string) {
		seen = append(seen, p)
		if opt.Walk.Seen != nil {
			opt.Walk.Seen(p)
		}
	}
	walkErr := source.Walk(ctx, root, wopt, func(e source.Entry) error {
		select {
		case jobs <- e:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}, func(w source.Warning) { sink.Warn(w.Path, w.Message) })
	close(jobs)
	p.wg.Wait()
	close(stopWatch)
	if walkErr != nil {
		return facts.Facts{}, walkErr
	}
	// The roles the tree decides first: other finishers read them.
	for _, d := range dets {
		if c, ok := d.(detector.Classifier); ok {
			finishOne(ctx, d.Name(), c, sink)
		}
	}
	for _, d := range dets {
		if _, ok := d.(detector.Classifier); ok {
			continue
		}
		if fin, ok := d.(detector.Finisher); ok {
			finishOne(ctx, d.Name(), fin, sink)
		}
	}
	res := sink.Result()
	res.Surfaces = append(res.Surfaces, opt.Routes...)
	process.Run(&res, process.Default)
	opt.Auth.MarkPublic(res.Surfaces)
	process.ListStatic(&res, seen, opt.StaticLimit)
	res.Stats.Files, res.Stats.Bytes, res.Stats.Skipped = int(files.Load()), bytesRead.Load(), int(skipped.Load())
	abs, err := filepath.Abs(root)
	if err == nil {
		res.Root = filepath.Base(abs)
	}
	return res, nil
}

func errText(err error) string {
	if u := errors.Unwrap(err); u != nil {
		return u.Error()
	}
	return err.Error()
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
