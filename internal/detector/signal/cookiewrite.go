package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// A handler whose only writes set or clear the caller's own cookies or
// session (a theme, a layout, a language, a sign-in step's pending data)
// changes nothing anyone else sees: what it
// writes goes back to the browser that asked. The writes are read in the
// handler and in the functions it calls that the repository defines once,
// one call deep.

// cookieWrite sets or clears a cookie on the response: Next.js's
// cookies().set/delete (also (await cookies()).set), Express's
// res.cookie/clearCookie, Django's and Flask's set_cookie/delete_cookie,
// Go's http.SetCookie. Or it sets a value of the caller's own session
// (request.session.pendingUser = null, Flask's session["theme"] = ...):
// the session is the caller's as the cookie is, whether kept in the
// cookie or server-side under its id; a value assigned there may still
// come from a write (request.session.userId = await createUser(...)),
// which is read as one.
var cookieWrite = regexp.MustCompile(`\bcookies\(\)\)?\.(?:set|delete)\(|\bcookies\.(?:set|delete)\(|\.(?:set_cookie|delete_cookie)\(|\bres(?:ponse)?\.(?:cookie|clearCookie)\(|\bSetCookie\(|` +
	`\b(?:req|request|ctx)\.session(?:\.[\w$]+|\[[^\]\n]+\])+\s*=[^=]|(?:^|[^\w.$])session\[[^\]\n]+\]\s*=[^=]`)

// writeCall is a call that writes somewhere else: a store, a queue, a
// file, a message. A call, not a word: a variable named updated writes
// nothing.
var writeCall = regexp.MustCompile(`(?i)(?:^|[^\w$])(?:create|insert|update|upsert|save|delete|destroy|remove|add|put|set|commit|write|send|push|exec|execute|increment|decrement|query|run|publish|enqueue|emit|post|patch)\w*\s*\(|\+=|-=`)

// replyCall answers the caller (res.sendStatus(204), res.json(...)):
// the answer goes back to who asked, it writes nowhere else.
var replyCall = regexp.MustCompile(`\b(?:res|response|reply)\.(?:send\w*|json|jsonp|end|status|redirect|render|type|header)\(`)

// cookieOnly reports code whose writes, once its cookie writes and the
// names given are taken out, are none.
func cookieOnly(code string, names ...string) bool {
	code = cookieWrite.ReplaceAllString(code, "")
	code = replyCall.ReplaceAllString(code, "")
	for _, n := range names {
		if n != "" {
			code = strings.ReplaceAll(code, n, "")
		}
	}
	return !writeCall.MatchString(code)
}

// cookieOnlySignal is a cookie-only-write signal for a route whose
// handler writes cookies and nothing else, itself or through functions
// it calls that write cookies and nothing else.
func (d *Calls) cookieOnlySignal(r *facts.Route) []facts.Signal {
	body := r.Body
	if strings.TrimSpace(body) == "" {
		return nil
	}
	own := lastName(r.Handler)
	writes := cookieWrite.FindStringIndex(body)
	rest := []string{own}
	for _, m := range callStart.FindAllStringSubmatchIndex(body, -1) {
		callee := strings.ReplaceAll(body[m[2]:m[3]], " ", "")
		last := callee[strings.LastIndex(callee, ".")+1:]
		if last == own || d.allDefs[last] != 1 {
			continue
		}
		fn, ok := d.code[last]
		if !ok || !cookieWrite.MatchString(fn.code) || !cookieOnly(fn.code, last) {
			continue
		}
		rest = append(rest, last)
		if writes == nil {
			writes = []int{m[0], m[1]}
		}
	}
	if writes == nil || !cookieOnly(body, rest...) {
		return nil
	}
	return []facts.Signal{{Kind: facts.SignalCookieOnly, Route: r.Key(), In: facts.SignalInHandler, Evidence: handlerLine(r, writes[0])}}
}
