package python

import (
	"maps"
	"slices"
	"strings"
)

// viewsetActions are the router actions a viewset base provides.
var viewsetActions = map[string][]string{
	"ModelViewSet":         {"list", "create", "retrieve", "update", "partial_update", "destroy"},
	"ReadOnlyModelViewSet": {"list", "retrieve"},
	"ListModelMixin":       {"list"},
	"CreateModelMixin":     {"create"},
	"RetrieveModelMixin":   {"retrieve"},
	"UpdateModelMixin":     {"update", "partial_update"},
	"DestroyModelMixin":    {"destroy"},
}

// routerActions is how DRF's routers map actions to list and detail routes.
var routerActions = []struct {
	action, method string
	detail         bool
}{
	{"list", "GET", false}, {"create", "POST", false},
	{"retrieve", "GET", true}, {"update", "PUT", true}, {"partial_update", "PATCH", true}, {"destroy", "DELETE", true},
}

// router adds the routes of every viewset registered on a DRF router.
func (dj *django) router(key string, ctx djangoCtx) {
	for _, reg := range dj.routers[key] {
		prefix, ok := dj.ix.str(reg.mod, reg.prefix)
		if !ok {
			continue
		}
		s := dj.ix.resolve(reg.mod, reg.viewset)
		if s.cls == nil {
			continue
		}
		m, c := s.mod, s.cls
		bases := dj.ix.baseNames(m, c)
		var actions []string
		for _, b := range bases {
			actions = append(actions, viewsetActions[b]...)
		}
		lookup := "pk"
		for _, attr := range []string{"lookup_url_kwarg", "lookup_field"} {
			if v, _ := dj.ix.classAttr(m, c, attr); v != nil {
				if l, ok := dj.ix.str(m, v); ok {
					lookup = l
					break
				}
			}
		}
		list := joinSeg(ctx.prefix, strings.TrimSuffix(strings.TrimPrefix(prefix, "^"), "$"))
		detail := joinSeg(list, "{"+lookup+"}")
		chain := dj.classChain(m, c, bases, ctx.chain)
		perms, pm := dj.ix.classAttr(m, c, "permission_classes")
		dj.notePerms(pm, perms)
		if perms == nil {
			perms = dj.defaultPerms
		}
		for _, ra := range routerActions {
			fn, _ := dj.ix.method(m, c, ra.action)
			if fn == nil && !slices.Contains(actions, ra.action) {
				continue
			}
			p := list
			if ra.detail {
				p = detail
			}
			r := dj.classRoute(m, c, ra.method, ra.action, "drf")
			dj.authorize(&r, m, dj.methodChain(m, c, ra.action, chain), dj.methodPerms(m, c, ra.action, ra.action, ra.method, perms), true)
			dj.add(r, dj.sub(ctx, p, lookup))
		}
		dj.extraActions(m, c, list, detail, lookup, chain, perms, ctx)
	}
}

// extraActions adds a viewset's @action methods.
func (dj *django) extraActions(m *module, c *class, list, detail, lookup string, chain guards, perms *expr, ctx djangoCtx) {
	seen := map[string]bool{}
	for _, cm := range dj.ix.lineage(m, c) {
		for _, name := range sortedKeys(cm.cls.methods) {
			fn := cm.cls.methods[name]
			if seen[name] {
				continue
			}
			seen[name] = true
			for _, d := range fn.decorators {
				if n, _ := decoratorName(d); n != "action" && !strings.HasSuffix(n, ".action") || d.kind != exCall {
					continue
				}
				methods := upper(dj.ix.strs(cm.mod, d.arg(-1, "methods")))
				if len(methods) == 0 {
					methods = []string{"GET"}
				}
				urlPath, ok := dj.ix.str(cm.mod, d.arg(-1, "url_path"))
				if !ok {
					urlPath = name
				}
				base := list
				if det := d.arg(-1, "detail"); det != nil && det.text == "True" {
					base = detail
				}
				actionPerms := perms
				if p := d.arg(-1, "permission_classes"); p != nil {
					actionPerms = p
					dj.notePerms(cm.mod, p)
				}
				for _, meth := range methods {
					r := dj.classRoute(m, c, meth, name, "drf")
					dj.authorize(&r, cm.mod, dj.methodChain(m, c, name, chain), dj.methodPerms(m, c, name, name, meth, actionPerms), true)
					dj.add(r, dj.sub(ctx, joinSeg(base, urlPath), lookup))
				}
			}
		}
	}
}

func (dj *django) sub(ctx djangoCtx, p, lookup string) djangoCtx {
	return djangoCtx{prefix: p, types: maps.Clone(ctx.types), chain: ctx.chain, depth: ctx.depth + 1, lookup: lookup}
}

// joinSeg joins path segments with exactly one slash between them.
func joinSeg(a, b string) string {
	if a == "" {
		return "/" + strings.TrimLeft(b, "/")
	}
	return strings.TrimRight(a, "/") + "/" + strings.TrimLeft(b, "/")
}
