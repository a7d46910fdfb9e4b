package jvm

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

var (
	// ktorServer is a file that builds a Ktor server's routes (a client's
	// imports are io.ktor.client).
	ktorServer = regexp.MustCompile(`\bimport\s+io\.ktor\.(?:server\.)?(?:routing|resources|auth|application)\b`)
	// ktorCall is a call of Ktor's routing DSL, with its type argument
	// (get<Articles>) and the bracket its arguments or block open with.
	ktorCall = regexp.MustCompile(`(?:^|[^\w.$])(routing|route|authenticate|get|post|put|patch|delete|head|options|method|handle|intercept)\s*(?:<\s*([\w.]+)\s*>)?\s*([({])`)
	// ktorInstall is Ktor 1's routing root: install(Routing) { }.
	ktorInstall = regexp.MustCompile(`\binstall\s*\(\s*Routing\s*\)\s*\{`)
	// ktorFunc is a function that builds routes on the route it extends:
	// fun Route.users() { }.
	ktorFunc = regexp.MustCompile(`\bfun\s+(?:Route|Routing)\s*\.\s*(\w+)\s*\(`)
	// dslStatement is a call on a line of its own: a route-building
	// function called inside a router block (users(), users(service)).
	dslStatement = regexp.MustCompile(`(?m)^[ \t]*([a-z]\w*)[ \t]*\(([^(){}\n]*)\)[ \t]*;?[ \t]*$`)
	// ktorResource is a type-safe route class: @Resource("/articles")
	// class Articles(...).
	ktorResource = regexp.MustCompile(`@Resource\s*\(\s*(?:path\s*=\s*)?"((?:[^"\\]|\\.)*)"\s*\)\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*(?:(?:data|public|internal|private|open)\s+)*class\s+(\w+)\s*`)
	paramType    = regexp.MustCompile(`(?:^|,)\s*(?:(?:val|var)\s+)?(\w+)\s*:\s*([\w.]+\??)`)
)

// resource is a type-safe route class: its own path and its
// constructor's parameters (their types by name), one of which may be
// its parent resource.
type resource struct {
	path    string
	parents []string
	types   map[string]string
}

// dslFile is what one file declares with a router DSL.
type dslFile struct {
	routes    []dslRoute
	calls     []dslCall
	resources map[string]resource
	// befores are the filters the file adds, manager the check of the
	// roles routes declare (Javalin's access manager).
	befores []scopedGuard
	manager *guardSrc
	// contextPath is the prefix the app serves every route under.
	contextPath *val
}

// readDSL reads the routes a file declares with a router DSL.
func readDSL(p string, l lang.Lang, data []byte) *dslFile {
	if l == lang.Kotlin && ktorServer.Match(data) {
		return readKtor(p, stripped(l, data))
	}
	if vertxWeb.Match(data) {
		return readVertx(p, stripped(l, data))
	}
	for _, fw := range []callDSL{javalin, spark} {
		if fw.uses.Match(data) {
			return readCalls(p, stripped(l, data), fw)
		}
	}
	return nil
}

// readKtor reads Ktor's routing DSL: routing { route("/api") {
// authenticate("jwt") { get("/me") { } } } }, route-building functions on
// Route, and type-safe routes (get<Articles> { }).
func readKtor(p, text string) *dslFile {
	out := &dslFile{resources: map[string]resource{}}
	for _, m := range ktorResource.FindAllStringSubmatchIndex(text, -1) {
		res := resource{path: text[m[2]:m[3]], types: map[string]string{}}
		if m[1] < len(text) && text[m[1]] == '(' {
			if end := lang.ClosingBracket(text, m[1]); end > 0 {
				for _, t := range paramType.FindAllStringSubmatch(text[m[1]+1:end], -1) {
					res.parents = append(res.parents, lastDot(t[2]))
					res.types[t[1]] = typeOf(t[2])
				}
			}
		}
		out.resources[text[m[4]:m[5]]] = res
	}
	var spans []span
	for _, loc := range ktorInstall.FindAllStringIndex(text, -1) {
		if end := lang.ClosingBracket(text, loc[1]-1); end > 0 {
			spans = append(spans, span{start: loc[1] - 1, end: end, kind: spanRoot})
		}
	}
	for _, m := range ktorFunc.FindAllStringSubmatchIndex(text, -1) {
		close := lang.ClosingBracket(text, m[1]-1)
		if close < 0 {
			continue
		}
		brace := strings.IndexByte(text[close:], '{')
		if brace < 0 {
			continue
		}
		if end := lang.ClosingBracket(text, close+brace); end > 0 {
			spans = append(spans, span{start: close, end: end, kind: spanFunc, name: text[m[2]:m[3]]})
		}
	}
	type call struct {
		kw, typ     string
		at          int // the keyword
		args        string
		brace, end  int
		line, eline int
	}
	var calls []call
	for _, m := range ktorCall.FindAllStringSubmatchIndex(text, -1) {
		c := call{kw: text[m[2]:m[3]], at: m[2], brace: -1}
		if m[4] >= 0 {
			c.typ = text[m[4]:m[5]]
		}
		open := m[6]
		if text[open] == '(' {
			close := lang.ClosingBracket(text, open)
			if close < 0 {
				continue
			}
			c.args = text[open+1 : close]
			if b := afterSpace(text, close+1); b < len(text) && text[b] == '{' {
				c.brace = b
			}
		} else {
			c.brace = open
		}
		if c.brace < 0 {
			continue
		}
		if c.end = lang.ClosingBracket(text, c.brace); c.end < 0 {
			continue
		}
		c.line, c.eline = textLine(text, c.at), textLine(text, c.end)
		calls = append(calls, c)
	}
	for _, c := range calls {
		args := lang.SplitTopLevel(c.args)
		switch c.kw {
		case "routing":
			spans = append(spans, span{start: c.brace, end: c.end, kind: spanRoot})
		case "route":
			s := span{start: c.brace, end: c.end, kind: spanNest}
			for _, a := range args {
				if hm := httpMethodArg.FindStringSubmatch(a); hm != nil {
					s.method = strings.ToUpper(hm[1])
				} else if s.prefix == nil {
					s.prefix = dslArg(a)
				}
			}
			spans = append(spans, s)
		case "method":
			if hm := httpMethodArg.FindStringSubmatch(c.args); hm != nil {
				spans = append(spans, span{start: c.brace, end: c.end, kind: spanMethod, method: strings.ToUpper(hm[1])})
			}
		case "authenticate":
			g := ktorAuthenticate(p, c.line, c.args)
			spans = append(spans, span{start: c.brace, end: c.end, kind: spanGuard, guard: &g})
		}
	}
	// An interceptor guards everything the block it is installed in holds.
	for _, c := range calls {
		if c.kw != "intercept" {
			continue
		}
		if in := enclosing(spans, c.at); len(in) > 0 {
			inner := in[len(in)-1]
			inner.guards = append(inner.guards, codeGuard(strings.TrimSpace("intercept("+c.args+")"), text[c.brace:c.end+1], p, c.line))
		}
	}
	// A route's block is its handler: a call of the same name inside it
	// (kotlinx.html's head { } in a page it answers with) is no route.
	var handlers [][2]int
	inHandler := func(i int) bool {
		return slices.ContainsFunc(handlers, func(h [2]int) bool { return h[0] < i && i < h[1] })
	}
	for _, c := range calls {
		method := strings.ToUpper(c.kw)
		switch c.kw {
		case "routing", "route", "method", "authenticate", "intercept":
			continue
		case "handle":
			method = ""
		}
		if inHandler(c.at) {
			continue
		}
		in, prefix, guards, fixed, ok := around(spans, c.at)
		if !ok {
			continue
		}
		if method == "" {
			method = cmp.Or(fixed, "ANY")
		}
		r := dslRoute{framework: "ktor", method: method, prefix: prefix, guards: guards, body: text[c.brace : c.end+1],
			handler: anonymous, line: c.line, endLine: c.eline, in: in, resource: c.typ}
		if args := lang.SplitTopLevel(c.args); c.typ == "" && strings.TrimSpace(c.args) != "" {
			if r.path = dslArg(args[0]); r.path == nil {
				r.path = &val{kind: 's', s: urlpath.UnknownPrefix}
			}
		}
		handlers = append(handlers, [2]int{c.brace, c.end})
		out.routes = append(out.routes, r)
	}
	for _, m := range dslStatement.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		if inHandler(m[2]) || slices.Contains([]string{"get", "post", "put", "patch", "delete", "head", "options", "route", "handle", "routing", "authenticate", "install"}, name) {
			continue
		}
		in, prefix, guards, _, ok := around(spans, m[2])
		if ok {
			out.calls = append(out.calls, dslCall{name: name, in: in, prefix: prefix, guards: guards})
		}
	}
	return out
}

// ktorAuthenticate is Ktor's authenticate("jwt") { }: the Authentication
// plugin answers 401 to a call its providers do not authenticate, unless
// it is optional.
func ktorAuthenticate(p string, line int, args string) router.Guard {
	name := "authenticate"
	if a := strings.TrimSpace(args); a != "" {
		name += "(" + a + ")"
	}
	if optionalAuthenticate.MatchString(args) {
		return frameworkGuard(name, p, line, router.Verdict{Auth: facts.AuthNone, Evidence: "optional: a call without credentials is let through"})
	}
	return frameworkGuard(name, p, line, router.Verdict{Auth: facts.AuthRequired, Evidence: "Ktor's Authentication answers 401 to a call without valid credentials"})
}

var optionalAuthenticate = regexp.MustCompile(`\boptional\s*=\s*true\b|AuthenticationStrategy\.Optional\b`)
