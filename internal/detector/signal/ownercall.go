package signal

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	srccode "github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// An owner condition one call away. A handler often passes the path's id
// to a function of its own repository (h.findEntries(w, r, feedID, 0),
// loadPlugin(ctx, user, id)) and the scoping happens there: a lookup
// given both that parameter and the caller's id (store.FeedExists(userID,
// feedID)), or a comparison of the record's owner with the caller. The
// function's body is read for the parameter the id arrives in, with the
// reading idLookups does in a handler, and only for the functions route
// handlers call with an id: matching the owner pattern over every
// function of a tree costs more than the rest of the scan.

// fnBody is a function's code (comments stripped), its parameters in
// order, and where it starts.
type fnBody struct {
	params []string
	code   string
	file   string
	line   int
}

// paramsOf are the names of a function's parameters, read from its
// definition (func (h *h) find(w http.ResponseWriter, feedID, catID int64),
// def find(self, id), function find(req, { id })): the first word of each
// one, less a method's self or cls.
func paramsOf(code string) []string {
	open, end := paramsSpan(code)
	if end < 0 {
		return nil
	}
	var out []string
	for _, part := range topArgs(code[open+1 : end]) {
		w := identRE.FindString(part)
		// PHP names a parameter with $, after its type (int $page = 1).
		if v := phpParam.FindStringSubmatch(part); v != nil {
			w = v[1]
		}
		if len(out) == 0 && (w == "self" || w == "cls") {
			continue
		}
		out = append(out, w)
	}
	return out
}

// paramsSpan is where a function's parameter list opens and closes in
// its code, each -1 when it has none.
func paramsSpan(code string) (open, end int) {
	open = strings.IndexByte(code, '(')
	if open < 0 {
		return -1, -1
	}
	// A Go method's receiver comes first: its list is not the parameters.
	if strings.HasPrefix(strings.TrimSpace(code), "func") && strings.HasPrefix(strings.TrimLeft(strings.TrimSpace(code)[4:], " \t"), "(") {
		end := closing(code, open)
		if end < 0 {
			return -1, -1
		}
		next := strings.IndexByte(code[end+1:], '(')
		if next < 0 {
			return -1, -1
		}
		open = end + 1 + next
	}
	if end = closing(code, open); end < 0 {
		return -1, -1
	}
	return open, end
}

// phpParam is a PHP parameter's $name.
var phpParam = regexp.MustCompile(`\$(\w+)`)

// ownerCallSignals are the owner conditions of the functions a route's
// handler passes a path parameter to, each at its line in the function.
func (d *Calls) ownerCallSignals(r *facts.Route) []facts.Signal {
	if strings.TrimSpace(r.Body) == "" || len(d.bodies) == 0 {
		return nil
	}
	body := blankStrings(r.Body)
	own := identRE.FindAllString(r.Handler, -1)
	for _, p := range r.Params {
		if p.In != "" && p.In != "path" || p.Name == "" || wordIndex(r.Body, p.Name) < 0 {
			continue
		}
		aliases := aliasesOf(r.Body, p.Name)
		held := append(aliases, recordVars(r.Body, aliases)...)
		reads := readByName(p.Name)
		for _, m := range callStart.FindAllStringSubmatchIndex(body, -1) {
			callee := strings.ReplaceAll(body[m[2]:m[3]], " ", "")
			last := callee[strings.LastIndex(callee, ".")+1:]
			if len(d.impls[last]) == 0 || len(own) > 0 && own[len(own)-1] == last || sinkBefore(body, m[0]) {
				continue
			}
			end := closing(body, m[1]-1)
			if end < 0 {
				continue
			}
			args, raw := topArgs(body[m[1]:end]), topArgs(r.Body[m[1]:end])
			for i, a := range args {
				if !readsAny(a, held) && (i >= len(raw) || !reads.MatchString(raw[i])) {
					continue
				}
				if at := d.ownerBelow(last, i, suppliedArgs(r, p.Name, args, raw), decides(body, m[0]), ownerDepth); at.off >= 0 {
					return []facts.Signal{{Kind: facts.SignalOwnership, Detail: last, Route: r.Key(), In: facts.SignalInHandler,
						Evidence: facts.Evidence{File: at.fn.file, Line: at.fn.line + strings.Count(at.fn.code[:at.off], "\n")}}}
				}
			}
		}
	}
	return nil
}

// ownerOf is ownerIn for a function's parameter i, read once per scan:
// many routes pass their id to the same helper. others are the
// parameters the handler fills with values the request supplies (the
// path's other parameters): whatever they are called, they are not the
// caller.
func (d *Calls) ownerOf(fn fnBody, i int, others []int, decided bool) int {
	key := ownerKey{fn.file, fn.line, i, fmt.Sprint(others), decided}
	if off, ok := d.owners[key]; ok {
		return off
	}
	var names []string
	for _, j := range others {
		if j < len(fn.params) && fn.params[j] != "" {
			names = append(names, fn.params[j])
		}
	}
	off := ownerIn(fn.code, fn.params[i], names, decided)
	d.owners[key] = off
	return off
}

type ownerKey struct {
	file    string
	line    int
	param   int
	others  string
	decided bool
}

// ownerIn is the offset in a function's code of its owner condition on
// the parameter: a call given both it and the caller's id, or, when the
// caller decides on the function's answer, a comparison of the caller
// with an owner field on a line that reads it (if conf.UserID !=
// auth.GetUserID(ctx) { return err }); -1 when there is none. others are
// parameters holding what the request supplied (paramLookupsIn's).
func ownerIn(code, param string, others []string, decided bool) int {
	if _, owner := paramLookupsIn(code, blankStrings(code), param, nil, others); owner >= 0 {
		return owner
	}
	var given []string // what the request supplied besides the parameter
	for _, o := range others {
		given = append(given, aliasesOf(code, o)...)
	}
	supplied := append(aliasesOf(code, param), given...)
	callers := declaredCallers(code)
	for _, loc := range ownershipCheck.FindAllStringIndex(code, -1) {
		start := strings.LastIndexByte(code[:loc[0]], '\n') + 1
		end := strings.IndexByte(code[loc[1]:], '\n')
		if end < 0 {
			end = len(code) - loc[1]
		}
		// An owner column bound on a line given another of the request's
		// values and no caller ("id = ? AND user_id = ?", id, userID with
		// userID from the path) is scoped to whom the request names.
		if line := code[start : loc[1]+end]; readsAny(line, given) && !readsAny(line, callers) && !callerSource.MatchString(line) {
			continue
		}
		// The caller branches on the answer, or the function refuses
		// itself (if note.owner_id != current_user.id: raise ...).
		if readsWord(code[start:loc[1]+end], param) && (decided || refusesOn(code, start, loc[1])) && !comparedWithRequest(code, loc, supplied, callers) {
			return loc[0]
		}
	}
	return -1
}

// refusal is a refusal: an exception raised or thrown, an abort, a 403.
var refusal = regexp.MustCompile(`(?i)\b(?:raise|throw|abort\w*\s*\(|PermissionDenied|Forbidden|403)\b`)

// refusesOn says the condition on the line from start is an if whose
// branch, on that line or the next, refuses the request.
func refusesOn(code string, start, end int) bool {
	if !strings.HasPrefix(strings.TrimLeft(code[start:end], " \t"), "if") {
		return false
	}
	rest := code[end:]
	for n, i := 0, 0; i < len(rest); i++ {
		if rest[i] == '\n' {
			if n++; n == 2 {
				rest = rest[:i]
				break
			}
		}
	}
	return refusal.MatchString(rest)
}

// readsAny reports whether code reads one of the names.
func readsAny(code string, names []string) bool {
	for _, n := range names {
		if readsWord(code, n) {
			return true
		}
	}
	return false
}

// recordVars are the variables assigned a record looked up by one of the
// aliases (conf, err := db.GetPluginConfByID(id)): a function given the
// record may check its owner.
func recordVars(body string, aliases []string) []string {
	return assignedVars(body, aliases, func(rhs string, _ []string) bool { return isLookup(rhs) && readsAny(rhs, aliases) })
}

// bodiesOf are a file's functions that take parameters, by name (the
// first of a name); text is src as a string, which the bodies share.
func bodiesOf(path string, src []byte, text string, defs []fnDef) map[string]fnBody {
	if len(defs) == 0 {
		return nil
	}
	out := map[string]fnBody{}
	lines := srccode.NewLines(src)
	for i, def := range defs {
		end := len(text)
		if i+1 < len(defs) {
			end = defs[i+1].at
		}
		if _, ok := out[def.name]; ok {
			continue
		}
		code := text[def.at:end]
		if ps := paramsOf(code); len(ps) > 0 {
			out[def.name] = fnBody{params: ps, code: code, file: path, line: lines.At(def.at)}
		}
	}
	return out
}

// decides reports whether the handler branches on the call at i: the call
// is on an if line (if !isOwner(ctx, conf) {, if err := requireOwner(...); err != nil {),
// or its result is assigned and the next line tests it (err := requireOwner(...)
// then if err != nil {). A comparison whose answer is ignored stops nothing.
func decides(body string, i int) bool {
	start := strings.LastIndexByte(body[:i], '\n') + 1
	if branchLine.MatchString(body[start:i]) {
		return true
	}
	m := assignLHS.FindStringSubmatch(body[start:i] + "x")
	if m == nil {
		return false
	}
	rest := body[i:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = strings.TrimLeft(rest[nl+1:], " \t\n")
	}
	next, _, _ := strings.Cut(rest, "\n")
	return branchLine.MatchString(next) && readsAny(next, identRE.FindAllString(m[1], -1))
}

// dropLoggedOnly drops the route's owner conditions that are a call
// given the id and the caller's id (feedByID(w, userID, id)) when the
// function called is read and only logs the caller: it scopes nothing.
func (d *Calls) dropLoggedOnly(r *facts.Route, sigs []facts.Signal) []facts.Signal {
	if strings.TrimSpace(r.Body) == "" || !hasKind(sigs, facts.SignalOwnership) {
		return sigs
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	raw := string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
	body := blankStrings(raw)
	drop := map[int]bool{}
	for _, p := range r.Params {
		if p.In != "" && p.In != "path" || p.Name == "" || wordIndex(raw, p.Name) < 0 {
			continue
		}
		aliases := aliasesOf(raw, p.Name)
		callers := callerVars(raw, aliases)
		reads := readByName(p.Name)
		for _, m := range callStart.FindAllStringSubmatchIndex(body, -1) {
			callee := strings.ReplaceAll(body[m[2]:m[3]], " ", "")
			last := callee[strings.LastIndex(callee, ".")+1:]
			fn, ok := d.bodies[last]
			end := closing(body, m[1]-1)
			if !ok || d.allDefs[last] != 1 || end < 0 {
				continue
			}
			args, rawArgs := topArgs(body[m[1]:end]), topArgs(raw[m[1]:end])
			id, who := -1, -1
			for i, a := range args {
				switch {
				case (readsAny(a, aliases) || i < len(rawArgs) && reads.MatchString(rawArgs[i])) && id < 0:
					id = i
				case scoped(a, aliases, callers) && who < 0:
					who = i
				}
			}
			if id < 0 || who < 0 || id >= len(fn.params) || who >= len(fn.params) {
				continue
			}
			if d.ownerOf(fn, id, nil, decides(body, m[0])) < 0 && onlyReported(fn.code, fn.params[who]) {
				drop[handlerLine(r, m[0]).Line] = true
			}
		}
	}
	if len(drop) == 0 {
		return sigs
	}
	out := sigs[:0:0]
	for _, s := range sigs {
		if s.Kind == facts.SignalOwnership && s.In == facts.SignalInHandler && s.Evidence.File == r.File && drop[s.Evidence.Line] {
			continue
		}
		out = append(out, s)
	}
	return out
}

// onlyReported reports whether a function's code reads the parameter
// nowhere but in the arguments of calls that write it out (a log line, a
// format): past its signature.
func onlyReported(code, param string) bool {
	c := blankStrings(code)
	open := strings.IndexByte(c, '{')
	if colon := strings.Index(c, ":\n"); open < 0 || colon >= 0 && colon < open {
		open = colon
	}
	if open < 0 {
		return false
	}
	var spans [][2]int
	for _, m := range callStart.FindAllStringSubmatchIndex(c, -1) {
		callee := strings.ReplaceAll(c[m[2]:m[3]], " ", "")
		last := callee[strings.LastIndex(callee, ".")+1:]
		if reportCall.MatchString(last) || reportCall.MatchString(callee) {
			if end := closing(c, m[1]-1); end > 0 {
				spans = append(spans, [2]int{m[1], end})
			}
		}
	}
	for at := open; at < len(c); {
		i := wordIndex(c[at:], param)
		if i < 0 {
			return true
		}
		i += at
		at = i + len(param)
		if !slices.ContainsFunc(spans, func(s [2]int) bool { return s[0] <= i && i < s[1] }) {
			return false
		}
	}
	return true
}

func hasKind(sigs []facts.Signal, kind string) bool {
	return slices.ContainsFunc(sigs, func(s facts.Signal) bool { return s.Kind == kind })
}

// suppliedArgs are the positions of a call's arguments that carry what
// the request supplies besides the parameter name: the route's other
// parameters (a variable holding one, or one read by its name) and
// values read off the request. args are the arguments with strings
// blanked, raw as written.
func suppliedArgs(r *facts.Route, name string, args, raw []string) []int {
	var held []string
	var reads []*regexp.Regexp
	for _, o := range r.Params {
		if o.Name != "" && o.Name != name {
			held = append(held, aliasesOf(r.Body, o.Name)...)
			reads = append(reads, readByName(o.Name))
		}
	}
	var out []int
	for j, a := range args {
		from := readsAny(a, held) || requestValue.MatchString(strings.TrimSpace(a))
		for _, re := range reads {
			from = from || j < len(raw) && re.MatchString(raw[j])
		}
		if from {
			out = append(out, j)
		}
	}
	return out
}
