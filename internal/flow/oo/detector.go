package oo

import (
	"context"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// Frontend is what a class-based language's frontend gives the shared
// detector: how it lowers a file, and what a route's handler is given.
type Frontend struct {
	Name string
	Lang lang.Lang
	// Lower lowers a parsed file's classes.
	Lower func(t *syntax.Tree, path string) []*Class
	// Entry is the entry a route runs its handler with.
	Entry func(r *facts.Route, m *Method) flow.Entry
	// Unreached are the kinds reported where only a method's parameter
	// reaches the sink.
	Unreached map[string]bool
}

// Detector is a frontend as a detector: Detect lowers each file; Finish
// starts the engine from every route's handler and reports each sink
// request data reaches as a weakness on that route, and each injection
// sink only a method's parameter reaches with no route found.
type Detector struct {
	fe      Frontend
	mu      sync.Mutex
	classes []*Class
}

// NewDetector returns the detector of a frontend, for one scan.
func NewDetector(fe Frontend) *Detector { return &Detector{fe: fe} }

// Name implements detector.Detector.
func (d *Detector) Name() string { return d.fe.Name }

// Match implements detector.Detector.
func (d *Detector) Match(p string) bool { return lang.Of(p) == d.fe.Lang }

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	t, err := f.Tree(ctx, d.fe.Lang)
	if err != nil {
		return err
	}
	cs := d.fe.Lower(t, f.Path)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	d.classes = append(d.classes, cs...)
	d.mu.Unlock()
	return nil
}

// Finish implements detector.Finisher.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	classes := d.classes
	d.classes = nil
	d.mu.Unlock()
	if len(classes) == 0 {
		return nil
	}
	return Run(ctx, out, classes, d.fe.Unreached, d.fe.Entry)
}
