package code

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// A URL is often built from parts: a host constant and a path, a base
// URL and an endpoint. The catalogue names some services by host and
// path (www.googleapis.com/youtube), which no single literal holds. These
// readers put the parts back together, from the file's own string
// constants, so a catalogue host can be found in the whole URL.

// Composed is a URL put together from parts, and where its expression
// starts in the stripped source.
type Composed struct {
	Text string
	Off  int
}

var (
	// NAME = "literal" (Go const/var/:=, Python module constants, JS const).
	goConstRE = regexp.MustCompile(`\b(\w+)\s*(?::=|=)\s*"([^"\n]*)"`)
	pyConstRE = regexp.MustCompile(`(?m)^[ \t]*(\w+)[ \t]*(?::[ \t]*\w+[ \t]*)?=[ \t]*[rRuU]?["']([^"'\n]*)["']`)
	jsConstRE = regexp.MustCompile("\\b(?:const|let|var)\\s+(\\w+)\\s*(?::\\s*\\w+\\s*)?=\\s*[\"'`]([^\"'`\\n$]*)[\"'`]")

	// An operand: a quoted literal or a name (the last part of a dotted
	// one: settings.API_BASE is API_BASE).
	operand = "(\"[^\"\\n]*\"|'[^'\\n]*'|`[^`\\n$]*`|[A-Za-z_][\\w.]*)"
	// A + B, where one side is a literal.
	concatRE = regexp.MustCompile(operand + `\s*\+\s*` + operand)
	// urljoin(A, B), url.JoinPath(A, B), path.Join-like joins of a base.
	joinRE = regexp.MustCompile(`\b(?:urljoin|urllib\.parse\.urljoin|url\.JoinPath|JoinPath)\(\s*` + operand + `\s*,\s*` + operand)
	// new URL(B, A): B resolved against the base A.
	newURLRE = regexp.MustCompile(`\bnew\s+URL\(\s*` + operand + `\s*,\s*` + operand + `\s*\)`)
	// fmt.Sprintf("https://%s/path", HOST) and Python's "..." % HOST.
	sprintfRE = regexp.MustCompile(`\bSprintf\(\s*"([^"\n]*%s[^"\n]*)"\s*,\s*` + operand)
	// f"https://{HOST}/v1" and `${BASE}/v1`.
	fstringRE  = regexp.MustCompile(`\b[fF]["']([^"'\n]*\{[^"'\n]*)["']`)
	templateRE = regexp.MustCompile("`([^`]*\\$\\{[^`]*)`")
	// Go's url.URL{Scheme: "https", Host: "api.x.com", Path: "/v1"}.
	goURLRE     = regexp.MustCompile(`\burl\.URL\{`)
	goHostRE    = regexp.MustCompile(`\bHost:\s*` + operand)
	goURLPathRE = regexp.MustCompile(`\bPath:\s*` + operand)
	// A placeholder: a name, or a call of one (${this.getUrl({ version: 2 })}).
	placeRE = regexp.MustCompile(`\$?\{\s*([A-Za-z_][\w.#]*)\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*\}`)
)

// ComposedURLs lists the URLs a file builds from its own constants and
// literals. Only compositions with at least one part known as text are
// listed; an unknown name stays as it was written.
func ComposedURLs(l lang.Lang, src []byte) []Composed {
	if !bytes.Contains(src, []byte("://")) && !bytes.Contains(src, []byte("Host:")) {
		return nil
	}
	consts := constants(l, src)
	value := func(op string) (string, bool) {
		if op == "" {
			return "", false
		}
		switch op[0] {
		case '"', '\'', '`':
			return op[1 : len(op)-1], true
		}
		v, ok := consts[lastName(op)]
		return v, ok
	}
	var out []Composed
	add := func(text string, off int) {
		if strings.Contains(text, ".") {
			out = append(out, Composed{Text: text, Off: off})
		}
	}
	s := string(src)
	both := func(m []int) (a, b string, ok bool) {
		a, okA := value(s[m[2]:m[3]])
		b, okB := value(s[m[4]:m[5]])
		return a, b, okA && okB
	}
	if strings.Contains(s, "+") {
		for _, m := range concatRE.FindAllStringSubmatchIndex(s, -1) {
			if a, b, ok := both(m); ok {
				add(a+b, m[0])
			}
		}
	}
	for _, m := range joinRE.FindAllStringSubmatchIndex(s, -1) {
		if a, b, ok := both(m); ok {
			add(joinURL(a, b), m[0])
		}
	}
	for _, m := range newURLRE.FindAllStringSubmatchIndex(s, -1) {
		if b, a, ok := both(m); ok {
			add(joinURL(a, b), m[0])
		}
	}
	if l.Family() == lang.Go {
		for _, m := range sprintfRE.FindAllStringSubmatchIndex(s, -1) {
			if v, ok := value(s[m[4]:m[5]]); ok {
				add(strings.Replace(s[m[2]:m[3]], "%s", v, 1), m[0])
			}
		}
		for _, loc := range goURLRE.FindAllStringIndex(s, -1) {
			body := s[loc[1]:BlockEnd(s, loc[1]-1, 0)]
			h := goHostRE.FindStringSubmatch(body)
			if h == nil {
				continue
			}
			host, ok := value(h[1])
			if !ok {
				continue
			}
			if p := goURLPathRE.FindStringSubmatch(body); p != nil {
				if path, ok := value(p[1]); ok {
					host = joinURL(host, path)
				}
			}
			add(host, loc[0])
		}
	}
	fill := func(re *regexp.Regexp) {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			known := false
			text := placeRE.ReplaceAllStringFunc(s[m[2]:m[3]], func(p string) string {
				name := placeRE.FindStringSubmatch(p)[1]
				if v, ok := value(name); ok {
					known = true
					return v
				}
				return p
			})
			if known {
				add(text, m[0])
			}
		}
	}
	switch l.Family() {
	case lang.Python:
		fill(fstringRE)
	case lang.JavaScript:
		fill(templateRE)
	}
	return out
}

// constants maps the names a file gives string literals to their text.
// A name given two values keeps the first: the parts are a hint, and a
// wrong one only misses a host.
func constants(l lang.Lang, src []byte) map[string]string {
	var re *regexp.Regexp
	switch l.Family() {
	case lang.Go:
		re = goConstRE
	case lang.Python:
		re = pyConstRE
	case lang.JavaScript:
		re = jsConstRE
	default:
		return nil
	}
	out := map[string]string{}
	for _, m := range re.FindAllSubmatch(src, -1) {
		if _, ok := out[string(m[1])]; !ok {
			out[string(m[1])] = string(m[2])
		}
	}
	return out
}

// joinURL joins a base and a path with one slash.
func joinURL(base, path string) string {
	if strings.Contains(path, "://") {
		return path // an absolute URL ignores its base
	}
	return strings.TrimRight(base, "/") + "/" + strings.TrimLeft(path, "/")
}

// BlockEnd is the offset of the brace closing the one at open, or the
// end of s; with limit > 0 it looks no further than limit bytes (a
// bound for callers that scan many blocks).
func BlockEnd(s string, open, limit int) int {
	end := len(s)
	if limit > 0 {
		end = min(end, open+limit)
	}
	depth := 0
	for i := open; i < end; i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return end
}

// InLogCall reports whether off sits in the arguments of a call that
// logs, prints or makes an error message: a URL there is text for a
// person, not a request. It reads back from off to the call's open
// parenthesis, at most a few hundred bytes.
func InLogCall(src []byte, off int) bool {
	depth := 0
	for i := off - 1; i >= 0 && off-i < 600; i-- {
		switch src[i] {
		case ')', ']':
			depth++
		case '[':
			depth--
		case '(':
			if depth > 0 {
				depth--
				continue
			}
			j := i
			for j > 0 && (isIdentByte(src[j-1]) || src[j-1] == '.') {
				j--
			}
			return logCallee(string(src[j:i]))
		case ';', '{', '}':
			if depth == 0 {
				return false
			}
		}
	}
	return false
}

// logCallee: print, fmt.Printf, console.log, errors.New, fmt.Errorf, and
// a logging method (info, Warnf, error, ...) of something named a log or
// logger (log, logging, slog, self.logger, app.log).
func logCallee(callee string) bool {
	switch callee {
	case "print", "println", "printf", "errors.New", "fmt.Errorf":
		return true
	}
	if strings.HasPrefix(callee, "console.") || strings.HasPrefix(callee, "fmt.Print") || strings.HasPrefix(callee, "fmt.Fprint") {
		return true
	}
	i := strings.LastIndexByte(callee, '.')
	if i <= 0 {
		return false
	}
	recv, method := callee[:i], strings.ToLower(callee[i+1:])
	named := false
	for _, w := range Words(recv[strings.LastIndexByte(recv, '.')+1:]) {
		switch w {
		case "log", "logger", "logging", "slog", "logrus", "zap", "klog", "glog":
			named = true
		}
	}
	if !named {
		return false
	}
	method = strings.TrimSuffix(strings.TrimSuffix(method, "f"), "ln")
	switch method {
	case "debug", "info", "warn", "warning", "error", "exception", "critical", "fatal", "trace", "log", "print", "panic", "notice":
		return true
	}
	return false
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// mockModules fake an HTTP API: a file that imports one names the hosts
// it stands in for, and calls none of them.
var mockModules = map[string]bool{
	"nock": true, "msw": true, "msw/node": true, "fetch-mock": true, "jest-fetch-mock": true, "axios-mock-adapter": true, "miragejs": true,
	"responses": true, "respx": true, "requests_mock": true, "httpretty": true, "aioresponses": true, "pytest_httpx": true,
	"net/http/httptest": true, "github.com/jarcoal/httpmock": true, "gopkg.in/h2non/gock.v1": true, "github.com/h2non/gock": true,
}

// ImportsMock reports whether one of the imports is an HTTP mocking
// library.
func ImportsMock(imports []Import) bool {
	for _, im := range imports {
		if mockModules[im.Module] {
			return true
		}
	}
	return false
}
