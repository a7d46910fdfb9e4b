package jvm

import (
	"regexp"
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// funcRoute is a route of Spring's functional API: RouterFunctions'
// builder (route().GET("/x", h::x), .path("/api", b -> ...)) or Kotlin's
// router { } and coRouter { } DSL (GET("/x", h::x), "/api".nest { }).
type funcRoute struct {
	method  string
	path    *val
	prefix  []*val
	handler string
	line    int
}

var (
	// functionalAPI is code that builds routes functionally.
	functionalAPI = regexp.MustCompile(`\b(?:co)?[Rr]outer\s*\{|\bRouterFunctions\b|\broute\(\s*\)|RouterFunction<`)
	verbCall      = regexp.MustCompile(`(?:^|[^\w.]|\.)(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*\(`)
	// nests open a block of routes under a prefix: "/api".nest {,
	// path("/api").nest {, .path("/api", b -> ...), .nest(path("/api"), ...).
	nestDSL     = regexp.MustCompile(`("(?:[^"\\\n]|\\.)*"|\b[A-Z_][A-Z0-9_]*)\s*\.\s*nest\s*\{|\bpath\s*\(\s*("(?:[^"\\\n]|\\.)*"|[A-Z_][A-Z0-9_]*)\s*\)\s*\.\s*nest\s*\{`)
	nestBuilder = regexp.MustCompile(`\.\s*path\s*\(\s*("(?:[^"\\\n]|\\.)*"|[A-Z_][\w.]*)\s*,|\bnest\s*\(\s*(?:RequestPredicates\.)?path\s*\(\s*("(?:[^"\\\n]|\\.)*"|[A-Z_][\w.]*)\s*\)`)
	handlerRef  = regexp.MustCompile(`(\w+)\s*::\s*(\w+)`)
)

type nestSpan struct {
	start, end int
	prefix     *val
}

// functional reads the functional routes a function declares.
func (x *extractor) functional(m *method, _ *sitter.Node) {
	if !functionalAPI.MatchString(m.body) {
		return
	}
	text := string(lang.StripComments(lang.Java, []byte(m.body)))
	// typed names a handler by its class where the receiver is a
	// parameter (handler: ItemHandler): ItemHandler.list.
	typed := map[string]string{}
	for _, p := range m.params {
		if t := lastDot(strings.TrimSuffix(strings.TrimSpace(p.typ), "?")); t != "" {
			typed[p.name] = t + "."
		}
	}
	var nests []nestSpan
	for _, loc := range nestDSL.FindAllStringSubmatchIndex(text, -1) {
		open := loc[1] - 1
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		lit := ""
		if loc[2] >= 0 {
			lit = text[loc[2]:loc[3]]
		} else {
			lit = text[loc[4]:loc[5]]
		}
		nests = append(nests, nestSpan{open, end, litVal(lit)})
	}
	for _, loc := range nestBuilder.FindAllStringSubmatchIndex(text, -1) {
		// The call's own parentheses hold the nested routes.
		open := loc[0] + strings.IndexByte(text[loc[0]:], '(')
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		lit := ""
		if loc[2] >= 0 {
			lit = text[loc[2]:loc[3]]
		} else {
			lit = text[loc[4]:loc[5]]
		}
		nests = append(nests, nestSpan{open, end, litVal(lit)})
	}
	slices.SortFunc(nests, func(a, b nestSpan) int { return a.start - b.start })
	for _, loc := range verbCall.FindAllStringSubmatchIndex(text, -1) {
		open := loc[1] - 1
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		args := lang.SplitTopLevel(text[open+1 : end])
		fr := funcRoute{method: text[loc[2]:loc[3]], line: m.line + strings.Count(text[:loc[2]], "\n")}
		first := strings.TrimSpace(args[0])
		switch {
		case strings.HasPrefix(first, `"`) || ident.MatchString(first) && strings.ToUpper(first) == first && first != "":
			fr.path = litVal(first)
		case first == "" || strings.Contains(first, "::") || strings.Contains(first, "->") || strings.HasPrefix(first, "{"):
			fr.path = &val{kind: 's'}
		default:
			continue
		}
		rest := text[open+1 : end]
		if h := handlerRef.FindStringSubmatch(rest); h != nil {
			fr.handler = typed[h[1]] + h[2]
		} else if end+1 < len(text) {
			// RouterFunctions.route(GET("/x"), h::x): the handler follows.
			if h := handlerRef.FindStringSubmatchIndex(text[end+1:]); h != nil && !strings.Contains(text[end+1:end+1+h[0]], "(") {
				fr.handler = typed[text[end+1+h[2]:end+1+h[3]]] + text[end+1+h[4]:end+1+h[5]]
			}
		}
		for _, n := range nests {
			if n.start < loc[2] && loc[2] < n.end {
				fr.prefix = append(fr.prefix, n.prefix)
			}
		}
		x.f.funcRoutes = append(x.f.funcRoutes, fr)
	}
}

// litVal reads a string literal or a constant's name.
func litVal(s string) *val {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) && len(s) >= 2 {
		return &val{kind: 's', s: s[1 : len(s)-1]}
	}
	return &val{kind: 'r', s: s}
}

// functionalRoute composes one functional route.
func (ix *index) functionalRoute(f *file, fr funcRoute) pending {
	p := pending{method: fr.method, framework: "spring", file: f.path, line: fr.line, endLine: fr.line, handler: fr.handler}
	full := ""
	// Nests are listed outermost first by their start.
	for _, v := range fr.prefix {
		ss, ok := ix.eval(f, "", v, 0)
		if !ok || len(ss) == 0 {
			full = urlpath.Join(full, urlpath.UnknownPrefix)
			continue
		}
		full = urlpath.Join(full, ss[0])
	}
	ss, ok := ix.eval(f, "", fr.path, 0)
	if !ok || len(ss) == 0 {
		ss = []string{urlpath.UnknownPrefix}
	}
	p.path = urlpath.Join(full, ss[0])
	if fr.handler != "" {
		ms := ix.methods[fr.handler]
		if len(ms) == 0 {
			ms = ix.methods[lastDot(fr.handler)]
		}
		if len(ms) == 1 {
			p.body = ms[0].body
			p.types = paramTypes(ms[0])
			for _, c := range ix.files {
				for _, cl := range c.classes {
					for _, m := range cl.methods {
						if m == ms[0] {
							p.hfile, p.hline = cl.file, m.line
							p.handler = cl.name + "." + m.name
							p.guards = append(ix.methodSecurity(cl.anns, cl.file), ix.methodSecurity(m.anns, cl.file)...)
						}
					}
				}
			}
		}
	}
	return p
}
