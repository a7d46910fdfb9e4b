// Package router is the router tree every route detector builds: nodes
// (apps, routers, groups, blueprints) with a prefix and guards, mounted
// under each other, holding routes. A detector reads its framework's
// calls into a tree; Compose then gives each route its full path, the
// guards that run before it (outermost first) and whether every guard over
// it was seen. Path joining, guard order and scope live here once, so a
// framework detector only says what a call means. Build the whole tree
// before composing: a node's paths are worked out once.
package router

import (
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Verdict is what a guard's own code says about anonymous callers, once
// something has read it. The zero Verdict is undecided: the detector's
// name heuristics then judge the guard.
type Verdict struct {
	Auth     string // facts.AuthRequired, facts.AuthNone or facts.AuthUnknown; "" undecided
	Evidence string // what in the guard says so
	Role     string // the role it demands, when it demands one
	// Credential is where the guard reads the caller's credential from
	// (facts.CredentialHeader or facts.CredentialCookie), when known.
	Credential string
}

// Decided says the verdict came from reading the guard.
func (v Verdict) Decided() bool { return v.Auth != "" }

// Guard is one thing that runs before a handler: middleware, a decorator,
// a dependency, a hook.
type Guard struct {
	// Name is the guard as written (requireAuth, Depends(get_user)); it
	// is listed in facts.Route.Middleware. Empty lists nothing.
	Name string
	// Text is the form auth naming is judged on, for a detector that
	// keeps one apart from Name ("@login_required", "before_request check").
	Text string
	// Source is the guard's code when the detector found it: evidence of
	// a check in the same way as a handler body.
	Source string
	// Defined is where the guard is written; Applied where it is put on
	// a router or route. Either may be zero.
	Defined facts.Evidence
	Applied facts.Evidence
	Verdict Verdict
	// Framework names the framework that makes it able to reject whatever
	// its code shows (a NestJS guard: canActivate false is a 403); "" for
	// middleware, whose code decides.
	Framework string
	// Seq orders a guard added with use() against the registrations
	// around it: it applies only to what is registered after it. 0
	// applies to everything under its node.
	Seq int
	// Scope limits a guard to a path under its node ("/admin",
	// "/admin/*"); "" is everywhere.
	Scope string
	// Config is the code that configures the guard's value before it is
	// applied (auth := NewAuth(svc).WithOptionalFor("/share/")), when it
	// is not in Name: its literal arguments may list paths it lets through.
	Config string
}

// Node is a router: an app, a router, a group or a blueprint.
type Node struct {
	// Framework names the framework; a node without one takes the
	// nearest mounting node's.
	Framework string
	// Prefix is the node's own path prefix, joined under where it is
	// mounted.
	Prefix string
	// Guards apply to the node's routes and mounts: those with a Seq to
	// the ones registered after them, those with a Scope to paths under
	// it. Guards without a Seq come first.
	Guards []Guard
	Routes []*Route
	// Incomplete says something applies to the node that the detector
	// could not read (an unresolved origin, a root never served): routes
	// under it cannot be said to have no guard.
	Incomplete bool

	in    []*Mount // where it is mounted
	out   []*Mount // what is mounted under it, in order
	paths []Path
	state uint8
}

// Mount is a node hung under another.
type Mount struct {
	Parent *Node
	// Prefix is the mount's own prefix; Replace says it replaces the
	// child's prefix instead of being joined before it.
	Prefix  string
	Replace bool
	// Guards run between the parent's and the child's.
	Guards []Guard
	// Seq is when the mount was made: the parent's use() guards before
	// it apply. 0 means the frameworks's groups see the parent's use()
	// guards registered before each of their routes.
	Seq int
	// Condition is the environment the mount is made in only ("dev",
	// "test"), when the code says so; empty when always.
	Condition string

	child *Node
}

// Route is one registration on a node.
type Route struct {
	// Path is the route's own path, under its node's.
	Path   string
	Guards []Guard
	Seq    int
	// Condition is the environment the route is registered in only
	// ("dev", "test"); empty when always.
	Condition string
}

// MountUnder hangs child under m.Parent.
func (child *Node) MountUnder(m Mount) {
	m.child = child
	child.in = append(child.in, &m)
	m.Parent.out = append(m.Parent.out, &m)
	child.paths, child.state = nil, 0
}

// Mounted says the node hangs under another.
func (n *Node) Mounted() bool { return len(n.in) > 0 }

// step is one node on a path from a root, and the mount that led to it.
type step struct {
	node *Node
	via  *Mount
}

// Path is one way from a root to a node.
type Path struct {
	steps    []step
	prefix   string
	complete bool
}

// Prefix is the full prefix of the path's last node.
func (p Path) Prefix() string { return p.prefix }

// MaxPaths caps the paths one node is reported under: a router mounted in
// many places is rare, and the cap keeps a pathological tree from
// multiplying routes.
const MaxPaths = 16

// Paths lists the ways n is reached from a root, memoised, one per
// distinct prefix. A node reachable only through a mount cycle is
// reported unmounted and incomplete.
func (n *Node) Paths() []Path {
	switch n.state {
	case 2:
		return n.paths
	case 1:
		return nil // a cycle
	}
	n.state = 1
	var out []Path
	if len(n.in) == 0 {
		out = append(out, root(n))
	}
	for _, m := range n.in {
		for _, pp := range m.Parent.Paths() {
			if len(out) >= MaxPaths {
				break
			}
			p := pp.extend(n, m)
			dup := false
			for _, o := range out {
				if o.prefix == p.prefix {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		p := root(n)
		p.complete = false
		out = append(out, p)
	}
	n.paths, n.state = out, 2
	return out
}

func root(n *Node) Path {
	return Path{steps: []step{{node: n}}, prefix: urlpath.Join("", n.Prefix), complete: !n.Incomplete}
}

func (pp Path) extend(n *Node, m *Mount) Path {
	prefix := urlpath.Join(pp.prefix, m.Prefix)
	if !m.Replace {
		prefix = urlpath.Join(prefix, n.Prefix)
	}
	steps := make([]step, len(pp.steps), len(pp.steps)+1)
	copy(steps, pp.steps)
	return Path{steps: append(steps, step{node: n, via: m}), prefix: prefix, complete: pp.complete && !n.Incomplete}
}

// Walk visits every node reachable from root, depth first, with the path
// it was reached by: the root first, then each child in the order it was
// mounted. Unlike Paths it reports a node once per way it is reached, in
// tree order. A node already on the path, or a path deeper than
// maxWalkDepth, ends that branch.
func Walk(root *Node, visit func(*Node, Path)) {
	walk(rootPath(root), visit)
}

// maxWalkDepth bounds the nodes on one walked path.
const maxWalkDepth = 17

func rootPath(n *Node) Path { return root(n) }

func walk(p Path, visit func(*Node, Path)) {
	n := p.steps[len(p.steps)-1].node
	visit(n, p)
	for _, m := range n.out {
		if len(p.steps) >= maxWalkDepth || p.has(m.child) {
			continue
		}
		walk(p.extend(m.child, m), visit)
	}
}

func (p Path) has(n *Node) bool {
	for _, s := range p.steps {
		if s.node == n {
			return true
		}
	}
	return false
}

// Composed is a route with everything over it known.
type Composed struct {
	Route *Route
	Node  *Node
	// Path is the route's full path: every prefix over it joined.
	Path string
	// Guards run before the handler, outermost first: each node's
	// guards, the mount's, and the route's own.
	Guards []Guard
	// Complete says every guard over the route was seen.
	Complete  bool
	Framework string
	// Condition is the first environment condition on the way: a route
	// under a router mounted only in development is served only there.
	Condition string
}

// Compose gives route r of the path's last node its full path and guards.
func (p Path) Compose(r *Route) Composed {
	var gs []Guard
	last := len(p.steps) - 1
	// local[i] is the route's path as node i sees it: a guard a node puts
	// on a path (app.use('/v1/auth', limiter)) covers a route there even
	// when it is mounted through a shorter prefix (app.use('/v1', api),
	// api.use('/auth', auth)).
	local := make([]string, len(p.steps))
	local[last] = r.Path
	for i := last - 1; i >= 0; i-- {
		m, n := p.steps[i+1].via, p.steps[i+1].node
		pre := m.Prefix
		if !m.Replace {
			pre = urlpath.Join(pre, n.Prefix)
		}
		local[i] = urlpath.Join(pre, local[i+1])
	}
	fw, cond := "", ""
	for i, s := range p.steps {
		if s.via != nil && cond == "" {
			cond = s.via.Condition
		}
		cut, scope := r.Seq, local[i]
		if i < last {
			if m := p.steps[i+1].via; m.Seq != 0 {
				cut = m.Seq
			}
		}
		gs = s.node.guardsFor(gs, cut, scope)
		if i < last {
			gs = append(gs, p.steps[i+1].via.Guards...)
		}
		if s.node.Framework != "" {
			fw = s.node.Framework
		}
	}
	gs = append(gs, r.Guards...)
	if cond == "" {
		cond = r.Condition
	}
	return Composed{
		Route: r, Node: p.steps[last].node, Path: urlpath.Join(p.prefix, r.Path),
		Guards: gs, Complete: p.complete, Framework: fw, Condition: cond,
	}
}

// guardsFor appends the node's guards that apply to a registration at
// seq (0: all) on local path scope: unordered ones first, then the
// use() guards registered before it.
func (n *Node) guardsFor(out []Guard, seq int, p string) []Guard {
	for _, g := range n.Guards {
		if g.Seq == 0 && Under(p, g.Scope) {
			out = append(out, g)
		}
	}
	for _, g := range n.Guards {
		if g.Seq != 0 && (seq == 0 || g.Seq < seq) && Under(p, g.Scope) {
			out = append(out, g)
		}
	}
	return out
}

// Under says a route or mount path falls under a guard's scope ("/api",
// "/api/*", "*", "" for everywhere).
func Under(p, scope string) bool {
	scope = strings.TrimRight(strings.TrimSuffix(scope, "*"), "/")
	if scope == "" {
		return true
	}
	p = urlpath.Normalize(p)
	return p == scope || strings.HasPrefix(p, scope+"/")
}

// Names lists the guards as written, for facts.Route.Middleware.
func (c Composed) Names() []string { return Names(c.Guards) }

// Names lists guards as written, skipping those without a name.
func Names(gs []Guard) []string {
	var out []string
	for _, g := range gs {
		if g.Name != "" {
			out = append(out, g.Name)
		}
	}
	return out
}

// Source joins the code of the guards that have it, outermost first.
func Source(gs []Guard) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteString(g.Source)
	}
	return b.String()
}

// Required is the first guard whose own code was read and demands a
// signed-in caller.
func Required(gs []Guard) (Guard, bool) {
	for _, g := range gs {
		if g.Verdict.Auth == facts.AuthRequired {
			return g, true
		}
	}
	return Guard{}, false
}
