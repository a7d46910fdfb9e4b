package signal

import (
	"regexp"
	"slices"
	"strings"

	words "github.com/threatmap/threatmap/internal/detector/code"

	"github.com/threatmap/threatmap/internal/facts"
)

// A token gate one lookup away: the handler looks a record up by a
// secret token the request carries (a path parameter, or a variable read
// off the request) and goes on only when it is found. The lookup is the
// verification: whoever lacks the token is refused (a password-reset or
// e-mail token, a bot's secret hook URL, a share link's token). A token
// looked up whose miss the handler ignores verifies nothing.

var (
	// lookupGuarded is a lookup called inside a condition: if link :=
	// ShareLink.objects.filter(uuid=token).first(), if (!(await find(...))).
	lookupGuarded = regexp.MustCompile(`^\s*(?:\}\s*)?(?:else\s+)?(?:if|elif|unless)\b`)
	// raisingLookup ends a lookup that refuses on a miss by itself:
	// get_object_or_404, first_or_404, Prisma's findUniqueOrThrow, a
	// Django manager's get, SQLAlchemy's one().
	raisingLookup = regexp.MustCompile(`(?:_or_404|OrThrow|\bobjects\.get)\s*\(|\.one\(\s*\)`)
	// resultVar is the variable a lookup's result is assigned to (and a Go
	// error beside it): const doc = await, tb =, doc, err :=.
	resultVar = regexp.MustCompile(`^\s*(?:const|let|var)?\s*([A-Za-z_$][\w$]*)\s*(?:,\s*(err)\s*)?(?::=|=)\s*(?:await\s+)?[\w$.]*$`)
	// refuses is a branch that ends the handler: a return, a raise or
	// throw, an abort.
	refuses = regexp.MustCompile(`\b(?:return|raise|throw)\b|\babort\(|http\.Error\(`)
)

// missTest is a test that a value is missing: if (!doc), if not link,
// tb is None, doc === null, doc == nil; for a Go error beside the
// result, err != nil.
func missTest(name string) *regexp.Regexp {
	n := regexp.QuoteMeta(name)
	if name == "err" {
		return regexp.MustCompile(`\berr\s*!=\s*nil\b`)
	}
	return regexp.MustCompile(`\bif\s*\(?\s*(?:!\s*|not\s+)` + n + `\b|\b` + n + `\s*(?:is\s+None\b|==\s*None\b|===?\s*(?:null|undefined)\b|==\s*nil\b)`)
}

// isTokenName reports whether a name holds a secret token (token,
// webhook_token, resetToken) rather than a token record's id (token_id).
func isTokenName(name string) bool {
	ws := words.Words(name)
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1] {
	case "id", "ids", "pk":
		return false
	}
	return slices.Contains(ws, "token") || slices.Contains(ws, "tokens")
}

// tokenGates are the token-gate signals of r's handler (body, comments
// blanked): one per token the handler looks up and refuses without,
// naming the path parameter when the token is one (a capability, not an
// object id).
func tokenGates(r *facts.Route, body string) []facts.Signal {
	if body == "" {
		return nil
	}
	code := blankStrings(body)
	var out []facts.Signal
	seen := map[string]bool{}
	add := func(name, detail string, at int) {
		if seen[name] {
			return
		}
		seen[name] = true
		out = append(out, facts.Signal{Kind: facts.SignalTokenGate, Detail: detail, Route: r.Key(),
			In: facts.SignalInHandler, Evidence: handlerLine(r, at)})
	}
	for _, p := range r.Params {
		if (p.In == "" || p.In == "path") && isTokenName(p.Name) {
			if at := gatedLookup(body, code, p.Name); at >= 0 {
				add(p.Name, p.Name, at)
			}
		}
	}
	for _, v := range requestVars(body) {
		if isTokenName(v) && !seen[v] {
			if at := gatedLookup(body, code, v); at >= 0 {
				add(v, "", at)
			}
		}
	}
	return out
}

// requestVars are the variables the handler assigns from what the request
// carries, or from a variable that holds it, in order: const parsed =
// Schema.safeParse(req.query); const { token } = parsed.data.
func requestVars(body string) []string {
	return assignedVars(body, nil, func(rhs string, out []string) bool {
		if requestRead.MatchString(rhs) {
			return true
		}
		for _, v := range out {
			if readsWord(rhs, v) {
				return true
			}
		}
		return false
	})
}

// gatedLookup is the offset of the first lookup the token name reaches
// whose miss the handler refuses on, or -1. A check by any name that the
// handler refuses on failing (if (!user.consumeToken(token)) return, if
// not verify_token(token): abort(403)) compares it with the stored one
// just as well.
func gatedLookup(body, code, name string) int {
	all, _ := paramLookups(body, code, name)
	for _, at := range all {
		if lookupGates(body, code, at) {
			return at
		}
	}
	aliases := aliasesOf(body, name)
	for _, m := range failedCheck.FindAllStringIndex(code, -1) {
		end := closing(code, m[1]-1)
		if end < 0 {
			continue
		}
		reads := false
		for _, a := range aliases {
			reads = reads || readsWord(code[m[1]:end], a)
		}
		lines := strings.SplitAfterN(code[m[0]:], "\n", 5)
		if len(lines) > 4 {
			lines = lines[:4]
		}
		if reads && refuses.MatchString(strings.Join(lines, "")) {
			return m[0]
		}
	}
	return -1
}

// failedCheck opens a condition that a call fails: if (!check(, if not
// check(, up to the call's bracket.
var failedCheck = regexp.MustCompile(`\bif\s*\(?\s*(?:!\s*|not\s+)(?:await\s+)?[A-Za-z_$][\w$.]*\(`)

// lookupGates reports whether the lookup call at offset at decides whether
// the handler goes on: it is the condition itself, it refuses a miss by
// itself, or its result (or a value read from it) is tested for a miss
// and that branch ends the handler.
func lookupGates(body, code string, at int) bool {
	start := strings.LastIndexByte(code[:at], '\n') + 1
	lead := code[start:at]
	if lookupGuarded.MatchString(lead) {
		return true
	}
	end := strings.IndexByte(code[at:], '(')
	if end < 0 {
		return false
	}
	close := closing(code, at+end)
	if close < 0 {
		return false
	}
	// The statement's rest: the chain the lookup continues on its line.
	stmtEnd := close + 1
	if nl := strings.IndexByte(code[stmtEnd:], '\n'); nl >= 0 {
		stmtEnd += nl
	} else {
		stmtEnd = len(code)
	}
	if raisingLookup.MatchString(code[at:stmtEnd]) {
		return true
	}
	m := resultVar.FindStringSubmatch(lead)
	if m == nil {
		return false
	}
	names := aliasesOf(body[stmtEnd:], m[1])
	if m[2] != "" {
		names = append(names, m[2])
	}
	rest := code[stmtEnd:]
	for _, n := range names {
		loc := missTest(n).FindStringIndex(rest)
		if loc == nil {
			continue
		}
		// The branch: the test's line and the three after it.
		branch := rest[loc[0]:]
		lines := strings.SplitAfterN(branch, "\n", 5)
		if len(lines) > 4 {
			lines = lines[:4]
		}
		if refuses.MatchString(strings.Join(lines, "")) {
			return true
		}
	}
	return false
}
