package ruby

import (
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
)

// maxGrapeDepth bounds namespaces and mounts followed (an API that
// mounts itself must not loop).
const maxGrapeDepth = 12

// grapeAPI says cls is a Grape API: it subclasses Grape::API (or
// Grape::API::Instance), itself or through an app's base class.
func (ix *index) grapeAPI(cls *class) bool {
	if cls == nil || cls.name == "" {
		return false
	}
	for _, a := range ix.ancestors(cls) {
		if s := strings.TrimPrefix(a.super, "::"); s == "Grape::API" || s == "Grape::API::Instance" {
			return true
		}
	}
	return false
}

// grapeNamespaces are the Grape calls that nest routes under a segment.
var grapeNamespaces = map[string]bool{"namespace": true, "resource": true, "resources": true, "group": true, "segment": true}

// grape reads the routes of one Grape API served under at: its prefix
// and path version, namespaces and route_param segments, before blocks
// (judged as guards of the routes after them), and the APIs it mounts,
// which take the mounting place's path and guards.
func (ix *index) grape(cls *class, at string, guards []router.Guard, mounted map[string]bool, depth int) []*decl {
	if depth > maxGrapeDepth || mounted[cls.name] {
		return nil
	}
	mounted[cls.name] = true
	defer delete(mounted, cls.name)
	var out []*decl
	prefix, version := "", ""
	var walk func(cs []*call, ns string, filters []sinatraFilter, depth int)
	walk = func(cs []*call, ns string, filters []sinatraFilter, depth int) {
		if depth > maxGrapeDepth {
			return
		}
		filters = append([]sinatraFilter(nil), filters...)
		base := func() string { return join(join(join(at, prefix), version), ns) }
		for _, c := range cs {
			if c.recv != "" {
				continue
			}
			switch {
			case c.name == "prefix":
				if p, ok := c.positional(0).str(); ok {
					prefix = "/" + strings.Trim(p, "/")
				}
			case c.name == "version":
				// Versions go in the path unless the API reads them from a
				// header or a parameter.
				using, _ := c.opt("using").str()
				if v, ok := c.positional(0).str(); ok && (using == "" || using == "path") {
					version = "/" + v
				}
			case c.name == "before" && c.hasBlock:
				filters = append(filters, sinatraFilter{f: filter{src: c.blockSrc, file: cls.file, line: c.line, cls: cls}})
			case grapeNamespaces[c.name] && c.hasBlock:
				seg, _ := c.positional(0).str()
				walk(c.block, join(ns, seg), filters, depth+1)
			case c.name == "route_param" && c.hasBlock:
				if p, ok := c.positional(0).str(); ok {
					walk(c.block, join(ns, ":"+p), filters, depth+1)
				}
			case c.name == "mount":
				p := c.positional(0)
				if p == nil || p.kind != argConst {
					continue
				}
				sub := ix.class(p.val, cls.nesting)
				if !ix.grapeAPI(sub) {
					continue
				}
				gs := append([]router.Guard(nil), guards...)
				for _, sf := range filters {
					gs = append(gs, ix.guard(sf.f))
				}
				out = append(out, ix.grape(sub, base(), gs, mounted, depth+1)...)
			default:
				m, ok := sinatraVerbs[c.name]
				if !ok || !c.hasBlock {
					continue
				}
				path := ""
				if a := c.positional(0); a != nil {
					s, ok := a.str()
					if !ok {
						continue // a path built at run time
					}
					path = s
				}
				d := ix.sinatraRoute(cls, c, []string{m}, join(base(), path), filters)
				d.framework = "grape"
				d.guards = append(append([]router.Guard(nil), guards...), d.guards...)
				out = append(out, d)
			}
		}
	}
	walk(cls.macros, "", nil, 0)
	return out
}

// grapeRoots are the Grape APIs served at the root: those no other API
// in the tree mounts and no Rails route mounts (those are read where
// they are mounted). A class reopened in several files is one API.
func (ix *index) grapeRoots(files []*file, railsMounted map[string]bool) []*class {
	apis := map[string]*class{}
	mountedBy := map[string]bool{}
	for _, f := range files {
		for _, c := range f.classes {
			if _, seen := apis[c.name]; seen || !ix.grapeAPI(c) {
				continue
			}
			api := ix.class(c.name, nil)
			if api == nil {
				continue
			}
			apis[c.name] = api
			var visit func(cs []*call, depth int)
			visit = func(cs []*call, depth int) {
				for _, m := range cs {
					if m.recv == "" && m.name == "mount" {
						if p := m.positional(0); p != nil && p.kind == argConst {
							if sub := ix.class(p.val, api.nesting); sub != nil && sub.name != api.name {
								mountedBy[sub.name] = true
							}
						}
					}
					if depth < maxGrapeDepth {
						visit(m.block, depth+1)
					}
				}
			}
			visit(api.macros, 0)
		}
	}
	var roots []*class
	for _, name := range sortedKeys(apis) {
		if !mountedBy[name] && !railsMounted[name] {
			roots = append(roots, apis[name])
		}
	}
	return roots
}
