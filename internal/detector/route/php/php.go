// Package php finds the HTTP routes of Laravel apps (routes/*.php, the
// route files bootstrap/app.php or a RouteServiceProvider mounts, and the
// controllers they name) and of Symfony controllers (#[Route]
// attributes).
//
// Laravel composes routes across files (a group's prefix and middleware
// hold for the files it loads, a controller's constructor adds
// middleware to its actions), so the work is in two phases: Detect parses
// each PHP file and keeps its route statements, classes and middleware
// aliases; Finish mounts the route files, resolves each action to its
// controller method and decides each route's auth from the middleware
// that runs before it, read by what its class does.
package php

import (
	"context"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the PHP route detector. Use New: it keeps per-scan state.
type Detector struct {
	mu    sync.Mutex
	files []*file
}

// New returns a detector for one scan.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/php" }

// Match takes PHP sources that are not tests (a test calling a route is
// not a route).
func (*Detector) Match(p string) bool {
	return (lang.Of(p) == lang.PHP || securityConfig(p)) && !lang.IsTest(p) && !vendored(p)
}

// Keywords keeps the parser off PHP files that declare no route, no
// controller action, no middleware and no alias table.
func (*Detector) Keywords() []string {
	return []string{
		"Route::", "withRouting", "Controller", "middleware", "Middleware", "#[Route", "@Route",
		"function handle", "denyAccessUnlessGranted", "IsGranted", "access_control", "firewalls",
		"ROLE_",              // a class declaring the role constants #[IsGranted] names
		"function authorize", // a form request an action type-hints
		"Lumen", "$router->", // Lumen's application and its route files
		"static function", // a helper class a handler hands a path's secret to
	}
}

// Detect parses one file and keeps its declarations for Finish.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if securityConfig(f.Path) {
		if s := readSecurity(f.Path, f.Data); s != nil {
			d.mu.Lock()
			d.files = append(d.files, &file{path: f.Path, security: s})
			d.mu.Unlock()
		}
		return nil
	}
	t, err := route.Tree(ctx, f, lang.PHP, d.Name(), out)
	if err != nil {
		return err
	}
	pf := extract(t, f.Path)
	if err := ctx.Err(); err != nil {
		return err
	}
	if pf.empty() {
		return nil
	}
	d.mu.Lock()
	d.files = append(d.files, pf)
	d.mu.Unlock()
	return nil
}

// Finish mounts every route file and adds its routes.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	files := d.files
	d.files = nil
	d.mu.Unlock()
	ix := newIndex(files)
	ix.taught = route.TaughtFrom(ctx)
	ix.laravel(out)
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.symfony(out)
	return ctx.Err()
}

// vendored is a file under a Composer vendor folder: a library's code,
// not the app's routes.
func vendored(p string) bool {
	return strings.HasPrefix(p, "vendor/") || strings.Contains(p, "/vendor/")
}
