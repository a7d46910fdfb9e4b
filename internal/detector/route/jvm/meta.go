package jvm

import "maps"

// springMeta are the Spring annotations a composed annotation can stand
// for: an annotation type annotated with one of them (directly or
// through another composed annotation of the tree) is, where it is used,
// that annotation.
var springMeta = map[string]bool{
	"RestController": true, "Controller": true, "RequestMapping": true,
	"GetMapping": true, "PostMapping": true, "PutMapping": true, "PatchMapping": true, "DeleteMapping": true,
}

// mappingAttr are the attributes of a Spring mapping that an attribute
// of the same name in a composed annotation overrides.
var mappingAttr = map[string]bool{"value": true, "path": true, "method": true}

// composedIndex maps each annotation type the tree declares by simple name.
type composedIndex map[string]*class

// expand is what one use of annotation a means in Spring's terms: the
// Spring annotations its type is meta-annotated with, each carrying the
// meta-annotation's own attributes (a fixed path, a method) overridden by
// the attributes of a that are @AliasFor them, given or defaulted.
// Nothing when a's type is not declared in the tree or is not composed.
func (ci composedIndex) expand(a annot, depth int) []annot {
	decl := ci[a.name]
	if decl == nil || depth > 4 || springMeta[a.name] {
		return nil
	}
	// The attributes this use sets, defaults first.
	given := map[string]*val{}
	for _, e := range decl.elems {
		if e.def != nil {
			given[e.name] = e.def
		}
	}
	for k, v := range a.args {
		if k == "" {
			k = "value"
		}
		given[k] = v
	}
	var out []annot
	for _, m := range decl.anns {
		args := map[string]*val{}
		for k, v := range m.args {
			if k == "" {
				k = "value"
			}
			args[k] = v
		}
		for _, e := range decl.elems {
			target, attr, ok := aliasOf(e)
			if !ok && hasAnn(e.anns, "AliasFor") == nil && mappingAttr[e.name] && m.name != "RestController" && m.name != "Controller" && springMeta[m.name] {
				// An attribute named as the mapping's own overrides it
				// by convention.
				target, attr, ok = m.name, e.name, true
				if attr == "path" {
					attr = "value"
				}
			}
			if !ok || target != m.name {
				continue
			}
			if v, ok := given[e.name]; ok {
				args[attr] = v
			}
		}
		use := annot{name: m.name, args: args, text: a.text, line: a.line}
		if springMeta[m.name] {
			out = append(out, use)
			continue
		}
		if m.name != decl.name {
			out = append(out, ci.expand(use, depth+1)...)
		}
	}
	return out
}

// aliasOf reads an attribute's @AliasFor(annotation = X.class, attribute
// = "y"): the meta-annotation it overrides and the attribute there (its
// own name when attribute is not given). An alias within the same
// annotation (no annotation given) overrides no meta-annotation.
func aliasOf(e elem) (target, attr string, ok bool) {
	a := hasAnn(e.anns, "AliasFor")
	if a == nil {
		return "", "", false
	}
	t := a.arg("annotation")
	if t == nil || t.kind != 'c' {
		return "", "", false
	}
	attr = e.name
	if v := a.arg("attribute", "value", ""); v != nil && v.kind == 's' && v.s != "" {
		attr = v.s
	}
	if attr == "path" {
		attr = "value"
	}
	return t.s, attr, true
}

// resolveComposed gives every class and method annotated with a composed
// annotation of the tree the Spring annotations it stands for, so that
// the controller and mapping readers see them.
func resolveComposed(files []*file) {
	ci := composedIndex{}
	for _, f := range files {
		for _, c := range f.classes {
			if c.annType && !springMeta[c.name] {
				if _, ok := ci[c.name]; !ok {
					ci[c.name] = c
				}
			}
		}
	}
	if len(ci) == 0 {
		return
	}
	with := func(anns []annot) []annot {
		var add []annot
		for _, a := range anns {
			if ci[a.name] != nil {
				add = append(add, ci.expand(a, 0)...)
			}
		}
		if len(add) == 0 {
			return anns
		}
		out := make([]annot, 0, len(anns)+len(add))
		out = append(out, anns...)
		for _, a := range add {
			a.args = maps.Clone(a.args)
			out = append(out, a)
		}
		return out
	}
	for _, f := range files {
		for _, c := range f.classes {
			if c.annType {
				continue
			}
			c.anns = with(c.anns)
			for _, m := range c.methods {
				m.anns = with(m.anns)
			}
		}
	}
}
