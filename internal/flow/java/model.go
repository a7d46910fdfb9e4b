package java

import (
	"strings"
	"unicode"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// modelTypes hold the values a Spring MVC handler gives its view.
var modelTypes = map[string]bool{"Model": true, "ModelMap": true, "ExtendedModelMap": true, "ConcurrentModel": true,
	"ModelAndView": true}

// modelParam notes a handler's model, and a @ModelAttribute parameter,
// which Spring puts in the model itself: under the annotation's name, or
// its type's name with a lower-case first letter.
func (l *lowerer) modelParam(pr param) {
	if modelTypes[pr.Type] {
		l.model(pr.Name)
		return
	}
	a, ok := pr.Anns["ModelAttribute"]
	if !ok || pr.Type == "" {
		return
	}
	key := annotationName(a)
	if key == "" {
		r := []rune(pr.Type)
		r[0] = unicode.ToLower(r[0])
		key = string(r)
	}
	l.modelRefs = append(l.modelRefs, flow.Ref{Var: pr.Name, Key: key})
}

func (l *lowerer) model(name string) {
	if l.models == nil {
		l.models = map[string]bool{}
	}
	l.models[name] = true
}

// annotationName is the name an annotation gives: @ModelAttribute("q"),
// @ModelAttribute(name = "q") or value = "q".
func annotationName(a string) string {
	_, args, ok := strings.Cut(a, "(")
	if !ok {
		return ""
	}
	args = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(args), ")"))
	if k, v, ok := strings.Cut(args, "="); ok {
		if k = strings.TrimSpace(k); k != "name" && k != "value" {
			return ""
		}
		args = v
	}
	args = strings.TrimSpace(args)
	if len(args) < 2 || args[0] != '"' || args[len(args)-1] != '"' {
		return ""
	}
	return args[1 : len(args)-1]
}

// modelCall reads a value put in a model: model.addAttribute("q", q),
// mav.addObject("q", q), a ModelMap's put; and a ModelAndView's view
// name set.
func (l *lowerer) modelCall(name string, recv val, args []val) {
	if recv.Local == "" || !l.models[recv.Local] && !modelTypes[recv.Typ] {
		return
	}
	switch name {
	case "addAttribute", "addObject", "put":
		if len(args) == 2 && args[0].IsLit {
			l.keyed(args[0].Lit, args[1].E)
		}
	case "setViewName":
		if len(args) == 1 && args[0].IsLit {
			l.view = args[0].Lit
		}
	}
}

// modelNew reads new ModelAndView("view") and new ModelAndView("view",
// "q", q).
func (l *lowerer) modelNew(typ string, args []val) {
	if typ != "ModelAndView" || len(args) == 0 || !args[0].IsLit {
		return
	}
	l.view = args[0].Lit
	if len(args) == 3 && args[1].IsLit {
		l.keyed(args[1].Lit, args[2].E)
	}
}

func (l *lowerer) keyed(key string, e flow.Expr) {
	for _, r := range e.Refs {
		r.Key = key
		l.modelRefs = append(l.modelRefs, r)
	}
}

// render marks a handler's return that names its view (return "search",
// return mav): the view's template is rendered with what the model
// holds, each value a sink where the template writes it unescaped
// (Thymeleaf's th:utext).
func (l *lowerer) render(ret *syntax.Node, v val, line int) {
	if len(l.modelRefs) == 0 {
		return
	}
	view := ""
	switch {
	case v.IsLit:
		view = v.Lit
	case v.Typ == "ModelAndView":
		view = l.view
	}
	if view == "" || strings.Contains(view, ":") {
		return // redirect: and forward: name no template
	}
	op := flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: "render " + view}, Note: oo.Clip(l.T.Text(ret)),
		Args: []flow.Expr{{Refs: append([]flow.Ref(nil), l.modelRefs...)}}, Render: &flow.Render{Template: view}}
	l.Emit(op)
}
