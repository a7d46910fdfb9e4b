package php

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A Laravel form request is an action's parameter typed with a class
// that extends FormRequest: Laravel calls its authorize() before the
// action runs and answers 403 when it returns false. An authorize() that
// returns a test of the caller guards the action; one that compares the
// record the route names with the caller (return $article->user_id ==
// auth()->id(), with $article = $this->route('article')) is an owner
// check of it. One that returns true decides nothing.

var (
	// typedParam is a parameter with a class type: UpdatePost $request.
	typedParam = regexp.MustCompile(`^\s*\??([A-Za-z_\\][\w\\]*)\s+&?\$\w+`)
	// returned is a return statement's expression.
	returned = regexp.MustCompile(`\breturn\b([^;]*);`)
	// routeRecord is the route's parameter read by a form request: the
	// record Laravel bound to it.
	routeRecord = regexp.MustCompile(`\$this->route\s*\(`)
	// compared is a comparison or an identity test of two models, or a
	// policy asked about one ($this->user()->can('update', $post)).
	compared = regexp.MustCompile(`[!=]==?|->is(?:Not)?\s*\(|->(?:can|cannot|cant)\s*\(|\bGate::\w+\s*\(`)
)

// formRequest is what an action's form request decides.
type formRequest struct {
	guard *router.Guard
	// owner is where authorize() compares the route's record with the
	// caller, or nil.
	owner *facts.Evidence
}

// formRequestOf reads the form request an action's signature (body, a
// whole method declaration) type-hints, if any.
func (ix *index) formRequestOf(body string) formRequest {
	loc := signatureOpen.FindStringIndex(body)
	if loc == nil {
		return formRequest{}
	}
	end := lang.ClosingBracket(body, loc[1]-1)
	if end < 0 {
		return formRequest{}
	}
	for _, p := range lang.SplitTopLevel(body[loc[1]:end]) {
		m := typedParam.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		c := ix.class(m[1], "")
		if c == nil || short(ix.lineageTop(c).base) != "FormRequest" {
			continue
		}
		owner, am := ix.method(c, "authorize")
		if am == nil {
			continue
		}
		if fr, ok := readAuthorize(owner, am); ok {
			return fr
		}
	}
	return formRequest{}
}

// readAuthorize judges a form request's authorize(): ok when it returns
// a test of the caller.
func readAuthorize(c *class, m *method) (formRequest, bool) {
	code := codeOf(m.body)
	bare := blankStrings(code)
	caller := callerIn(bare)
	// Variables holding the caller or the route's record.
	callers, records := map[string]bool{}, map[string]bool{}
	for _, a := range assignment.FindAllStringSubmatch(code, -1) {
		switch {
		case caller.MatchString(a[2]):
			callers[a[1]] = true
		case routeRecord.MatchString(a[2]):
			records[a[1]] = true
		}
	}
	reads := func(s string, vars map[string]bool) bool {
		for v := range vars {
			if regexp.MustCompile(`\$` + regexp.QuoteMeta(v) + `\b`).MatchString(s) {
				return true
			}
		}
		return false
	}
	var fr formRequest
	tests := false
	for _, r := range returned.FindAllStringSubmatchIndex(code, -1) {
		expr := code[r[2]:r[3]]
		if !caller.MatchString(expr) && !reads(expr, callers) {
			continue
		}
		tests = true
		at := facts.Evidence{File: c.file, Line: m.line + strings.Count(code[:r[0]], "\n")}
		if fr.owner == nil && (routeRecord.MatchString(expr) || reads(expr, records)) && compared.MatchString(expr) {
			fr.owner = &at
		}
	}
	if !tests {
		return formRequest{}, false
	}
	fr.guard = &router.Guard{
		Text:    "form request " + c.name + "::authorize()",
		Defined: facts.Evidence{File: c.file, Line: m.line},
		Verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "Laravel answers 403 when the form request's authorize() fails, and it tests the caller"},
	}
	return fr, true
}
