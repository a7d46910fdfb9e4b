package js

import (
	"github.com/threatmap/threatmap/internal/urlpath"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
)

var (
	// Hono writes a param's pattern in braces: /posts/:id{[0-9]+}.
	honoPattern = regexp.MustCompile(`:([A-Za-z_][A-Za-z0-9_]*)\{([^}]*)\}`)
	bareStar    = regexp.MustCompile(`(^|/)\*(/|$)`)
	// Express 5 optional segments: /users{/:id}.
	optionalSeg = regexp.MustCompile(`\{(/[^{}]*)\}`)
)

// routePath writes a JS router path the way threatmap prints paths:
// :id, :id?, :id(\d+), :id{[0-9]+}, *name and a bare * become {name}
// (a bare * is {wildcard}). It returns the types the pattern declares.
func routePath(p string) (string, map[string]string) {
	p = honoPattern.ReplaceAllString(p, ":$1($2)")
	p = optionalSeg.ReplaceAllString(p, "$1")
	for bareStar.MatchString(p) {
		p = bareStar.ReplaceAllString(p, "$1{wildcard}$2")
	}
	p, types := urlpath.Braces(p)
	return urlpath.Normalize(p), types
}

// paramTypes adds int to the params a handler converts with parseInt or
// Number (parseInt(req.params.id), Number(c.req.param('id'))).
func paramTypes(p string, types map[string]string, body string) map[string]string {
	if !strings.Contains(body, "parseInt(") && !strings.Contains(body, "Number(") && !strings.Contains(body, "parseFloat(") {
		return types
	}
	for _, prm := range route.Params(p, nil) {
		if types[prm.Name] != "" {
			continue
		}
		n := regexp.QuoteMeta(prm.Name)
		re := regexp.MustCompile(`(?:parseInt|Number|parseFloat)\(\s*(?:(?:[\w$]+\.)*` + n + `\b|[\w$.]+\(\s*['"]` + n + `['"])`)
		if re.MatchString(body) {
			types[prm.Name] = facts.TypeInt
		}
	}
	return types
}
