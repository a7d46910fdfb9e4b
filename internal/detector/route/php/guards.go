package php

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// frameworkAliases are the aliases Laravel itself registers, used where
// the tree's own alias table does not name the alias.
var frameworkAliases = map[string]string{
	"auth":             `Illuminate\Auth\Middleware\Authenticate`,
	"auth.basic":       `Illuminate\Auth\Middleware\AuthenticateWithBasicAuth`,
	"auth.session":     `Illuminate\Session\Middleware\AuthenticateSession`,
	"can":              `Illuminate\Auth\Middleware\Authorize`,
	"verified":         `Illuminate\Auth\Middleware\EnsureEmailIsVerified`,
	"password.confirm": `Illuminate\Auth\Middleware\RequirePassword`,
	"guest":            `Illuminate\Auth\Middleware\RedirectIfAuthenticated`,
	"throttle":         `Illuminate\Routing\Middleware\ThrottleRequests`,
	"signed":           `Illuminate\Routing\Middleware\ValidateSignature`,
	"cache.headers":    `Illuminate\Http\Middleware\SetCacheHeaders`,
	"bindings":         `Illuminate\Routing\Middleware\SubstituteBindings`,
	"precognitive":     `Illuminate\Foundation\Http\Middleware\HandlePrecognitiveRequests`,
	// Sanctum's, as its documentation has the app register them.
	"abilities": `Laravel\Sanctum\Http\Middleware\CheckAbilities`,
	"ability":   `Laravel\Sanctum\Http\Middleware\CheckForAnyAbility`,
}

// frameworkGuards are the middleware classes of Laravel and its auth
// packages that reject a caller who is not signed in, by what their code
// does (their code is in vendor/, not the tree).
var frameworkGuards = map[string]string{
	`Illuminate\Auth\Middleware\Authenticate`:                 "Laravel's Authenticate throws AuthenticationException (401, or a redirect to login) for a guest",
	`Illuminate\Auth\Middleware\AuthenticateWithBasicAuth`:    "Laravel's AuthenticateWithBasicAuth answers 401 without valid credentials",
	`Illuminate\Auth\Middleware\Authorize`:                    "Laravel's Authorize (can:) runs the Gate, which denies a guest with 403",
	`Illuminate\Auth\Middleware\EnsureEmailIsVerified`:        "Laravel's EnsureEmailIsVerified answers 403 (or a redirect) unless a signed-in user has verified",
	`Illuminate\Auth\Middleware\RequirePassword`:              "Laravel's RequirePassword sends a caller without a recent password confirmation to confirm it",
	`Laravel\Sanctum\Http\Middleware\CheckAbilities`:          "Sanctum's CheckAbilities throws AuthenticationException without a token",
	`Laravel\Sanctum\Http\Middleware\CheckForAnyAbility`:      "Sanctum's CheckForAnyAbility throws AuthenticationException without a token",
	`Laravel\Passport\Http\Middleware\CheckScopes`:            "Passport's CheckScopes throws AuthenticationException without a token",
	`Laravel\Passport\Http\Middleware\CheckForAnyScope`:       "Passport's CheckForAnyScope throws AuthenticationException without a token",
	`Laravel\Passport\Http\Middleware\CheckClientCredentials`: "Passport's CheckClientCredentials throws AuthenticationException without a valid client token",
	`Spatie\Permission\Middleware\RoleMiddleware`:             "spatie/laravel-permission's RoleMiddleware throws UnauthorizedException for a guest",
	`Spatie\Permission\Middleware\PermissionMiddleware`:       "spatie/laravel-permission's PermissionMiddleware throws UnauthorizedException for a guest",
	`Spatie\Permission\Middleware\RoleOrPermissionMiddleware`: "spatie/laravel-permission's RoleOrPermissionMiddleware throws UnauthorizedException for a guest",
}

// frameworkPlumbing are framework middleware that reject no one for who
// they are: rate limits, signatures, headers, bindings.
var frameworkPlumbing = map[string]bool{
	`Illuminate\Routing\Middleware\ThrottleRequests`:                   true,
	`Illuminate\Routing\Middleware\ValidateSignature`:                  true,
	`Illuminate\Http\Middleware\SetCacheHeaders`:                       true,
	`Illuminate\Routing\Middleware\SubstituteBindings`:                 true,
	`Illuminate\Session\Middleware\AuthenticateSession`:                true,
	`Illuminate\Foundation\Http\Middleware\HandlePrecognitiveRequests`: true,
	`Illuminate\Http\Middleware\HandleCors`:                            true,
}

// mwAlias is a middleware's alias without its parameters (auth:sanctum
// is auth).
func mwAlias(name string) string {
	a, _, _ := strings.Cut(name, ":")
	return a
}

// guards turns one middleware as applied into the guards it stands for:
// a group into its members, an alias into its class, read by what the
// class does (its handle() in the tree, or a framework class's known
// behaviour).
func (ix *index) guards(m mwUse, depth int) []router.Guard {
	if m.name == authorizeResource {
		return []router.Guard{{Text: "$this->authorizeResource()", Applied: m.at,
			Verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "the controller's authorizeResource runs its policy, which denies a guest, before each action"}}}
	}
	if m.src != "" {
		// A closure middleware: its code decides.
		return []router.Guard{{Text: "closure middleware", Source: m.src, Applied: m.at, Defined: m.at}}
	}
	alias, params, _ := strings.Cut(m.name, ":")
	if members, ok := ix.groups[alias]; ok && depth < 4 && !strings.Contains(alias, `\`) {
		// The group is listed by its name; its members are judged, each
		// under its own name.
		out := []router.Guard{{Name: m.name, Applied: m.at, Verdict: plumbing("a middleware group, judged by its members")}}
		for _, n := range members {
			for _, g := range ix.guards(mwUse{name: n, at: m.at}, depth+1) {
				if g.Text == "" {
					g.Text = g.Name
				}
				g.Name = ""
				out = append(out, g)
			}
		}
		return out
	}
	g := router.Guard{Name: m.name, Applied: m.at}
	target, aliased := ix.aliases[alias]
	if !aliased {
		target, aliased = frameworkAliases[alias]
	}
	if !aliased {
		if strings.Contains(alias, `\`) || ix.class(alias, "") != nil {
			target = alias
		} else if alias == "web" || alias == "api" {
			g.Verdict = plumbing("Laravel's " + alias + " group (sessions, cookies, CSRF, bindings) rejects no caller by identity")
			return []router.Guard{g}
		} else {
			return []router.Guard{g}
		}
	}
	target = strings.TrimPrefix(target, `\`)
	if short(target) == "RedirectIfAuthenticated" {
		// guest: for callers who are not signed in; judged by its name.
		return []router.Guard{g}
	}
	if why := frameworkGuard(target); why != "" {
		g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: why, Role: roleParam(alias, params)}
		return []router.Guard{g}
	}
	// Laravel's own middleware and its first-party packages' other than
	// their authenticators (sessions, cookies, CSRF, Passport's fresh
	// token cookie) reject no caller by identity.
	if frameworkPlumbing[target] || (strings.HasPrefix(target, `Illuminate\`) || strings.HasPrefix(target, `Laravel\`)) && ix.byFQN[strings.ToLower(target)] == nil {
		g.Verdict = plumbing(short(target) + " rejects no caller by identity")
		return []router.Guard{g}
	}
	c := ix.class(target, "")
	if c == nil {
		return []router.Guard{g}
	}
	// A class of the app that extends a framework guard (App's
	// Authenticate extends Illuminate's) does what it does, unless it
	// overrides handle().
	for k, b := 0, c; b != nil && k < 8; k++ {
		if why := frameworkGuard(b.base); why != "" {
			if b.methods["handle"] == nil {
				g.Defined = facts.Evidence{File: c.file, Line: c.line}
				g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: short(c.name) + " extends " + why, Role: roleParam(alias, params)}
				return []router.Guard{g}
			}
			break
		}
		if b.methods["handle"] != nil {
			break
		}
		b = ix.class(b.base, "")
	}
	if owner, h := ix.middlewareMethod(c); h != nil {
		if why := softParam(h.body, params); why != "" {
			// auth.api:optional: the parameter turns its rejection of a
			// caller without a credential off.
			g.Defined = facts.Evidence{File: owner.file, Line: h.line}
			g.Verdict = plumbing(why)
			return []router.Guard{g}
		}
		g.Source = ix.withOwnCalls(c, h)
		g.Defined = facts.Evidence{File: owner.file, Line: h.line}
	} else if top := ix.lineageTop(c); strings.HasPrefix(top.base, `Illuminate\`) || strings.HasPrefix(top.base, `Laravel\`) {
		// It extends a framework middleware that is no authenticator
		// (EncryptCookies, VerifyCsrfToken, TrimStrings).
		g.Verdict = plumbing(c.name + " extends " + short(top.base) + ", which rejects no caller by identity")
	}
	return []router.Guard{g}
}

// withOwnCalls is a method's code with that of the methods of its own
// class (or a base's) it calls as $this->name(), two calls deep, where
// the tree has more than one method of that name: the judge's lookup
// finds a helper by its name alone, and a controller's respondError is
// not the middleware's.
func (ix *index) withOwnCalls(c *class, m *method) string {
	out, todo := m.body, []string{m.body}
	seen := map[*method]bool{m: true}
	for depth := 0; depth < 2 && len(todo) > 0; depth++ {
		var next []string
		for _, code := range todo {
			for _, k := range thisCall.FindAllStringSubmatch(code, -1) {
				if _, h := ix.method(c, k[1]); h != nil && !seen[h] {
					seen[h] = true
					next = append(next, h.body)
					if len(ix.methods[strings.ToLower(k[1])]) >= 2 {
						out += "\n\n" + h.body
					}
					// else the lookup finds it, with where it is; the
					// calls it makes are still followed.
				}
			}
		}
		todo = next
	}
	return out
}

var thisCall = regexp.MustCompile(`\$this->(\w+)\s*\(`)

// softParam says why a middleware given parameters (auth.api:optional)
// lets a caller without a credential through: its handle() takes a
// parameter after $next and rejects only when that parameter is unset
// (if ($optional === null) return 401), or "".
func softParam(src, params string) string {
	if params == "" {
		return ""
	}
	m := handleParams.FindStringSubmatch(src)
	if m == nil {
		return ""
	}
	p := regexp.QuoteMeta(m[1])
	unset := regexp.MustCompile(`if\s*\(\s*(?:\$` + p + `\s*===?\s*null|null\s*===?\s*\$` + p + `|is_null\(\s*\$` + p + `\s*\)|!\s*\$` + p + `|empty\(\s*\$` + p + `\s*\))\s*\)`)
	if !unset.MatchString(src) {
		return ""
	}
	return "given " + params + ", its handle() lets a caller without a credential through: it rejects only when $" + m[1] + " is unset"
}

// handleParams is a handle() declaration's parameter after $next.
var handleParams = regexp.MustCompile(`function\s+handle\s*\(\s*[^,()]*\$\w+\s*,\s*[^,()]*\$\w+\s*,\s*[^,()$]*\$(\w+)`)

func frameworkGuard(class string) string {
	return frameworkGuards[strings.TrimPrefix(class, `\`)]
}

func plumbing(why string) router.Verdict {
	return router.Verdict{Auth: facts.AuthNone, Evidence: why}
}

// roleParam is the role or ability a guard's parameters demand
// (can:manage-users, role:admin); auth:sanctum names a guard, no role.
func roleParam(alias, params string) string {
	switch alias {
	case "auth", "auth.basic", "verified", "password.confirm":
		return ""
	}
	first, _, _ := strings.Cut(params, ",")
	first, _, _ = strings.Cut(first, "|")
	return first
}

// lineageTop is the last class of c's lineage the tree holds: its base
// is outside the tree.
func (ix *index) lineageTop(c *class) *class {
	for i := 0; i < 8; i++ {
		b := ix.class(c.base, "")
		if b == nil || b == c {
			return c
		}
		c = b
	}
	return c
}

// middlewareMethod is the method a middleware class runs on a request:
// Laravel's handle(), PSR-15's process(), or __invoke() (Slim's callable
// middleware).
func (ix *index) middlewareMethod(c *class) (*class, *method) {
	for _, name := range []string{"handle", "process", "__invoke"} {
		if owner, m := ix.method(c, name); m != nil {
			return owner, m
		}
	}
	return nil, nil
}
