package code

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// maxHelperFile bounds the files read for helpers and the calls to them:
// a hand-written module is far smaller, a bundle copied in is no app's
// helper.
const maxHelperFile = 256 << 10

// maxHelperBody bounds a helper's body: a function that sends its
// argument does so within its first lines.
const maxHelperBody = 8000

// An app often reaches a vendor through a helper of its own: a method
// fetch(url) that adds a header and calls fetch, a Go DoPost(url, form)
// that builds the request, a Python _request(method, url). The call that
// names the vendor's URL is the helper's, which no HTTP client pattern
// knows; the helper's body is where the request goes out. Funcs reads the
// helpers a file defines, ArgCalls the calls that hand a fixed URL to a
// named function; the detector joins the two across the tree, a helper
// that hands its parameter to another helper included.

// Func is a function or method of a file that hands one of its
// parameters on as the target of a call: Param is the parameter's index
// (a method's self or cls not counted). Direct: an HTTP client's URL
// argument starts with the parameter (or with a local made from it);
// Passes: the other calls whose argument starts with it.
type Func struct {
	Name   string
	Param  int
	Direct bool
	Passes []Pass
}

// Pass is a call a function hands its parameter to: the callee's last
// name and the argument's index.
type Pass struct {
	Callee string
	Arg    int
}

// ArgCall is a call to a named function with a fixed http(s) URL as one
// of its arguments: Callee is the function's last name (this.fetch and
// api.fetch are fetch), Arg the argument's index.
type ArgCall struct {
	Callee    string
	Arg       int
	URL, Host string
	Off, End  int
}

var (
	jsFuncDeclRE = regexp.MustCompile(`\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*(?:<[^(){};]*>)?\s*\(`)
	// jsArrowRE: name = async (…) =>, name: (…) =>.
	jsArrowRE = regexp.MustCompile(`(#?[A-Za-z_$][\w$]*)\s*(?::\s*[^=;\n(]+?)?\s*[=:]\s*(?:async\s*)?(?:<[^(){};]*>)?\s*\(`)
	// jsMethodRE is a class or object method: [modifiers] name<T>(…) {.
	jsMethodRE = regexp.MustCompile(`(?m)^[ \t]*(?:(?:public|private|protected|static|async|override|readonly)\s+)*(#?[A-Za-z_$][\w$]*)\s*(?:<[^(){};]*>)?\s*\(`)
	pyDefRE    = regexp.MustCompile(`(?m)^([ \t]*)(?:async\s+)?def\s+(\w+)\s*\(`)
	goFuncRE   = regexp.MustCompile(`(?m)^func\s+(?:\([^)]*\)\s*)?(\w+)\s*(?:\[[^\]]*\])?\s*\(`)
	// calleeRE is a call: a name, type arguments, an open parenthesis.
	calleeRE = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*(?:<[^();=\n]*>)?\s*\(`)
	// localRE is a local assignment: x = …, const x = …, x := ….
	localRE    = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*(?::\s*[\w$<>\[\]|. ]+?)?\s*:?=\s*([^=>\n;][^\n;]*)`)
	nameHeadRE = regexp.MustCompile(`^[#A-Za-z_$][\w$]*`)
)

// notCallee are words followed by a parenthesis that call nothing a
// helper could be.
var notCallee = map[string]bool{
	"if": true, "for": true, "while": true, "switch": true, "catch": true, "function": true, "return": true,
	"await": true, "new": true, "typeof": true, "elif": true, "and": true, "or": true, "not": true, "in": true,
	"def": true, "func": true, "with": true, "except": true, "lambda": true, "super": true, "constructor": true,
	"async": true, "yield": true, "import": true, "require": true, "print": true, "len": true, "str": true,
}

// Funcs lists the functions of stripped source (comments blanked) that
// hand a parameter on as a call's target (Func).
func Funcs(l lang.Lang, stripped []byte) []Func {
	if len(stripped) > maxHelperFile {
		return nil
	}
	var out []Func
	eachFunc(l, string(stripped), func(name string, params []string, body string) {
		if notCallee[name] || len(params) == 0 {
			return
		}
		b := funcBody{l: l, body: body}
		for i, p := range params {
			if p == "" || p == "_" || !strings.Contains(body, p) {
				continue
			}
			if f, ok := b.funcOf(name, i, p); ok {
				out = append(out, f)
			}
		}
	})
	return out
}

// eachFunc calls fn with each function or method that s defines: its
// name, its parameters' names (a method's self or cls dropped) and its
// body.
func eachFunc(l lang.Lang, s string, fn func(name string, params []string, body string)) {
	switch l.Family() {
	case lang.JavaScript:
		seen := map[int]bool{}
		for _, re := range []*regexp.Regexp{jsFuncDeclRE, jsArrowRE, jsMethodRE} {
			for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
				open := m[1] - 1
				if seen[open] {
					continue
				}
				closeAt := closeParen(s, open)
				if closeAt < 0 {
					continue
				}
				start, end := jsBody(s, closeAt, re == jsArrowRE)
				if start < 0 {
					continue
				}
				seen[open] = true
				fn(s[m[2]:m[3]], paramNames(l, s[open+1:closeAt]), s[start:end])
			}
		}
	case lang.Python:
		for _, m := range pyDefRE.FindAllStringSubmatchIndex(s, -1) {
			open := m[1] - 1
			closeAt := closeParen(s, open)
			if closeAt < 0 {
				continue
			}
			indent := m[3] - m[2]
			end := pyBlockEnd(s, closeAt, indent)
			params := paramNames(l, s[open+1:closeAt])
			if len(params) > 0 && (params[0] == "self" || params[0] == "cls") {
				params = params[1:]
			}
			fn(s[m[4]:m[5]], params, s[closeAt:end])
		}
	case lang.Go:
		for _, m := range goFuncRE.FindAllStringSubmatchIndex(s, -1) {
			open := m[1] - 1
			closeAt := closeParen(s, open)
			if closeAt < 0 {
				continue
			}
			if brace := goBodyOpen(s, closeAt); brace >= 0 {
				fn(s[m[2]:m[3]], paramNames(l, s[open+1:closeAt]), s[brace:BlockEnd(s, brace, maxHelperBody)])
			}
		}
	}
}

// goBodyOpen is the brace that opens the body of a Go function whose
// parameters close at closeAt (its results skipped), or -1.
func goBodyOpen(s string, closeAt int) int {
	depth := 0
	for i := closeAt + 1; i < len(s) && i < closeAt+400; i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '{':
			head := strings.TrimSpace(s[closeAt+1 : i])
			if depth == 0 && !strings.HasSuffix(head, "interface") && !strings.HasSuffix(head, "struct") {
				return i
			}
		case '\n':
			if depth == 0 {
				return -1
			}
		}
	}
	return -1
}

// returnRE is a function's return statement and its value.
var returnRE = regexp.MustCompile(`\breturn\s+([^;\n]+)`)

// returnedURLs maps the functions of s that return a fixed URL (a base
// built in a method: getUrl() { const base = "https://..."; return
// `${base}/stable` }) to the URL their first return fixes.
func returnedURLs(l lang.Lang, s string, consts map[string]string) map[string]string {
	out := map[string]string{}
	if len(s) > maxHelperFile {
		return out
	}
	eachFunc(l, s, func(name string, _ []string, body string) {
		if notCallee[name] || !strings.Contains(body, "return") || !strings.Contains(body, "://") && !strings.Contains(body, "{") {
			return
		}
		if m := returnRE.FindStringSubmatch(body); m != nil {
			if u := fixedURL(strings.TrimSpace(m[1]), consts); URLHost(u) != "" {
				out[name] = u
			}
		}
	})
	return out
}

// funcBody is a function's body, with what funcOf reads of it once for
// all its parameters: the URL arguments of its HTTP client calls, its
// locals, its calls.
type funcBody struct {
	l       lang.Lang
	body    string
	read    bool
	urlArgs []string
	locals  [][]string // name, value
	calls   []bodyCall
	called  bool
}

type bodyCall struct {
	callee string
	args   []string
}

// funcOf reads what a function's body does with its parameter p.
func (b *funcBody) funcOf(name string, i int, p string) (Func, bool) {
	if !b.read {
		b.read = true
		if re := httpCallRE[b.l.Family()]; re != nil {
			for _, m := range re.FindAllStringIndex(b.body, -1) {
				args, _ := callArgs(b.body, m[1]-1)
				for _, a := range args {
					if !skippedArg.MatchString(a) {
						b.urlArgs = append(b.urlArgs, a)
						break
					}
				}
			}
		}
		if len(b.urlArgs) > 0 {
			for _, m := range localRE.FindAllStringSubmatch(b.body, -1) {
				b.locals = append(b.locals, []string{m[1], strings.TrimSpace(m[2])})
			}
		}
	}
	f := Func{Name: name, Param: i}
	if len(b.urlArgs) > 0 {
		names := []string{p}
		// One hop: a local made from the parameter (url = input.toString(),
		// proxied := rewrite(u)), not a URL of the helper's own that only
		// puts the parameter in its query.
		for _, lv := range b.locals {
			if lv[0] == p || notCallee[lv[0]] {
				continue
			}
			if lead := leadRE.FindStringSubmatch(lv[1]); lead != nil && lead[1] != "" {
				if startsWith(lv[1], []string{p}) {
					names = append(names, lv[0])
				}
				continue
			}
			if mentions(lv[1], p) {
				names = append(names, lv[0])
			}
		}
		for _, a := range b.urlArgs {
			if startsWith(a, names) {
				f.Direct = true
				break
			}
		}
	}
	if handedOn(b.body, p) {
		if !b.called {
			b.called = true
			for _, m := range calleeRE.FindAllStringSubmatchIndex(b.body, -1) {
				callee := b.body[m[2]:m[3]]
				if notCallee[callee] || m[2] > 0 && isIdentByte(b.body[m[2]-1]) {
					continue
				}
				b.calls = append(b.calls, bodyCall{callee, splitArgs(b.body, m[1]-1)})
			}
		}
		for _, c := range b.calls {
			for j, a := range c.args {
				if startsWith(a, []string{p}) {
					f.Passes = append(f.Passes, Pass{Callee: c.callee, Arg: j})
				}
			}
		}
	}
	return f, f.Direct || len(f.Passes) > 0
}

// handedOn reports whether p is written where an argument starts: after
// an open parenthesis or a comma, or as a template's or f-string's first
// placeholder.
func handedOn(body, p string) bool {
	for i := nextWord(body, p, false, 0); i >= 0; i = nextWord(body, p, false, i+len(p)) {
		k := i - 1
		for k >= 0 && IsSpace(body[k]) {
			k--
		}
		if k >= 0 && (body[k] == '(' || body[k] == ',' || body[k] == '{') {
			return true
		}
	}
	return false
}

// nextWord is the offset of the first whole-word name in s at or after
// from (not part of a longer identifier, nor a member after a dot), or
// -1; with dollar, a '$' on either side joins the word too (JavaScript's
// $name, name$).
func nextWord(s, name string, dollar bool, from int) int {
	if name == "" {
		return -1
	}
	joins := func(c byte) bool { return isIdentByte(c) || dollar && c == '$' }
	for from <= len(s) {
		n := strings.Index(s[from:], name)
		if n < 0 {
			return -1
		}
		i, j := from+n, from+n+len(name)
		if (i == 0 || !joins(s[i-1]) && s[i-1] != '.') && (j >= len(s) || !joins(s[j])) {
			return i
		}
		from = j
	}
	return -1
}

// startsWith reports whether an argument's value starts with one of the
// names: the name itself (url, url.toString(), new URL(url)), or a
// template or f-string whose first placeholder is it.
func startsWith(arg string, names []string) bool {
	arg = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(arg), "await "))
	arg = strings.TrimPrefix(arg, "new URL(")
	arg = strings.TrimPrefix(arg, "String(")
	if arg == "" {
		return false
	}
	var head string
	switch c := arg[0]; {
	case c == '`':
		head = strings.TrimPrefix(arg[1:], "${")
		if len(head) == len(arg)-1 {
			return false
		}
	case (c == 'f' || c == 'F') && len(arg) > 2 && (arg[1] == '"' || arg[1] == '\''):
		head = strings.TrimPrefix(arg[2:], "{")
		if len(head) == len(arg)-2 {
			return false
		}
	case c == '"' || c == '\'':
		return false
	default:
		head = arg
	}
	head = strings.TrimSpace(head)
	id := nameHeadRE.FindString(head)
	for _, n := range names {
		if id == n {
			return true
		}
	}
	return false
}

// mentions reports whether the name appears in s as a whole word.
func mentions(s, name string) bool {
	return nextWord(s, name, true, 0) >= 0
}

// closeParen is the offset of the parenthesis closing the one at open,
// strings skipped, or -1.
func closeParen(s string, open int) int {
	return lang.ClosingBracket(s[:min(len(s), open+4000)], open)
}

// closedBlock is the block that opens at open when it closes within
// maxHelperBody; -1 when it does not: a longer function is no helper, and
// an unterminated one in a broken file would otherwise be read again from
// every function it holds.
func closedBlock(s string, open int) (int, int) {
	end := BlockEnd(s, open, maxHelperBody)
	if end >= len(s) || s[end] != '}' {
		return -1, -1
	}
	return open, end
}

// jsBody is the body of a JavaScript function whose parameters close at
// closeAt: a block, or an arrow's expression; -1 when none follows (a
// call, not a definition).
func jsBody(s string, closeAt int, arrow bool) (int, int) {
	i := closeAt + 1
	for i < len(s) && IsSpace(s[i]) {
		i++
	}
	if i < len(s) && s[i] == ':' { // a return type
		depth := 0
		for i++; i < len(s) && i < closeAt+400; i++ {
			c := s[i]
			if c == '<' || c == '(' || c == '[' {
				depth++
			} else if (c == '>' && s[i-1] != '=') || c == ')' || c == ']' {
				depth--
			} else if depth == 0 && (c == '{' && !arrow || c == '=' && arrow && i+1 < len(s) && s[i+1] == '>') {
				break
			} else if c == ';' {
				return -1, -1
			}
		}
	}
	if i >= len(s) {
		return -1, -1
	}
	if !arrow {
		if s[i] != '{' {
			return -1, -1
		}
		return closedBlock(s, i)
	}
	if !strings.HasPrefix(s[i:], "=>") {
		return -1, -1
	}
	i += 2
	for i < len(s) && IsSpace(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '{' {
		return closedBlock(s, i)
	}
	// An expression body: to the end of the statement.
	depth := 0
	for j := i; j < len(s) && j < i+4000; j++ {
		switch s[j] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth < 0 {
				return i, j
			}
		case ';', '\n':
			if depth == 0 {
				return i, j
			}
		case ',':
			if depth == 0 {
				return i, j
			}
		}
	}
	return i, min(len(s), i+4000)
}

// pyBlockEnd is the end of the block of a def whose line is indented by
// indent: the first line after its head indented no deeper.
func pyBlockEnd(s string, from, indent int) int {
	i := strings.IndexByte(s[from:], '\n')
	if i < 0 {
		return len(s)
	}
	i += from + 1
	for i < len(s) {
		j := strings.IndexByte(s[i:], '\n')
		line := s[i:]
		if j >= 0 {
			line = s[i : i+j]
		}
		if t := strings.TrimSpace(line); t != "" && Indent(line) <= indent && !strings.HasPrefix(t, ")") {
			return i
		}
		if j < 0 {
			return len(s)
		}
		i += j + 1
	}
	return len(s)
}

// paramNames are a parameter list's names in order; "" for one that is
// destructured ({ url }) or otherwise not a plain name.
func paramNames(l lang.Lang, params string) []string {
	var out []string
	for _, p := range splitTop(params) {
		p = strings.TrimSpace(p)
		p = strings.TrimLeft(p, ".*")
		for _, mod := range []string{"public ", "private ", "protected ", "readonly "} {
			p = strings.TrimPrefix(p, mod)
		}
		p = strings.TrimSpace(p)
		out = append(out, nameHeadRE.FindString(p))
	}
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

// splitTop splits s at its top-level commas (strings, brackets and a
// type's angle brackets skipped).
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'', '`':
			i = lang.SkipString([]byte(s), i) - 1
		case '(', '[', '{', '<':
			depth++
		case ')', ']', '}':
			depth--
		case '>':
			if i == 0 || s[i-1] != '=' {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, s[start:])
	}
	return out
}

// splitArgs is the arguments of the call whose parenthesis is at open,
// at most eight.
func splitArgs(s string, open int) []string {
	closeAt := closeParen(s, open)
	if closeAt < 0 {
		return nil
	}
	var out []string
	depth, start := 0, open+1
	for i := open + 1; i < closeAt; i++ {
		switch c := s[i]; c {
		case '"', '\'', '`':
			i = lang.SkipString([]byte(s[:closeAt]), i) - 1
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
				if len(out) == 8 {
					return out
				}
			}
		}
	}
	if a := strings.TrimSpace(s[start:closeAt]); a != "" {
		out = append(out, a)
	}
	return out
}

// definition reports whether the name at off, its parenthesis at open,
// heads a function's definition rather than a call.
func definition(l lang.Lang, s string, off, open int) bool {
	lineStart := strings.LastIndexByte(s[:off], '\n') + 1
	before := strings.TrimSpace(s[lineStart:off])
	switch l.Family() {
	case lang.Go:
		return strings.HasPrefix(before, "func")
	case lang.Python:
		return strings.HasSuffix(before, "def")
	case lang.JavaScript:
		if strings.HasSuffix(before, "function") || strings.HasSuffix(before, "function*") {
			return true
		}
		closeAt := closeParen(s, open)
		if closeAt < 0 {
			return false
		}
		start, _ := jsBody(s, closeAt, false)
		arrow, _ := jsBody(s, closeAt, true)
		return start >= 0 || arrow >= 0
	}
	return false
}

// ArgCalls lists the calls of stripped source that hand a fixed http(s)
// URL (a literal, or a constant, field or template that starts with one)
// to a named function, whatever the function is: the detector keeps
// those whose callee is a helper that sends its argument (Funcs).
func ArgCalls(l lang.Lang, stripped []byte) []ArgCall {
	if len(stripped) > maxHelperFile || !strings.Contains(string(stripped), "://") {
		return nil
	}
	s := string(stripped)
	consts := urlNames(l, stripped)
	// Where a URL or a name holding one is written: a call's URL argument
	// starts within a few hundred bytes of its parenthesis.
	var marks []int
	for i := strings.Index(s, "://"); i >= 0; {
		marks = append(marks, i)
		j := strings.Index(s[i+3:], "://")
		if j < 0 {
			break
		}
		i += 3 + j
	}
	for name, v := range consts {
		if URLHost(v) == "" {
			continue
		}
		for i := strings.Index(s, name); i >= 0; {
			marks = append(marks, i)
			j := strings.Index(s[i+len(name):], name)
			if j < 0 {
				break
			}
			i += len(name) + j
		}
	}
	slices.Sort(marks)
	near := func(open int) bool {
		k, _ := slices.BinarySearch(marks, open)
		return k < len(marks) && marks[k]-open < 400
	}
	var out []ArgCall
	for _, m := range calleeRE.FindAllStringSubmatchIndex(s, -1) {
		callee := s[m[2]:m[3]]
		if notCallee[callee] || m[2] > 0 && (isIdentByte(s[m[2]-1]) || s[m[2]-1] == '$') {
			continue
		}
		open := m[1] - 1
		if !near(open) {
			continue
		}
		def := -1 // unknown until an argument fixes a URL
		for j, a := range splitArgs(s, open) {
			if a == "" || !strings.ContainsAny(a[:1], "\"'`fFrRuU") && !strings.Contains(a, ".") && consts[nameHeadRE.FindString(a)] == "" {
				continue // neither a literal nor a name that holds a URL
			}
			u := fixedURL(a, consts)
			if h := URLHost(u); h != "" {
				if def < 0 {
					def = 0
					if definition(l, s, m[2], open) {
						def = 1
					}
				}
				if def == 1 {
					break // a function's own head: its defaults are no call
				}
				out = append(out, ArgCall{Callee: strings.TrimPrefix(callee, "#"), Arg: j, URL: u, Host: h, Off: m[0], End: closeParen(s, open)})
			}
		}
	}
	return out
}

// A vendor's client often inherits its requests: an abstract base class
// sends every request to `${this.baseUrl}${path}`, and each vendor's
// subclass only sets baseUrl. SentFields reads the fields a file's HTTP
// client calls send to, InheritedFieldURLs the fields a subclass sets to a
// fixed URL; the detector joins them across the tree by the field's name.

// classExtendsRE opens a class that extends another: JavaScript's
// class A extends B {, Python's class A(B):.
var (
	jsClassExtendsRE = regexp.MustCompile(`\bclass\s+[\w$]+(?:<[^{}]*?>)?\s+extends\s+[\w$.]+(?:<[^{}]*?>)?\s*(?:implements\s+[^{]+)?\{`)
	pyClassExtendsRE = regexp.MustCompile(`(?m)^([ \t]*)class\s+\w+\s*\(\s*[A-Za-z_][\w.]*[^)]*\)\s*:`)
	// fieldLeadRE is a URL expression that starts with a field of this
	// (self): this.baseUrl, `${this.baseUrl}/x`, f"{self.base_url}/x".
	fieldLeadRE = regexp.MustCompile(`^(?:new\s+URL\(\s*)?(?:[fF]?["'` + "`" + `]\$?\{\s*)?(?:this|self)\.#?([A-Za-z_$][\w$]*)`)
)

// SentFields lists the fields of this (self) that lead the URL an HTTP
// client call of stripped source sends to, directly or through a local
// made from one (const url = new URL(`${this.baseUrl}${path}`)).
func SentFields(l lang.Lang, stripped []byte) []string {
	re := httpCallRE[l.Family()]
	if re == nil || len(stripped) > maxHelperFile || !strings.Contains(string(stripped), "this.") && !strings.Contains(string(stripped), "self.") {
		return nil
	}
	s := string(stripped)
	var locals map[string]string
	var out []string
	for _, m := range re.FindAllStringIndex(s, -1) {
		args, _ := callArgs(s, m[1]-1)
		for _, a := range args {
			if skippedArg.MatchString(a) {
				continue
			}
			if f := fieldLeadRE.FindStringSubmatch(strings.TrimSpace(a)); f != nil {
				out = append(out, f[1])
				break
			}
			if locals == nil {
				locals = map[string]string{}
				for _, lm := range localRE.FindAllStringSubmatch(s, -1) {
					if _, ok := locals[lm[1]]; !ok {
						locals[lm[1]] = strings.TrimSpace(lm[2])
					}
				}
			}
			if rhs, ok := locals[nameHeadRE.FindString(strings.TrimSpace(a))]; ok {
				if f := fieldLeadRE.FindStringSubmatch(rhs); f != nil {
					out = append(out, f[1])
				}
			}
			break
		}
	}
	return out
}

// FieldURL is a field a subclass sets to a fixed URL, and where.
type FieldURL struct {
	Name, URL, Host string
	Off             int
}

// InheritedFieldURLs lists the fields that classes extending another set
// to a fixed URL (a literal, or an environment setting's default).
func InheritedFieldURLs(l lang.Lang, stripped []byte) []FieldURL {
	if len(stripped) > maxHelperFile || !strings.Contains(string(stripped), "://") {
		return nil
	}
	s := string(stripped)
	var out []FieldURL
	read := func(from, to int) {
		for _, m := range urlValueRE.FindAllStringSubmatchIndex(s[from:to], -1) {
			u := s[from+m[4] : from+m[5]]
			if h := URLHost(u); h != "" {
				out = append(out, FieldURL{Name: s[from+m[2] : from+m[3]], URL: u, Host: h, Off: from + m[0]})
			}
		}
	}
	switch l.Family() {
	case lang.JavaScript:
		for _, m := range jsClassExtendsRE.FindAllStringIndex(s, -1) {
			open := m[1] - 1
			read(open, BlockEnd(s, open, 0))
		}
	case lang.Python:
		for _, m := range pyClassExtendsRE.FindAllStringSubmatchIndex(s, -1) {
			read(m[1], pyBlockEnd(s, m[1]-1, m[3]-m[2]))
		}
	}
	return out
}
