package threat

import (
	"slices"
	"sort"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// A check looks for a control in the code. It returns the evidence
// (file:line) when the control is there, nothing when it is not: a control
// is "implemented" only with evidence.
type check func(c *Context, h Hit) []model.Evidence

var checks = map[string]check{
	"rate-limit": func(c *Context, h Hit) []model.Evidence {
		if c.forgeableLimiter() != nil {
			// It keys on an address any client sets: it limits nothing.
			return nil
		}
		if ev := c.routeLimiter(h.Route); ev != nil {
			return ev
		}
		return c.AppWide("rate-limit")
	},
	// A limiter of the route's own: an app-wide one sized for page views
	// still lets a bot send hundreds of messages.
	"route-rate-limit": func(c *Context, h Hit) []model.Evidence {
		if c.forgeableLimiter() != nil {
			return nil
		}
		return c.routeLimiter(h.Route)
	},
	"budget": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InHandler(facts.SignalBudget, h.Route); ev != nil {
			return ev
		}
		return c.AtRoute("budget", h.Route)
	},
	"captcha": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InGuards(facts.SignalCaptcha, h.Route); ev != nil {
			return ev
		}
		if ev := c.InHandler(facts.SignalCaptcha, h.Route); ev != nil {
			return ev
		}
		return c.AtRoute("captcha", h.Route)
	},
	"email-verification": func(c *Context, h Hit) []model.Evidence { return c.Anywhere("email-verification") },
	"webhook-signature": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InHandler(facts.SignalWebhookSig, h.Route); ev != nil {
			return ev
		}
		if ev := c.urlTokenGate(h.Route); ev != nil {
			return ev
		}
		return c.AtRoute("webhook-signature", h.Route)
	},
	"idempotency": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InHandler(facts.SignalIdempotency, h.Route); ev != nil {
			return ev
		}
		return c.AtRoute("idempotency", h.Route)
	},
	"upload-type-check": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InHandler(facts.SignalUploadTypeCheck, h.Route); ev != nil {
			return ev
		}
		if ev := c.InGuards(facts.SignalUploadTypeCheck, h.Route); ev != nil {
			return ev
		}
		return c.AtRoute("upload-type-check", h.Route)
	},
	// An upload that its code turns away by type, re-encodes, or keys
	// under a value the code made is answered: a file of another kind
	// is refused or rewritten, and no one can guess where one is.
	"upload-checked": func(c *Context, h Hit) []model.Evidence {
		ev := c.InHandler(facts.SignalUploadTypeCheck, h.Route)
		ev = append(ev, c.InGuards(facts.SignalUploadTypeCheck, h.Route)...)
		return append(ev, c.InHandler(facts.SignalUploadOpaqueKey, h.Route)...)
	},
	"opaque-keys": func(c *Context, h Hit) []model.Evidence {
		if h.Route == nil {
			return c.Anywhere("opaque-keys")
		}
		if ev := c.InHandler(facts.SignalUploadOpaqueKey, h.Route); ev != nil {
			return ev
		}
		if ev := c.InHandler(facts.SignalOpaqueKeys, h.Route); ev != nil {
			return ev
		}
		return c.AtRoute("opaque-keys", h.Route)
	},
	"uuid-ids": func(c *Context, h Hit) []model.Evidence {
		if h.Route != nil {
			for _, p := range h.Route.Params {
				if p.Type == facts.TypeUUID {
					return []model.Evidence{{File: h.Route.File, Line: h.Route.Line}}
				}
			}
			for _, p := range h.Route.Params {
				if p.Type == facts.TypeInt {
					return nil
				}
			}
		}
		return c.AtRoute("opaque-keys", h.Route)
	},
	"signed-urls":    func(c *Context, h Hit) []model.Evidence { return c.Anywhere("signed-urls") },
	"private-bucket": func(c *Context, h Hit) []model.Evidence { return c.ForBucket("bucket-public-access-block", h.Store) },
	"bucket-logging": func(c *Context, h Hit) []model.Evidence { return c.ForBucket("bucket-logging", h.Store) },
	"ownership-check": func(c *Context, h Hit) []model.Evidence {
		return c.InHandler(facts.SignalOwnership, h.Route)
	},
	"authz-logging": func(c *Context, h Hit) []model.Evidence {
		return c.InHandler(facts.SignalDenialLog, h.Route)
	},
	"audit-log": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InHandler(facts.SignalAuditLog, h.Route); ev != nil {
			return ev
		}
		return c.AtRoute("audit-log", h.Route)
	},
	"admin-role": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InGuards(facts.SignalAdminRole, h.Route); ev != nil {
			return ev
		}
		return c.InHandler(facts.SignalAdminRole, h.Route)
	},
	"mfa": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InGuards(facts.SignalMFA, h.Route); ev != nil {
			return ev
		}
		return c.Anywhere("mfa")
	},
	"ip-allowlist": func(c *Context, h Hit) []model.Evidence {
		if ev := c.InGuards(facts.SignalIPAllowlist, h.Route); ev != nil {
			return ev
		}
		if ev := c.InHandler(facts.SignalIPAllowlist, h.Route); ev != nil {
			return ev
		}
		return c.Anywhere("ip-allowlist")
	},
	// debug-guard: a debug or metrics route answers to an allow-list of
	// addresses or to one shared password (basic auth) at the route.
	"debug-guard": func(c *Context, h Hit) []model.Evidence {
		for _, kind := range []string{facts.SignalIPAllowlist, facts.SignalBasicAuth} {
			if ev := c.InGuards(kind, h.Route); ev != nil {
				return ev
			}
			if ev := c.InHandler(kind, h.Route); ev != nil {
				return ev
			}
		}
		return nil
	},
	// ssrf-guard: the code refuses addresses inside the network for this
	// fetch: on its path or where its client is made (what the data-flow
	// frontend found, Weakness.Guard), or a filter or an address check
	// that rejects in the file that makes the request.
	"ssrf-guard": func(c *Context, h Hit) []model.Evidence {
		file := h.File
		switch {
		case h.Sink != nil:
			for _, w := range c.F.Weaknesses {
				if w.Kind == "ssrf" && len(w.Guard) > 0 && len(w.Path) > 0 && w.Path[len(w.Path)-1] == *h.Sink {
					return toModel(w.Guard)
				}
			}
			file = h.Sink.File
		case len(h.Evidence) > 0:
			file = h.Evidence[0].File
		}
		return c.InFile("ssrf-guard", file)
	},
	"secret-scanning": func(c *Context, h Hit) []model.Evidence { return c.Anywhere("secret-scanning") },
	"env-ignored":     func(c *Context, h Hit) []model.Evidence { return c.Anywhere("env-ignored") },
	// secret-store: a secret store in the code, or, for secrets that the
	// settings production loads assign again (from the environment, a
	// file), the lines that do: the committed value never runs there.
	"secret-store": func(c *Context, h Hit) []model.Evidence {
		if ev := c.replacedInProduction(h.Evidence); ev != nil {
			return ev
		}
		return c.Anywhere("secret-store")
	},
	"graphql-limit": func(c *Context, h Hit) []model.Evidence { return c.Anywhere("graphql-limit") },
	"csp":           func(c *Context, h Hit) []model.Evidence { return c.Anywhere("csp") },
	// csrf-protection: a view exempted from the check has none, whatever
	// the app installs; else a check at the route or anywhere in the app.
	"csrf-protection": func(c *Context, h Hit) []model.Evidence {
		if h.Route != nil && c.InGuards(facts.SignalCSRFExempt, h.Route) != nil {
			return nil
		}
		if c.csrfTurnedOff() {
			return nil
		}
		if ev := c.InGuards(facts.SignalCSRFCheck, h.Route); ev != nil {
			return ev
		}
		return c.Anywhere("csrf-protection")
	},
	// password-hashing: a slow hash anywhere stands for passwords stored
	// through it (a model's save hook hashes what a route assigns).
	"password-hashing": func(c *Context, h Hit) []model.Evidence { return c.Anywhere("slow-password-hash") },
	"slow-password-hash": func(c *Context, h Hit) []model.Evidence {
		// bcrypt in the signup code does not answer an MD5 still used
		// where the fast hash is: only a slow hash in that file does.
		if h.File != "" {
			return c.InFile("slow-password-hash", h.File)
		}
		return c.Anywhere("slow-password-hash")
	},
}

// CheckIDs lists every evidence check, sorted.
func CheckIDs() []string {
	ids := make([]string, 0, len(checks))
	for id := range checks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// replacedInProduction is the evidence that every secret at ev is a
// setting the settings production loads assign again, or nil.
func (c *Context) replacedInProduction(ev []model.Evidence) []model.Evidence {
	var out []model.Evidence
	for _, e := range ev {
		found := false
		for _, s := range c.F.Secrets {
			if s.File != e.File || s.Line != e.Line || s.Variable == "" {
				continue
			}
			for _, ctl := range c.ControlsOf(facts.ControlReplaced) {
				if ctl.Detail == facts.ReplacedKey(s.Variable, s.File) {
					out = append(out, toModel(ctl.Evidence)...)
					found = true
				}
			}
		}
		if !found {
			return nil
		}
	}
	return out
}

// settingLimiter is where the app's limiter lets every request through
// unless a setting turns it on, or nil.
func (c *Context) settingLimiter() []model.Evidence {
	var out []model.Evidence
	for _, w := range c.F.Weaknesses {
		if w.Kind == "limiter-behind-setting" {
			out = append(out, toModel(w.Evidence)...)
		}
	}
	return out
}

// forgeableLimiter is the evidence that the app's limiter keys on the
// client address while a middleware replaces that address with what a
// client-sent X-Forwarded-For says (gorilla's handlers.ProxyHeaders with
// no trusted-proxy setting, Express trusting every hop), or on that
// header read straight from the request; or nil.
func (c *Context) forgeableLimiter() []model.Evidence {
	ev, _ := c.forgedLimiter()
	return ev
}

// forgedLimiter is forgeableLimiter with how the address is forged, in
// words for a difficulty reason.
func (c *Context) forgedLimiter() ([]model.Evidence, string) {
	var forged, keyed, header []model.Evidence
	for _, w := range c.F.Weaknesses {
		switch w.Kind {
		case "forgeable-client-address":
			forged = append(forged, toModel(w.Evidence)...)
		case "limiter-keyed-on-address":
			keyed = append(keyed, toModel(w.Evidence)...)
		case "limiter-keyed-on-header":
			header = append(header, toModel(w.Evidence)...)
		}
	}
	if forged == nil || keyed == nil {
		if header == nil {
			return nil, ""
		}
		return header, "the limiter is keyed on a client-set header (X-Forwarded-For or X-Real-IP), which a bot changes with every request"
	}
	return append(append(forged, keyed...), header...), "the limiter keys on the client address, which any X-Forwarded-For the client sends replaces"
}

// routeLimiter is a rate limit on the route itself: in its guards, applied
// at its path, or in its handler. A limiter guard that every route of its
// file carries, where the app applies one app-wide, is that one.
func (c *Context) routeLimiter(r *facts.Route) []model.Evidence {
	for _, s := range c.signalsOf(r) {
		if s.Kind == facts.SignalRateLimit && s.In == facts.SignalInGuards && !c.appWideGuard(r, s.Detail) {
			return []model.Evidence{{File: s.Evidence.File, Line: s.Evidence.Line}}
		}
	}
	if ev := c.AtRoute("rate-limit", r); ev != nil {
		return ev
	}
	return c.InHandler(facts.SignalRateLimit, r)
}

// appWideGuard says a middleware named name runs on every route of r's
// file (two or more) while the app applies a limiter app-wide: the app's
// one, listed on each route, not the route's own.
func (c *Context) appWideGuard(r *facts.Route, name string) bool {
	if name == "" || c.AppWide("rate-limit") == nil {
		return false
	}
	n := 0
	for i := range c.F.Surfaces {
		o := &c.F.Surfaces[i]
		if o.File != r.File {
			continue
		}
		if !slices.Contains(o.Middleware, name) {
			return false
		}
		n++
	}
	return n >= 2
}
