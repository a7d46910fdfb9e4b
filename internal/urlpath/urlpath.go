// Package urlpath is the one place that knows threatmap's path syntax:
// full paths with one leading slash and parameters written {name}, whatever
// the framework wrote. Detectors write paths with it; the model compares
// them with it.
package urlpath

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// UnknownPrefix stands for a mount prefix the code builds at run time
// (an environment variable, a setting the tree does not hold): the routes
// under it are kept, their known part after it, and never shown as if
// they were served at the root. It is no parameter name any framework
// writes, so it is never listed as a path parameter.
const UnknownPrefix = "{unknown-prefix}"

// Join composes a mount prefix and a route path the way routers do.
func Join(prefix, p string) string {
	if prefix == "" {
		return Normalize(p)
	}
	if p == "" || p == "/" {
		return Normalize(prefix)
	}
	return Normalize(strings.TrimRight(prefix, "/") + "/" + strings.TrimLeft(p, "/"))
}

var slashes = regexp.MustCompile(`/{2,}`)

// Normalize gives a path one leading slash, no doubled slashes and no
// trailing slash (but "/" stays "/").
func Normalize(p string) string {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = slashes.ReplaceAllString(p, "/")
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	return p
}

var (
	colonParam = regexp.MustCompile(`:([A-Za-z_][A-Za-z0-9_]*)(\([^)]*\))?\??`)
	angleParam = regexp.MustCompile(`<(?:([A-Za-z_]+):)?([A-Za-z_][A-Za-z0-9_]*)>`)
	braceParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}`)
	starParam  = regexp.MustCompile(`\*([A-Za-z_][A-Za-z0-9_]*)`)
)

// Braces rewrites :id, <int:id>, {id:[0-9]+} and *rest to {id} / {rest},
// the one parameter syntax threatmap prints. It returns the types the
// syntax itself declares (<int:id> → int).
func Braces(p string) (string, map[string]string) {
	types := map[string]string{}
	p = angleParam.ReplaceAllStringFunc(p, func(m string) string {
		sm := angleParam.FindStringSubmatch(m)
		switch sm[1] {
		case "int":
			types[sm[2]] = facts.TypeInt
		case "uuid":
			types[sm[2]] = facts.TypeUUID
		case "str", "string", "slug", "path":
			types[sm[2]] = facts.TypeString
		}
		return "{" + sm[2] + "}"
	})
	p = braceParam.ReplaceAllStringFunc(p, func(m string) string {
		sm := braceParam.FindStringSubmatch(m)
		if strings.Contains(m, ":int") || strings.Contains(m, "[0-9]") || strings.Contains(m, `\d`) {
			types[sm[1]] = facts.TypeInt
		} else if strings.Contains(m, ":uuid") {
			types[sm[1]] = facts.TypeUUID
		}
		return "{" + sm[1] + "}"
	})
	p = colonParam.ReplaceAllStringFunc(p, func(m string) string {
		sm := colonParam.FindStringSubmatch(m)
		if strings.Contains(sm[2], `\d`) || strings.Contains(sm[2], "0-9") {
			types[sm[1]] = facts.TypeInt
		}
		return "{" + sm[1] + "}"
	})
	p = starParam.ReplaceAllString(p, "{$1}")
	return p, types
}

// Canonical is a path in threatmap's form, for comparing paths written in
// any framework's syntax: /notes/:id and /notes/{id} are the same path.
func Canonical(p string) string {
	braced, _ := Braces(p)
	return Normalize(braced)
}

var braced = regexp.MustCompile(`\{[^}]*\}`)

// Shape is a path with its parameter names blanked, so routes declared
// with different names for the same parameter compare equal:
// /users/{id} and /users/{userId} are both /users/{}.
func Shape(p string) string { return braced.ReplaceAllString(p, "{}") }
