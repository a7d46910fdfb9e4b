package jvm

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

var (
	// vertxWeb is a file that uses Vert.x Web's Router (core, RxJava or
	// Mutiny flavour).
	vertxWeb = regexp.MustCompile(`\bimport\s+io\.vertx\.(?:\w+\.)*ext\.web\b`)
	// vertxRouters are the names of a file's Router values.
	vertxRouters = regexp.MustCompile(`\bRouter\s+(\w+)\s*[=;,)]|\b(\w+)\s*:\s*Router\b|\b(\w+)\s*=\s*Router\s*\.\s*router\s*\(`)
	// vertxRoute is a route or filter a router registers.
	vertxRoute = regexp.MustCompile(`\b(\w+)\s*\.\s*(get|post|put|patch|delete|head|options|route|mountSubRouter)\s*\(`)
	// vertxChained is what a route is given after it is made: its
	// handlers, or a router mounted under it.
	vertxChained = regexp.MustCompile(`^\s*\.\s*(handler|blockingHandler|coHandler|coRespond|respond|subRouter|produces|consumes|order|method|path|failureHandler)\s*[({]`)
	// vertxAuthHandler is one of Vert.x Web's authentication handlers:
	// each answers 401 (or redirects to a login page) unless the request
	// carries a credential its provider accepts.
	vertxBuiltin     = regexp.MustCompile(`^\s*\w+Handler\s*\.\s*create\b`)
	vertxAuthHandler = regexp.MustCompile(`\b(JWTAuthHandler|BasicAuthHandler|DigestAuthHandler|OAuth2AuthHandler|RedirectAuthHandler|APIKeyHandler|WebAuthn4JHandler|WebAuthnHandler|OtpAuthHandler|ChainAuthHandler|AuthorizationHandler)\s*\.\s*(?:create|any|all)\b`)
)

// readVertx reads a file's Vert.x Web routes: router.get("/x").handler(h),
// router.route("/api/*").handler(authHandler) as a filter on the paths it
// matches, and routers mounted under a prefix.
func readVertx(p, text string) *dslFile {
	out := &dslFile{}
	routers := map[string]bool{}
	for _, m := range vertxRouters.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if g != "" {
				routers[g] = true
			}
		}
	}
	// A router mounted under a prefix serves its routes below it.
	mounts := map[string]*val{}
	type reg struct {
		recv, verb string
		at         int
		path       *val
		method     string
		handlers   []string
		sub        string
		end        int
	}
	var regs []reg
	for _, m := range vertxRoute.FindAllStringSubmatchIndex(text, -1) {
		recv := text[m[2]:m[3]]
		if !routers[recv] {
			continue
		}
		open := m[1] - 1
		close := lang.ClosingBracket(text, open)
		if close < 0 {
			continue
		}
		r := reg{recv: recv, verb: text[m[4]:m[5]], at: m[2], end: close}
		args := lang.SplitTopLevel(text[open+1 : close])
		if r.verb == "mountSubRouter" {
			if len(args) == 2 {
				if v := dslArg(args[0]); v != nil {
					mounts[strings.TrimSpace(args[1])] = v
				}
			}
			continue
		}
		for _, a := range args {
			if hm := httpMethodArg.FindStringSubmatch(a); hm != nil {
				r.method = strings.ToUpper(hm[1])
			} else if v := dslArg(a); v != nil && r.path == nil {
				r.path = v
			}
		}
		if r.verb != "route" {
			r.method = strings.ToUpper(r.verb)
		}
		// Follow the chain: .handler(a).handler(b).
		i := close + 1
		for {
			cm := vertxChained.FindStringSubmatchIndex(text[i:])
			if cm == nil {
				break
			}
			o := i + cm[1] - 1
			c := lang.ClosingBracket(text, o)
			if c < 0 {
				break
			}
			arg := strings.TrimSpace(text[o+1 : c])
			if text[o] == '{' {
				// Kotlin's trailing lambda: .handler { ctx -> ... }
				arg = text[o : c+1]
			}
			switch text[i+cm[2] : i+cm[3]] {
			case "handler", "blockingHandler", "coHandler", "coRespond", "respond":
				r.handlers = append(r.handlers, arg)
			case "subRouter":
				r.sub = arg
			case "path":
				// route().path("/x").method(HttpMethod.POST)
				if v := dslArg(arg); v != nil {
					r.path = v
				}
			case "method":
				if hm := httpMethodArg.FindStringSubmatch(arg); hm != nil && r.method == "" {
					r.method = strings.ToUpper(hm[1])
				}
			}
			i, r.end = c+1, c
		}
		if r.sub != "" && r.path != nil {
			v := *r.path
			if v.kind == 's' {
				v.s = strings.TrimSuffix(strings.TrimSuffix(v.s, "*"), "/")
			}
			mounts[r.sub] = &v
			continue
		}
		if len(r.handlers) > 0 {
			regs = append(regs, r)
		}
	}
	for _, r := range regs {
		var prefix []*val
		if v, ok := mounts[r.recv]; ok {
			prefix = []*val{v}
		}
		line := textLine(text, r.at)
		var guards []router.Guard
		for _, h := range r.handlers[:len(r.handlers)-1] {
			guards = append(guards, vertxGuard(p, line, h, text))
		}
		last := r.handlers[len(r.handlers)-1]
		if r.method == "" && (vertxPasses(last) || vertxBuiltin.MatchString(resolveVar(last, text))) {
			// A route with no method whose handler passes the request
			// on (its own code, or one of Vert.x Web's handlers: body,
			// session, auth) is a filter on the paths it matches.
			scope := ""
			for _, v := range append(prefix, r.path) {
				if v != nil && v.kind == 's' {
					scope = urlpath.Join(scope, v.s)
				}
			}
			g := vertxGuard(p, line, last, text)
			out.befores = append(out.befores, scopedGuard{scope: scope, guard: guardSrc{name: g.Name, src: g.Source, line: line}, verdict: g.Verdict})
			continue
		}
		if r.method == "" {
			r.method = "ANY"
		}
		dr := dslRoute{framework: "vert.x", method: r.method, prefix: prefix, path: r.path, guards: guards, line: line, endLine: textLine(text, r.end)}
		if m := handlerRef.FindStringSubmatch(last); m != nil && !strings.Contains(last, "->") {
			dr.handler = m[2]
			if m[1] != "this" {
				dr.handler = m[1] + "." + m[2]
			}
		} else {
			dr.handler, dr.body = anonymous, last
		}
		out.routes = append(out.routes, dr)
	}
	return out
}

// vertxPasses says a handler hands the request on (ctx.next()).
func vertxPasses(h string) bool { return strings.Contains(h, ".next()") }

// resolveVar is the expression a handler variable is set to in the file
// (authHandler = JWTAuthHandler.create(jwt)), or h itself.
func resolveVar(h, text string) string {
	if !ident.MatchString(h) || strings.Contains(h, ".") {
		return h
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(h) + `\s*=\s*([^;\n]+)`)
	if m := re.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return h
}

// vertxGuard is a handler that runs before a route's own: one of Vert.x
// Web's auth handlers, whose meaning is fixed, or code the judge reads.
func vertxGuard(p string, line int, h, text string) router.Guard {
	expr := resolveVar(h, text)
	if m := vertxAuthHandler.FindStringSubmatch(expr); m != nil {
		return frameworkGuard(h, p, line, router.Verdict{Auth: facts.AuthRequired, Evidence: "Vert.x Web's " + m[1] + " answers 401 to a request without a credential it accepts"})
	}
	name := h
	if strings.Contains(h, "->") {
		name = "inline handler"
	}
	return codeGuard(name, expr, p, line)
}
