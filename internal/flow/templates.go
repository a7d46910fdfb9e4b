package flow

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/facts"
)

// SinkTemplateXSS is a value a server-side template writes without
// escaping (EJS <%- x %>, Handlebars {{{x}}}, Jinja {{ x|safe }}, Pug
// !{x}): the value is the page's HTML.
var SinkTemplateXSS = &Sink{Kind: XSS, Name: "written unescaped by a template", Stored: true}

// Raw is one place a template writes a value unescaped: the names the
// expression reads from what it was rendered with (bio in
// <%- bio.trim() %>).
type Raw struct {
	Names []string
	Line  int
	Text  string
}

// Templates are a repository's server-side template files, each read
// for where it writes a value unescaped. Safe for concurrent Add.
type Templates struct {
	mu    sync.Mutex
	files map[string][]Raw
	// escaped are the values a Jinja-like template writes escaped, raw
	// only when the engine is configured not to escape (escapeOff).
	escaped   map[string][]Raw
	escapeOff bool
}

// NewTemplates is an empty set.
func NewTemplates() *Templates {
	return &Templates{files: map[string][]Raw{}, escaped: map[string][]Raw{}}
}

// EscapeOff records that the code configures its Jinja-like engine
// (swig, Nunjucks, Jinja) not to escape: autoescape false in its
// settings. Every value its templates write is then raw.
func (t *Templates) EscapeOff() {
	t.mu.Lock()
	t.escapeOff = true
	t.mu.Unlock()
}

// templateSyntax is how each family of engines writes a value unescaped.
// Jinja, Nunjucks and Django share theirs.
var templateSyntax = map[string][]*regexp.Regexp{
	"ejs":        {regexp.MustCompile(`<%-\s*([\s\S]*?)\s*[-_]?%>`)},
	"handlebars": {regexp.MustCompile(`\{\{\{\s*([^}]*?)\s*\}\}\}`), regexp.MustCompile(`\{\{&\s*([^}]*?)\s*\}\}`)},
	"jinja": {regexp.MustCompile(`\{\{\s*((?:[^}]|\}[^}])*?\|\s*safe\b[^}]*?)\s*\}\}`),
		// Bootstrap-Flask's render_table(rows, safe_columns=[...]) writes
		// those columns of every row unescaped.
		regexp.MustCompile(`\{\{\s*render_table\s*\(\s*([\w.]+)[^}]*?\bsafe_columns\s*=`)},
	"pug": {regexp.MustCompile(`(?m)!=\s*(.+)$`), regexp.MustCompile(`!\{([^}]*)\}`)},
	// Razor encodes every @value but what Html.Raw hands it.
	"razor": {regexp.MustCompile(`@Html\.Raw\(\s*((?:[^()\n]|\([^()\n]*\))*?)\s*\)`)},
}

// engineOf is the template family a file's extension says, if any.
func engineOf(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".ejs":
		return "ejs"
	case ".hbs", ".handlebars", ".mustache":
		return "handlebars"
	case ".html", ".htm", ".j2", ".jinja", ".jinja2", ".njk", ".nunjucks":
		return "jinja"
	case ".pug", ".jade":
		return "pug"
	case ".cshtml":
		return "razor"
	}
	return ""
}

// IsTemplate reports whether a path is a server-side template the
// frontends read.
func IsTemplate(p string) bool { return engineOf(p) != "" }

// autoescapeOff is a Jinja, Nunjucks or Django block that turns escaping
// off: every value written inside it is raw.
var (
	autoescapeOff = regexp.MustCompile(`\{%-?\s*autoescape\s+(?:false|off|False)\s*-?%\}([\s\S]*?)\{%-?\s*endautoescape\s*-?%\}`)
	thymeleafRaw  = regexp.MustCompile(`\bth:utext\s*=\s*"([^"]*)"|\bth:utext\s*=\s*'([^']*)'|\[\((\$\{[^}]*\})\)\]`)
	thymeleafVar  = regexp.MustCompile(`\$\{([^}]*)\}`)
	jinjaValue    = regexp.MustCompile(`\{\{\s*((?:[^}]|\}[^}])*?)\s*\}\}`)
	escapedFilter = regexp.MustCompile(`\|\s*(?:e|escape|forceescape|urlencode|int|float|length|count|tojson)\b`)
)

// Add reads one template file.
func (t *Templates) Add(p string, data []byte) {
	eng := engineOf(p)
	if eng == "" {
		return
	}
	src := string(data)
	var raws, escaped []Raw
	addTo := func(to *[]Raw, start int, expr, text string) {
		if names := rawNames(expr); len(names) > 0 && len(*to) < 200 {
			*to = append(*to, Raw{Names: names, Line: 1 + strings.Count(src[:start], "\n"), Text: clip(strings.TrimSpace(text))})
		}
	}
	add := func(start int, expr, text string) { addTo(&raws, start, expr, text) }
	for _, re := range templateSyntax[eng] {
		for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
			expr := src[m[2]:m[3]]
			if eng == "jinja" {
				expr, _, _ = strings.Cut(expr, "|")
			}
			add(m[0], expr, src[m[0]:m[1]])
		}
	}
	if eng == "jinja" {
		// Thymeleaf's unescaped forms, in an HTML file: th:utext="${x}"
		// and the inlined [(${x})] ([[${x}]] and th:text escape).
		for _, m := range thymeleafRaw.FindAllStringSubmatchIndex(src, -1) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] < 0 {
					continue // another alternative's group
				}
				for _, v := range thymeleafVar.FindAllStringSubmatch(src[m[g]:m[g+1]], -1) {
					add(m[0], v[1], src[m[0]:m[1]])
				}
			}
		}
		for _, b := range autoescapeOff.FindAllStringSubmatchIndex(src, -1) {
			for _, m := range jinjaValue.FindAllStringSubmatchIndex(src[b[2]:b[3]], -1) {
				expr := src[b[2]+m[2] : b[2]+m[3]]
				if escapedFilter.MatchString(expr) || strings.Contains(expr, "|") && strings.Contains(expr, "safe") {
					continue // escaped, or already read as |safe
				}
				expr, _, _ = strings.Cut(expr, "|")
				add(b[2]+m[0], expr, src[b[2]+m[0]:b[2]+m[1]])
			}
		}
		for _, m := range jinjaValue.FindAllStringSubmatchIndex(src, -1) {
			expr := src[m[2]:m[3]]
			if escapedFilter.MatchString(expr) || strings.Contains(expr, "|") && strings.Contains(expr, "safe") || inAutoescapeOff(src, m[0]) {
				continue
			}
			expr, _, _ = strings.Cut(expr, "|")
			addTo(&escaped, m[0], expr, src[m[0]:m[1]])
		}
	}
	if eng == "jinja" {
		aliasLoops(src, raws)
		aliasLoops(src, escaped)
	}
	if len(raws) == 0 && len(escaped) == 0 {
		return
	}
	slices.SortStableFunc(raws, func(a, b Raw) int { return a.Line - b.Line })
	t.mu.Lock()
	if len(raws) > 0 {
		t.files[p] = raws
	}
	if len(escaped) > 0 {
		t.escaped[p] = escaped
	}
	t.mu.Unlock()
}

// jinjaFor is a Jinja or Django loop: {% for note in notes %}, {% for
// k, v in d.items() %}.
var jinjaFor = regexp.MustCompile(`\{%-?\s*for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\s+((?:[^%]|%[^}])*?)\s*-?%\}`)

// aliasLoops reads a loop variable a template writes as the value it
// loops over: {{ note.text|safe }} inside {% for note in notes %} writes
// part of notes, the name the render call gives.
func aliasLoops(src string, rs []Raw) {
	alias := map[string]string{}
	for _, m := range jinjaFor.FindAllStringSubmatch(src, -1) {
		over := rawNames(m[3])
		if len(over) == 0 {
			continue
		}
		for _, v := range m[1:3] {
			if v != "" && v != over[0] {
				alias[v] = over[0]
			}
		}
	}
	for i := range rs {
		for j, n := range rs[i].Names {
			// Nested loops: follow a few links, never a cycle.
			for k := 0; k < 4 && alias[n] != ""; k++ {
				n = alias[n]
			}
			if !slices.Contains(rs[i].Names[:j], n) {
				rs[i].Names[j] = n
			}
		}
	}
}

// inAutoescapeOff says whether offset i of a Jinja template is inside an
// autoescape false block (read as raw already).
func inAutoescapeOff(src string, i int) bool {
	for _, b := range autoescapeOff.FindAllStringIndex(src, -1) {
		if b[0] <= i && i < b[1] {
			return true
		}
	}
	return false
}

var (
	includeTag = regexp.MustCompile(`^\s*include\s*\(`)
	quoted     = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|` + "`(?:[^`\\\\]|\\\\.)*`")
	exprIdent  = regexp.MustCompile(`[A-Za-z_$][\w$]*`)
)

// notNames are words an expression reads that are no value it was
// rendered with.
var notNames = map[string]bool{"this": true, "true": true, "false": true, "null": true, "undefined": true, "None": true,
	"True": true, "False": true, "and": true, "or": true, "not": true, "if": true, "else": true, "in": true, "typeof": true,
	"new": true}

// rawNames are the names an expression reads at the start of each
// access chain (user in user.bio), leaving out helpers it calls
// (include('header')) and words of the language.
func rawNames(expr string) []string {
	if includeTag.MatchString(expr) {
		return nil // EJS's include(name): what it names is a template, not a value written
	}
	expr = quoted.ReplaceAllString(expr, `""`)
	var out []string
	for _, m := range exprIdent.FindAllStringIndex(expr, -1) {
		name := expr[m[0]:m[1]]
		if m[0] > 0 && (expr[m[0]-1] == '.' || expr[m[0]-1] >= '0' && expr[m[0]-1] <= '9') {
			// A member: this.bio is bio, user.bio is user's.
			if !strings.HasSuffix(expr[:m[0]], "this.") {
				continue
			}
		}
		rest := strings.TrimLeft(expr[m[1]:], " \t\n")
		before := strings.TrimRight(expr[:m[0]], " \t\n")
		key := strings.HasPrefix(rest, ":") && (strings.HasSuffix(before, "{") || strings.HasSuffix(before, ","))
		if strings.HasPrefix(rest, "(") || key || notNames[name] {
			continue // a helper called, an object literal's key
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// find is the template files a name given to a render call may be:
// the path itself, or a path ending in it, with or without the
// engine's extension (res.render('users/show') is views/users/show.ejs).
func (t *Templates) find(name string) []string {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "./"), "/")
	if name == "" {
		return nil
	}
	var out []string
	for p := range t.files {
		stem := strings.TrimSuffix(p, path.Ext(p))
		for _, c := range []string{p, stem} {
			if c == name || strings.HasSuffix(c, "/"+name) {
				out = append(out, p)
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// Bind makes every value a rendered template writes unescaped a sink at
// its render call: the values of the locals whose key the template
// writes raw (a spread or a whole object passed is every key), each a
// sink whose place is the template's line.
func (t *Templates) Bind(funcs []*Func) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.escapeOff {
		for p, es := range t.escaped {
			t.files[p] = append(t.files[p], es...)
			slices.SortStableFunc(t.files[p], func(a, b Raw) int { return a.Line - b.Line })
		}
	}
	if len(t.files) == 0 {
		return
	}
	for _, f := range funcs {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Render == nil || op.Render.Locals >= len(op.Args) {
				continue
			}
			locals := op.Args[op.Render.Locals]
			for _, file := range t.find(op.Render.Template) {
				for _, raw := range t.files[file] {
					var e Expr
					for _, r := range locals.Refs {
						if r.Key == "" || slices.Contains(raw.Names, r.Key) {
							e.Refs = append(e.Refs, r)
						}
					}
					if len(e.Refs) == 0 || len(op.Args) > 64 {
						continue
					}
					op.Args = append(op.Args, e)
					at := facts.Step{File: file, Line: raw.Line, Note: raw.Text}
					op.Sinks = append(op.Sinks, SinkUse{Sink: SinkTemplateXSS, Args: []int{len(op.Args) - 1}, At: &at})
				}
			}
		}
	}
}
