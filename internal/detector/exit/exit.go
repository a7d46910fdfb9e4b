// Package exit finds where data leaves a product: error responses that
// carry stack traces or exception text, debug modes left on, logs of
// request headers and bodies, outgoing e-mail, file and data exports, and
// outbound calls that send data to a third party.
//
// It reads code line by line: each rule has a cheap substring that must be
// on the line before its regex runs on the statement starting there (the
// line and its continuation lines up to balanced brackets).
package exit

import (
	"context"
	"math/bits"
	"path"
	"regexp"
	"strings"
	"sync"
	"unsafe"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Exit kinds (facts.Exit.Kind).
const (
	KindErrorResponse = "error-response"
	KindDebugMode     = "debug-mode"
	KindLog           = "log"
	KindEmail         = "email"
	KindExport        = "export"
	KindOutboundCall  = facts.ExitOutboundCall
)

// maxStatementLines bounds a statement that spans lines.
const maxStatementLines = 12

// Detector finds exits.
type Detector struct {
	mu sync.Mutex
	// ginChoices are gin debug modes set where the same code also sets
	// release mode: which one runs is the build's to say (Finish).
	ginChoices []facts.Exit
	release    bool // the build or main sets gin's release mode
	// devRuns are Python app.run(debug=True) calls reached only when the
	// file runs as a script (under if __name__ == "__main__", or in a
	// function only that block calls), each with that function's name.
	devRuns []devRun
	// wsgi says the deployment serves the app through a WSGI or ASGI
	// server (gunicorn, uwsgi, waitress, hypercorn, uvicorn named in a
	// Dockerfile, Procfile, compose file, shell script or ini).
	wsgi bool
	// scripts are the functions a package's console scripts run.
	scripts map[string]bool
}

// devRun is a debug run reached only from a script's entry.
type devRun struct {
	exit facts.Exit
	fn   string // the function it is in, "" for the __main__ block
}

// New returns an exits detector.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "exit" }

// Match implements detector.Detector: server-side code, not tests or
// docs, and the build files that may set gin's mode.
func (*Detector) Match(p string) bool {
	return (langOf(p) != langNone || buildFile(p) || serverFile(p)) && !lang.IsTest(p)
}

// serverFile is a file that may name the server a deployment runs, or a
// package's console scripts: a Procfile, a shell script, an ini file,
// pyproject.toml, setup.cfg.
func serverFile(p string) bool {
	base := path.Base(p)
	return base == "Procfile" || strings.HasSuffix(base, ".sh") || strings.HasSuffix(base, ".ini") ||
		base == "pyproject.toml" || base == "setup.cfg"
}

var (
	// wsgiServer is a WSGI or ASGI server run: production serves the app
	// object it imports, not the app's own development server.
	wsgiServer = regexp.MustCompile(`\b(?:gunicorn|uwsgi|waitress-serve|hypercorn|uvicorn|mod_wsgi)\b`)
	// consoleScript is an entry point a package installs:
	// name = "pkg.module:function" (pyproject's [project.scripts],
	// setup.cfg's console_scripts, setup.py's entry_points).
	consoleScript = regexp.MustCompile(`["']?[\w.-]+["']?\s*=\s*["']?[\w.]+:(\w+)`)
	// mainGuard is the block a script runs.
	mainGuard = regexp.MustCompile(`^if\s+__name__\s*==\s*["']__main__["']\s*:`)
	pyDef     = regexp.MustCompile(`^def\s+(\w+)\s*\(`)
)

// buildFile reports a file that builds or deploys the product: a
// Dockerfile, a Makefile, a release configuration, a workflow or compose
// file, a manifest.
func buildFile(p string) bool {
	base := path.Base(p)
	return strings.HasPrefix(base, "Dockerfile") || strings.HasSuffix(base, ".Dockerfile") ||
		base == "Makefile" || base == "GNUmakefile" || strings.HasSuffix(base, ".mk") ||
		strings.HasPrefix(base, ".goreleaser.") || lang.Of(p) == lang.YAML
}

var (
	// releaseBuild sets gin's release mode from the build: GIN_MODE=release
	// in an image or a deployment's environment, or a main package
	// variable set to a production mode by the linker (-X main.Mode=prod).
	releaseBuild = regexp.MustCompile(`\bGIN_MODE["']?\s*[=:]\s*["']?release\b|-X\s*["']?main\.\w+=["']?(?:prod|production|release)\b`)
	ginDebug     = regexp.MustCompile(`gin\.SetMode\(\s*gin\.DebugMode\s*\)`)
	ginRelease   = regexp.MustCompile(`gin\.SetMode\(\s*gin\.ReleaseMode\s*\)`)
)

// Keywords implements detector.Keyworded: a file without any rule's
// trigger cannot match.
func (*Detector) Keywords() []string { return keywords }

var keywords = func() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rules {
		for _, t := range r.triggers {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	// What sets gin's release mode, from the build or from main; the
	// servers that serve a Python app, and console scripts.
	return append(out, "GIN_MODE", "-X", "ReleaseMode", "gunicorn", "uwsgi", "waitress", "hypercorn", "uvicorn", "mod_wsgi", "scripts")
}()

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	// The text is read in place, not copied: nothing found keeps it (a
	// statement is built anew, and facts hold only what is cut from it).
	src := unsafe.String(unsafe.SliceData(f.Data), len(f.Data))
	fc := &fileCtx{path: f.Path, lang: langOf(f.Path), src: src}
	if fc.lang == langNone {
		if releaseBuild.MatchString(src) {
			d.setRelease()
		}
		if wsgiServer.MatchString(src) && !strings.HasSuffix(f.Path, ".toml") && !strings.HasSuffix(f.Path, ".cfg") {
			d.mu.Lock()
			d.wsgi = true
			d.mu.Unlock()
		}
		d.noteScripts(src)
		return nil
	}
	if fc.lang == langPython && path.Base(f.Path) == "setup.py" {
		d.noteScripts(src)
	}
	// gin's mode set to release in package main holds for the process; a
	// debug mode beside a release one in the same code is a choice.
	ginChoice := fc.lang == langGo && ginRelease.MatchString(src)
	if ginChoice && goPackageMain(src) {
		d.setRelease()
	}
	for _, ex := range signedOnly(ctx, f, fc.find()) {
		if ginChoice && ex.Kind == KindDebugMode && ginDebug.MatchString(ex.Detail+" "+fc.line(ex.Evidence[0].Line-1)) {
			d.mu.Lock()
			d.ginChoices = append(d.ginChoices, ex)
			d.mu.Unlock()
			continue
		}
		if fc.lang == langPython && ex.Kind == KindDebugMode && strings.HasPrefix(ex.Detail, "app runs with debug=True") {
			if fn, ok := scriptOnly(src, ex.Evidence[0].Line); ok {
				d.mu.Lock()
				d.devRuns = append(d.devRuns, devRun{exit: ex, fn: fn})
				d.mu.Unlock()
				continue
			}
		}
		if fc.lang == langRuby && railsDevEnvironment(f.Path) {
			continue // development's or the test suite's own settings (a local mail catcher)
		}
		out.AddExit(ex)
	}
	return nil
}

// railsDevEnvironment: Rails' development or test environment settings
// (config/environments/development.rb), which production never loads.
func railsDevEnvironment(p string) bool {
	if path.Base(path.Dir(p)) != "environments" {
		return false
	}
	switch path.Base(p) {
	case "development.rb", "test.rb":
		return true
	}
	return false
}

// noteScripts records the functions console scripts run.
func (d *Detector) noteScripts(src string) {
	if !strings.Contains(src, "scripts") {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, m := range consoleScript.FindAllStringSubmatch(src, -1) {
		if d.scripts == nil {
			d.scripts = map[string]bool{}
		}
		d.scripts[m[1]] = true
	}
}

// scriptOnly says the Python statement at line (1-based) runs only when
// its file runs as a script: it is inside the if __name__ == "__main__"
// block, or inside a top-level function that nothing in the file calls
// but that block. fn is that function's name ("" for the block).
func scriptOnly(src string, line int) (fn string, ok bool) {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return "", false
	}
	// The top-level statement the line belongs to.
	top := ""
	for i := line - 1; i >= 0; i-- {
		l := lines[i]
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		if l[0] != ' ' && l[0] != '\t' && !strings.HasPrefix(l, "@") {
			top = l
			break
		}
	}
	if mainGuard.MatchString(top) {
		return "", true
	}
	m := pyDef.FindStringSubmatch(top)
	if m == nil {
		return "", false
	}
	fn = m[1]
	// Every call of fn in the file is in the __main__ block; an import
	// of it elsewhere, or an entry point, is handled at Finish (scripts).
	called, inMain := false, false
	call := regexp.MustCompile(`\b` + regexp.QuoteMeta(fn) + `\s*\(`)
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if len(l) > 0 && l[0] != ' ' && l[0] != '\t' && t != "" && !strings.HasPrefix(t, "#") {
			inMain = mainGuard.MatchString(l)
		}
		if pyDef.MatchString(l) || !call.MatchString(l) {
			continue
		}
		if !inMain {
			return "", false
		}
		called = true
	}
	return fn, called
}

func (d *Detector) setRelease() {
	d.mu.Lock()
	d.release = true
	d.mu.Unlock()
}

// Finish implements detector.Finisher: gin's debug mode where the code
// chooses between it and release is an exit unless the build or main
// chooses release.
func (d *Detector) Finish(_ context.Context, out *detector.Sink) error {
	// A debug run reached only from a script's entry is the development
	// server: where a WSGI server serves the app in production, it is not
	// what runs there, unless a console script the package installs runs it.
	for _, r := range d.devRuns {
		if d.wsgi && (r.fn == "" || !d.scripts[r.fn]) {
			continue
		}
		out.AddExit(r.exit)
	}
	if d.release {
		return nil
	}
	for _, ex := range d.ginChoices {
		out.AddExit(ex)
	}
	return nil
}

// goPackageMain reports a Go file of package main.
func goPackageMain(src string) bool {
	return strings.HasPrefix(src, "package main") || strings.Contains(src, "\npackage main")
}

// The languages rules are written for, by family: TypeScript is read
// with JavaScript's rules.
const (
	langNone   = lang.None
	langPython = lang.Python
	langJS     = lang.JavaScript
	langGo     = lang.Go
	langRuby   = lang.Ruby
	langCSharp = lang.CSharp
)

// langOf is the language whose rules read a file: server code in Python,
// JavaScript (with JSX and TypeScript), Go, Ruby or C#. Single-file
// components and type declarations hold no server code.
func langOf(p string) lang.Lang {
	switch l := lang.Of(p); l {
	case lang.Python, lang.Go, lang.JavaScript, lang.Ruby, lang.CSharp:
		return l
	case lang.JSX, lang.TypeScript, lang.TSX:
		return lang.JavaScript
	}
	return lang.None
}

// fileCtx is one file being read.
type fileCtx struct {
	path string
	lang lang.Lang
	src  string
	// starts holds the offset of each line (the text split at '\n'),
	// set by find.
	starts []int
	web    *bool // whether the file handles requests, computed on demand
	// cur is the index of the line a rule's check reads.
	cur int
}

// line is line i (0-based), without its newline.
func (fc *fileCtx) line(i int) string {
	end := len(fc.src)
	if i+1 < len(fc.starts) {
		end = fc.starts[i+1] - 1
	}
	return fc.src[fc.starts[i]:end]
}

// find runs the rules over every line. A statement matched by a rule is
// not matched again by the same kind on its continuation lines.
func (fc *fileCtx) find() []facts.Exit {
	g := gates()[fc.lang]
	if g == nil {
		return nil
	}
	var out []facts.Exit
	skipUntil := map[string]int{}
	var masks []uint64
	masks, fc.starts = g.masks(fc.src)
	for i, mask := range masks {
		if mask == 0 {
			continue // no rule's trigger on the line
		}
		line := fc.line(i)
		if lang.IsCommentLine(fc.lang, line) {
			continue
		}
		line = lang.CutLineComment(fc.lang, line)
		for ; mask != 0; mask &= mask - 1 {
			r := g.rules[bits.TrailingZeros64(mask)]
			if i < skipUntil[r.kind] || !containsAny(line, r.triggers) ||
				!r.gate.MayMatch(line, "") || !r.first.MatchString(line) || (r.not != nil && r.not.MatchString(line)) {
				continue
			}
			stmt, last := fc.statement(i)
			if r.stmt != nil && !r.stmt.MatchString(stmt) {
				a, ok := fc.assignedAbove(i, stmt, r.stmt, r.hop)
				if !ok {
					continue
				}
				// The check reads the error text where it was taken.
				stmt = a + "\n" + stmt
			}
			detail := r.detail
			fc.cur = i
			if r.check != nil {
				d, ok := r.check(fc, stmt)
				if !ok {
					continue
				}
				if d != "" {
					detail = d
				}
			}
			skipUntil[r.kind] = last + 1
			out = append(out, facts.Exit{Kind: r.kind, Detail: detail, Evidence: []facts.Evidence{{File: fc.path, Line: i + 1}}})
		}
	}
	return out
}

// statement is line i joined with the lines that continue it, until the
// brackets opened on it are closed; it returns the index of the last line.
func (fc *fileCtx) statement(i int) (string, int) {
	depth := 0
	var b strings.Builder
	j := i
	for ; j < len(fc.starts) && j < i+maxStatementLines; j++ {
		line := lang.CutLineComment(fc.lang, fc.line(j))
		if j > i {
			b.WriteByte('\n')
		}
		b.WriteString(line)
		depth += bracketDelta(line)
		if depth <= 0 {
			break
		}
	}
	return b.String(), min(j, len(fc.starts)-1)
}

// bracketDelta counts brackets opened minus closed on a line (comments
// already stripped), outside string literals.
func bracketDelta(line string) int {
	d := 0
	var quote byte
	for k := 0; k < len(line); k++ {
		c := line[k]
		if quote != 0 {
			if c == '\\' {
				k++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '"', '\'', '`':
			quote = c
		case '(', '[', '{':
			d++
		case ')', ']', '}':
			d--
		}
	}
	return d
}

// isWeb reports whether the file handles HTTP requests, for rules (CSV
// writers) that are only an exit when their output goes to a client.
func (fc *fileCtx) isWeb() bool {
	if fc.web == nil {
		w := false
		for _, k := range webMarkers {
			if strings.Contains(fc.src, k) {
				w = true
				break
			}
		}
		fc.web = &w
	}
	return *fc.web
}

var webMarkers = []string{"request", "Request", "(req, res", "res.", "router", "Router", "@app.", "http.ResponseWriter",
	"gin.Context", "echo.Context", "fiber.Ctx", "HttpResponse", "NextResponse", "express("}

// hopLines is how far above a response its sent value's assignment is
// looked for.
const hopLines = 8

var (
	// assignTo is an assignment's target: a name, or a name's field or
	// key (r.data = {...}, body["error"] = ...).
	assignTo = re(`^\s*(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)((?:\.[\w$]+|\[[^\]\n]*\])*)\s*:?=[^=]`)
	// sentName is a name in a response's statement (assignedAbove keeps
	// the values: not a call, a member after a dot, or a keyword
	// argument's name).
	sentName = re(`[A-Za-z_$][\w$]*`)
	// fnStart opens a function, where the hop stops.
	fnStart = re(`^\s*(?:async\s+)?def\s|^func\b|\bfunction\b|=>\s*\{?\s*$`)
)

// assignedAbove is the statement, within hopLines above line i and in
// the same function, that last assigned a name the response statement
// sends (the whole name, or one of its fields), when that statement
// matches text: the error's text taken one statement before it is sent.
func (fc *fileCtx) assignedAbove(i int, stmt string, text *regexp.Regexp, hop bool) (string, bool) {
	if !hop {
		return "", false
	}
	sent := map[string]bool{}
	code := blankStrings(stmt)
	for _, m := range sentName.FindAllStringSubmatchIndex(code, -1) {
		after := strings.TrimLeft(code[m[1]:], " \t")
		if m[0] > 0 && code[m[0]-1] == '.' || strings.HasPrefix(after, "(") || strings.HasPrefix(after, "=") && !strings.HasPrefix(after, "==") {
			continue
		}
		sent[code[m[0]:m[1]]] = true
	}
	done := map[string]bool{}
	for j := i - 1; j >= 0 && j >= i-hopLines; j-- {
		l := lang.CutLineComment(fc.lang, fc.line(j))
		m := assignTo.FindStringSubmatch(l)
		if m != nil && sent[m[1]] && !done[m[1]] {
			a, _ := fc.statement(j)
			if text.MatchString(a) {
				return a, true
			}
			// The nearest assignment of the whole name is its value;
			// a field's is one of several.
			done[m[1]] = m[2] == ""
		}
		if fnStart.MatchString(l) {
			break
		}
	}
	return "", false
}
