package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A sign-up one call away. A handler often hands the posted body to a
// service of its own repository (createUser({...req.body.user})) whose
// body creates the record and hashes the password: the handler's own
// code shows the creation and not the password. The function is read
// when no other function of the repository has its name, one call deep,
// as modelsThrough reads a helper.

// hashesPassword hashes a password: a slow hash's library or a call that
// says it hashes (bcrypt.hash(password, 10), make_password(pw),
// password_hash($pw, PASSWORD_DEFAULT), passwordEncoder.encode(pw)); not
// a check of one (bcrypt.compare: a login).
var hashesPassword = regexp.MustCompile(`(?i)\b(?:bcrypt|argon2\w*|scrypt|pbkdf2\w*|passlib\w*)\s*\.\s*(?:hash\w*|gen\w*|Generate\w*|encode|IDKey|Key|derive\w*)\s*\(|\b(?:make_password|generate_password_hash|password_hash|hash_?password|hashSync|hashpw)\s*\(|\bpassword_?encoder\s*\.\s*encode\s*\(`)

// accountThrough is a creates-account signal, at the function's line,
// when r's handler does not show one itself and calls a function that
// creates a record and hashes a password.
func (d *Calls) accountThrough(r *facts.Route, sigs []facts.Signal) []facts.Signal {
	if d == nil || strings.TrimSpace(r.Body) == "" || len(d.code) == 0 {
		return nil
	}
	for _, s := range sigs {
		if s.Kind == facts.SignalCreatesAccount {
			return nil
		}
	}
	body := string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
	for _, h := range d.helpersCalled(body, lastName(r.Handler)) {
		fn := h.fn
		code := string(lang.StripComments(lang.Of(fn.file), []byte(fn.code)))
		// A user or account record created, not one saved again: a
		// password changed on an existing user is no sign-up.
		if !createsUser.MatchString(code) || !passwordWord.MatchString(code) {
			continue
		}
		loc := hashesPassword.FindStringIndex(code)
		if loc == nil {
			continue
		}
		return []facts.Signal{{Kind: facts.SignalCreatesAccount, Detail: h.name, Route: r.Key(), In: facts.SignalInHandler,
			Evidence: facts.Evidence{File: fn.file, Line: fn.line + strings.Count(code[:loc[0]], "\n")}}}
	}
	return nil
}
