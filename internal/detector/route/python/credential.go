package python

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// credentialOf says where a guard's code takes the caller's credential
// from: a request header (the Authorization header read directly, or
// through a Flask-HTTPAuth object whose login_required decorates it) or
// the cookie session (Flask's session, Flask-Login's current_user, a
// cookie). A guard that reads both is a cookie one: a browser sends the
// cookie with a cross-site form. "" when the code shows neither.
func (ix *index) credentialOf(m *module, fn *function) string {
	src := strip(fn.source())
	cookie := cookieCredential.MatchString(src)
	header := headerCredential.MatchString(src)
	for _, d := range fn.decorators {
		if d.kind == exCall {
			d = d.fn // @auth.login_required(role="admin")
		}
		name, _ := d.dotted()
		switch ix.credentialOfName(m, name) {
		case facts.CredentialHeader:
			header = true
		case facts.CredentialCookie:
			cookie = true
		}
	}
	switch {
	case cookie:
		return facts.CredentialCookie
	case header:
		return facts.CredentialHeader
	}
	return ""
}

// credentialOfName is credentialOf for a decorator by its dotted name:
// auth.login_required where auth = HTTPBasicAuth() reads the
// Authorization header; Flask-Login's login_required reads the session.
func (ix *index) credentialOfName(m *module, name string) string {
	if m == nil || name == "" {
		return ""
	}
	parts := strings.Split(name, ".")
	s := ix.lookup(m, parts[0], 0)
	if len(parts) == 1 {
		if strings.HasPrefix(s.ext, "flask_login.") {
			return facts.CredentialCookie
		}
		return ""
	}
	if s.value == nil || s.value.kind != exCall {
		return ""
	}
	made := ix.resolve(s.mod, s.value.fn)
	if made.root() == "flask_httpauth" && headerAuth[made.last()] {
		return facts.CredentialHeader
	}
	return ""
}

var (
	// headerAuth are Flask-HTTPAuth's classes; each reads the
	// Authorization header (MultiAuth combines them).
	headerAuth = map[string]bool{"HTTPBasicAuth": true, "HTTPTokenAuth": true, "HTTPDigestAuth": true, "MultiAuth": true}
	// headerCredential reads a credential a browser never adds to a
	// cross-site request by itself: the Authorization header or an
	// API-key or token header.
	headerCredential = regexp.MustCompile(`(?i)\brequest\.authorization\b|\brequest\.headers\s*(?:\.\s*get\s*\(|\[)\s*["'](?:authorization|x-[\w-]*(?:token|key|auth)[\w-]*)["']`)
	// cookieCredential reads the caller from the cookie session.
	cookieCredential = regexp.MustCompile(`\bsession\s*(?:\.\s*get\s*\(|\[)|\bin\s+session\b|(?:^|[^.\w])current_user\b|\brequest\.cookies\b`)
)
