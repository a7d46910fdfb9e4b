package js

import (
	"strings"

	"github.com/threatmap/threatmap/internal/syntax"
)

// routeTables reads a module whose export is a table of routes: an array
// of {method, path, handler} objects, exported as it is, under routes,
// or returned by the exported function (module.exports = (app) => [...]).
// Strapi declares its routes so and serves them itself, on Koa; a table
// iterated in its own file is read where it is registered instead.
// Every element must name an HTTP method, a path that begins with a slash
// and a handler, or the table is none (a client's endpoint list, a menu).
func (f *fileFacts) routeTables(t *syntax.Tree) {
	for _, c := range syntax.NamedChildren(t.Root()) {
		var v *syntax.Node
		switch c.Type() {
		case "expression_statement":
			if a := c.NamedChild(0); a != nil && a.Type() == "assignment_expression" && t.Text(a.ChildByFieldName("left")) == "module.exports" {
				v = a.ChildByFieldName("right")
			}
		case "export_statement":
			if isDefaultExport(t, c) {
				v = c.ChildByFieldName("value")
				if v == nil {
					v = c.ChildByFieldName("declaration")
				}
			}
		}
		if arr := tableOf(t, v); arr != nil {
			f.routeTable(t, arr)
		}
	}
}

// tableOf finds the array an exported value stands for.
func tableOf(t *syntax.Tree, v *syntax.Node) *syntax.Node {
	for range 4 {
		if v == nil {
			return nil
		}
		switch v.Type() {
		case "array":
			return v
		case "parenthesized_expression":
			v = v.NamedChild(0)
		case "object":
			v = objectField(t, v, "routes")
		case "arrow_function", "function_expression", "function", "function_declaration":
			body := v.ChildByFieldName("body")
			if body == nil || body.Type() != "statement_block" {
				v = body
				continue
			}
			v = nil
			for _, s := range syntax.NamedChildren(body) {
				if s.Type() == "return_statement" && s.NamedChildCount() > 0 {
					v = s.NamedChild(0)
				}
			}
		default:
			return nil
		}
	}
	return nil
}

func (f *fileFacts) routeTable(t *syntax.Tree, arr *syntax.Node) {
	type entry struct {
		method string
		path   strExpr
		h, obj *syntax.Node
	}
	var rows []entry
	for _, e := range syntax.NamedChildren(arr) {
		if e.Type() == "comment" {
			continue
		}
		m, p, h := objectField(t, e, "method"), objectField(t, e, "path"), objectField(t, e, "handler")
		if m == nil || p == nil || h == nil {
			return
		}
		verb, ok := t.StringValue(m)
		method := strings.ToUpper(verb)
		if _, known := oneMethod[method]; !ok || !known || method == "ANY" {
			return
		}
		ps, ok := t.StringValue(p)
		if !ok || !strings.HasPrefix(ps, "/") {
			return
		}
		rows = append(rows, entry{method: method, path: strExpr{{lit: ps}}, h: h, obj: e})
	}
	if len(rows) == 0 {
		return
	}
	key := "table@" + itoa(int(arr.StartByte()))
	fw := f.mainLib()
	if fw == "" {
		fw = fwKoa
	}
	f.routers[key] = &routerDecl{key: key, framework: fw}
	for _, r := range rows {
		f.seq++
		d := routeDecl{owner: key, seq: f.seq, methods: methodList(r.method), paths: []strExpr{r.path},
			line: int32(syntax.Line(r.obj)), endLine: int32(syntax.EndLine(r.obj))}
		if s, ok := t.StringValue(r.h); ok {
			d.handler = clip(s) // 'item.find': a controller's action
		} else {
			f.setHandler(t, &d, r.h)
		}
		f.routes = append(f.routes, d)
	}
}
