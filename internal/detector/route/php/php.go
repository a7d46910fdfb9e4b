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
	"bytes"
	"context"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// Detector is the PHP route detector. Use New: it keeps per-scan state.
type Detector struct {
	mu    sync.Mutex
	files []*file
	// pages are the files whose top-level code runs when requested;
	// the rest of what the pages need of the tree is in pix.
	pages []*page
	pix   pageIndex
	// indexes are every index.php, for the document roots.
	indexes []string
}

// noteIncludes records the files and folders src includes.
func (d *Detector) noteIncludes(p string, src []byte) {
	incs := includesOf(p, string(src))
	if len(incs) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	ix := &d.pix
	if ix.includes == nil {
		ix.includes, ix.includedFiles, ix.includedFolders = map[string][]phpInclude{}, map[string]bool{}, map[string]bool{}
	}
	ix.includes[p] = incs
	for _, inc := range incs {
		if inc.file != "" {
			ix.includedFiles[inc.file] = true
		} else {
			ix.includedFolders[inc.folder] = true
		}
	}
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
		// An invokable action or middleware (Slim's), a PSR-15 middleware.
		"function __invoke", "function process",
		"Slim\\", // a Slim app's front controller or route file
		// A page of an app without a router, and the session checks it includes.
		"$_GET", "$_POST", "$_REQUEST", "$_FILES", "$_COOKIE", "$_SESSION", "filter_input", "php://input",
	}
}

// Exempt reads every PHP file: where the index.php files are says which
// folder a web server serves, and a file included by another is a part
// of that page, not one of its own. Detect parses only the files that
// hold a keyword (or are an index.php).
func (*Detector) Exempt(p string) bool { return lang.Of(p) == lang.PHP }

// hasKeyword says whether src holds one of the detector's keywords.
func (d *Detector) hasKeyword(src []byte) bool {
	for _, k := range d.Keywords() {
		if bytes.Contains(src, []byte(k)) {
			return true
		}
	}
	return false
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
	if !isIndex(f.Path) && !d.hasKeyword(f.Data) {
		d.noteIncludes(f.Path, f.Data)
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
	d.notePage(t, f, pf.declaresRoutes())
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
	d.mu.Lock()
	pages, pix := d.pages, d.pix
	pix.roots = docRoots(d.indexes)
	d.pages, d.pix, d.indexes = nil, pageIndex{}, nil
	d.mu.Unlock()
	pix.addPages(ix.taught, pages, out)
	return ctx.Err()
}

// notePage keeps what the pages need of one parsed file: the page it
// is, its source and functions (a page may include it or call them), its
// includes, and whether it is an index.php. A file that declares a
// router's routes (a Slim front controller) is no page: its routes are.
func (d *Detector) notePage(t *syntax.Tree, f *detector.File, routes bool) {
	d.noteIncludes(f.Path, f.Data)
	top := topLevelCode(t)
	var pg *page
	if !routes {
		pg = readPage(top, f.Path, f.Data)
	}
	funcs := topFuncs(t, f.Path)
	d.mu.Lock()
	defer d.mu.Unlock()
	if isIndex(f.Path) {
		d.indexes = append(d.indexes, f.Path)
	}
	if pg != nil {
		d.pages = append(d.pages, pg)
	}
	if d.pix.srcs == nil {
		d.pix.srcs, d.pix.tops, d.pix.funcs = map[string]string{}, map[string]string{}, map[string]phpFunc{}
	}
	d.pix.srcs[f.Path] = string(f.Data)
	d.pix.tops[f.Path] = top
	for k, v := range funcs {
		d.pix.funcs[k] = v
	}
}

// vendored is a file under a Composer vendor folder: a library's code,
// not the app's routes.
func vendored(p string) bool {
	return strings.HasPrefix(p, "vendor/") || strings.Contains(p, "/vendor/")
}
