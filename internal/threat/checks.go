package threat

import (
	"regexp"
	"sort"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// A check looks for a control in the code. It returns the evidence
// (file:line) when the control is there, nothing when it is not: a control
// is "implemented" only with evidence.
type check func(c *Context, h Hit) []model.Evidence

var (
	limiterName = regexp.MustCompile(`(?i)(limit|throttl|slowdown)`)
	// A limiter applied in the handler: a call, not a mention.
	limiterBody    = regexp.MustCompile(`(?i)(\w*limiter\.\w+\(|@\w*\.?limit\(|rate_?limit\w*\(|throttl\w*\()`)
	budgetBody     = regexp.MustCompile(`(?i)((quota|budget)\w*\s*(\(|<|>|<=|>=|-=)|credits?\s*(<=|<|-=)\s*\w|\.credits\s*(<=|<)|usage\.total_tokens|check_?(quota|budget|credits))`)
	signatureBody  = regexp.MustCompile(`(construct_event|constructEvent|ConstructEvent|verify_?[sS]ignature|verifySignature|hmac\.compare_digest|timingSafeEqual|hmac\.Equal|svix|verify_webhook|validateRequest)`)
	idempotentBody = regexp.MustCompile(`(?i)(idempoten|already_processed|processed_events|processedevent|(event_id|eventid|event\.id)\s*(in|==|===)\s|seen_events|dedupe|(seen|processed|handled|delivered)\w*\.(has|add|contains|exists|get)\(|delivery_?id|x-github-delivery)`)
	typeCheckBody  = regexp.MustCompile(`(magic\.from_(buffer|file)|filetype\.guess|imghdr\.what|ALLOWED_\w*(TYPES|EXTENSIONS|MIMES)|content_type\s+not\s+in|fileFilter|DetectContentType|fileTypeFrom|mimetypes\.guess_type|file_signature|magic_bytes)`)
	opaqueKeyBody  = regexp.MustCompile(`(uuid\.?uuid4\(\)|uuid4\(\)|randomUUID\(\)|uuid\.New(String)?\(\)|uuidv4\(\)|secrets\.token_(hex|urlsafe)\(|nanoid\(|cuid\()`)
	// Ownership: the query is scoped to the caller, or the handler
	// compares the object's owner with the caller, either way round and
	// with == or != (if item.owner_id != current_user.id: abort).
	ownershipBody = regexp.MustCompile(`(?i)((owner|user|author|account|tenant|creator)_?id\s*(==|===|!=|!==)\s*[\w.\[\]"'()]*(user|current|session|request|req\.|auth|me\b|uid|claims)|` +
		`(current_?user|request\.user|req\.user|session\.user|g\.user|claims|auth\.user)[\w.\[\]"']*\s*(==|===|!=|!==)\s*[\w.\[\]"'()]*(owner|user|author|account|tenant|creator)_?id\b|` +
		`\.(owner|author|user|creator)\s*(==|===|!=|!==|is\s+not|is)\s*(request\.user|current_user|req\.user|g\.user)\b|` +
		`\.(owner|author|creator)\.(id|ID)\s*(==|!=)\s*\w*(user|current|me)\w*\.(id|ID)\b|filter_by\([^)]*(owner|user|author)_id\s*=|filter\([^)]*(owner|user|author)\s*=\s*(request\.user|current_user|user\b)|where:\s*\{[^}]*(userId|ownerId|authorId)\s*:|(and|where)\s+\w*(owner|user|author)_id\s*=|get_object_or_404\([^)]*(owner|user)\s*=)`)
	auditBody      = regexp.MustCompile(`(?i)(audit|log(ger)?\.\w+\([^)]*(deleted|removed|by user|actor))`)
	denialLogBody  = regexp.MustCompile(`(?i)(deny\(|denied|forbidden|unauthori[sz]ed|log\w*\.\w+\([^)]*(access|authori))`)
	roleGuard      = regexp.MustCompile(`(?i)(is_?admin|is_superuser|is_staff|IsAdminUser|staff_member_required|superuser_required|require_?admin|admin_?required|RolesGuard|hasRole|@Roles|role\s*==|permission_required)`)
	mfaGuard       = regexp.MustCompile(`(?i)(mfa|totp|otp|two_factor|webauthn)`)
	allowlistGuard = regexp.MustCompile(`(?i)(allow_?list|allowed_ips|whitelist|trusted_ips|client\.host\s+in|remote_addr\s+in|req\.ip)`)
	// A challenge verified server-side: the provider's siteverify call, or
	// a guard or helper named for it.
	captchaGuard = regexp.MustCompile(`(?i)(captcha|turnstile|proof_?of_?work)`)
	captchaBody  = regexp.MustCompile(`(?i)(verify_?captcha|captcha\w*\.verify|siteverify|recaptcha|hcaptcha|turnstile)`)
)

var checks = map[string]check{
	"rate-limit": func(c *Context, h Hit) []model.Evidence {
		if ev := InGuards(h.Route, limiterName); ev != nil {
			return ev
		}
		if ev := c.AtRoute("rate-limit", h.Route); ev != nil {
			return ev
		}
		if ev := InBody(h.Route, limiterBody); ev != nil {
			return ev
		}
		return c.AppWide("rate-limit")
	},
	"budget": func(c *Context, h Hit) []model.Evidence {
		if ev := InBody(h.Route, budgetBody); ev != nil {
			return ev
		}
		return c.AtRoute("budget", h.Route)
	},
	"captcha": func(c *Context, h Hit) []model.Evidence {
		if ev := InGuards(h.Route, captchaGuard); ev != nil {
			return ev
		}
		if ev := InBody(h.Route, captchaBody); ev != nil {
			return ev
		}
		return c.AtRoute("captcha", h.Route)
	},
	"email-verification": func(c *Context, h Hit) []model.Evidence { return c.Anywhere("email-verification") },
	"webhook-signature": func(c *Context, h Hit) []model.Evidence {
		if ev := InBody(h.Route, signatureBody); ev != nil {
			return ev
		}
		return c.AtRoute("webhook-signature", h.Route)
	},
	"idempotency": func(c *Context, h Hit) []model.Evidence {
		if ev := InBody(h.Route, idempotentBody); ev != nil {
			return ev
		}
		return c.AtRoute("idempotency", h.Route)
	},
	"upload-type-check": func(c *Context, h Hit) []model.Evidence {
		if ev := InBody(h.Route, typeCheckBody); ev != nil {
			return ev
		}
		if ev := InGuards(h.Route, regexp.MustCompile(`(?i)(fileFilter|validat|allowed)`)); ev != nil {
			return ev
		}
		return c.AtRoute("upload-type-check", h.Route)
	},
	"opaque-keys": func(c *Context, h Hit) []model.Evidence {
		if h.Route == nil {
			return c.Anywhere("opaque-keys")
		}
		if ev := InBody(h.Route, opaqueKeyBody); ev != nil {
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
		return InBody(h.Route, ownershipBody)
	},
	"authz-logging": func(c *Context, h Hit) []model.Evidence {
		return InBody(h.Route, denialLogBody)
	},
	"audit-log": func(c *Context, h Hit) []model.Evidence {
		if ev := InBody(h.Route, auditBody); ev != nil {
			return ev
		}
		return c.AtRoute("audit-log", h.Route)
	},
	"admin-role": func(c *Context, h Hit) []model.Evidence {
		if ev := InGuards(h.Route, roleGuard); ev != nil {
			return ev
		}
		return InBody(h.Route, roleGuard)
	},
	"mfa": func(c *Context, h Hit) []model.Evidence {
		if ev := InGuards(h.Route, mfaGuard); ev != nil {
			return ev
		}
		return c.Anywhere("mfa")
	},
	"ip-allowlist": func(c *Context, h Hit) []model.Evidence {
		if ev := InGuards(h.Route, allowlistGuard); ev != nil {
			return ev
		}
		if ev := InBody(h.Route, allowlistGuard); ev != nil {
			return ev
		}
		return c.Anywhere("ip-allowlist")
	},
	"secret-scanning": func(c *Context, h Hit) []model.Evidence { return c.Anywhere("secret-scanning") },
	"env-ignored":     func(c *Context, h Hit) []model.Evidence { return c.Anywhere("env-ignored") },
	"secret-store":    func(c *Context, h Hit) []model.Evidence { return c.Anywhere("secret-store") },
	"graphql-limit":   func(c *Context, h Hit) []model.Evidence { return c.Anywhere("graphql-limit") },
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
