package golang

import (
	"context"
	"go/ast"
	"go/token"
	"sort"
	"strings"
)

// Budgets keep a pathological tree (deep call chains, huge generated
// setup code) from stalling the scan: the interpreter stops following one
// entry point after maxSteps statements, and what it found stands.
const (
	maxDepth = 12
	maxSteps = 200_000
)

// module is every parsed Go file of the scan, grouped by package folder.
type module struct {
	pkgs    map[string]*pkg // by folder
	dirs    []string        // sorted
	modules map[string]string

	referenced  map[funcKey]bool // functions called or named anywhere
	methodNames map[string]bool  // methods called anywhere
	interpreted map[*ast.FuncDecl]bool
	results     map[*ast.FuncDecl]*value // of argument-less interpretations
	onStack     map[*ast.FuncDecl]bool
	steps       int // statements interpreted for the current entry point
	truncated   int // entry points cut short by maxSteps
	imports     map[string]string

	defaultMux *node
	// seq orders Use() calls, groups and registrations as interpreted.
	seq     int
	pending []*pendingRoute
	gorilla []*gorillaRoute
}

type funcKey struct{ dir, name string }

// pkg is one Go package: the files of one folder.
type pkg struct {
	dir     string
	files   []*goFile
	funcs   map[string][]*funcDecl // plain functions by name
	methods map[string][]*funcDecl // methods by name, any receiver
	decls   []*funcDecl            // source order
	globals *env
	fieldFW map[string]string // struct field name -> router framework
	fields  map[string]*value // router values stored in struct fields
}

type funcDecl struct {
	file     *goFile
	decl     *ast.FuncDecl
	recvType string

	direct      bool      // uses a router API itself
	relevant    bool      // direct, or calls a function that is
	calls       []funcKey // functions it names
	methodCalls []string  // method (and field) names it selects
}

func newModule(files []*goFile, modules map[string]string) *module {
	m := &module{
		pkgs:        map[string]*pkg{},
		modules:     modules,
		referenced:  map[funcKey]bool{},
		methodNames: map[string]bool{},
		interpreted: map[*ast.FuncDecl]bool{},
		results:     map[*ast.FuncDecl]*value{},
		onStack:     map[*ast.FuncDecl]bool{},
		imports:     map[string]string{},
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	for _, f := range files {
		// A folder can hold package x and package main (a generator);
		// they do not share declarations.
		key := f.dir + "\x00" + f.pkg
		if strings.HasSuffix(f.pkg, "_test") {
			continue
		}
		p := m.pkgs[key]
		if p == nil {
			p = &pkg{dir: f.dir, funcs: map[string][]*funcDecl{}, methods: map[string][]*funcDecl{}, fieldFW: map[string]string{}, fields: map[string]*value{}}
			p.globals = &env{vars: map[string]*value{}}
			m.pkgs[key] = p
			m.dirs = append(m.dirs, key)
		}
		p.files = append(p.files, f)
		for _, d := range f.ast.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				fd := &funcDecl{file: f, decl: d}
				if d.Recv != nil && len(d.Recv.List) > 0 {
					fd.recvType = typeName(d.Recv.List[0].Type)
					p.methods[d.Name.Name] = append(p.methods[d.Name.Name], fd)
				} else {
					p.funcs[d.Name.Name] = append(p.funcs[d.Name.Name], fd)
				}
				p.decls = append(p.decls, fd)
			case *ast.GenDecl:
				if d.Tok == token.TYPE {
					for _, s := range d.Specs {
						ts, ok := s.(*ast.TypeSpec)
						if !ok {
							continue
						}
						st, ok := ts.Type.(*ast.StructType)
						if !ok {
							continue
						}
						for _, fl := range st.Fields.List {
							if fw := routerType(f, fl.Type); fw != "" {
								for _, n := range fl.Names {
									p.fieldFW[n.Name] = fw
								}
							}
						}
					}
				}
			}
		}
	}
	sort.Strings(m.dirs)
	for _, key := range m.dirs {
		m.collectRefs(m.pkgs[key])
	}
	m.markRelevant()
	m.dropIrrelevantBodies()
	return m
}

// dropIrrelevantBodies lets the garbage collector have the statements of
// every function that cannot touch a router, before interpretation starts
// allocating: such a function is never interpreted (callDecl stops at its
// signature), and the handler text taken from it comes from the source
// bytes between its positions, which the emptied body keeps. The call
// summaries served markRelevant only.
func (m *module) dropIrrelevantBodies() {
	for _, key := range m.dirs {
		for _, fd := range m.pkgs[key].decls {
			fd.calls, fd.methodCalls = nil, nil
			if !fd.relevant {
				b := fd.decl.Body
				fd.decl.Body = &ast.BlockStmt{Lbrace: b.Lbrace, Rbrace: b.Rbrace}
			}
		}
	}
}

// collectRefs records which functions are called or passed around, so
// that only the rest (main, exported constructors) are entry points, and
// which functions can touch a router at all, so that only those are
// interpreted.
func (m *module) collectRefs(p *pkg) {
	for _, fd := range p.decls {
		f := fd.file
		fd.direct = hasRouterParam(fd) || hasRouterResult(fd)
		ast.Inspect(fd.decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if _, ok := p.funcs[n.Name]; ok {
					m.referenced[funcKey{p.dir, n.Name}] = true
					fd.calls = append(fd.calls, funcKey{p.dir, n.Name})
				}
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok {
					if ip, ok := f.imports[x.Name]; ok {
						if routerAPI(ip, n.Sel.Name) {
							fd.direct = true
						}
						if dir := m.resolveImport(ip); dir != "" {
							m.referenced[funcKey{dir, n.Sel.Name}] = true
							fd.calls = append(fd.calls, funcKey{dir, n.Sel.Name})
						}
						return false
					}
				}
				if p.fieldFW[n.Sel.Name] != "" {
					fd.direct = true
				}
				m.methodNames[n.Sel.Name] = true
				fd.methodCalls = append(fd.methodCalls, n.Sel.Name)
			}
			return true
		})
	}
}

// routerAPI says a package-level name is router business: anything of a
// router framework or GraphQL server, and net/http's serving API (not its
// status codes or client).
func routerAPI(ip, name string) bool {
	if frameworkOf(ip) != nil || isGraphQL(ip) {
		return true
	}
	if ip != "net/http" {
		return false
	}
	switch name {
	case "NewServeMux", "Handle", "HandleFunc", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS", "Server", "DefaultServeMux", "ServeMux":
		return true
	}
	return false
}

// markRelevant closes "can touch a router" over calls: a function that
// calls one that does, does too.
func (m *module) markRelevant() {
	relevantMethods := map[funcKey]bool{} // (package folder, method name)
	funcs := map[funcKey]*funcDecl{}
	var all []*funcDecl
	for _, key := range m.dirs {
		p := m.pkgs[key]
		for _, fd := range p.decls {
			all = append(all, fd)
			if fd.decl.Recv == nil {
				funcs[funcKey{p.dir, fd.decl.Name.Name}] = fd
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, fd := range all {
			if fd.relevant {
				continue
			}
			rel := fd.direct
			for _, k := range fd.calls {
				if c := funcs[k]; c != nil && c.relevant {
					rel = true
					break
				}
			}
			for _, name := range fd.methodCalls {
				if rel {
					break
				}
				rel = relevantMethods[funcKey{fd.file.dir, name}]
			}
			if rel {
				fd.relevant, changed = true, true
				if fd.decl.Recv != nil {
					relevantMethods[funcKey{fd.file.dir, fd.decl.Name.Name}] = true
				}
			}
		}
	}
}

func hasRouterResult(fd *funcDecl) bool {
	if fd.decl.Type.Results == nil {
		return false
	}
	for _, fl := range fd.decl.Type.Results.List {
		if routerType(fd.file, fl.Type) != "" {
			return true
		}
	}
	return false
}

// resolveImport finds the scanned folder an import path names: exactly
// through a go.mod module path, else by the longest folder the path ends
// with.
func (m *module) resolveImport(ip string) string {
	if dir, ok := m.imports[ip]; ok {
		return dir
	}
	dir := m.resolveImportUncached(ip)
	m.imports[ip] = dir
	return dir
}

func (m *module) resolveImportUncached(ip string) string {
	for modDir, mod := range m.modules {
		if rest, ok := strings.CutPrefix(ip, mod); ok && (rest == "" || rest[0] == '/') {
			dir := strings.TrimPrefix(rest, "/")
			if modDir != "." {
				dir = strings.TrimSuffix(modDir+"/"+dir, "/")
			}
			if dir == "" {
				dir = "."
			}
			if m.pkgDir(dir) != nil {
				return dir
			}
		}
	}
	best := ""
	for _, key := range m.dirs {
		dir := m.pkgs[key].dir
		if dir != "." && (ip == dir || strings.HasSuffix(ip, "/"+dir)) && len(dir) > len(best) {
			best = dir
		}
	}
	return best
}

// pkgDir is the non-main package in a folder (what an import names).
func (m *module) pkgDir(dir string) *pkg {
	var found *pkg
	for _, key := range m.dirs {
		p := m.pkgs[key]
		if p.dir != dir {
			continue
		}
		if found == nil || len(p.files) > 0 && p.files[0].pkg != "main" {
			found = p
		}
	}
	return found
}

// run interprets the module: package-level variables first, then every
// entry point (a function nothing else calls), then whatever setup code
// no entry point reached, on its own.
func (m *module) run(ctx context.Context) {
	for _, key := range m.dirs {
		p := m.pkgs[key]
		for _, f := range p.files {
			fr := &frame{m: m, p: p, f: f, env: p.globals}
			for _, d := range f.ast.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && (gd.Tok == token.VAR || gd.Tok == token.CONST) {
					fr.genDecl(gd)
				}
			}
		}
	}
	for _, key := range m.dirs {
		p := m.pkgs[key]
		for _, fd := range p.decls {
			if ctx.Err() != nil {
				return
			}
			if fd.decl.Recv == nil && !m.referenced[funcKey{p.dir, fd.decl.Name.Name}] ||
				fd.decl.Recv != nil && !m.methodNames[fd.decl.Name.Name] {
				m.entry(p, fd)
			}
		}
	}
	// Left over: functions reached from nowhere we could follow. Callers
	// (no router parameter) go before the helpers they may call.
	for pass := 0; pass < 2; pass++ {
		for _, key := range m.dirs {
			p := m.pkgs[key]
			for _, fd := range p.decls {
				if ctx.Err() != nil {
					return
				}
				if m.interpreted[fd.decl] || hasRouterParam(fd) != (pass == 1) {
					continue
				}
				m.entry(p, fd)
			}
		}
	}
}

// entry interprets one entry point with a fresh budget.
func (m *module) entry(p *pkg, fd *funcDecl) {
	if !fd.relevant {
		return
	}
	m.steps = 0
	m.callDecl(p, fd, nil, nil, 0)
	if m.steps > maxSteps {
		m.truncated++
	}
}

func hasRouterParam(fd *funcDecl) bool {
	for _, fl := range fd.decl.Type.Params.List {
		if routerType(fd.file, fl.Type) != "" {
			return true
		}
	}
	return false
}

// callDecl interprets one function with its receiver and arguments bound,
// and returns the router value it returns, if any.
func (m *module) callDecl(p *pkg, fd *funcDecl, recv *value, args []*value, depth int) *value {
	if m.onStack[fd.decl] || depth > maxDepth || m.steps > maxSteps {
		return nil
	}
	if !fd.relevant {
		m.interpreted[fd.decl] = true
		return resultType(fd)
	}
	// A call that hands the function nothing we track can only repeat
	// what its first interpretation did: reuse its result.
	plain := recv == nil || len(recv.fields) == 0 && recv.node == nil
	for _, a := range args {
		if a != nil && !a.isStr {
			plain = false
		}
	}
	if plain && m.interpreted[fd.decl] {
		return m.results[fd.decl]
	}
	m.interpreted[fd.decl] = true
	m.onStack[fd.decl] = true
	defer delete(m.onStack, fd.decl)

	e := &env{vars: map[string]*value{}, parent: p.globals}
	d := fd.decl
	if d.Recv != nil && len(d.Recv.List) > 0 && len(d.Recv.List[0].Names) > 0 {
		if recv == nil {
			recv = &value{typeName: fd.recvType}
		}
		e.set(d.Recv.List[0].Names[0].Name, recv)
	}
	i := 0
	for _, fl := range d.Type.Params.List {
		fw := routerType(fd.file, fl.Type)
		slots := len(fl.Names)
		if slots == 0 {
			slots = 1
		}
		for s := 0; s < slots; s++ {
			var v *value
			if i < len(args) {
				v = args[i]
			}
			i++
			if v == nil && fw != "" {
				v = &value{node: &node{fw: fw, unresolved: true}}
			}
			if s < len(fl.Names) && v != nil {
				e.set(fl.Names[s].Name, v)
			}
		}
	}
	fr := &frame{m: m, p: p, f: fd.file, env: e, depth: depth}
	fr.block(d.Body.List)
	ret := fr.ret
	if ret == nil {
		ret = resultType(fd)
	}
	if plain {
		m.results[fd.decl] = ret
	}
	return ret
}

// resultType is a value of the function's result type: a constructor's
// result type tells method calls on it apart.
func resultType(fd *funcDecl) *value {
	if r := fd.decl.Type.Results; r != nil && len(r.List) > 0 {
		if tn := typeName(r.List[0].Type); tn != "" {
			return &value{typeName: tn}
		}
	}
	return nil
}

// routerType names the framework of a router type expression
// (*gin.RouterGroup, chi.Router, *http.ServeMux), or "".
func routerType(f *goFile, t ast.Expr) string {
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	sel, ok := t.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	ip := f.imports[x.Name]
	if ip == "net/http" && sel.Sel.Name == "ServeMux" {
		return netHTTP
	}
	if fw := rootFramework(ip); fw != nil {
		for _, tn := range fw.types {
			if tn == sel.Sel.Name {
				return fw.name
			}
		}
	}
	return ""
}

// typeName is the local named type of an expression (T, *T), or "".
func typeName(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.StarExpr:
		return typeName(t.X)
	case *ast.Ident:
		return t.Name
	case *ast.IndexExpr:
		return typeName(t.X)
	}
	return ""
}
