package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Build strings. A Go program often declares its version and commit as
// package variables with no value (var commit string) that the linker
// sets (-ldflags "-X main.commit=..."), copies them into a package the
// server reads (wtf.Commit = commit), and serves them under /debug
// (w.Write([]byte(wtf.Commit))). What the build wrote is no internal:
// no memory, configuration or secret is one request away. A variable is
// a build string when its declaration gives it no value and every
// assignment the code makes gives it literals and other build strings
// only; a handler serves only build strings when it calls nothing but
// the response's writers and every value it writes is one of them or a
// literal.

var (
	// goBareVar declares a string variable with no value, alone or in a
	// var ( ... ) block: var commit string, \tVersion string.
	goBareVar = regexp.MustCompile(`(?m)^(?:var[ \t]+)?[ \t]*([A-Za-z_]\w*)[ \t]+string[ \t]*(?://.*)?$`)
	// goVarBlock is a top-level var block or line.
	goVarBlock = regexp.MustCompile(`(?m)^var[ \t]*\((?s:.*?)^\)|^var[ \t]+\w+[ \t]+string[ \t]*$`)
	// goAssign assigns a package's or this package's variable: wtf.Commit
	// = commit, Version = strings.TrimPrefix(version, "v").
	goAssign = regexp.MustCompile(`(?m)(?:\b[A-Za-z_]\w*\.)?\b([A-Za-z_]\w*)[ \t]*=[ \t]*([^=\n][^\n]*)$`)
	// goStringLit is a Go string literal, quoted or raw.
	goStringLit = regexp.MustCompile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`")
	// responseWrite writes to the response: w.Write(...), io.WriteString(w, ...),
	// fmt.Fprintf(w, ...).
	responseWrite = regexp.MustCompile(`\b(?:\w+\.(?:Write|WriteString)|io\.WriteString|fmt\.Fprint(?:f|ln)?)\s*\(`)
)

// answerCalls are the calls a handler that only answers makes: the
// response's writers and header, and conversions.
var answerCalls = map[string]bool{
	"Write": true, "WriteString": true, "WriteHeader": true, "Header": true, "Set": true, "Add": true,
	"Fprint": true, "Fprintf": true, "Fprintln": true, "byte": true, "string": true, "TrimPrefix": true, "TrimSpace": true,
}

// buildVarsIn adds to bare the string variables a Go file declares at
// the top with no value, to from the names each name is assigned from,
// and to tainted the names assigned anything else (a call's answer).
func buildVarsIn(text string, bare map[string]bool, from map[string]map[string]bool, tainted map[string]bool) {
	for _, blk := range goVarBlock.FindAllString(text, -1) {
		for _, m := range goBareVar.FindAllStringSubmatch(blk, -1) {
			bare[m[1]] = true
		}
	}
	for _, m := range goAssign.FindAllStringSubmatch(text, -1) {
		n := m[1]
		if tainted[n] {
			continue
		}
		if !buildExpr(m[2]) {
			tainted[n] = true
			delete(from, n)
			continue
		}
		for _, v := range valueNames(m[2]) {
			if v == "byte" || v == "string" {
				continue
			}
			if from[n] == nil {
				from[n] = map[string]bool{}
			}
			from[n][v] = true
		}
	}
}

// valueNames are the names an expression reads as values: not the
// functions it calls nor the packages it names, and not in literals.
func valueNames(expr string) []string {
	expr = goStringLit.ReplaceAllString(expr, `""`)
	var out []string
	for _, loc := range identRE.FindAllStringIndex(expr, -1) {
		rest := strings.TrimLeft(expr[loc[1]:], " \t")
		if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, ".") {
			continue
		}
		out = append(out, expr[loc[0]:loc[1]])
	}
	return out
}

// stringHelpers reshape a string without reading anything else: a
// build string trimmed or formatted is still one.
var stringHelpers = map[string]bool{"TrimPrefix": true, "TrimSuffix": true, "TrimSpace": true, "Trim": true, "Sprintf": true, "Sprint": true, "string": true}

// buildExpr: an expression made of literals and names only, through
// string helpers (strings.TrimPrefix(version, "v")): no other call, whose
// answer the build did not write (os.Getenv("VERSION")).
func buildExpr(expr string) bool {
	for _, m := range callStart.FindAllStringSubmatch(goStringLit.ReplaceAllString(expr, `""`), -1) {
		callee := strings.ReplaceAll(m[1], " ", "")
		if !stringHelpers[callee[strings.LastIndex(callee, ".")+1:]] {
			return false
		}
	}
	return true
}

// buildStrings are the bare variables every assignment of which gives
// literals and other build strings only, by name.
func buildStrings(bare map[string]bool, from map[string]map[string]bool, tainted map[string]bool) map[string]bool {
	out := map[string]bool{}
	for n := range bare {
		if !tainted[n] {
			out[n] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for n := range out {
			for v := range from[n] {
				if !out[v] {
					delete(out, n)
					changed = true
					break
				}
			}
		}
	}
	return out
}

// buildInfoOnly is a build-info-only signal when r's Go handler calls
// nothing but the response's writers and writes only literals and build
// strings.
func (d *Calls) buildInfoOnly(r *facts.Route) []facts.Signal {
	if d == nil || len(d.buildStrings) == 0 || lang.Of(r.File).Family() != lang.Go || strings.TrimSpace(r.Body) == "" {
		return nil
	}
	body := string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
	// The body past the signature: the handler's own name and parameters
	// are not what it calls.
	open := strings.IndexByte(body, '{')
	if open < 0 {
		return nil
	}
	code := body[open:]
	wrote := false
	for _, m := range callStart.FindAllStringSubmatch(goStringLit.ReplaceAllString(code, `""`), -1) {
		callee := strings.ReplaceAll(m[1], " ", "")
		if !answerCalls[callee[strings.LastIndex(callee, ".")+1:]] {
			return nil
		}
	}
	for _, loc := range responseWrite.FindAllStringIndex(code, -1) {
		end := closing(code, loc[1]-1)
		if end < 0 {
			return nil
		}
		args := code[loc[1]:end]
		// The writer itself is the first argument of io.WriteString and
		// fmt.Fprint*: not a value written.
		if !strings.Contains(code[loc[0]:loc[1]], ".Write") || strings.HasPrefix(code[loc[0]:loc[1]], "io.") {
			if _, rest, ok := strings.Cut(args, ","); ok {
				args = rest
			}
		}
		for _, v := range valueNames(args) {
			if v != "byte" && v != "string" && !d.buildStrings[v] {
				return nil
			}
		}
		wrote = true
	}
	if !wrote {
		return nil
	}
	return []facts.Signal{{Kind: facts.SignalBuildInfoOnly, Route: r.Key(), In: facts.SignalInHandler, Evidence: facts.Evidence{File: r.File, Line: r.Line}}}
}
