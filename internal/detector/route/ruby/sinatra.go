package ruby

import (
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

var sinatraVerbs = map[string]string{"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "options": "OPTIONS", "head": "HEAD", "link": "LINK", "unlink": "UNLINK"}

// sinatraApp says cls (a class, or a file's top level) is a Sinatra app:
// it subclasses Sinatra::Base (or an app that does), or, at the top
// level, its file requires sinatra.
func (ix *index) sinatraApp(cls *class, requires bool) bool {
	if cls.name == "" {
		return requires
	}
	for _, a := range ix.ancestors(cls) {
		if strings.HasPrefix(strings.TrimPrefix(a.super, "::"), "Sinatra::") {
			return true
		}
	}
	return false
}

// sinatraFilter is a before filter: the routes under its pattern ("" for
// all) run it first.
type sinatraFilter struct {
	pattern string
	f       filter
}

// sinatra reads the routes of one Sinatra app.
func (ix *index) sinatra(cls *class) []*decl {
	var out []*decl
	var walk func(cs []*call, prefix string, filters []sinatraFilter, depth int)
	walk = func(cs []*call, prefix string, filters []sinatraFilter, depth int) {
		if depth > 10 {
			return
		}
		filters = append([]sinatraFilter(nil), filters...)
		for _, c := range cs {
			if c.recv != "" {
				continue
			}
			switch c.name {
			case "before":
				pat := ""
				if p, ok := c.positional(0).str(); ok {
					pat = join(prefix, p)
				} else if prefix != "" {
					pat = prefix + "/*"
				}
				if c.hasBlock {
					filters = append(filters, sinatraFilter{pattern: pat, f: filter{src: c.blockSrc, file: cls.file, line: c.line, cls: cls}})
				}
			case "use":
				if p := c.positional(0); p != nil && p.kind == argConst && (strings.HasSuffix(p.val, "Auth::Basic") || strings.HasSuffix(p.val, "Auth::Digest::MD5")) {
					filters = append(filters, sinatraFilter{f: filter{name: "use " + p.val, file: cls.file, line: c.line, cls: cls,
						verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: p.val + " responds 401 without credentials"}}})
				}
			case "namespace":
				if p, ok := c.positional(0).str(); ok && c.hasBlock {
					walk(c.block, join(prefix, p), filters, depth+1)
				}
			case "route":
				var ms []string
				path := ""
				for _, a := range c.args {
					if a.kind == argSymbol {
						if m, ok := sinatraVerbs[a.val]; ok {
							ms = append(ms, m)
						}
					} else if a.kind == argString {
						path = a.val
					}
				}
				if len(ms) > 0 && c.hasBlock && strings.HasPrefix(path, "/") {
					out = append(out, ix.sinatraRoute(cls, c, ms, join(prefix, path), filters))
				}
			default:
				m, ok := sinatraVerbs[c.name]
				if !ok || !c.hasBlock {
					continue
				}
				p := c.positional(0)
				path, ok := p.str()
				if !ok || p.kind != argString {
					continue
				}
				if !strings.HasPrefix(path, "/") && !(prefix != "" && path == "") {
					continue
				}
				out = append(out, ix.sinatraRoute(cls, c, []string{m}, join(prefix, path), filters))
			}
		}
	}
	walk(cls.macros, "", nil, 0)
	return out
}

func (ix *index) sinatraRoute(cls *class, c *call, methods []string, path string, filters []sinatraFilter) *decl {
	d := &decl{methods: methods, path: path, file: cls.file, line: c.line, framework: "sinatra",
		body: c.blockSrc, bodyLine: c.line, bodyEnd: c.end, sinatraOf: cls}
	for _, sf := range filters {
		if sf.pattern == "" || under(path, sf.pattern) {
			d.guards = append(d.guards, ix.guard(sf.f))
		}
	}
	return d
}

// under says a route's path matches a before filter's pattern: the
// pattern itself, or under its prefix when it ends in *.
func under(path, pattern string) bool {
	if base, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(path, base) || path == strings.TrimSuffix(base, "/")
	}
	return path == pattern
}
