// Package signal finds code-level security signals that are not surfaces:
// weaknesses (a weak password hash, wildcard CORS with credentials, an
// unverified JWT, user URLs fetched server-side, SQL built from strings)
// and controls (a rate limiter, a signature check, content sniffing,
// signed URLs, an audit log). The threat rules read both: weaknesses fire
// threats; controls turn planned mitigations into evidenced ones.
package signal

import (
	"context"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// Pattern is one signal: a regex run only on files that contain one of its
// keywords, in the languages it names.
type Pattern struct {
	Weakness string // kind of weakness, or
	Control  string // kind of control
	Detail   string
	Langs    []string // file extensions without the dot
	Keywords []string
	Re       *regexp.Regexp
	// Also, if set, must match somewhere in the same file too (CORS: a
	// wildcard origin AND credentials).
	Also *regexp.Regexp
	// AlsoInCall asks Also to match inside the same call or literal as
	// the match (the brackets around it), not anywhere in the file.
	AlsoInCall bool
	// Scope "app" marks a control applied to every route (app.use(limiter)).
	Scope string
}

var (
	code = []string{"py", "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "go", "rb", "java", "kt", "php", "cs"}
	py   = []string{"py"}
	js   = []string{"js", "mjs", "cjs", "jsx", "ts", "tsx", "mts"}
	tf   = []string{"tf"}
)

// Patterns is the catalogue, in one place.
var Patterns = []Pattern{
	// Weaknesses.
	{Weakness: "weak-password-hash", Detail: "password hashed with a fast hash (MD5/SHA)", Langs: code,
		Keywords: []string{"md5", "sha1", "sha256", "MD5", "SHA1", "SHA256"},
		Re:       regexp.MustCompile(`(?i)(hashlib\.(md5|sha1|sha256)\([^)\n]*pass|createHash\(\s*['"](md5|sha1|sha256)['"]\s*\)\s*\.update\([^)\n]*pass|(md5|sha1|sha256)\.Sum(256)?\(\[\]byte\([^)\n]*pass|DigestUtils\.(md5|sha1|sha256)\w*\([^)\n]*pass|(md5|sha1)\(\s*\$?\w*pass)`)},
	// A CORS policy is one call or options literal: the credentials flag
	// must sit in the same one, so a public cookieless policy next to a
	// pinned credentialed one is no weakness.
	{Weakness: "cors-wildcard-credentials", Detail: "CORS allows any origin with credentials", Langs: code,
		Keywords:   []string{"credentials", "Credentials"},
		Re:         regexp.MustCompile(`(?i)(allow_origins\s*=\s*\[\s*['"]\*['"]|origins?\s*[:=]\s*(\[\s*)?['"]\*['"]|origin\s*:\s*true|AllowedOrigins:\s*\[\]string\{\s*"\*"|AllowOrigins:\s*\[\]string\{\s*"\*"|AllowAllOrigins:\s*true|CORS\(\s*app\s*,[^)\n]*supports_credentials\s*=\s*True)`),
		Also:       regexp.MustCompile(`(?i)(allow_credentials\s*=\s*True|credentials\s*:\s*true|AllowCredentials:\s*true|supports_credentials\s*=\s*True)`),
		AlsoInCall: true},
	// Django settings are one module: the two flags may be far apart.
	{Weakness: "cors-wildcard-credentials", Detail: "CORS allows any origin with credentials", Langs: py,
		Keywords: []string{"CORS_ALLOW_CREDENTIALS"},
		Re:       regexp.MustCompile(`(CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)\s*=\s*True`),
		Also:     regexp.MustCompile(`CORS_ALLOW_CREDENTIALS\s*=\s*True`)},
	{Weakness: "jwt-unverified", Detail: "JWT accepted without verifying its signature", Langs: code,
		Keywords: []string{"jwt", "JWT", "jose"},
		Re:       regexp.MustCompile(`(?i)(algorithms?\s*[:=]\s*\[?\s*['"]none['"]|verify_signature['"]?\s*:\s*False|verify\s*=\s*False|jwt\.decode\([^)\n]*complete|SigningMethodNone|UnsafeAllowNoneSignatureType|ParseUnverified|jwt\.decode\(\s*\w+\s*\)\s*$)`)},
	// Session settings: the cookie they configure is the session's.
	{Weakness: "cookie-insecure", Detail: "session cookie without HttpOnly or Secure", Langs: code,
		Keywords: []string{"COOKIE_SECURE", "COOKIE_HTTPONLY", "cookie:"},
		Re:       regexp.MustCompile(`(SESSION_COOKIE_SECURE\s*=\s*False|SESSION_COOKIE_HTTPONLY\s*=\s*False|CSRF_COOKIE_SECURE\s*=\s*False|cookie\s*:\s*\{[^}]*(secure|httpOnly)\s*:\s*false)`)},
	// One cookie's flags: a weakness when that cookie carries a session or
	// token; a theme or locale cookie may well be readable by script.
	{Weakness: "cookie-insecure", Detail: "session cookie without HttpOnly or Secure", Langs: code,
		Keywords: []string{"httponly", "httpOnly", "HttpOnly", "secure=", "secure:", "Secure:"},
		Re:       regexp.MustCompile(`(httponly\s*=\s*False|secure\s*=\s*False|httpOnly\s*:\s*false|secure\s*:\s*false|HttpOnly:\s*false|Secure:\s*false)`),
		Also:     regexp.MustCompile(`(?i)(sess|\bsid\b|auth|jwt|login|remember|access_?token|refresh_?token)`), AlsoInCall: true},
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: code,
		Keywords: []string{"url", "URL"},
		Re: regexp.MustCompile(`(requests\.(get|post|put|head)\(\s*(request\.|body\.|payload\.|data\[)|httpx\.(get|post)\(\s*(request\.|body\.)|urlopen\(\s*request\.|` +
			`fetch\(\s*req\.(body|query|params)\.|axios(\.(get|post))?\(\s*req\.(body|query|params)\.|got\(\s*req\.(body|query)\.|` +
			`http\.Get\(\s*r\.(URL\.Query\(\)\.Get|FormValue)\()`)},
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: py,
		Keywords: []string{"url"},
		Re:       regexp.MustCompile(`(requests|httpx)\.(get|post|put|head)\(\s*(url|target|link)\b`),
		Also:     regexp.MustCompile(`(url|target|link)\s*=\s*(request\.(args|form|json|GET|POST|query_params)|body\.|payload\.|data\[)|\b(url|target|link)\s*:\s*(str|HttpUrl|AnyUrl)\b`)},
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: js,
		Keywords: []string{"url"},
		Re:       regexp.MustCompile(`(fetch|axios\.(get|post)|got)\(\s*(url|target|link)\b`),
		Also:     regexp.MustCompile(`(const|let|var)\s*(\{\s*)?(url|target|link)\b[^=\n]*=\s*req\.(body|query|params)`)},
	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: code,
		Keywords: []string{"SELECT", "INSERT", "UPDATE", "DELETE", "select ", "execute"},
		Re: regexp.MustCompile(`(?i)(execute\(\s*f["'](select|insert|update|delete)\b|execute\(\s*["'](select|insert|update|delete)\b[^"'\n]*["']\s*(%|\+|\.format)|` +
			`(query|execute|raw)\(\s*` + "`" + `(select|insert|update|delete)\b[^` + "`" + `]*\$\{|` +
			`(Query|Exec|QueryRow)(Context)?\(\s*(ctx,\s*)?fmt\.Sprintf\(\s*"(select|insert|update|delete)\b|` +
			`(query|execute)\(\s*["'](select|insert|update|delete)\b[^"'\n]*["']\s*\+\s*req\.)`)},
	{Weakness: "llm-tools", Detail: "an LLM call can invoke tools or functions", Langs: code,
		Keywords: []string{"tools", "functions", "tool_choice", "bind_tools"},
		Re:       regexp.MustCompile(`(\btools\s*[=:]\s*[\[\w]|\bfunctions\s*[=:]\s*\[|tool_choice|bind_tools\(|AgentExecutor|create_react_agent)`),
		Also:     regexp.MustCompile(`(?i)(openai|anthropic|langchain|chat\.completions|messages\.create|ChatOpenAI|generateContent)`)},

	// Controls.
	{Control: "rate-limit", Detail: "rate limiter applied app-wide", Langs: code, Scope: "app",
		Keywords: []string{"imit", "hrottle", "tollbooth", "httprate"},
		Re:       regexp.MustCompile(`(app\.use\(\s*(\w*[lL]imit\w*|rateLimit\(|slowDown\()|\.Use\(\s*(httprate\.|tollbooth\.|\w*[lL]imit)|app\.add_middleware\(\s*SlowAPIMiddleware|default_limits\s*=|DEFAULT_THROTTLE_RATES|ThrottlerGuard|register\(\s*(import\(['"])?@fastify/rate-limit|APP_GUARD[^\n]*Throttler)`)},
	{Control: "rate-limit", Detail: "rate limiter", Langs: code,
		Keywords: []string{"imit", "hrottle", "tollbooth", "httprate"},
		Re:       regexp.MustCompile(`(@(\w+\.)?limit\(|@ratelimit\(|@throttle_classes|throttle_classes\s*=|@Throttle\(|rateLimit\(\s*\{|slowDown\(|rate\.NewLimiter\(|httprate\.Limit|tollbooth\.|limiter\.(Limit|Allow|Wait)\(|RateLimiter\(|express-rate-limit|flask_limiter|slowapi)`)},
	{Control: "budget", Detail: "spend or quota enforced per account", Langs: code,
		Keywords: []string{"quota", "budget", "credits", "usage", "Quota", "Budget", "Credits"},
		Re:       regexp.MustCompile(`(?i)(quota|budget)\w*\s*(\(|<|>|<=|>=|-=)|credits?\s*(<=|<|-=)\s*\w|usage\.total_tokens|max_spend|spend_limit`)},
	{Control: "webhook-signature", Detail: "webhook signature verified", Langs: code,
		Keywords: []string{"onstruct", "ignature", "hmac", "Hmac", "HMAC", "svix", "verify"},
		Re:       regexp.MustCompile(`(construct_event\(|constructEvent(Async)?\(|webhook\.ConstructEvent|Webhook\.construct_event|hmac\.compare_digest|timingSafeEqual\(|hmac\.Equal\(|verify_signature\(|verifySignature\(|svix|WebhookSignature\.verify|validateRequest\(|verify_webhook\()`)},
	{Control: "idempotency", Detail: "events processed once (idempotency)", Langs: code,
		Keywords: []string{"dempoten", "processed", "event_id", "eventId", "event.id", "EventID"},
		Re:       regexp.MustCompile(`(?i)(idempoten\w*|already_processed|processed_events|ProcessedEvent|(event_id|eventId|event\.id|EventID)\s*(in|==|===)\s|exists\(\s*event\.id|unique.*event_id)`)},
	{Control: "upload-type-check", Detail: "upload content type checked server-side", Langs: code,
		Keywords: []string{"magic", "filetype", "imghdr", "ALLOWED", "fileFilter", "DetectContentType", "fileTypeFrom", "mimetypes", "content_type"},
		Re:       regexp.MustCompile(`(magic\.from_(buffer|file)|filetype\.guess|imghdr\.what|ALLOWED_(MIME|CONTENT|FILE)?_?(TYPES|EXTENSIONS|MIMES)|fileFilter\s*[:(]|http\.DetectContentType|fileTypeFrom(Buffer|File|Stream)|content_type\s+not\s+in|mimetypes\.guess_type)`)},
	{Control: "opaque-keys", Detail: "opaque, random object keys or ids", Langs: code,
		Keywords: []string{"uuid", "UUID", "randomUUID", "token_hex", "token_urlsafe", "nanoid", "cuid"},
		Re:       regexp.MustCompile(`(uuid\.?uuid4\(\)|uuid4\(\)|randomUUID\(\)|uuid\.New(String)?\(\)|uuidv4\(\)|v4\(\)|secrets\.token_(hex|urlsafe)\(|nanoid\(|cuid\(|UUIDField\(|Column\(\s*UUID|@default\(uuid\(\)\)|PrimaryGeneratedColumn\(\s*['"]uuid['"])`)},
	{Control: "signed-urls", Detail: "files served through short-lived signed URLs", Langs: code,
		Keywords: []string{"resign", "ignedUrl", "igned_url"},
		Re:       regexp.MustCompile(`(generate_presigned_url|generate_presigned_post|getSignedUrl|PresignGetObject|PresignPutObject|createPresignedPost|generate_signed_url|signed_url\(|getSignedURL)`)},
	{Control: "bucket-logging", Detail: "bucket access logging", Langs: tf,
		Keywords: []string{"logging"},
		Re:       regexp.MustCompile(`(resource\s+"aws_s3_bucket_logging"|^\s*logging\s*\{)`)},
	{Control: "audit-log", Detail: "audit log of sensitive actions", Langs: code,
		Keywords: []string{"audit", "Audit", "AUDIT"},
		Re:       regexp.MustCompile(`(?i)(audit_?log|auditlog|log_?audit|audit\.(log|record|write|info)|AuditEvent|record_audit|audit_trail)`)},
	{Control: "mfa", Detail: "multi-factor authentication", Langs: code,
		Keywords: []string{"mfa", "MFA", "totp", "TOTP", "otp", "two_factor", "webauthn", "WebAuthn"},
		Re:       regexp.MustCompile(`(?i)(\bmfa_?(required|verified|enabled)|require_mfa|pyotp|otplib|\btotp\b|two_factor|webauthn|verify_otp)`)},
	{Control: "ip-allowlist", Detail: "IP allowlist", Langs: code,
		Keywords: []string{"llow", "hitelist", "ALLOW", "WHITELIST"},
		Re:       regexp.MustCompile(`(?i)(ip_?allow_?list|allowed_ips|admin_ips|ip_?whitelist|trusted_ips)`)},
	{Control: "graphql-limit", Detail: "GraphQL depth or cost limit", Langs: code,
		Keywords: []string{"epth", "omplexity", "Depth", "Complexity"},
		Re:       regexp.MustCompile(`(depthLimit\(|graphql-depth-limit|QueryDepthLimiter|max_depth\s*=|createComplexityLimitRule|FixedComplexityLimit|MaxDepth|complexityLimit|costAnalysis)`)},
	{Control: "captcha", Detail: "CAPTCHA or challenge verified server-side", Langs: code,
		Keywords: []string{"aptcha", "siteverify", "turnstile", "Turnstile"},
		Re:       regexp.MustCompile(`(siteverify|ReCaptchaField|RecaptchaField|verify_?[cC]aptcha\(|[cC]aptcha\.verify\(|hcaptcha\.verify|friendly-challenge|altcha)`)},
	{Control: "email-verification", Detail: "e-mail verified before access", Langs: code,
		Keywords: []string{"verified", "Verified"},
		Re:       regexp.MustCompile(`(?i)(email_verified|emailVerified|is_verified|verified_at|require_verified)`)},
	{Control: "basic-auth", Detail: "HTTP basic auth (one shared password)", Langs: code,
		Keywords: []string{"Basic", "basic"},
		Re:       regexp.MustCompile(`(HTTPBasic\(|HTTPBasicCredentials|basicAuth\(|express-basic-auth|BasicAuth\(|\.BasicAuth\(\)|auth_basic|HTTPBasicAuth\(\))`)},
	{Control: "slow-password-hash", Detail: "passwords hashed with a slow, salted hash", Langs: code,
		Keywords: []string{"bcrypt", "argon2", "scrypt", "pbkdf2", "passlib", "make_password", "generate_password_hash"},
		Re:       regexp.MustCompile(`(bcrypt|argon2|scrypt|pbkdf2|PBKDF2|passlib|make_password\(|generate_password_hash\()`)},
	{Control: "secret-store", Detail: "production secrets read from a secret store", Langs: code,
		Keywords: []string{"ecret", "hvac", "doppler", "Doppler", "vault", "Vault"},
		Re:       regexp.MustCompile(`(secretsmanager|SecretsManager|SecretManagerServiceClient|hvac\.Client|@azure/keyvault|SecretClient\(|doppler|get_secret_value|GetSecretValue)`)},
}

// Detector finds every pattern.
type Detector struct {
	keywords []string
}

// New makes the detector.
func New() *Detector {
	seen := map[string]bool{}
	d := &Detector{}
	for _, p := range Patterns {
		for _, k := range p.Keywords {
			if !seen[k] {
				seen[k] = true
				d.keywords = append(d.keywords, k)
			}
		}
	}
	return d
}

// Name implements detector.Detector.
func (*Detector) Name() string { return "signal" }

// Keywords implements detector.Keyworded. ".env" lets .gitignore files
// through.
func (d *Detector) Keywords() []string { return append(d.keywords, ".env") }

var allExts = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range Patterns {
		for _, l := range p.Langs {
			m[l] = true
		}
	}
	return m
}()

// Match implements detector.Detector: source files, not tests, and
// .gitignore files (does the repository keep .env out?).
func (*Detector) Match(p string) bool {
	return (allExts[ext(p)] && !IsTestPath(p)) || path.Base(p) == ".gitignore"
}

// envIgnore matches .gitignore lines that keep .env files out of git.
var envIgnore = regexp.MustCompile(`^/?(\*\*/)?\.env(\*|\.\*|\.local)?$|^\*\.env$`)

func detectGitignore(f *detector.File, out *detector.Sink) {
	for i, line := range strings.Split(string(f.Data), "\n") {
		if envIgnore.MatchString(strings.TrimSpace(line)) {
			out.AddControl(facts.Control{Kind: "env-ignored", Detail: ".env files are ignored by git", Evidence: []facts.Evidence{{File: f.Path, Line: i + 1}}})
			return
		}
	}
}

func ext(p string) string { return strings.TrimPrefix(path.Ext(p), ".") }

// IsTestPath reports whether a file is a test, whose code does not run in
// production: its weaknesses are not the product's.
func IsTestPath(p string) bool {
	base := path.Base(p)
	if strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.go") || strings.HasSuffix(base, "_test.py") ||
		strings.Contains(base, ".test.") || strings.Contains(base, ".spec.") || base == "conftest.py" {
		return true
	}
	for _, seg := range strings.Split(path.Dir(p), "/") {
		switch seg {
		case "test", "tests", "__tests__", "spec", "e2e", "fixtures":
			return true
		}
	}
	return false
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if path.Base(f.Path) == ".gitignore" {
		detectGitignore(f, out)
		return nil
	}
	e := ext(f.Path)
	text := string(f.Data)
	// One signal per kind and line: an app-wide limiter is not also a local one.
	seen := map[string]bool{}
	for i := range Patterns {
		p := &Patterns[i]
		if !contains(p.Langs, e) || !containsAnyStr(text, p.Keywords) {
			continue
		}
		locs := p.Re.FindAllStringIndex(text, 20)
		if len(locs) == 0 || (p.Also != nil && !p.Also.MatchString(text)) {
			continue
		}
		var ev []facts.Evidence
		for _, l := range locs {
			line := 1 + strings.Count(text[:l[0]], "\n")
			key := p.Weakness + p.Control + ":" + strconv.Itoa(line)
			// A match that starts and ends inside a string literal is text
			// about the code (a detector's own patterns, documentation),
			// not the weakness; one that starts at a quoted key and ends in
			// code ({"verify_signature": False}) is the weakness.
			if isComment(text, l[0]) || seen[key] || (p.Weakness != "" && inString(text, l[0]) && inString(text, l[1]-1)) ||
				(p.AlsoInCall && !p.Also.MatchString(enclosing(text, l[0], l[1]))) {
				continue
			}
			seen[key] = true
			ev = append(ev, facts.Evidence{File: f.Path, Line: line})
		}
		if len(ev) == 0 {
			continue
		}
		if p.Weakness != "" {
			out.AddWeakness(facts.Weakness{ID: detector.ID("weakness", p.Weakness, f.Path), Kind: p.Weakness, Detail: p.Detail, Evidence: ev})
		} else {
			detail := p.Detail
			out.AddControl(facts.Control{ID: detector.ID("control", p.Control, p.Scope, f.Path), Kind: p.Control, Detail: detail, Scope: p.Scope, Evidence: ev})
		}
	}
	return nil
}

// enclosing returns the innermost call or literal around text[i:j]: from
// the line of the nearest unclosed ( [ or { before i to its closing
// bracket, looking no further than a few kilobytes either way. Without
// one, it is the match itself.
func enclosing(text string, i, j int) string {
	const reach = 4096
	start, depth := -1, 0
	for k := i - 1; k >= 0 && k >= i-reach; k-- {
		switch text[k] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth == 0 {
				start = k
			}
			depth--
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return text[i:j]
	}
	end, depth := len(text), 0
	for k := start; k < len(text) && k < start+reach; k++ {
		switch text[k] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
		if depth == 0 {
			end = k + 1
			break
		}
	}
	// From the start of the bracket's line: res.cookie("sid", v, { ... })
	// names its cookie before the options literal opens.
	start = strings.LastIndexByte(text[:start], '\n') + 1
	return text[start:max(end, j)]
}

// isComment reports whether the match at i sits on a line that is a
// comment (# or //): a commented-out control is no control.
func isComment(text string, i int) bool {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	line := strings.TrimSpace(text[start:i])
	return strings.HasPrefix(line, "#") || strings.HasPrefix(line, "//") || strings.HasPrefix(line, "*")
}

// inString reports whether position i on its line sits inside a string
// literal opened earlier on the same line.
func inString(text string, i int) bool {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	var quote byte
	for j := start; j < i; j++ {
		c := text[j]
		switch {
		case quote != 0 && c == '\\' && quote != '`':
			j++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\'' || c == '`'):
			quote = c
		}
	}
	return quote != 0
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func containsAnyStr(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
