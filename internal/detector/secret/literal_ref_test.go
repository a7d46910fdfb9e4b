package secret

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// The location rules in code as they ran before one pass of an automaton
// found their words and hand-written matchers replaced their patterns:
// the reference the differential tests compare with.

// refLiterals is literals with the reference rules for code files.
func refLiterals(p string, data []byte) []candidate {
	if isDocPath(p) || lang.IsTest(p) {
		return nil
	}
	if isDotenvPath(p) {
		return dotenvSecrets(data)
	}
	if isExamplePath(p) {
		return nil
	}
	var out []candidate
	switch {
	case isComposePath(p):
		out = append(out, composePasswords(data)...)
	case isCodePath(p):
		src := string(data)
		lower := regexgate.Lower(src)
		out = append(out, refSigningCalls(src, lower)...)
		out = append(out, refSigningAssignments(src, lower)...)
		out = append(out, refEnvFallbacks(src, lower)...)
		if isSeedPath(p) {
			out = append(out, seedPasswords(src)...)
		} else if isMigrationPath(p) {
			out = append(out, migrationPasswords(src)...)
		}
	case isJSONPath(p):
		out = append(out, jwkPrivateKeys(data)...)
	case lang.Of(p) == lang.YAML:
		out = append(out, productionKeys(data)...)
	case isMasterKeyPath(p):
		out = append(out, masterKey(data)...)
	case lang.Of(p) == lang.SQL:
		out = append(out, sqlAccountPasswords(string(data))...)
	}
	return out
}

var refKeyCalls = regexgate.New(regexp.MustCompile(`\b(jwt\.(?:sign|verify|encode|decode)|SignedString|cookieParser|createHmac|hmac\.new|hmac\.New|express[Ss]ession|cookie[Ss]ession|session|SessionMiddleware|add_middleware|SymmetricSecurityKey|hmacShaKeyFor)\s*\(`))

func refSigningCalls(src, lower string) []candidate {
	if !strings.Contains(src, "jwt") && !strings.Contains(src, "Signed") && !strings.Contains(src, "ookie") &&
		!strings.Contains(src, "mac") && !strings.Contains(src, "ession") && !strings.Contains(src, "middleware") {
		return nil
	}
	var out []candidate
	for _, m := range refKeyCalls.FindAllStringSubmatchIndex(src, lower, -1) {
		fn := src[m[2]:m[3]]
		open := m[1] - 1
		args, _ := callArgs(src, open)
		if i, ok := keyArg[fn]; ok {
			if i < len(args) {
				if v, ok := stringLiteral(args[i]); ok && v != "" && !isTemplate(v) {
					out = append(out, newCandidate(ruleSigningKey, "", v, valueOffset(src, open, args[i], v)))
				}
			}
			continue
		}
		// Session middleware: the key is an option.
		opts := ""
		if len(args) > 0 && strings.HasPrefix(args[0], "{") {
			opts = args[0]
		} else if kw, ok := keywordArg(args, "secret_key"); ok {
			opts = "secret_key=" + kw
		}
		if opts == "" {
			continue
		}
		for _, om := range sessionOption.FindAllStringSubmatchIndex(opts, -1) {
			lit := leadingLiteral(opts[om[1]:])
			if v, ok := stringLiteral(lit); ok && v != "" && !isTemplate(v) {
				out = append(out, newCandidate(ruleSigningKey, opts[om[2]:om[3]], v, valueOffset(src, open, lit, v)))
			}
		}
	}
	return out
}

// refSigningAssignment matches NAME = 'value', NAME: 'value', NAME := "value",
// obj['NAME'] = 'value' and typed forms (NAME: str = 'value'). The
// literal itself is read by leadingLiteral.
var refSigningAssignment = regexp.MustCompile(`(?m)(?:^|[\s,{(;])((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)(?:\[\s*['"]([\w.-]+)['"]\s*\])?["']?[ \t]*(?::=|:[ \t]*[A-Za-z_][\w.\[\], |]*?[ \t]*=|=|:)[ \t]*`)

// refSigningNameWindows are the lines an assignment to a signing key can
// sit on: a name that isSigningName accepts holds "secret" or "key", so
// the pattern, which matches before nearly every assignment, runs only on
// the lines around those words.
func refSigningNameWindows(lower string) []span {
	var hits []int
	for _, w := range []string{"secret", "key"} {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			hits = append(hits, i+j)
			i += j + len(w)
		}
	}
	slices.Sort(hits)
	var out []span
	for _, at := range hits {
		if k := len(out) - 1; k >= 0 && at < out[k].end {
			continue
		}
		// One line each side: a bracketed name (obj[\n'KEY']) may wrap.
		start := strings.LastIndexByte(lower[:at], '\n') + 1
		if start > 0 {
			start = strings.LastIndexByte(lower[:start-1], '\n') + 1
		}
		end := len(lower)
		if e := strings.IndexByte(lower[at:], '\n'); e >= 0 {
			end = at + e
			if e2 := strings.IndexByte(lower[end+1:], '\n'); e2 >= 0 {
				end = end + 1 + e2
			} else {
				end = len(lower)
			}
		}
		if k := len(out) - 1; k >= 0 && start <= out[k].end {
			out[k].end = max(out[k].end, end)
			continue
		}
		out = append(out, span{start, end})
	}
	return out
}

func refSigningAssignments(src, lower string) []candidate {
	var out []candidate
	for _, w := range refSigningNameWindows(lower) {
		out = append(out, refSigningAssignmentsIn(src, w)...)
	}
	return out
}

// refSigningAssignmentsIn runs refSigningAssignment over one window; a window
// starts at a line start, where the pattern's (?m)^ holds as in the file.
func refSigningAssignmentsIn(src string, w span) []candidate {
	var out []candidate
	for _, m := range refSigningAssignment.FindAllStringSubmatchIndex(src[w.start:w.end], -1) {
		for i := range m {
			if m[i] >= 0 {
				m[i] += w.start
			}
		}
		name := src[m[2]:m[3]]
		if m[4] >= 0 {
			name = src[m[4]:m[5]]
		} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		if !isSigningName(name) {
			continue
		}
		lit := leadingLiteral(src[m[1]:])
		v, ok := stringLiteral(lit)
		// Prose ("Signing or session key written in the code ...") is a
		// description, not a key.
		if !ok || v == "" || isTemplate(v) || looksLikeEnvName(v) || prose(v) {
			continue
		}
		if computedTail(src[m[1]+len(lit):], phpSource(src)) {
			continue
		}
		out = append(out, newCandidate(ruleSigningKey, name, v, m[1]+strings.Index(lit, v)))
	}
	return out
}

// --- literal fallbacks for secret environment variables

var (
	refJSEnvFallback = regexgate.New(regexp.MustCompile(`(?:process\.env|import\.meta\.env)(?:\.([A-Za-z_]\w*)|\[\s*['"]([A-Za-z_]\w*)['"]\s*\])\s*(?:\|\||\?\?)\s*`))
	refPyOrFallback  = regexp.MustCompile(`^\s*or\s*`)
)

// refEnvCallParens finds the '(' of calls that read a variable: the call's
// name, case aside, ends in getenv, get_env, environ.get,
// environ.setdefault, envor, env.str, env or config, or holds getenvor
// (getenvOrDefault), with only blanks before the '('. It is what the
// pattern (?i)\b[\w.]*?(getenv|...|env|config)\s*\( finds, found from
// the few places "env" and "config" occur instead of from every byte.
func refEnvCallParens(lower string) []int {
	var out []int
	paren := func(i int) {
		for i < len(lower) && isBlank(lower[i]) {
			i++
		}
		if i < len(lower) && lower[i] == '(' {
			out = append(out, i)
		}
	}
	for i := 0; ; {
		j := strings.Index(lower[i:], "env")
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		rest := lower[at+3:]
		paren(at + 3) // getenv, get_env, os.getenv, env
		for _, tail := range []string{"or", ".str", "iron.get", "iron.setdefault"} {
			if strings.HasPrefix(rest, tail) {
				paren(at + 3 + len(tail))
			}
		}
		if at >= 3 && lower[at-3:at] == "get" && strings.HasPrefix(rest, "or") {
			k := at + 5
			for k < len(lower) && isWordByte(lower[k]) {
				k++
			}
			paren(k)
		}
	}
	for i := 0; ; {
		j := strings.Index(lower[i:], "config")
		if j < 0 {
			break
		}
		i += j + len("config")
		paren(i)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// refGoGetenvLines are the lines that read os.Getenv, with a line either
// side (an assignment may wrap after := or inside the call): goGetenv
// runs only there.
func refGoGetenvLines(src string) []span {
	var out []span
	for i := 0; ; {
		j := strings.Index(src[i:], "os.Getenv(")
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		start := strings.LastIndexByte(src[:at], '\n') + 1
		if start > 0 {
			start = strings.LastIndexByte(src[:start-1], '\n') + 1
		}
		end := len(src)
		if e := strings.IndexByte(src[at:], '\n'); e >= 0 {
			end = at + e
			// and the line after: the argument may wrap too
			if e2 := strings.IndexByte(src[end+1:], '\n'); e2 >= 0 {
				end = end + 1 + e2
			} else {
				end = len(src)
			}
		}
		if k := len(out) - 1; k >= 0 && start <= out[k].end {
			out[k].end = max(out[k].end, end)
			continue
		}
		out = append(out, span{start, end})
	}
	return out
}

func refEnvFallbacks(src, lower string) []candidate {
	if !containsFold(src, "env") && !strings.Contains(src, "config(") {
		return nil
	}
	var out []candidate
	add := func(name, lit string, at int) {
		v, ok := stringLiteral(lit)
		if !ok || v == "" || isTemplate(v) || !isSecretName(name) {
			return
		}
		out = append(out, newCandidate(ruleEnvFallback, name, v, at+strings.Index(lit, v)))
	}
	for _, m := range refJSEnvFallback.FindAllStringSubmatchIndex(src, lower, -1) {
		name := ""
		if m[2] >= 0 {
			name = src[m[2]:m[3]]
		} else {
			name = src[m[4]:m[5]]
		}
		add(name, leadingLiteral(src[m[1]:]), m[1])
	}
	for _, open := range refEnvCallParens(lower) {
		args, closing := callArgs(src, open)
		if len(args) == 0 {
			continue
		}
		name, ok := stringLiteral(args[0])
		if !ok {
			continue
		}
		if len(args) > 1 {
			lit := args[1]
			if kw, ok := keywordArg(args[1:], "default"); ok {
				lit = kw
			}
			add(name, lit, open+strings.Index(src[open:], lit))
			continue
		}
		if closing >= 0 {
			if om := refPyOrFallback.FindStringIndex(src[closing+1:]); om != nil {
				at := closing + 1 + om[1]
				add(name, leadingLiteral(src[at:]), at)
			}
		}
	}
	// Go: x := os.Getenv("JWT_SECRET") followed by if x == "" { x = "dev" }.
	var gets [][]int
	for _, w := range refGoGetenvLines(src) {
		for _, m := range goGetenv.FindAllStringSubmatchIndex(src[w.start:w.end], -1) {
			for i := range m {
				m[i] += w.start
			}
			gets = append(gets, m)
		}
	}
	for _, m := range gets {
		v, name := src[m[2]:m[3]], src[m[4]:m[5]]
		after := src[m[1]:min(len(src), m[1]+400)]
		re, err := regexp.Compile(`\b` + regexp.QuoteMeta(v) + `\s*=\s*`)
		if err != nil {
			continue
		}
		for _, am := range re.FindAllStringIndex(after, -1) {
			at := m[1] + am[1]
			if lit := leadingLiteral(src[at:]); lit != "" {
				add(name, lit, at)
				break
			}
		}
	}
	return out
}
