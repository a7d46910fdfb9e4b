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
	// Templates: the language's handlers render server-side template
	// files by name (a Spring controller's view), which the detector
	// reads too, for the values they write unescaped.
	Templates bool
	// Reads, if set, names other files the frontend reads (a build
	// file), each given to Read; Before sees every lowered class before
	// the engine runs.
	Reads  func(path string) bool
	Read   func(path string, data []byte)
	Before func(classes []*Class)
	// Translates, if set, names files written in another syntax that
	// run as the language's code (a JSP page), and Translate gives that
	// code, on the file's own lines.
	Translates func(path string) bool
	Translate  func(data []byte) []byte
}

// Detector is a frontend as a detector: Detect lowers each file; Finish
// starts the engine from every route's handler and reports each sink
// request data reaches as a weakness on that route, and each injection
// sink only a method's parameter reaches with no route found.
type Detector struct {
	fe      Frontend
	mu      sync.Mutex
	classes []*Class
	tmpl    *flow.Templates
}

// NewDetector returns the detector of a frontend, for one scan.
func NewDetector(fe Frontend) *Detector { return &Detector{fe: fe, tmpl: flow.NewTemplates()} }

// Name implements detector.Detector.
func (d *Detector) Name() string { return d.fe.Name }

// Match implements detector.Detector.
func (d *Detector) Match(p string) bool {
	return lang.Of(p) == d.fe.Lang || d.fe.Templates && flow.IsTemplate(p) || d.fe.Reads != nil && d.fe.Reads(p) ||
		d.fe.Translates != nil && d.fe.Translates(p)
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	if d.fe.Translates != nil && d.fe.Translates(f.Path) {
		t, err := syntax.Parse(ctx, d.fe.Lang, d.fe.Translate(f.Data))
		if err != nil {
			return err
		}
		cs := d.fe.Lower(t, f.Path)
		d.mu.Lock()
		d.classes = append(d.classes, cs...)
		d.mu.Unlock()
		return nil
	}
	if lang.Of(f.Path) != d.fe.Lang {
		if d.fe.Reads != nil && d.fe.Reads(f.Path) {
			d.mu.Lock()
			d.fe.Read(f.Path, f.Data)
			d.mu.Unlock()
			return nil
		}
		d.tmpl.Add(f.Path, f.Data)
		return nil
	}
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
	classes, tmpl := d.classes, d.tmpl
	d.classes, d.tmpl = nil, flow.NewTemplates()
	d.mu.Unlock()
	if len(classes) == 0 {
		return nil
	}
	var funcs []*flow.Func
	for _, c := range classes {
		for _, m := range c.Methods {
			funcs = append(funcs, m.Func)
		}
	}
	tmpl.Bind(funcs)
	if d.fe.Before != nil {
		d.fe.Before(classes)
	}
	return Run(ctx, out, classes, d.fe.Unreached, d.fe.Entry)
}
