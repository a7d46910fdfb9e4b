// Package python finds the HTTP routes of Flask (with Flask-RESTful and
// MethodView), Quart, Sanic, FastAPI, Starlette, aiohttp, Tornado, Falcon,
// Litestar, Pyramid, Bottle, Django and Django REST framework apps.
//
// Routes are composed across files (a blueprint registered under a prefix
// in another module, a router included from a package, a Django include()
// chain), so the work is in two phases: Detect parses each Python file and
// keeps what its module declares; Finish resolves imports by module path
// and walks each app from its root, composing prefixes and guards.
package python

import (
	"context"
	"github.com/threatmap/threatmap/internal/detector/route"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route/openapi"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the Python route detector. Use New: it keeps per-scan state.
type Detector struct {
	mu      sync.Mutex
	modules []*module
	// specs are the OpenAPI documents that name Python handlers
	// (connexion's operationId).
	specs []spec
}

// New returns a detector for one scan.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/python" }

// Match takes Python sources that are not tests (a test client calling
// a route is not a route), and YAML and JSON files for the OpenAPI
// documents a connexion app serves.
func (*Detector) Match(p string) bool {
	switch lang.Of(p) {
	case lang.Python:
		return !lang.IsTest(p)
	case lang.YAML, lang.JSON:
		return !lang.IsTest(p)
	}
	return false
}

// Keywords keeps the parser off Python files that cannot declare, mount
// or name a route: the frameworks' imports, the names of routing objects,
// and the constants and settings classes prefixes come from.
func (*Detector) Keywords() []string {
	return []string{
		"flask", "fastapi", "starlette", "django", "rest_framework", "ninja", "aiohttp",
		"Blueprint", "blueprint", "_bp", "APIRouter", "router", "urlpatterns", "urls",
		"PREFIX", "prefix", "BaseSettings", "View", "Resource",
		// A function that makes the settings (return Settings()).
		"Settings(",
		// Route modules that import the app from the package (from app
		// import app) name no framework at all.
		".route(", "@app.", "@api.", "@bp.", "add_url_rule", "add_resource",
		// connexion: the app, the handler modules that import its request
		// or context, and the documents whose operationIds name handlers.
		"connexion", "operationId",
		// Quart and Sanic (Flask-like), Starlette route tables, Tornado
		// handler tables.
		"quart", "sanic", "tornado", "Route(", "Mount(",
		// Falcon apps, and resource modules that only define responders.
		"falcon", "def on_", ".add_route(",
		"litestar", "starlite",
		// Pyramid: the configuration (often an includeme with no import)
		// and the views that name its routes.
		"pyramid", "view_config", "includeme", "add_view(",
		"bottle",
	}
}

// Detect parses one file and keeps its declarations for Finish.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if lang.Of(f.Path) != lang.Python {
		// The route/openapi detector warns about a broken document.
		if doc, err := openapi.Read(f); err == nil && servesDotted(doc) {
			d.mu.Lock()
			d.specs = append(d.specs, spec{path: f.Path, doc: doc})
			d.mu.Unlock()
		}
		return nil
	}
	t, err := route.Tree(ctx, f, lang.Python, d.Name(), out)
	if err != nil {
		return err
	}
	m := extract(t, f.Path)
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	d.mu.Lock()
	d.modules = append(d.modules, m)
	d.mu.Unlock()
	return nil
}

// Finish resolves every app's routing tree and adds its routes.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	mods, specs := d.modules, d.specs
	d.modules, d.specs = nil, nil
	d.mu.Unlock()
	ix := newIndex(mods)
	ix.taught = route.TaughtFrom(ctx)
	g := newGraph(ix)
	g.build()
	// Django first: its URLconfs say where Django Ninja APIs are served.
	newDjango(ix, g).emit(out)
	if err := ctx.Err(); err != nil {
		return err
	}
	g.emit(out)
	ix.connexionRoutes(specs, out)
	return ctx.Err()
}
