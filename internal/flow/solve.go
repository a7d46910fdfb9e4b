package flow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// Resolver finds the functions a call may call: the frontend's
// knowledge of imports, exports, classes and factories. It returns none
// for a call outside the repository.
type Resolver interface {
	Resolve(from *Func, op *Op) []*Func
}

// Summary is what a function does with its parameters: the sinks they
// reach (Hits whose Origin.Param ≥ 0), the sinks request data it reads
// itself reaches (Origin.Source set), and what it returns.
type Summary struct {
	Hits   []Hit
	Return Value
	// Tests are the parameters the function's true result vouches for:
	// the kinds each was checked for where it returns a test of it.
	Tests []Test
}

// Test is a parameter, as passed, checked for Kinds when the function
// returns true.
type Test struct {
	Param int
	Kinds []string
}

// Program summarises functions on demand, each once.
type Program struct {
	Resolver Resolver
	sums     map[*Func]*Summary
	busy     map[*Func]bool
	calls    int
}

// NewProgram is a program over what r resolves.
func NewProgram(r Resolver) *Program {
	return &Program{Resolver: r, sums: map[*Func]*Summary{}, busy: map[*Func]bool{}}
}

// Summarized reports whether f's summary is kept: f's operations are
// never run again, so a frontend may free them.
func (p *Program) Summarized(f *Func) bool {
	_, ok := p.sums[f]
	return ok
}

// Summarize is f's summary. A function already being summarised (a
// recursive call) or below MaxDepth has an empty one: what flows through
// it is not followed.
func (p *Program) Summarize(f *Func) *Summary { return p.summarize(f, 0) }

func (p *Program) summarize(f *Func, depth int) *Summary {
	if s, ok := p.sums[f]; ok {
		return s
	}
	if p.busy[f] || depth > MaxDepth || p.calls > MaxCalls {
		return &Summary{}
	}
	p.busy[f] = true
	s := p.run(f, depth)
	delete(p.busy, f)
	p.sums[f] = s
	return s
}

// frame is one run of a function's operations.
type frame struct {
	p       *Program
	f       *Func
	depth   int
	env     map[string]Value
	results []Value
	cleared map[string][]string // "var.path" checked → kinds
	sum     *Summary
}

func (p *Program) run(f *Func, depth int) *Summary {
	fr := &frame{p: p, f: f, depth: depth, env: map[string]Value{}, results: make([]Value, len(f.Ops)), cleared: map[string][]string{}, sum: &Summary{}}
	for _, prm := range f.Params {
		o := Origin{Param: prm.Index, Path: prm.Path}
		if prm.Source != "" {
			o = Origin{Param: -1, Source: prm.Source, Path: prm.Path, Cleared: prm.Cleared,
				Trail: []facts.Step{{File: f.File, Line: f.Line, Note: prm.Name + " (" + prm.Source + ") read"}}}
		}
		fr.env[prm.Name] = Value{Origins: []Origin{o}}
	}
	for i := range f.Ops {
		fr.exec(i)
	}
	if len(f.ResultClears) > 0 && fr.sum.Return.Tainted() {
		fr.sum.Return = fr.sum.Return.clear(f.ResultClears...)
	}
	return fr.sum
}

func (fr *frame) step(line int, note string) facts.Step {
	return facts.Step{File: fr.f.File, Line: line, Note: note}
}

// eval is an expression's value.
func (fr *frame) eval(e Expr) Value {
	var v Value
	chosen := e.Chosen
	for i, r := range e.Refs {
		rv := fr.ref(r)
		if e.Fields && r.Key != "" && rv.Tainted() {
			rv.Origins = slices.Clone(rv.Origins)
			for k := range rv.Origins {
				rv.Origins[k].Key = r.Key
			}
		}
		if i == 0 && e.Built && e.Lead == "" {
			// Built text led by a value holding no request data (a
			// setting, a record's field, the app's own URL), or one
			// checked as a redirect target.
			chosen = chosen || !rv.Tainted() || rv.clearedFor(OpenRedirect)
		}
		v = join(v, rv)
	}
	if e.Built {
		v.Built = true
		v.Chosen = chosen
	}
	if e.Fields {
		v.Object = true
		v.Chosen = v.Chosen || e.Chosen
	}
	if e.Spread {
		v.Spread = true
	}
	if e.Lead != "" || e.Built {
		v.Lead = e.Lead
	}
	v.Text = clipText(e.Text + v.Text)
	return v
}

func (fr *frame) ref(r Ref) Value {
	var base Value
	held := false
	switch {
	case r.Source != "":
		base = Value{Origins: []Origin{{Param: -1, Source: r.Source}}}
	case r.Call > 0 && r.Call <= len(fr.results):
		base = fr.results[r.Call-1]
	case r.Var != "":
		base, held = fr.env[r.Var]
	}
	if !base.Tainted() {
		return Value{}
	}
	out := base
	out.Origins = make([]Origin, 0, len(base.Origins))
	for _, o := range base.Origins {
		o, ok := o.through(r.Path)
		if !ok {
			continue
		}
		if len(o.Path) > 0 && strings.Count(o.Path, ".")+strings.Count(o.Path, "[") > maxPath+2 {
			o.Path = o.Path[:strings.LastIndexAny(o.Path, ".[")]
		}
		if r.Path != "" {
			o.Whole = false
		}
		if len(o.Trail) == 0 && r.Note != "" {
			o.Trail = []facts.Step{fr.step(r.Line, r.Note)}
		}
		out.Origins = append(out.Origins, o)
	}
	if len(out.Origins) == 0 {
		return Value{}
	}
	if r.Path != "" {
		out.Object = false
	}
	// A local's own Clear is already on the value it holds: applied once
	// more, an Unclear would take back only one of the two.
	if kinds := fr.cleared[r.Var+r.Path]; len(kinds) > 0 && r.Var != "" && (r.Path != "" || !held) {
		out = out.clear(kinds...)
	}
	return out
}

func (fr *frame) exec(i int) {
	op := &fr.f.Ops[i]
	switch op.Kind {
	case Assign:
		v := fr.eval(op.Src)
		if v.Tainted() && op.Note != "" {
			v = v.withStep(fr.step(op.Line, op.Note))
		}
		fr.env[op.Dst] = v
		delete(fr.cleared, op.Dst)
	case Mutate:
		v := fr.eval(op.Src)
		if !v.Tainted() {
			return
		}
		if op.Note != "" {
			v = v.withStep(fr.step(op.Line, op.Note))
		}
		fr.sinks(op, i, []Value{v}, nil, false)
		if len(op.Sinks) > 0 {
			// A response written (Koa's ctx.body = v) goes to the
			// client: the context holds no request data from it, and
			// what is read off it later (ctx.state) is the server's.
			return
		}
		fr.env[op.Dst] = join(fr.env[op.Dst], v)
	case Return:
		fr.sum.Return = join(fr.sum.Return, fr.eval(op.Src))
	case Clear:
		kinds := fr.kindsOf(op)
		if len(kinds) == 0 {
			return
		}
		fr.cleared[op.Dst] = append(fr.cleared[op.Dst], kinds...)
		if v, ok := fr.env[op.Dst]; ok {
			fr.env[op.Dst] = v.clear(kinds...)
		}
	case Unclear:
		kinds := fr.kindsOf(op)
		if len(kinds) == 0 {
			return
		}
		fr.cleared[op.Dst] = withoutKinds(fr.cleared[op.Dst], kinds)
		if v, ok := fr.env[op.Dst]; ok {
			fr.env[op.Dst] = v.unclear(kinds...)
		}
	case Tests:
		fr.tests(op)
	case Call:
		fr.call(i, op)
	}
}

// kindsOf is what a Clear or Unclear checks: its own kinds, or, for a
// call of the repository's in the test, what every function the call may
// be vouches for in the argument (none when one of them does not).
func (fr *frame) kindsOf(op *Op) []string {
	if op.By == nil {
		return op.Clears
	}
	if op.By.Call < 1 || op.By.Call > len(fr.f.Ops) {
		return nil
	}
	callees := fr.calleesOf(&fr.f.Ops[op.By.Call-1])
	var kinds []string
	for i, g := range callees {
		var ks []string
		for _, t := range fr.p.summarize(g, fr.depth+1).Tests {
			if t.Param == op.By.Arg {
				ks = append(ks, t.Kinds...)
			}
		}
		if i == 0 {
			kinds = ks
		} else {
			kinds = common(kinds, ks)
		}
		if len(kinds) == 0 {
			return nil
		}
	}
	return kinds
}

// tests records, at a return of a test, the parameters it vouches for:
// a local read from a parameter as it was passed, or made from it by
// calls outside the repository (rel := filepath.Rel(base, p)). A test
// that is itself a call of a helper (return inside(p, root)) vouches
// for what the helper does.
func (fr *frame) tests(op *Op) {
	name, path := op.Dst, ""
	if i := strings.IndexAny(name, ".["); i > 0 {
		name, path = name[:i], name[i:]
	}
	kinds := fr.kindsOf(op)
	if len(kinds) == 0 {
		return
	}
	for _, o := range fr.ref(Ref{Var: name, Path: path}).Origins {
		if o.Param < 0 || o.Path != "" {
			continue
		}
		i := slices.IndexFunc(fr.sum.Tests, func(t Test) bool { return t.Param == o.Param })
		if i < 0 {
			fr.sum.Tests = append(fr.sum.Tests, Test{Param: o.Param})
			i = len(fr.sum.Tests) - 1
		}
		for _, k := range kinds {
			if !slices.Contains(fr.sum.Tests[i].Kinds, k) {
				fr.sum.Tests[i].Kinds = append(fr.sum.Tests[i].Kinds, k)
			}
		}
	}
}

// withoutKinds is kinds less one occurrence of each of drop, the last
// one: what a Clear appended.
func withoutKinds(kinds, drop []string) []string {
	out := slices.Clone(kinds)
	for _, d := range drop {
		for j := len(out) - 1; j >= 0; j-- {
			if out[j] == d {
				out = slices.Delete(out, j, j+1)
				break
			}
		}
	}
	return out
}

func (fr *frame) call(i int, op *Op) {
	fr.p.calls++
	args := make([]Value, len(op.Args))
	for k, a := range op.Args {
		args[k] = fr.eval(a)
	}
	var recv Value
	if op.Callee.RecvExpr != nil {
		recv = fr.eval(*op.Callee.RecvExpr)
	}
	callees := fr.calleesOf(op)
	fr.sinks(op, i, args, &recv, len(callees) > 0)

	// The result.
	var res Value
	switch {
	case len(op.Clears) > 0:
		// A sanitiser: its arguments (or receiver), cleaned.
		for _, a := range args {
			res = join(res, a)
		}
		res = join(res, recv).clear(op.Clears...)
		if slices.Contains(op.Clears, CleanAll) {
			res = Value{}
		}
	case len(callees) > 0:
		step := fr.step(op.Line, op.Note)
		for _, g := range callees {
			res = join(res, fr.apply(g, args, step))
		}
	case op.Callee.Recv != "" && op.Callee.RecvExpr != nil:
		// A method outside the repository: its result is the receiver's
		// data (req.get('x'), name.trim()), read through the call.
		res = recv
		for k := range res.Origins {
			res.Origins[k].Path = JoinPath(res.Origins[k].Path, "."+op.Callee.Name+"()")
			res.Origins[k].Whole = false
		}
		if slices.Contains(passArgs, op.Callee.Name) {
			for _, a := range args {
				res = join(res, a)
			}
		}
	default:
		// A function outside the repository: text functions pass their
		// arguments on (decodeURIComponent, path.join).
		for _, a := range args {
			res = join(res, a)
		}
		for k := range res.Origins {
			res.Origins[k].Whole = false
		}
	}
	fr.results[i] = res
}

// passArgs are methods whose result carries their arguments: a string's
// concat and replace, a path's join, resolve and relative, a URL's resolve.
var passArgs = []string{"concat", "join", "resolve", "relative", "format", "replace", "from", "parse", "assign"}

func (fr *frame) calleesOf(op *Op) []*Func {
	if op.Callee.Func != nil {
		return []*Func{op.Callee.Func}
	}
	if fr.p.Resolver == nil {
		return nil
	}
	return fr.p.Resolver.Resolve(fr.f, op)
}

// apply instantiates g's summary at a call with these arguments: each
// sink a parameter reaches is reached by what the caller passed, and the
// result is what g returns, in the caller's terms.
func (fr *frame) apply(g *Func, args []Value, step facts.Step) Value {
	s := fr.p.summarize(g, fr.depth+1)
	for _, h := range s.Hits {
		if h.Origin.Param < 0 {
			// g read request data itself: only an entry's own reads
			// count, as g is reached from here too.
			fr.sum.Hits = appendHit(fr.sum.Hits, h)
			continue
		}
		if h.Origin.Param >= len(args) {
			continue
		}
		a := args[h.Origin.Param]
		if h.Leads && h.Sink.ByLead && h.Sink.Shape != nil && !h.Sink.Shape(a) {
			// The parameter begins the URL, and what the caller passes
			// fixes its host.
			continue
		}
		for k, o := range a.Origins {
			if o.clearedFor(h.Kind) {
				continue
			}
			n, ok := o.through(h.Origin.Path)
			if !ok {
				continue
			}
			n.Whole = o.Whole && h.Origin.Path == ""
			n.Field = o.Field && h.Origin.Path == ""
			n.Trail = append(addStep(slices.Clone(o.Trail), step), h.Origin.Trail...)
			if len(n.Trail) > maxTrail {
				n.Trail = append(n.Trail[:1], n.Trail[len(n.Trail)-maxTrail+1:]...)
			}
			fr.hit(Hit{Kind: h.Kind, Sink: h.Sink, Origin: n, At: h.At, Leads: h.Leads && k == 0 && a.Lead == ""}, a, h.Deferred)
		}
	}
	// The return value in the caller's terms.
	var res Value
	for _, o := range s.Return.Origins {
		if o.Param < 0 {
			n := o
			n.Trail = addStep(slices.Clone(o.Trail), step)
			res = join(res, Value{Origins: []Origin{n}})
			continue
		}
		if o.Param >= len(args) {
			continue
		}
		a := args[o.Param]
		for _, ao := range a.Origins {
			n, ok := ao.through(o.Path)
			if !ok {
				continue
			}
			n.Whole = ao.Whole && o.Path == ""
			n.Trail = addStep(slices.Clone(ao.Trail), step)
			// Cleaned in the caller or in g on the way to its return.
			n.Cleared = append(slices.Clip(ao.Cleared), o.Cleared...)
			res = join(res, Value{Origins: []Origin{n}})
		}
	}
	res.Built = res.Built || s.Return.Built
	res.Text = clipText(s.Return.Text + res.Text)
	return res
}

// sinks records every sink op is that a tainted argument reaches.
// A sink known only by its name is skipped when the call resolves to a
// function of the repository (resolved): its body is read instead.
func (fr *frame) sinks(op *Op, i int, args []Value, recv *Value, resolved bool) {
	for _, use := range op.Sinks {
		if use.ByName && resolved {
			continue
		}
		for _, k := range use.Args {
			var v Value
			switch {
			case k == -1 && recv != nil:
				v = *recv
			case k == -2: // every argument
				for _, a := range args {
					v = join(v, a)
				}
			case k >= 0 && k < len(args):
				v = args[k]
			default:
				continue
			}
			if !v.Tainted() || v.clearedFor(use.Sink.Kind) {
				continue
			}
			kind := use.Sink.Kind
			note := op.Note
			if note == "" {
				note = use.Sink.Name
			}
			at := fr.step(op.Line, note)
			if use.At != nil {
				v = v.withStep(at)
				at = *use.At
			}
			for j, o := range v.Origins {
				if !o.clearedFor(kind) {
					fr.hit(Hit{Kind: kind, Sink: use.Sink, Origin: o, At: at, Leads: j == 0 && v.Lead == ""}, v, true)
				}
			}
		}
	}
}

// hit keeps a sink reached, if what reaches it is the kind of value the
// sink is dangerous with. A parameter passed to the sink as it is, where
// the sink asks what the value looks like, is kept deferred: the
// caller's argument will say.
func (fr *frame) hit(h Hit, v Value, shape bool) {
	if s := h.Sink.Shape; shape && s != nil && !s(v) {
		if v.Built || !onlyParams(v) {
			return
		}
		h.Deferred = true
	}
	if h.Sink.From != nil && h.Origin.Param < 0 && !h.Sink.From(Concrete(h.Origin)) {
		return
	}
	if h.Origin.Source == facts.SourceStored && !h.Sink.Stored {
		// A record read back is the code's own data to every sink but
		// one that writes it into a page as HTML.
		return
	}
	fr.sum.Hits = appendHit(fr.sum.Hits, h)
}

func onlyParams(v Value) bool {
	for _, o := range v.Origins {
		if o.Param < 0 {
			return false
		}
	}
	return true
}

func appendHit(hs []Hit, h Hit) []Hit {
	for i, x := range hs {
		if x.Kind == h.Kind && x.At == h.At && x.Origin.Param == h.Origin.Param && x.Origin.Path == h.Origin.Path && x.Origin.Source == h.Origin.Source {
			// Two sinks of a kind at one call (an SQL call by its name,
			// and as a connection's raw SQL): the one this value already
			// fits is kept over one whose caller must answer.
			if x.Deferred && !h.Deferred {
				hs[i] = h
			}
			return hs
		}
	}
	if len(hs) >= 64 {
		return hs
	}
	return append(hs, h)
}

// String is a hit as a test reads it.
func (h Hit) String() string {
	src := h.Origin.Source
	if src == "" {
		src = fmt.Sprintf("param%d%s", h.Origin.Param, h.Origin.Path)
	}
	return fmt.Sprintf("%s via=%s at %s:%d", h.Kind, src, h.At.File, h.At.Line)
}

// Entry is where request data comes in: a route's handler, a resolver,
// a message handler.
type Entry struct {
	Func *Func
	// Roles says what each parameter, by index, carries.
	Roles map[int]Role
	// Route is the surface's id (facts.Route.ID), if a route.
	Route string
	// Steps open every path from here: the route, the handler.
	Steps []facts.Step
	// Parts, if set, reads a request object's access paths for this
	// entry's language (Django's request.GET, Flask's request.args);
	// FromRequest otherwise.
	Parts func(path string) (source, rest string, ok bool)
}

// Finding is a sink an entry reaches with request data.
type Finding struct {
	Kind   string
	Source string
	Route  string
	// Path is the route and handler, each step on the way, the sink last.
	Path []facts.Step
	Sink facts.Step
	// By is the sink's entry in the vocabulary.
	By *Sink
}

// Reach is every sink e reaches with request data.
func (p *Program) Reach(e Entry) []Finding {
	s := p.Summarize(e.Func)
	var out []Finding
	// One finding per sink; this request's own data is kept over a
	// record read back, which needs someone to have saved it first.
	seen := map[string]int{}
	for _, h := range s.Hits {
		o := h.Origin
		if o.Source == SourceCLI {
			continue
		}
		if o.Param >= 0 {
			if h.Deferred && !h.Sink.RequestFits {
				continue
			}
			switch e.Roles[o.Param] {
			case RoleRequest:
				parts := e.Parts
				if parts == nil {
					parts = FromRequest
				}
				src, rest, ok := parts(o.Path)
				if !ok {
					continue
				}
				o.Source, o.Path = src, rest
			case RoleArgs:
				o.Source = facts.SourceGraphQLArg
			case RoleMessage:
				o.Source = facts.SourceMessage
			default:
				continue
			}
			o.Param = -1
			if h.Sink.From != nil && !h.Sink.From(Concrete(o)) {
				continue
			}
		}
		key := h.Kind + "\x00" + h.At.File + "\x00" + fmt.Sprint(h.At.Line)
		at, dup := seen[key]
		if dup && (o.Source == facts.SourceStored || out[at].Source != facts.SourceStored) {
			continue
		}
		path := slices.Clone(e.Steps)
		for _, st := range o.Trail {
			path = addStepLoose(path, st)
		}
		if n := len(path); n > 0 && path[n-1].File == h.At.File && path[n-1].Line == h.At.Line {
			path[n-1].Note = h.At.Note // the sink says more than the read on its line
		} else {
			path = append(path, h.At)
		}
		fd := Finding{Kind: h.Kind, Source: o.Source, Route: e.Route, Path: path, Sink: h.At, By: h.Sink}
		if dup {
			out[at] = fd
			continue
		}
		seen[key] = len(out)
		out = append(out, fd)
	}
	return out
}

// addStepLoose appends a step unless the path already ends there.
func addStepLoose(path []facts.Step, s facts.Step) []facts.Step {
	if n := len(path); n > 0 && path[n-1].File == s.File && path[n-1].Line == s.Line {
		if path[n-1].Note == "" {
			path[n-1].Note = s.Note
		}
		return path
	}
	return append(path, s)
}
