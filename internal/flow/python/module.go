// Package python is the Python frontend of the data-flow engine
// (internal/flow): it lowers every function of a Python file into the
// engine's operations, resolves calls across the repository's modules
// (imports, methods on self, class-based views), and starts the engine
// from each route's handler, GraphQL resolver and socket event handler
// with what its parameters carry (a Flask global request, a Django
// request, FastAPI's typed parameters, URL kwargs, resolver arguments).
//
// What is a sink, a sanitiser or a request read is data, in vocab.go,
// keyed by the qualified name a call resolves to through the file's
// imports (subprocess.run, flask.redirect), never by a local name.
package python

import (
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/syntax"
)

// module is what one Python file holds for the engine, with the syntax
// tree already freed.
type module struct {
	path   string
	dotted string
	pkg    string
	// imports maps a local name to what it is bound to: a module
	// ("os", "shop.db") or a name in one ("flask.request").
	imports map[string]string
	// types are module-level names bound to a call's result (mongo =
	// MongoClient()["shop"]): the qualified name of what was called.
	types map[string]string
	funcs map[string]*fn // by qualified name in the module: f, Class.m
	// classes maps a class to its bases as written.
	classes map[string][]string
	// fields are the names a class declares with a type at its top
	// level (name: str = ...), a request model's fields; extras are the
	// classes whose configuration keeps undeclared fields (pydantic's
	// extra = allow).
	fields map[string][]string
	extras map[string]bool
	// columns are the fields a class declares by assignment (name =
	// models.CharField(...)), with the function called as written.
	columns map[string]map[string]string
	order   []*fn
	// holdsDef, while the module is lowered, says whether a node's
	// text holds "def" (syntax.Holds).
	holdsDef func(*syntax.Node) bool
}

// fn is one lowered function and what the resolver needs to know of it.
type fn struct {
	*flow.Func
	mod   *module
	class string // the enclosing class, if a method
	// params are the parameter names in order (self and cls left out),
	// for keyword arguments; kinds and annotations for entries.
	params []param
	// calls holds, per operation index, what lowering knew of a call
	// that the engine's Op has no room for.
	calls map[int]*callInfo
	// decorators are the decorators' texts, for entry roles.
	decorators []string
	// flaskView: a function whose return is the response body (a
	// Flask view): HTML it builds from request data is written out.
	returnsHTML []int
}

type param struct {
	name       string
	annotation string
	def        string // the default's text
	splat      bool   // *args or **kwargs
}

// callInfo is a call as written, before its callee is known.
type callInfo struct {
	// fun is the callee's text with its root resolved through the
	// module's imports and known types: "subprocess.run",
	// "shop.db.find_items", "self.helper".
	fun string
	// kw are the keyword arguments' names, for Args past npos.
	kw   []string
	npos int
	// kwText holds the keyword arguments' texts (shell=True, Loader=...).
	kwText map[string]string
	// splat is the index of a **kwargs argument, or -1.
	splat int
	// argText is each positional argument's text (a list literal's
	// first element names the program of an argv).
	argText []string
	// argLit is each positional argument that is a string literal, by
	// position, its value read with the language's own quoting ('a', "a",
	// r'a'), which Go's unquoting does not know.
	argLit map[int]string
	// parserEntities: an XML parse given a parser that resolves
	// external entities.
	parserEntities bool
}

// qualify resolves the root of a dotted name through the module's
// imports and module-level types: "etree.fromstring" with "from lxml
// import etree" is "lxml.etree.fromstring".
func (m *module) qualify(name string, local map[string]string) string {
	root, rest, _ := strings.Cut(name, ".")
	if t, ok := local[root]; ok {
		return join(t, rest)
	}
	if imp, ok := m.imports[root]; ok {
		return join(imp, rest)
	}
	if t, ok := m.types[root]; ok {
		return join(t, rest)
	}
	if _, ok := m.funcs[root]; ok {
		return join(m.dotted+"."+root, rest)
	}
	if _, ok := m.classes[root]; ok {
		return join(m.dotted+"."+root, rest)
	}
	if builtins[root] {
		return join("builtins."+root, rest)
	}
	return name
}

func join(a, b string) string {
	if b == "" {
		return a
	}
	return a + "." + b
}

// builtins are the built-in functions the vocabulary names.
var builtins = map[string]bool{"eval": true, "exec": true, "compile": true, "open": true, "file": true, "setattr": true,
	"int": true, "float": true, "bool": true, "str": true, "len": true, "isinstance": true, "__import__": true}

// binds reports whether the module binds a name at its top level to
// something other than its own submodule of that name: a class or a
// function it defines, a call's result, or a name it imports.
func (m *module) binds(name string) bool {
	if _, ok := m.classes[name]; ok {
		return true
	}
	if m.funcs[name] != nil || m.types[name] != "" {
		return true
	}
	imp := m.imports[name]
	return imp != "" && imp != m.dotted+"."+name
}
