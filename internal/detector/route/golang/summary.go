package golang

import (
	"go/ast"
	"go/token"
	"path"
	"slices"
	"unique"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/packed"
)

// summary is what a function body names, enough to decide in Finish
// whether the function can touch a router without keeping the body: a
// module's bodies parsed are about ten times its source, and only the few
// that set up routers are interpreted.
type summary struct {
	idents      []unique.Handle[string] // identifiers the body uses, selected names aside, once each (interned: the same names recur in every body)
	imported    []importRef             // pkg.Name selections of imported packages
	methodCalls []string                // names selected from anything else (methods, fields), once each
	routerAPI   bool                    // selects a router framework's or net/http's serving API, or builds a gorilla/mux route chain
	// gorillaRouters are the receivers of its gorilla/mux route chains, as
	// written (t.Server.HTTP): a Handle on the same one is gorilla's too.
	gorillaRouters []string
	// handleOn are the receivers it calls Handle or HandleFunc on, as
	// written: the function registers routes if one is such a router.
	handleOn []string
}

// importRef is a package-level name of an imported package.
type importRef struct{ path, name string }

// summarizeFile keeps what Finish needs of a parsed file: function
// signatures with their bodies summarized and dropped, package-level var
// and const declarations (interpreted as globals), and the struct fields
// that hold routers.
func summarizeFile(af *ast.File, tf *token.File, p string, src []byte) *goFile {
	gf := &goFile{
		path:    p,
		dir:     path.Dir(p),
		pkg:     af.Name.Name,
		src:     packed.Pack(src),
		base:    tf.Base(),
		imports: Imports(af),
		fieldFW: map[string]string{},
		ifaceFW: map[string]string{},
	}
	for _, d := range af.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body == nil {
				continue
			}
			gf.funcs = append(gf.funcs, declare(gf, d))
		case *ast.GenDecl:
			switch d.Tok {
			case token.VAR, token.CONST:
				gf.vars = append(gf.vars, d)
			case token.TYPE:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					if it, ok := ts.Type.(*ast.InterfaceType); ok {
						if fw := routerInterface(gf, it); fw != "" {
							gf.ifaceFW[ts.Name.Name] = fw
						}
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, fl := range st.Fields.List {
						if fw := routerType(gf, fl.Type); fw != "" {
							for _, n := range fl.Names {
								gf.fieldFW[n.Name] = fw
							}
						}
					}
				}
			}
		}
	}
	return gf
}

// declare keeps the signature facts of a function and a summary of its
// body; the declaration itself is let go.
func declare(f *goFile, d *ast.FuncDecl) *funcDecl {
	fd := &funcDecl{
		file:    f,
		name:    d.Name.Name,
		method:  d.Recv != nil,
		pos:     d.Pos(),
		end:     d.End(),
		summary: summarize(f, d.Body),
	}
	if d.Recv != nil && len(d.Recv.List) > 0 {
		fd.recvType = typeName(d.Recv.List[0].Type)
	}
	fd.handlerFunc = isHandlerFunc(f, d.Type.Params)
	fd.fixedParams = -1
	if ps := d.Type.Params.List; len(ps) > 0 {
		if _, ok := ps[len(ps)-1].Type.(*ast.Ellipsis); ok {
			fd.fixedParams = 0
			for _, fl := range ps[:len(ps)-1] {
				fd.fixedParams += max(len(fl.Names), 1)
			}
		}
	}
	for _, fl := range d.Type.Params.List {
		if routerType(f, fl.Type) != "" {
			fd.routerParam = true
		} else if n := typeName(fl.Type); n != "" && !slices.Contains(fd.localParams, n) {
			fd.localParams = append(fd.localParams, n)
		}
	}
	if r := d.Type.Results; r != nil {
		for _, fl := range r.List {
			if routerType(f, fl.Type) != "" {
				fd.routerResult = true
			}
		}
		if len(r.List) > 0 {
			fd.resultType = typeName(r.List[0].Type)
		}
	}
	return fd
}

// summarize records what a body names. Which identifiers are functions of
// the package, and which imports are packages of the module, is known only
// once every file is in: Finish decides (module.collectRefs).
func summarize(f *goFile, body *ast.BlockStmt) *summary {
	s := &summary{}
	idents := map[string]bool{}
	imported := map[importRef]bool{}
	methods := map[string]bool{}
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := unparen(n.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Handle" || sel.Sel.Name == "HandleFunc") {
				if recv := exprText(sel.X); !slices.Contains(s.handleOn, recv) {
					s.handleOn = append(s.handleOn, recv)
				}
			}
			// A router held in another module's struct shows only in the
			// shape of its registration chains.
			if first, _ := gorillaChain(n); first != nil {
				s.routerAPI = true
				recv := exprText(first.Fun.(*ast.SelectorExpr).X)
				if !slices.Contains(s.gorillaRouters, recv) {
					s.gorillaRouters = append(s.gorillaRouters, recv)
				}
			}
		case *ast.Ident:
			if !idents[n.Name] {
				idents[n.Name] = true
				s.idents = append(s.idents, unique.Make(n.Name))
			}
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok {
				if ip, ok := f.imports[x.Name]; ok {
					if routerAPI(ip, n.Sel.Name) {
						s.routerAPI = true
					}
					if r := (importRef{ip, n.Sel.Name}); !imported[r] {
						imported[r] = true
						s.imported = append(s.imported, r)
					}
					return false
				}
			}
			if !methods[n.Sel.Name] {
				methods[n.Sel.Name] = true
				s.methodCalls = append(s.methodCalls, n.Sel.Name)
			}
			// The selected name is in methodCalls already; collectRefs
			// looks it up as an identifier too.
			ast.Inspect(n.X, visit)
			return false
		}
		return true
	}
	ast.Inspect(body, visit)
	return s
}

// reparse gives back the declarations of the relevant functions of f,
// parsing its source again. Positions match the first parse (each file has
// a file set of its own), so the line table and offsets kept still apply.
func reparse(f *goFile, relevant map[token.Pos]*funcDecl) {
	af, tf, err := detector.ParseGo(f.path, f.src.Bytes())
	if err != nil {
		return // the bytes parsed once; if not now, decl stays nil and callDecl skips the function
	}
	f.tf = tf
	for _, d := range af.Decls {
		if d, ok := d.(*ast.FuncDecl); ok && d.Body != nil {
			if fd := relevant[d.Pos()]; fd != nil {
				fd.decl = d
			}
		}
	}
}

// routerInterface names the framework an interface of the program's own
// stands for (type Registrar interface { GET(string, ...gin.HandlerFunc)
// gin.IRoutes }): one of its methods is a registering method of a
// framework whose types its signature names, taking a path (or a list of
// methods, echo's Match) first. A handler interface (Handle(*gin.Context))
// takes no path and is not one.
func routerInterface(f *goFile, it *ast.InterfaceType) string {
	for _, fl := range it.Methods.List {
		ft, ok := fl.Type.(*ast.FuncType)
		if !ok || len(fl.Names) == 0 || ft.Params == nil || len(ft.Params.List) == 0 {
			continue
		}
		if first := exprText(ft.Params.List[0].Type); first != "string" && first != "[]string" {
			continue
		}
		fw := signatureFramework(f, ft)
		if fw == nil {
			continue
		}
		name := fl.Names[0].Name
		if _, ok := fw.verbs[name]; ok {
			return fw.name
		}
		if _, ok := fw.methods[name]; ok {
			return fw.name
		}
	}
	return ""
}

// signatureFramework is the router framework whose package a function
// type's parameters or results name.
func signatureFramework(f *goFile, ft *ast.FuncType) *framework {
	var fw *framework
	ast.Inspect(ft, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && fw == nil {
			if x, ok := sel.X.(*ast.Ident); ok {
				fw = rootFramework(f.imports[x.Name])
			}
		}
		return fw == nil
	})
	return fw
}
