package signal

import (
	"regexp"
	"strings"
)

// A lookup that selects the caller by the credentials the request
// carries together with the path's id (rows where username and password
// are the caller's and id is the path's), and a handler that refuses
// when it finds none: only the caller's own row passes, so the id names
// the caller's own record. The lookup is the owner condition, written as
// a query.

var (
	// passwordColumn is a password column compared in a query: a column
	// named in quotes beside its value (where('password', $pw),
	// {"password": pw}) or as a keyword or field (filter_by(password=pw),
	// { password: req.body.password }, User.password == pw, WHERE
	// password = ?). A literal value compares nothing the caller sent.
	passwordColumn = regexp.MustCompile(`(?i)["'](?:password|passwd|pwd)(?:_?hash|_?digest)?["']\s*(?:,|=>|:)\s*[^\s'"]|\b(?:password|passwd|pwd)(?:_?hash|_?digest)?\s*(?:=|:|==)\s*[^=\s'"]`)
	// resultAssign is the variable a statement assigns: $n = ..., const
	// row = await ..., row, err := ....
	resultAssign = regexp.MustCompile(`^\s*(?:(?:const|let|var|val|auto)\s+)?([A-Za-z_]\w*)\s*(?:,\s*\w+\s*)?(?::=|=)\s*[^=]`)
)

// credentialSelect reports whether the lookup at i in code (strings
// blanked; body the same text with them) is one statement that also
// compares a password column with a value, and whose miss the handler
// refuses: the lookup is a condition, or its result is tested and the
// branches of that test answer a refusal (return ...403, abort, throw).
func credentialSelect(body, code string, i int) bool {
	start := chainStart(code, i)
	end := chainEnd(code, i)
	if !passwordColumn.MatchString(body[start:end]) {
		return false
	}
	var test int
	switch {
	case lookupGuarded.MatchString(code[start:i]):
		test = start
	default:
		m := resultAssign.FindStringSubmatch(code[start:end])
		if m == nil {
			return false
		}
		loc := regexp.MustCompile(`\b(?:if|unless|elif)\b[^\n]*\b` + regexp.QuoteMeta(m[1]) + `\b`).FindStringIndex(code[end:])
		if loc == nil {
			return false
		}
		test = end + loc[0]
	}
	return refusalCall.MatchString(branches(code, test))
}

// chainStart is the start of the line the call at i is on, taken back
// over the lines before while the line continues a chain (->where(...),
// .filter(...)) or the line before ends in one.
func chainStart(code string, i int) int {
	start := strings.LastIndexByte(code[:i], '\n') + 1
	for start > 0 {
		prev := strings.LastIndexByte(code[:start-1], '\n') + 1
		t := strings.TrimLeft(code[start:i], " \t")
		if !strings.HasPrefix(t, "->") && !strings.HasPrefix(t, ".") && !strings.HasPrefix(t, "?.") &&
			!strings.HasSuffix(strings.TrimRight(code[prev:start-1], " \t"), ".") {
			break
		}
		start = prev
	}
	return start
}

// chainEnd is the end of the line the call at i is on, carried over
// the lines that continue its chain (->where(...) or .filter(...) on the
// next line).
func chainEnd(code string, i int) int {
	end := len(code)
	if nl := strings.IndexByte(code[i:], '\n'); nl >= 0 {
		end = i + nl
	}
	for end < len(code) {
		next := code[end+1:]
		line := next
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		t := strings.TrimLeft(line, " \t")
		if !strings.HasPrefix(t, "->") && !strings.HasPrefix(t, ".") && !strings.HasPrefix(t, "?.") {
			break
		}
		end += 1 + len(line)
	}
	return end
}

// branches is the text of the conditional starting at test: its braced
// block (the brace on the test's line or the next) and an else block
// after it, or, for a language of indentation,
// the test's line and the four after it.
func branches(code string, test int) string {
	line := code[test:]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	open := strings.IndexByte(line, '{')
	if open < 0 && !strings.HasSuffix(strings.TrimRight(line, " \t"), ":") {
		// The block's brace on the next line (Allman style).
		if next := strings.TrimLeft(code[test+len(line):], " \t\n"); strings.HasPrefix(next, "{") {
			open = len(code) - len(next) - test
		}
	}
	if open < 0 {
		lines := strings.SplitAfterN(code[test:], "\n", 6)
		if len(lines) > 5 {
			lines = lines[:5]
		}
		return strings.Join(lines, "")
	}
	close := closing(code, test+open)
	if close < 0 {
		return code[test:]
	}
	rest := strings.TrimLeft(code[close+1:], " \t\n")
	if strings.HasPrefix(rest, "else") {
		at := len(code) - len(rest)
		if b := strings.IndexByte(code[at:], '{'); b >= 0 {
			if c := closing(code, at+b); c > 0 {
				close = c
			}
		}
	}
	return code[test : close+1]
}
