package python

import (
	"github.com/threatmap/threatmap/internal/detector/route"
	"sort"
	"strings"
)

// index finds modules by dotted name. Import roots vary (a project in
// backend/ imports "app.routers"), so every dotted suffix of a module's
// name maps to it, and ties go to the module nearest the importer.
type index struct {
	taught *route.Taught
	mods   []*module
	byName *Modules[*module]
	// usesPyramid says some module imports Pyramid: a configurator's
	// calls are read even where nothing is imported (def includeme(config)).
	usesPyramid bool
}

func newIndex(mods []*module) *index {
	sort.Slice(mods, func(i, j int) bool { return mods[i].path < mods[j].path })
	ix := &index{mods: mods, byName: NewModules(mods,
		func(m *module) string { return m.path }, func(m *module) string { return m.dotted })}
	for _, m := range mods {
		ix.usesPyramid = ix.usesPyramid || m.usesPyramid
	}
	return ix
}

// module returns the module an import of dotted from `from` means.
func (ix *index) module(from *module, dotted string) *module {
	fromPath := ""
	if from != nil {
		fromPath = from.path
	}
	m, _ := ix.byName.Resolve(fromPath, dotted)
	return m
}

// Modules finds the module an import names, for the route detector and
// the data-flow frontend alike. Import roots vary (a project under
// backend/ imports "app.routers"), so every dotted suffix of a module's
// name maps to it, and ties go to the module nearest the importer.
type Modules[M any] struct {
	bySuffix     map[string][]M
	path, dotted func(M) string
}

// NewModules indexes mods by their file path and dotted name.
func NewModules[M any](mods []M, path, dotted func(M) string) *Modules[M] {
	ix := &Modules[M]{bySuffix: map[string][]M{}, path: path, dotted: dotted}
	for _, m := range mods {
		parts := strings.Split(dotted(m), ".")
		for i := range parts {
			s := strings.Join(parts[i:], ".")
			ix.bySuffix[s] = append(ix.bySuffix[s], m)
		}
	}
	return ix
}

// Resolve returns the module an import of dotted from the file at
// fromPath ("" when unknown) means.
func (ix *Modules[M]) Resolve(fromPath, dotted string) (M, bool) {
	cands := ix.bySuffix[dotted]
	var best M
	switch len(cands) {
	case 0:
		return best, false
	case 1:
		return cands[0], true
	}
	bestScore := -1
	for _, c := range cands {
		score := commonPrefix(fromPath, ix.path(c))
		if ix.dotted(c) == dotted {
			score += 1 << 20 // an exact name is a root-level import
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best, true
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// symbol is what an expression refers to.
type symbol struct {
	mod      *module // where the name is bound (or the module itself)
	isModule bool
	dotted   string // the module's dotted name, when isModule
	name     string // the name bound in mod
	value    *expr  // its assigned value
	fn       *function
	cls      *class
	// ext is the qualified name of something outside the tree
	// ("flask.Blueprint", "rest_framework.viewsets.ModelViewSet"), or a
	// bare name nothing binds.
	ext string
}

func (s symbol) found() bool {
	return s.mod != nil && (s.value != nil || s.fn != nil || s.cls != nil || s.isModule)
}

// last is the final dotted component of an external name.
func (s symbol) last() string {
	if i := strings.LastIndexByte(s.ext, '.'); i >= 0 {
		return s.ext[i+1:]
	}
	return s.ext
}

// root is the first dotted component of an external name.
func (s symbol) root() string { return strings.SplitN(s.ext, ".", 2)[0] }

const maxResolveDepth = 16

func (ix *index) resolve(m *module, e *expr) symbol { return ix.resolveAt(m, e, 0) }

func (ix *index) resolveAt(m *module, e *expr, depth int) symbol {
	if e == nil || m == nil || depth > maxResolveDepth {
		return symbol{}
	}
	switch e.kind {
	case exName:
		return ix.lookup(m, e.name, depth+1)
	case exAttr:
		base := ix.resolveAt(m, e.obj, depth+1)
		s := ix.member(base, e.name, depth+1)
		if !s.found() {
			if sub := ix.submodule(m, e, depth+1); sub != nil && sub != m {
				return symbol{mod: sub, isModule: true, dotted: sub.dotted}
			}
		}
		return s
	}
	return symbol{mod: m, value: e}
}

// submodule resolves an attribute chain a.b.c that member could not to
// the in-tree module it names, when a is an imported module or package:
// "from . import views" then views.dashboard.urls, where the packages
// between (an __init__.py with nothing routing-related in it, or none at
// all) were never parsed, still means views/dashboard/urls.py. A bare
// name nothing binds names no module.
func (ix *index) submodule(m *module, e *expr, depth int) *module {
	var names []string
	x := e
	for x != nil && x.kind == exAttr {
		names = append([]string{x.name}, names...)
		x = x.obj
	}
	if x == nil || x.kind != exName {
		return nil
	}
	root := ix.lookup(m, x.name, depth)
	var dotted string
	switch {
	case root.isModule:
		dotted = root.dotted
	case root.mod == nil && strings.Contains(root.ext, "."):
		dotted = root.ext // from pkg import name: pkg.name is not parsed
	default:
		return nil
	}
	return ix.module(m, dotted+"."+strings.Join(names, "."))
}

// lookup resolves a name bound in module m.
func (ix *index) lookup(m *module, name string, depth int) symbol {
	if depth > maxResolveDepth {
		return symbol{}
	}
	if c, ok := m.classes[name]; ok {
		return symbol{mod: m, name: name, cls: c}
	}
	if f, ok := m.funcs[name]; ok {
		return symbol{mod: m, name: name, fn: f}
	}
	if v, ok := m.assigns[name]; ok {
		return symbol{mod: m, name: name, value: v}
	}
	imp, ok := m.imports[name]
	if !ok {
		return symbol{ext: name}
	}
	if imp.name == "" {
		return ix.moduleSymbol(m, imp.module)
	}
	// "from pkg import views" may name a submodule or a name in pkg.
	if sub := ix.module(m, imp.module+"."+imp.name); sub != nil && sub != m {
		return symbol{mod: sub, isModule: true, dotted: sub.dotted}
	}
	if target := ix.module(m, imp.module); target != nil && target != m {
		s := ix.lookup(target, imp.name, depth+1)
		if s.found() {
			return s
		}
	}
	return symbol{ext: imp.module + "." + imp.name}
}

func (ix *index) moduleSymbol(from *module, dotted string) symbol {
	if mod := ix.module(from, dotted); mod != nil {
		return symbol{mod: mod, isModule: true, dotted: dotted}
	}
	return symbol{isModule: true, dotted: dotted, ext: dotted}
}

// member resolves base.name.
func (ix *index) member(base symbol, name string, depth int) symbol {
	switch {
	case base.isModule:
		if sub := ix.module(base.mod, base.dotted+"."+name); sub != nil {
			return symbol{mod: sub, isModule: true, dotted: sub.dotted}
		}
		if base.mod != nil {
			return ix.lookup(base.mod, name, depth+1)
		}
		return symbol{isModule: true, dotted: base.dotted + "." + name, ext: base.dotted + "." + name}
	case base.cls != nil:
		if v, mod := ix.classAttr(base.mod, base.cls, name); v != nil {
			return symbol{mod: mod, name: name, value: v}
		}
	case base.value != nil && base.value.kind == exCall:
		// settings.API_PREFIX where settings = Settings(): the class's
		// default for that field. settings = get_settings(), a function
		// that returns Settings() (FastAPI's cached settings), reads the
		// same default.
		c := ix.resolveAt(base.mod, base.value.fn, depth+1)
		if c.fn != nil && c.fn.makes != nil {
			c = ix.resolveAt(c.mod, c.fn.makes, depth+1)
		}
		if c.cls != nil {
			if v, mod := ix.classAttr(c.mod, c.cls, name); v != nil {
				return symbol{mod: mod, name: name, value: v}
			}
		}
	case base.ext != "":
		return symbol{ext: base.ext + "." + name}
	}
	return symbol{}
}

// classAttr finds an attribute on a class or its in-tree bases.
func (ix *index) classAttr(m *module, c *class, name string) (*expr, *module) {
	for _, cm := range ix.lineage(m, c) {
		if v, ok := cm.cls.attrs[name]; ok {
			return v, cm.mod
		}
	}
	return nil, nil
}

type classInModule struct {
	mod *module
	cls *class
}

// lineage is a class followed by its in-tree bases, nearest first.
func (ix *index) lineage(m *module, c *class) []classInModule {
	var out []classInModule
	seen := map[*class]bool{}
	var walk func(m *module, c *class, depth int)
	walk = func(m *module, c *class, depth int) {
		if seen[c] || depth > maxResolveDepth {
			return
		}
		seen[c] = true
		out = append(out, classInModule{m, c})
		for _, b := range c.bases {
			if s := ix.resolve(m, b); s.cls != nil {
				walk(s.mod, s.cls, depth+1)
			}
		}
	}
	walk(m, c, 0)
	return out
}

// baseNames lists the last names of every base a class has, in the tree
// or outside it (ModelViewSet, LoginRequiredMixin, MethodView).
func (ix *index) baseNames(m *module, c *class) []string {
	var out []string
	for _, cm := range ix.lineage(m, c) {
		for _, b := range cm.cls.bases {
			s := ix.resolve(cm.mod, b)
			switch {
			case s.cls != nil:
				out = append(out, s.cls.name)
			case s.ext != "":
				out = append(out, s.last())
			default:
				if d, ok := b.dotted(); ok {
					out = append(out, d[strings.LastIndexByte(d, '.')+1:])
				}
			}
		}
	}
	return out
}

// method finds a method on a class or its in-tree bases.
func (ix *index) method(m *module, c *class, name string) (*function, *module) {
	for _, cm := range ix.lineage(m, c) {
		if f, ok := cm.cls.methods[name]; ok {
			return f, cm.mod
		}
	}
	return nil, nil
}

// str evaluates a string expression: literals, f-strings and + over
// constants whose values the tree shows.
func (ix *index) str(m *module, e *expr) (string, bool) { return ix.strAt(m, e, 0) }

func (ix *index) strAt(m *module, e *expr, depth int) (string, bool) {
	if e == nil || depth > maxResolveDepth {
		return "", false
	}
	switch e.kind {
	case exStr:
		return e.str, true
	case exFString, exAdd:
		var b strings.Builder
		for _, p := range e.items {
			s, ok := ix.strAt(m, p, depth+1)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	case exName, exAttr:
		s := ix.resolveAt(m, e, depth+1)
		if s.value != nil && s.value != e {
			return ix.strAt(s.mod, s.value, depth+1)
		}
	case exCall:
		// str(...) and os.getenv("X", "/api") are not known at scan time.
	}
	return "", false
}

// strs evaluates a list of strings (methods=["GET", "POST"]).
func (ix *index) strs(m *module, e *expr) []string {
	if e == nil {
		return nil
	}
	if e.kind != exList {
		if s, ok := ix.str(m, e); ok {
			return []string{s}
		}
		if r := ix.resolve(m, e); r.value != nil && r.value != e && r.value.kind == exList {
			return ix.strs(r.mod, r.value)
		}
		return nil
	}
	var out []string
	for _, it := range e.items {
		if s, ok := ix.str(m, it); ok {
			out = append(out, s)
		}
	}
	return out
}

// listItems flattens a list expression, following names bound to lists
// (dependencies=COMMON_DEPS).
func (ix *index) listItems(m *module, e *expr) []*expr {
	if e == nil {
		return nil
	}
	if e.kind == exList {
		return e.items
	}
	if r := ix.resolve(m, e); r.value != nil && r.value != e && r.value.kind == exList {
		return r.value.items
	}
	return nil
}
