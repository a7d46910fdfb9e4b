package threat

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/model"
)

// Context is what a rule reads: the scan's facts, with lookups of what a
// route's handler and guards show and of controls at the route, app-wide
// or anywhere. Reading it changes nothing: a rule's hits name the surfaces
// and assets they need, and the drafter drafts them.
type Context struct {
	F facts.Facts

	byRoute map[string][]facts.Signal // signals by route key
	// asked, when set, records the control and signal kinds a check asks
	// for (Vocabulary).
	asked *vocabulary
	roles func(path string) (lang.Role, bool)
}

// RoleOf is where a file's code runs: as configured, else as the scan
// classified it.
func (c *Context) RoleOf(path string) lang.Role {
	if c.roles != nil {
		if r, ok := c.roles(path); ok {
			return r
		}
	}
	return c.F.RoleOf(path)
}

// RoleAt is where the code at a line of a file runs: as configured for
// the file, else as the scan classified the line (a command-line
// command in an app file is an operator's script).
func (c *Context) RoleAt(path string, line int) lang.Role {
	if c.roles != nil {
		if r, ok := c.roles(path); ok {
			return r
		}
	}
	return c.F.RoleAt(path, line)
}

// inBrowser reports a fact found in a page's script: its first
// evidence, where the code is, runs in the user's browser.
func (c *Context) inBrowser(ev []facts.Evidence) bool {
	return len(ev) > 0 && c.RoleOf(ev[0].File).Kind == lang.Browser
}

// localKinds run only in a test suite or on a developer's machine.
var localKinds = map[lang.Kind]bool{lang.Test: true, lang.Fixture: true, lang.DevEnv: true}

// hitRole is where a hit's code runs: served when any file it names is
// (one route in app code makes a weakness reachable); else the role of
// its first file. A hit that names no file is served.
func (c *Context) hitRole(h Hit) (lang.Role, bool) {
	type site struct {
		file string
		line int
	}
	var sites []site
	if h.Route != nil {
		// A route is a way in whatever lines it spans.
		sites = append(sites, site{h.Route.File, 0})
	}
	if h.File != "" && (h.Route != nil || !slices.ContainsFunc(h.Evidence, func(e model.Evidence) bool { return e.File == h.File })) {
		sites = append(sites, site{h.File, 0})
	}
	for _, e := range h.Evidence {
		sites = append(sites, site{e.File, e.Line})
	}
	if len(sites) == 0 {
		return lang.Role{}, true
	}
	for _, s := range sites {
		r := c.RoleAt(s.file, s.line)
		// A store named in a sample .env or a script is still the
		// product's store; only a test's or a developer's own is not.
		if r.Served() || (h.Store != nil || h.Names) && !localKinds[r.Kind] {
			return lang.Role{}, true
		}
	}
	return c.RoleAt(sites[0].file, sites[0].line), false
}

// newContext is the context rules read for one scan.
func newContext(f facts.Facts) *Context { return &Context{F: f} }

// Hit is one firing of a rule: where, against which assets, and the
// pieces of the one-liner with the difficulty and impact reasoning.
type Hit struct {
	// Where the threat is, the first of: New, a surface drafted for it; a
	// committed-secrets file's surface (Secrets); the Store's surface; the
	// Route's surface. Control checks read Route and Store too.
	New     *NewSurface
	Secrets string
	Store   *facts.Store
	Route   *facts.Route
	File    string // the file the weakness is in, when not a route
	// Names says the evidence names what the product uses (a store, the
	// credentials it reads) rather than code that runs: a sample .env
	// or a script that names them does not take the threat out of reach.
	Names bool
	// Assets are the ids of the assets at risk (the asset* constants,
	// dataAsset, creditsAsset); each is drafted on first use.
	Assets []string

	Impact   string // "drain OpenAI credits"
	Method   string // "calling it at high volume"
	Requires string // "only signup and a valid session"; defaults to DifficultyReason
	Abuse    string // the threat map's "What happens if abused" column

	Difficulty       model.Difficulty
	DifficultyReason string
	Level            model.Level
	ImpactReason     string
	Evidence         []model.Evidence
	// Sink, for a weakness followed from the request to a call, is the
	// call: a second sink of the rule on the same surface joins that
	// row (its evidence, its reason) rather than being dropped.
	Sink *facts.Step
	// Gate names the check of the rule's own control that answers the
	// threat when it finds the control at the hit (an owner condition
	// for IDOR): the row is then drafted mitigated, with the controls
	// found and without the ones that would only deepen the defence.
	Gate string
	// Conditional names a check whose control is in the code but runs
	// only when a setting turns it on: drafted in progress with its
	// evidence, so the row stays open and the gate does not close it.
	Conditional string
	// Cause, on a hit at a route or a store, groups the rule's hits that
	// share it into one threat (one row per cause), listing each as a site.
	Cause *Cause
}

// Cause is what several routes' threats have in common (the same missing
// control, the same guard gap): one row stands for them all. The row's id
// is the rule's and the cause's, whichever routes share it, so a route
// joining or leaving the group keeps the row and every decision on it.
// Sites whose every control is found (mitigated) are a row of their own,
// the cause's id with "-mitigated".
type Cause struct {
	ID   string // in the threat's id: credit-drain.model-calls
	Name string // the group's surface name: "Routes that spend model credits"
	// Sites is what the sites are, in the row's one-liner ("any of 3
	// buckets"); routes when empty.
	Sites string
	// MitigatedOnly groups only the sites the rule's own controls answer:
	// each open site stays a row of its own, its fix in its own handler.
	MitigatedOnly bool
	// Open, with MitigatedOnly, is the cause open sites share when more
	// than one does (the routes of one resource, one owner check missing
	// from each); an open site alone keeps its own row.
	Open *Cause
}

// NewSurface is a surface for something a rule found that is not a route,
// a store, a third party or a secrets file: a CORS policy, an error
// handler, the CI pipeline. The drafter adds it once per id.
type NewSurface struct {
	ID        string
	Kind      model.SurfaceKind
	Direction model.Direction
	Name      string
	Exposure  model.Exposure
	Evidence  []model.Evidence
	Fact      string // what it matches in later scans: "weakness:ssrf:app/fetch.py"
}

// ---- assets rules can name ---------------------------------------------

// dataAsset is the id of the asset of one user-data model.
func dataAsset(name string) string { return "data-" + slug(name) }

// storedAsset is the id of the credentials a model keeps for the app.
func storedAsset(name string) string { return "stored-" + slug(name) }

// creditsAsset is the id of the credits of one paid service.
func creditsAsset(service string) string { return "credits-" + slug(service) }

// DataIn returns the user-data assets a route's handler names, or the
// generic one.
func (c *Context) DataIn(r *facts.Route) []string {
	var out []string
	named := c.Named(facts.SignalNamesModel, r)
	for _, a := range c.F.Assets {
		if a.Kind == string(model.UserData) && a.Name != "" && slices.Contains(named, a.Name) {
			out = append(out, dataAsset(a.Name))
		}
	}
	if len(out) == 0 {
		out = append(out, assetUserData)
	}
	return out
}

// AllUserData returns every user-data asset, or the generic one.
func (c *Context) AllUserData() []string {
	var out []string
	for _, a := range c.F.Assets {
		if a.Kind == string(model.UserData) {
			out = append(out, dataAsset(a.Name))
		}
	}
	if len(out) == 0 {
		out = append(out, assetUserData)
	}
	return out
}

// LLM returns the LLM third parties the code calls.
func (c *Context) LLM() []facts.ThirdParty { return c.byCategory("llm") }

func (c *Context) byCategory(cat string) []facts.ThirdParty {
	var out []facts.ThirdParty
	for _, tp := range c.F.ThirdParties {
		if tp.Category == cat {
			out = append(out, tp)
		}
	}
	return out
}

// CreditsFor returns the credit assets of the LLMs a handler names, or of
// every LLM the product uses when the handler does not say which, and
// their names.
func (c *Context) CreditsFor(r *facts.Route) ([]string, string) {
	llms := c.LLM()
	var ids, names []string
	named := c.Named(facts.SignalNamesService, r)
	for _, tp := range llms {
		if slices.Contains(named, tp.Service) {
			ids = append(ids, creditsAsset(tp.Service))
			names = append(names, tp.Name)
		}
	}
	if len(ids) == 0 {
		for _, tp := range llms {
			ids = append(ids, creditsAsset(tp.Service))
			names = append(names, tp.Name)
		}
	}
	if len(ids) == 0 {
		return []string{assetCreditsModel}, "model"
	}
	return ids, strings.Join(names, " and ")
}

// ---- evidence of controls ------------------------------------------------

// ControlsOf returns the control facts of a kind.
func (c *Context) ControlsOf(kind string) []facts.Control {
	if c.asked != nil {
		c.asked.add(&c.asked.Controls, kind)
	}
	var out []facts.Control
	for _, ctl := range c.F.Controls {
		if ctl.Kind == kind {
			out = append(out, ctl)
		}
	}
	return out
}

// Anywhere returns the evidence of a control anywhere in the tree.
func (c *Context) Anywhere(kind string) []model.Evidence {
	var ev []model.Evidence
	for _, ctl := range c.ControlsOf(kind) {
		ev = append(ev, toModel(ctl.Evidence)...)
	}
	return ev
}

// InFile returns the evidence of a control in one file.
func (c *Context) InFile(kind, file string) []model.Evidence {
	var ev []model.Evidence
	for _, ctl := range c.ControlsOf(kind) {
		for _, e := range ctl.Evidence {
			if e.File == file {
				ev = append(ev, model.Evidence{File: e.File, Line: e.Line})
			}
		}
	}
	return ev
}

// ForBucket returns the evidence of a control on one bucket: a control
// whose detail or evidence names it (infrastructure labels a control
// "aws_s3_bucket.uploads (acme-uploads): ..."). A bucket known only from
// application code has no declaration to tie a control to, so a control
// anywhere stands for it; so it does when no bucket is named.
func (c *Context) ForBucket(kind string, s *facts.Store) []model.Evidence {
	if s == nil || !fromIaC(s.Evidence) {
		return c.Anywhere(kind)
	}
	name := bucketOf(*s)
	var ev []model.Evidence
	for _, ctl := range c.ControlsOf(kind) {
		if namesBucket(ctl.Detail, name) || sameResource(ctl.Evidence, s.Evidence) {
			ev = append(ev, toModel(ctl.Evidence)...)
		}
	}
	return ev
}

// bucketOf is a store's bucket name: "S3 bucket acme-uploads" → acme-uploads.
func bucketOf(s facts.Store) string {
	if i := strings.LastIndex(s.Name, "bucket "); i >= 0 {
		return s.Name[i+len("bucket "):]
	}
	return s.Name
}

// namesBucket reports whether text names the bucket as a whole word:
// "uploads" is named in "aws_s3_bucket.uploads", not in "old-uploads".
func namesBucket(text, name string) bool {
	if name == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(name)
		if (j == 0 || !bucketChar(text[j-1])) && (end == len(text) || !bucketChar(text[end])) {
			return true
		}
		i = j + 1
	}
}

func bucketChar(b byte) bool {
	return b == '-' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// sameResource: a control evidenced on the bucket's own declaration
// (an inline logging block) is that bucket's.
func sameResource(ctl, store []facts.Evidence) bool {
	for _, e := range ctl {
		for _, s := range store {
			if e == s {
				return true
			}
		}
	}
	return false
}

// AppWide returns the evidence of a control installed for every route.
func (c *Context) AppWide(kind string) []model.Evidence {
	var ev []model.Evidence
	for _, ctl := range c.ControlsOf(kind) {
		if ctl.Scope == "app" {
			ev = append(ev, toModel(ctl.Evidence)...)
		}
	}
	return ev
}

// AtRoute returns the evidence of a control on the route itself: in its
// decorators or middleware, or inside its handler.
func (c *Context) AtRoute(kind string, r *facts.Route) []model.Evidence {
	if r == nil {
		return nil
	}
	end := r.EndLine
	if end < r.Line {
		end = r.Line + strings.Count(r.Body, "\n")
	}
	var ev []model.Evidence
	for _, ctl := range c.ControlsOf(kind) {
		for _, e := range ctl.Evidence {
			if e.File == r.File && e.Line >= r.Line-3 && e.Line <= end {
				ev = append(ev, model.Evidence{File: e.File, Line: e.Line})
			}
		}
	}
	return ev
}

// InHandler returns where the route's handler code shows a signal.
func (c *Context) InHandler(kind string, r *facts.Route) []model.Evidence {
	return c.signalAt(kind, r, facts.SignalInHandler)
}

// InGuards returns the route itself when one of its middleware or guards
// is named for a signal.
func (c *Context) InGuards(kind string, r *facts.Route) []model.Evidence {
	return c.signalAt(kind, r, facts.SignalInGuards)
}

// Shows reports whether the route's handler or guards show a signal.
func (c *Context) Shows(kind string, r *facts.Route) bool {
	return c.InHandler(kind, r) != nil || c.InGuards(kind, r) != nil
}

// urlTokenGate is where the route's handler looks up a secret token its
// path carries and refuses without it (/telegram/hook/{token}): a URL
// only the sender was given, which proves the sender as a shared secret
// does.
func (c *Context) urlTokenGate(r *facts.Route) []model.Evidence {
	if c.InHandler(facts.SignalTokenGate, r) == nil {
		return nil
	}
	for _, s := range c.signalsOf(r) {
		if s.Kind == facts.SignalTokenGate && s.In == facts.SignalInHandler && s.Detail != "" {
			return []model.Evidence{{File: s.Evidence.File, Line: s.Evidence.Line}}
		}
	}
	return nil
}

// Named lists what the route's signals of a kind name (a provider, a
// model, a service), in the order they were read.
func (c *Context) Named(kind string, r *facts.Route) []string {
	var out []string
	for _, s := range c.signalsOf(r) {
		if s.Kind == kind && !slices.Contains(out, s.Detail) {
			out = append(out, s.Detail)
		}
	}
	return out
}

func (c *Context) signalAt(kind string, r *facts.Route, in string) []model.Evidence {
	if c.asked != nil {
		c.asked.add(&c.asked.Signals, kind)
	}
	for _, s := range c.signalsOf(r) {
		if s.Kind == kind && s.In == in {
			return []model.Evidence{{File: s.Evidence.File, Line: s.Evidence.Line}}
		}
	}
	return nil
}

// signalsOf returns a route's signals, indexed on first use.
func (c *Context) signalsOf(r *facts.Route) []facts.Signal {
	if r == nil {
		return nil
	}
	if c.byRoute == nil {
		c.byRoute = map[string][]facts.Signal{}
		for _, s := range c.F.Signals {
			c.byRoute[s.Route] = append(c.byRoute[s.Route], s)
		}
	}
	return c.byRoute[r.Key()]
}

// verify runs the evidence check a suggested control names.
func (c *Context) verify(check string, h Hit) []model.Evidence {
	fn, ok := checks[check]
	if !ok {
		return nil
	}
	return fn(c, h)
}
