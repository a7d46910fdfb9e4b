package php

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A handler that reads only the caller's own records: every record it
// looks up is keyed by the caller ($username = session('username');
// Link::where('creator', $username), UserHelper::getUserByUsername(
// $username)), and none by a value the request sends. Under an admin
// path it is the signed-in user's own page (a dashboard, their links),
// no administrator's function.

var (
	// callerAssign gives a variable the signed-in caller or their id:
	// the session's user, Laravel's and Symfony's accessors.
	callerAssign = regexp.MustCompile(`\$(\w+)\s*=\s*(?:session\(\s*['"]\w*(?:user|name|id|email|login)\w*['"]\s*\)|auth\(\)\s*->\s*(?:user|id)\(\)|Auth::(?:user|id)\(\)|\$request\s*->\s*user\(\)|\$this\s*->\s*(?:getUser|user)\(\))[^;]*;`)
	// staticRead is a static call that reads records: a model's query
	// (Link::where, User::find) or a helper's getter (X::getUserBy...).
	staticRead = regexp.MustCompile(`\b[A-Z]\w*::(?:where\w*|find\w*|first\w*|get\w*|query|select|all)\s*\(`)
	// requestRead reads what the client sent.
	requestRead = regexp.MustCompile(`\$request\s*->\s*(?:input|get|query|all|only|post|json)\s*\(|\bInput::|\brequest\(\s*['"]|\$_(?:GET|POST|REQUEST)\b`)
)

// callerOwn is where the handler (code, of a route with no path
// parameter) reads only records keyed by the caller, or nil.
func callerOwn(file string, line int, body string, params []facts.Param) *facts.Evidence {
	if len(params) > 0 {
		return nil
	}
	code := string(lang.StripComments(lang.PHP, []byte(body)))
	var callers []string
	first := -1
	for _, m := range callerAssign.FindAllStringSubmatchIndex(code, -1) {
		callers = append(callers, code[m[2]:m[3]])
		if first < 0 {
			first = m[0]
		}
	}
	if len(callers) == 0 {
		return nil
	}
	reads := 0
	for _, loc := range staticRead.FindAllStringIndex(code, -1) {
		end := lang.ClosingBracket(code, loc[1]-1)
		if end < 0 {
			return nil
		}
		args := code[loc[1]:end]
		if requestRead.MatchString(args) {
			return nil
		}
		keyed := false
		for _, v := range callers {
			if regexp.MustCompile(`\$` + regexp.QuoteMeta(v) + `\b`).MatchString(args) {
				keyed = true
			}
		}
		if !keyed {
			return nil
		}
		reads++
	}
	if reads == 0 {
		return nil
	}
	return &facts.Evidence{File: file, Line: line + strings.Count(code[:first], "\n")}
}
