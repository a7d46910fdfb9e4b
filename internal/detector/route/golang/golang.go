// Package golang finds the HTTP routes a Go program serves: net/http,
// gorilla/mux, chi, gin, echo, fiber, httprouter, iris, goji, Hertz,
// go-zero, Beego, fasthttp/router, Huma and GoFrame (one file and one
// line in frameworks.go each), plus GraphQL servers mounted on them.
//
// Routers are built across functions and files (a group handed to a
// helper, a sub-router mounted from a factory), so the work is in two
// phases: Detect parses each file with go/parser and keeps its functions;
// Finish interprets the setup code of the whole module, following router
// values through variables, calls and struct fields, and emits every route
// with its composed path. The scanned code is read, never type-checked or
// built.
package golang

import (
	"context"
	"errors"
	"fmt"
	"github.com/threatmap/threatmap/internal/detector/route"
	"go/ast"
	"go/scanner"
	"go/token"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/packed"
)

// Detector finds routes in Go code.
type Detector struct {
	mu      sync.Mutex
	files   []*goFile
	modules map[string]string // go.mod folder -> module path
}

// New returns a detector for one scan.
func New() *Detector { return &Detector{modules: map[string]string{}} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/go" }

// Match keeps Go sources (not tests: routes a test registers are not
// served) and go.mod, which names the module for cross-package calls.
func (*Detector) Match(p string) bool {
	if lang.Of(p) == lang.Go {
		return !lang.IsTest(p)
	}
	return path.Base(p) == "go.mod"
}

// Exempt implements detector.PrefilterExempt: a go.mod is read whatever
// it holds, since its module path is how imports of the module's own
// packages resolve (a module that requires nothing names no framework).
func (*Detector) Exempt(p string) bool { return path.Base(p) == "go.mod" }

// Keywords implements detector.Keyworded: a file that serves or builds
// HTTP routes imports one of these or registers on a router whose type it
// does not name (x.HTTP.Path("/a").Handler(h)), and one that declares a
// path constant (gofmt writes `Name = "/a"`) may name a route's path. A
// helper handed a router through an interface of its own package
// (func register(r Registrar) { r.GET("/a", h) }) imports nothing: its
// calls with a literal path are what it has. A program's main may only
// call its own packages (engine := router.Create(); runner.Run(engine)):
// it is where the router is handed to the server, and without it no
// wrapper around the router is known to be all there is.
func (*Detector) Keywords() []string {
	// A package that compares secrets (crypto/subtle, x/crypto's bcrypt
	// or pbkdf2) holds a login's check, even with no HTTP in sight: the
	// judge follows a handler into it (route.secretLogin).
	kws := []string{"net/http", ".Path(", ".PathPrefix(", `= "/`, `("/`, "func main()", "crypto/subtle", "golang.org/x/crypto/"}
	for _, fw := range frameworks {
		kws = append(kws, fw.keyword)
	}
	kws = append(kws, gojiPkg)
	return kws
}

// goFile is what Finish needs of one file: its source (handler text and
// the second parse) and its declarations without function bodies.
type goFile struct {
	path    string // repo-relative
	dir     string
	pkg     string
	src     *packed.Bytes
	base    int               // of the file's positions
	tf      *token.File       // line table, made in Finish when a line is asked for
	imports map[string]string // local name -> import path
	vars    []*ast.GenDecl    // package-level var and const declarations
	funcs   []*funcDecl       // functions with a body, in source order
	fieldFW map[string]string // struct field name -> router framework
	ifaceFW map[string]string // interface type name -> the router framework it stands for
	snippet bool              // no package clause of its own (see Detect)
}

// snippetClause is the package clause a file without one is read with;
// it keeps every line where it was.
const snippetClause = "package main;"

// missingPackage says a parse failed at the first token for want of a
// package clause.
func missingPackage(err error) bool {
	var list scanner.ErrorList
	return errors.As(err, &list) && len(list) > 0 &&
		strings.HasPrefix(list[0].Msg, "expected 'package'")
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if path.Base(f.Path) == "go.mod" {
		if mod := ModulePath(f.Data); mod != "" {
			d.mu.Lock()
			d.modules[path.Dir(f.Path)] = mod
			d.mu.Unlock()
		}
		return nil
	}
	if lang.GoDevBuild(f.Data) != "" {
		// Built only with a tag of the project's own (//go:build dev):
		// its debug routes and middleware are not in a release build.
		return nil
	}
	src := f.Data
	af, tf, err := f.GoSyntax()
	if err != nil && missingPackage(err) {
		// A snippet (a README's example saved as a file) starts at its
		// imports: read it as the package its folder's other files are
		// (Finish decides), on the same lines.
		src = append([]byte(snippetClause), f.Data...)
		af, tf, err = detector.ParseGo(f.Path, src)
	}
	if err != nil {
		// Only the position: a parser message can quote the offending
		// token, and that token may be a secret.
		msg := "route/go: cannot parse"
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			msg += fmt.Sprintf(" (syntax error at line %d)", list[0].Pos.Line)
		}
		out.Warn(f.Path, msg)
		return nil
	}
	if strings.HasSuffix(af.Name.Name, "_test") {
		// An external test package declares nothing a server runs.
		return nil
	}
	gf := summarizeFile(af, tf, f.Path, src)
	gf.snippet = len(src) != len(f.Data)
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	d.mu.Lock()
	d.files = append(d.files, gf)
	d.mu.Unlock()
	return nil
}

// lines is the file's line table. Detect lets the parser's go (a tenth of
// a kept file's memory) and Finish makes it again for the files whose
// lines it reports.
func (f *goFile) lines() *token.File {
	if f.tf == nil {
		src := f.src.Bytes()
		f.tf = token.NewFileSet().AddFile(f.path, f.base, len(src))
		f.tf.SetLinesForContent(src)
	}
	return f.tf
}

// Finish implements detector.Finisher.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	adoptPackages(d.files)
	m := newModule(d.files, d.modules)
	m.taught = route.TaughtFrom(ctx)
	// The scan runs Finish once; the parsed files are garbage after it,
	// while the other detectors finish.
	d.files = nil
	err := safely(func() { m.run(ctx) })
	var routes []facts.Route
	if e := safely(func() { routes = m.routes() }); e != nil {
		err = e
	}
	for _, r := range routes {
		out.AddRoute(r)
	}
	for _, file := range slices.Sorted(maps.Keys(m.missed)) {
		for _, line := range slices.Sorted(maps.Keys(m.missed[file])) {
			out.MissRoutes(file, line, 1, "route/golang", "its path is built at run time, not from literals and constants")
		}
	}
	for _, file := range slices.Sorted(maps.Keys(m.unsure)) {
		for _, line := range slices.Sorted(maps.Keys(m.unsure[file])) {
			out.UnsurePrefix(file, line, "route/golang")
		}
	}
	if err == nil && m.truncated > 0 {
		err = fmt.Errorf("%d entry points too large to follow completely; some routes may be missing", m.truncated)
	}
	return err
}

// adoptPackages gives each snippet the package of another file in its
// folder, so it calls and is called as one of them.
func adoptPackages(files []*goFile) {
	pkgOf := map[string]string{}
	for _, f := range files {
		if !f.snippet {
			if pkgOf[f.dir] == "" || f.pkg < pkgOf[f.dir] {
				pkgOf[f.dir] = f.pkg
			}
		}
	}
	for _, f := range files {
		if f.snippet && pkgOf[f.dir] != "" {
			f.pkg = pkgOf[f.dir]
		}
	}
}

// safely runs f, turning a panic into an error: the scan recovers Detect,
// not Finish, and code we did not foresee must cost a warning, never the
// scan.
func safely(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("internal error while composing Go routes; some may be missing")
		}
	}()
	f()
	return nil
}

// Imports maps each import's local name in a file to its path (blank
// and dot imports left out); the Go flow frontend reads imports this way too.
func Imports(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, is := range f.Imports {
		p := strings.Trim(is.Path.Value, "`\"")
		name := DefaultName(p)
		if is.Name != nil {
			name = is.Name.Name
		}
		if name == "_" || name == "." {
			continue
		}
		out[name] = p
	}
	return out
}

// DefaultName is the package name an import path is usually known by:
// the last element, skipping a /vN suffix and a .vN or go- decoration.
func DefaultName(p string) string {
	parts := strings.Split(p, "/")
	name := parts[len(parts)-1]
	if len(parts) > 1 && isMajorVersion(name) {
		name = parts[len(parts)-2]
	}
	if i := strings.Index(name, ".v"); i > 0 {
		name = name[:i]
	}
	name = strings.TrimPrefix(name, "go-")
	return strings.ReplaceAll(name, "-", "")
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ModulePath reads the module line of a go.mod.
func ModulePath(data []byte) string {
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}
