package jvm

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// callDSL is a framework whose routes are calls with a path and a
// handler, nested in path blocks and guarded by before filters: Javalin
// (app.get("/x", h), ApiBuilder's path("x", () -> { get(h); })) and
// Spark (get("/x", (req, res) -> ...), path("/api", () -> { })).
type callDSL struct {
	name string
	// uses is a file that imports the framework; statics one that
	// imports its route functions statically, so a bare get("/x", h) is
	// a route.
	uses, statics *regexp.Regexp
	// apps finds the names of the framework's app or service values: a
	// declaration with its type, or one made by its factory.
	apps *regexp.Regexp
	// qualifiers are the classes whose static methods register routes
	// (Spark.get, ApiBuilder.get).
	qualifiers []string
}

var (
	javalin = callDSL{
		name:       "javalin",
		uses:       regexp.MustCompile(`\bimport\s+(?:static\s+)?io\.javalin\.`),
		statics:    regexp.MustCompile(`\bimport\s+(?:static\s+)?io\.javalin\.apibuilder\.ApiBuilder\.(?:\*|(?:get|post|path)\b)`),
		apps:       regexp.MustCompile(`\b(?:Javalin|JavalinConfig)\s+(\w+)\s*[=;,)]|\b(\w+)\s*:\s*Javalin\b|\b(\w+)\s*=\s*Javalin\s*\.\s*create\b`),
		qualifiers: []string{"ApiBuilder"},
	}
	spark = callDSL{
		name:       "spark",
		uses:       regexp.MustCompile(`\bimport\s+(?:static\s+)?spark\.`),
		statics:    regexp.MustCompile(`\bimport\s+static\s+spark\.Spark\.(?:\*|(?:get|post|path)\b)`),
		apps:       regexp.MustCompile(`\bService\s+(\w+)\s*[=;,)]|\b(\w+)\s*=\s*Service\s*\.\s*ignite\b`),
		qualifiers: []string{"Spark"},
	}
	// dslVerbCall is a call that may register a route, nest routes or
	// add a filter, with its receiver chain.
	dslVerbCall = regexp.MustCompile(`(?:^|[^\w.])((?:\w+\s*\.\s*)*)(get|post|put|patch|delete|head|options|path|before|ws|sse|crud|addHandler)\s*\(`)
	// chainedCall is a call on the value a call returns
	// (Javalin.create().get("/x", h)).
	chainedCall = regexp.MustCompile(`\)\s*\.\s*(get|post|put|patch|delete|head|options|before|ws|sse|addHandler)\s*\(`)
	handlerType = regexp.MustCompile(`\bHandlerType\.(\w+)`)
	// roleArg is a route role passed after the handler (Role.ADMIN).
	roleArg = regexp.MustCompile(`^(?:[\w.]+\.)?([A-Z][A-Z0-9_]*)$`)
)

// scopedGuard is a filter that runs before the routes its path pattern
// matches ("" every route), in one build module.
type scopedGuard struct {
	scope string
	guard guardSrc
	// verdict is the framework's meaning of the filter, when it fixes
	// one (Vert.x's JWTAuthHandler).
	verdict router.Verdict
}

// guardSrc is a filter's code as written.
type guardSrc struct {
	name, src string
	line      int
}

// readCalls reads the routes a file registers with a callDSL framework.
func readCalls(p, text string, fw callDSL) *dslFile {
	out := &dslFile{}
	apps := map[string]bool{}
	for _, q := range fw.qualifiers {
		apps[q] = true
	}
	for _, m := range fw.apps.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if g != "" {
				apps[g] = true
			}
		}
	}
	bare := fw.statics.MatchString(text)
	type call struct {
		verb       string
		at, open   int
		close, end int // the argument list's close, the call's end (a trailing block's)
		args       []string
		block      string // a Kotlin trailing lambda
	}
	var calls []call
	add := func(verb string, at, open int) {
		close := lang.ClosingBracket(text, open)
		if close < 0 {
			return
		}
		c := call{verb: verb, at: at, open: open, close: close, end: close, args: lang.SplitTopLevel(text[open+1 : close])}
		if b := afterSpace(text, close+1); b < len(text) && text[b] == '{' {
			if e := lang.ClosingBracket(text, b); e > 0 {
				c.block, c.end = text[b:e+1], e
			}
		}
		calls = append(calls, c)
	}
	for _, m := range dslVerbCall.FindAllStringSubmatchIndex(text, -1) {
		recv := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text[m[2]:m[3]]), "."))
		if recv == "" && !bare {
			continue
		}
		if recv != "" {
			parts := strings.Split(recv, ".")
			if !apps[strings.TrimSpace(parts[len(parts)-1])] && !apps[strings.TrimSpace(parts[0])] {
				continue
			}
		}
		add(text[m[4]:m[5]], m[4], m[1]-1)
	}
	for _, m := range chainedCall.FindAllStringSubmatchIndex(text, -1) {
		// Only a chain that starts at the framework's app.
		start := strings.LastIndexAny(text[:m[0]], ";{}")
		if !strings.Contains(text[start+1:m[0]], "Javalin.create") && !strings.Contains(text[start+1:m[0]], "Service.ignite") {
			continue
		}
		add(text[m[2]:m[3]], m[2], m[1]-1)
	}
	slices.SortFunc(calls, func(a, b call) int { return a.at - b.at })
	var spans []span
	for _, c := range calls {
		if c.verb == "path" && len(c.args) >= 1 {
			if v := dslArg(c.args[0]); v != nil {
				spans = append(spans, span{start: c.open, end: c.end, kind: spanNest, prefix: v})
			}
		}
	}
	// Every call with a path reads as in the root: the app is the
	// router, wherever it is registered on.
	spans = append(spans, span{start: -1, end: len(text) + 1, kind: spanRoot})
	var handlers [][2]int
	for _, c := range calls {
		if c.verb == "path" || slices.ContainsFunc(handlers, func(h [2]int) bool { return h[0] < c.at && c.at < h[1] }) {
			continue
		}
		_, prefix, _, _, _ := around(spans, c.at)
		args := c.args
		if c.block != "" {
			args = append(args, c.block)
		}
		method := strings.ToUpper(c.verb)
		switch c.verb {
		case "ws", "sse":
			method = "GET"
		case "addHandler":
			hm := handlerType.FindStringSubmatch(c.args[0])
			if hm == nil || len(args) < 3 {
				continue
			}
			method, args = strings.ToUpper(hm[1]), args[1:]
		}
		if len(args) == 0 || strings.TrimSpace(args[0]) == "" {
			continue
		}
		// The path comes first unless the call sits in a path block
		// (ApiBuilder's get(h) serves the block's own path).
		var path *val
		rest := args
		if v := dslArg(args[0]); v != nil && (len(args) > 1 || c.verb == "before") && !isHandlerArg(args[0]) {
			path, rest = v, args[1:]
		} else if len(prefix) == 0 && c.verb != "before" {
			continue
		}
		// Spark's accept type comes between the path and the handler
		// (get("/x", "application/json", h)).
		for len(rest) > 1 && strings.HasPrefix(strings.TrimSpace(rest[0]), `"`) {
			rest = rest[1:]
		}
		if c.verb == "before" {
			if len(rest) == 0 {
				continue
			}
			scope := ""
			for _, v := range prefix {
				if v.kind == 's' {
					scope = urlpath.Join(scope, v.s)
				}
			}
			if path != nil && path.kind == 's' {
				scope = urlpath.Join(scope, path.s)
			} else if len(prefix) > 0 {
				scope = urlpath.Join(scope, "*")
			}
			name := "before"
			if len(args) > len(rest) {
				name += "(" + strings.TrimSpace(strings.Join(args[:len(args)-len(rest)], ", ")) + ")"
			}
			out.befores = append(out.befores, scopedGuard{scope: scope, guard: guardSrc{name: name, src: strings.TrimSpace(rest[len(rest)-1]), line: textLine(text, c.at)}})
			continue
		}
		if len(rest) == 0 || !isHandlerArg(rest[0]) {
			continue
		}
		r := dslRoute{framework: fw.name, method: method, prefix: prefix, path: path, line: textLine(text, c.at), endLine: textLine(text, c.end)}
		h := strings.TrimSpace(rest[0])
		if m := handlerRef.FindStringSubmatch(h); m != nil && !strings.Contains(h, "->") {
			r.handler = m[1] + "." + m[2]
		} else {
			r.handler, r.body = anonymous, h
		}
		for _, a := range rest[1:] {
			if m := roleArg.FindStringSubmatch(strings.TrimSpace(a)); m != nil {
				r.roles = append(r.roles, m[1])
			}
		}
		if c.verb == "crud" && path == nil && len(prefix) > 0 {
			// crud(controller) in path("users/{id}") serves the block's path.
			r.path, r.prefix = prefix[len(prefix)-1], prefix[:len(prefix)-1]
		}
		if c.verb == "crud" {
			out.routes = append(out.routes, crudRoutes(r, strings.TrimSpace(rest[0]))...)
			continue
		}
		handlers = append(handlers, [2]int{c.open, c.end})
		out.routes = append(out.routes, r)
	}
	out.manager = accessManager(text)
	// Javalin serves every route under the context path its config sets
	// (config.router.contextPath = "/api", or contextPath("/api") before 4).
	if fw.name == "javalin" {
		if m := javalinContext.FindStringSubmatch(text); m != nil {
			out.contextPath = dslArg(cmp.Or(m[1], m[2]))
		}
	}
	return out
}

var javalinContext = regexp.MustCompile(`\bcontextPath\s*=\s*([^;\n]+)|\.contextPath\s*\(([^()]+)\)`)

// isHandlerArg says an argument is a handler: a lambda, a method
// reference or a handler object.
func isHandlerArg(s string) bool {
	s = strings.TrimSpace(s)
	return strings.Contains(s, "->") || strings.Contains(s, "::") || strings.HasPrefix(s, "{") || strings.HasPrefix(s, "new ") ||
		ident.MatchString(s) && !strings.HasPrefix(s, `"`) && strings.ToUpper(s) != s
}

// crudRoutes are the routes Javalin's crud("/users/{id}", controller)
// serves: the collection and one item, by the controller's methods.
func crudRoutes(r dslRoute, handler string) []dslRoute {
	base, id := "", "{id}"
	if r.path != nil && r.path.kind == 's' {
		if i := strings.LastIndexByte(r.path.s, '/'); i >= 0 && strings.HasPrefix(r.path.s[i+1:], "{") {
			base, id = r.path.s[:i], r.path.s[i+1:]
		}
	}
	var out []dslRoute
	for _, x := range []struct{ method, path, fn string }{
		{"GET", base, "getAll"}, {"GET", base + "/" + id, "getOne"}, {"POST", base, "create"}, {"PATCH", base + "/" + id, "update"}, {"DELETE", base + "/" + id, "delete"},
	} {
		c := r
		c.method, c.path, c.body = x.method, &val{kind: 's', s: x.path}, ""
		if name := strings.TrimPrefix(strings.TrimSuffix(handler, "()"), "new "); ident.MatchString(name) {
			c.handler = lastDot(name) + "." + x.fn
		}
		out = append(out, c)
	}
	return out
}

// managerCall is Javalin's check of a route's roles: an access manager
// (config.accessManager((handler, ctx, roles) -> ...)) or a beforeMatched
// filter that reads ctx.routeRoles().
var managerCall = regexp.MustCompile(`\b(accessManager|beforeMatched)\s*[({]`)

// accessManager is the code of a file's role check, with its line.
func accessManager(text string) *guardSrc {
	for _, m := range managerCall.FindAllStringSubmatchIndex(text, -1) {
		end := lang.ClosingBracket(text, m[1]-1)
		if end < 0 {
			continue
		}
		src := text[m[1]:end]
		if text[m[2]:m[3]] == "beforeMatched" && !strings.Contains(src, "routeRoles") {
			continue
		}
		return &guardSrc{name: text[m[2]:m[3]], src: src, line: textLine(text, m[0])}
	}
	return nil
}
