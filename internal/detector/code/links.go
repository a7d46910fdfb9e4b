package code

import (
	"bytes"
	"regexp"
	"strings"
)

// A URL the code only links to or only compares against reaches nothing:
// <a href="https://x.com/acme"> takes the user to a page when they click
// (the product sends nothing), window.open(url) the same, and
// url.host === "accounts.google.com" tests where a URL points. A URL a
// page loads (an iframe's, an img's or a script's src) or a call
// requests is an integration; one only linked to or compared is not.

// NotRequested reports whether the string literal around off is only a
// link target or a comparison operand: the value of an href, the
// argument of window.open or location.assign, a side of ==, != or ===,
// the argument of includes/startsWith/endsWith; or the value of a name
// (or an item of a list bound to one) that the file uses only in those
// ways.
func NotRequested(src []byte, off int) bool {
	if InCSP(src, off) || off >= 2 && src[off-1] == '.' && src[off-2] == '*' {
		// A wildcard host (https://*.vimeo.com) is a pattern an allow-list
		// matches sources against: nothing can request it.
		return true
	}
	open := literalStart(src, off)
	if open < 0 {
		return false
	}
	if sourceList(src[open:literalEnd(src, open)]) || hostFragment(src[open:literalEnd(src, open)]) || schemaID(src, open) || linkTable(src, open) {
		return true
	}
	// A form field's hint or an element's label is text for a person
	// (placeholder="you.bsky.social"), however it reads.
	if textAttrRE.Match(src[max(0, open-24):open]) {
		return true
	}
	closeAt := literalEnd(src, open)
	// A URL with a path compared against is an endpoint the code is
	// written for: url.startsWith("https://discord.com/api/webhooks/")
	// picks the payload it then posts there. A bare host or origin
	// compared only tests where a URL points.
	endpoint := hasPath(src[open:closeAt])
	if linkOrCompare(src, open, closeAt, endpoint) {
		return true
	}
	name, def := boundName(src, open)
	if name == "" {
		return false
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`)
	uses := 0
	for _, m := range re.FindAllIndex(src, -1) {
		if m[0] == def || m[0] >= open && m[0] < closeAt {
			continue
		}
		if m[0] > 0 && src[m[0]-1] == '.' {
			return false // another object's field of the same name: unsure
		}
		uses++
		if !linkOrCompare(src, m[0], m[1], endpoint) {
			return false
		}
	}
	return uses > 0
}

// hostFragment reports whether a literal is a host and a slash with no
// scheme ('blob.core.windows.net/'): a piece of text a program searches
// for, which no client takes as an address (a request names a scheme, a
// host setting names the host alone).
func hostFragment(lit []byte) bool {
	s := strings.Trim(string(lit), "\"'`")
	return strings.HasSuffix(s, "/") && strings.Count(s, "/") == 1 && strings.Contains(s, ".") && !strings.ContainsAny(s, " :{$%")
}

// sourceList reports whether a literal is a list of URLs separated by
// spaces ('https://a.example https://b.example'): the sources an
// allow-list admits (a setting's default that a CSP or an SSRF check
// reads), never one URL a request is sent to, which holds no space.
func sourceList(lit []byte) bool {
	urls := 0
	for _, f := range strings.Fields(string(lit)) {
		if strings.Contains(f, "://") {
			urls++
		}
	}
	return urls >= 2
}

// schemaRefRE is a URL naming a JSON Schema document (...schema.json,
// sarif-schema-2.1.0.json), and schemaKeyRE ends the text before a
// "$schema" key's value.
var (
	schemaRefRE = regexp.MustCompile(`^["'` + "`" + `][a-z]+://[^"'` + "`" + `\s]*[/.-]schema(?:[.-][\w.-]*)?\.json["'` + "`" + `]$`)
	schemaKeyRE = regexp.MustCompile(`["']\$schema["']\s*[:=]>?\s*$`)
)

// schemaID reports whether the literal opened at open names a JSON
// Schema: the value of a "$schema" key, or a URL of a schema file. It
// identifies the format of a document the product writes (editors
// fetch it to check the document); the product requests nothing there.
func schemaID(src []byte, open int) bool {
	return schemaRefRE.Match(src[open:literalEnd(src, open)]) || schemaKeyRE.Match(src[max(0, open-40):open])
}

// textAttrRE ends the text before an attribute whose value is shown to a
// person, not loaded: placeholder=, title=, alt=, aria-label=.
var textAttrRE = regexp.MustCompile(`\s(?:placeholder|title|alt|aria-label)\s*=\s*\{?$`)

var schemeRE = regexp.MustCompile(`^[a-z][a-z0-9+.-]*://`)

// hasPath reports whether a literal is a URL with a path after its host
// (https://x.com/api/..., not https://x.com or x.com).
func hasPath(lit []byte) bool {
	s := string(lit)
	if len(s) >= 2 {
		s = s[1 : len(s)-1]
	}
	i := schemeRE.FindStringIndex(s)
	if i == nil {
		return false
	}
	rest := s[i[1]:]
	j := strings.IndexByte(rest, '/')
	return j >= 0 && j < len(rest)-1
}

// literalStart is the offset of the quote that opens the string literal
// holding off, on its line, or -1.
func literalStart(src []byte, off int) int {
	for i := off - 1; i >= 0 && off-i < 2000; i-- {
		switch src[i] {
		case '"', '\'', '`':
			return i
		case '\n':
			return -1
		}
	}
	return -1
}

// literalEnd is the offset just past the quote that closes the literal
// opened at open (a template's placeholders may hold quotes of their
// own: their braces are skipped).
func literalEnd(src []byte, open int) int {
	q := src[open]
	depth := 0
	for i := open + 1; i < len(src) && i-open < 4000; i++ {
		switch c := src[i]; {
		case c == '\\':
			i++
		case q == '`' && c == '{' && i > 0 && src[i-1] == '$':
			depth++
		case q == '`' && c == '}' && depth > 0:
			depth--
		case c == q && depth == 0:
			return i + 1
		case c == '\n' && q != '`':
			return i
		}
	}
	return min(len(src), open+1)
}

var (
	// linkBeforeRE ends the text before a link's target: href= (JSX,
	// HTML), href: (an object of link props), window.open(,
	// location.href =, location.assign(, Linking.openURL(.
	linkBeforeRE = regexp.MustCompile(`(?:\bhref\s*[=:]\s*\{?|\bwindow\.open\(\s*|\blocation(?:\.href)?\s*=\s*|\blocation\.(?:assign|replace)\(\s*|\bopenURL\(\s*|\bwebbrowser\.open(?:_new_tab)?\(\s*)$`)
	// compareBeforeRE ends the text before a comparison's right side.
	compareBeforeRE = regexp.MustCompile(`(?:[=!]==?\s*|\.(?:includes|startsWith|endsWith|startswith|endswith|has|indexOf)\(\s*|\bnot\s+in\s+|\bin\s+)$`)
	// compareAfterRE starts the text after a comparison's left side, or
	// after a list of hosts that is only searched.
	compareAfterRE = regexp.MustCompile(`^(?:\s*[=!]==?[^=>]|\.(?:includes|has|some|indexOf|find|__contains__)\(|\s+(?:not\s+)?in\b|\s*\.(?:test|match)\()`)
)

// linkOrCompare reports whether the expression src[from:to] (a literal
// or a name) is a link's target or, unless it is an endpoint, a
// comparison's operand.
func linkOrCompare(src []byte, from, to int, endpoint bool) bool {
	before := src[max(0, from-40):from]
	if linkBeforeRE.Match(before) && !inLoadingTag(src, from) {
		return true
	}
	if endpoint {
		return false
	}
	return compareBeforeRE.Match(before) || compareAfterRE.Match(src[to:min(len(src), to+20)])
}

// bindRE is a name bound to the value that follows: const x =, x =,
// x: (a field), X = new Set([ / X = [ / X = ( for a list.
var bindRE = regexp.MustCompile(`(?:\b(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>\[\]|. ]+)?\s*(?:=|:)\s*(?:new\s+Set\(\s*)?[\[({]?\s*$`)

// boundName is the name the literal at open is the value of (directly or
// as an item of a list), with the name's offset; "" when none.
func boundName(src []byte, open int) (string, int) {
	i := open
	// Back over the items of a list before this one: literals, commas,
	// blanks, up to the list's opening bracket.
	depth := 0
	for j := open - 1; j >= 0 && open-j < 3000; j-- {
		c := src[j]
		if c == '"' || c == '\'' || c == '`' {
			k := j - 1
			for k >= 0 && src[k] != c && src[k] != '\n' {
				k--
			}
			if k < 0 || src[k] != c {
				break
			}
			j = k
			continue
		}
		if c == ',' || IsSpace(c) {
			continue
		}
		if (c == '[' || c == '(' || c == '{') && depth == 0 {
			i = j + 1
		}
		break
	}
	start := max(0, i-120)
	m := bindRE.FindSubmatchIndex(src[start:i])
	if m == nil {
		return "", -1
	}
	name := string(src[start+m[2] : start+m[3]])
	switch name {
	case "href", "src", "return":
		return "", -1
	}
	return name, start + m[2]
}

// inLoadingTag reports whether off is inside a tag whose href the page
// loads: <link rel="stylesheet" href=...> fetches the sheet, <a href>
// only links.
func inLoadingTag(src []byte, off int) bool {
	for i := off - 1; i >= 0 && off-i < 400; i-- {
		switch src[i] {
		case '>':
			return false
		case '<':
			tag := src[i+1 : min(len(src), i+6)]
			return len(tag) >= 5 && string(tag[:4]) == "link" && !isIdentByte(tag[4])
		}
	}
	return false
}

// cspDirectiveRE is a Content-Security-Policy directive that lists the
// hosts a browser may load from: as a header value spells it (script-src,
// form-action), or as a list under the directive's name (helmet's
// scriptSrc: [...], "connect-src": [...], django-csp's CSP_IMG_SRC = (...)).
// A variable named imgSrc holding one URL is no directive.
var cspDirectiveRE = regexp.MustCompile(`(?i)\b(?:default|script|style|img|font|frame|child|connect|media|object|worker|manifest|prefetch)-src(?:-elem|-attr)?\b|\bform-action\b|\bframe-ancestors\b|\b(?:csp_)?(?:default|script|style|img|font|frame|child|connect|media|object|worker|manifest|prefetch)_?src(?:_?elem)?['"]?\s*[:=]\s*[\[(]`)

// InCSP reports whether the text at off is a source a Content-Security-
// Policy directive lists: after the directive's name with no ';' (the
// header's separator) or closing bracket (the end of a list) between. A CSP
// says which hosts the visitor's browser may load from; it calls none of
// them, so a host listed there is no call the product makes.
func InCSP(src []byte, off int) bool {
	from := max(0, off-2000)
	window := src[from:off]
	ms := cspDirectiveRE.FindAllIndex(window, -1)
	if len(ms) == 0 {
		return false
	}
	between := window[ms[len(ms)-1][1]:]
	return !bytes.ContainsAny(between, ";])")
}

// profilePrefixRE is a site's address a handle is appended to
// (https://instagram.com/, https://youtube.com/@, https://t.me/): a
// scheme, a host and at most two path segments, ending in a slash or an
// at sign, nothing else.
var profilePrefixRE = regexp.MustCompile(`^https?://([a-z0-9.-]+\.[a-z]{2,})/(?:[\w-]+/){0,2}@?$`)

// linkTable reports whether the literal at open is one of a table of
// profile addresses: with at least three others of the same shape, each
// on another site, in the object or list that holds it (or the one that
// holds that). A footer's social links ({facebook: {baseUrl:
// 'https://facebook.com/'}, github: {...}}) are pages a visitor opens; a
// product that called four vendors would name their API hosts, and one
// address alone says nothing.
func linkTable(src []byte, open int) bool {
	lit := strings.Trim(string(src[open:literalEnd(src, open)]), "\"'`")
	m := profilePrefixRE.FindStringSubmatch(lit)
	if m == nil || apiHost(m[1]) {
		return false
	}
	// The enclosing brackets, two levels out.
	start, depth, levels := -1, 0, 0
	for i := open - 1; i >= 0 && open-i < 4000 && levels < 2; i-- {
		switch src[i] {
		case '}', ']':
			depth++
		case '{', '[':
			if depth == 0 {
				start, levels = i, levels+1
			} else {
				depth--
			}
		}
	}
	if start < 0 {
		return false
	}
	end := min(len(src), start+8000)
	depth = 0
	for i := start; i < end; i++ {
		switch src[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				end = i
			}
		}
	}
	sites := map[string]bool{}
	for _, q := range tableLiteralRE.FindAllSubmatch(src[start:end], -1) {
		if p := profilePrefixRE.FindSubmatch(q[1]); p != nil && !apiHost(string(p[1])) {
			sites[site(string(p[1]))] = true
		}
	}
	return len(sites) >= 4
}

// tableLiteralRE is a quoted literal, its text inside.
var tableLiteralRE = regexp.MustCompile(`['"` + "`" + `]([^'"` + "`" + `\n]{1,200})['"` + "`" + `]`)

// apiHost: a host that serves an API (api.x.com, x.com/api is a path
// matter and fails profilePrefixRE's shape anyway).
func apiHost(h string) bool {
	first, _, _ := strings.Cut(h, ".")
	return strings.Contains(first, "api") || first == "rest" || first == "graph"
}

// site is a host's last two labels (www.instagram.com is instagram.com).
func site(h string) string {
	parts := strings.Split(h, ".")
	if len(parts) <= 2 {
		return h
	}
	return strings.Join(parts[len(parts)-2:], ".")
}
