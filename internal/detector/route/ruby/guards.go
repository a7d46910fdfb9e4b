package ruby

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// What Ruby code does to a caller it turns away. A guard (a
// before_action's method, a Sinatra before filter) or a handler rejects
// when its code does one of these; a name alone decides nothing.
var (
	// status401 answers 401: head :unauthorized, render status: 401,
	// Sinatra's halt 401, Grape's error!("...", 401).
	status401 = regexp.MustCompile(`\bhead\s*\(?\s*(?::unauthorized|401)\b|\bstatus:?\s*(?:=>\s*)?(?::unauthorized|401)\b|\bhalt\s*\(?\s*\[?\s*401\b|\berror!?\s*\(?\s*401\b|\berror!\s*\(?[^\n]{0,120}?,\s*(?:401|:unauthorized)\b|\bthrow\s*\(?\s*:warden\b`)
	// status403 answers 403: it rejects a caller only where the code
	// tests who is calling (a feature switched off answers 403 too).
	status403 = regexp.MustCompile(`\bhead\s*\(?\s*(?::forbidden|403)\b|\bstatus:?\s*(?:=>\s*)?(?::forbidden|403)\b|\bhalt\s*\(?\s*\[?\s*403\b|\berror!?\s*\(?\s*403\b`)
	// raiseDenied raises an access error (CanCan's AccessDenied, Pundit's
	// NotAuthorizedError, an app's own).
	raiseDenied = regexp.MustCompile(`\b(?:raise|fail)\s*\(?\s*(?:[\w:]*::)?\w*(?:AccessDenied|NotAuthorized|Unauthorized|Unauthorised|Forbidden|NotAuthenticated|Unauthenticated|PermissionDenied|NotPermitted|AuthenticationError|AuthorizationError)\w*`)
	// redirectLogin sends the caller to sign in.
	redirectLogin = regexp.MustCompile(`\bredirect(?:_to)?\s*\(?\s*[^\n]{0,80}?(?:login|log_in|logon|sign_?in|signin|new_\w*session|sessions?_(?:path|url)|/session|/auth\b)`)
	// redirectAbsent sends the caller elsewhere when no one is signed in,
	// wherever it sends them: redirect_to root_url if !current_user,
	// unless logged_in? ... redirect_to ... end. A redirect taken when the
	// caller IS signed in (bouncing them off the login page) is not one.
	redirectAbsent = regexp.MustCompile(`\bredirect(?:_to)?\b[^\n]*?\b(?:unless\s+` + absentCaller + `|if\s+(?:!\s*|not\s+)` + absentCaller + `|if\s+` + absentCaller + `\s*(?:&?\.)\s*(?:nil|blank)\?)|` +
		`\b(?:unless\s+` + absentCaller + `|if\s+(?:!\s*|not\s+)` + absentCaller + `|if\s+` + absentCaller + `\s*(?:&?\.)\s*(?:nil|blank)\?)[^\n]*(?:\n[^\n]*){0,3}?\n\s*redirect(?:_to)?\b`)
	// presenceTest branches on whether anyone is signed in, the caller's
	// record alone as the condition (if @user, unless current_user,
	// if !logged_in?): not a test of one of its attributes.
	presenceTest = regexp.MustCompile(`(?m)\b(?:if|unless)\s+(?:!\s*|not\s+)?\(?\s*(?:@?current_[a-z_]+\??|@[a-z_]*(?:user|account|member)|[a-z_]*(?:logged_in|signed_in|authenticated)[a-z_]*\?)\s*(?:&?\.\s*(?:nil|blank|present)\?)?\s*\)?\s*(?:then\s*)?$`)
	// errorStatus answers a client error: render ..., status: 400,
	// head :bad_request, head 404.
	errorStatus = regexp.MustCompile(`\bhead\s*\(?\s*(?::bad_request|:unauthorized|:forbidden|:not_found|4\d\d)\b|\brender\b[^\n]*\bstatus:?\s*(?:=>\s*)?(?::bad_request|:unauthorized|:forbidden|:not_found|4\d\d)\b`)
	// libraryReject calls a library's method that rejects: Devise's
	// authenticate_<scope>! and Warden's authenticate!, Rails' HTTP
	// authentication, Doorkeeper, CanCanCan and Pundit.
	libraryReject = regexp.MustCompile(`\b(?:warden\.authenticate!|authenticate_[a-z_]+!|authenticate_or_request_with_http_(?:basic|token|digest)|request_http_(?:basic|token|digest)_authentication|doorkeeper_authorize!|authorize!\s*\(?\s*:|\bauthorize(?:\s+|\s*\(\s*)@?\w)`)
	// callerWords are code that reads who is calling.
	callerWords = regexp.MustCompile(`(?i)current_\w+|\bsession\b|user|admin|role|logged_in|signed_in|authenticated|token|permission|can\?|cannot\?|policy|api_key|owner`)
	// tests is a conditional in Ruby: a modifier or a block.
	tests = regexp.MustCompile(`\b(?:if|unless)\b|&&|\|\||\?\s|\bcase\b|\breturn\b`)
	// word is a name a method body may call.
	word = regexp.MustCompile(`[a-z_][A-Za-z0-9_]*[!?]?`)
)

// absentCaller is an expression for who is signed in: current_user,
// @current_account, logged_in?, user_signed_in?, session[:user_id].
const absentCaller = `\(?\s*(?:@?current_[a-z_]+\b\??|[a-z_]*(?:logged_in|signed_in|authenticated)[a-z_]*\??|session\[\s*:?["']?[a-z_]*(?:user|account|member)[a-z_]*["']?\s*\])`

// why says why Ruby code rejects a caller, or "": direct reads its own
// code; follow reads the methods of cls it calls, a few calls deep.
type judge struct {
	ix   *index
	cls  *class
	seen map[string]bool
}

func (j *judge) rejects(src string, depth int, self string) (why, role string) {
	src = string(lang.StripComments(lang.Ruby, []byte(src)))
	if why := rubyRejects(src); why != "" {
		return why, roleOf(src)
	}
	if depth >= 3 || j.ix == nil {
		return "", ""
	}
	for _, w := range word.FindAllString(src, 200) {
		if w == self || j.seen[w] || skipWords[w] {
			continue
		}
		j.seen[w] = true
		m := j.ix.method(j.cls, w)
		if m == nil {
			continue
		}
		if why, role := j.rejects(body(m.src), depth+1, w); why != "" {
			return "calls " + w + " (" + at(m.file, m.line) + "), which " + why, role
		}
	}
	return "", ""
}

var skipWords = map[string]bool{"if": true, "unless": true, "end": true, "do": true, "def": true, "return": true, "and": true, "or": true, "not": true,
	"params": true, "session": true, "request": true, "nil": true, "true": true, "false": true, "self": true, "then": true, "else": true}

// callerRole is a role a Ruby test of the caller names:
// current_user.admin?, has_role?(:editor), user.role == "owner".
var callerRole = regexp.MustCompile(`\bcurrent_\w+\s*(?:&?\.)\s*(admin|staff|superuser|moderator|owner|manager|editor)\?|\bhas_role\?\s*\(?\s*[:'"](\w+)|\brole\s*==\s*[:'"](\w+)`)

// roleOf is the role code demands of the caller, or "".
func roleOf(src string) string {
	if m := callerRole.FindStringSubmatch(src); m != nil {
		for _, g := range m[1:] {
			if g != "" {
				return g
			}
		}
	}
	return route.RoleOf(src)
}

// rubyRejects says what in src turns a caller away, or "".
func rubyRejects(src string) string {
	if m := libraryReject.FindString(src); m != "" {
		m = strings.TrimSpace(strings.TrimRight(m, "(:@ "))
		return "calls " + m + ", which rejects a caller it does not authenticate or authorize"
	}
	if status401.MatchString(src) {
		return "responds 401"
	}
	if raiseDenied.MatchString(src) && tests.MatchString(src) {
		return "raises an access error"
	}
	if redirectLogin.MatchString(src) && tests.MatchString(src) && callerWords.MatchString(src) {
		return "redirects to login"
	}
	if redirectAbsent.MatchString(src) {
		return "redirects a caller who is not signed in"
	}
	// A branch on the caller's presence whose other side answers a
	// client error (if @user ... else render ..., status: 400): a caller
	// not signed in is answered and the action never runs.
	if presenceTest.MatchString(src) && errorStatus.MatchString(src) {
		return "answers a client error to a caller not signed in"
	}
	if status403.MatchString(src) && tests.MatchString(src) && callerWords.MatchString(src) {
		return "responds 403"
	}
	return ""
}

// body is a method's code without its def line (its name says nothing).
func body(src string) string {
	if _, rest, ok := strings.Cut(src, "\n"); ok {
		return rest
	}
	return ""
}

func at(file string, line int) string {
	return file + ":" + itoa(line)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// A filter is one before_action of a controller (or a Sinatra before).
type filter struct {
	name   string // the method, "" for a block
	src    string // a block's code
	only   []string
	except []string
	file   string
	line   int
	cls    *class
	// rack is a Rack middleware the app uses (use Rack::Auth::Basic).
	verdict router.Verdict
}

func (f filter) applies(action string) bool {
	if f.only != nil && !slices.Contains(f.only, action) {
		return false
	}
	return !slices.Contains(f.except, action)
}

// filters are the before_actions that run before action of c, parent
// classes' first, skip_before_action applied.
func (ix *index) filters(c *class, action string) []filter {
	chain := ix.ancestors(c)
	var out []filter
	for i := len(chain) - 1; i >= 0; i-- {
		k := chain[i]
		for _, m := range k.macros {
			if m.recv != "" {
				continue
			}
			switch m.name {
			case "before_action", "before_filter", "prepend_before_action", "append_before_action", "prepend_before_filter":
				only, except := m.opt("only").strs(), m.opt("except").strs()
				if m.opt("only") != nil && only == nil {
					only = []string{}
				}
				var fs []filter
				for i := 0; ; i++ {
					p := m.positional(i)
					if p == nil {
						break
					}
					if n, ok := p.str(); ok {
						fs = append(fs, filter{name: n, only: only, except: except, file: k.file, line: m.line, cls: c})
					}
				}
				if m.hasBlock {
					fs = append(fs, filter{src: m.blockSrc, only: only, except: except, file: k.file, line: m.line, cls: c})
				}
				if strings.HasPrefix(m.name, "prepend") {
					out = append(fs, out...)
				} else {
					out = append(out, fs...)
				}
			case "skip_before_action", "skip_before_filter", "skip_action_callback":
				only, except := m.opt("only").strs(), m.opt("except").strs()
				for i := 0; ; i++ {
					p := m.positional(i)
					if p == nil {
						break
					}
					n, _ := p.str()
					skip := (m.opt("only") == nil || slices.Contains(only, action)) && !slices.Contains(except, action)
					if skip {
						out = slices.DeleteFunc(out, func(f filter) bool { return f.name == n })
					}
				}
			case "http_basic_authenticate_with", "http_digest_authenticate_with":
				out = append(out, filter{name: m.name, only: m.opt("only").strs(), except: m.opt("except").strs(), file: k.file, line: m.line, cls: c,
					verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "Rails' " + m.name + " responds 401 without the credentials"}})
			case "load_and_authorize_resource", "authorize_resource":
				out = append(out, filter{name: m.name, only: m.opt("only").strs(), except: m.opt("except").strs(), file: k.file, line: m.line, cls: c,
					verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "CanCanCan's " + m.name + " raises AccessDenied for a caller its abilities do not allow"}})
			}
		}
	}
	return slices.DeleteFunc(out, func(f filter) bool { return !f.applies(action) })
}

// guard reads one filter into a router guard with its verdict.
func (ix *index) guard(f filter) router.Guard {
	g := router.Guard{Name: f.name, Applied: facts.Evidence{File: f.file, Line: f.line}, Verdict: f.verdict}
	if f.verdict.Decided() {
		return g
	}
	j := &judge{ix: ix, cls: f.cls, seen: map[string]bool{}}
	if f.name == "" {
		g.Name, g.Text = "before block", "before block"
		g.Source = f.src
		g.Defined = g.Applied
		if why, role := j.rejects(f.src, 0, ""); why != "" {
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: why, Role: role}
		} else {
			g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "its code rejects no caller"}
		}
		return g
	}
	m := ix.method(f.cls, f.name)
	if m == nil {
		if devise.MatchString(f.name) {
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Devise's " + f.name + " sends a caller who is not signed in to sign in (401 to an API request)"}
		} else if f.name == "doorkeeper_authorize!" {
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Doorkeeper's doorkeeper_authorize! responds 401 without a valid access token"}
		}
		// Anything else: the shared judge reads its name (unresolved
		// when it looks like a guard).
		return g
	}
	g.Source = m.src
	g.Defined = facts.Evidence{File: m.file, Line: m.line}
	j.seen[f.name] = true
	if optionalGuard(body(m.src)) {
		g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: f.name + ": checks a credential only when the request carries one"}
	} else if why, role := j.rejects(body(m.src), 0, f.name); why != "" {
		g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: why, Role: role}
	} else {
		g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: f.name + ": its code rejects no caller"}
	}
	return g
}

// credentialPresent tests that the request carries a credential:
// if request.headers['Authorization'].present?, if params[:token].
var (
	credentialPresent = regexp.MustCompile(`^if\s+[^\n!]*(?:request\.headers|request\.authorization|params|cookies|token|authorization)[^\n!]*$`)
	credentialAbsent  = regexp.MustCompile(`^return\s+(?:unless\s+[^\n!]*(?:request\.headers|request\.authorization|params|cookies|token|authorization)[^\n!]*|if\s+[^\n]*(?:request\.headers|request\.authorization|params|cookies|token|authorization)[^\n]*\.(?:blank|nil)\?)\s*$`)
	elseBranch        = regexp.MustCompile(`(?m)^\s*(?:else|elsif)\b`)
)

// optionalGuard says a guard's code lets a request without a credential
// through: its whole body is a branch taken only when the request
// carries one (if request.headers['Authorization'].present? ... end, no
// else), or it returns first when none was sent.
func optionalGuard(src string) bool {
	src = strings.TrimSpace(string(lang.StripComments(lang.Ruby, []byte(src))))
	src = strings.TrimSpace(strings.TrimSuffix(src, "end")) // the def's own end
	first, _, _ := strings.Cut(src, "\n")
	first = strings.TrimSpace(first)
	if credentialAbsent.MatchString(first) && !strings.Contains(first, "present?") {
		return true
	}
	if !credentialPresent.MatchString(first) || strings.Contains(first, "blank?") || strings.Contains(first, "nil?") {
		return false
	}
	// One branch, closed by the body's last end, with no else.
	return strings.HasSuffix(src, "end") && !elseBranch.MatchString(src)
}

// devise is the helper Devise defines per scope: authenticate_user!.
var devise = regexp.MustCompile(`^authenticate_[a-z_]+!$`)
