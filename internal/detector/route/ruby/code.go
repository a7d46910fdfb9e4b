package ruby

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/syntax"
)

// A class is a class or module body: its macros (the calls in its body,
// before_action, include, a Sinatra route) and its methods. A file's top
// level is a class named "" (Sinatra's classic style, helpers).
type class struct {
	name    string // full: Admin::ReportsController
	super   string // as written
	nesting []string
	file    string
	line    int
	end     int
	module  bool
	macros  []*call
	methods map[string]*method
	private map[string]bool
}

type method struct {
	name, src, file string
	line, end       int
	cls             *class
}

// A file is what Detect keeps of one Ruby file.
type file struct {
	path string
	// draws are the blocks of routes.draw (a Rails app's or an engine's),
	// keyed by its receiver ("Rails.application.routes").
	draws []draw
	// top is the file's top level (routes a draw :name file holds, a
	// classic Sinatra app).
	top     *class
	classes []*class
}

type draw struct {
	file  string
	recv  string
	calls []*call
	line  int
}

// read reads one file's tree.
func read(t *syntax.Tree, src []byte, path string) *file {
	r := &reader{t: t, src: src}
	f := &file{path: path}
	f.top = r.body(t.Root(), f, nil, "", "", false)
	f.top.line, f.top.end = 1, syntax.EndLine(t.Root())
	return f
}

// body reads a class body (or the file's top level) into a class.
func (r *reader) body(n *sitter.Node, f *file, nesting []string, name, super string, module bool) *class {
	c := &class{name: name, super: super, nesting: nesting, file: f.path, line: syntax.Line(n), end: syntax.EndLine(n),
		module: module, methods: map[string]*method{}, private: map[string]bool{}}
	if name != "" {
		f.classes = append(f.classes, c)
	}
	private := false
	var visit func(n *sitter.Node)
	visit = func(n *sitter.Node) {
		for _, s := range syntax.NamedChildren(n) {
			switch s.Type() {
			case "class", "module":
				cn := s.ChildByFieldName("name")
				if cn == nil {
					continue
				}
				inner := strings.TrimPrefix(r.text(cn), "::")
				full := inner
				if name != "" {
					full = name + "::" + inner
				}
				sup := ""
				if sc := s.ChildByFieldName("superclass"); sc != nil {
					sup = strings.TrimSpace(strings.TrimPrefix(r.text(sc), "<"))
				}
				nest := append(append([]string(nil), nesting...), full)
				var b *sitter.Node
				for _, k := range syntax.NamedChildren(s) {
					if k.Type() == "body_statement" {
						b = k
					}
				}
				if b == nil {
					// An empty class still names its parent.
					cc := &class{name: full, super: sup, nesting: nest, file: f.path, line: syntax.Line(s), end: syntax.EndLine(s),
						module: s.Type() == "module", methods: map[string]*method{}, private: map[string]bool{}}
					f.classes = append(f.classes, cc)
					continue
				}
				cc := r.body(b, f, nest, full, sup, s.Type() == "module")
				cc.line, cc.end = syntax.Line(s), syntax.EndLine(s)
			case "method":
				mn := s.ChildByFieldName("name")
				if mn == nil {
					continue
				}
				m := &method{name: r.text(mn), src: r.text(s), file: f.path, line: syntax.Line(s), end: syntax.EndLine(s), cls: c}
				c.methods[m.name] = m
				if private {
					c.private[m.name] = true
				}
			case "identifier":
				switch r.text(s) {
				case "private", "protected":
					private = true
				case "public":
					private = false
				}
			case "call":
				cl := r.call(s)
				if cl == nil {
					continue
				}
				if cl.recv == "" && (cl.name == "private" || cl.name == "protected") && len(cl.args) == 0 {
					private = true
					continue
				}
				if cl.recv == "" && (cl.name == "helpers" || cl.name == "included" || cl.name == "class_methods") && cl.hasBlock {
					// Sinatra helpers and a concern's included block are
					// read as the class's own body.
					if b := s.ChildByFieldName("block"); b != nil {
						for _, part := range syntax.NamedChildren(b) {
							if part.Type() == "body_statement" || part.Type() == "block_body" {
								visit(part)
							}
						}
					}
					continue
				}
				if cl.name == "draw" && strings.HasSuffix(cl.recv, "routes") && cl.hasBlock {
					f.draws = append(f.draws, draw{file: f.path, recv: cl.recv, calls: cl.block, line: cl.line})
					continue
				}
				c.macros = append(c.macros, cl)
			case "assignment":
				r.statement(s)
			}
		}
	}
	visit(n)
	return c
}
