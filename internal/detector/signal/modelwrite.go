package signal

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Writes one call away, in a model's method. A handler often changes
// records through a method of the app's own model (current_user.follow(user),
// whose body adds a row, the handler only committing): the write is the
// handler's as much as a db.session.add in its own body.

// memberCall is a call of a method on a value: recv.name(.
var memberCall = regexp.MustCompile(`\b[A-Za-z_$][\w$]*\s*\.\s*([A-Za-z_$][\w$]*)\s*\(`)

// methodDef opens a method's definition: Python's def with self first,
// or a class member's name(params) { of JavaScript and TypeScript (not a
// function or an arrow bound to a name).
var methodDef = regexp.MustCompile(`^[ \t]*(?:async[ \t]+)?def[ \t]+\w+[ \t]*\([ \t]*self\b|^[ \t]*(?:(?:public|private|protected|static|async|override)[ \t]+)*\w+[ \t]*\(`)

// opensToken verifies a signed token the function is given: a
// serializer's loads or unsign, a JWT decoded or verified, a token check.
var opensToken = regexp.MustCompile(`(?:\.(?:loads|unsign)|\bjwt\.(?:decode|verify)|\bverify\w*[Tt]oken|\bcheck_token|\.verify_token)\s*\(\s*\w*token`)

// modelWrites is a mutates-store signal for a route whose handler writes
// nothing itself but calls a method whose every definition in the
// repository (one or more, in classes) creates, changes or deletes
// records, at the call.
func (d *Calls) modelWrites(r *facts.Route) []facts.Signal {
	if strings.TrimSpace(r.Body) == "" || len(d.impls) == 0 {
		return nil
	}
	// What the route's method runs (a branch for another method is that
	// route's), its comments and strings blanked.
	acts := methodView(string(lang.StripComments(lang.Of(r.File), []byte(r.Body))), r.Method)
	if mutatesStore.MatchString(acts) {
		return nil // the handler's own write is signalled where it is
	}
	body := blankStrings(acts)
	file := r.HandlerFile
	if file == "" {
		file = r.File
	}
	for _, m := range memberCall.FindAllStringSubmatchIndex(body, -1) {
		name := body[m[2]:m[3]]
		if len(name) < 3 {
			continue
		}
		// The method of a model may share its name with the view that
		// calls it (def follow(username) calls current_user.follow(user)):
		// only the handler's own definition is left out.
		var methods []fnBody
		for _, f := range d.impls[name] {
			own := f.file == file && f.line >= r.Line-3 && f.line <= max(r.EndLine, r.Line)
			if !own && methodDef.MatchString(f.code) {
				methods = append(methods, f)
			}
		}
		// A method that first opens a signed token it is given (an
		// e-mail's confirmation link: s.loads(token)) writes only for the
		// holder of that link, which another site cannot forge.
		if len(methods) == 0 || slices.ContainsFunc(methods, func(f fnBody) bool { return !writesRecords(f.code) || opensToken.MatchString(f.code) }) {
			continue
		}
		return []facts.Signal{{Kind: facts.SignalMutatesStore, Detail: "through " + name, Route: r.Key(), In: facts.SignalInHandler, Evidence: handlerLine(r, m[0])}}
	}
	return nil
}

// writesRecords reports whether a function's code creates, changes or
// deletes records, more than adding a constant to a counter.
func writesRecords(code string) bool {
	for _, loc := range mutatesStore.FindAllStringIndex(code, -1) {
		if !counterWrite(code, loc) {
			return true
		}
	}
	return false
}
