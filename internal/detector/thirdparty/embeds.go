package thirdparty

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// A page that embeds a vendor's frame or loads its script or image sends
// the visitor's browser there: <iframe src="https://www.instagram.com/p/x/embed">
// is Instagram's whatever path the vendor serves it under. So the src of
// a loading tag (iframe, script, img, embed, source, video, audio) in a
// template or a component is read for its host: a catalogue host, or a
// host under the domain of exactly one catalogue service, names that
// service. A src written as a name ({embedUrl}, :src="embedUrl") is the
// URL the file binds to it. A link (<a href>) loads nothing and is not
// read.

// embedSrcRE is a loading tag's src attribute, up to its value's start:
// src=, :src= (Vue), v-bind:src=, src={ (JSX).
var embedSrcRE = regexp.MustCompile(`<(?:iframe|script|img|embed|source|video|audio)\b[^<>]*?\s(?:v-bind)?:?src\s*=\s*`)

// embedValue reads the attribute value at off: a quoted URL, {"..."} or
// {`...`}, {name} or a Vue binding "name". It returns the URL text, or the
// bound name.
func embedValue(src []byte, off int) (url, name string) {
	rest := src[off:min(len(src), off+600)]
	s := string(rest)
	if strings.HasPrefix(s, "{") {
		s = strings.TrimLeft(s[1:], " \t")
	}
	if s == "" {
		return "", ""
	}
	if q := s[0]; q == '"' || q == '\'' || q == '`' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return "", ""
		}
		v := s[1 : 1+end]
		if strings.HasPrefix(v, "http") || strings.HasPrefix(v, "//") {
			return v, ""
		}
		if identRE.MatchString(v) {
			return "", v // Vue: :src="embedUrl"
		}
		return "", ""
	}
	if m := identRE.FindString(s); m != "" {
		return "", m
	}
	return "", ""
}

var identRE = regexp.MustCompile(`^[A-Za-z_$][\w$]*$|^[A-Za-z_$][\w$]*`)

// embedUses lists the services the loading tags of a page's source name,
// with each one's offset.
func embedUses(l lang.Lang, src []byte) []embedUse {
	var out []embedUse
	for _, m := range embedSrcRE.FindAllIndex(src, -1) {
		url, name := embedValue(src, m[1])
		if name != "" {
			url = boundURL(src, name)
		}
		if strings.HasPrefix(url, "//") {
			url = "https:" + url
		}
		if url == "" {
			continue
		}
		if s := urlService(url); s != nil {
			out = append(out, embedUse{s, m[0]})
		}
	}
	return out
}

type embedUse struct {
	service *catalog.Service
	off     int
}

// boundURLRE is a name bound to a URL literal: const x = `https://...`,
// x = "https://...", x: 'https://...'.
func boundURL(src []byte, name string) string {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*(?::\s*[\w<>|\[\] ]+)?\s*[=:]\s*(["'` + "`" + `])((?:https?:)?//[^"'` + "`" + `\s]+)`)
	if m := re.FindSubmatch(src); m != nil {
		return string(m[2])
	}
	return ""
}

// urlService is the catalogue service a URL reaches: by one of its hosts,
// or by the domain only its hosts are under; nil for any other.
func urlService(url string) *catalog.Service {
	owner, listed, ok := code.Catalogued(url)
	if listed {
		for _, u := range code.Uses(lang.TypeScript, []byte(`"`+url+`"`)) {
			if u.Service.ThirdParty() {
				return u.Service
			}
		}
		return nil
	}
	if ok && owner != nil && owner.ThirdParty() {
		return owner
	}
	return nil
}

// htmlCommentRE is an HTML comment: what it holds loads nothing.
var htmlCommentRE = regexp.MustCompile(`(?s)<!--.*?-->`)

// blankHTMLComments blanks HTML comments, keeping line breaks.
func blankHTMLComments(src []byte) []byte {
	if !strings.Contains(string(src), "<!--") {
		return src
	}
	return htmlCommentRE.ReplaceAllFunc(src, func(b []byte) []byte {
		out := make([]byte, len(b))
		for i, c := range b {
			if c == '\n' {
				out[i] = '\n'
			} else {
				out[i] = ' '
			}
		}
		return out
	})
}

// dottedPathRE is a string literal that is a dotted Python path to a
// class, of at least three parts: how Django settings name a backend
// ("anymail.backends.mailgun.EmailBackend",
// "storages.backends.s3boto3.S3Boto3Storage").
var dottedPathRE = regexp.MustCompile(`["']([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+\.[A-Z][A-Za-z0-9_]*)["']`)

var (
	// djangoEmailHostRE is a Django settings module's EMAIL_HOST at its top
	// level, given some value; djangoEmailBackendRE its EMAIL_BACKEND
	// there (one set under if DEBUG: is indented).
	djangoEmailHostRE    = regexp.MustCompile(`(?m)^EMAIL_HOST[ \t]*(?::[^=\n]*)?=[ \t]*([^\n]*)`)
	djangoEmailBackendRE = regexp.MustCompile(`(?m)^EMAIL_BACKEND[ \t]*(?::[^=\n]*)?=[ \t]*([^\n]*)`)
)

// djangoSMTP is where a Django settings module sets the mail server its
// default backend, SMTP, sends through (EMAIL_HOST =
// os.getenv("APP_EMAIL_HOST")), whatever variable feeds it; -1 when the
// file is no settings module, sets no host or only this machine, or sets
// another backend for every run (EMAIL_BACKEND = "...console.EmailBackend").
func djangoSMTP(p string, src []byte) int {
	if !bytes.Contains(src, []byte("INSTALLED_APPS")) && !strings.Contains(p, "settings") {
		return -1
	}
	m := djangoEmailHostRE.FindSubmatchIndex(src)
	if m == nil {
		return -1
	}
	// An empty host, or a literal one on this machine (a local relay
	// fixed in the code), names no mail server to configure.
	switch v := strings.Trim(strings.TrimSpace(string(src[m[2]:m[3]])), `"'`); v {
	case "", "None", "localhost", "127.0.0.1":
		return -1
	}
	for _, b := range djangoEmailBackendRE.FindAllSubmatch(src, -1) {
		if !bytes.Contains(b[1], []byte("smtp")) {
			return -1
		}
	}
	return m[0]
}

// dottedPaths lists the catalogue services a Python file wires in by a
// dotted path to one of their modules: the framework imports it.
func dottedPaths(src []byte) []embedUse {
	var out []embedUse
	for _, m := range dottedPathRE.FindAllSubmatchIndex(src, -1) {
		p := string(src[m[2]:m[3]])
		if s := catalog.ForPackage("python", p); s != nil {
			out = append(out, embedUse{s, m[2]})
		}
	}
	return out
}

// A page that loads a script or a stylesheet from another host runs what
// that host serves: the host is a third party whether or not the
// catalogue knows it (a script CDN, a widget's vendor). pageLoads reads
// the loads of a page in HTML and in the server template languages:
// <script src>, <link rel="stylesheet" href>, a CSS @import, Slim's and
// Haml's script and link elements, Rails' javascript_include_tag and
// stylesheet_link_tag. A link (<a href>, <link rel="canonical">), a
// preconnect hint and an image load nothing that runs: an image counts
// only through its catalogue entry (embedUses).

// pageLoadRE is where a load starts: an HTML tag, a Rails helper, a CSS
// @import.
var pageLoadRE = regexp.MustCompile(`<(?:script|link)\b|\b(?:javascript_include_tag|stylesheet_link_tag)\b|@import\b`)

// indentedLoadRE is a Slim or Haml script or link element, at a line's
// start: script src="...", link(rel="stylesheet" href="..."),
// %script{src: "..."}.
var indentedLoadRE = regexp.MustCompile(`(?m)^[ \t]*%?(?:script|link)(?:[({ \t]|$)`)

// loadAttrRE is a src or href attribute in any of the syntaxes: src="x",
// src: "x", :src => "x", "src" => "x".
var loadAttrRE = regexp.MustCompile(`(?:^|[\s({,:"'])(src|href)["']?\s*(?:=>|=|:)\s*["']([^"'\s]+)["']`)

// quotedURLRE is a quoted absolute or protocol-relative URL.
var quotedURLRE = regexp.MustCompile(`["']((?:https?:)?//[^"'\s]+)["']`)

// importURLRE is a CSS @import's URL: @import url("...") or @import "...".
var importURLRE = regexp.MustCompile(`^@import\s+(?:url\(\s*)?["']?((?:https?:)?//[^"')\s;]+)`)

// pageLoad is one script or stylesheet a page loads from an absolute URL.
type pageLoad struct {
	url string
	off int
}

// pageLoads lists the scripts and stylesheets a page's source loads from
// absolute URLs (protocol-relative ones made https), each at its
// element's offset. indented: the file is Slim or Haml, whose elements
// start lines.
func pageLoads(src []byte, indented bool) []pageLoad {
	var out []pageLoad
	add := func(u string, off int) {
		if strings.HasPrefix(u, "//") {
			u = "https:" + u
		}
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			out = append(out, pageLoad{u, off})
		}
	}
	element := func(start, end int, stylesheet bool) {
		text := string(src[start:end])
		if stylesheet && !strings.Contains(strings.ToLower(text), "stylesheet") {
			return // a link that loads nothing: canonical, icon, preconnect
		}
		for _, m := range loadAttrRE.FindAllStringSubmatch(text, -1) {
			if (m[1] == "href") == stylesheet {
				add(m[2], start)
			}
		}
	}
	for _, m := range pageLoadRE.FindAllIndex(src, -1) {
		word := string(src[m[0]:m[1]])
		switch {
		case word == "<script" || word == "<link":
			end := bytes.IndexByte(src[m[1]:], '>')
			if end < 0 {
				continue
			}
			element(m[1], m[1]+end, word == "<link")
		case word == "@import":
			if u := importURLRE.FindSubmatch(src[m[0]:min(len(src), m[0]+600)]); u != nil {
				add(string(u[1]), m[0])
			}
		default: // a Rails helper: every URL it is handed
			for _, u := range quotedURLRE.FindAllSubmatch(src[m[1]:lineEnd(src, m[1])], -1) {
				add(string(u[1]), m[0])
			}
		}
	}
	if indented {
		for _, m := range indentedLoadRE.FindAllIndex(src, -1) {
			link := bytes.Contains(src[m[0]:m[1]], []byte("link"))
			element(m[0], lineEnd(src, m[1]), link)
		}
	}
	return out
}

// lineEnd is the offset of the end of the line off is on.
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

var (
	// scriptElementRE makes a script element in code: the snippet a
	// chat widget or an analytics vendor has a page paste in.
	// Its name is where the element is kept: s = document.createElement('script').
	scriptElementRE = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*=\s*(?:window\.)?document\.createElement\(\s*['"]script['"]\s*\)`)
	// srcAssignRE sets an element's src: s.src = ..., its value next.
	srcAssignRE = regexp.MustCompile(`([A-Za-z_$][\w$]*)\.src\s*=\s*`)
	// leadingNameRE is a template literal that starts with a name:
	// `${baseUrl}/sdk.js`.
	leadingNameRE = regexp.MustCompile("^`\\$\\{\\s*([A-Za-z_$][\\w$]*)\\s*\\}([^`]*)`")
	// defaultURLRE is a name bound to a setting with a URL as its
	// fallback: const base = getConfig('X') || 'https://...'.
	defaultURLRE = `\s*=\s*[^;\n]*?(?:\|\||\?\?)\s*["'` + "`" + `]((?:https?:)?//[^"'` + "`" + `\s]+)`
)

// injectedScripts lists the scripts code adds to the page: an element
// made by createElement('script') in the file, kept in a name whose src is set to a URL
// literal, or to a template that starts with a name the file binds to a
// URL (directly, or as the fallback of a setting). A src set in a file
// that makes no script element (an image's) is not read here.
func injectedScripts(src []byte) []pageLoad {
	scripts := map[string]bool{}
	for _, m := range scriptElementRE.FindAllSubmatch(src, -1) {
		scripts[string(m[1])] = true
	}
	if len(scripts) == 0 {
		return nil
	}
	var out []pageLoad
	for _, m := range srcAssignRE.FindAllSubmatchIndex(src, -1) {
		if !scripts[string(src[m[2]:m[3]])] {
			continue // another element's src: an image's
		}
		v := string(src[m[1]:lineEnd(src, m[1])])
		u := ""
		if q := quotedURLRE.FindStringSubmatchIndex(v); q != nil && q[0] == 0 {
			u = v[q[2]:q[3]]
		} else if t := leadingNameRE.FindStringSubmatch(v); t != nil {
			base := boundURL(src, t[1])
			if base == "" {
				if d := regexp.MustCompile(`\b` + regexp.QuoteMeta(t[1]) + defaultURLRE).FindSubmatch(src); d != nil {
					base = string(d[1])
				}
			}
			if base != "" {
				u = strings.TrimSuffix(base, "/") + t[2]
			}
		}
		if strings.HasPrefix(u, "//") {
			u = "https:" + u
		}
		if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			out = append(out, pageLoad{u, m[0]})
		}
	}
	return out
}
