// Package signal finds code-level security signals that are not surfaces:
// weaknesses (a weak password hash, wildcard CORS with credentials, an
// unverified JWT, user URLs fetched server-side, SQL built from strings)
// and controls (a rate limiter, a signature check, content sniffing,
// signed URLs, an audit log) in every source file, and, once the routes
// are known, what each route's handler and guards show (handler.go): the
// controls applied there, whether it loads objects, sends mail or writes,
// and which models and services it names. The threat rules read all three
// and never the code: weaknesses fire threats, route signals decide where
// and how hard, controls turn planned mitigations into evidenced ones.
// Each control has one pattern, used in a file and in a handler alike.
package signal

import (
	"context"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// Pattern is one signal: a regex run only on files that contain one of its
// keywords, in the languages it names.
type Pattern struct {
	Weakness string // kind of weakness, or
	Control  string // kind of control
	Detail   string
	Langs    []lang.Lang
	Keywords []string
	Re       *regexp.Regexp
	// Also, if set, must match somewhere in the same file too (CORS: a
	// wildcard origin AND credentials).
	Also *regexp.Regexp
	// Unless, if set, clears every match when it matches anywhere in the
	// file (jwt.decode is the weakness only where nothing verifies).
	Unless *regexp.Regexp
	// AlsoInCall asks Also to match inside the same call or literal as
	// the match (the brackets around it), not anywhere in the file.
	AlsoInCall bool
	// NotInCall, if set, clears the match when it matches inside the same
	// call or literal (yaml.load with a SafeLoader is no weakness).
	NotInCall *regexp.Regexp
	// NotInCallee, if set, clears the match when a function the call's
	// arguments name or call (a key function: jwt.Parse(t, keyFunc(secret)))
	// is defined in the same file and its body matches: the check is one
	// call away.
	NotInCallee *regexp.Regexp
	// NotAfter, if set, clears the match when it matches in the rest of
	// its line (the value a sink is given: DOMPurify.sanitize(x)).
	NotAfter *regexp.Regexp
	// NotNear, if set, clears the match when it matches on its line or
	// the nearLines lines before it (a branch taken in development only).
	NotNear *regexp.Regexp
	// Assigned follows one local hop: Re's last group names a variable
	// (execute(query)), and the match counts only when that variable was
	// last assigned, a few lines before, a value Assigned matches (an
	// f-string of SQL, a request field).
	Assigned *regexp.Regexp
	// NotGroup, if set, clears the match when its last group matches (an
	// alg check that returns null refuses the token).
	NotGroup *regexp.Regexp
	// Cleared, with Assigned, clears the match when the lines between
	// the assignment and the use match it (an allowlist check).
	Cleared *regexp.Regexp
	// NotConst clears a match whose value (the rest of its line after
	// the = or the opening bracket) is only names the file declares
	// const with a literal (const CLOSE_BUTTON = '<button>x</button>'),
	// joined by +: the app's own markup, no data in it; or a token the
	// server drew (mintedValue).
	NotConst bool
	// Subject, if set, names what a control applies to (the bucket an
	// access-logging block is for): one control fact per subject, named
	// in its detail, so a check can tie the control to its resource.
	Subject func(text string, at int) string
	// Scope "app" marks a control applied to every route (app.use(limiter)).
	Scope string
	// InScript keeps only a match inside a <script> block: a value there
	// is code, which HTML escaping does not keep in its string.
	InScript bool
	// Origins clears a PHP match whose SQL or command text pastes in only
	// values no caller picks (phporigin.go).
	Origins bool
	// RequestVar keeps a match only when it judges the match's last
	// group request data: a PHP variable the code around the sink
	// assigns request data (phpsinks.go), a JSP sink's argument
	// (jsp.go).
	RequestVar func(text string, at int, group string) bool
}

// Weakness kinds of a limiter anyone can step around: the client address
// forgeable, and a limiter keyed on it (the threat rules read the two
// together: rate-limit).
const (
	WeakForgeableAddress = "forgeable-client-address"
	WeakLimiterByAddress = "limiter-keyed-on-address"
	// WeakLimiterBehindSetting is a limiter that lets every request
	// through unless a setting turns it on: it limits only where the
	// deployment sets it.
	WeakLimiterBehindSetting = "limiter-behind-setting"
)

// nearLines is how far back NotNear looks.
const nearLines = 3

// hopLines is how far back a variable's assignment is looked for.
const hopLines = 8

var (
	code = lang.Programs()
	py   = []lang.Lang{lang.Python}
	js   = []lang.Lang{lang.JavaScript, lang.JSX, lang.TypeScript, lang.TSX}
	rb   = []lang.Lang{lang.Ruby}
	tf   = []lang.Lang{lang.Terraform}
)

// Request data, per language: what a user controls.
const (
	fromRequestPy = `request\.(args|form|json|values|data|GET|POST|query_params|path_params|files|headers|cookies|get_json\(|body)|\b(body|payload)\.|\bdata\[`
	fromRequestJS = `\breq\.(body|query|params|headers|cookies)|\brequest\.(body|query|params)|\bctx\.(request\.body|query|params)`
	fromRequestRb = `\bparams\b|\brequest\.(?:params|body|query_string|raw_post|referr?er|headers\[)|\bcookies\[`
	fromRequestGo = `\br\.(URL\.Query\(\)|FormValue\(|PostFormValue\(|Form\b|PostForm\b)|\bc\.(Query|Param|PostForm|DefaultQuery|QueryParam|FormValue|Params)\(|mux\.Vars\(`
	// sqlVerb opens a statement.
	sqlVerb = `(select|insert|update|delete)\b`
	// valueFrom matches a value that is request data, passed through a
	// conversion at most, or a string built around it; a lookup keyed by
	// request data (FEEDS.get(request.args["name"])) is not.
	valueFromPy = `^(await\s+)?((str|unquote|urllib\.parse\.unquote|unquote_plus)\()?\s*(` + fromRequestPy + `)|^f?["'].*(` + fromRequestPy + `)`
	valueFromJS = `^(await\s+)?((String|decodeURIComponent|decodeURI)\()?\s*(` + fromRequestJS + `)|^["'` + "`" + `].*(` + fromRequestJS + `)`
	valueFromGo = `^((fmt\.Sprintf|strings\.TrimSpace|url\.QueryUnescape)\()?\s*("[^"]*"\s*,\s*)?(` + fromRequestGo + `)|^".*(` + fromRequestGo + `)`
	valueFrom   = valueFromPy + `|` + valueFromJS + `|` + valueFromGo
	// builtSQL is SQL text with values pasted in: an f-string,
	// concatenation, % or .format, a template literal, fmt.Sprintf.
	builtSQL = `f["']` + sqlVerb + `|"` + sqlVerb + `[^"\n]*"\s*(%|\+|\.format)|'` + sqlVerb + `[^'\n]*'\s*(%|\+|\.format)|` +
		"`" + sqlVerb + "[^`]*\\$\\{|" + `fmt\.Sprintf\(\s*"` + sqlVerb
	// builtText is any string with values pasted in.
	builtText = `^f["']|^["'][^"'\n]*["']\s*(%|\+|\.format)|\+\s*\w|` + "`[^`]*\\$\\{|" + `fmt\.Sprintf\(`
	// cleared: the value was checked against an allowlist or for a local
	// path between its assignment and its use.
	cleared = `(?i)(is_safe_url|url_has_allowed_host_and_scheme|allowed_hosts|allowlist|whitelist|startswith\(\s*["']/|startsWith\(\s*["']/|HasPrefix\(\s*\w+\s*,\s*"/)`
)

var sqlKeywords = []string{"SELECT", "INSERT", "UPDATE", "DELETE", "select ", "insert ", "update ", "delete "}

// ssrfGuard is a fetch's address filter used, or an address check
// whose branch rejects.
var ssrfGuard = regexp.MustCompile(`\b(?:ssrfFilter|ssrf_filter)\(|\b(?:useAgent|RequestFilteringHttpsAgent|RequestFilteringHttpAgent|globalHttpsAgent|globalHttpAgent)\b|` +
	`\badvocate\.(?:get|post|put|request|Session)\b|` +
	`\bif\s*\(?[^\n]*(?:\.isPrivate\(|\.isLoopback\(|\.range\(\)\s*(?:!==?\s*['"]unicast['"]|===?\s*['"](?:private|loopback|linkLocal|uniqueLocal)['"]))[^\n]*\)\s*\{?[ \t]*(?://[^\n]*)?\s*(?:throw\b|return\s+(?:res|reply|ctx|next)\b|return\s+[^;\n]*(?:Error|status\(\s*4))|` +
	`\bif\s[^\n]*\.(?:is_private|is_loopback|is_link_local|is_reserved|is_global)\b[^\n]*:[ \t]*(?:#[^\n]*)?\n\s*(?:raise\b|abort\(|return\s+[^\n]*(?:\b4\d\d\b|[Ee]rror|abort))`)

// Patterns is the catalogue, in one place: this file's, then the web
// app's (web.go).
var Patterns = append([]Pattern{
	// Weaknesses.
	{Weakness: "weak-password-hash", Detail: "password hashed with a fast hash (MD5/SHA)", Langs: code,
		Keywords: []string{"md5", "sha1", "sha256", "MD5", "SHA1", "SHA256"},
		Re:       regexp.MustCompile(`(?i)(hashlib\.(md5|sha1|sha256)\([^)\n]*pass|createHash\(\s*['"](md5|sha1|sha256)['"]\s*\)\s*\.update\([^)\n]*pass|(md5|sha1|sha256)\.Sum(256)?\(\[\]byte\([^)\n]*pass|DigestUtils\.(md5|sha1|sha256)\w*\([^)\n]*pass|(md5|sha1)\(\s*\$?\w*pass|ComputeHash\([^;\n]*\bpass(word|wd)?\b|\b(MD5|SHA1|SHA256)\.HashData\([^;\n]*\bpass(word|wd)?\b)`)},
	// A CORS policy is one call or options literal: the credentials flag
	// must sit in the same one, so a public cookieless policy next to a
	// pinned credentialed one is no weakness.
	{Weakness: "cors-wildcard-credentials", Detail: "CORS allows any origin with credentials", Langs: code,
		Keywords:   []string{"credentials", "Credentials"},
		Re:         regexp.MustCompile(`(?i)(allow_origins\s*=\s*\[\s*['"]\*['"]|origins?\s*[:=]\s*(\[\s*)?['"]\*['"]|origin\s*:\s*true|AllowedOrigins:\s*\[\]string\{\s*"\*"|AllowOrigins:\s*\[\]string\{\s*"\*"|AllowAllOrigins:\s*true|CORS\(\s*app\s*,[^)\n]*supports_credentials\s*=\s*True|\.AllowAnyOrigin\(\s*\)|\.SetIsOriginAllowed\(\s*\(?\s*\w*\s*\)?\s*=>\s*true\s*\))`),
		Also:       regexp.MustCompile(`(?i)(allow_credentials\s*=\s*True|credentials\s*:\s*true|AllowCredentials:\s*true|supports_credentials\s*=\s*True|\.AllowCredentials\(\s*\))`),
		AlsoInCall: true},
	// Django settings are one module: the two flags may be far apart.
	{Weakness: "cors-wildcard-credentials", Detail: "CORS allows any origin with credentials", Langs: py,
		Keywords: []string{"CORS_ALLOW_CREDENTIALS"},
		Re:       regexp.MustCompile(`(CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)\s*=\s*True`),
		Also:     regexp.MustCompile(`CORS_ALLOW_CREDENTIALS\s*=\s*True`)},
	// verify=False is a JWT weakness only inside jwt.decode: in an HTTP
	// client it turns off TLS checks (tls-unverified). "none" anywhere in
	// the accepted algorithms is the weakness.
	{Weakness: "jwt-unverified", Detail: "JWT accepted without verifying its signature", Langs: code,
		Keywords: []string{"jwt", "JWT", "jose"},
		Re:       regexp.MustCompile(`(?i)(algorithms?\s*[:=]\s*(\[[^\]\n]*)?['"]none['"]|verify_signature['"]?\s*:\s*False|jwt\.decode\([^)\n]*verify\s*=\s*False|jwt\.decode\([^)\n]*complete|SigningMethodNone|UnsafeAllowNoneSignatureType|ParseUnverified|jwt\.decode\(\s*\w+\s*\)\s*$|JWT::decode\([^;\n]*['"]none['"])`)},
	// The same switch held in a name: {"verify_signature": VERIFY} where
	// the module or the lines above set VERIFY = False.
	{Weakness: "jwt-unverified", Detail: "JWT accepted without verifying its signature", Langs: py,
		Keywords: []string{"verify_signature"},
		Re:       regexp.MustCompile(`verify_signature['"]?\s*:\s*([A-Za-z_]\w*)\b`),
		Assigned: regexp.MustCompile(`^False\b`)},
	{Weakness: "tls-unverified", Detail: "TLS certificate verification turned off", Langs: code,
		Keywords:  []string{"verify", "CERT_NONE", "unverified", "check_hostname", "rejectUnauthorized", "REJECT_UNAUTHORIZED", "InsecureSkipVerify"},
		Re:        regexp.MustCompile(`(\bverify\s*=\s*False|ssl\._create_unverified_context\(|verify_mode\s*=\s*ssl\.CERT_NONE|check_hostname\s*=\s*False|rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED['"]?\]?\s*=\s*['"]?0|InsecureSkipVerify:\s*true)`),
		NotInCall: regexp.MustCompile(`(?i)jwt|jws|jose`)},
	// Session settings: the cookie they configure is the session's.
	{Weakness: "cookie-insecure", Detail: "session cookie without HttpOnly or Secure", Langs: code,
		Keywords: []string{"COOKIE_SECURE", "COOKIE_HTTPONLY", "cookie:"},
		Re:       regexp.MustCompile(`(SESSION_COOKIE_SECURE\s*=\s*False|SESSION_COOKIE_HTTPONLY\s*=\s*False|CSRF_COOKIE_SECURE\s*=\s*False|cookie\s*:\s*\{[^}]*(secure|httpOnly)\s*:\s*false)`)},
	// One cookie's flags: a weakness when that cookie carries a session or
	// token; a theme or locale cookie may well be readable by script.
	{Weakness: "cookie-insecure", Detail: "session cookie without HttpOnly or Secure", Langs: code,
		Keywords: []string{"httponly", "httpOnly", "HttpOnly", "secure=", "secure:", "Secure:"},
		Re:       regexp.MustCompile(`(httponly\s*=\s*False|secure\s*=\s*False|httpOnly\s*:\s*false|secure\s*:\s*false|HttpOnly:\s*false|Secure:\s*false)`),
		Also:     regexp.MustCompile(`(?i)(sess|\bsid\b|auth|jwt|login|remember|access_?token|refresh_?token)`), AlsoInCall: true,
		// A connection's options (a mail transport's host, port and
		// secure: false for STARTTLS, its auth the relay's account) set
		// no cookie.
		NotInCall: regexp.MustCompile(`(?i)\b(host|port)\s*[:=]|createTransport|smtp`)},
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: code,
		Keywords: []string{"url", "URL"},
		Re: regexp.MustCompile(`(requests\.(get|post|put|head)\(\s*(request\.|body\.|payload\.|data\[)|httpx\.(get|post)\(\s*(request\.|body\.)|urlopen\(\s*request\.|` +
			`fetch\(\s*req\.(body|query|params)\.|axios(\.(get|post))?\(\s*req\.(body|query|params)\.|got\(\s*req\.(body|query)\.|` +
			`http\.Get\(\s*r\.(URL\.Query\(\)\.Get|FormValue)\()`)},
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: py,
		Keywords: []string{"url", "URL"},
		Re:       regexp.MustCompile(`(requests|httpx)\.(get|post|put|head)\(\s*(url|target|link)\b`),
		Also:     regexp.MustCompile(`\b(url|target|link)\s*=\s*(request\.(args|form|json|GET|POST|query_params)|body\.|payload\.|data\[)|\b(url|target|link)\s*:\s*(str|HttpUrl|AnyUrl)\b`)},
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: js,
		Keywords: []string{"url"},
		Re:       regexp.MustCompile(`(fetch|axios\.(get|post)|got)\(\s*(url|target|link)\b`),
		Also:     regexp.MustCompile(`(const|let|var)\s*(\{\s*)?(url|target|link)\b[^=\n]*=\s*req\.(body|query|params)`)},
	// One local hop: the URL is put in a variable of any name first
	// (request_url, researchUrl, target).
	{Weakness: "ssrf", Detail: "a URL from the request is fetched server-side", Langs: code,
		Keywords: []string{"requests.", "httpx.", "urlopen", "fetch(", "axios", "got(", "needle", "http.Get", "http.Post", "http.NewRequest"},
		Re: regexp.MustCompile(`\b(?:requests|httpx)\.(?:get|post|put|patch|delete|head|request)\(\s*(?:["'][A-Za-z]+["']\s*,\s*)?(\w+)\s*[,)]|\burlopen\(\s*(\w+)\s*[,)]|` +
			`(?:\bfetch|\bgot|\baxios|\bneedle)(?:\.(?:get|post|put|patch|delete|head|request))?\(\s*(?:["'][A-Za-z]+["']\s*,\s*)?(\w+)\s*[,)]|` +
			`\bhttp\.(?:Get|Post|Head|PostForm)\(\s*(\w+)\s*[,)]|\bhttp\.NewRequest(?:WithContext)?\(\s*(?:ctx\s*,\s*)?[\w."]+\s*,\s*(\w+)\s*,`),
		Assigned: regexp.MustCompile(valueFrom),
		Cleared:  regexp.MustCompile(cleared)},
	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: code,
		Keywords: append([]string{"execute"}, sqlKeywords...),
		Re: regexp.MustCompile(`(?i)((execute|text|raw)\(\s*f["'](select|insert|update|delete)\b|(execute|text|raw)\(\s*"(select|insert|update|delete)\b[^"\n]*"\s*(%|\+|\.format)|(execute|text|raw)\(\s*'(select|insert|update|delete)\b[^'\n]*'\s*(%|\+|\.format)|` +
			`(query|execute|raw)\(\s*` + "`" + `(select|insert|update|delete)\b[^` + "`" + `]*\$\{|` +
			`(Query|Exec|QueryRow)(Context)?\(\s*(ctx,\s*)?fmt\.Sprintf\(\s*"(select|insert|update|delete)\b|` +
			`(query|execute)\(\s*["'](select|insert|update|delete)\b[^"'\n]*["']\s*\+\s*req\.)`)},
	// One local hop: the statement is built into a variable first.
	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: code,
		Keywords: sqlKeywords,
		Re:       regexp.MustCompile(`\b(?:execute|executemany|executescript|text|raw|query|exec|Query|QueryRow|Exec|QueryContext|ExecContext|QueryRowContext|Raw|\$queryRawUnsafe|\$executeRawUnsafe)\(\s*(?:ctx\s*,\s*)?(\w+)\s*[,)]`),
		Assigned: regexp.MustCompile(`(?i)^(` + builtSQL + `)`)},
	// Command injection: a shell runs text built from values.
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: py,
		Keywords: []string{"os.system", "os.popen", "subprocess", "getoutput"},
		Re:       regexp.MustCompile(`\bos\.(system|popen)\(\s*(f["']|["'][^"'\n]*["']\s*(%|\+|\.format)|[^)\n]*(` + fromRequestPy + `))|\bsubprocess\.(run|call|Popen|check_output|check_call)\(\s*(f["']|["'][^"'\n]*["']\s*(%|\+|\.format)|[^\n]*(` + fromRequestPy + `))[^\n]*shell\s*=\s*True|\bsubprocess\.(getoutput|getstatusoutput)\(\s*(f["']|["'][^"'\n]*["']\s*(%|\+|\.format)|[^)\n]*(` + fromRequestPy + `))`)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: py,
		Keywords: []string{"os.system", "os.popen", "subprocess", "getoutput"},
		Re:       regexp.MustCompile(`\bos\.(?:system|popen)\(\s*(\w+)\s*\)|\bsubprocess\.(?:run|call|Popen|check_output|check_call)\(\s*(\w+)\s*,[^\n]*shell\s*=\s*True|\bsubprocess\.(?:getoutput|getstatusoutput)\(\s*(\w+)\s*\)`),
		Assigned: regexp.MustCompile(builtText + `|` + valueFromPy)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: js,
		Keywords: []string{"child_process"},
		Re:       regexp.MustCompile(`(?:^|[^.\w$]|\b(?:child_process|childProcess|cp)\.)(?:exec|execSync)\(\s*(` + "`[^`]*\\$\\{" + `|["'][^"'\n]*["']\s*\+|` + fromRequestJS + `)`),
		Also:     regexp.MustCompile(`child_process`)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: js,
		Keywords: []string{"child_process"},
		Re:       regexp.MustCompile(`(?:^|[^.\w$]|\b(?:child_process|childProcess|cp)\.)(?:exec|execSync)\(\s*(\w+)\s*[,)]`),
		Also:     regexp.MustCompile(`child_process`),
		Assigned: regexp.MustCompile(builtText + `|` + valueFromJS)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: []lang.Lang{lang.Go},
		Keywords: []string{"exec.Command"},
		Re:       regexp.MustCompile(`\bexec\.Command(?:Context)?\(\s*(?:ctx\s*,\s*)?"(?:ba)?sh"\s*,\s*"-c"\s*,\s*[^)\n]*(?:` + fromRequestGo + `)`)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: []lang.Lang{lang.Go},
		Keywords: []string{"exec.Command"},
		Re:       regexp.MustCompile(`\bexec\.Command(?:Context)?\(\s*(?:ctx\s*,\s*)?"(?:ba)?sh"\s*,\s*"-c"\s*,\s*(\w+)\s*\)`),
		Assigned: regexp.MustCompile(valueFromGo)},
	// Code injection: the language's own evaluator runs request data.
	{Weakness: "code-injection", Detail: "request data evaluated as code (eval, exec, new Function)", Langs: py,
		Keywords: []string{"eval(", "exec("},
		Re:       regexp.MustCompile(`(?:^|[^.\w])(?:eval|exec)\(\s*(?:f["']|[^)\n]*(?:` + fromRequestPy + `))`)},
	{Weakness: "code-injection", Detail: "request data evaluated as code (eval, exec, new Function)", Langs: py,
		Keywords: []string{"eval(", "exec("},
		Re:       regexp.MustCompile(`(?:^|[^.\w])(?:eval|exec)\(\s*(\w+)\s*[,)]`),
		Assigned: regexp.MustCompile(valueFromPy)},
	{Weakness: "code-injection", Detail: "request data evaluated as code (eval, exec, new Function)", Langs: js,
		Keywords: []string{"eval(", "Function(", "runInNewContext", "runInThisContext", "setTimeout(", "setInterval("},
		Re:       regexp.MustCompile(`(?:^|[^.\w$])(?:eval|Function|setTimeout|setInterval)\(\s*(?:` + "`[^`]*\\$\\{" + `|[^)\n]*(?:` + fromRequestJS + `))|\bvm\.runIn(?:New|This)?Context\(\s*[^)\n]*(?:` + fromRequestJS + `)`)},
	{Weakness: "code-injection", Detail: "request data evaluated as code (eval, exec, new Function)", Langs: js,
		Keywords: []string{"eval(", "Function("},
		Re:       regexp.MustCompile(`(?:^|[^.\w$])(?:eval|Function)\(\s*(\w+)\s*[,)]`),
		Assigned: regexp.MustCompile(valueFromJS)},
	// Unsafe deserialization: bytes turned back into live objects.
	{Weakness: "unsafe-deserialization", Detail: "untrusted data deserialized into objects (pickle, unsafe YAML, node-serialize)", Langs: py,
		Keywords:  []string{"pickle", "yaml", "dill"},
		Re:        regexp.MustCompile(`\b(pickle|cPickle|_pickle|dill|jsonpickle)\.(loads|decode)\(|\byaml\.(load|load_all|unsafe_load|unsafe_load_all)\(|Loader\s*=\s*(yaml\.)?(Unsafe)?Loader\b`),
		NotInCall: regexp.MustCompile(`SafeLoader|BaseLoader|FullLoader`)},
	{Weakness: "unsafe-deserialization", Detail: "untrusted data deserialized into objects (pickle, unsafe YAML, node-serialize)", Langs: js,
		Keywords: []string{"node-serialize", "funcster", "serialize-to-js"},
		Re:       regexp.MustCompile(`\b(unserialize|deserialize)\(`),
		Also:     regexp.MustCompile(`node-serialize|funcster|serialize-to-js`)},
	{Weakness: "unsafe-deserialization", Detail: "untrusted data deserialized into objects (pickle, unsafe YAML, node-serialize)", Langs: []lang.Lang{lang.PHP, lang.Ruby},
		Keywords: []string{"unserialize", "Marshal.load", "YAML.load", "unsafe_load"},
		Re:       regexp.MustCompile(`\bunserialize\(\s*(base64_decode\(\s*)?\$_(GET|POST|REQUEST|COOKIE)|\bMarshal\.load\(|\bYAML\.unsafe_load\(`)},
	// XXE: an XML parser told to expand external entities.
	{Weakness: "xxe", Detail: "XML parsed with external entities enabled", Langs: py,
		Keywords: []string{"resolve_entities", "no_network", "feature_external"},
		Re:       regexp.MustCompile(`\bresolve_entities\s*=\s*True|\bno_network\s*=\s*False|setFeature\(\s*[\w.]*feature_external_(ges|pes)\s*,\s*(True|1)\s*\)`)},
	{Weakness: "xxe", Detail: "XML parsed with external entities enabled", Langs: js,
		Keywords:   []string{"noent"},
		Re:         regexp.MustCompile(`\bnoent\s*:\s*true`),
		Also:       regexp.MustCompile(`parseXml`),
		AlsoInCall: true},
	{Weakness: "xxe", Detail: "XML parsed with external entities enabled", Langs: code,
		Keywords: []string{"LIBXML_NOENT", "DtdProcessing"},
		Re:       regexp.MustCompile(`\bLIBXML_NOENT\b|DtdProcessing\s*=\s*DtdProcessing\.Parse`)},
	// Open redirect: the redirect target comes from the request.
	{Weakness: "open-redirect", Detail: "redirect to a URL taken from the request", Langs: code,
		Keywords: []string{"edirect"},
		Re: regexp.MustCompile(`\b(redirect|HttpResponseRedirect|RedirectResponse)\(\s*(url\s*=\s*)?request\.(args|GET|POST|form|values|query_params)\b|` +
			`\.redirect\(\s*(\d+\s*,\s*)?req\.(query|body|params)\b|` +
			`\bhttp\.Redirect\(\s*\w+\s*,\s*\w+\s*,\s*(` + fromRequestGo + `)|\bc\.Redirect\(\s*[\w.]+\s*,\s*c\.(Query|Param|PostForm|DefaultQuery|QueryParam|FormValue)\(`)},
	{Weakness: "open-redirect", Detail: "redirect to a URL taken from the request", Langs: code,
		Keywords: []string{"edirect"},
		Re: regexp.MustCompile(`\b(?:redirect|HttpResponseRedirect|RedirectResponse)\(\s*(?:url\s*=\s*)?(\w+)\s*[,)]|\.redirect\(\s*(?:\d+\s*,\s*)?(\w+)\s*\)|` +
			`\bhttp\.Redirect\(\s*\w+\s*,\s*\w+\s*,\s*(\w+)\s*,|\bc\.Redirect\(\s*[\w.]+\s*,\s*(\w+)\s*\)`),
		Assigned: regexp.MustCompile(valueFrom),
		Cleared:  regexp.MustCompile(cleared)},
	// Ruby (Rails, Sinatra): SQL text with #{...} pasted in, handed to
	// an ActiveRecord query method or a connection; bind parameters
	// (where("name = ?", q)) keep the value out of the SQL.
	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: rb,
		Keywords: []string{"#{", "+"},
		Re:       regexp.MustCompile(`\.(?:where|not|find_by_sql|count_by_sql|order|reorder|group|having|joins|select|pluck|from|lock|exists\?|delete_all|destroy_all|update_all|calculate|find_by|execute|exec_query|exec_update|exec_delete|select_all|select_one|select_value|select_values|select_rows)\s*\(?\s*(?:"[^"\n]*#\{|"[^"\n]*"\s*\+\s*(?:` + fromRequestRb + `))`)},
	// A shell command with #{...} pasted in: system, exec, spawn, popen,
	// Open3, backticks and %x[].
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: rb,
		Keywords: []string{"system", "exec", "spawn", "popen", "Open3", "`", "%x"},
		Re: regexp.MustCompile(`(?:^|[^.\w])(?:system|exec|spawn)\s*\(?\s*(?:"[^"\n]*#\{|(?:` + fromRequestRb + `))|` +
			`\b(?:IO\.popen|Open3\.(?:popen3|popen2|popen2e|capture2|capture2e|capture3|pipeline\w*)|Kernel\.(?:system|exec|spawn)|PTY\.spawn)\s*\(?\s*(?:"[^"\n]*#\{|(?:` + fromRequestRb + `))|` +
			"(?:^|[=\\s(,])`[^`\\n]*#\\{[^`\\n]*`|%x[({\\[|!][^\\n]*#\\{")},
	// Request data evaluated, or naming the method or class called:
	// eval, send(params[:m]), params[:type].constantize.
	{Weakness: "code-injection", Detail: "request data evaluated as code (eval, exec, new Function)", Langs: rb,
		Keywords: []string{"eval", "send", "constantize", "const_get"},
		Re: regexp.MustCompile(`(?:^|[^.\w])(?:eval|instance_eval|class_eval|module_eval)\s*\(?\s*[^\n]*(?:` + fromRequestRb + `)|` +
			`\.(?:send|public_send|__send__|try|method)\s*\(\s*(?:` + fromRequestRb + `)|(?:^|[^.\w])(?:send|public_send)\s*\(\s*(?:` + fromRequestRb + `)|` +
			`\bparams\s*(?:\[[^\]\n]+\]|\.fetch\([^)\n]*\))(?:\.\w+)*\.(?:constantize|safe_constantize)\b|\bconst_get\s*\(\s*(?:` + fromRequestRb + `)`)},
	// An inline ERB template built from request data: the engine runs it.
	{Weakness: "template-injection", Detail: "request data compiled as a template", Langs: rb,
		Keywords: []string{"inline"},
		Re:       regexp.MustCompile(`\brender\s*\(?\s*(?::inline\s*=>|inline:)\s*(?:"[^"\n]*#\{|[^\n]*(?:` + fromRequestRb + `))|\bERB\.new\(\s*(?:` + fromRequestRb + `)`)},
	// Request data marked safe for HTML, or sent as an HTML body.
	{Weakness: "xss", Detail: "request data written into HTML without escaping", Langs: rb,
		Keywords: []string{"html_safe", "raw", "render"},
		Re:       regexp.MustCompile(`\bparams\s*\[[^\]\n]+\]\s*(?:\.\w+)*\.html_safe\b|"[^"\n]*#\{[^}\n]*params[^}\n]*\}[^"\n]*"\.html_safe\b|(?:^|[^.\w])raw\s*\(?\s*params\b|\brender\s*\(?\s*(?:text|:text\s*=>)\s*:?\s*(?:` + fromRequestRb + `|"[^"\n]*#\{[^}\n]*params)`)},
	// The request's params written whole into a record: permit! lifts
	// strong parameters, and a model given params[:x] unfiltered takes
	// every field sent (Sinatra, Rails before strong parameters).
	{Weakness: "mass-assignment", Detail: "request params written whole into a record", Langs: rb,
		Keywords: []string{"params"},
		Re:       regexp.MustCompile(`(?m)\bparams\b[^\n]*\.permit!|\.(?:new|create!?|update!?|update_attributes!?|assign_attributes|attributes\s*=|first_or_create!?|find_or_create_by!?|insert!?|upsert)\s*\(?\s*params\s*(?:\[\s*:?\w+\s*\]|\[\s*['"]\w+['"]\s*\])?\s*(?:\)|,|$)`)},
	// A redirect to a URL the request names.
	{Weakness: "open-redirect", Detail: "redirect to a URL taken from the request", Langs: rb,
		Keywords: []string{"redirect"},
		Re:       regexp.MustCompile(`(?:^|[^.\w])redirect(?:_to)?\s*\(?\s*(?:params\s*[\[.]|request\.params|cookies\[)`)},
	{Weakness: "llm-tools", Detail: "an LLM call can invoke tools or functions", Langs: code,
		Keywords: []string{"tools", "functions", "tool_choice", "bind_tools"},
		Re:       regexp.MustCompile(`(\btools\s*[=:]\s*[\[\w]|\bfunctions\s*[=:]\s*\[|tool_choice|bind_tools\(|AgentExecutor|create_react_agent)`),
		Also:     regexp.MustCompile(`(?i)(openai|anthropic|langchain|chat\.completions|messages\.create|ChatOpenAI|generateContent)`)},

	// The client's address replaced with what a header any client sends
	// says: gorilla's handlers.ProxyHeaders wrapping the server, Express
	// trusting every proxy hop. Not under a trusted-proxy setting.
	{Weakness: WeakForgeableAddress, Detail: "the client address is taken from X-Forwarded-For or X-Real-IP as any client sends it", Langs: code,
		Keywords: []string{"ProxyHeaders", "trust proxy"},
		Re:       regexp.MustCompile(`\bhandlers\.ProxyHeaders\(|\.set\(\s*['"]trust proxy['"]\s*,\s*true\s*\)`),
		NotNear:  regexp.MustCompile(`(?i)trust\w*prox|prox\w*trust|behind_?proxy|TrustedProx`)},
	// A limiter keyed on the client's network address (r.RemoteAddr,
	// req.ip, request.remote_addr): what the weakness above forges.
	{Weakness: WeakLimiterByAddress, Detail: "a rate limiter keyed on the client address", Langs: code,
		Keywords: []string{"RemoteAddr", "remote_addr", "req.ip"},
		Re:       regexp.MustCompile(`(?i)\b\w+\s*\.\s*(?:allow|take|wait|hit|check|incr|consume|limit)\w*\(\s*(\w+)\s*\)`),
		Assigned: regexp.MustCompile(`\b(?:r|req|request)\.(?:RemoteAddr|ip|remote_addr)\b`),
		// The code around it refuses with 429.
		Also: regexp.MustCompile(`StatusTooManyRequests|\b429\b|(?i)too many requests`)},

	// A limiter factory that hands back a pass-through unless a setting
	// is on (if (!env.ENABLE_RATE_LIMIT) return (req, res, next) => next()),
	// in a file that builds a limiter. Skipped only outside production
	// (!env.isProduction), it limits where it matters.
	{Weakness: WeakLimiterBehindSetting, Detail: "a rate limiter that lets every request through unless a setting turns it on", Langs: js,
		Keywords: []string{"next()"},
		Re:       regexp.MustCompile(`\bif\s*\(\s*!\s*(?:process\.)?(?:env|config|settings|options|opts)\.[A-Za-z_]\w*\s*\)\s*\{?\s*return\s+(?:function\s*\w*\s*\([^)]*\)\s*\{\s*(?:return\s+)?next\(\)\s*;?\s*\}|\([^)]*\)\s*=>\s*(?:\{\s*(?:return\s+)?next\(\)\s*;?\s*\}|next\(\)))`),
		NotAfter: regexp.MustCompile(`(?i)^if\s*\(\s*!\s*[\w.]*(?:prod|dev|test|local)`),
		Also:     regexp.MustCompile(`(?i)rate.?limit|limiter|slowDown|throttl`)},

	// Controls.
	{Control: "rate-limit", Detail: "rate limiter applied app-wide", Langs: code, Scope: "app",
		Keywords: []string{"imit", "hrottle", "tollbooth", "httprate"},
		Re:       regexp.MustCompile(`(app\.use\(\s*(\w*[lL]imit\w*|rateLimit\(|slowDown\()|\.Use\(\s*(httprate\.|tollbooth\.|\w*[lL]imit)|app\.add_middleware\(\s*SlowAPIMiddleware|default_limits\s*=|DEFAULT_THROTTLE_RATES|ThrottlerGuard|register\(\s*(import\(['"])?@fastify/rate-limit|APP_GUARD[^\n]*Throttler)`)},
	// @fastify/rate-limit registered on the server (NestJS on Fastify:
	// app.register(fastifyRateLimit, {...})) limits every route: global
	// is its default. Registered with global: false it limits only the
	// routes that opt in (config.rateLimit), so the file then claims no
	// app-wide limiter.
	{Control: "rate-limit", Detail: "rate-limit plugin registered on the server", Langs: js, Scope: "app",
		Keywords: []string{"@fastify/rate-limit"},
		Re:       regexp.MustCompile(`\.register\(\s*(?:await\s+)?(?:\w*[rR]ate[lL]imit\w*|import\(\s*['"]@fastify/rate-limit['"]\s*\))\s*[,)]`),
		Also:     regexp.MustCompile(`['"]@fastify/rate-limit['"]`),
		Unless:   regexp.MustCompile(`\.register\(\s*(?:await\s+)?\w*[rR]ate[lL]imit\w*\s*,\s*\{[^{}]*\bglobal\s*:\s*false\b`)},
	// django-axes counts failed sign-ins and locks the account out once
	// it is wired in: its middleware or backend in the settings that name
	// its failure limit (installed alone, it counts nothing).
	{Control: "rate-limit", Detail: "failed sign-ins locked out (django-axes)", Langs: []lang.Lang{lang.Python}, Scope: "app",
		Keywords: []string{"axes."},
		Re:       regexp.MustCompile(`['"]axes\.(?:middleware\.AxesMiddleware|backends\.Axes(?:Standalone|Model)?Backend)['"]`),
		Also:     regexp.MustCompile(`\bAXES_FAILURE_LIMIT\s*=`)},
	// A limiter counts where it is applied (a decorator, a guard, a call
	// that checks the limit, a limiter bound to the app), never where it
	// is imported or merely built.
	{Control: "rate-limit", Detail: "rate limiter", Langs: code,
		Keywords: []string{"imit", "IMIT", "hrottl", "HROTTL", "tollbooth", "httprate"},
		Re:       rateLimitApplied},
	{Control: "budget", Detail: "spend or quota enforced per account", Langs: code,
		Keywords: []string{"quota", "budget", "credit", "usage", "spend", "Quota", "Budget", "Credit", "QUOTA", "BUDGET", "CREDIT"},
		Re:       budgetCheck},
	{Control: "webhook-signature", Detail: "webhook signature verified", Langs: code,
		Keywords: []string{"onstruct", "ignature", "hmac", "svix", "verify", "timingSafeEqual", "validateRequest"},
		Re:       signatureCheck},
	{Control: "idempotency", Detail: "events processed once (idempotency)", Langs: code,
		Keywords: []string{"dempoten", "DEMPOTEN", "rocessed", "ROCESSED", "event_id", "eventId", "eventid", "event.id", "EventID", "EVENT_ID", "seen", "Seen", "SEEN", "handled", "Handled", "delivered", "Delivered", "elivery", "ELIVERY", "dedupe", "Dedupe", "DEDUPE"},
		Re:       idempotencyCheck},
	{Control: "upload-type-check", Detail: "upload content type checked server-side", Langs: code,
		Keywords: []string{"magic", "filetype", "imghdr", "ALLOWED", "fileFilter", "DetectContentType", "fileTypeFrom", "mimetypes", "content_type", "file_signature"},
		Re:       uploadTypeCheck},
	{Control: "opaque-keys", Detail: "opaque, random object keys or ids", Langs: code,
		Keywords: []string{"uuid", "UUID", "randomUUID", "token_hex", "token_urlsafe", "nanoid", "cuid", "randomBytes", "ulid"},
		Re:       opaqueKeyCall},
	{Control: "signed-urls", Detail: "files served through short-lived signed URLs", Langs: code,
		Keywords: []string{"resign", "ignedUrl", "igned_url"},
		Re:       regexp.MustCompile(`(generate_presigned_url|generate_presigned_post|getSignedUrl|PresignGetObject|PresignPutObject|createPresignedPost|generate_signed_url|signed_url\(|getSignedURL)`)},
	{Control: "bucket-logging", Detail: "bucket access logging", Langs: tf,
		Keywords: []string{"logging"},
		Re:       regexp.MustCompile(`(?m)(resource\s+"aws_s3_bucket_logging"|^\s*logging\s*\{)`),
		Subject:  loggedBucket},
	// A fetch that refuses addresses inside the network: a library that
	// filters them at the agent or session (ssrf-req-filter,
	// request-filtering-agent, advocate), or a branch taken for a private,
	// loopback or link-local address that rejects (throws, raises, ends
	// the response); one that only logs refuses nothing. Go's dialers are
	// judged by the data-flow frontend, at the sink's client.
	{Control: "ssrf-guard", Detail: "fetches refuse private and loopback addresses", Langs: append(slices.Clone(js), lang.Python),
		Keywords: []string{"ssrf-req-filter", "request-filtering-agent", "advocate", "isPrivate", "isLoopback", "range()", "is_private", "is_loopback", "is_link_local", "is_global", "is_reserved"},
		Re:       ssrfGuard},
	{Control: "audit-log", Detail: "audit log of sensitive actions", Langs: code,
		Keywords: []string{"audit", "Audit", "AUDIT", "deleted", "removed", "by user", "actor"},
		Re:       auditCall},
	{Control: "mfa", Detail: "multi-factor authentication", Langs: code,
		Keywords: []string{"mfa", "MFA", "totp", "TOTP", "otp", "two_factor", "webauthn", "WebAuthn"},
		Re:       regexp.MustCompile(`(?i)(\bmfa_?(required|verified|enabled)|require_mfa|pyotp|otplib|\btotp\b|two_factor|webauthn|verify_otp)`)},
	{Control: "ip-allowlist", Detail: "IP allowlist", Langs: code,
		Keywords: []string{"llow", "hitelist", "ALLOW", "WHITELIST", "admin_ips", "ADMIN_IPS", "trusted_ips", "TRUSTED_IPS", "client.host", "remote_addr", "RemoteAddr", "req.ip"},
		Re:       allowlistCheck},
	{Control: "graphql-limit", Detail: "GraphQL depth or cost limit", Langs: code,
		Keywords: []string{"epth", "omplexity", "Depth", "Complexity"},
		Re:       regexp.MustCompile(`(depthLimit\(|graphql-depth-limit|QueryDepthLimiter|max_depth\s*=|createComplexityLimitRule|FixedComplexityLimit|MaxDepth|complexityLimit|costAnalysis)`)},
	{Control: "captcha", Detail: "CAPTCHA or challenge verified server-side", Langs: code,
		Keywords: []string{"aptcha", "APTCHA", "siteverify", "friendly-challenge", "altcha"},
		Re:       captchaCheck},
	{Control: "email-verification", Detail: "e-mail verified before access", Langs: code,
		Keywords: []string{"verified", "Verified"},
		// A check of the flag, not the column that stores it.
		Re: regexp.MustCompile(`(?i)(\b(if|and|or|unless|not)\s+(not\s+)?[\w.]*\b(email_?verified|is_?verified|verified_?at)\b|![\w.]*\b(email_?verified|is_?verified|verified_?at)\b|\b(email_?verified|is_?verified|verified_?at)\s*(==|===|!=|!==|is\s)|verified_email_required)`)},
	{Control: "basic-auth", Detail: "HTTP basic auth (one shared password)", Langs: code,
		Keywords: []string{"Basic", "basic", "BASIC", "htpasswd", "ADMIN_PASSWORD", "admin_password", "admin123"},
		Re:       sharedPassword},
	{Control: "slow-password-hash", Detail: "passwords hashed with a slow, salted hash", Langs: code,
		Keywords: []string{"bcrypt", "argon2", "scrypt", "pbkdf2", "passlib", "make_password", "generate_password_hash"},
		Re:       regexp.MustCompile(`(bcrypt|argon2|scrypt|pbkdf2|PBKDF2|passlib|make_password\(|generate_password_hash\()`)},
	{Control: "secret-store", Detail: "production secrets read from a secret store", Langs: code,
		Keywords: []string{"ecret", "hvac", "doppler", "Doppler", "vault", "Vault"},
		Re:       regexp.MustCompile(`(secretsmanager|SecretsManager|SecretManagerServiceClient|hvac\.Client|@azure/keyvault|SecretClient\(|doppler|get_secret_value|GetSecretValue)`)},
}, append(webPatterns, append(serverPatterns, append(phpSinkPatterns, append(jspPatterns, append(goSessionPatterns, cookieRolePatterns...)...)...)...)...)...)

// Detector finds every pattern.
type Detector struct {
	keywords []string
	keys     *limiterKeys
	evals    *evalQueries
	// calls, when set, reads the functions a handler calls: an owner
	// condition the handler seems to pass on is dropped when the function
	// only logs the caller (Following).
	calls *Calls
}

// Following makes the detector read the handlers' callees through c,
// which must see the same files.
func (d *Detector) Following(c *Calls) *Detector {
	d.calls = c
	return d
}

// New makes the detector.
func New() *Detector {
	seen := map[string]bool{}
	d := &Detector{keys: newLimiterKeys(), evals: newEvalQueries()}
	// Ruby's query strings and evals (evalsql.go).
	for _, k := range []string{"eval", "params["} {
		seen[k] = true
		d.keywords = append(d.keywords, k)
	}
	for _, k := range limiterKeyWords {
		seen[k] = true
		d.keywords = append(d.keywords, k)
	}
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

var allLangs = func() map[lang.Lang]bool {
	m := map[lang.Lang]bool{}
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
	return (allLangs[lang.Of(p)] && !lang.IsTest(p)) || path.Base(p) == ".gitignore"
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

// patterns finds, in one pass over a file, every pattern's keywords and
// the literals its regex needs, and runs each regex only where a match can
// begin: a substring search per keyword or literal per pattern cost more
// than the regexes it saved. Built on first use: it costs about 20 ms,
// which commands that scan nothing should not pay at start.
var patterns = sync.OnceValue(func() *regexgate.Set {
	ms := make([]regexgate.Member, len(Patterns))
	for i, p := range Patterns {
		ms[i] = regexgate.Member{Re: p.Re, Keywords: p.Keywords}
	}
	return regexgate.NewSet(ms)
})

var (
	loggingTarget = regexp.MustCompile(`\bbucket\s*=\s*(?:(aws_s3_bucket)\.(\w+)\.(?:id|bucket)|"([^"]+)")`)
	bucketHeader  = regexp.MustCompile(`resource\s+"(aws_s3_bucket|google_storage_bucket)"\s+"([\w-]+)"`)
)

// loggedBucket names the bucket an access-logging block at i is for, the
// way infrastructure facts label a bucket: its address, and its literal
// name when this file sets one ("aws_s3_bucket.uploads (docqa-uploads)").
func loggedBucket(text string, i int) string {
	block := text[i:]
	if end := strings.Index(block, "\n}"); end >= 0 {
		block = block[:end]
	}
	if strings.HasPrefix(text[i:], "resource") {
		m := loggingTarget.FindStringSubmatch(block)
		switch {
		case m == nil:
			return ""
		case m[3] != "":
			return m[3]
		}
		return bucketLabel(text, m[1], m[2])
	}
	// An inline logging block belongs to the resource it sits in.
	hs := bucketHeader.FindAllStringSubmatch(text[:i], -1)
	if len(hs) == 0 {
		return ""
	}
	h := hs[len(hs)-1]
	return bucketLabel(text, h[1], h[2])
}

func bucketLabel(text, typ, name string) string {
	addr := typ + "." + name
	start := regexp.MustCompile(`resource\s+"` + typ + `"\s+"` + regexp.QuoteMeta(name) + `"\s*\{`).FindStringIndex(text)
	if start == nil {
		return addr
	}
	body := text[start[1]:]
	if end := strings.Index(body, "\n}"); end >= 0 {
		body = body[:end]
	}
	attr := "bucket"
	if typ == "google_storage_bucket" {
		attr = "name"
	}
	if m := regexp.MustCompile(`(?m)^\s*` + attr + `\s*=\s*"([^"]+)"`).FindStringSubmatch(body); m != nil {
		return addr + " (" + m[1] + ")"
	}
	return addr
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if path.Base(f.Path) == ".gitignore" {
		detectGitignore(f, out)
		return nil
	}
	e := lang.Of(f.Path)
	text := string(f.Data)
	comments := &commentedOut{l: e, src: f.Data}
	d.keys.read(f, text, comments)
	d.evals.read(f, text, comments)
	lower := regexgate.Lower(text)
	// One signal per kind and line: an app-wide limiter is not also a local one.
	seen := map[string]bool{}
	scan := patterns().Scan(text, lower)
	for i := range Patterns {
		if err := ctx.Err(); err != nil {
			return err // over its time budget: the scan has given up on this read
		}
		p := &Patterns[i]
		if !slices.Contains(p.Langs, e) || (p.Weakness != "" && flow.Covers(e, p.Weakness)) {
			// A kind the data-flow engine follows in this language is
			// its to report, with the route that reaches it.
			continue
		}
		// Nothing without one of the pattern's keywords.
		locs := scan.FindAllStringSubmatchIndex(i, 20)
		if len(locs) == 0 || (p.Also != nil && !p.Also.MatchString(text)) || (p.Unless != nil && p.Unless.MatchString(text)) {
			continue
		}
		evBy := map[string][]facts.Evidence{}
		var subjects []string
		for _, l := range locs {
			line := 1 + strings.Count(text[:l[0]], "\n")
			key := p.Weakness + p.Control + ":" + strconv.Itoa(line)
			if seen[key] || !p.counts(text, comments, l) {
				continue
			}
			seen[key] = true
			if p.Weakness == "mass-assignment" && e.Family() == lang.PHP && d.calls != nil {
				d.calls.holdMass(massCand{ev: facts.Evidence{File: f.Path, Line: line}, class: massReceiver(text, l[0]), after: linesAfter(text, l[1], hopLines)})
				continue
			}
			subject := ""
			if p.Subject != nil {
				subject = p.Subject(text, l[0])
			}
			if _, ok := evBy[subject]; !ok {
				subjects = append(subjects, subject)
			}
			evBy[subject] = append(evBy[subject], facts.Evidence{File: f.Path, Line: line})
		}
		for _, subject := range subjects {
			ev := evBy[subject]
			if p.Weakness != "" {
				out.AddWeakness(facts.Weakness{ID: detector.ID("weakness", p.Weakness, f.Path), Kind: p.Weakness, Detail: p.Detail, Evidence: ev})
				continue
			}
			detail := p.Detail
			if subject != "" {
				detail += " for " + subject
			}
			out.AddControl(facts.Control{ID: detector.ID("control", p.Control, p.Scope, f.Path, subject), Kind: p.Control, Detail: detail, Scope: p.Scope, Evidence: ev})
		}
	}
	return nil
}

// springCSRFOff is what follows Spring Security's csrf() when it turns
// the check off.
var springCSRFOff = regexp.MustCompile(`^\s*\.\s*disable\s*\(`)

// counts reports whether the match at loc (with its submatches) is the
// signal, not text about it or a lookalike.
func (p *Pattern) counts(text string, comments *commentedOut, loc []int) bool {
	i, j := loc[0], loc[1]
	// A match that starts and ends inside a string literal is text about
	// the code (a detector's own patterns, documentation), not the
	// weakness; one that starts at a quoted key and ends in code
	// ({"verify_signature": False}) is the weakness.
	if comments.at(i) || (p.Weakness != "" && !p.InScript && inString(text, i) && inString(text, j-1)) {
		return false
	}
	// A control is its use: an import of a limiter or a hashing library
	// protects nothing.
	if p.Control != "" && isImport(lineAt(text, i)) {
		return false
	}
	if senderCheckVoid(p.Control, text, loc) {
		return false
	}
	if p.Control == facts.ControlCSRFOff && devConfigClass.MatchString(pyEnclosingClass(text, i)) {
		return false
	}
	// Spring Security's csrf() opens the check's configurer: followed by
	// disable() it turns the check off, which is no protection.
	if p.Control == "csrf-protection" && springCSRFOff.MatchString(text[j:min(len(text), j+80)]) {
		return false
	}
	if p.AlsoInCall && !p.Also.MatchString(enclosing(text, i, j)) {
		return false
	}
	if p.NotInCall != nil && p.NotInCall.MatchString(enclosing(text, i, j)+opened(text, j)) {
		return false
	}
	if p.NotInCallee != nil && calleeMatches(text, opened(text, j), p.NotInCallee) {
		return false
	}
	if p.NotNear != nil && p.NotNear.MatchString(linesBefore(text, i, nearLines)) {
		return false
	}
	if p.NotAfter != nil && p.NotAfter.MatchString(restOfLine(text, i)) {
		return false
	}
	if p.NotConst && (constValue(text, loc[1]-1) || mintedValue(text, loc[1]-1) || copiedMarkupValue(text, loc[1]-1)) {
		return false
	}
	if p.NotGroup != nil && p.NotGroup.MatchString(lastGroup(text, loc)) {
		return false
	}
	if p.InScript && !inScriptBlock(text, i) {
		return false
	}
	if p.Origins && phpBuiltSafe(text, i, j) {
		return false
	}
	if p.RequestVar != nil && !p.RequestVar(text, i, lastGroup(text, loc)) {
		return false
	}
	if p.Assigned != nil {
		name := lastGroup(text, loc)
		return name != "" && assignedFrom(text, i, name, p.Assigned, p.Cleared)
	}
	return true
}

// argName is the name an argument passes or calls: keyFunc of keyFunc
// and of keyFunc(secret); none of a selector (jwt.WithIssuer(x)).
var argName = regexp.MustCompile(`^([A-Za-z_]\w*)\s*(?:\(|$)`)

// topArgs splits a call's arguments or a function's parameters at their
// top-level commas, each trimmed; a trailing comma adds no empty one.
func topArgs(args string) []string {
	parts := lang.SplitTopLevel(args)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if n := len(parts); n > 1 && parts[n-1] == "" {
		parts = parts[:n-1]
	}
	return parts
}

// calleeMatches reports whether a function that args names, defined in
// text (func name(, function name(, def name(, name := func(, const name
// = ( ... =>), has a body that re matches. The body is read from the
// definition to the next top-level definition, at most a few kilobytes.
func calleeMatches(text, args string, re *regexp.Regexp) bool {
	for _, a := range topArgs(args) {
		m := argName.FindStringSubmatch(a)
		if m == nil {
			continue
		}
		name := regexp.QuoteMeta(m[1])
		def := regexp.MustCompile(`(?m)^\s*(?:func\s+(?:\([^)]*\)\s*)?` + name + `\s*\(|(?:async\s+)?function\s+` + name + `\s*\(|def\s+` + name + `\s*\(|` +
			`(?:const|let|var)?\s*` + name + `\s*:?=\s*(?:func\b|(?:async\s*)?\(|function\b))`)
		loc := def.FindStringIndex(text)
		if loc == nil {
			continue
		}
		body := text[loc[1]:min(len(text), loc[1]+4096)]
		if k := regexp.MustCompile(`\n(?:func |def |function |export |class )`).FindStringIndex(body); k != nil {
			body = body[:k[0]]
		}
		if re.MatchString(body) {
			return true
		}
	}
	return false
}

// lastGroup is the text of the last submatch that took part in the match.
func lastGroup(text string, loc []int) string {
	for k := len(loc) - 2; k >= 2; k -= 2 {
		if loc[k] >= 0 {
			return text[loc[k]:loc[k+1]]
		}
	}
	return ""
}

// priorLines are the hopLines whole lines before the line holding i,
// nearest last: where one local hop looks for a value's assignment.
func priorLines(text string, i int) []string {
	lineStart := strings.LastIndexByte(text[:i], '\n') + 1
	from := lineStart
	for n := 0; n < hopLines && from > 0; n++ {
		from = strings.LastIndexByte(text[:from-1], '\n') + 1
	}
	return strings.Split(text[from:lineStart], "\n")
}

// assignedFrom reports whether name's nearest assignment in the hopLines
// lines before i gives it a value that value matches: query = f"SELECT
// ... {x}", const url = req.query.u, target := r.FormValue("u"), and
// destructuring (const { url } = req.body).
func assignedFrom(text string, i int, name string, value, cleared *regexp.Regexp) bool {
	lineStart := strings.LastIndexByte(text[:i], '\n') + 1
	lines := priorLines(text, i)
	for k := len(lines) - 1; k >= 0; k-- {
		if !strings.Contains(lines[k], name) {
			continue
		}
		m := assignment.FindStringSubmatch(lines[k])
		if m == nil || !assigns(m[1], name) {
			continue
		}
		between := strings.Join(lines[k+1:], "\n") + lineAt(text, i)[:i-lineStart]
		return value.MatchString(strings.TrimSpace(m[2])) && (cleared == nil || !cleared.MatchString(between))
	}
	// A module constant (VERIFY_SIGNATURE = False at the top of the file,
	// far from its use) is one hop too, when the module sets it once.
	if constantName.MatchString(name) {
		var values []string
		for _, line := range strings.Split(text[:lineStart], "\n") {
			if m := assignment.FindStringSubmatch(line); m != nil && m[1] == name && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
				values = append(values, strings.TrimSpace(m[2]))
			}
		}
		return len(values) == 1 && value.MatchString(values[0])
	}
	return false
}

// constantName is a name written as a constant: VERIFY_SIGNATURE.
var constantName = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

// assignment is a line that assigns: its target (a name or a destructuring
// pattern) and its value. Compiled once; the target is checked after.
// PHP's $sql and C#'s string sql are assignments too.
var assignment = regexp.MustCompile(`^\s*(?:(?:const|let|var|string)\s+)?\$?(\w+|\{[^}=]*\})\s*(?::=|=|\+=)\s*(.*)$`)

// assigns reports whether an assignment's target binds name: the name
// itself, or a whole word inside a destructuring pattern.
func assigns(target, name string) bool {
	if !strings.HasPrefix(target, "{") {
		return target == name
	}
	for at := 0; ; {
		j := strings.Index(target[at:], name)
		if j < 0 {
			return false
		}
		start, end := at+j, at+j+len(name)
		if (start == 0 || !isWordByte(target[start-1])) && (end >= len(target) || !isWordByte(target[end])) {
			return true
		}
		at = start + 1
	}
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// linesBefore is the text from n lines before position i's line to
// the end of that line.
func linesBefore(text string, i, n int) string {
	from := strings.LastIndexByte(text[:i], '\n') + 1
	for ; n > 0 && from > 0; n-- {
		from = strings.LastIndexByte(text[:from-1], '\n') + 1
	}
	return text[from:i] + restOfLine(text, i)
}

// restOfLine is the line around position i from i on.
func restOfLine(text string, i int) string {
	if end := strings.IndexByte(text[i:], '\n'); end >= 0 {
		return text[i : i+end]
	}
	return text[i:]
}

// lineAt is the line around position i.
func lineAt(text string, i int) string {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		return text[start:]
	}
	return text[start : i+end]
}

// importLine matches a line that only imports: Python and JS imports, a
// bare require, a Go import block's quoted path.
var importLine = regexp.MustCompile(`^\s*(import\b|from\s+\S+\s+import\b|(export\s+)?(const|let|var)\s+[\w${}\s,:]+=\s*require\(\s*['"][^'"]*['"]\s*\)(\.\w+)?\s*;?\s*$|require\(\s*['"][^'"]*['"]\s*\)\s*;?\s*$|(\w+\s+)?"[^"]*"\s*$|using\s|#include)`)

func isImport(line string) bool { return importLine.MatchString(line) }

// opened is the argument list of a call a match ends by opening
// (yaml.load( ... )), up to its closing bracket or the end of the line.
func opened(text string, j int) string {
	if j == 0 || text[j-1] != '(' {
		return ""
	}
	depth := 1
	for k := j; k < len(text) && k < j+4096; k++ {
		switch text[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return text[j:k]
			}
		}
	}
	return lineAt(text, j-1)
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

// commentedOut answers, for offsets of src, whether the code there is
// commented out (lang.Commented): a commented-out control is no control,
// and a commented-out weakness no weakness. The comments are blanked on
// the first question only: most files have no match to ask about.
type commentedOut struct {
	l        lang.Lang
	src      []byte
	stripped []byte
}

func (c *commentedOut) at(i int) bool {
	if c.stripped == nil {
		c.stripped = lang.StripComments(c.l, c.src)
	}
	return lang.Commented(c.src, c.stripped, i)
}

// inString reports whether position i on its line sits inside a string
// literal opened earlier on the same line.
func inString(text string, i int) bool {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	// PHP or JSP code opened on the line starts after its tag: the
	// markup's quotes before it (value="<?php echo $x ?>") hold no string
	// of code.
	if k := max(strings.LastIndex(text[start:i], "<?php"), strings.LastIndex(text[start:i], "<?="), strings.LastIndex(text[start:i], "<%")); k >= 0 {
		start += k + 2
	}
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

// inScriptBlock reports whether offset i sits between a <script> tag
// and its </script>.
func inScriptBlock(text string, i int) bool {
	before := strings.ToLower(text[:i])
	return strings.LastIndex(before, "<script") > strings.LastIndex(before, "</script")
}
