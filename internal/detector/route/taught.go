package route

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Taught is what a person told threatmap about auth that the code does
// not show (threatmap-check.yaml's auth:): functions that are auth guards,
// and routes meant to be public.
type Taught struct {
	// File names the configuration in evidence.
	File   string
	Guards []TaughtGuard
	Public []PublicRoute

	once  sync.Once
	calls []*regexp.Regexp // per guard: a call to it
}

// TaughtGuard is a function named as an auth guard: wherever the code
// applies it, it rejects a caller with no identity.
type TaughtGuard struct {
	Name string // parseRequest, auth.require_user
	Line int
}

// PublicRoute is a route pattern declared public: "GET /health",
// "POST /api/webhooks/*". A * is one path segment (or part of one), ** any
// number of them; a parameter ({id}, :id) matches any parameter.
type PublicRoute struct {
	Method  string // upper case; "" any method
	Pattern string // canonical path pattern
	Line    int
}

var guardName = regexp.MustCompile(`^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$`)

// ValidGuardName says why name cannot be a guard's name, or nil: a
// function's name, dotted for a member (auth.require_user).
func ValidGuardName(name string) error {
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("empty guard name")
	}
	if !guardName.MatchString(name) {
		return fmt.Errorf("%q is not a function name (write it as the code calls it, without arguments: requireRole, auth.login_required)", name)
	}
	return nil
}

// methods are the methods a public route may name: every method a route
// detector reports (QUERY included, RFC 10008), ANY and * for all.
var methods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY", "ANY", "*"}

// ParsePublic reads a public route pattern: "METHOD /path" or "/path"
// (any method).
func ParsePublic(s string) (PublicRoute, error) {
	fields := strings.Fields(s)
	var method, p string
	switch len(fields) {
	case 1:
		p = fields[0]
	case 2:
		method, p = strings.ToUpper(fields[0]), fields[1]
		known := false
		for _, m := range methods {
			known = known || m == method
		}
		if !known {
			return PublicRoute{}, fmt.Errorf("%q: unknown method %q (use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, QUERY or *)", s, fields[0])
		}
		if method == "*" || method == "ANY" {
			method = ""
		}
	default:
		return PublicRoute{}, fmt.Errorf("%q: want \"METHOD /path\" or \"/path\"", s)
	}
	if !strings.HasPrefix(p, "/") {
		return PublicRoute{}, fmt.Errorf("%q: the path must start with /", s)
	}
	canon := urlpath.Canonical(p)
	for _, seg := range strings.Split(canon, "/") {
		if strings.Contains(seg, "**") && seg != "**" {
			return PublicRoute{}, fmt.Errorf("%q: ** must be a whole path segment", s)
		}
		if _, err := path.Match(seg, ""); err != nil {
			return PublicRoute{}, fmt.Errorf("%q: bad pattern %q: %v", s, seg, err)
		}
	}
	return PublicRoute{Method: method, Pattern: canon}, nil
}

// Matches says whether the pattern covers a route.
func (p PublicRoute) Matches(method, routePath string) bool {
	if p.Method != "" && !strings.EqualFold(p.Method, method) {
		return false
	}
	return matchSegments(strings.Split(p.Pattern, "/"), strings.Split(urlpath.Canonical(routePath), "/"))
}

func matchSegments(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 || !matchSegment(pat[0], segs[0]) {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

func matchSegment(pat, seg string) bool {
	if urlpath.Shape(pat) == "{}" {
		return urlpath.Shape(seg) == "{}" // a parameter matches any parameter
	}
	ok, err := path.Match(pat, seg)
	return ok && err == nil
}

// MarkPublic makes the routes a public pattern covers auth: none, with
// the line that declares them as evidence. A nil Taught marks nothing.
func (t *Taught) MarkPublic(routes []facts.Route) {
	if t == nil {
		return
	}
	for i := range routes {
		r := &routes[i]
		for _, p := range t.Public {
			if p.Matches(r.Method, r.Path) {
				r.Auth, r.AuthRole = facts.AuthNone, ""
				r.AuthEvidence = "declared public in " + t.File + ":" + strconv.Itoa(p.Line)
				break
			}
		}
	}
}

// guard is the taught guard a guard's name (requireUser, auth.requireUser,
// requireRole('admin'), Depends(require_user), @login_required) applies,
// if any.
func (t *Taught) guard(name string) (TaughtGuard, bool) {
	if t == nil {
		return TaughtGuard{}, false
	}
	names := []string{callee(name)}
	if inner := wrapped(name); inner != "" {
		names = append(names, inner)
	}
	for _, n := range names {
		for _, g := range t.Guards {
			if n == g.Name || strings.HasSuffix(n, "."+g.Name) {
				return g, true
			}
		}
	}
	return TaughtGuard{}, false
}

// named is where a guard was named, for evidence.
func (t *Taught) named(g TaughtGuard) string {
	return "named in " + t.File + ":" + strconv.Itoa(g.Line)
}

// call finds the first call in src of a taught guard that comes before
// any side effect (a write, a response sent), in code (not a comment or a
// string).
func (t *Taught) call(src string) (TaughtGuard, bool) {
	if t == nil || len(t.Guards) == 0 {
		return TaughtGuard{}, false
	}
	t.once.Do(func() {
		for _, g := range t.Guards {
			t.calls = append(t.calls, regexp.MustCompile(`(?:^|[^\w$.]|\.)`+regexp.QuoteMeta(g.Name)+`\s*\(`))
		}
	})
	code := codeOnly(src)
	end := len(code)
	if loc := sideEffect.FindStringIndex(code); loc != nil {
		end = loc[0]
	}
	best, found := len(code), TaughtGuard{}
	for i, g := range t.Guards {
		for _, loc := range t.calls[i].FindAllStringIndex(code[:end], -1) {
			if isDefinition(code[:loc[0]+1]) {
				continue // def parseRequest(...): the guard itself
			}
			if loc[0] < best {
				best, found = loc[0], g
			}
			break
		}
	}
	return found, best < len(code)
}

// isDefinition says the text before a name defines it rather than calls it.
var definition = regexp.MustCompile(`(?:\bdef|\bfunction|\bfunc|\basync\s+function)\s*\*?\s*[^\w$.]?$`)

func isDefinition(before string) bool { return definition.MatchString(before) }

// sideEffect is code that changes something: a store written, a response
// sent. A guard called after it protects nothing that came before.
var sideEffect = regexp.MustCompile(`\.(?:save|create|insert\w*|update\w*|delete\w*|destroy|remove|upsert|commit|exec\w*|write\w*|send)\s*\(|\b(?:INSERT|UPDATE|DELETE)\s+(?:INTO|FROM|\w)`)

// codeOnly blanks comments (//, /* */, # at the start of a line or after
// a space) and string literals, keeping offsets: a guard's name in a
// comment or a message is not a call to it.
func codeOnly(src string) string {
	b := []byte(src)
	blank := func(from, to int) {
		for i := from; i < to && i < len(b); i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case (c == '"' || c == '\'') && i+2 < n && src[i+1] == c && src[i+2] == c:
			end := strings.Index(src[i+3:], src[i:i+3])
			j := n
			if end >= 0 {
				j = i + 3 + end + 3
			}
			blank(i, j)
			i = j
		case c == '"' || c == '\'' || c == '`':
			j := i + 1
			for ; j < n; j++ {
				if src[j] == '\\' {
					j++
					continue
				}
				if src[j] == c || (src[j] == '\n' && c != '`') {
					break
				}
			}
			j = min(j+1, n)
			blank(i, j)
			i = j
		case c == '/' && i+1 < n && src[i+1] == '/', c == '#' && (i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n'):
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = n - i
			}
			blank(i, i+j)
			i += j
		case c == '/' && i+1 < n && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			j := n
			if end >= 0 {
				j = i + 2 + end + 2
			}
			blank(i, j)
			i = j
		default:
			i++
		}
	}
	return string(b)
}

type taughtKey struct{}

// WithTaught carries what a person taught into a scan's detectors.
func WithTaught(ctx context.Context, t *Taught) context.Context {
	if t == nil {
		return ctx
	}
	return context.WithValue(ctx, taughtKey{}, t)
}

// TaughtFrom is what WithTaught carried, or nil.
func TaughtFrom(ctx context.Context) *Taught {
	if ctx == nil {
		return nil
	}
	t, _ := ctx.Value(taughtKey{}).(*Taught)
	return t
}
