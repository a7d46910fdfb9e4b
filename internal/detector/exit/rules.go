package exit

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// rule is one way data leaves. triggers are substrings of which the line
// must hold one (they are also the detector's file keywords);
// first must match that line (where the call or assignment starts); stmt,
// if set, must match the whole statement (the call's continuation lines);
// not, if set, rejects the line; check, if set, decides last and may
// refine the detail.
type rule struct {
	kind     string
	lang     lang.Lang
	triggers []string
	first    *regexp.Regexp
	stmt     *regexp.Regexp
	not      *regexp.Regexp
	detail   string
	check    func(fc *fileCtx, stmt string) (detail string, ok bool)
	// hop lets stmt match instead in the statement that last assigned a
	// name the response sends, a few lines above in the same function
	// (msg := err.Error(); c.JSON(500, gin.H{"error": msg})).
	hop bool

	// gate keeps first off lines that lack the literals it needs: most
	// lines with a trigger (".p" is on any line that calls .push). Set by
	// gates, on first use.
	gate *regexgate.Gate
}

var re = regexp.MustCompile

// Error text shapes and response calls, per language.
var (
	pyExcText = re(`\b(?:str|repr)\(\s*(?:e|ex|exc|err|error|exception)\s*\)|\{(?:e|ex|exc|err|error|exception)(?:!r)?\}|\b(?:e|ex|exc|err|error)\.args\b|traceback\.format_exc(?:eption)?\(`)
	pyRespond = re(`^\s*(?:return\b|raise\s+HTTPException|abort\()|\b(?:jsonify|JSONResponse|HTTPException|make_response|HttpResponse|JsonResponse|PlainTextResponse)\(`)
	pyLogCall = re(`^\s*(?:(?:\w+\.)*(?:logger|logging|log)\.\w+|print)\(`)

	jsRespond = re(`\b(?:res|response|reply)\s*(?:\.\s*(?:status|code)\([^)]*\))?\s*\.\s*(?:json|send|end|write|jsonp)\s*\(|\b(?:NextResponse|Response)\.json\(|new\s+Response\(|\bctx\.body\s*=`)
	jsErrText = re(`\b(?:e|ex|err|error|exception|er)\s*\.\s*(?:stack|message)\b|\bString\(\s*(?:e|ex|err|error)\s*\)|\b(?:e|ex|err|error)\.toString\(\)|\$\{\s*(?:e|ex|err|error)\s*\}`)

	goRespond = re(`\bhttp\.Error\(|\bc\.(?:JSON|String|AbortWithStatusJSON|SendString|XML|IndentedJSON|JSONP|PureJSON)\(|\bc\.Status\([^)]*\)\.(?:JSON|SendString|Send)\(|\bw\.Write\(|\bfmt\.Fprint\w*\(\s*w\s*,|json\.NewEncoder\(\s*w\s*\)\.Encode\(|\becho\.NewHTTPError\(|\bfiber\.NewError\(`)
	goErrText = re(`\b(?:e|err|error)\.Error\(\)|\bfmt\.Fprint\w*\(\s*w\s*,.*\berr\s*\)`)
)

// errorDetail says what an error response gives away.
func errorDetail(_ *fileCtx, stmt string) (string, bool) {
	switch {
	case strings.Contains(stmt, "format_exc"):
		return "error response includes the traceback", true
	case strings.Contains(stmt, ".stack"):
		return "error response includes the stack trace", true
	}
	return "error response includes the exception message", true
}

// jsErrorDetail is errorDetail for JavaScript: the message of an error
// the handler threw itself in the try block the catch closes (throw new
// Error("Missing parameter 'price'")) is the handler's own sentence, not
// internals: no exit, unless the stack goes with it.
//
// So is the message of an error the branch has narrowed to the app's own
// classes (if (err instanceof ValidationError) with ValidationError
// defined in the file or imported from the app's own modules): the app
// wrote each sentence when it threw one.
func jsErrorDetail(fc *fileCtx, stmt string) (string, bool) {
	if !strings.Contains(stmt, ".stack") && (fc.catchesOwnThrow(fc.cur) || fc.narrowedToOwn(fc.cur)) {
		return "", false
	}
	return errorDetail(fc, stmt)
}

// goErrorDetail is errorDetail for Go: an error the handler made itself
// with a message it wrote (err := errors.New("record not found"),
// fmt.Errorf("no such campaign") with nothing wrapped), or one the
// branch has found equal to a fixed error value (if err == ErrNotFound,
// errors.Is(err, gorm.ErrRecordNotFound)), carries a sentence someone
// wrote, not the driver's or runtime's internals: no exit.
func goErrorDetail(fc *fileCtx, stmt string) (string, bool) {
	m := goErrVar.FindStringSubmatch(stmt)
	if m != nil && (fc.goOwnError(fc.cur, m[1]) || fc.goNarrowed(fc.cur, m[1]) || fc.goRenderError(fc.cur, m[1])) {
		return "", false
	}
	return errorDetail(fc, stmt)
}

var (
	goErrVar = re(`\b(\w+)\.Error\(\)`)
	goDefLn  = re(`^func\b`)
)

// goAssignment is the nearest assignment of v above line i in the same
// function: its right-hand side and its line; ok is false when the
// function starts first.
func (fc *fileCtx) goAssignment(i int, v string) (rhs string, at int, ok bool) {
	assign := re(`(?:^|[\s,(])` + regexp.QuoteMeta(v) + `\s*(?:,\s*\w+\s*)?:?=\s*(.*)$`)
	for j := i - 1; j >= 0 && j > i-40; j-- {
		l := fc.line(j)
		if goDefLn.MatchString(l) {
			return "", 0, false
		}
		if m := assign.FindStringSubmatch(l); m != nil && !strings.Contains(l, "==") {
			return strings.TrimSpace(m[1]), j, true
		}
	}
	return "", 0, false
}

// goOwnError reports whether the nearest assignment of v above line i,
// in the same function, makes a new error from a literal message.
func (fc *fileCtx) goOwnError(i int, v string) bool {
	rhs, _, ok := fc.goAssignment(i, v)
	switch {
	case !ok:
		return false
	case strings.HasPrefix(rhs, "errors.New(\""), strings.HasPrefix(rhs, "errors.New(`"):
		return true
	case strings.HasPrefix(rhs, "fmt.Errorf(\""), strings.HasPrefix(rhs, "fmt.Errorf(`"):
		return !strings.Contains(rhs, "%w") && !strings.Contains(rhs, "%v")
	}
	return false
}

// goRenderError reports whether the nearest assignment of v above line i,
// in the same function, is the error of rendering a template into the
// handler's own response writer (err := tmpl.Execute(w, data), err :=
// renderTemplate(page, ctx, r, w)): its text names the template or the
// connection, set by the app's own files, not a store's internals.
func (fc *fileCtx) goRenderError(i int, v string) bool {
	rhs, j, ok := fc.goAssignment(i, v)
	if !ok {
		return false
	}
	c := goRenderCall.FindStringSubmatch(rhs)
	if c == nil {
		return false
	}
	w := fc.goWriterName(j)
	if w == "" {
		return false
	}
	// The call's arguments, up to the line that reads the error.
	args := c[1]
	for k := j + 1; k < i; k++ {
		args += " " + fc.line(k)
	}
	return re(`(?:^|[(,])\s*` + regexp.QuoteMeta(w) + `\s*[,)]`).MatchString(args)
}

// goRenderCall is a template's Execute or ExecuteTemplate, or the app's
// render helper, with the start of its arguments.
var goRenderCall = re(`^(?:[\w.\[\]"]+\.)?(?:Execute|ExecuteTemplate|[Rr]ender\w*)\((.*)`)

// goWriterName is the name of the http.ResponseWriter parameter of the
// function around line i, or "".
func (fc *fileCtx) goWriterName(i int) string {
	for j := i; j >= 0 && j > i-200; j-- {
		l := fc.line(j)
		if goDefLn.MatchString(l) {
			if m := goWriterParam.FindStringSubmatch(l); m != nil {
				return m[1]
			}
			return ""
		}
	}
	return ""
}

var goWriterParam = re(`\b(\w+)\s+http\.ResponseWriter\b`)

// goNarrowed reports whether line i sits in an if (within a few lines
// above, indented less) that finds v equal to a fixed error value, or in
// a case of a switch on v that lists only such values (switch err {
// case ErrMalformed, ErrEmpty:).
func (fc *fileCtx) goNarrowed(i int, v string) bool {
	q := regexp.QuoteMeta(v)
	eq := re(`^\s*(?:\}\s*else\s+)?if\s+(?:` + q + `\s*==\s*[\w.]+|errors\.Is\(\s*` + q + `\s*,\s*[\w.]+\s*\))\s*\{`)
	ind := indentOf(fc.line(i))
	for j := i - 1; j >= 0 && j > i-5; j-- {
		l := fc.line(j)
		if strings.TrimSpace(l) == "" || indentOf(l) >= ind {
			continue
		}
		if goFixedCase.MatchString(l) {
			return fc.goSwitchOn(j, v)
		}
		return eq.MatchString(l)
	}
	return false
}

// goFixedCase is a case listing only named values (case ErrA, pkg.ErrB:),
// not nil or an expression.
var goFixedCase = re(`^\s*case\s+(?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*(?:\s*,\s*(?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*)*\s*:\s*$`)

// goSwitchOn reports whether the case on line c belongs to a switch on v:
// the nearest line above it at the case's own indent that is no case.
func (fc *fileCtx) goSwitchOn(c int, v string) bool {
	if strings.Contains(fc.line(c), "case nil") {
		return false
	}
	sw := re(`^\s*switch\s+` + regexp.QuoteMeta(v) + `\s*\{`)
	ind := indentOf(fc.line(c))
	for j := c - 1; j >= 0 && j > c-60; j-- {
		l := fc.line(j)
		if strings.TrimSpace(l) == "" || indentOf(l) > ind {
			continue
		}
		if indentOf(l) < ind {
			return false
		}
		if strings.HasPrefix(strings.TrimSpace(l), "case ") || strings.HasPrefix(strings.TrimSpace(l), "default:") {
			continue
		}
		return sw.MatchString(l)
	}
	return false
}

var (
	jsIfInstanceof = re(`\bif\s*\((.*\binstanceof\b.*)\)\s*(?:\{|return\b|res\b|$)`)
	jsInstanceof   = re(`^!?\s*\(?\s*[\w$.]+\s+instanceof\s+([\w$]+)\s*\)?$`)
	jsRequireLocal = re(`(?:const|let|var)\s+(?:\{([^}]*)\}|([\w$]+))\s*=\s*require\(\s*['"]((?:\.{1,2}|[@~])/[^'"]*)['"]`)
	jsImportLocal  = re(`import\s+(?:\{([^}]*)\}|([\w$]+))\s+from\s*['"]((?:\.{1,2}|[@~])/[^'"]*)['"]`)
)

// narrowedToOwn reports whether line i sits in (or on) an if whose test
// is only instanceof checks against classes the app defines, each an
// alternative (a || b): within that branch the error is one the app
// threw with its own message.
func (fc *fileCtx) narrowedToOwn(i int) bool {
	ind := indentOf(fc.line(i))
	for j := i; j >= 0 && j > i-5; j-- {
		l := fc.line(j)
		if j < i && (strings.TrimSpace(l) == "" || indentOf(l) >= ind) {
			continue
		}
		m := jsIfInstanceof.FindStringSubmatch(l)
		if m == nil {
			if j < i {
				return false // another block opens first
			}
			continue
		}
		for _, alt := range strings.Split(m[1], "||") {
			c := jsInstanceof.FindStringSubmatch(strings.TrimSpace(alt))
			if c == nil || strings.HasPrefix(strings.TrimSpace(alt), "!") || !fc.jsAppClass(c[1]) {
				return false
			}
		}
		return true
	}
	return false
}

// jsAppClass reports a class the app defines: in this file, or imported
// from one of the app's own modules (a relative path, or the project's
// @/ or ~/ alias).
func (fc *fileCtx) jsAppClass(name string) bool {
	if strings.Contains(fc.src, "class "+name+" ") || strings.Contains(fc.src, "class "+name+"{") {
		return true
	}
	for _, r := range []*regexp.Regexp{jsRequireLocal, jsImportLocal} {
		for _, m := range r.FindAllStringSubmatch(fc.src, -1) {
			if m[2] == name {
				return true
			}
			for _, n := range strings.Split(m[1], ",") {
				n = strings.TrimSpace(n)
				if n == name || strings.HasSuffix(n, ": "+name) || strings.HasSuffix(n, " as "+name) {
					return true
				}
			}
		}
	}
	return false
}

var (
	jsCatch    = re(`\bcatch\s*\(\s*\w+\s*\)\s*\{`)
	jsTry      = re(`\btry\s*\{`)
	jsOwnThrow = re("\\bthrow\\s+new\\s+\\w*Error\\(\\s*['\"`]")
	jsAnyThrow = re(`\bthrow\b`)
	jsAwaits   = re(`\bawait\b|\.then\(`)
)

// catchesOwnThrow reports whether line i is in a catch block (within a
// few lines of it) whose try block throws errors of its own making, each
// with a message the code wrote, and waits for no call that could throw
// another.
func (fc *fileCtx) catchesOwnThrow(i int) bool {
	catch := -1
	for j := i; j >= 0 && j > i-6; j-- {
		if jsCatch.MatchString(fc.line(j)) {
			catch = j
			break
		}
	}
	if catch < 0 {
		return false
	}
	var block []string
	for j := catch; j >= 0 && j > catch-80; j-- {
		l := fc.line(j)
		block = append(block, l)
		if jsTry.MatchString(l) {
			text := strings.Join(block, "\n")
			own := len(jsOwnThrow.FindAllStringIndex(text, -1))
			// A call the block waits for (a query, a fetch) throws its
			// own errors, with internals in their messages.
			return own > 0 && own == len(jsAnyThrow.FindAllStringIndex(text, -1)) && !jsAwaits.MatchString(text)
		}
	}
	return false
}

// pyHTTPAnswer is a Python statement that answers HTTP whatever function
// holds it: an abort, an HTTP exception, a response built. A bare return
// answers only from a handler (the rule reads where it is).
var pyHTTPAnswer = re(`^\s*(?:raise\s+\w*HTTPException|abort\()|\b(?:jsonify|JSONResponse|HTTPException|make_response|HttpResponse|JsonResponse|PlainTextResponse|Response)\(`)

// pyErrorDetail is errorDetail for Python, with what the statement is: an
// HTTP answer, or a return whose value is the function's caller's
// (facts.ExitReturnsError). The message of an exception the app defines
// itself (a class in the file, or imported from the app's own modules)
// is the app's own sentence, not internals: no exit, unless a traceback
// goes with it.
func pyErrorDetail(fc *fileCtx, stmt string) (string, bool) {
	d, _ := errorDetail(fc, stmt)
	if !strings.Contains(stmt, "format_exc") && !strings.Contains(stmt, "exc_info") && (fc.ownException(fc.cur) || fc.validationOnly(fc.cur)) {
		return "", false
	}
	if !pyHTTPAnswer.MatchString(stmt) {
		return facts.ExitReturnsError + ": " + d, true
	}
	return d, true
}

var (
	pyExcept    = re(`^(\s*)except\s*\(?\s*([\w.,\s]+?)\s*\)?\s*(?:as\s+\w+\s*)?:`)
	pyDefLine   = re(`^\s*(?:async\s+)?def\s`)
	pyFromLocal = re(`(?m)^\s*from\s+([\w.]+)\s+import\s+(\([^)]*\)|[^\n]*)`)
)

// ownException reports whether the except clause around line i (the
// nearest one above it, indented less, in the same function) catches
// only exception classes the app defines.
func (fc *fileCtx) ownException(i int) bool {
	j, m := fc.exceptAbove(i)
	if j < 0 {
		return false
	}
	names := strings.Split(m[2], ",")
	for _, n := range names {
		if !fc.appClass(strings.TrimSpace(n)) {
			return false
		}
	}
	return len(names) > 0
}

// exceptAbove finds the except clause around line i: its line and its
// match of pyExcept, or -1.
func (fc *fileCtx) exceptAbove(i int) (int, []string) {
	ind := indentOf(fc.line(i))
	for j := i - 1; j >= 0 && j > i-40; j-- {
		l := fc.line(j)
		if strings.TrimSpace(l) == "" || indentOf(l) >= ind {
			continue
		}
		if pyDefLine.MatchString(l) {
			return -1, nil
		}
		if m := pyExcept.FindStringSubmatch(l); m != nil {
			return j, m
		}
		ind = min(ind, indentOf(l))
	}
	return -1, nil
}

// pyBuildModel is a statement that builds one object of a class from
// values: card = CardCreate(number=number, ...).
var pyBuildModel = re(`^\s*\w+\s*=\s*([A-Z]\w*)(?:\.(?:model_validate|parse_obj))?\(`)

// validationOnly reports whether the except clause around line i guards
// a try whose body only builds one of the app's classes (a pydantic
// model from the query's parameters): what can fail there is the
// caller's input, and the message names the caller's own fields, no
// internals.
func (fc *fileCtx) validationOnly(i int) bool {
	exc, _ := fc.exceptAbove(i)
	if exc < 0 {
		return false
	}
	ind := indentOf(fc.line(exc))
	try := -1
	for j := exc - 1; j >= 0 && j > exc-40; j-- {
		l := fc.line(j)
		if strings.TrimSpace(l) == "" || indentOf(l) > ind {
			continue
		}
		if indentOf(l) == ind && strings.TrimSpace(l) == "try:" {
			try = j
		}
		break
	}
	if try < 0 {
		return false
	}
	var stmts []string
	body := -1
	for j := try + 1; j < exc; j++ {
		l := fc.line(j)
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		if body < 0 {
			body = indentOf(l)
		}
		if indentOf(l) == body && !strings.HasPrefix(strings.TrimSpace(l), ")") {
			stmts = append(stmts, l)
		}
	}
	if len(stmts) != 1 {
		return false
	}
	m := pyBuildModel.FindStringSubmatch(stmts[0])
	return m != nil && fc.appClass(m[1])
}

// appClass reports a class the app defines: in this file, or imported
// from a module of the app (a relative import, or one whose first name is
// a folder on this file's path).
func (fc *fileCtx) appClass(name string) bool {
	if name == "" || strings.Contains(name, ".") {
		return false
	}
	if strings.Contains(fc.src, "class "+name+"(") {
		return true
	}
	dirs := strings.Split(path.Dir(fc.path), "/")
	for _, m := range pyFromLocal.FindAllStringSubmatch(fc.src, -1) {
		if !slices.Contains(strings.FieldsFunc(m[2], func(r rune) bool { return r == ',' || r == '(' || r == ')' || r == ' ' || r == '\n' || r == '\t' }), name) {
			continue
		}
		mod := m[1]
		if strings.HasPrefix(mod, ".") || slices.Contains(dirs, strings.Split(mod, ".")[0]) {
			return true
		}
	}
	return false
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }

// Request data that should not reach a log.
var (
	pyRequestData = re(`\brequest\.(?:headers|json|get_json\(|data|form|body|cookies|META|values|stream)\b`)
	jsRequestData = re(`\b(?:req|request|ctx\.request|event)\.(?:headers|body|cookies)\b`)
	goRequestData = re(`\b(?:r|req|c\.Request)\.(?:Header|Body|Cookies\(\))|httputil\.DumpRequest`)
	// authHeader is the Authorization header read in code, not the word
	// in a message ("authorization denied").
	authHeader = re(`(?i)headers?\s*(?:\.get\(|\[)\s*['"]authorization['"]|\.headers\.authorization\b|\bauth(?:orization)?_?header\b`)

	pyLog = re(`^\s*(?:(?:\w+\.)*(?:logger|logging|log)\.(?:debug|info|warning|warn|error|exception|critical|log)|print)\(`)
	jsLog = re(`\b(?:console\.(?:log|info|debug|warn|error|trace)|(?:logger|log|winston|pino|fastify\.log|req\.log|request\.log)\.(?:info|debug|warn|error|trace|log|fatal))\(`)
	goLog = re(`\b(?:log|slog|logger|logrus|zap|fmt)\.(?:Print\w*|Info\w*|Debug\w*|Warn\w*|Error\w*|Fatal\w*|Panic\w*)\(`)
)

// logged accepts a log call that writes request data, looking at code
// only (a message that says "request.headers" logs nothing), and says
// which data it writes.
func logged(data *regexp.Regexp) func(*fileCtx, string) (string, bool) {
	return func(_ *fileCtx, stmt string) (string, bool) {
		code := blankStrings(stmt)
		auth := authHeader.MatchString(stmt)
		m := data.FindString(code)
		if m == "" && !auth {
			return "", false
		}
		lm := strings.ToLower(m)
		switch {
		case auth:
			return "logs the Authorization header", true
		case strings.Contains(lm, "header") || strings.Contains(lm, "meta") || strings.Contains(lm, "dumprequest"):
			return "logs request headers", true
		case strings.Contains(lm, "cookie"):
			return "logs request cookies", true
		}
		return "logs the request body", true
	}
}

// blankStrings empties the string literals of a statement, keeping their
// quotes, so only code is matched.
func blankStrings(s string) string {
	b := []byte(s)
	var quote byte
	for k := 0; k < len(b); k++ {
		c := b[k]
		if quote != 0 {
			switch {
			case c == '\\' && k+1 < len(b):
				b[k], b[k+1] = ' ', ' '
				k++
			case c == quote:
				quote = 0
			case c != '\n':
				b[k] = ' '
			}
			continue
		}
		if c == '"' || c == '\'' || c == '`' {
			quote = c
		}
	}
	return string(b)
}

// inWeb accepts a match only in a file that serves requests.
func inWeb(fc *fileCtx, _ string) (string, bool) { return "", fc.isWeb() }

// notHTML rejects sending a page (res.sendFile('index.html')): that is a
// static asset, not an export.
func notHTML(_ *fileCtx, stmt string) (string, bool) { return "", !strings.Contains(stmt, ".html") }

// inSettings accepts a DEBUG = True only in a settings or config module.
func inSettings(fc *fileCtx, _ string) (string, bool) {
	p := strings.ToLower(fc.path)
	return "", strings.Contains(p, "settings") || strings.Contains(p, "config")
}

// devPageInProduction accepts ASP.NET's developer exception page only
// where production runs it: not inside a test that the environment is
// development (if (env.IsDevelopment()), with or without braces), and not
// followed in the file by an exception handler production registers
// (UseExceptionHandler, unconditional or under !IsDevelopment()): that
// handler sits inside the page in the pipeline and answers every error
// with its own page first.
func devPageInProduction(fc *fileCtx, _ string) (string, bool) {
	lines := strings.Split(fc.src, "\n")
	dev := csDevOnly(fc.lang, lines)
	// The test may govern a call on its own line: if (...) app.Use...();
	devAt := func(i int) bool { return dev[i] || csDevTest.MatchString(lang.CutLineComment(fc.lang, lines[i])) }
	if devAt(fc.cur) {
		return "", false
	}
	for i := fc.cur + 1; i < len(lines); i++ {
		l := lang.CutLineComment(fc.lang, lines[i])
		if strings.Contains(l, ".UseExceptionHandler(") && !devAt(i) {
			return "", false
		}
	}
	return "", true
}

// csDevTest is a test that the environment is development, not negated;
// csNotDevTest the negated one, whose else block is development's.
var (
	csDevTest    = re(`\bif\s*\(\s*(?:\w+\.)*IsDevelopment\(\)\s*\)`)
	csNotDevTest = re(`\bif\s*\(\s*!\s*(?:\w+\.)*IsDevelopment\(\)\s*\)`)
)

// csDevOnly says, per line, whether a statement starting on it runs only
// in development: a block opened after a positive development test, or
// the single statement such a test governs without braces, or the else
// block of a negated test. Braces are counted outside comments and string
// literals.
func csDevOnly(l lang.Lang, lines []string) []bool {
	out := make([]bool, len(lines))
	var stack []bool     // per open block: opened under a development test
	var headers []string // per open block: the text that opened it
	closed := ""         // the header of the block that closed last
	var head strings.Builder
	inDev := func() bool { return slices.Contains(stack, true) }
	for i, raw := range lines {
		line := lang.CutLineComment(l, raw)
		// A statement starting here is governed by the text since the last
		// ';', '{' or '}' (a braceless if) and by the blocks it is in.
		out[i] = inDev() || csDevTest.MatchString(head.String())
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
			case '"', '\'':
				quote = c
			case '{':
				h := head.String()
				dev := csDevTest.MatchString(h) || strings.TrimSpace(h) == "else" && csNotDevTest.MatchString(closed)
				stack, headers = append(stack, dev), append(headers, h)
				head.Reset()
			case '}':
				if len(stack) > 0 {
					closed = headers[len(headers)-1]
					stack, headers = stack[:len(stack)-1], headers[:len(headers)-1]
				}
				head.Reset()
			case ';':
				head.Reset()
			default:
				head.WriteByte(c)
			}
		}
		head.WriteByte(' ')
	}
	return out
}

var rules = []rule{
	// error-response: the response call starts on the line; the error text
	// may be on its continuation lines.
	{kind: KindErrorResponse, lang: langPython, triggers: []string{"return", "raise", "abort(", "Response(", "jsonify(", "HTTPException("}, first: pyRespond, stmt: pyExcText, hop: true, not: pyLogCall, check: pyErrorDetail},
	{kind: KindErrorResponse, lang: langJS, triggers: []string{"res", "reply", "Response", "ctx.body"}, first: jsRespond, stmt: jsErrText, hop: true, check: jsErrorDetail},
	{kind: KindErrorResponse, lang: langGo, triggers: []string{"http.Error", "c.", "w.Write", "Fprint", "Encode(", "NewHTTPError", "NewError"}, first: goRespond, stmt: goErrText, hop: true, not: goLog, check: goErrorDetail},

	// debug-mode
	{kind: KindDebugMode, lang: langPython, triggers: []string{".run("}, first: re(`\.run\(`), stmt: re(`\bdebug\s*=\s*True\b`), detail: "app runs with debug=True: the interactive debugger and tracebacks are exposed"},
	{kind: KindDebugMode, lang: langPython, triggers: []string{"FastAPI(", "Starlette(", "Quart(", "Sanic("}, first: re(`\b(?:FastAPI|Starlette|Quart|Sanic)\(`), stmt: re(`\bdebug\s*=\s*True\b`), detail: "app created with debug=True: errors return tracebacks"},
	{kind: KindDebugMode, lang: langPython, triggers: []string{"debug"}, first: re(`\bapp\.debug\s*=\s*True\b`), detail: "app.debug = True: the interactive debugger is exposed"},
	{kind: KindDebugMode, lang: langPython, triggers: []string{"DEBUG"}, first: re(`\bconfig\[\s*['"]DEBUG['"]\s*\]\s*=\s*True\b|\bconfig\.update\(.*\bDEBUG\s*=\s*True\b`), detail: "app config sets DEBUG = True"},
	{kind: KindDebugMode, lang: langPython, triggers: []string{"DEBUG"}, first: re(`^\s*DEBUG\s*(?::\s*bool\s*)?=\s*True\b`), detail: "DEBUG = True in settings: error pages show settings and stack traces", check: inSettings},
	{kind: KindDebugMode, lang: langGo, triggers: []string{"DebugMode"}, first: re(`gin\.SetMode\(\s*gin\.DebugMode\s*\)`), detail: "gin runs in debug mode"},
	{kind: KindDebugMode, lang: langJS, triggers: []string{"errorhandler"}, first: re(`\.use\(\s*errorhandler\(`), detail: "errorhandler middleware sends stack traces to the client"},
	{kind: KindDebugMode, lang: langCSharp, triggers: []string{"UseDeveloperExceptionPage"}, first: re(`\.UseDeveloperExceptionPage\(`), detail: "the developer exception page is on outside development: error pages show the stack trace and source", check: devPageInProduction},

	// log
	{kind: KindLog, lang: langPython, triggers: []string{"log", "print("}, first: pyLog, check: logged(pyRequestData)},
	{kind: KindLog, lang: langJS, triggers: []string{"console.", "log", "winston", "pino"}, first: jsLog, check: logged(jsRequestData)},
	{kind: KindLog, lang: langJS, triggers: []string{"morgan"}, first: re(`morgan\(\s*['"\x60][^'"\x60]*:req\[`), detail: "request logger (morgan) logs request headers"},
	{kind: KindLog, lang: langGo, triggers: []string{"log", "Print", "slog", "zap"}, first: goLog, check: logged(goRequestData)},

	// email
	{kind: KindEmail, lang: langPython, triggers: []string{"smtplib"}, first: re(`\bsmtplib\.SMTP(?:_SSL)?\(`), detail: "sends e-mail over SMTP (smtplib)"},
	{kind: KindEmail, lang: langPython, triggers: []string{"send_mail"}, first: re(`\b(?:send_mail|send_mass_mail)\(`), detail: "sends e-mail (Django send_mail)"},
	{kind: KindEmail, lang: langPython, triggers: []string{"mail.send"}, first: re(`\bmail\.send\(`), detail: "sends e-mail (Flask-Mail)"},
	{kind: KindEmail, lang: langPython, triggers: []string{"_email("}, first: re(`\.send_(?:raw_)?email\(`), detail: "sends e-mail through Amazon SES"},
	{kind: KindEmail, lang: langPython, triggers: []string{"SendGridAPIClient"}, first: re(`\bSendGridAPIClient\(`), detail: "sends e-mail through SendGrid"},
	{kind: KindEmail, lang: langPython, triggers: []string{"Emails.send"}, first: re(`\bresend\.Emails\.send\(`), detail: "sends e-mail through Resend"},
	{kind: KindEmail, lang: langJS, triggers: []string{"sendMail"}, first: re(`\.sendMail\(`), detail: "sends e-mail (nodemailer)"},
	{kind: KindEmail, lang: langJS, triggers: []string{"sgMail"}, first: re(`\bsgMail\.send(?:Multiple)?\(`), detail: "sends e-mail through SendGrid"},
	{kind: KindEmail, lang: langJS, triggers: []string{"EmailCommand", "sendEmail"}, first: re(`\bnew\s+Send(?:Raw)?EmailCommand\(|\.sendEmail\(`), detail: "sends e-mail through Amazon SES"},
	{kind: KindEmail, lang: langJS, triggers: []string{"emails.send"}, first: re(`\bresend\.emails\.send\(`), detail: "sends e-mail through Resend"},
	{kind: KindEmail, lang: langGo, triggers: []string{"SendMail"}, first: re(`\bsmtp\.SendMail\(`), detail: "sends e-mail over SMTP (net/smtp)"},
	{kind: KindEmail, lang: langGo, triggers: []string{"NewSendClient"}, first: re(`\bsendgrid\.NewSendClient\(`), detail: "sends e-mail through SendGrid"},
	{kind: KindEmail, lang: langGo, triggers: []string{"SendEmail"}, first: re(`\.SendEmail(?:WithContext)?\(`), detail: "sends e-mail through Amazon SES"},
	{kind: KindEmail, lang: langGo, triggers: []string{"DialAndSend"}, first: re(`\.DialAndSend\(`), detail: "sends e-mail over SMTP (gomail)"},
	// Rails' Action Mailer sends over the SMTP server its settings name
	// (ActionMailer::Base.smtp_settings, config.action_mailer.smtp_settings).
	{kind: KindEmail, lang: langRuby, triggers: []string{"smtp_settings"}, first: re(`\bsmtp_settings\s*=`), detail: "sends e-mail over SMTP (Action Mailer)"},

	// export
	{kind: KindExport, lang: langPython, triggers: []string{"csv."}, first: re(`\bcsv\.(?:writer|DictWriter)\(`), detail: "writes CSV in a request handler", check: inWeb},
	{kind: KindExport, lang: langPython, triggers: []string{".to_"}, first: re(`\.to_(?:csv|excel)\(`), detail: "exports a data frame (CSV/Excel) in a request handler", check: inWeb},
	{kind: KindExport, lang: langPython, triggers: []string{"Workbook"}, first: re(`\b(?:openpyxl\.)?Workbook\(|xlsxwriter\.Workbook\(`), detail: "writes an Excel workbook in a request handler", check: inWeb},
	{kind: KindExport, lang: langPython, triggers: []string{"send_"}, first: re(`\bsend_(?:file|from_directory)\(`), detail: "sends files to the client (send_file)"},
	{kind: KindExport, lang: langPython, triggers: []string{"FileResponse"}, first: re(`\bFileResponse\(`), detail: "returns a file to the client (FileResponse)"},
	{kind: KindExport, lang: langJS, triggers: []string{"res."}, first: re(`\bres\.(?:download|attachment)\(`), detail: "sends a file download (res.download)"},
	{kind: KindExport, lang: langJS, triggers: []string{"sendFile"}, first: re(`\bres\.sendFile\(`), detail: "sends a file to the client (res.sendFile)", check: notHTML},
	{kind: KindExport, lang: langJS, triggers: []string{"CsvWriter", "Parser(", "json2csv"}, first: re(`\b(?:createObjectCsvWriter|createArrayCsvWriter)\(|\bnew\s+(?:Json2CsvParser|Parser)\(|\bjson2csv\.parse\(`), detail: "writes CSV in a request handler", check: inWeb},
	{kind: KindExport, lang: langJS, triggers: []string{"XLSX", "ExcelJS"}, first: re(`\bXLSX\.(?:write|writeFile|utils\.json_to_sheet)\(|\bnew\s+ExcelJS\.Workbook\(`), detail: "writes an Excel workbook in a request handler", check: inWeb},
	{kind: KindExport, lang: langGo, triggers: []string{"csv.NewWriter"}, first: re(`\bcsv\.NewWriter\(\s*(?:w|c\.Writer|c\.Response\(\)(?:\.Writer)?|rw)\s*\)`), detail: "writes CSV to the response"},
	{kind: KindExport, lang: langGo, triggers: []string{"excelize"}, first: re(`\bexcelize\.NewFile\(`), detail: "writes an Excel workbook in a request handler", check: inWeb},
	{kind: KindExport, lang: langGo, triggers: []string{"ServeFile", ".File", "Attachment("}, first: re(`\bhttp\.ServeFile\(|\bc\.(?:File|FileAttachment|Attachment)\(`), detail: "sends files to the client"},
	{kind: KindExport, lang: langGo, triggers: []string{"ttachment"}, first: re(`Content-Disposition"\s*,\s*"attachment`), detail: "sends a file download (Content-Disposition: attachment)"},

	// outbound-call
	{kind: KindOutboundCall, lang: langPython, triggers: []string{".p"}, first: re(`\b(?:requests|httpx|session|client|http)\.(?:post|put|patch)\(`), stmt: re(`\b(?:json|data|files|content)\s*=`), check: outbound},
	{kind: KindOutboundCall, lang: langJS, triggers: []string{"fetch("}, first: re(`\bfetch\(`), stmt: re(`\bbody\s*[:,}]`), check: outbound},
	{kind: KindOutboundCall, lang: langJS, triggers: []string{".p"}, first: re(`\b(?:axios|got|ky|http|client|api)\.(?:post|put|patch)\(`), stmt: re(`\.(?:post|put|patch)\(\s*(?:[^,()]|\([^()]*\))+,\s*[^\s)]`), check: outbound},
	{kind: KindOutboundCall, lang: langGo, triggers: []string{"Post"}, first: re(`\b(?:http|client|c|httpClient)\.Post(?:Form)?\(`), check: outbound},
	{kind: KindOutboundCall, lang: langGo, triggers: []string{"NewRequest"}, first: re(`\bhttp\.NewRequest(?:WithContext)?\(\s*(?:\w+\s*,\s*)?(?:"(?:POST|PUT|PATCH)"|http\.Method(?:Post|Put|Patch))\s*,`), not: re(`,\s*nil\s*\)`), check: outbound},
}

// --- outbound calls

var (
	callURL    = re(`(?:post|put|patch|fetch|Post|PostForm|NewRequest(?:WithContext)?)\(\s*(?:(?:ctx|context\.\w+\(\))\s*,\s*)?(?:(?:"(?:POST|PUT|PATCH)"|http\.Method\w+)\s*,\s*)?([^,)\n]+)`)
	identifier = re(`^[A-Za-z_][\w.]*$`)
	envName    = re(`(?:process\.env\.|import\.meta\.env\.)(\w+)|(?:getenv|environ\.get|Getenv)\(\s*["']([\w]+)`)
)

// outbound accepts a call that sends a body to a host that is not this
// product's, naming the host (never the path or query: they may hold
// tokens, as Slack webhook URLs do).
func outbound(fc *fileCtx, stmt string) (string, bool) {
	m := callURL.FindStringSubmatch(stmt)
	if m == nil {
		return "", false
	}
	target := strings.TrimSpace(m[1])
	if host, ok := literalHost(target); ok {
		if host == "" || code.LocalHost(host) {
			return "", false
		}
		return "sends data to " + host, true
	}
	if identifier.MatchString(target) {
		return "sends data to a URL from " + target, true
	}
	if m := envName.FindStringSubmatch(target); m != nil {
		return "sends data to a URL from " + m[1] + m[2], true
	}
	return "sends data to a computed URL", true
}

// literalHost reads the host of a URL literal (plain, f-string or template
// string); ok is false when the target is not a literal. A relative URL
// has no host.
func literalHost(target string) (host string, ok bool) {
	t := strings.TrimLeft(target, "fFrRbB")
	if t == "" || !strings.ContainsRune(`'"`+"`", rune(t[0])) {
		return "", false
	}
	s := strings.Trim(t, `'"`+"`")
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		if strings.HasPrefix(s, "${") || strings.HasPrefix(s, "{") {
			return "", false // a base URL from elsewhere
		}
		return "", true
	}
	return code.URLHost(s), true
}
