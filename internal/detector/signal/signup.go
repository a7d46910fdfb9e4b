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

// A sign-up by the record a login compares: a handler that creates a
// record of a model (Member::create($body), Member.objects.create(...),
// new Member(req.body)) whose password column some route's query
// compares with what a caller sends (Member::where('password', $pw),
// Member.query.filter_by(password=pw)) creates an account, whatever the
// model is called and whether or not the password is hashed. A model
// that only holds a password (a vault's entries) no login compares.

var (
	// modelQuery is a query called on a model class: its name, then the
	// query's start (where, filter_by, find_by, findOne...).
	modelQuery = regexp.MustCompile(`\b([A-Z]\w*)\s*(?:::|\.|->)\s*(?:(?:objects|query)\s*\.\s*)?(?:where|filter|filter_by|find_by|findOne|findFirst|first|get|find|select)\w*\s*\(`)
)

// accountModels are the model classes a route's handler queries by a
// password column: the app's accounts.
func accountModels(routes []facts.Route) map[string]bool {
	out := map[string]bool{}
	for _, r := range routes {
		if r.Body == "" {
			continue
		}
		body := string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
		for _, m := range modelQuery.FindAllStringSubmatchIndex(body, -1) {
			if passwordColumn.MatchString(body[m[0]:chainEnd(body, m[0])]) {
				out[body[m[2]:m[3]]] = true
			}
		}
	}
	return out
}

// accountCreation is a creates-account signal when r, a write whose
// handler shows none itself, creates a record of one of accounts.
func accountCreation(r *facts.Route, sigs []facts.Signal, accounts map[string]bool) []facts.Signal {
	if len(accounts) == 0 || r.Body == "" || !isWriteMethod(r.Method) {
		return nil
	}
	for _, s := range sigs {
		if s.Kind == facts.SignalCreatesAccount {
			return nil
		}
	}
	body := string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
	for _, m := range modelCreate.FindAllStringSubmatchIndex(body, -1) {
		var name string
		if m[2] >= 0 {
			name = body[m[2]:m[3]]
		} else {
			name = body[m[4]:m[5]]
		}
		if accounts[name] {
			return []facts.Signal{{Kind: facts.SignalCreatesAccount, Detail: name, Route: r.Key(), In: facts.SignalInHandler,
				Evidence: handlerLine(r, m[0])}}
		}
	}
	return nil
}

// modelCreate creates a record of a model class: Member::create(...),
// Member.objects.create(...), Member.insert(...), or new Member(...).
var modelCreate = regexp.MustCompile(`\b([A-Z]\w*)\s*(?:::|\.|->)\s*(?:objects\s*\.\s*)?(?:create|insert|forceCreate|firstOrCreate)\w*\s*\(|\bnew\s+([A-Z]\w*)\s*\(`)

// isWriteMethod: a method that changes state.
func isWriteMethod(m string) bool {
	switch m {
	case "POST", "PUT", "PATCH":
		return true
	}
	return false
}
