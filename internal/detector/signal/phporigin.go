package signal

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// PHP text built around a value is SQL or a shell command an attacker
// shapes only when a value pasted in can come from a caller. Within the
// function around the sink, a variable is followed to every assignment
// before it: literals, constants, a server-drawn value (uniqid, random,
// time), a count or a cast, a hash, or a value passed through an escaping
// or quoting call (PDO::quote, real_escape_string, escapeshellarg) pastes
// nothing a caller picks. A parameter, request data, a variable with no
// assignment in view (a global, one an include set) or a call whose
// result is unknown keeps the match. A property ($this->dir) is the
// object's state: only request data the file writes into it counts.

// phpSafeCall is a function whose result carries no text a caller picks
// whatever its arguments: server-drawn values, numbers, hashes, encodings
// with no quote in their alphabet, and escaping or quoting calls.
var phpSafeCall = regexp.MustCompile(`(?i)^(?:uniqid|rand|mt_rand|random_int|random_bytes|lcg_value|time|microtime|hrtime|date|gmdate|strtotime|mktime|getmypid|sys_get_temp_dir|tempnam|count|sizeof|strlen|mb_strlen|intval|floatval|boolval|abs|floor|ceil|round|number_format|md5|sha1|hash|hash_hmac|crc32|bin2hex|base64_encode|urlencode|rawurlencode|password_hash|isset|empty|is_\w+|in_array|array_key_exists|addslashes|\w*escape\w*|\w*quote\w*)$`)

// phpPassCall is a standard function whose result is made of its
// arguments: it is as safe as they are.
var phpPassCall = regexp.MustCompile(`(?i)^(?:array|min|max|trim|ltrim|rtrim|strtolower|strtoupper|mb_strtolower|mb_strtoupper|ucfirst|lcfirst|ucwords|implode|join|sprintf|vsprintf|str_replace|str_ireplace|preg_replace|str_pad|str_repeat|substr|mb_substr|basename|dirname|realpath|strval|array_keys|array_values|array_merge|array_fill|array_map|explode|wordwrap|sprintf)$`)

// phpCast is a cast to a number or a boolean.
var phpCast = regexp.MustCompile(`^\(\s*(?:int|integer|float|double|bool|boolean)\s*\)\s*`)

// phpFuncHead is a function's or a closure's head up to its parameters.
var phpFuncHead = regexp.MustCompile(`\bfunction\b\s*&?\s*\w*\s*\(`)

// phpFn is the function around a sink: where its body opens and closes,
// and its parameters' names. Code outside every function is one with no
// parameters spanning the file.
type phpFn struct {
	body, end int
	params    []string
}

// phpEnclosingFn is the innermost function whose body holds text[at].
func phpEnclosingFn(text string, at int) phpFn {
	heads := phpFuncHead.FindAllStringIndex(text[:at], -1)
	for k := len(heads) - 1; k >= 0; k-- {
		open := heads[k][1] - 1
		closeP := closingParen(text, open)
		if closeP < 0 {
			continue
		}
		params := text[open+1 : closeP]
		rest := closeP + 1
		// A closure's use (...) brings outer variables in: parameters too.
		if m := regexp.MustCompile(`^\s*use\s*\(`).FindStringIndex(text[rest:]); m != nil {
			if c := closingParen(text, rest+m[1]-1); c > 0 {
				params += "," + text[rest+m[1]:c]
				rest = c + 1
			}
		}
		brace := strings.IndexAny(text[rest:], "{;")
		if brace < 0 || text[rest+brace] == ';' {
			continue // abstract or an interface's
		}
		body := rest + brace
		end := lang.BraceEnd(text, body)
		if end < 0 || end < at {
			continue
		}
		var names []string
		for _, m := range phpVarName.FindAllStringSubmatch(params, -1) {
			names = append(names, m[1])
		}
		return phpFn{body: body, end: end, params: names}
	}
	return phpFn{body: 0, end: len(text)}
}

var phpVarName = regexp.MustCompile(`\$(\w+)`)

// closingParen is the index of the parenthesis closing the one at
// text[open], strings skipped; -1 when none does within a few kilobytes.
func closingParen(text string, open int) int {
	depth := 0
	for k := open; k < len(text) && k < open+8192; k++ {
		switch c := text[k]; c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k
			}
		case '"', '\'':
			k = stringEnd(text, k)
		}
	}
	return -1
}

// stringEnd is the index of the quote closing the string opened at
// text[k] (or the text's end).
func stringEnd(text string, k int) int {
	q := text[k]
	for k++; k < len(text) && text[k] != q; k++ {
		if text[k] == '\\' {
			k++
		}
	}
	return min(k, len(text)-1)
}

// phpSinkArg is the argument of the sink call a match opens that holds
// the SQL or the command: the first, or the second of mysqli_query and
// pg_query, whose first is the connection.
func phpSinkArg(text string, i, j int) (string, bool) {
	// The call's own bracket, not one the match starts at (trim(exec(...))).
	m := sinkOpen.FindStringIndex(text[i:j])
	if m == nil {
		return "", false
	}
	open := m[1] - 1
	name := strings.TrimSpace(text[i : i+open])
	c := closingParen(text, i+open)
	if c < 0 {
		return "", false
	}
	args := topArgs(text[i+open+1 : c])
	if len(args) == 0 {
		return "", false
	}
	if (strings.HasSuffix(name, "mysqli_query") || strings.HasSuffix(name, "pg_query") || strings.HasSuffix(name, "pg_send_query")) && len(args) > 1 {
		return args[1], true
	}
	return args[0], true
}

var sinkOpen = regexp.MustCompile(`\w\s*\(`)

// phpBuiltSafe reports whether every value the sink matched at
// text[i:j] pastes into its text has an origin no caller picks.
func phpBuiltSafe(text string, i, j int) bool {
	arg, ok := phpSinkArg(text, i, j)
	if !ok {
		return false
	}
	o := phpOrigins{text: text, seen: map[string]bool{}}
	return o.expr(arg, phpEnclosingFn(text, i), i, 0)
}

// phpOrigins follows values to where they come from in one file.
type phpOrigins struct {
	text string
	seen map[string]bool
}

const phpOriginDepth = 6

var fromRequestPHPRe = regexp.MustCompile(fromRequestPHP + `|\$GLOBALS\b`)

// expr reports whether every value expression e (code at position at, in
// function fn) is made of has a safe origin.
func (o *phpOrigins) expr(e string, fn phpFn, at, depth int) bool {
	if depth > phpOriginDepth {
		return false
	}
	for k := 0; k < len(e); {
		c := e[k]
		switch {
		case c == '\'':
			k = stringEnd(e, k) + 1
		case c == '"':
			end := stringEnd(e, k)
			if !o.interpolated(e[k+1:end], fn, at, depth) {
				return false
			}
			k = end + 1
		case strings.HasPrefix(e[k:], "<<<"):
			return o.heredoc(e[k:], fn, at, depth)
		case c == '(':
			if m := phpCast.FindString(e[k:]); m != "" {
				// A cast to a number: the next operand is safe whatever it is.
				k = o.skipOperand(e, k+len(m))
				continue
			}
			k++
		case c == '$':
			end, safe := o.variable(e, k, fn, at, depth)
			if !safe {
				return false
			}
			k = end
		case isWordByte(c) || c == '\\':
			end, safe := o.name(e, k, fn, at, depth)
			if !safe {
				return false
			}
			k = end
		default:
			k++
		}
	}
	return true
}

// skipOperand is the end of the operand starting at e[k]: a variable with
// its chain, a call, a bracketed group or a name.
func (o *phpOrigins) skipOperand(e string, k int) int {
	if k >= len(e) {
		return k
	}
	if e[k] == '(' {
		if c := closingParen(e, k); c > 0 {
			return c + 1
		}
		return len(e)
	}
	if e[k] == '$' {
		k++
	}
	for k < len(e) && (isWordByte(e[k]) || e[k] == '\\') {
		k++
	}
	for k < len(e) {
		switch {
		case strings.HasPrefix(e[k:], "->"), strings.HasPrefix(e[k:], "::"):
			k += 2
			if k < len(e) && e[k] == '$' {
				k++
			}
			for k < len(e) && isWordByte(e[k]) {
				k++
			}
		case e[k] == '[':
			if c := strings.IndexByte(e[k:], ']'); c > 0 {
				k += c + 1
			} else {
				return len(e)
			}
		case e[k] == '(':
			if c := closingParen(e, k); c > 0 {
				k = c + 1
			} else {
				return len(e)
			}
		default:
			return k
		}
	}
	return k
}

// name judges a name at e[k]: a function call, a class's constant or
// static member, a constant or a keyword.
func (o *phpOrigins) name(e string, k int, fn phpFn, at, depth int) (int, bool) {
	s := k
	for k < len(e) && (isWordByte(e[k]) || e[k] == '\\') {
		k++
	}
	word := e[s:k]
	if word == "new" {
		return k, false // an object's string form is its class's to say
	}
	rest := strings.TrimLeft(e[k:], " \t\n")
	k = len(e) - len(rest)
	switch {
	case strings.HasPrefix(rest, "::"):
		m := k + 2
		if m < len(e) && e[m] == '$' {
			// A static property: the class's state, like $this->x.
			n := m + 1
			for n < len(e) && isWordByte(e[n]) {
				n++
			}
			return n, o.property(e[m+1:n], depth)
		}
		n := m
		for n < len(e) && isWordByte(e[n]) {
			n++
		}
		if n < len(e) && e[n] == '(' {
			return o.call(e, e[m:n], n, false, fn, at, depth)
		}
		return n, true // a class constant
	case strings.HasPrefix(rest, "("):
		if i := strings.LastIndexByte(word, '\\'); i >= 0 {
			word = word[i+1:]
		}
		return o.call(e, word, k, true, fn, at, depth)
	}
	return k, true // a constant, a keyword, a number
}

// call judges a call of name whose arguments open at e[open]: a safe
// call's result is safe, a standard function's is as safe as its
// arguments, any other's is unknown.
func (o *phpOrigins) call(e, name string, open int, plain bool, fn phpFn, at, depth int) (int, bool) {
	c := closingParen(e, open)
	if c < 0 {
		return len(e), false
	}
	if phpSafeCall.MatchString(name) {
		return c + 1, true
	}
	if plain && phpPassCall.MatchString(name) {
		return c + 1, o.expr(e[open+1:c], fn, at, depth+1)
	}
	return c + 1, false
}

// variable judges a variable at e[k] ($x, $x['k'], $x->p, $this->p,
// $db->quote($v)).
func (o *phpOrigins) variable(e string, k int, fn phpFn, at, depth int) (int, bool) {
	n := k + 1
	for n < len(e) && isWordByte(e[n]) {
		n++
	}
	v := e[k+1 : n]
	if v == "" {
		return n, false // $$name: a variable variable
	}
	safe := true
	first := true
	for n < len(e) {
		switch {
		case strings.HasPrefix(e[n:], "->") || strings.HasPrefix(e[n:], "?->"):
			n = strings.Index(e[n:], ">") + n + 1
			s := n
			for n < len(e) && isWordByte(e[n]) {
				n++
			}
			member := e[s:n]
			if n < len(e) && e[n] == '(' {
				// A method call: an escaping one makes whatever it is
				// given safe; any other's result is unknown.
				end, ok := o.call(e, member, n, false, fn, at, depth)
				return end, ok
			}
			if first && v == "this" {
				safe = o.property(member, depth)
				v = ""
			}
			first = false
		case e[n] == '[':
			c := strings.IndexByte(e[n:], ']')
			if c < 0 {
				return len(e), false
			}
			n += c + 1
		default:
			if v != "" && v != "this" {
				safe = safe && o.local(v, fn, at, depth)
			}
			return n, safe
		}
	}
	if v != "" && v != "this" {
		safe = safe && o.local(v, fn, at, depth)
	}
	return n, safe
}

// interpolated judges the values a double-quoted string pastes in:
// "{$expr}", "$name", "$name->p", "$name[k]".
func (o *phpOrigins) interpolated(s string, fn phpFn, at, depth int) bool {
	for k := 0; k < len(s); k++ {
		switch {
		case s[k] == '\\':
			k++
		case strings.HasPrefix(s[k:], "{$"):
			c := strings.IndexByte(s[k:], '}')
			if c < 0 || !o.expr(s[k+1:k+c], fn, at, depth+1) {
				return false
			}
			k += c
		case strings.HasPrefix(s[k:], "${"):
			c := strings.IndexByte(s[k:], '}')
			if c < 0 || !o.local(s[k+2:k+c], fn, at, depth+1) {
				return false
			}
			k += c
		case s[k] == '$' && k+1 < len(s) && isWordByte(s[k+1]):
			n := k + 1
			for n < len(s) && isWordByte(s[n]) {
				n++
			}
			v := s[k+1 : n]
			if v == "this" && strings.HasPrefix(s[n:], "->") {
				m := n + 2
				for m < len(s) && isWordByte(s[m]) {
					m++
				}
				if !o.property(s[n+2:m], depth) {
					return false
				}
				k = m - 1
				continue
			}
			if !o.local(v, fn, at, depth+1) {
				return false
			}
			k = n - 1
		}
	}
	return true
}

// phpHeredoc is a heredoc's or a nowdoc's opening.
var phpHeredoc = regexp.MustCompile(`^<<<\s*(['"]?)(\w+)['"]?\n`)

// heredoc judges a heredoc (its values as a double-quoted string's) and
// whatever follows it.
func (o *phpOrigins) heredoc(e string, fn phpFn, at, depth int) bool {
	m := phpHeredoc.FindStringSubmatchIndex(e)
	if m == nil {
		return false
	}
	id := e[m[4]:m[5]]
	body := e[m[1]:]
	end := regexp.MustCompile(`(?m)^\s*` + id + `\b`).FindStringIndex(body)
	if end == nil {
		return false
	}
	if e[m[2]:m[3]] != "'" && !o.interpolated(body[:end[0]], fn, at, depth) {
		return false
	}
	return o.expr(body[end[1]:], fn, at, depth)
}

// local judges a variable of fn by every assignment to it before at: a
// parameter, or one with no assignment in view, is a caller's.
func (o *phpOrigins) local(v string, fn phpFn, at, depth int) bool {
	if depth > phpOriginDepth || slices.Contains(fn.params, v) || strings.HasPrefix(v, "_") || v == "GLOBALS" {
		return false
	}
	key := v + "@" + strconv.Itoa(fn.body)
	if o.seen[key] {
		return true // judged where it was first met
	}
	o.seen[key] = true
	scope := o.text[fn.body:at]
	found := false
	for _, m := range phpAssignTo(v).FindAllStringSubmatchIndex(scope, -1) {
		found = true
		switch {
		case m[2] >= 0: // foreach ($rows as $k => $v): the array's values
			if !o.expr(scope[m[2]:m[3]], fn, fn.body+m[0], depth+1) {
				return false
			}
		case m[4] >= 0: // list($a, $b) = ..., global $v, static $v: unknown
			return false
		default:
			rhs := scope[m[1]-1 : statementEnd(scope, m[1]-1)]
			if !o.expr(strings.TrimPrefix(strings.TrimSpace(rhs), "&"), fn, fn.body+m[0], depth+1) {
				return false
			}
		}
	}
	return found
}

// phpAssignTo is an assignment to $v: a plain or compound one (its value
// follows the match), a foreach binding it (group 1: the array), or one
// whose value cannot be read (group 2: list(), [$a, $b] =, global, static).
func phpAssignTo(v string) *regexp.Regexp {
	q := regexp.QuoteMeta(v)
	return regexp.MustCompile(`(?:^|[^$\w>:])\$` + q + `\s*(?:\.|\?\?)?=[^=>]|` +
		`\bforeach\s*\((.+?)\s+as\s+(?:\$\w+\s*=>\s*)?&?\$` + q + `\s*\)|` +
		`((?m:\blist\s*\(|^\s*\[)[^;=]*\$` + q + `\b[^;=]*[)\]]\s*=[^=>]|\b(?:global|static)\s+[^;]*\$` + q + `\b)`)
}

// statementEnd is the index of the semicolon ending the statement at
// s[k], brackets and strings skipped; the end of s without one.
func statementEnd(s string, k int) int {
	depth := 0
	for ; k < len(s); k++ {
		switch c := s[k]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth < 0 {
				return k
			}
		case '"', '\'':
			k = stringEnd(s, k)
		case ';':
			if depth == 0 {
				return k
			}
		}
	}
	return len(s)
}

// property judges $this->p by what the file writes into it: a value
// holding request data is a caller's.
func (o *phpOrigins) property(p string, depth int) bool {
	if p == "" || depth > phpOriginDepth {
		return false
	}
	re := regexp.MustCompile(`(?:\$this->|self::\$|static::\$)` + regexp.QuoteMeta(p) + `\s*(?:\.|\?\?)?=[^=>]`)
	for _, m := range re.FindAllStringIndex(o.text, -1) {
		rhs := o.text[m[1]-1 : statementEnd(o.text, m[1]-1)]
		if fromRequestPHPRe.MatchString(rhs) {
			return false
		}
	}
	return true
}
