package signal

import (
	"regexp"
	"slices"
	"strings"
)

// The caller in a handler's own variables. A lookup given the
// authenticated caller (getByAlbum($album, $user), service.get_for(user,
// id)) is scoped to the caller, whatever its variable is called: what
// says it is the caller is where its value comes from. The framework
// hands it to the handler as a parameter (Laravel's Authenticatable,
// Symfony's #[CurrentUser], Spring's @AuthenticationPrincipal, a FastAPI
// dependency on the current user), or the handler reads it off the
// request, the session or the request's context.

var (
	// callerSource is an expression whose value is the authenticated
	// caller (PHP's $ already read as a space, -> kept).
	callerSource = regexp.MustCompile(`\brequest\s*->\s*user\(\s*\)|\bauth\(\s*\)\s*->\s*(?:user|id)\(\s*\)|\bAuth::(?:user|id)\(\s*\)|\bsession\(\s*['"]\w*(?:user|uid|login)\w*['"]\s*\)|\bthis\s*->\s*(?:security\s*->\s*)?getUser\(\s*\)|\bsecurity\s*->\s*getUser\(\s*\)|` +
		`\bget_jwt_identity\(\s*\)|\b\w+\.current_user\b|\bSecurityContextHolder\.getContext\(\)\.getAuthentication\(\)|` +
		// Go: the request context's value, or a helper reading the caller
		// from the context or the request (UserFromContext(r.Context())).
		`\b(?:r\.Context\(\)|ctx|c\.Request\.Context\(\))\.Value\(|\b\w*(?:User|Caller|Account|Principal|Identity)\w*From(?:Context|Ctx|Request|Session)\w*\(|` +
		`\bc\.(?:Get|MustGet|Locals)\(\s*["'](?:user|account|claims|current_?user|caller|principal)\w*["']|` +
		// ASP.NET: the controller's User (or HttpContext.User), the
		// principal authentication set: its identity, its claims, an
		// extension method reading one (User.GetEmail()), or a service
		// given it (userManager.GetUserId(User)).
		`\b(?:HttpContext\s*\.\s*)?User\s*\.\s*(?:Identity\b|Claims\b|FindFirst\w*\(|HasClaim\(|Get[A-Z]\w*\(\s*\))|\bHttpContext\s*\.\s*User\b|\bGet[A-Z]\w*\(\s*(?:HttpContext\s*\.\s*)?User\s*\)`)
	// callerParamTyped is a handler parameter the framework fills with the
	// caller: the name follows the type or annotation.
	callerParamTyped = regexp.MustCompile(`(?:\bAuthenticatable|#\[\s*CurrentUser\s*\]\s*\??[\w\\]+|@AuthenticationPrincipal(?:\([^)]*\))?\s+(?:final\s+)?[\w.<>]+|@CurrentUser(?:\(\s*\))?\s+(?:final\s+)?[\w.<>]+)\s+(\w+)`)
	// callerParamDep is a Python parameter given by a dependency on the
	// current or authenticated user: user: User = Depends(get_current_user).
	callerParamDep = regexp.MustCompile(`\b(\w+)\s*(?::\s*[\w.\[\], |]+)?=\s*(?:Depends|Security)\(\s*[\w.]*(?i:current|auth|active|logged|signed)\w*`)
)

// declaredCallers are the handler's variables the framework or the
// handler's own code fills with the authenticated caller.
func declaredCallers(body string) []string {
	var out []string
	add := func(n string) {
		if n != "" && !contains(out, n) {
			out = append(out, n)
		}
	}
	for _, m := range callerParamTyped.FindAllStringSubmatch(body, -1) {
		add(m[1])
	}
	for _, m := range callerParamDep.FindAllStringSubmatch(body, -1) {
		add(m[1])
	}
	for _, m := range assignLHS.FindAllStringSubmatch(body, -1) {
		if !callerSource.MatchString(m[2]) {
			continue
		}
		for _, id := range identRE.FindAllString(m[1], -1) {
			switch id {
			case "err", "ok", "_", "const", "let", "var":
				continue
			}
			add(id)
		}
	}
	return out
}

// An owner check by hand: the handler compares the record's owner (or
// the path's id) with the caller and refuses when they differ:
// if ($song->owner_id !== $user->id) abort(403); if obj.user_id !=
// current_user.id: abort(403); if x.UserID != uid { return ... }.
var (
	// differs is a condition that two values differ, the refusal on the
	// same line or the next: the operator and what is on either side.
	ifDiffers = regexp.MustCompile(`(?m)\bif\b[ \t]*\(?[ \t]*([^\n]*?)[ \t]*(!==|!=|<>|\bis\s+not\b)[ \t]*([^\n]*)$`)
	// abortIf is Laravel's abort_if(a !== b, 403).
	abortIf = regexp.MustCompile(`\babort_if\(\s*([^\n,]*?)\s*(!==|!=)\s*([^\n,]*?)\s*,\s*40[134]\b`)
	// refusal ends a handler with a client error or a redirect.
	refusalCall = regexp.MustCompile(`(?i)\babort\(|\braise\b|\bthrow\b|http\.Error\(|\bredirect\(|\bAccessDenied|\bForbidden\b|\bUnauthori[sz]ed\b|\bnotFound\(|\bdeny\(|\breturn\b[^\n]*(?:\b40[134]\b|forbidden|unauthori[sz]ed|denied|not_?found|redirect|error)|\breturn\s*(?:;|$|\})`)
	// fieldOwnerID is an object's owner column: x.user_id, x->owner_id, x.UserID.
	callerMember = regexp.MustCompile(`(?i)(^|[^\w.>$])((?:user|me|viewer|actor|current_?user|caller|principal)\s*(?:\.|->)\s*(?:id|pk|getId\(\))\b|(?:request|req|session|g|auth)\s*(?:\.|->)\s*user\b|\bcurrent_user\s*(?:$|[^\w.(]))`)
)

// callerSide says an operand is the caller: it holds a caller
// variable, reads the caller from the request, or is a caller's id.
func callerSide(s string, callers, aliases []string) bool {
	s = strings.TrimSpace(s)
	if callerSource.MatchString(s) || callerMember.MatchString(s) {
		return true
	}
	head := identRE.FindString(s)
	return head != "" && strings.HasPrefix(s, head) && contains(callers, head) && !contains(aliases, head)
}

// ownerRefusalOf is the offset of the first condition in body (strings
// blanked in code) that compares the caller with another value and
// refuses when they differ, or -1. When held is given, the value
// compared with the caller reads one of held (a record loaded by the id
// the function was given): a function below the handler compares its
// own records. An operand that starts with one of supplied (what the
// request handed the function) is no caller, whatever it is called.
func ownerRefusalOf(body, code string, callers, held, supplied []string) int {
	check := func(l, r string) bool {
		l, r = trimCond(l), trimCond(r)
		if l == "" || r == "" {
			return false
		}
		lc, rc := callerOperand(l, callers, supplied), callerOperand(r, callers, supplied)
		if lc == rc {
			return false
		}
		other := r
		if rc {
			other = l
		}
		return held == nil || readsAny(other, held)
	}
	for _, m := range abortIf.FindAllStringSubmatchIndex(code, -1) {
		if check(body[m[2]:m[3]], body[m[6]:m[7]]) {
			return m[0]
		}
	}
	for _, m := range ifDiffers.FindAllStringSubmatchIndex(code, -1) {
		if !check(body[m[2]:m[3]], body[m[6]:m[7]]) {
			continue
		}
		// The refusal: on the rest of the line, or the next line. A
		// condition continued over lines (a trailing backslash, or a
		// bracket still open: if user != post.author and \ ... :) ends
		// on the last of them.
		rest := code[m[6]:]
		end := conditionEnd(rest)
		next := ""
		if end < len(rest) {
			n := rest[end+1:]
			if e := strings.IndexByte(n, '\n'); e >= 0 {
				n = n[:e]
			}
			next = n
		}
		if refusalCall.MatchString(rest[:end]) || refusalCall.MatchString(next) {
			return m[0]
		}
	}
	return -1
}

// conditionEnd is the offset of the newline that ends the condition
// starting rest: the first line's end, or, while a line ends in a
// backslash or leaves a bracket open, the end of the line that closes it.
func conditionEnd(rest string) int {
	depth, start := 0, 0
	for {
		end := strings.IndexByte(rest[start:], '\n')
		if end < 0 {
			return len(rest)
		}
		end += start
		line := rest[start:end]
		depth += strings.Count(line, "(") + strings.Count(line, "[") - strings.Count(line, ")") - strings.Count(line, "]")
		if depth <= 0 && !strings.HasSuffix(strings.TrimRight(line, " \t\r"), "\\") {
			return end
		}
		start = end + 1
	}
}

// trimCond is one side of a comparison without the brackets and the
// branch's opening around it: (a, b) {, a:, a).
func trimCond(s string) string {
	s = strings.TrimSpace(s)
	// Cut the right side at the end of the condition: a brace, a colon,
	// a closing bracket the side did not open, or a refusal on the line.
	depth := 0
	for i, c := range s {
		switch c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth == 0 {
				return strings.TrimSpace(s[:i])
			}
			depth--
		case '{', ':', ';':
			if depth == 0 && !(c == ':' && strings.HasPrefix(s[i:], "::")) && !(c == ':' && i > 0 && s[i-1] == ':') {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	return strings.TrimLeft(s, "(! \t")
}

// An owner comparison must have the caller on one side. The owner
// pattern reads a comparison of an owner field with anything named for
// a user (card.user_id != user_id); when the other side is a value the
// request supplies (the route's own parameter, a variable holding it,
// req.params.userId), the record is compared with what the caller asked
// for, not with who the caller is: it refuses nothing another user's
// request would not also pass.
var (
	compareOp    = regexp.MustCompile(`!==|===|!=|==`)
	operandLeft  = regexp.MustCompile(`[\w$][\w$.\[\]"'()>-]*\s*$`)
	operandRight = regexp.MustCompile(`^\s*[\w$][\w$.\[\]"'()>-]*`)
	// requestValue is a value read off the request by the caller's
	// choosing: req.params.id, request.args["id"], $request->input('id').
	requestValue = regexp.MustCompile(`^(?:req|request|ctx|c|r)\s*(?:\.|->)\s*(?:params|query|body|args|form|json|values|path_params|query_params|match_info|data|GET|POST|input\(|query\(|get\(|Param\(|Query\(|PathValue\(|URL\.Query\(\)|FormValue\(|PostFormValue\(|PostForm\(|DefaultQuery\(|QueryParam\(|FormValue\()|^mux\.Vars\(|^chi\.URLParam\(|^params\[`)
)

// clientVars are the variables a handler assigns a value the request
// carries by the client's choosing (user_id = request.args.get("user_id"),
// userID := r.FormValue("user_id"), const userId = req.body.userId), or
// one of them: whatever they are called, they are what the client asked
// for, never the caller, whose id comes from the session, a token or
// what a guard put on the request.
func clientVars(body string) []string {
	return assignedVars(body, nil, func(rhs string, out []string) bool {
		rhs = strings.TrimSpace(rhs)
		return requestValue.MatchString(rhs) || slices.Contains(out, identRE.FindString(rhs)) && identRE.FindString(rhs) == rhs
	})
}

// comparedWithRequest reports whether the owner condition at loc in
// code (the pattern's match, comments blanked) is a comparison whose
// sides are a value the request supplies (one of supplied, the route's
// parameters and their aliases, or one read off the request) and
// something that is not the caller (callers: the handler's caller
// variables).
func comparedWithRequest(code string, loc []int, supplied, callers []string) bool {
	op := compareOp.FindStringIndex(code[loc[0]:loc[1]])
	if op == nil {
		return false
	}
	at, end := loc[0]+op[0], loc[0]+op[1]
	line := strings.LastIndexByte(code[:at], '\n') + 1
	left := trimOperand(operandLeft.FindString(code[line:at]))
	rest := code[end:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	right := trimOperand(operandRight.FindString(rest))
	if left == "" || right == "" {
		return false
	}
	// A record the request's own id loaded (moneyRequest, loaded by the
	// path's id): its fields name whom the request chose, not the caller.
	records := loadedRecords(code, supplied)
	fromRequest := func(s string) bool {
		if requestValue.MatchString(s) {
			return true
		}
		head := identRE.FindString(s)
		if contains(callers, head) || !strings.HasPrefix(s, head) {
			return false
		}
		return head == s && contains(supplied, head) || contains(records, head) && head != s
	}
	if !fromRequest(left) && !fromRequest(right) {
		return false
	}
	return !callerSide(left, callers, supplied) && !callerSide(right, callers, supplied) && !callerScope(left) && !callerScope(right)
}

// requestAttr is an attribute of the request, whole: request.household.
var requestAttr = regexp.MustCompile(`^(?:self\.)?request\.(\w+)$`)

// callerScope says an operand is what the app's middleware put on the
// request for the caller (request.household, request.space), not the
// request's own data (request.GET): the caller's scope.
func callerScope(s string) bool {
	m := requestAttr.FindStringSubmatch(strings.TrimSpace(s))
	return m != nil && !requestData[m[1]]
}

// trimOperand is an operand without the brackets a condition opened or
// closed around it: (card.user_id, user_id), or user_id):, and without
// what follows a bracket it did not open (user_id).all() is user_id).
func trimOperand(s string) string {
	s = strings.TrimSpace(s)
	depth := 0
	for i, c := range s {
		if c == '(' || c == '[' {
			depth++
		} else if c == ')' || c == ']' {
			if depth == 0 && i > 0 {
				s = s[:i]
				break
			}
			depth--
		}
	}
	for strings.HasPrefix(s, "(") && strings.Count(s, "(") > strings.Count(s, ")") {
		s = strings.TrimSpace(s[1:])
	}
	for strings.HasSuffix(s, ")") && strings.Count(s, ")") > strings.Count(s, "(") {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	return strings.TrimSuffix(s, ":")
}

// callerOperand is callerSide less an operand that starts with a value
// the request supplied (user.id, when the handler passed the path's user
// as user).
func callerOperand(s string, callers, supplied []string) bool {
	return callerSide(s, callers, nil) && !contains(supplied, identRE.FindString(strings.TrimSpace(s)))
}

// loadedRecords are the variables assigned a record that a lookup given
// one of supplied loaded, the assignment read over the lines that
// continue its call chain (var x = await db.Items\n  .FirstOrDefaultAsync(i => i.Id == id)).
func loadedRecords(body string, supplied []string) []string {
	var out []string
	for _, m := range assignLHS.FindAllStringSubmatchIndex(body, -1) {
		rhs := body[m[4]:m[5]]
		for rest := body[m[5]:]; ; {
			nl := strings.IndexByte(rest, '\n')
			if nl < 0 {
				break
			}
			next := rest[nl+1:]
			line := next
			if e := strings.IndexByte(line, '\n'); e >= 0 {
				line = line[:e]
			}
			if t := strings.TrimLeft(line, " \t"); !strings.HasPrefix(t, ".") && !strings.HasPrefix(t, "?.") {
				break
			}
			rhs += "\n" + line
			rest = next
		}
		if !isLookup(rhs) || !readsAny(rhs, supplied) {
			continue
		}
		for _, id := range identRE.FindAllString(body[m[2]:m[3]], -1) {
			switch id {
			case "err", "ok", "_", "const", "let", "var", "val", "await":
				continue
			}
			if !contains(supplied, id) && !contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}
