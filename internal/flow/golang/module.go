package golang

import (
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"sort"
	"strings"

	"github.com/threatmap/threatmap/internal/packed"
)

// module is the Go code of the scanned tree, parsed a package at a time
// as the walk first needs one: a handler's package, then the packages its
// calls lead to. A tree's other packages are never parsed.
type module struct {
	files   map[string][]*srcFile // dir -> its files
	modules map[string]string     // go.mod folder -> module path
	pkgs    map[string]*pkg       // dir -> parsed package
	// imports memoises resolveImport: every call through a package
	// name asks, and the answer scans every module.
	imports map[string]string
}

// srcFile is one Go file as Detect kept it.
type srcFile struct {
	path string
	src  *packed.Bytes
}

// pkg is one folder's parsed files, indexed by what calls look up.
type pkg struct {
	dir     string
	files   []*file
	funcs   map[string]*fn             // package-level functions by name
	methods map[string][]*fn           // methods by name
	structs map[string]*ast.StructType // struct types by name
	typeOf  map[string]*file           // file declaring each struct
	vars    map[string]ast.Expr        // package-level vars' types or values
	varFile map[string]*file
}

// file is one parsed file.
type file struct {
	path    string
	src     []byte
	pkg     *pkg
	fset    *token.FileSet
	ast     *ast.File
	imports map[string]string // local name -> import path
}

// fn is a function or method declaration.
type fn struct {
	decl *ast.FuncDecl
	file *file
	recv string // receiver type name, for a method
}

func (f *file) line(p token.Pos) int { return f.fset.Position(p).Line }

// pkgAt parses the package in dir once; nil when the tree has no Go file there.
func (m *module) pkgAt(dir string) *pkg {
	if p, ok := m.pkgs[dir]; ok {
		return p
	}
	srcs := m.files[dir]
	if len(srcs) == 0 {
		m.pkgs[dir] = nil
		return nil
	}
	p := &pkg{dir: dir, funcs: map[string]*fn{}, methods: map[string][]*fn{}, structs: map[string]*ast.StructType{},
		typeOf: map[string]*file{}, vars: map[string]ast.Expr{}, varFile: map[string]*file{}}
	m.pkgs[dir] = p
	for _, s := range srcs {
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, s.path, s.src.Bytes(), parser.SkipObjectResolution)
		if err != nil || strings.HasSuffix(af.Name.Name, "_test") {
			continue // the route detector warns of files that do not parse
		}
		f := &file{path: s.path, src: s.src.Bytes(), pkg: p, fset: fset, ast: af, imports: goroute.Imports(af)}
		p.files = append(p.files, f)
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				if d.Recv != nil && len(d.Recv.List) > 0 {
					p.methods[d.Name.Name] = append(p.methods[d.Name.Name], &fn{decl: d, file: f, recv: typeName(d.Recv.List[0].Type)})
				} else if _, dup := p.funcs[d.Name.Name]; !dup {
					p.funcs[d.Name.Name] = &fn{decl: d, file: f}
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if st, ok := s.Type.(*ast.StructType); ok {
							p.structs[s.Name.Name] = st
							p.typeOf[s.Name.Name] = f
						}
					case *ast.ValueSpec:
						for i, n := range s.Names {
							switch {
							case s.Type != nil:
								p.vars[n.Name] = s.Type
							case i < len(s.Values):
								p.vars[n.Name] = s.Values[i]
							}
							p.varFile[n.Name] = f
						}
					}
				}
			}
		}
	}
	return p
}

// resolveImport is the folder of an import path of this tree's modules,
// or "" for a path outside them.
func (m *module) resolveImport(ip string) string {
	if dir, ok := m.imports[ip]; ok {
		return dir
	}
	if m.imports == nil {
		m.imports = map[string]string{}
	}
	dir := m.lookupImport(ip)
	m.imports[ip] = dir
	return dir
}

func (m *module) lookupImport(ip string) string {
	best, bestDir := "", ""
	for dir, mod := range m.modules {
		if (ip == mod || strings.HasPrefix(ip, mod+"/")) && len(mod) > len(best) {
			best, bestDir = mod, dir
		}
	}
	if best == "" {
		return ""
	}
	return path.Clean(path.Join(bestDir, strings.TrimPrefix(ip, best)))
}

// source is a file's bytes, nil when the tree has no such Go file.
func (m *module) source(p string) []byte {
	for _, s := range m.files[path.Dir(p)] {
		if s.path == p {
			return s.src.Bytes()
		}
	}
	return nil
}

// fileAt finds the parsed file at a repo path.
func (m *module) fileAt(p string) *file {
	pk := m.pkgAt(path.Dir(p))
	if pk == nil {
		return nil
	}
	for _, f := range pk.files {
		if f.path == p {
			return f
		}
	}
	return nil
}

// funcAt finds the function whose code starts on a line of a file: a
// declaration or a func literal, the outermost first.
func (f *file) funcAt(line int) ast.Node {
	var node ast.Node
	ast.Inspect(f.ast, func(n ast.Node) bool {
		if node != nil || n == nil {
			return false
		}
		if f.line(n.Pos()) > line || f.line(n.End()) < line {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if f.line(n.Pos()) == line && n.Body != nil {
				node = n
				return false
			}
		case *ast.FuncLit:
			if f.line(n.Pos()) == line {
				node = n
				return false
			}
		}
		return true
	})
	return node
}

// typeName is the bare name of a type expression: *T, T[P], pkg.T -> T.
func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return typeName(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		return typeName(e.X)
	case *ast.IndexListExpr:
		return typeName(e.X)
	}
	return ""
}

func sortedDirs(m map[string][]*srcFile) []string {
	out := make([]string, 0, len(m))
	for d := range m {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}
