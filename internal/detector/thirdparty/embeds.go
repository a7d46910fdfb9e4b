package thirdparty

import (
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
