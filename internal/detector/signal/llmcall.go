package signal

// The llm tag from calls. A route whose handler calls a large language
// model earns it: through a client of an LLM SDK the catalogue knows (an
// OpenAI-compatible client pointed at another host with a base URL is
// one), made or imported in the handler's file, or through a function of
// the repository that does (a service's generate() that calls the
// client). Calls reports each such route as SignalCallsLLM, which
// scan/process turns into the tag; a word never does: a handler that only
// names a provider in a string or a comment, or a settings page that
// lists providers, calls none.
//
// No parser: a file's imports say which names are bound to an SDK, an
// assignment from one makes a client, and a function holds a call when
// the call sits between its definition and the next one. A function of
// another file is followed by its name when no other function of the
// repository has that name.

import (
	"bytes"
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector"
	srccode "github.com/threatmap/threatmap/internal/detector/code"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Calls follows a route's handler one call into the repository's own
// functions: it collects each file's LLM clients, the functions that call
// a model, and the controls each function's body shows (callee.go), and
// reads every route's handler at Finish.
type Calls struct {
	mu    sync.Mutex
	files map[string]*fileCalls
	// callers are the functions that call a model, by name; defs counts
	// every function of the repository by name, so a name held by more
	// than one is not followed.
	callers map[string]caller
	defs    map[string]int
	// exported are clients made at the top of a file, by name: a
	// handler whose file imports one calls the model through it.
	exported map[string]string
	// controls are the controls each function's body shows, by its name,
	// and allDefs counts every function by name (callee.go).
	controls map[string][]calleeControl
	allDefs  map[string]int
	// local are each file's own functions' controls, by file and name:
	// a call in a handler reaches its own module's function of that name
	// first, whatever other files define.
	local map[string]map[string][]calleeControl
	// bodies are the functions that take parameters, by name, read for
	// an owner condition when a handler passes one an id (ownercall.go).
	bodies map[string]fnBody
	owners map[ownerKey]int
	// impls are every definition of each name, in file order: a method
	// called through an interface runs one of them (ownercall.go).
	impls  map[string][]fnBody
	below  map[belowKey]belowAt
	loads  map[loadKey]bool
	sorted bool
	// code is every function's code by name, the first file's: the
	// models a handler reaches through a helper (modelcall.go).
	code map[string]fnCode
	// randomFields are the fields some function sets to a randomly
	// drawn value, by fieldKey (capfield.go).
	randomFields map[string]facts.Evidence
	// bareVars are the Go string variables declared at the top with no
	// value, assignedFrom the names each name is assigned from, tainted
	// the names assigned anything else, and buildStrings the bare
	// variables that hold only what the build wrote (buildinfo.go), made
	// once every file is read.
	bareVars     map[string]bool
	assignedFrom map[string]map[string]bool
	tainted      map[string]bool
	buildStrings map[string]bool
	// phpClasses are the PHP classes by full name, phpUnguarded whether
	// some file turns mass-assignment protection off for every model,
	// massCands the mass-assignment matches waiting for them (phpmodel.go).
	phpClasses   map[string]phpClass
	phpUnguarded bool
	massCands    []massCand
	// rubyMethods are each Ruby file's methods' source by name, by file:
	// a Rails action's helper of its own controller (callerderef.go).
	rubyMethods map[string]map[string]string
}

type caller struct {
	service string
	at      facts.Evidence
}

// fileCalls is what one file binds: names imported from an LLM SDK and
// clients made from them (name -> service), and the names it imports.
type fileCalls struct {
	clients  map[string]string
	imported map[string]bool
}

// NewCalls makes the detector, for one scan.
func NewCalls() *Calls {
	return &Calls{files: map[string]*fileCalls{}, callers: map[string]caller{}, defs: map[string]int{}, exported: map[string]string{},
		controls: map[string][]calleeControl{}, allDefs: map[string]int{}, local: map[string]map[string][]calleeControl{}, bodies: map[string]fnBody{}, owners: map[ownerKey]int{}, code: map[string]fnCode{},
		randomFields: map[string]facts.Evidence{}, bareVars: map[string]bool{}, assignedFrom: map[string]map[string]bool{}, tainted: map[string]bool{},
		impls: map[string][]fnBody{}, below: map[belowKey]belowAt{}, loads: map[loadKey]bool{}, rubyMethods: map[string]map[string]string{}}
}

// Name implements detector.Detector.
func (*Calls) Name() string { return "calls" }

// Match implements detector.Detector: the code whose imports the
// catalogue reads, not tests; and PHP, whose functions a handler hands
// its parameters to ($posts->findLatest($page)) are read as JavaScript's
// are (function name(...) {).
func (*Calls) Match(p string) bool {
	l := lang.Of(p)
	return (srccode.Reads(l) || l.Family() == lang.PHP || l.Family() == lang.Ruby) && !lang.IsTest(p)
}

var (
	pyDefRE = regexp.MustCompile(`(?m)^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)`)
	goDefRE = regexp.MustCompile(`(?m)^func[ \t]+(?:\([^)]*\)[ \t]*)?(\w+)`)
	// The last form is a tRPC procedure, a router's member
	// (handleWebhook: publicProcedure.input(...).mutation(...)): a
	// function the app calls by that name (caller.x.handleWebhook(...)).
	jsDefRE = regexp.MustCompile(`(?m)(?:\bfunction\*?[ \t]*(\w+)|\b(?:const|let|var)[ \t]+(\w+)[ \t]*=[ \t]*(?:async[ \t]*)?(?:function\b|\([^)\n]*\)[ \t]*(?::[^=\n]*)?=>|\w+[ \t]*=>)|^[ \t]*(?:(?:public|private|protected|static|async)[ \t]+)*(\w+)[ \t]*\([^)\n]*\)[ \t]*(?::[^{\n]*)?\{|^[ \t]*(\w+)[ \t]*:[ \t]*\w*[Pp]rocedure\b)`)
	// notDefs are keywords the method form of jsDefRE would take for a
	// definition (if (x) {).
	notDefs = map[string]bool{"if": true, "for": true, "while": true, "switch": true, "catch": true, "function": true, "return": true, "with": true}
)

// Detect implements detector.Detector.
func (d *Calls) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	l := lang.Of(f.Path)
	src := srccode.Stripped(f)
	if l.Family() == lang.PHP {
		return d.phpBodies(ctx, f.Path, src)
	}
	if l.Family() == lang.Ruby {
		ms := rubyMethods(string(src))
		d.mu.Lock()
		d.rubyMethods[f.Path] = ms
		d.mu.Unlock()
		return ctx.Err()
	}
	imports := srccode.Imports(l, src)
	fc := &fileCalls{clients: map[string]string{}, imported: map[string]bool{}}
	eco := ecosystem(l)
	starts := lineStarts(src)
	importLines := map[int]bool{}
	for _, im := range imports {
		importLines[im.Line] = true
		names := importedNames(l, importStatement(src, starts, im.Line), im.Module)
		for _, n := range names {
			fc.imported[n] = true
		}
		if s := catalog.ForPackage(eco, im.Module); s != nil && s.Category == "llm" {
			for _, n := range names {
				fc.clients[n] = s.ID
			}
		}
	}
	defs := funcDefs(l, src)
	callers := map[string]caller{}
	// A request to a model's API host (fetch("https://api.mistral.ai/..."))
	// calls it without an SDK.
	for _, u := range srccode.FileUses(f) {
		if u.Service.Category != "llm" || importLines[u.Line] || u.Line > len(starts) {
			continue
		}
		if def := defAt(defs, starts[u.Line-1]); def != "" {
			if _, ok := callers[def]; !ok {
				callers[def] = caller{service: u.Service.ID, at: facts.Evidence{File: f.Path, Line: u.Line}}
			}
		}
	}
	var exported []string
	if len(fc.clients) > 0 {
		exported = clientsMade(src, fc.clients, defs)
		callRE := callsThrough(fc.clients)
		lines := srccode.NewLines(src)
		for _, m := range callRE.FindAllSubmatchIndex(src, -1) {
			if def := defAt(defs, m[0]); def != "" {
				if _, ok := callers[def]; !ok {
					callers[def] = caller{service: fc.clients[string(src[m[2]:m[3]])], at: facts.Evidence{File: f.Path, Line: lines.At(m[0])}}
				}
			}
		}
	}
	// A function that calls one of this file's callers calls the model
	// too (chat() calls _complete(), which calls the client).
	if len(callers) > 0 {
		for range 3 {
			grew := false
			for i, def := range defs {
				if _, ok := callers[def.name]; ok {
					continue
				}
				end := len(src)
				if i+1 < len(defs) {
					end = defs[i+1].at
				}
				names := slices.Sorted(maps.Keys(callers))
				for _, name := range names {
					if callsFunc(src[def.at:end], name) {
						callers[def.name] = callers[name]
						grew = true
						break
					}
				}
			}
			if !grew {
				break
			}
		}
	}
	text := string(src)
	controls := controlsIn(f.Path, src, text, defs)
	bodies := bodiesOf(f.Path, src, text, defs)
	impls := implsOf(f.Path, src, text, defs)
	code := codeOf(f.Path, text, defs)
	random := randomFieldsIn(f.Path, text, defs)
	d.mu.Lock()
	defer d.mu.Unlock()
	if l.Family() == lang.Go {
		buildVarsIn(text, d.bareVars, d.assignedFrom, d.tainted)
	}
	d.files[f.Path] = fc
	for _, def := range defs {
		if _, ok := callers[def.name]; !ok {
			d.defs[def.name]++
		}
		d.allDefs[def.name]++
	}
	if len(controls) > 0 {
		d.local[f.Path] = controls
	}
	for name, cs := range controls {
		if _, ok := d.controls[name]; !ok {
			d.controls[name] = cs
		}
	}
	for name, b := range bodies {
		if prev, ok := d.bodies[name]; !ok || b.file < prev.file {
			d.bodies[name] = b
		}
	}
	for k, at := range random {
		if prev, ok := d.randomFields[k]; !ok || at.File < prev.File {
			d.randomFields[k] = at
		}
	}
	for name, fs := range impls {
		d.impls[name] = append(d.impls[name], fs...)
	}
	for name, c := range code {
		if prev, ok := d.code[name]; !ok || c.file < prev.file {
			d.code[name] = c
		}
	}
	for name, c := range callers {
		if prev, ok := d.callers[name]; !ok || c.at.File < prev.at.File {
			d.callers[name] = c
		}
	}
	for _, n := range exported {
		d.exported[n] = fc.clients[n]
	}
	return ctx.Err()
}

// phpBodies keeps a PHP file's functions and their bodies, all the
// readers of a parameter handed one call away need (pageNumberSignals);
// the model clients and controls the other languages' files are read for
// are not looked for in PHP.
func (d *Calls) phpBodies(ctx context.Context, path string, src []byte) error {
	defs := funcDefs(lang.PHP, src)
	bodies := bodiesOf(path, src, string(src), defs)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.addPHPClasses(string(src))
	for _, def := range defs {
		d.defs[def.name]++
		d.allDefs[def.name]++
	}
	for name, b := range bodies {
		if prev, ok := d.bodies[name]; !ok || b.file < prev.file {
			d.bodies[name] = b
		}
	}
	return ctx.Err()
}

func ecosystem(l lang.Lang) string {
	switch l.Family() {
	case lang.Python:
		return "python"
	case lang.Go:
		return catalog.Go
	}
	return catalog.NPM
}

// lineStarts are the offsets where each line of src starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// importStatement is the text of the import on a line (1-based): the
// line, and for a JavaScript import whose names span lines, back to its
// keyword.
func importStatement(src []byte, starts []int, line int) []byte {
	if line < 1 || line > len(starts) {
		return nil
	}
	start := starts[line-1]
	end := len(src)
	if line < len(starts) {
		end = starts[line] - 1
	}
	stmt := src[start:end]
	if t := bytes.TrimSpace(stmt); bytes.HasPrefix(t, []byte("}")) {
		from := max(0, start-4000)
		if k := bytes.LastIndex(src[from:start], []byte("import")); k >= 0 {
			stmt = src[from+k : end]
		}
	}
	return stmt
}

// importedNames are the names an import statement binds: what follows
// "import" in Python (its alias when it has one), the default, namespace
// and named imports in JavaScript, and a Go package's name.
func importedNames(l lang.Lang, stmt []byte, module string) []string {
	s := string(stmt)
	var out []string
	switch l.Family() {
	case lang.Go:
		// One line of an import block or an import of its own:
		// alias "path" or "path".
		before, _, _ := strings.Cut(s, `"`+module+`"`)
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(before), "import"))
		if len(f) > 0 && f[len(f)-1] != "(" {
			return []string{f[len(f)-1]}
		}
		// The package's name is its own to declare: the import path's
		// guess, and the same without an SDK's -sdk-go or -go suffix
		// (github.com/anthropics/anthropic-sdk-go is package anthropic).
		last := module[strings.LastIndex(module, "/")+1:]
		for _, suf := range []string{"-sdk-go", "-go", "-sdk"} {
			last = strings.TrimSuffix(last, suf)
		}
		return []string{goroute.DefaultName(module), strings.ReplaceAll(strings.TrimPrefix(last, "go-"), "-", "")}
	case lang.Python:
		if _, after, ok := strings.Cut(s, " import "); ok && strings.Contains(s, "from ") {
			s = after
		} else {
			s = strings.TrimPrefix(strings.TrimSpace(s), "import")
		}
		for _, part := range strings.Split(strings.Trim(strings.TrimSpace(s), "()"), ",") {
			f := strings.Fields(part)
			switch {
			case len(f) >= 3 && f[1] == "as":
				out = append(out, f[2])
			case len(f) >= 1:
				out = append(out, strings.Split(f[0], ".")[0])
			}
		}
		return out
	}
	// JavaScript: everything between import (or const ... = require) and
	// from, less the keywords; "A as B" binds B.
	head := s
	if i := strings.Index(head, " from"); i >= 0 {
		head = head[:i]
	} else if i := strings.Index(head, "require"); i >= 0 {
		head = head[:i]
	}
	words := identRE.FindAllString(head, -1)
	for i, w := range words {
		switch w {
		case "import", "export", "type", "const", "let", "var", "as", "from", "await", "require", "default":
			continue
		}
		if i+2 < len(words) && words[i+1] == "as" {
			continue // renamed: the name after "as" is bound
		}
		out = append(out, w)
	}
	return out
}

// fnDef is a function definition: its name and where it starts.
type fnDef struct {
	name string
	at   int
}

// funcDefs lists a file's functions in order (the model calls, the
// controls and the owner checks are each placed in one by its offset).
func funcDefs(l lang.Lang, src []byte) []fnDef {
	re := jsDefRE
	switch l.Family() {
	case lang.Python:
		re = pyDefRE
	case lang.Go:
		re = goDefRE
	}
	var out []fnDef
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				name := string(src[m[g]:m[g+1]])
				if name == "__call__" && l.Family() == lang.Python {
					// Calling a class's instance runs its __call__
					// (FastAPI's Depends(Getter(secret))): it is the
					// class's function.
					name = enclosingClass(src, m[0])
				}
				if name != "" && !notDefs[name] {
					out = append(out, fnDef{name: name, at: m[0]})
				}
				break
			}
		}
	}
	if l.Family() == lang.JavaScript {
		out = append(out, jsMethodsOverLines(src, out)...)
		slices.SortFunc(out, func(a, b fnDef) int { return a.at - b.at })
	}
	return out
}

// jsMultiLineMethod is a class method whose parameters start on the next
// line (async uploadImage(\n  file: File,\n) {).
var jsMultiLineMethod = regexp.MustCompile(`(?m)^[ \t]*(?:(?:public|private|protected|static|async|override)[ \t]+)*(\w+)[ \t]*\([ \t]*\n`)

// jsMethodsOverLines are the methods jsDefRE misses because their
// parameters span lines: the name, its parameters, then a body's brace
// (after a return type).
func jsMethodsOverLines(src []byte, known []fnDef) []fnDef {
	var out []fnDef
	for _, m := range jsMultiLineMethod.FindAllSubmatchIndex(src, -1) {
		name := string(src[m[2]:m[3]])
		if notDefs[name] || slices.ContainsFunc(known, func(d fnDef) bool { return d.at == m[0] }) {
			continue
		}
		end := lang.ClosingBracket(src, m[3]+bytes.IndexByte(src[m[3]:], '('))
		if end < 0 {
			continue
		}
		rest := src[end+1 : min(len(src), end+200)]
		brace := bytes.IndexByte(rest, '{')
		if brace < 0 || bytes.ContainsAny(rest[:brace], ";=") || bytes.Contains(rest[:brace], []byte("\n\n")) {
			continue
		}
		if t := bytes.TrimSpace(rest[:brace]); len(t) > 0 && t[0] != ':' {
			continue
		}
		out = append(out, fnDef{name: name, at: m[0]})
	}
	return out
}

// pyClassRE is a Python class statement: its indent and name.
var pyClassRE = regexp.MustCompile(`(?m)^([ \t]*)class[ \t]+(\w+)`)

// enclosingClass is the name of the Python class whose body holds the
// definition at offset at (its statement less indented), or "".
func enclosingClass(src []byte, at int) string {
	indent := 0
	for i := at; i < len(src) && (src[i] == ' ' || src[i] == '\t'); i++ {
		indent++
	}
	name := ""
	for _, m := range pyClassRE.FindAllSubmatchIndex(src[:at], -1) {
		if m[3]-m[2] < indent {
			name = string(src[m[4]:m[5]])
		}
	}
	return name
}

// defAt is the function a byte offset is in: the last definition
// before it, "" at the top of the file.
func defAt(defs []fnDef, off int) string {
	name := ""
	for _, d := range defs {
		if d.at > off {
			break
		}
		name = d.name
	}
	return name
}

// clientsMade adds to clients each name assigned a client made from one
// (client = OpenAI(base_url=...), const ai = new Anthropic(), c :=
// openai.NewClient(key), self.llm = ChatOpenAI(...), a struct field
// client: openai.NewClient(key)), and returns those made at the top of
// the file, which other files may import.
func clientsMade(src []byte, clients map[string]string, defs []fnDef) []string {
	names := make([]string, 0, len(clients))
	for n := range clients {
		names = append(names, regexp.QuoteMeta(n))
	}
	slices.Sort(names)
	re := regexp.MustCompile(`(?m)(?:^|[^\w$.])((?:self\.|this\.)?[\w$]+)(?:\s*,\s*[\w$]+)?\s*(?::=|=|:)\s*(?:await\s+)?(?:new\s+)?(` + strings.Join(names, "|") + `)\b[\w$.]*\s*\(`)
	var top []string
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		lhs, from := string(src[m[2]:m[3]]), string(src[m[4]:m[5]])
		if lhs == from {
			continue
		}
		if _, ok := clients[lhs]; !ok {
			clients[lhs] = clients[from]
		}
		if defAt(defs, m[0]) == "" && !strings.Contains(lhs, ".") {
			top = append(top, lhs)
		}
	}
	return top
}

// callsThrough matches a call rooted at one of the names: name(...),
// name.a.b(...), self.name.create(...); its first group is the name.
func callsThrough(clients map[string]string) *regexp.Regexp {
	var plain, fields []string
	for n := range clients {
		if f, ok := strings.CutPrefix(n, "self."); ok {
			fields = append(fields, regexp.QuoteMeta(f))
		} else if f, ok := strings.CutPrefix(n, "this."); ok {
			fields = append(fields, regexp.QuoteMeta(f))
		} else {
			plain = append(plain, regexp.QuoteMeta(n))
		}
	}
	slices.Sort(plain)
	slices.Sort(fields)
	alts := []string{}
	if len(plain) > 0 {
		alts = append(alts, `(?:^|[^\w$.])(`+strings.Join(plain, "|")+`)(?:\s*\.\s*[\w$]+)*\s*\(`)
	}
	if len(fields) > 0 {
		alts = append(alts, `\b(?:self|this)\.(`+strings.Join(fields, "|")+`)(?:\s*\.\s*[\w$]+)+\s*\(`)
	}
	return regexp.MustCompile(strings.Join(alts, "|"))
}

// callsFunc says code calls a function of that name, plainly or as a
// method.
func callsFunc(src []byte, name string) bool { return funcCallAt(src, name) >= 0 }

// Finish implements detector.Finisher: one SignalCallsLLM per route whose
// handler calls a model, at the call.
func (d *Calls) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	models := userDataModels(out)
	for _, r := range out.Routes() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if s, off, ok := d.callIn(&r); ok {
			out.AddSignal(facts.Signal{Kind: facts.SignalCallsLLM, Detail: s, Route: r.Key(), In: facts.SignalInHandler, Evidence: handlerLine(&r, off)})
		}
		for _, s := range d.calleeSignals(&r) {
			out.AddSignal(s)
		}
		for _, s := range d.ownerCallSignals(&r) {
			out.AddSignal(s)
		}
		for _, s := range d.pageNumberSignals(&r) {
			out.AddSignal(s)
		}
		for _, s := range d.modelWrites(&r) {
			out.AddSignal(s)
		}
		for _, s := range d.modelsThrough(&r, models) {
			out.AddSignal(s)
		}
		for _, s := range d.cookieOnlySignal(&r) {
			out.AddSignal(s)
		}
		for _, s := range d.uploadSignals(&r) {
			out.AddSignal(s)
		}
	}
	return nil
}

// callIn is the service a route's handler calls a model of, and where in
// its body.
func (d *Calls) callIn(r *facts.Route) (string, int, bool) {
	if strings.TrimSpace(r.Body) == "" {
		return "", 0, false
	}
	file := r.HandlerFile
	if file == "" {
		file = r.File
	}
	stripped := lang.StripComments(lang.Of(r.File), []byte(r.Body))
	body := []byte(blankStrings(string(stripped)))
	clients := map[string]string{}
	if fc := d.files[file]; fc != nil {
		for n, s := range fc.clients {
			clients[n] = s
		}
		for n := range fc.imported {
			if s, ok := d.exported[n]; ok {
				clients[n] = s
			}
		}
	}
	if len(clients) > 0 {
		if m := callsThrough(clients).FindSubmatchIndex(body); m != nil {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					return clients[string(body[m[g]:m[g+1]])], m[g], true
				}
			}
		}
	}
	// A request to a model's API host, made in the handler.
	for _, h := range llmHosts() {
		if i := bytes.Index(stripped, []byte(h.host)); i >= 0 {
			return h.service, i, true
		}
	}
	// A function of the repository that calls a model, named by no other
	// function: the earliest call in the body wins.
	best, service := -1, ""
	own := identRE.FindAllString(r.Handler, -1)
	for name, c := range d.callers {
		rivals := d.defs[name]
		if len(own) > 0 && own[len(own)-1] == name {
			rivals-- // the handler delegating to its namesake (def chat(): return llm.chat())
		}
		if rivals > 0 || len(name) < 4 {
			continue
		}
		if i := funcCallAt(body, name); i >= 0 && (best < 0 || i < best) {
			best, service = i, c.service
		}
	}
	return service, best, best >= 0
}

// funcCallAt is the offset of the first call of a function of that name
// in code (name(...) or x.name(...), not its own definition), or -1.
func funcCallAt(src []byte, name string) int {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(name))
		if j < 0 {
			return -1
		}
		at := i + j
		i = at + len(name)
		if at > 0 && isWordByte(src[at-1]) {
			continue
		}
		k := i
		for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		if k >= len(src) || src[k] != '(' {
			continue
		}
		start := bytes.LastIndexByte(src[:at], '\n') + 1
		if defLine.Match(src[start:at]) {
			continue
		}
		return at
	}
}

// defLine is the start of a line that defines a function.
var defLine = regexp.MustCompile(`^\s*(?:export\s+)?(?:async\s+)?(?:def|func|function)\b`)

type llmHost struct{ host, service string }

// llmHosts are the API hosts of the catalogue's LLM services.
var llmHosts = sync.OnceValue(func() []llmHost {
	var out []llmHost
	for _, sv := range catalog.All() {
		if sv.Category != "llm" {
			continue
		}
		for _, h := range sv.Hosts {
			out = append(out, llmHost{host: h, service: sv.ID})
		}
	}
	return out
})
