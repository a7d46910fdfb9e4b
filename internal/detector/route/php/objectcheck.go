package php

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// An object-level check in a Laravel or Symfony handler: the record the
// path names is handed to an authorization decision that refuses when it
// fails. Such a handler reaches only what the caller may reach: the
// ownership signal at the route, read by the rules as an owner condition.
//
// Read in the handler: a policy or voter asked about the record
// ($this->authorize('update', $post), Gate::authorize('delete', $post),
// $request->user()->can('view', $post) refused, denyAccessUnlessGranted
// ('EDIT', $post)); or a method of the controller (its own or a base
// class's, followed through $this-> and parent:: a few calls deep)
// handed the record that refuses with an authorization error when a
// test of it fails (if (! $this->permissions->has($organization, ...))
// { throw new AuthorizationException; }).

var (
	// objectAuthorize is a policy or voter asked about a variable, not a
	// class (authorize('create', Post::class) decides no one record).
	objectAuthorize = regexp.MustCompile(`(?:\$this->authorize(?:ForUser)?|\bGate::(?:authorize|inspect|allows|denies|check|any|none)|->(?:can|cannot|cant)|\$this->denyAccessUnlessGranted|\$this->isGranted|->isGranted)\s*\(\s*[^,()]+,\s*\$(\w+)\s*(?:[,)])`)
	// selfCall is a call of the controller's own method: $this->x(,
	// parent::x(, self::x(, static::x(.
	selfCall = regexp.MustCompile(`(?:\$this->|\bparent::|\bself::|\bstatic::)(\w+)\s*\(`)
	// accessError refuses as an access decision.
	accessError = regexp.MustCompile(`(?i)\bthrow\s+new\s+[\w\\]*(?:Authoriz|AccessDenied|Forbidden|NotPermitted|PermissionDenied|Unauthori[sz]ed)\w*|\babort\s*\(\s*(?:40[13]\b|\\?[\w\\]*Response::HTTP_(?:UNAUTHORIZED|FORBIDDEN)\b)|\bcreateAccessDeniedException\s*\(`)
	// ifOpen is the start of a PHP if.
	ifOpen = regexp.MustCompile(`\bif\s*\(`)
)

// objectCheck is where the handler's code (body, a method of c) checks
// the caller against the record a path parameter names, or nil.
func (ix *index) objectCheck(c *class, file string, line int, body string, params []facts.Param) *facts.Evidence {
	code := blankStrings(string(lang.StripComments(lang.PHP, []byte(body))))
	names := map[string]bool{}
	for _, p := range params {
		names[p.Name] = true
	}
	if len(names) == 0 {
		return nil
	}
	loaded(code, names)
	for _, m := range objectAuthorize.FindAllStringSubmatchIndex(code, -1) {
		if names[code[m[2]:m[3]]] {
			return &facts.Evidence{File: file, Line: line + strings.Count(code[:m[0]], "\n")}
		}
	}
	if off := comparedWithCaller(code, names, callerIn(code)); off >= 0 {
		return &facts.Evidence{File: file, Line: line + strings.Count(code[:off], "\n")}
	}
	return ix.refusingCall(c, code, names, 0)
}

// callerExpr is the signed-in caller in Laravel and Symfony code.
var callerExpr = regexp.MustCompile(`\$this->user\(\)|\$request->user\(\)|\bauth\(\)->(?:user|id)\(\)|\bAuth::(?:user|id)\(\)|\$this->getUser\(\)|\$this->security->getUser\(\)`)

// abortCompare is Laravel's abort_if/abort_unless with a 403 or 404.
var abortCompare = regexp.MustCompile(`\babort_(?:if|unless)\s*\(`)

// abortStatus is the refusing status abort_if/abort_unless is handed,
// a number or a Response constant (its last or second-to-last argument).
var abortStatus = regexp.MustCompile(`,\s*(?:40[134]|\\?[\w\\]*Response::HTTP_(?:UNAUTHORIZED|FORBIDDEN|NOT_FOUND))\s*(?:,|$)`)

// assignment is $x = <expression>;.
var assignment = regexp.MustCompile(`\$(\w+)\s*=\s*([^;=][^;]*);`)

// loaded adds to names the variables assigned from an expression that
// reads one of them: the record a lookup by the path's id loads
// ($preset = Preset::findOrFail($id)).
func loaded(code string, names map[string]bool) {
	for range 2 {
		for _, m := range assignment.FindAllStringSubmatch(code, -1) {
			if names[m[1]] {
				continue
			}
			for n := range names {
				if strings.Contains(m[2], "$"+n) && regexp.MustCompile(`\$`+regexp.QuoteMeta(n)+`\b`).MatchString(m[2]) {
					names[m[1]] = true
					break
				}
			}
		}
	}
}

// injectedCaller is a handler argument Laravel or Symfony fills with the
// signed-in caller: typed Authenticatable (or UserInterface), or marked
// #[CurrentUser].
var injectedCaller = regexp.MustCompile(`(?:#\[\s*CurrentUser\s*\]\s*\??[\w\\]+|\??\\?(?:[\w\\]*\\)?(?:Authenticatable|UserInterface))\s+\$(\w+)`)

// callerIn is the expression for the signed-in caller in a handler:
// the framework's accessors and the arguments it injects the caller as.
func callerIn(code string) *regexp.Regexp {
	var alts []string
	if loc := signatureOpen.FindStringIndex(code); loc != nil {
		if end := lang.ClosingBracket(code, loc[1]-1); end > 0 {
			for _, m := range injectedCaller.FindAllStringSubmatch(code[loc[1]:end], -1) {
				alts = append(alts, `\$`+m[1]+`\b`)
			}
		}
	}
	if len(alts) == 0 {
		return callerExpr
	}
	return regexp.MustCompile(callerExpr.String() + "|" + strings.Join(alts, "|"))
}

// comparedWithCaller is the offset of a test that compares the record a
// path parameter names (or a field of it) with the caller and refuses
// when they differ (if ($user->getKey() !== $this->user()->getKey())
// { throw new AuthorizationException; }, abort_if($post->user_id !==
// auth()->id(), 403)); -1 when there is none.
func comparedWithCaller(code string, names map[string]bool, caller *regexp.Regexp) int {
	reads := func(s string) bool {
		for n := range names {
			if regexp.MustCompile(`\$` + regexp.QuoteMeta(n) + `\b`).MatchString(s) {
				return true
			}
		}
		return false
	}
	for _, loc := range abortCompare.FindAllStringIndex(code, -1) {
		end := lang.ClosingBracket(code, loc[1]-1)
		if end < 0 {
			continue
		}
		args := code[loc[1]:end]
		if reads(args) && caller.MatchString(args) && abortStatus.MatchString(args) {
			return loc[0]
		}
	}
	for _, loc := range ifOpen.FindAllStringIndex(code, -1) {
		end := lang.ClosingBracket(code, loc[1]-1)
		if end < 0 {
			continue
		}
		cond := code[loc[1]:end]
		if !reads(cond) || !caller.MatchString(cond) || !strings.Contains(cond, "=") {
			continue
		}
		branch := strings.TrimLeft(code[end+1:], " \t\r\n{")
		if semi := strings.IndexByte(branch, ';'); semi >= 0 {
			branch = branch[:semi]
		}
		if accessError.MatchString(branch) {
			return loc[0]
		}
	}
	return -1
}

// refusingCall follows code's calls of the class's methods that are
// handed one of the named variables, to one that refuses with an access
// error when a test of it fails.
func (ix *index) refusingCall(c *class, code string, names map[string]bool, depth int) *facts.Evidence {
	if c == nil || depth > 3 {
		return nil
	}
	for _, m := range selfCall.FindAllStringSubmatchIndex(code, -1) {
		end := lang.ClosingBracket(code, m[1]-1)
		if end < 0 {
			continue
		}
		args := lang.SplitTopLevel(code[m[1]:end])
		start := c
		if strings.HasPrefix(code[m[0]:], "parent::") {
			start = ix.class(c.base, "")
		}
		owner, meth := ix.method(start, code[m[2]:m[3]])
		if meth == nil {
			continue
		}
		mcode := blankStrings(string(lang.StripComments(lang.PHP, []byte(meth.body))))
		params := paramNames(mcode)
		// The method's parameters the named variables arrive in.
		got := map[string]bool{}
		for i, a := range args {
			if v := strings.TrimPrefix(strings.TrimSpace(a), "$"); names[v] && i < len(params) {
				got[params[i]] = true
			}
		}
		if len(got) == 0 {
			continue
		}
		if off := refusesOnTest(mcode, got); off >= 0 {
			return &facts.Evidence{File: owner.file, Line: meth.line + strings.Count(mcode[:off], "\n")}
		}
		if ev := ix.refusingCall(owner, mcode, got, depth+1); ev != nil {
			return ev
		}
	}
	return nil
}

// refusesOnTest is the offset of an if whose condition calls a check
// handed one of the variables and whose branch throws an access error;
// -1 when there is none. A comparison (==, !==) in the condition is a
// test of the record's own fields, read by the owner pattern instead.
func refusesOnTest(code string, vars map[string]bool) int {
	for _, loc := range ifOpen.FindAllStringIndex(code, -1) {
		end := lang.ClosingBracket(code, loc[1]-1)
		if end < 0 {
			continue
		}
		cond := code[loc[1]:end]
		if strings.Contains(cond, "==") || strings.Contains(cond, "!=") || !strings.Contains(cond, "(") {
			continue
		}
		handed := false
		for v := range vars {
			if regexp.MustCompile(`\$` + regexp.QuoteMeta(v) + `\b`).MatchString(cond) {
				handed = true
				break
			}
		}
		if !handed {
			continue
		}
		branch := strings.TrimLeft(code[end+1:], " \t\r\n{")
		if semi := strings.IndexByte(branch, ';'); semi >= 0 {
			branch = branch[:semi]
		}
		if accessError.MatchString(branch) {
			return loc[0]
		}
		// The other way round: a pass returns early, and what follows
		// the loop or the test refuses (foreach (...) { if ($store->has(
		// $organization, $p)) { return; } } throw new AuthorizationException;).
		if strings.TrimSpace(branch) == "return" && accessError.MatchString(code[end:]) {
			return loc[0]
		}
	}
	return -1
}

// paramNames are a PHP function's parameter variables, in order.
func paramNames(code string) []string {
	open := strings.IndexByte(code, '(')
	if open < 0 {
		return nil
	}
	end := lang.ClosingBracket(code, open)
	if end < 0 {
		return nil
	}
	var out []string
	for _, a := range lang.SplitTopLevel(code[open+1 : end]) {
		if m := phpVar.FindStringSubmatch(a); m != nil {
			out = append(out, m[1])
		} else {
			out = append(out, "")
		}
	}
	return out
}

var phpVar = regexp.MustCompile(`\$(\w+)`)
