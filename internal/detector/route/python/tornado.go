package python

import (
	"regexp"
	"strconv"
	"strings"
)

// tornadoHandlers reads a Tornado Application's handler table: tuples
// (pattern, RequestHandler[, kwargs[, name]]) and url(pattern, handler,
// ...) specs. A handler class serves the HTTP methods it defines.
func (g *graph) tornadoHandlers(m *module, recv *object, list *expr) {
	items, m := g.listValue(m, list)
	for _, it := range items {
		var pattern, handler *expr
		switch {
		case it.kind == exList && len(it.items) >= 2:
			pattern, handler = it.items[0], it.items[1]
		case it.kind == exCall && (it.callee() == "url" || it.callee() == "URLSpec"):
			pattern, handler = it.arg(0, "pattern"), it.arg(1, "handler")
		default:
			continue
		}
		p, ok := g.ix.str(m, pattern)
		if !ok {
			if pattern != nil {
				g.missed = append(g.missed, missedRoute{file: m.path, line: int(it.line)})
			}
			continue
		}
		g.classRoute(recv, m, handler, p, nil)
	}
}

// frameworkGuards are decorators frameworks ship that refuse a caller
// who has not signed in, by the qualified name they resolve to.
var frameworkGuards = map[string]string{
	"tornado.web.authenticated":         "tornado.web.authenticated redirects an anonymous caller to the login URL or responds 403",
	"starlette.authentication.requires": "starlette requires() responds 403 to a caller without the scopes",
	"quart_auth.login_required":         "quart_auth login_required responds 401 to an anonymous caller",
	"sanic_jwt.protected":               "sanic-jwt protected() responds 401 without a valid token",
	"sanic_jwt.decorators.protected":    "sanic-jwt protected() responds 401 without a valid token",
	"flask_login.utils.login_required":  "login_required rejects an anonymous caller",
	"bottle.auth_basic":                 "bottle auth_basic responds 401 unless its check accepts the caller's credentials",
}

// decorated adds a decorator to a guard chain; one a framework ships to
// refuse anonymous callers is known to authenticate by what it resolves
// to, not by its name.
func (g *graph) decorated(c *guards, m *module, d *expr) {
	name, _ := decoratorName(d)
	c.add("@"+d.text, name, at(m, d))
	target := d
	if d.kind == exCall {
		target = d.fn
	}
	if ev := frameworkGuards[g.ix.resolve(m, target).ext]; ev != "" {
		c.requireLast(ev, "")
	}
	g.falconHook(c, m, d)
}

var (
	// tornadoGroup is one capture group of a Tornado URL pattern, named
	// ((?P<id>...)) or positional ((\d+)).
	tornadoGroup = regexp.MustCompile(`\((?:\?P<([A-Za-z_][A-Za-z0-9_]*)>)?((?:[^()\\]|\\.)*)\)`)
	tornadoEsc   = regexp.MustCompile(`\\([./\-])`)
)

// tornadoPath writes a Tornado URL pattern (a regular expression) as a
// path: anchors dropped, escaped punctuation unescaped, and each capture
// group a parameter named as the group is, or as the handler's parameter
// that receives it (Tornado passes groups to get(self, a, b) in order).
func tornadoPath(p string, params []param) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "^"), "$")
	var names []string
	for _, pr := range params {
		if pr.name != "self" && !strings.HasPrefix(pr.name, "*") {
			names = append(names, pr.name)
		}
	}
	i := 0
	p = tornadoGroup.ReplaceAllStringFunc(p, func(grp string) string {
		sm := tornadoGroup.FindStringSubmatch(grp)
		name := sm[1]
		if name == "" && i < len(names) {
			name = names[i]
		}
		if name == "" {
			name = "param" + strconv.Itoa(i+1)
		}
		i++
		if strings.Contains(sm[2], `\d`) || strings.Contains(sm[2], "0-9") {
			return "{" + name + ":int}"
		}
		return "{" + name + "}"
	})
	p = tornadoEsc.ReplaceAllString(p, "$1")
	return strings.TrimSuffix(p, "/?")
}
