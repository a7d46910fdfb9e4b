package signal

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	srccode "github.com/threatmap/threatmap/internal/detector/code"
)

// An owner condition below the handler. A handler often hands the path's
// id to a service through an interface (h.DialService.FindDialByID(ctx, id))
// and the implementation, in another package, does the scoping a layer or
// two further down: its query is limited to the caller taken from the
// context (WHERE id IN (SELECT dial_id FROM memberships WHERE user_id = ?),
// the id from wtf.UserIDFromContext(ctx)), or it loads the record and
// refuses when its owner is not that caller. A call is followed into every
// function of its name, a bounded depth down, and counts only when each
// one that does work of its own shows the condition: a second
// implementation that checks nothing (the real store, when only a fake
// checks) leaves the id unguarded. An implementation that only hands the
// call on to a function it was given (a test double's FindDialByIDFn) does
// no work of its own and is not asked.

// ownerDepth is how many calls down from the handler an owner condition
// is looked for: the service method, its store helper, and the query or
// predicate that helper calls.
const ownerDepth = 3

type belowKey struct {
	name    string
	param   int
	others  string
	decided bool
	depth   int
}

// belowAt is an owner condition found: the function and the offset in
// its code; off is -1 when there is none.
type belowAt struct {
	fn  fnBody
	off int
}

var noOwner = belowAt{off: -1}

// implsOf are a file's functions by name, every definition of a name
// (two receivers' methods of one name are two implementations).
func implsOf(path string, src []byte, text string, defs []fnDef) map[string][]fnBody {
	if len(defs) == 0 {
		return nil
	}
	out := map[string][]fnBody{}
	lines := srccode.NewLines(src)
	for i, def := range defs {
		end := len(text)
		if i+1 < len(defs) {
			end = defs[i+1].at
		}
		code := text[def.at:end]
		out[def.name] = append(out[def.name], fnBody{params: paramsOf(code), code: code, file: path, line: lines.At(def.at)})
	}
	return out
}

// ownerBelow is the owner condition on parameter i of the functions named
// name: found in every one that can take the argument and does work of
// its own (the first one's), or noOwner. depth bounds the calls followed
// from each.
func (d *Calls) ownerBelow(name string, i int, others []int, decided bool, depth int) belowAt {
	key := belowKey{name, i, fmt.Sprint(others), decided, depth}
	if at, ok := d.below[key]; ok {
		return at
	}
	d.below[key] = noOwner // a function that calls itself finds nothing new
	if !d.sorted {
		for _, fs := range d.impls {
			slices.SortFunc(fs, func(a, b fnBody) int {
				if c := strings.Compare(a.file, b.file); c != 0 {
					return c
				}
				return a.line - b.line
			})
		}
		d.sorted = true
	}
	// A function that cannot take the argument is not the one called.
	var asked, loading []fnBody
	for _, fn := range d.impls[name] {
		if i < len(fn.params) && fn.params[i] != "" && !d.forwards(fn, name) {
			asked = append(asked, fn)
			if d.loadsBy(fn, i, depth) {
				loading = append(loading, fn)
			}
		}
	}
	// Where some implementations load the record, those are the ones
	// whose checks count; a predicate given the record loads nothing.
	if len(loading) > 0 {
		asked = loading
	}
	found := noOwner
	for _, fn := range asked {
		at := d.ownerInFn(fn, i, others, decided, depth)
		if at.off < 0 {
			found = noOwner
			break
		}
		if found.off < 0 {
			found = at
		}
	}
	d.below[key] = found
	return found
}

// ownerInFn is the owner condition on parameter i of one function: the
// reading a helper one call away has (ownerIn), a refusal when the record
// it loads by the parameter has another owner than the caller, a query
// given the parameter and the caller's id, or the same in a function it
// passes the parameter or the record to.
func (d *Calls) ownerInFn(fn fnBody, i int, others []int, decided bool, depth int) belowAt {
	p := fn.params[i]
	// The function the handler calls is read as a helper one call away
	// is; below it, a value named for a user is no longer the caller's
	// (findUserByID(ctx, tx, dial.UserID) loads the record's owner).
	if depth == ownerDepth {
		if off := d.ownerOf(fn, i, others, decided); off >= 0 {
			return belowAt{fn, off}
		}
	}
	code := blankStrings(fn.code)
	aliases := aliasesOf(fn.code, p)
	held := append(slices.Clone(aliases), recordVars(fn.code, aliases)...)
	// The caller here is what the function reads off the context or the
	// session itself (userID := wtf.UserIDFromContext(ctx)): a parameter
	// named for a user is whatever the handler passed, the path's id
	// included.
	var supplied []string
	for _, j := range others {
		if j < len(fn.params) && fn.params[j] != "" {
			supplied = append(supplied, aliasesOf(fn.code, fn.params[j])...)
		}
	}
	callers := declaredCallers(fn.code)
	callers = append(callers, assignedVars(fn.code, held, func(rhs string, out []string) bool {
		return readsAny(rhs, callers) || readsAny(rhs, out)
	})...)
	if off := ownerRefusalOf(fn.code, code, callers, held, supplied); off >= 0 {
		return belowAt{fn, off}
	}
	// A predicate whose answer the caller branches on: the record's
	// owner compared with the caller (return dial.UserID == UserIDFromContext(ctx)).
	if decided {
		if off := ownerCompared(code, callers, held, supplied); off >= 0 {
			return belowAt{fn, off}
		}
	}
	if off := scopedQuery(fn.code, code, aliases, callers); off >= 0 {
		return belowAt{fn, off}
	}
	if depth <= 1 {
		return noOwner
	}
	for _, c := range d.implCalls(code) {
		var passed []int // the request's other values, handed on
		for j, a := range c.args {
			if readsAny(a, supplied) {
				passed = append(passed, j)
			}
		}
		for j, a := range c.args {
			if !readsAny(a, held) {
				continue
			}
			if at := d.ownerBelow(c.name, j, passed, decides(code, c.at), depth-1); at.off >= 0 {
				return at
			}
		}
	}
	return noOwner
}

// implCall is a call in a function's code to a function or method the
// repository implements (not a definition, not a control word), with
// its offset and its top-level arguments.
type implCall struct {
	name string
	at   int
	args []string
}

// implCalls lists the calls in code to functions the repository
// implements, in order.
func (d *Calls) implCalls(code string) []implCall {
	var out []implCall
	for _, m := range callStart.FindAllStringSubmatchIndex(code, -1) {
		callee := strings.ReplaceAll(code[m[2]:m[3]], " ", "")
		last := callee[strings.LastIndex(callee, ".")+1:]
		if controlWord[callee] || len(d.impls[last]) == 0 || definition.MatchString(code[:m[0]]) {
			continue
		}
		end := closing(code, m[1]-1)
		if end < 0 {
			continue
		}
		out = append(out, implCall{name: last, at: m[0], args: topArgs(code[m[1]:end])})
	}
	return out
}

// loadsBy reports whether the function's parameter i reaches a lookup
// in it, or in a function it passes the parameter to, depth calls down:
// an implementation that sends the id on over the network (an API
// client's request) or refuses the call as unimplemented loads no record
// for the caller to be checked against.
func (d *Calls) loadsBy(fn fnBody, i, depth int) bool {
	key := loadKey{fn.file, fn.line, i, depth}
	if v, ok := d.loads[key]; ok {
		return v
	}
	d.loads[key] = false
	v := d.loadsIn(fn, i, depth)
	d.loads[key] = v
	return v
}

type loadKey struct {
	file  string
	line  int
	param int
	depth int
}

func (d *Calls) loadsIn(fn fnBody, i, depth int) bool {
	p := fn.params[i]
	code := blankStrings(fn.code)
	if first, _ := paramLookup(fn.code, code, p); first >= 0 {
		return true
	}
	if depth <= 1 {
		return false
	}
	aliases := aliasesOf(fn.code, p)
	for _, c := range d.implCalls(code) {
		for j, a := range c.args {
			if !readsAny(a, aliases) {
				continue
			}
			for _, g := range d.impls[c.name] {
				if j < len(g.params) && g.params[j] != "" && !d.forwards(g, c.name) && d.loadsBy(g, j, depth-1) {
					return true
				}
			}
		}
	}
	return false
}

// forwards reports whether a function's whole body is one call, handing
// its arguments on to a function it was given (return s.FindDialByIDFn(ctx, id):
// a field of the receiver, no function of the repository) or to a method
// of its own name on something it holds (a wrapper): it decides nothing.
func (d *Calls) forwards(fn fnBody, name string) bool {
	code := blankStrings(fn.code)
	_, end := paramsSpan(code)
	if end < 0 {
		return false
	}
	open := strings.IndexByte(code[end:], '{')
	if open < 0 {
		return false
	}
	open += end
	closeAt := closing(code, open)
	if closeAt < 0 {
		return false
	}
	stmt := strings.TrimSpace(code[open+1 : closeAt])
	if strings.ContainsAny(stmt, "\n;") {
		return false
	}
	stmt = strings.TrimSpace(strings.TrimPrefix(stmt, "return "))
	stmt = strings.TrimSpace(strings.TrimPrefix(stmt, "await "))
	m := callStart.FindStringSubmatchIndex(stmt)
	if m == nil || m[0] != 0 || closing(stmt, m[1]-1) != len(stmt)-1 {
		return false
	}
	callee := strings.ReplaceAll(stmt[m[2]:m[3]], " ", "")
	dot := strings.LastIndex(callee, ".")
	if dot < 0 {
		return false // a plain function: the implementation's own helper
	}
	last := callee[dot+1:]
	return last == name || d.allDefs[last] == 0
}

// ownerColumn is a query's condition that ties an owner's column to a
// bound value: user_id = ?, dm.owner_id = $2, author_id = :uid.
var ownerColumn = regexp.MustCompile(`(?i)\b\w*(?:user|owner|author|member|account|tenant|creator)_?id\s*=\s*(?:\?|\$\d+|:\w+|@\w+)`)

// scopedQuery is the offset of a query's owner condition in raw (code is
// raw with strings blanked) when a lookup there is given both a value
// holding the parameter (aliases) and one holding the caller's id: the
// arguments built up in a list (args = append(args, userID)) and handed
// to tx.QueryContext(ctx, query, args...). -1 when there is none. A
// caller's id bound to no owner column (an updated_by written, an audit
// row) scopes nothing.
func scopedQuery(raw, code string, aliases, callers []string) int {
	if len(callers) == 0 {
		return -1
	}
	// The owner column nearest a line that reads the caller is the one
	// bound to it (a filter's own user_id = ? may come first).
	var reads []int
	for at, line := range strings.Split(code, "\n") {
		if readsAny(line, callers) {
			reads = append(reads, at)
		}
	}
	col, best := -1, -1
	for _, loc := range ownerColumn.FindAllStringIndex(raw, -1) {
		if strings.TrimSpace(code[loc[0]:loc[1]]) != "" { // not inside a string: no query's text
			continue
		}
		n := strings.Count(code[:loc[0]], "\n")
		for _, r := range reads {
			if d := max(n-r, r-n); best < 0 || d < best {
				col, best = loc[0], d
			}
		}
	}
	if col < 0 {
		return -1
	}
	var held []string
	for _, c := range callers {
		held = append(held, aliasesOf(raw, c)...)
	}
	for _, m := range callStart.FindAllStringSubmatchIndex(code, -1) {
		callee := strings.ReplaceAll(code[m[2]:m[3]], " ", "")
		if !lookupCallee.MatchString(callee[strings.LastIndex(callee, ".")+1:]) || definition.MatchString(code[:m[0]]) {
			continue
		}
		end := closing(code, m[1]-1)
		if end < 0 {
			continue
		}
		if args := code[m[1]:end]; readsAny(args, aliases) && readsAny(args, held) {
			return col
		}
	}
	return -1
}

// ownerCompared is the offset of the first comparison in code (strings
// blanked) of the caller with a value that reads one of held, or -1.
func ownerCompared(code string, callers, held, supplied []string) int {
	for _, op := range compareOp.FindAllStringIndex(code, -1) {
		line := strings.LastIndexByte(code[:op[0]], '\n') + 1
		rest := code[op[1]:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		left, right := trimOperand(operandLeft.FindString(code[line:op[0]])), trimOperand(operandRight.FindString(rest))
		if left == "" || right == "" {
			continue
		}
		lc, rc := callerOperand(left, callers, supplied), callerOperand(right, callers, supplied)
		if lc != rc && (lc && readsAny(right, held) || rc && readsAny(left, held)) {
			return line
		}
	}
	return -1
}
