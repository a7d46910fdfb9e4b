// Package ruby finds the HTTP routes of Rails, Sinatra and Grape apps.
//
// Rails declares its routes in config/routes.rb (and the files it draws)
// and serves each from a controller's action, guarded by the
// before_actions of the controller and its parents; Sinatra declares a
// route and its handler in one block, guarded by before filters. Detect
// reads each Ruby file into calls and classes (trees are freed after
// Detect); Finish evaluates the routing DSL, maps each route to its
// controller class and action method, and judges each guard by what its
// code does.
package ruby

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the Ruby route detector. Use New: it keeps per-scan state.
type Detector struct {
	mu    sync.Mutex
	files []*file
	// requires says a file requires sinatra (its top level is an app).
	requires map[string]bool
}

// New returns a detector for one scan.
func New() *Detector { return &Detector{requires: map[string]bool{}} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/ruby" }

// Match takes Ruby sources that are not tests.
func (*Detector) Match(p string) bool {
	return lang.Of(p) == lang.Ruby && !lang.IsTest(p)
}

var requiresSinatra = regexp.MustCompile(`(?m)^\s*require\s*\(?\s*['"](?:sinatra|sinatra/base|sinatra/namespace)['"]`)

// Detect reads one file's classes and calls for Finish.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	t, err := route.Tree(ctx, f, lang.Ruby, d.Name(), out)
	if err != nil {
		return err
	}
	rf := read(t, f.Data, f.Path)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	d.files = append(d.files, rf)
	if requiresSinatra.Match(f.Data) {
		d.requires[f.Path] = true
	}
	d.mu.Unlock()
	return nil
}

// Finish evaluates every app's routes and adds them.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	files, requires := d.files, d.requires
	d.files, d.requires = nil, map[string]bool{}
	d.mu.Unlock()
	slices.SortFunc(files, func(a, b *file) int { return strings.Compare(a.path, b.path) })
	ix := newIndex(files)
	taught := route.TaughtFrom(ctx)
	var decls []*decl
	// Rails: each app's routes.draw, with engines composed where mounted.
	rl := &rails{ix: ix, concerns: map[string][]*call{}, engines: map[string][]draw{}, mounted: map[string]bool{}, grapeMounted: map[string]bool{}}
	var apps []draw
	for _, f := range files {
		for _, dr := range f.draws {
			if eng, ok := strings.CutSuffix(dr.recv, ".routes"); ok && eng != "Rails.application" && !strings.HasSuffix(eng, "Application") && !strings.HasSuffix(eng, ".application") {
				rl.engines[strings.TrimPrefix(eng, "::")] = append(rl.engines[strings.TrimPrefix(eng, "::")], dr)
				continue
			}
			apps = append(apps, dr)
		}
	}
	for _, dr := range apps {
		rl.calls(dr.calls, scope{file: dr.file})
	}
	if len(apps) == 0 {
		// An engine no app in the tree mounts serves at its own root.
		for _, eng := range sortedKeys(rl.engines) {
			for _, dr := range rl.engines[eng] {
				rl.calls(dr.calls, scope{file: dr.file})
			}
		}
	}
	decls = append(decls, rl.out...)
	if err := ctx.Err(); err != nil {
		return err
	}
	// Sinatra apps.
	for _, f := range files {
		for _, c := range append([]*class{f.top}, f.classes...) {
			if ix.sinatraApp(c, requires[f.path]) {
				decls = append(decls, ix.sinatra(c)...)
			}
		}
	}
	// Grape APIs nothing mounts serve at the root (config.ru runs them).
	for _, api := range ix.grapeRoots(files, rl.grapeMounted) {
		decls = append(decls, ix.grape(api, "", nil, map[string]bool{}, 0)...)
	}
	for _, dc := range decls {
		for _, r := range ix.routes(dc, taught) {
			out.AddRoute(r)
		}
	}
	return ctx.Err()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var rubyVocab = route.Vocabulary{
	Upload:     []string{"ActionDispatch::Http::UploadedFile", ".attach(", "has_one_attached", "[:tempfile]", "params[:file]"},
	UploadBody: regexp.MustCompile(`\.attach\(\s*params|\[:tempfile\]|params\[:file\]`),
}

// routes builds the facts of one declared route, one per method.
func (ix *index) routes(dc *decl, taught *route.Taught) []facts.Route {
	path, types := finalPath(dc.path)
	base := facts.Route{Framework: dc.framework, File: dc.file, Line: dc.line, Path: path}
	var guards []router.Guard
	guards = append(guards, dc.guards...)
	complete := true
	body, bodyAt := "", ""
	switch {
	case dc.sinatraOf != nil:
		base.Handler = dc.methods[0] + " " + dc.path
		base.EndLine = dc.bodyEnd
		base.Body = dc.body
		base.HandlerFile, base.HandlerLine = dc.file, dc.bodyLine
		body, bodyAt = dc.body, at(dc.file, dc.bodyLine)
	case dc.mounted != "":
		base.Handler = dc.mounted
		base.Tags = append(base.Tags, "mount")
		complete = false
	case strings.HasPrefix(dc.controller, "devise/") || dc.gem != "":
		base.Handler = dc.controller + "#" + dc.action
		c := ix.controller(dc.controller)
		if c != nil {
			complete = ix.action(&base, c, dc, &guards, &body, &bodyAt)
		}
		if c == nil || dc.gem != "" {
			// The library's actions, or the app's controller extending
			// them (controllers: { sessions: "admins/sessions" }): the
			// gem's filters are known.
			gem := cmp.Or(dc.gem, dc.controller)
			if deviseFlows[gem+"#"+dc.action] {
				// Sign-in, sign-out, sign-up, password, confirmation and
				// unlock: credential flows.
				base.Tags = append(base.Tags, facts.TagAuth)
			} else if gem == "devise/registrations" && slices.Contains([]string{"edit", "update", "destroy", "cancel"}, dc.action) {
				guards = append(guards, router.Guard{Name: "authenticate_scope!", Verdict: router.Verdict{Auth: facts.AuthRequired,
					Evidence: "Devise's registrations controller authenticates the signed-in account before " + dc.action}})
			}
			complete = complete || dc.gem != ""
		}
	default:
		if dc.controller != "" {
			base.Handler = dc.controller + "#" + dc.action
		}
		c := ix.controller(dc.controller)
		if c == nil {
			complete = false
			break
		}
		complete = ix.action(&base, c, dc, &guards, &body, &bodyAt)
	}
	base.Middleware = router.Names(guards)
	dec := route.DecidePath(taught, guards, body, bodyAt, path, complete, nil)
	if dec.Auth != facts.AuthRequired && body != "" {
		cls := dc.sinatraOf
		if cls == nil {
			cls = ix.controller(dc.controller)
		}
		j := &judge{ix: ix, cls: cls, seen: map[string]bool{}}
		if why, role := j.handlerRejects(body); why != "" {
			dec = route.Decision{Auth: facts.AuthRequired, Role: role, Evidence: "handler (" + bodyAt + ") " + why}
		}
	}
	base.Auth, base.AuthEvidence, base.AuthRole = dec.Auth, dec.Evidence, dec.Role
	base.Params = route.Params(path, types)
	var out []facts.Route
	for _, m := range dc.methods {
		r := base
		r.Method = m
		r.Tags = slices.Clone(base.Tags)
		r.Params = slices.Clone(base.Params)
		r.Middleware = slices.Clone(base.Middleware)
		route.Classify(&r, rubyVocab)
		out = append(out, r)
	}
	return out
}

// deviseFlows are the Devise library's actions that take or end a
// credential, by controller#action as routes.rb draws them.
var deviseFlows = map[string]bool{
	"devise/sessions#create": true, "devise/sessions#destroy": true, "devise/registrations#create": true,
	"devise/passwords#create": true, "devise/passwords#update": true, "devise/confirmations#create": true,
	"devise/confirmations#show": true, "devise/unlocks#create": true, "devise/unlocks#show": true,
}

// action fills in a Rails route's handler (the controller's action
// method) and the guards before it, and says whether every guard was
// seen.
func (ix *index) action(r *facts.Route, c *class, dc *decl, guards *[]router.Guard, body, bodyAt *string) bool {
	r.Handler = c.name + "#" + dc.action
	if m := ix.method(c, dc.action); m != nil {
		r.File, r.Line, r.EndLine = m.file, m.line, m.end
		r.HandlerFile, r.HandlerLine = m.file, m.line
		r.Body = m.src
		*body, *bodyAt = m.src, at(m.file, m.line)
	}
	for _, f := range ix.filters(c, dc.action) {
		*guards = append(*guards, ix.guard(f))
	}
	// A parent the tree does not hold (a gem's controller) may add
	// filters of its own.
	for _, a := range ix.ancestors(c) {
		if a.super != "" && ix.class(a.super, a.nesting[:max(len(a.nesting)-1, 0)]) == nil {
			sup := strings.TrimPrefix(a.super, "::")
			return sup == "ActionController::Base" || sup == "ActionController::API" || sup == "ApplicationController"
		}
	}
	return true
}

// handlerRejects says why a handler's own code turns a caller away: a
// rejection under a test, in its body or a helper it calls.
func (j *judge) handlerRejects(src string) (string, string) {
	b := body(src)
	if !strings.HasPrefix(strings.TrimSpace(src), "def ") {
		b = src
	}
	why, role := j.rejects(b, 0, "")
	if why == "" {
		return "", ""
	}
	if !tests.MatchString(string(lang.StripComments(lang.Ruby, []byte(b)))) && !strings.HasPrefix(why, "calls ") {
		// An unconditional 401 is an endpoint that always refuses, or a
		// sign-out: no test of the caller.
		return "", ""
	}
	return why, cmp.Or(role, "")
}
