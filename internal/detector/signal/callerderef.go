package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A write that needs the signed-in user. A handler (or a method of its
// own file it calls by bare name, a Rails controller's comment_params)
// that reads an attribute of the signed-in user before its first write
// (user_id: current_user.id) fails without one: Devise's and
// Flask-Login's current_user is nil or an anonymous user without the
// attribute, Passport's req.user undefined. An anonymous call errors
// before anything is written, whatever guard the route skipped. A test
// that the caller is there (if current_user) makes the read
// conditional; safe navigation (current_user&.id, req.user?.id) and
// what the absent user still answers (nil?, present?, is_authenticated)
// read nothing that fails.

var (
	// callerDeref is an attribute of the signed-in user read: Rails' and
	// Flask-Login's current_user.x, Passport's req.user.x.
	callerDeref = regexp.MustCompile(`\b(?:current_user|req\.user)\.([A-Za-z_]\w*[?!]?)`)
	// absentOK are what an absent caller still answers (Ruby's nil,
	// Flask-Login's AnonymousUserMixin).
	absentOK = map[string]bool{"nil?": true, "present?": true, "blank?": true, "presence": true, "try": true, "to_s": true, "inspect": true,
		"is_a?": true, "respond_to?": true, "is_authenticated": true, "is_anonymous": true, "is_active": true, "get_id": true}
	// callerTested is a test that the caller is there.
	callerTested = regexp.MustCompile(`\b(?:if|unless|elif)\b[^\n]*\b(?:current_user|req\.user|user_signed_in\?|logged_in\?)|\b(?:current_user|req\.user)\s*(?:&&|\?\s)`)
	// rubyDefName ends where a Ruby method's name starts (def create).
	rubyDefName = regexp.MustCompile(`\bdef[ \t]+(?:self\.)?\w*$`)
	// rubyDef is a Ruby method's first line, its indent and name.
	rubyDef = regexp.MustCompile(`(?m)^([ \t]*)def[ \t]+(?:self\.)?(\w+[?!]?)`)
)

// rubyMethods are a Ruby file's methods' source by name, each from its
// def to the end at the def's indent.
func rubyMethods(src string) map[string]string {
	out := map[string]string{}
	for _, m := range rubyDef.FindAllStringSubmatchIndex(src, -1) {
		indent, name := src[m[2]:m[3]], src[m[4]:m[5]]
		end := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(indent) + `end\b`).FindStringIndex(src[m[1]:])
		if end == nil {
			continue
		}
		if _, ok := out[name]; !ok {
			out[name] = src[m[0] : m[1]+end[1]]
		}
	}
	return out
}

// derefsCaller is the offset in code of the first read of an attribute
// of the signed-in user an absent one fails, or -1.
func derefsCaller(code string) int {
	for _, m := range callerDeref.FindAllStringSubmatchIndex(code, -1) {
		if !absentOK[code[m[2]:m[3]]] {
			return m[0]
		}
	}
	return -1
}

// callerDerefWrite is a caller-gated-write signal when r, a write with
// no guard seen, reads an attribute of the signed-in user before its
// first write, in its own code or in a method of its file it calls by
// name (methods: that file's methods by name), and never tests that the
// caller is there.
func callerDerefWrite(r *facts.Route, methods map[string]string) []facts.Signal {
	if r.Body == "" || r.Auth == facts.AuthRequired {
		return nil
	}
	switch r.Method {
	case "POST", "PUT", "PATCH", "DELETE":
	default:
		return nil
	}
	code := blankStrings(string(lang.StripComments(lang.Of(r.File), []byte(r.Body))))
	if callerTested.MatchString(code) {
		return nil
	}
	// The first write, not the handler's own name (def create).
	var w []int
	for _, m := range writesState.FindAllStringIndex(code, -1) {
		if !definition.MatchString(code[:m[0]]) && !rubyDefName.MatchString(code[:m[0]]) {
			w = m
			break
		}
	}
	if w == nil {
		return nil
	}
	// The write's statement: its line (create(user_id: current_user.id)).
	stmt := len(code)
	if nl := strings.IndexByte(code[w[1]:], '\n'); nl >= 0 {
		stmt = w[1] + nl
	}
	at := derefsCaller(code[:stmt])
	if at < 0 {
		// A method of the handler's file called before the write.
		self := lastName(r.Handler)
		if i := strings.LastIndexAny(self, "#"); i >= 0 {
			self = self[i+1:]
		}
		for _, m := range identRE.FindAllStringIndex(code[:w[0]], -1) {
			name := code[m[0]:m[1]]
			src, ok := methods[name]
			if !ok || name == self || name == "def" {
				continue
			}
			s := blankStrings(string(lang.StripComments(lang.Of(r.File), []byte(src))))
			if derefsCaller(s) >= 0 && !callerTested.MatchString(s) {
				at = m[0]
				break
			}
		}
	}
	if at < 0 {
		return nil
	}
	return []facts.Signal{{Kind: facts.SignalCallerGatedWrite, Detail: "the write reads the signed-in user first: without one it fails before writing",
		Route: r.Key(), In: facts.SignalInHandler, Evidence: handlerLine(r, at)}}
}
