package signal

import (
	"regexp"
	"strings"
)

// A view open to all whose every write sits under a test that the caller
// is signed in, or holds a permission (if current_user.can(WRITE) and
// form.validate_on_submit(): ... db.session.commit()), writes nothing for
// an anonymous caller: the test is the authentication, written inline.
// Python, by indentation.

// callerTest is a test of the caller passing: signed in, or holding a
// permission or role. Under not, it is the opposite.
var callerTest = regexp.MustCompile(`\b(?:current_user|request\.user|g\.user|self\.request\.user)\s*\.\s*(?:can|has_perms?|has_role|has_permission|is_authenticated|is_admin|is_staff|is_superuser|is_administrator)\b`)

// callerGatedWrites reports Python code with at least one write
// (writesState) and every one of them inside the body of an if whose
// test is, or begins with, a caller test that passes (not negated, not
// one of several that or joins).
func callerGatedWrites(code string) bool {
	locs := writesState.FindAllStringIndex(code, -1)
	if len(locs) == 0 {
		return false
	}
	lines := strings.Split(code, "\n")
	starts := make([]int, len(lines))
	for i, at := 1, 0; i < len(lines); i++ {
		at += len(lines[i-1]) + 1
		starts[i] = at
	}
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }
	for _, loc := range locs {
		i := 0
		for i+1 < len(starts) && starts[i+1] <= loc[0] {
			i++
		}
		if t := strings.TrimSpace(lines[i]); (strings.HasPrefix(t, "if ") || strings.HasPrefix(t, "elif ")) && !calledAt(code, loc[1]) {
			continue // a name in a test (Permission.WRITE), no call
		}
		gated := false
		at := indent(lines[i])
		for j := i - 1; j >= 0 && at > 0 && !gated; j-- {
			t := strings.TrimSpace(lines[j])
			if t == "" || indent(lines[j]) >= at {
				continue
			}
			at = indent(lines[j])
			if strings.HasPrefix(t, "if ") && !strings.HasPrefix(t, "if not ") && !strings.Contains(t, " or ") {
				if m := callerTest.FindStringIndex(t); m != nil && !strings.Contains(t[:m[0]], "not ") {
					gated = true
				}
			}
		}
		if !gated {
			return false
		}
	}
	return true
}

// calledAt says the identifier running through offset i of code is
// called: a bracket follows it.
func calledAt(code string, i int) bool {
	for i < len(code) && (code[i] == '_' || code[i] >= 'a' && code[i] <= 'z' || code[i] >= 'A' && code[i] <= 'Z' || code[i] >= '0' && code[i] <= '9') {
		i++
	}
	return i < len(code) && code[i] == '(' || i > 0 && code[i-1] == '('
}
