package golang

import (
	"context"
	"github.com/threatmap/threatmap/internal/detector/route"
	"go/ast"
	"go/token"
	"maps"
	"slices"
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
	taught  *route.Taught
	pkgs    map[string]*pkg // by folder
	dirs    []string        // sorted
	modules map[string]string

	referenced  map[funcKey]bool // functions called or named anywhere
	methodNames map[string]bool  // methods called anywhere
	interpreted map[*funcDecl]bool
	results     map[*funcDecl]*value // of argument-less interpretations
	onStack     map[*funcDecl]bool
	steps       int // statements interpreted for the current entry point
	truncated   int // entry points cut short by maxSteps
	// missed holds the places of registrations whose path could not be
	// read (built at run time), by file and line.
	missed map[string]map[int]bool
	// unsure holds the places of groups and mounts whose prefix is built
	// at run time: their routes are kept under urlpath.UnknownPrefix.
	unsure  map[string]map[int]bool
	imports map[string]string

	defaultMux *node
	// gojiMux is goji's DefaultMux, which the goji package's own Get,
	// Post... register on.
	gojiMux *node
	// beegoApp is the app Beego's package functions register on.
	beegoApp *node
	// goFrame is GoFrame's default server (g.Server()).
	goFrame *node
	// reparsed holds files parsed again for their type declarations.
	reparsed map[*goFile]*ast.File
	// seq orders Use() calls, groups and registrations as interpreted.
	seq     int
	pending []*pendingRoute
	gorilla []*gorillaRoute
	// gorillaChains are the first calls of gorilla/mux registration
	// chains whose receiver may be a router we cannot resolve.
	gorillaChains map[*ast.CallExpr]bool
	// gorillaRouters are the receivers, by package folder and text, that
	// route chains show to be gorilla/mux routers we cannot resolve.
	gorillaRouters map[funcKey]bool
	// later holds the callbacks met while package variables are set
	// (var rootCmd = &cobra.Command{RunE: ...}): they run once every
	// package's variables are, as the program would run them.
	later    []func()
	initting bool
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
	ifaceFW map[string]string // interface type name -> router framework
	fields  map[string]*value // router values stored in struct fields
}

// funcDecl is one function or method. Of the ones that cannot touch a
// router only the signature facts below are kept; decl is set for the
// others, by restoreRelevantBodies.
type funcDecl struct {
	file         *goFile
	name         string
	method       bool
	recvType     string
	resultType   string   // local named type of the first result
	routerParam  bool     // takes a router
	localParams  []string // the package's own type names its parameters have
	routerResult bool     // returns a router
	handlerFunc  bool     // takes (http.ResponseWriter, *http.Request)
	// fixedParams is how many parameters come before a variadic last
	// one (chain(h Handler, mw ...Middleware): 1); -1 when there is none.
	fixedParams int
	pos, end    token.Pos // of the whole declaration, for its text
	decl        *ast.FuncDecl
	summary     *summary // until relevance is known

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
		interpreted: map[*funcDecl]bool{},
		results:     map[*funcDecl]*value{},
		onStack:     map[*funcDecl]bool{},
		imports:     map[string]string{},

		gorillaChains:  map[*ast.CallExpr]bool{},
		gorillaRouters: map[funcKey]bool{},
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	for _, f := range files {
		// A folder can hold package x and package main (a generator);
		// they do not share declarations.
		key := f.dir + "\x00" + f.pkg
		p := m.pkgs[key]
		if p == nil {
			p = &pkg{dir: f.dir, funcs: map[string][]*funcDecl{}, methods: map[string][]*funcDecl{}, fieldFW: map[string]string{}, ifaceFW: map[string]string{}, fields: map[string]*value{}}
			p.globals = &env{vars: map[string]*value{}}
			m.pkgs[key] = p
			m.dirs = append(m.dirs, key)
		}
		p.files = append(p.files, f)
		for _, fd := range f.funcs {
			if fd.method {
				p.methods[fd.name] = append(p.methods[fd.name], fd)
			} else {
				p.funcs[fd.name] = append(p.funcs[fd.name], fd)
			}
			p.decls = append(p.decls, fd)
		}
		for field, fw := range f.fieldFW {
			p.fieldFW[field] = fw
		}
		maps.Copy(p.ifaceFW, f.ifaceFW)
	}
	sort.Strings(m.dirs)
	for _, key := range m.dirs {
		m.collectRefs(m.pkgs[key])
	}
	m.markRelevant()
	m.restoreRelevantBodies()
	return m
}

// restoreRelevantBodies parses again the files that hold a function able to
// touch a router and gives those functions their declarations back; the
// others are never interpreted (callDecl stops at their signature). The
// summaries served markRelevant only.
func (m *module) restoreRelevantBodies() {
	for _, key := range m.dirs {
		for _, f := range m.pkgs[key].files {
			relevant := map[token.Pos]*funcDecl{}
			for _, fd := range f.funcs {
				fd.summary, fd.calls, fd.methodCalls = nil, nil, nil
				if fd.relevant {
					relevant[fd.pos] = fd
				}
			}
			if len(relevant) > 0 {
				reparse(f, relevant)
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
		for _, recv := range fd.summary.gorillaRouters {
			m.gorillaRouters[funcKey{p.dir, recv}] = true
		}
	}
	for _, fd := range p.decls {
		s := fd.summary
		for _, t := range fd.localParams {
			if p.ifaceFW[t] != "" {
				fd.routerParam = true
			}
		}
		fd.direct = s.routerAPI || fd.routerParam || fd.routerResult
		for _, recv := range s.handleOn {
			if m.gorillaRouters[funcKey{p.dir, recv}] {
				fd.direct = true
			}
		}
		for _, h := range s.idents {
			if name := h.Value(); len(p.funcs[name]) > 0 {
				m.referenced[funcKey{p.dir, name}] = true
				fd.calls = append(fd.calls, funcKey{p.dir, name})
			}
		}
		for _, r := range s.imported {
			if dir := m.resolveImport(r.path); dir != "" {
				m.referenced[funcKey{dir, r.name}] = true
				fd.calls = append(fd.calls, funcKey{dir, r.name})
			}
		}
		for _, name := range s.methodCalls {
			if p.fieldFW[name] != "" {
				fd.direct = true
			}
			m.methodNames[name] = true
			// x.name where the package has a function name: counted as a
			// use of it, as any identifier is.
			if len(p.funcs[name]) > 0 {
				m.referenced[funcKey{p.dir, name}] = true
				fd.calls = append(fd.calls, funcKey{p.dir, name})
			}
		}
		fd.methodCalls = s.methodCalls
	}
}

// routerAPI says a package-level name is router business: anything of a
// router framework or GraphQL server, and net/http's serving API (not its
// status codes or client).
func routerAPI(ip, name string) bool {
	if fw := frameworkOf(ip); fw != nil {
		// Beego's controllers and GoFrame's handlers use their packages
		// too (web.AppConfig, g.Map): only the registering names build
		// routes.
		switch fw.name {
		case beego:
			return beegoAPI(fw, name)
		case goFrame:
			return goFrameAPI(name)
		}
		return true
	}
	if isGraphQL(ip) || ip == gojiPkg {
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
			if !fd.method {
				funcs[funcKey{p.dir, fd.name}] = fd
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
				if fd.method {
					relevantMethods[funcKey{fd.file.dir, fd.name}] = true
				}
			}
		}
	}
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
	m.initting = true
	for _, key := range m.dirs {
		p := m.pkgs[key]
		for _, f := range p.files {
			fr := &frame{m: m, p: p, f: f, env: p.globals}
			for _, gd := range f.vars {
				fr.genDecl(gd)
			}
		}
	}
	m.initting = false
	for _, run := range m.later {
		m.steps = 0
		run()
	}
	m.later = nil
	for _, key := range m.dirs {
		p := m.pkgs[key]
		for _, fd := range p.decls {
			if ctx.Err() != nil {
				return
			}
			if !fd.method && !m.referenced[funcKey{p.dir, fd.name}] ||
				fd.method && !m.methodNames[fd.name] {
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
				if m.interpreted[fd] || fd.routerParam != (pass == 1) {
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

// callDecl interprets one function with its receiver and arguments bound,
// and returns the router value it returns, if any.
func (m *module) callDecl(p *pkg, fd *funcDecl, recv *value, args []*value, depth int) *value {
	if m.onStack[fd] || depth > maxDepth || m.steps > maxSteps {
		return nil
	}
	if !fd.relevant || fd.decl == nil {
		m.interpreted[fd] = true
		return resultOf(p, fd)
	}
	// A call that hands the function nothing we track can only repeat
	// what its first interpretation did: reuse its result.
	plain := recv == nil || len(recv.fields) == 0 && recv.node == nil
	for _, a := range args {
		if a != nil && !a.isStr {
			plain = false
		}
	}
	if plain && m.interpreted[fd] {
		return m.results[fd]
	}
	m.interpreted[fd] = true
	m.onStack[fd] = true
	defer delete(m.onStack, fd)

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
		if fw == "" {
			fw = p.ifaceFW[typeName(fl.Type)]
		}
		slots := len(fl.Names)
		if slots == 0 {
			slots = 1
		}
		_, variadic := fl.Type.(*ast.Ellipsis)
		for s := 0; s < slots; s++ {
			var v *value
			switch {
			case variadic && i == len(args)-1 && args[i] != nil && args[i].list != nil:
				v = args[i] // a spread list, mw..., passed as it is
			case variadic:
				// mw ...Middleware: every argument left, as one list,
				// empty when there is none.
				v = &value{list: []*value{}}
				if i < len(args) {
					v.list = slices.Clone(args[i:])
				}
			case i < len(args):
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
		ret = resultOf(p, fd)
	}
	if plain {
		m.results[fd] = ret
	}
	return ret
}

// resultOf is resultType with the package it is declared in.
func resultOf(p *pkg, fd *funcDecl) *value {
	v := resultType(fd)
	if v != nil {
		v.typePkg = p
	}
	return v
}

// resultType is a value of the function's result type: a constructor's
// result type tells method calls on it apart.
func resultType(fd *funcDecl) *value {
	if fd.resultType != "" {
		return &value{typeName: fd.resultType}
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
