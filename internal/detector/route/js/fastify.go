package js

import (
	"strings"

	"github.com/threatmap/threatmap/internal/syntax"
)

// fastifyRoute reads fastify.route({ method, url, preHandler, handler }).
func (f *fileFacts) fastifyRoute(t *syntax.Tree, call *syntax.Node, owner string, opts *syntax.Node) {
	r := routeDecl{owner: owner, seq: f.seq, line: int32(syntax.Line(call))}
	if m := objectField(t, opts, "method"); m != nil {
		for _, s := range stringsOf(t, m) {
			r.methods = append(r.methods, strings.ToUpper(s))
		}
	}
	u := objectField(t, opts, "url")
	if u == nil {
		u = objectField(t, opts, "path")
	}
	if u == nil || len(r.methods) == 0 {
		return
	}
	e, ok := f.strExpr(t, u)
	if !ok {
		return
	}
	r.paths = []strExpr{e}
	for _, k := range []string{"onRequest", "preValidation", "preHandler", "beforeHandler"} {
		if v := objectField(t, opts, k); v != nil {
			r.mw = append(r.mw, f.names(t, v, &r.guardText)...)
		}
	}
	h := objectField(t, opts, "handler")
	if h == nil {
		return
	}
	if h.Type() == "method_definition" {
		r.body = t.Text(h)
		r.endLine = int32(syntax.EndLine(h))
	} else {
		f.setHandler(t, &r, h)
	}
	f.routes = append(f.routes, r)
}
