// Package csharp finds the HTTP routes of ASP.NET Core apps: controllers
// (attribute routes with their [controller] and [action] tokens, and
// conventional routes for MVC controllers without them) and minimal APIs
// (app.MapGet and friends, under MapGroup prefixes), and Razor Pages.
//
// Auth is read from what the framework does with the code's metadata:
// [Authorize] and [AllowAnonymous] on a controller, its base classes and
// its actions; RequireAuthorization() and AllowAnonymous() on endpoints
// and groups; a fallback policy, a global AuthorizeFilter or
// MapControllers().RequireAuthorization(). A named policy that demands
// nothing of the caller (RequireAssertion(_ => true)) lets anonymous
// callers through.
package csharp

import (
	"context"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the C# route detector. Use New: it keeps per-scan state.
type Detector struct {
	mu    sync.Mutex
	files []*file
}

// New returns a detector for one scan.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/csharp" }

// Match takes C# sources that are not tests.
func (*Detector) Match(p string) bool {
	return (lang.Of(p) == lang.CSharp || razorPageFile(p)) && !lang.IsTest(p)
}

// Keywords keeps the parser off C# files that declare no controller,
// endpoint or authorization setting.
func (*Detector) Keywords() []string {
	return []string{"Controller", "[Route", "[Http", "Map", "Authoriz", "AllowAnonymous", "UsePathBase", "UseStaticFiles"}
}

// Exempt takes every C# file whatever its words: a minimal API names
// its handler by method group (app.MapDelete("/x", ItemHandlers.Delete)),
// and the class holding it may say nothing of routing.
func (d *Detector) Exempt(p string) bool { return d.Match(p) }

// Detect parses one file and keeps its declarations for Finish.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if razorPageFile(f.Path) {
		if pg := readRazorPage(f.Path, f.Data); pg != nil {
			d.mu.Lock()
			d.files = append(d.files, &file{path: f.Path, page: pg})
			d.mu.Unlock()
		}
		return nil
	}
	t, err := route.Tree(ctx, f, lang.CSharp, d.Name(), out)
	if err != nil {
		return err
	}
	cf := extract(t, f.Path)
	if err := ctx.Err(); err != nil {
		return err
	}
	cf.conventions = readConventions(f.Data)
	if cf.empty() {
		return nil
	}
	d.mu.Lock()
	d.files = append(d.files, cf)
	d.mu.Unlock()
	return nil
}

// Finish composes every app's routes.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	files := d.files
	d.files = nil
	d.mu.Unlock()
	ix := newIndex(files)
	ix.taught = route.TaughtFrom(ctx)
	ix.controllers(out)
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.minimal(out)
	ix.razorPages(out)
	ix.staticMounts(out)
	return ctx.Err()
}
