// Package flow follows request data from where it enters a handler to the
// call that would be dangerous with it (a sink): a query, a shell, a file
// path, a redirect, a response body. It is language-neutral. A frontend
// (the JavaScript/TypeScript one in this package's js.go, others in
// their own packages) lowers each function of a file into a Func: the
// assignments, calls, sinks and returns it holds, in source order. The
// core then:
//
//   - summarises every function once: which of its parameters (and which
//     part of each: req.query.to) reach which sink, and which reach its
//     return value (Summarize);
//   - applies a callee's summary at each call, so request data followed
//     through a helper in another file still reaches its sink, with each
//     call on the path (Program.Call);
//   - starts from entry points (a route's handler, a GraphQL resolver, a
//     socket's message handler) whose parameters say what request data
//     they carry (Entry), and reports every sink they reach (Program.Run).
//
// It is bounded: a callee chain deeper than MaxDepth, a function of more
// than MaxOps operations or a program of more than MaxCalls summarised
// calls is cut short, so a hostile repository cannot make a scan slow.
// What reaches a sink through a cut is lost, never invented.
//
// The vocabularies (which calls are sinks, which clean a value, which
// parts of a request object are which source) are data, in vocab.go.
package flow

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// Bounds.
const (
	MaxDepth = 6    // calls followed below an entry
	MaxOps   = 4000 // operations lowered per function
	MaxCalls = 200000
	// maxPath is how many member accesses an access path keeps:
	// req.body.user.name.first is read as req.body.user.name.
	maxPath = 4
	// maxTrail is how many steps a value remembers before the sink.
	maxTrail = 8
	// maxText is how much literal text a built string keeps, for the
	// sinks that ask what the text looks like (SQL).
	maxText = 240
)

// Func is one function as a frontend lowered it.
type Func struct {
	// ID is unique in the program: file#name@line.
	ID      string
	File    string
	Name    string
	Line    int
	EndLine int
	Params  []Param
	Ops     []Op
	// ResultClears are the kinds the function's result is clean of,
	// whatever it is given: a function that parses a URL and keeps only
	// its path (no scheme, no host) returns no redirect to another site.
	ResultClears []string
	// Callback: written in place as a call's argument (d.map((x) => ...)).
	// What it is given is the callee's to say, and the enclosing
	// function lowers it where it is written, with its own locals.
	Callback bool
}

// Compact copies a lowered function's operations into a slice of their
// exact length: a frontend keeps every function of a file until Finish,
// and the slack append leaves (up to half of each slice) is most of what
// a large tree's lowered code holds.
func (f *Func) Compact() {
	if cap(f.Ops) > len(f.Ops) {
		f.Ops = append(make([]Op, 0, len(f.Ops)), f.Ops...)
	}
}

// Param is one parameter. Path, for a parameter written as a pattern
// (({ query }, res) => ...), names the part of the argument it binds:
// the binding is Name = argument<Path>.
type Param struct {
	Name string
	// Index is the argument's position; several Params share one for a
	// destructured argument.
	Index int
	Path  string
	// Source, when the frontend knows what the parameter carries from
	// the parameter itself (NestJS @Body(), @Query('q')), is a facts
	// Source*; the entry's roles apply otherwise.
	Source string
	// Cleared are the weakness kinds what the parameter carries is
	// already safe from, from its declaration (a request model that
	// keeps only the fields it declares, none privileged: no mass
	// assignment).
	Cleared []string
}

// OpKind is what an operation does.
type OpKind uint8

// Operation kinds.
const (
	// Assign sets Dst (a local) to Src.
	Assign OpKind = iota
	// Call calls Callee with Args; its result is the value of Refs with
	// Call set to this op's index. A call matching a sink in the
	// vocabulary carries it in Sink.
	Call
	// Return returns Src.
	Return
	// Clear marks Dst as checked from here on, for the kinds in Clears
	// (an allow-list test, a path prefix check).
	Clear
	// Mutate merges Src into Dst: Object.assign(user, req.body), a
	// field set on an object (user.role = req.body.role).
	Mutate
	// Unclear takes back a Clear of Dst for the kinds in Clears: a test
	// that holds only in its branch (if (x === 'a') { ... }) checks
	// nothing past it.
	Unclear
	// Tests, at a function's return, says the function returns true
	// only when Dst passed a check for the kinds in Clears (return
	// base in path.parents): a caller that branches on a call of it has
	// checked what it passed there (Op.By).
	Tests
)

// Op is one operation, at one line.
type Op struct {
	Kind OpKind
	Line int
	Dst  string
	Src  Expr
	// Call only.
	Callee Callee
	Args   []Expr
	Sinks  []SinkUse
	// Clears lists the weakness kinds a sanitiser call (the result is
	// its arguments' value, cleaned for these kinds) or a check (Clear)
	// stops. CleanAll in it stops every kind.
	Clears []string
	// Note says what happens here, for a path step: "exec(cmd)".
	Note string
	// Render, on a call that renders a template file with named values,
	// names the template; BindTemplates makes each value the template
	// writes unescaped a sink there.
	Render *Render
	// By, on a Clear or Unclear, is a call of a function of the
	// repository in the test (if not inside(p, base): raise): the kinds
	// are those its summary says it tests argument Arg for (Tests), not
	// Clears.
	By *TestBy
}

// TestBy is a call in a condition and the argument it tests: Call is the
// call's op index plus one, as in Ref.
type TestBy struct{ Call, Arg int }

// CallAt is the Call op among ops at line with this note (the text a
// frontend gave it), plus one, the newest first; 0 when there is none. A
// frontend lowers a condition before it reads its tests, and finds the
// calls in it so.
func CallAt(ops []Op, line int, note string) int {
	for i := len(ops) - 1; i >= 0; i-- {
		if op := &ops[i]; op.Kind == Call && op.Line == line && op.Note == note {
			return i + 1
		}
	}
	return 0
}

// Render is a template rendered by name with values (res.render('page',
// { bio }), render_template("page.html", bio=bio)): Args[Locals] holds
// them, each Ref keyed by the name it has in the template (Ref.Key).
type Render struct {
	Template string
	Locals   int
}

// CleanAll, in Op.Clears, stops every kind: a number parsed from the
// value carries nothing an attacker chose in a form any sink misreads.
const CleanAll = "*"

// Callee names what a call calls, for the frontend's resolver: a plain
// name (runCmd), a member (db.users.find: Recv db.users, Name find), or
// a function written inline (Func set).
type Callee struct {
	Name string
	// Recv is the object a method is called on, as written; empty for a
	// plain call.
	Recv string
	// RecvExpr is the receiver's value, for method calls whose result is
	// the receiver's data (req.get('x'), body.trim()).
	RecvExpr *Expr
	// Func is a function written in place (an IIFE, a callback), lowered.
	Func *Func
}

// SinkUse is a sink one call is: which of its arguments are dangerous.
type SinkUse struct {
	Sink *Sink
	// Args are the argument indexes the sink reads; -1 is the receiver
	// (res.send's body is an argument; a query builder's raw text may be
	// the receiver's).
	Args []int
	// At, if set, is where the sink is when it is not the call itself:
	// the template line that writes a rendered value unescaped. The call
	// is then a step on the way.
	At *facts.Step
	// ByName: the sink is known only by the callee's name (create,
	// update, query): when the name is a function of the repository,
	// that function's body says what it does, and the name says
	// nothing (a create that picks each column from its argument).
	ByName bool
}

// Expr is what a value is made of: the references it reads and how it
// was put together. A frontend lowers every expression to one.
type Expr struct {
	Refs []Ref
	// Text is the literal text around the references, in order, capped
	// at maxText: what a built SQL statement says.
	Text string
	// Built: text made by concatenation, a template literal or a format
	// call, with the references pasted in.
	Built bool
	// Lead is the literal text before the first reference: a URL whose
	// scheme and host are fixed there only lets the request pick a path.
	Lead string
	// Fields: an object or array literal holding the references as
	// values ({ name: req.body.name }); Spread: one that spreads them
	// ({ ...req.body }).
	Fields, Spread bool
	// Chosen: built text that begins with a value the code chose, which
	// no reference carries (a module's setting, settings.BASE_URL + "?"
	// + q). The engine also takes a first reference that holds no
	// request data as one. On an array literal: every element that
	// reads something is text whose host is fixed so, and an element
	// taken from it keeps that.
	Chosen bool
}

// Ref is one thing an expression reads: a local (Var) or a call's result
// (Call, the op index plus one), then an access path.
type Ref struct {
	Var  string
	Call int
	// Path is the member and index accesses after it: ".query.to",
	// ".get()" for a method call on it, "[]" for a computed index.
	Path string
	// Source is set when the frontend read request data directly (a
	// global request accessor: Next's headers(), Go's r.URL.Query()).
	Source string
	Line   int
	Note   string
	// Key is the name the value has in the object literal, dictionary
	// or keyword argument it is given as ({ bio: req.body.bio }): what a
	// template it is rendered into calls it. Empty for a spread.
	Key string
}

// Empty reports whether the expression reads nothing.
func (e Expr) Empty() bool { return len(e.Refs) == 0 }

// JoinPath appends an access to a path, keeping at most maxPath parts.
func JoinPath(p, part string) string {
	if strings.Count(p, ".")+strings.Count(p, "[") >= maxPath {
		return p
	}
	return p + part
}

// Origin is where part of a value comes from: a source of request data
// (Source set), or the function's own parameter (Param ≥ 0) and the
// access path read from it. Trail is how it got here, oldest first.
type Origin struct {
	Param  int
	Path   string
	Source string
	// Whole: the value is the whole request body or query object (or a
	// spread of it), not one field read from it.
	Whole bool
	// Field: the value is one field of a JSON body or query string, not
	// converted: it may be an object ({"$ne": null}), not only text.
	Field bool
	// Cleared are the weakness kinds this part of the value was cleaned
	// or checked for. Each origin keeps its own: an escaped query value
	// pasted beside a parameter's field (ctx.state.nonce, which the entry
	// may read as no request data at all) stays escaped.
	Cleared []string
	Trail   []facts.Step
	// Key: the field of an object literal this part was given as
	// ({ to: dto.email }): reading another field of the object
	// (.templatePath) does not read it.
	Key string
}

// through is o once path is read from the value it is part of: a read of
// the field it was given as leaves the field's own path; one of another
// field is not o (false). A method call or an index reads the object.
func (o Origin) through(path string) (Origin, bool) {
	if o.Key == "" || !strings.HasPrefix(path, ".") {
		o.Path += path
		return o, true
	}
	seg := path[1:]
	if i := strings.IndexAny(seg, ".[("); i >= 0 {
		if seg[i] == '(' {
			o.Path += path
			return o, true
		}
		seg = seg[:i]
	}
	if seg != o.Key {
		return o, false
	}
	o.Key = ""
	o.Path += path[1+len(seg):]
	return o, true
}

func (o Origin) clearedFor(kind string) bool {
	return slices.Contains(o.Cleared, kind) || slices.Contains(o.Cleared, CleanAll)
}

// Value is what a local holds: its origins, each with the kinds it was
// checked or cleaned for.
type Value struct {
	Origins []Origin
	Text    string
	Lead    string
	Built   bool
	// Object: an object literal with request data as field values: a
	// Mongo filter { user: req.body.user }. Spread: one that spreads
	// request data into its fields ({ ...req.body }).
	Object, Spread bool
	// Chosen: text that begins with a value the code chose (a setting,
	// a record's field, a URL the app builds for its own route): like a
	// literal lead, it fixes the host; what follows picks only a path or
	// a query.
	Chosen bool
}

// Tainted reports whether the value carries anything from a source or a
// parameter.
func (v Value) Tainted() bool { return len(v.Origins) > 0 }

// clearedFor reports a tainted value every part of which was cleaned or
// checked for kind.
func (v Value) clearedFor(kind string) bool {
	for _, o := range v.Origins {
		if !o.clearedFor(kind) {
			return false
		}
	}
	return v.Tainted()
}

// clear is the value with every part cleaned or checked for kinds.
func (v Value) clear(kinds ...string) Value {
	return v.eachOrigin(func(o Origin) Origin {
		o.Cleared = append(slices.Clip(o.Cleared), kinds...)
		return o
	})
}

// unclear takes back a clear: each part loses the kinds clear added.
func (v Value) unclear(kinds ...string) Value {
	return v.eachOrigin(func(o Origin) Origin {
		o.Cleared = withoutKinds(o.Cleared, kinds)
		return o
	})
}

// eachOrigin is the value with f applied to a copy of each origin.
func (v Value) eachOrigin(f func(Origin) Origin) Value {
	out := v
	out.Origins = make([]Origin, len(v.Origins))
	for i, o := range v.Origins {
		out.Origins[i] = f(o)
	}
	return out
}

// join merges b into a. The same origin on both sides is cleared for a
// kind only when both sides cleared it.
func join(a, b Value) Value {
	out := Value{Origins: slices.Clone(a.Origins), Built: a.Built || b.Built, Object: a.Object || b.Object, Spread: a.Spread || b.Spread}
	for _, o := range b.Origins {
		if i := originIndex(out.Origins, o); i >= 0 {
			out.Origins[i].Cleared = common(out.Origins[i].Cleared, o.Cleared)
		} else if len(out.Origins) < 16 {
			out.Origins = append(out.Origins, o)
		}
	}
	out.Text = clipText(a.Text + b.Text)
	out.Lead, out.Chosen = a.Lead, a.Chosen
	if !a.Tainted() && a.Lead == "" {
		out.Lead, out.Chosen = b.Lead, b.Chosen
	}
	return out
}

func originIndex(os []Origin, o Origin) int {
	for i, x := range os {
		if x.Param == o.Param && x.Path == o.Path && x.Source == o.Source && x.Whole == o.Whole {
			return i
		}
	}
	return -1
}

// common are the kinds both lists clear (CleanAll in one stands for
// every kind the other names).
func common(a, b []string) []string {
	var out []string
	for _, k := range a {
		if slices.Contains(b, k) || slices.Contains(b, CleanAll) {
			out = append(out, k)
		}
	}
	if slices.Contains(a, CleanAll) {
		for _, k := range b {
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func clipText(s string) string {
	if len(s) > maxText {
		return s[:maxText]
	}
	return s
}

// withStep appends a step to every origin's trail, keeping the first
// step (where the data was read) and the newest ones.
func (v Value) withStep(s facts.Step) Value {
	return v.eachOrigin(func(o Origin) Origin {
		o.Trail = addStep(o.Trail, s)
		return o
	})
}

func addStep(trail []facts.Step, s facts.Step) []facts.Step {
	if n := len(trail); n > 0 && trail[n-1] == s {
		return trail
	}
	out := make([]facts.Step, 0, len(trail)+1)
	out = append(out, trail...)
	out = append(out, s)
	if len(out) > maxTrail {
		out = append(out[:1], out[len(out)-maxTrail+1:]...)
	}
	return out
}

// Hit is a sink reached: by request data (Origin.Source set) or, inside
// a summary, by one of the function's parameters.
type Hit struct {
	Kind   string
	Sink   *Sink
	Origin Origin
	// At is the sink's place.
	At facts.Step
	// Deferred: the parameter reached the sink as it was passed, and
	// the sink asks what the value looks like (SQL text built around
	// it): the caller's argument answers.
	Deferred bool
	// Leads: the origin begins the value at the sink (no literal text
	// and no other origin before it), so for a sink that reads only the
	// lead (Sink.ByLead) the caller's argument answers too.
	Leads bool
}
