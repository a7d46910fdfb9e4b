package scan

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/threatmap/threatmap/internal/detector"
)

// DefaultFileBudget is how much CPU time one detector may spend reading a
// file of up to budgetUnit, and each further budgetUnit of one, before the
// scan gives up on it with a warning and goes on: 2s for most files, 20s
// for one of 1 MiB. Every detector reads in time linear in the file, and
// an ordinary file takes a small fraction of this (route/js, the slowest,
// reads 1 MiB of ordinary TypeScript in about 3s); the budget is for what
// no one foresaw. It is CPU time, not time on the clock, so what a scan
// finds does not depend on how busy the machine is; a read that waits
// rather than computes is given wallFactor times as long on the clock
// (and where the platform has no clock of a thread's CPU time, the budget
// is time on the clock).
const DefaultFileBudget = 2 * time.Second

// wallFactor bounds a read on the clock, as a multiple of its CPU budget.
const wallFactor = 10

// budgetUnit is the file size the budget is given for.
const budgetUnit = 100 << 10

// limitFor is the time a detector may spend on a file of size bytes.
func limitFor(budget time.Duration, size int) time.Duration {
	if size <= budgetUnit {
		return budget
	}
	return (budget * time.Duration(size) / budgetUnit).Round(100 * time.Millisecond)
}

// pool is the scan's workers and the watchdog that holds each detector's
// read of one file to the budget. A read over budget is abandoned, not
// waited for: its worker is left to finish on its own (its context is
// cancelled, which the parsers and long loops check) and add nothing, and
// a new worker takes over the rest of the file and the queue.
type pool struct {
	dets   []detector.Detector
	sink   *detector.Sink
	budget time.Duration // <= 0: no budget
	// next hands a worker its next file and the detectors that read it,
	// or false when the queue is done.
	next func(r *routing) (*detector.File, []int, bool)

	parent context.Context
	wg     sync.WaitGroup
	mu     sync.Mutex
	live   []*worker
}

// worker is one worker's state, as the watchdog sees it.
type worker struct {
	ctx    context.Context
	cancel context.CancelFunc
	held   *detector.Sink // the current read's facts, committed when it ends in time

	mu        sync.Mutex
	file      *detector.File
	rest      []int         // detectors still to read file, the current one first
	started   time.Time     // of the current read; zero between reads
	limit     time.Duration // the current read's budget
	abandoned bool
	// cpu reads the CPU time the worker's thread has used (nil where the
	// platform has no such clock); startedCPU is its reading when the
	// current read began.
	cpu        func() (time.Duration, bool)
	startedCPU time.Duration
}

// over reports whether the current read is past its budget at now: its
// CPU time past the limit, or its time on the clock past wallFactor times
// it (past the limit itself where no CPU clock reads).
func (w *worker) over(now time.Time) bool {
	wall := now.Sub(w.started)
	if w.cpu == nil {
		return wall >= w.limit
	}
	used, ok := w.cpu()
	if !ok {
		return wall >= w.limit
	}
	return used-w.startedCPU >= w.limit || wall >= wallFactor*w.limit
}

// start runs a new worker, which first reads file with the detectors rest
// (a file an abandoned worker left), then takes files from the queue.
func (p *pool) start(file *detector.File, rest []int) {
	ctx, cancel := context.WithCancel(p.parent)
	w := &worker{ctx: ctx, cancel: cancel, held: p.sink.Held()}
	p.mu.Lock()
	p.live = append(p.live, w)
	p.mu.Unlock()
	p.wg.Add(1)
	go func() {
		cpu := threadClock()
		w.mu.Lock()
		w.cpu = cpu
		w.mu.Unlock()
		defer func() {
			w.mu.Lock()
			abandoned := w.abandoned
			w.mu.Unlock()
			if !abandoned { // the watchdog let go of an abandoned one
				p.leave(w)
				p.wg.Done()
			}
		}()
		if file != nil && !p.read(w, file, rest) {
			return
		}
		var r routing
		for {
			f, dets, ok := p.next(&r)
			if !ok || !p.read(w, f, dets) {
				return
			}
		}
	}()
}

// read runs the detectors dets on f in turn, and reports false when the
// watchdog abandoned the worker meanwhile.
func (p *pool) read(w *worker, f *detector.File, dets []int) bool {
	limit := limitFor(p.budget, len(f.Data))
	for k, i := range dets {
		w.mu.Lock()
		w.file, w.rest, w.started, w.limit = f, dets[k:], time.Now(), limit
		if w.cpu != nil {
			w.startedCPU, _ = w.cpu()
		}
		w.mu.Unlock()
		runOne(w.ctx, p.dets[i], f, w.held)
		w.mu.Lock()
		if w.abandoned {
			w.mu.Unlock()
			return false
		}
		w.started = time.Time{}
		w.held.Commit() // under the lock: the watchdog cannot abandon a read half committed
		w.mu.Unlock()
	}
	f.Release()
	return true
}

func (p *pool) leave(w *worker) {
	p.mu.Lock()
	p.live = slices.DeleteFunc(p.live, func(x *worker) bool { return x == w })
	p.mu.Unlock()
	w.cancel()
}

// watch checks the workers a few times per budget until stop is closed.
func (p *pool) watch(stop <-chan struct{}) {
	every := min(max(p.budget/10, 5*time.Millisecond), 200*time.Millisecond)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-tick.C:
			p.mu.Lock()
			live := slices.Clone(p.live)
			p.mu.Unlock()
			for _, w := range live {
				p.check(w, now)
			}
		}
	}
}

// check abandons w's read if it is over budget: a warning names the file
// and the detector, and a new worker goes on with the file's other
// detectors and the queue.
func (p *pool) check(w *worker, now time.Time) {
	w.mu.Lock()
	if w.abandoned || w.started.IsZero() || !w.over(now) {
		w.mu.Unlock()
		return
	}
	w.abandoned = true
	file, rest, limit := w.file, w.rest, w.limit
	w.mu.Unlock()
	p.sink.Warn(file.Path, p.dets[rest[0]].Name()+": skipped after "+limit.String()+", the time one detector may spend on a file this size")
	// The new worker gets a File of its own: the abandoned read may still
	// be walking the trees this one holds, which are not safe to share.
	fresh := &detector.File{Path: file.Path, Data: file.Data}
	p.start(fresh, slices.Clone(rest[1:])) // before letting go of w, so the count never drops to zero while work is left
	p.leave(w)
	p.wg.Done()
}
