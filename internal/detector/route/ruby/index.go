package ruby

import (
	"path"
	"strings"
)

// index finds classes by name and methods through a class's ancestors.
type index struct {
	files   []*file
	classes map[string][]*class // by full name
	byLast  map[string][]*class // by last name segment
}

func newIndex(files []*file) *index {
	ix := &index{files: files, classes: map[string][]*class{}, byLast: map[string][]*class{}}
	for _, f := range files {
		for _, c := range f.classes {
			ix.classes[c.name] = append(ix.classes[c.name], c)
			last := c.name[strings.LastIndex(c.name, ":")+1:]
			ix.byLast[last] = append(ix.byLast[last], c)
		}
	}
	return ix
}

// class resolves a constant as written inside nesting (innermost first,
// as Ruby looks it up), then by its last name when only one class has it.
// Several definitions of one class (reopened) are merged.
func (ix *index) class(name string, nesting []string) *class {
	name = strings.TrimPrefix(name, "::")
	for i := len(nesting) - 1; i >= 0; i-- {
		if cs := ix.classes[nesting[i]+"::"+name]; len(cs) > 0 {
			return merged(cs)
		}
	}
	if cs := ix.classes[name]; len(cs) > 0 {
		return merged(cs)
	}
	last := name[strings.LastIndex(name, ":")+1:]
	if cs := ix.byLast[last]; len(cs) > 0 && !strings.Contains(name, "::") {
		same := true
		for _, c := range cs[1:] {
			if c.name != cs[0].name {
				same = false
			}
		}
		if same {
			return merged(cs)
		}
	}
	return nil
}

// merged is one view of a class defined in several places: the first
// definition's macros and methods first.
func merged(cs []*class) *class {
	if len(cs) == 1 {
		return cs[0]
	}
	m := *cs[0]
	m.methods = map[string]*method{}
	m.private = map[string]bool{}
	m.macros = nil
	for _, c := range cs {
		if m.super == "" {
			m.super = c.super
		}
		m.macros = append(m.macros, c.macros...)
		for k, v := range c.methods {
			if _, ok := m.methods[k]; !ok {
				m.methods[k] = v
			}
		}
		for k := range c.private {
			m.private[k] = true
		}
	}
	return &m
}

// ancestors is c, the modules it includes, then its superclass's
// ancestors: the order Ruby looks a method up in.
func (ix *index) ancestors(c *class) []*class {
	var out []*class
	seen := map[string]bool{}
	for c != nil && len(out) < 40 {
		if seen[c.name] {
			break
		}
		seen[c.name] = true
		out = append(out, c)
		for i := len(c.macros) - 1; i >= 0; i-- {
			mc := c.macros[i]
			if mc.recv != "" || mc.name != "include" && mc.name != "prepend" {
				continue
			}
			for _, a := range mc.args {
				if a.kind != argConst {
					continue
				}
				if m := ix.class(a.val, c.nesting); m != nil && !seen[m.name] {
					seen[m.name] = true
					out = append(out, m)
				}
			}
		}
		if c.super == "" {
			break
		}
		c = ix.class(c.super, c.nesting[:max(len(c.nesting)-1, 0)])
	}
	return out
}

// method finds name in c's ancestors, then among the top-level methods
// of c's file (a Sinatra app's helpers).
func (ix *index) method(c *class, name string) *method {
	for _, a := range ix.ancestors(c) {
		if m := a.methods[name]; m != nil {
			return m
		}
	}
	for _, f := range ix.files {
		if c != nil && f.path == c.file {
			if m := f.top.methods[name]; m != nil {
				return m
			}
		}
	}
	return nil
}

// controller is the class serving a route's controller ("admin/reports").
func (ix *index) controller(ctrl string) *class {
	if ctrl == "" {
		return nil
	}
	name := camelize(ctrl) + "Controller"
	if cs := ix.classes[name]; len(cs) > 0 {
		return merged(cs)
	}
	return nil
}

// drawFiles are the files draw :name loads: config/routes/name.rb beside
// the routes file that draws it.
func (ix *index) drawFiles(from, name string) []*file {
	want := path.Join(path.Dir(from), "routes", name+".rb")
	if path.Base(path.Dir(from)) == "routes" {
		// A drawn file drawing another: its sibling.
		alt := path.Join(path.Dir(from), name+".rb")
		for _, f := range ix.files {
			if f.path == alt {
				return []*file{f}
			}
		}
	}
	for _, f := range ix.files {
		if f.path == want {
			return []*file{f}
		}
	}
	return nil
}
