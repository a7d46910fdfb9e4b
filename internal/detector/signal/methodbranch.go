package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// A handler that answers several methods in one function (a Django or
// DRF function view for GET and POST, a Flask view with methods=[...],
// a Go handler that switches on r.Method) runs only some of its code for
// each method: the branch that tests for PATCH runs for PATCH only. A
// route is one method, so what its handler does is read from the code
// that method reaches (methodView); code in a branch for other methods
// is blanked, as comments are, keeping offsets and lines.

// httpMethods are the method names a branch may test for.
var httpMethods = map[string]bool{"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "OPTIONS": true}

// methodTest is one comparison of the request's method with a method's
// name: request.method == 'POST', req.method === "PUT",
// r.Method == http.MethodPost; or, in Python, a membership test
// (request.method in ('PUT', 'PATCH')).
var (
	methodAttr    = `(?:[A-Za-z_]\w*\.)+(?:method|Method|httpMethod)`
	methodName    = `(?:'[A-Za-z]+'|"[A-Za-z]+"|http\.Method[A-Z][a-z]+)`
	methodEqual   = regexp.MustCompile(`^\(?\s*` + methodAttr + `\s*(?:===?|\bis\b)\s*(` + methodName + `)\s*\)?$`)
	methodMember  = regexp.MustCompile(`^\(?\s*` + methodAttr + `\s+in\s+[\[(]\s*(` + methodName + `(?:\s*,\s*` + methodName + `)*)\s*,?\s*[\])]\s*\)?$`)
	methodLiteral = regexp.MustCompile(methodName)
	// A form library's submit test is true only for a request that
	// carries a body: Flask-WTF's form.validate_on_submit() and
	// is_submitted() for POST, PUT, PATCH and DELETE; Laravel's
	// $request->isMethod('post') for its method.
	submitTest  = regexp.MustCompile(`^(?:[A-Za-z_]\w*\.)+(?:validate_on_submit|is_submitted)\(\)$`)
	isMethodArg = regexp.MustCompile(`^\(?\s*\$?\w+->isMethod\(\s*['"]([A-Za-z]+)['"]\s*\)\s*\)?$`)
)

// partial marks a set of methods a conjunction tests for: the branch
// runs for no other method, and need not run for these.
const partial = "*"

// submitted are the methods a form's submit test is true for.
var submitted = map[string]bool{"POST": true, "PUT": true, "PATCH": true, "DELETE": true}

// testedMethods is the set of methods a condition tests for, or nil when
// it is anything else (a test of something besides the method, a
// negation, a method held in a variable).
func testedMethods(cond string) map[string]bool {
	cond = strings.TrimSpace(cond)
	if strings.HasPrefix(cond, "(") && strings.HasSuffix(cond, ")") && strings.Count(cond, "(") == 1 {
		cond = strings.TrimSpace(cond[1 : len(cond)-1])
	}
	// A conjunction with a method test (current_user.can(WRITE) and
	// form.validate_on_submit()) runs only for those methods, but may
	// fail for them too: the set, marked partial.
	if !strings.Contains(cond, "||") && !strings.Contains(cond, " or ") {
		for _, sep := range []string{" and ", "&&"} {
			if !strings.Contains(cond, sep) {
				continue
			}
			for _, p := range strings.Split(cond, sep) {
				if t := testedMethods(p); t != nil && !t[partial] {
					t[partial] = true
					return t
				}
			}
			return nil
		}
	}
	parts := []string{cond}
	if strings.Contains(cond, "||") {
		parts = strings.Split(cond, "||")
	} else if strings.Contains(cond, " or ") {
		parts = strings.Split(cond, " or ")
	}
	out := map[string]bool{}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if submitTest.MatchString(p) {
			for m := range submitted {
				out[m] = true
			}
			continue
		}
		if m := isMethodArg.FindStringSubmatch(p); m != nil && httpMethods[strings.ToUpper(m[1])] {
			out[strings.ToUpper(m[1])] = true
			continue
		}
		var lits string
		if m := methodEqual.FindStringSubmatch(p); m != nil {
			lits = m[1]
		} else if m := methodMember.FindStringSubmatch(p); m != nil {
			lits = m[1]
		} else {
			return nil
		}
		for _, l := range methodLiteral.FindAllString(lits, -1) {
			name := strings.ToUpper(strings.Trim(strings.TrimPrefix(l, "http.Method"), `'"`))
			if !httpMethods[name] {
				return nil
			}
			out[name] = true
		}
	}
	return out
}

// methodView is the handler's code that a request of method reaches:
// the branches testing for other methods blanked. A route for any
// method, or code with no such branch, is read whole.
func methodView(body, method string) string {
	if !httpMethods[method] || !strings.Contains(body, "ethod") && !strings.Contains(body, "_on_submit") && !strings.Contains(body, "is_submitted") {
		return body
	}
	b := []byte(body)
	pyMethodBranches(b, method)
	braceMethodBranches(b, method)
	return string(b)
}

// blank replaces every byte of b[from:to] but line ends with a space.
func blank(b []byte, from, to int) {
	for i := max(from, 0); i < to && i < len(b); i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
}

// keep decides a chain of branches: tests[i] is a branch's methods (nil
// for a branch that tests something else, an empty map for else). It
// returns which branches a request of method may run.
func keep(tests []map[string]bool, isElse []bool, method string) []bool {
	runs := make([]bool, len(tests))
	for i, t := range tests {
		switch {
		case isElse[i]:
			runs[i] = true
		case t == nil:
			// Not a method test: it and everything after it may run.
			for j := i; j < len(tests); j++ {
				runs[j] = true
			}
			return runs
		case t[method] && t[partial]:
			// The rest of its test may fail: what follows may run too.
			for j := i; j < len(tests); j++ {
				runs[j] = true
			}
			return runs
		case t[method]:
			runs[i] = true
			return runs // the branches after it are not reached
		}
	}
	return runs
}

// ---- Python: if/elif/else by indentation ----------------------------------

var (
	pyIf   = regexp.MustCompile(`^([ \t]*)(if|elif)\s+(.+?):[ \t]*(.*)$`)
	pyElse = regexp.MustCompile(`^([ \t]*)else\s*:[ \t]*(.*)$`)
)

func pyMethodBranches(b []byte, method string) {
	starts := lineStarts(b)
	line := func(i int) string {
		end := len(b)
		if i+1 < len(starts) {
			end = starts[i+1] - 1
		}
		return strings.TrimRight(string(b[starts[i]:end]), "\r")
	}
	indent := func(s string) (int, bool) {
		t := strings.TrimLeft(s, " \t")
		return len(s) - len(t), t == ""
	}
	n := len(starts)
	type branch struct {
		head, end int // the header line, the first line after its block
		inline    int // the offset in the header line where its inline body starts, or -1
		test      map[string]bool
		isElse    bool
	}
	for i := 0; i < n; i++ {
		m := pyIf.FindStringSubmatch(line(i))
		if m == nil || m[2] != "if" {
			continue
		}
		first := testedMethods(m[3])
		if first == nil {
			continue
		}
		ind := len(m[1])
		var chain []branch
		for j := i; j < n; {
			s := line(j)
			var br branch
			br.head = j
			var rest string
			if mm := pyIf.FindStringSubmatch(s); mm != nil && len(mm[1]) == ind && (j == i || mm[2] == "elif") {
				br.test = testedMethods(mm[3])
				rest = mm[4]
			} else if me := pyElse.FindStringSubmatch(s); me != nil && len(me[1]) == ind && j != i {
				br.isElse, br.test = true, map[string]bool{}
				rest = me[2]
			} else {
				break
			}
			br.inline = -1
			if rest != "" && !strings.HasPrefix(rest, "#") {
				br.inline = len(s) - len(rest)
			}
			k := j + 1
			if br.inline < 0 {
				for k < n {
					d, empty := indent(line(k))
					if !empty && d <= ind {
						break
					}
					k++
				}
			}
			br.end = k
			chain = append(chain, br)
			j = k
			if br.isElse {
				break
			}
		}
		tests := make([]map[string]bool, len(chain))
		elses := make([]bool, len(chain))
		for k, br := range chain {
			tests[k], elses[k] = br.test, br.isElse
		}
		runs := keep(tests, elses, method)
		for k, br := range chain {
			if runs[k] {
				continue
			}
			if br.inline >= 0 {
				blank(b, starts[br.head]+br.inline, starts[br.head]+len(line(br.head)))
			}
			if br.end > br.head+1 {
				to := len(b)
				if br.end < n {
					to = starts[br.end]
				}
				blank(b, starts[br.head+1], to)
			}
		}
	}
}

// ---- Brace languages: if/else if/else and switch ---------------------------

var (
	braceIf     = regexp.MustCompile(`\bif\s*(\([^{}\n]*\)|[^{}\n(][^{}\n]*)\s*\{`)
	braceElseIf = regexp.MustCompile(`^\s*else\s+if\s*(\([^{}\n]*\)|[^{}\n(][^{}\n]*)\s*\{`)
	braceElse   = regexp.MustCompile(`^\s*else\s*\{`)
	braceSwitch = regexp.MustCompile(`\bswitch\s*\(?\s*` + methodAttr + `\s*\)?\s*\{`)
	caseLabel   = regexp.MustCompile(`\b(?:case\s+([^:\n]+)|default\s*):`)
)

func braceMethodBranches(b []byte, method string) {
	if !strings.ContainsAny(string(b), "{") {
		return
	}
	for _, loc := range braceIf.FindAllSubmatchIndex(b, -1) {
		if loc[0] >= 4 && strings.HasSuffix(strings.TrimRight(string(b[max(0, loc[0]-8):loc[0]]), " \t"), "else") {
			continue // part of a chain read from its first if
		}
		if testedMethods(string(b[loc[2]:loc[3]])) == nil {
			continue
		}
		var tests []map[string]bool
		var elses []bool
		var blocks [][2]int
		open := loc[1] - 1
		cond := string(b[loc[2]:loc[3]])
		isElse := false
		for {
			end := lang.ClosingBracket(b, open)
			if end < 0 {
				break
			}
			if isElse {
				tests, elses = append(tests, map[string]bool{}), append(elses, true)
			} else {
				tests, elses = append(tests, testedMethods(cond)), append(elses, false)
			}
			blocks = append(blocks, [2]int{open + 1, end})
			if isElse {
				break
			}
			rest := b[end+1:]
			if m := braceElseIf.FindSubmatchIndex(rest); m != nil {
				cond = string(rest[m[2]:m[3]])
				open = end + 1 + m[1] - 1
				continue
			}
			if m := braceElse.FindIndex(rest); m != nil {
				isElse = true
				open = end + 1 + m[1] - 1
				continue
			}
			break
		}
		runs := keep(tests, elses, method)
		for k, bl := range blocks {
			if !runs[k] {
				blank(b, bl[0], bl[1])
			}
		}
	}
	for _, loc := range braceSwitch.FindAllIndex(b, -1) {
		open := loc[1] - 1
		end := lang.ClosingBracket(b, open)
		if end < 0 {
			continue
		}
		// The labels at the switch's own depth.
		type seg struct {
			test       map[string]bool
			from, to   int
			isDefault  bool
			understood bool
		}
		var segs []seg
		inner := b[open+1 : end]
		depth := 0
		for i := 0; i < len(inner); i++ {
			switch inner[i] {
			case '{':
				depth++
				continue
			case '}':
				depth--
				continue
			}
			if depth != 0 {
				continue
			}
			m := caseLabel.FindSubmatchIndex(inner[i:])
			if m == nil || m[0] != 0 || (i > 0 && isWordByte(inner[i-1])) {
				continue
			}
			s := seg{from: open + 1 + i + m[1]}
			if m[2] < 0 {
				s.isDefault, s.understood = true, true
			} else {
				s.test = map[string]bool{}
				s.understood = true
				for _, v := range strings.Split(string(inner[i+m[2]:i+m[3]]), ",") {
					t := testedMethods("x.method == " + strings.TrimSpace(v))
					if t == nil {
						s.understood = false
						break
					}
					for k := range t {
						s.test[k] = true
					}
				}
			}
			if len(segs) > 0 {
				segs[len(segs)-1].to = open + 1 + i
			}
			segs = append(segs, s)
			i += m[1] - 1
		}
		if len(segs) == 0 {
			continue
		}
		segs[len(segs)-1].to = end
		ok := true
		for _, s := range segs {
			ok = ok && s.understood
		}
		if !ok {
			continue
		}
		// A label with no code of its own shares the next one's code
		// (case 'GET': case 'HEAD': ...).
		for k := len(segs) - 2; k >= 0; k-- {
			if strings.TrimSpace(string(b[segs[k].from:segs[k].to])) == "" && !segs[k].isDefault {
				for m := range segs[k].test {
					segs[k+1].test[m] = true
				}
			}
		}
		matched := false
		for _, s := range segs {
			if !s.isDefault && s.test[method] {
				matched = true
			}
		}
		for _, s := range segs {
			if s.isDefault && !matched || !s.isDefault && s.test[method] {
				continue
			}
			blank(b, s.from, s.to)
		}
	}
}
