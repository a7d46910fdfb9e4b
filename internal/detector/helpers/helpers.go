// Package helpers follows what the repository's own small functions do
// across files, for the two questions one file cannot answer: is a
// password hashed with a fast hash inside a helper (hash(password) where
// hash is md5 of its argument), and is an admin guard the code defines
// ever applied to a route.
package helpers

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Fact kinds this detector adds.
const (
	// ControlAdminGuard is a guard the code defines that lets only
	// administrators through (Detail: its name).
	ControlAdminGuard = "admin-guard"
)

// Detector collects helpers and calls per file and pairs them at Finish.
type Detector struct {
	mu sync.Mutex
	// fastHash are functions that return a fast hash of their argument.
	fastHash map[string]facts.Evidence
	// calls are calls of a function with a password as argument.
	calls []call
	// guards are middleware that let only administrators through.
	guards []guard
}

type call struct {
	name string
	at   facts.Evidence
}

type guard struct {
	name string
	at   facts.Evidence
}

// New makes the detector, for one scan.
func New() *Detector { return &Detector{fastHash: map[string]facts.Evidence{}} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "helpers" }

// Match implements detector.Detector: application code, not tests.
func (*Detector) Match(p string) bool {
	switch lang.Of(p).Family() {
	case lang.Go, lang.Python, lang.JavaScript:
		return !lang.IsTest(p)
	}
	return false
}

// Keywords implements detector.Keyworded.
func (*Detector) Keywords() []string {
	return []string{"pass", "Pass", "PASS", "admin", "Admin", "ADMIN", "role", "Role"}
}

var (
	// fastHashCall is a fast hash computed in a function's code.
	fastHashCall = regexp.MustCompile(`createHash\(\s*['"](?:md5|sha1|sha256|sha512)['"]\s*\)|\bhashlib\.(?:md5|sha1|sha256|sha512)\(|\b(?:md5|sha1|sha256|sha512)\.(?:Sum\w*|New)\(`)
	// funcHead names the function whose code starts on a line: a
	// declaration, an assignment of a function or arrow, a method.
	funcHead = regexp.MustCompile(`(?:\bfunction\s+(\w+)\s*\(|\b(\w+)\s*[:=]\s*(?:async\s+)?(?:function\b[^(]*)?\([^()]*\)\s*(?::\s*\w+\s*)?(?:=>|\{)|\bdef\s+(\w+)\s*\(|\bfunc\s+(?:\([^)]*\)\s*)?(\w+)\s*\()`)
	// passwordCall is a call whose arguments name a password.
	passwordCall = regexp.MustCompile(`(?:\b(\w+)\.)?\b(\w+)\(\s*[^()\n]*(?i:pass(?:word|wd)?)\w*[^()\n]*\)`)
	// slowLib is the receiver of a slow hash's own function
	// (bcrypt.hash): not the repository's helper of that name.
	slowLib = regexp.MustCompile(`(?i)bcrypt|argon|scrypt|pbkdf|passlib|pwd_?context|hasher|werkzeug`)
	// middlewareHead opens an Express-style middleware: (req, res, next).
	middlewareHead = regexp.MustCompile(`(?:\bfunction\s+(\w+)\s*|\b(\w+)\s*[:=]\s*(?:async\s+)?(?:function\s*\w*\s*)?)\(\s*req\s*,\s*res\s*,\s*next\s*\)\s*(?:=>)?\s*\{`)
	// goMiddlewareHead opens a Go middleware: it takes the next handler,
	// or nothing, and returns a handler (net/http, gin, echo, fiber).
	goMiddlewareHead = regexp.MustCompile(`\bfunc\s+(\w+)\s*\(\s*(?:\w+\s+(?:http\.Handler|http\.HandlerFunc|echo\.HandlerFunc))?\s*\)\s*(?:http\.Handler|http\.HandlerFunc|gin\.HandlerFunc|echo\.HandlerFunc|fiber\.Handler)\s*\{`)
	// pyDecoratorHead opens a Python decorator at a module's top level: a
	// function of one function that returns a wrapper calling it. One
	// nested in a factory (authorize(ensure_admin=False)) tests what the
	// factory was given, which a route may or may not ask for.
	pyDecoratorHead = regexp.MustCompile(`(?m)^()def\s+(\w+)\s*\(\s*(\w+)\s*\)\s*(?:->\s*[\w.\[\], ]+)?:`)
	// passOn lets the request on to the next handler: next(), Go's
	// next.ServeHTTP and c.Next(), echo's return next(c).
	passOn = regexp.MustCompile(`\bnext\(|\bnext\.ServeHTTP\(|\.Next\(\)`)
	// adminTest tests the caller for an admin flag or role.
	adminTest = regexp.MustCompile(`(?i)\b(?:is_?admin|is_superuser|is_staff)\b|\brole\s*(?:===?|!==?)\s*['"]admin|['"]admin['"]\s*(?:===?|!==?)\s*[\w.]*role`)
)

// passwordWord is a password's name in code.
var passwordWord = regexp.MustCompile(`(?i)pass(?:word|wd)?`)

// namesPassword reports whether a call names a password in its code, not
// only in a string literal: ID("infra", "default-password", file) hashes
// no password.
func namesPassword(call string) bool {
	b := []byte(call)
	for i := 0; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\'' || c == '`' {
			end := min(lang.SkipString(b, i), len(b))
			for j := i + 1; j < end; j++ {
				b[j] = ' '
			}
			i = end - 1
		}
	}
	return passwordWord.Match(b)
}

// Detect implements detector.Detector.
func (d *Detector) Detect(_ context.Context, f *detector.File, _ *detector.Sink) error {
	src := string(code.Stripped(f))
	lines := code.NewLines([]byte(src))
	hashes := map[string]facts.Evidence{}
	for _, m := range fastHashCall.FindAllStringIndex(src, -1) {
		// The helper is the function the hash sits in: its head on the
		// hash's line or the two before.
		start := lineStart(src, m[0], 2)
		heads := funcHead.FindAllStringSubmatch(src[start:m[0]], -1)
		if len(heads) == 0 {
			continue
		}
		if name := lastGroup(heads[len(heads)-1]); name != "" {
			hashes[name] = facts.Evidence{File: f.Path, Line: lines.At(m[0])}
		}
	}
	var calls []call
	for _, m := range passwordCall.FindAllStringSubmatchIndex(src, -1) {
		if m[2] >= 0 && slowLib.MatchString(src[m[2]:m[3]]) || !namesPassword(src[m[0]:m[1]]) {
			continue
		}
		calls = append(calls, call{name: src[m[4]:m[5]], at: facts.Evidence{File: f.Path, Line: lines.At(m[0])}})
	}
	var guards []guard
	for _, m := range middlewareHead.FindAllStringSubmatchIndex(src, -1) {
		name := ""
		for k := 2; k < len(m); k += 2 {
			if m[k] >= 0 {
				name = src[m[k]:m[k+1]]
			}
		}
		end := code.BlockEnd(src, m[1]-1, blockLimit)
		if name != "" && decidesOnAdmin(src[m[1]:end], passOn) {
			guards = append(guards, guard{name: name, at: facts.Evidence{File: f.Path, Line: lines.At(m[0])}})
		}
	}
	switch lang.Of(f.Path).Family() {
	case lang.Go:
		for _, m := range goMiddlewareHead.FindAllStringSubmatchIndex(src, -1) {
			if end := code.BlockEnd(src, m[1]-1, blockLimit); decidesOnAdmin(src[m[1]:end], passOn) {
				guards = append(guards, guard{name: src[m[2]:m[3]], at: facts.Evidence{File: f.Path, Line: lines.At(m[0])}})
			}
		}
	case lang.Python:
		for _, m := range pyDecoratorHead.FindAllStringSubmatchIndex(src, -1) {
			// The wrapper calls the function it was given: it passes on.
			calls := regexp.MustCompile(`\breturn\s+(?:await\s+)?` + regexp.QuoteMeta(src[m[6]:m[7]]) + `\(`)
			if end := indentEnd(src, m[1], m[3]-m[2]); decidesOnAdmin(src[m[1]:end], calls) {
				guards = append(guards, guard{name: src[m[4]:m[5]], at: facts.Evidence{File: f.Path, Line: lines.At(m[0])}})
			}
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for k, v := range hashes {
		d.fastHash[k] = v
	}
	d.calls = append(d.calls, calls...)
	d.guards = append(d.guards, guards...)
	return nil
}

// Finish implements detector.Finisher: a password passed to a helper that
// fast-hashes its argument is a weak password hash at the call; an admin
// guard is a control, named, for the rules to ask whether any route
// applies it.
func (d *Detector) Finish(_ context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	sort.Slice(d.calls, func(i, j int) bool {
		a, b := d.calls[i].at, d.calls[j].at
		return a.File < b.File || a.File == b.File && a.Line < b.Line
	})
	for _, c := range d.calls {
		def, ok := d.fastHash[c.name]
		if !ok || def == c.at {
			continue
		}
		out.AddWeakness(facts.Weakness{Kind: "weak-password-hash", Detail: "password hashed with a fast hash (MD5/SHA) through " + c.name + "()",
			Evidence: []facts.Evidence{c.at}})
	}
	for _, g := range d.guards {
		out.AddControl(facts.Control{ID: detector.ID("control", ControlAdminGuard, g.at.File, g.name), Kind: ControlAdminGuard,
			Detail: g.name, Evidence: []facts.Evidence{g.at}})
	}
	return nil
}

// decidesOnAdmin: a middleware's body lets the request on (next()) on a
// test of the caller's admin flag or role: the test sits in a condition,
// or on the line that calls next. A handler that only passes isAdmin to
// a view decides nothing.
func decidesOnAdmin(body string, passes *regexp.Regexp) bool {
	if !passes.MatchString(body) {
		return false
	}
	for _, l := range strings.Split(body, "\n") {
		if adminTest.MatchString(l) && (passes.MatchString(l) || condition.MatchString(l)) {
			return true
		}
	}
	return false
}

// indentEnd is where a Python block that starts after from ends: the
// first non-blank line indented no deeper than its head's indent.
func indentEnd(s string, from, indent int) int {
	i := from
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		i += j + 1
	} else {
		return len(s)
	}
	for i < len(s) && i < from+8192 {
		end := strings.IndexByte(s[i:], '\n')
		line := s[i:]
		if end >= 0 {
			line = s[i : i+end]
		}
		if t := strings.TrimLeft(line, " \t"); t != "" && len(line)-len(t) <= indent {
			return i
		}
		if end < 0 {
			return len(s)
		}
		i += end + 1
	}
	return min(len(s), from+8192)
}

var condition = regexp.MustCompile(`\bif\b|\bunless\b`)

// lineStart is the start of the line n lines before the line of i.
func lineStart(s string, i, n int) int {
	from := strings.LastIndexByte(s[:i], '\n') + 1
	for ; n > 0 && from > 0; n-- {
		from = strings.LastIndexByte(s[:from-1], '\n') + 1
	}
	return from
}

func lastGroup(m []string) string {
	for k := len(m) - 1; k >= 1; k-- {
		if m[k] != "" {
			return m[k]
		}
	}
	return ""
}

// blockLimit bounds how far a guard's body is looked for.
const blockLimit = 8192
