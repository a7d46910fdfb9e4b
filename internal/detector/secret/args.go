package secret

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// maxCallScan bounds how far an argument list is read: calls that set a
// key are short, and a bound keeps a malformed file from costing much.
const maxCallScan = 4096

// callArgs splits the argument list of a call whose '(' is at open into
// its top-level arguments (trimmed source text) and returns the offset of
// the closing ')' (-1 if none). Strings, nested brackets and escapes are
// respected; an unterminated list yields what was read.
func callArgs(src string, open int) (args []string, closing int) {
	if open < 0 || open >= len(src) || src[open] != '(' {
		return nil, -1
	}
	end := min(len(src), open+maxCallScan)
	closing = lang.ClosingBracket(src[:end], open)
	inner := src[open+1 : end]
	if closing >= 0 {
		inner = src[open+1 : closing]
	}
	args = lang.SplitTopLevel(inner)
	for i := range args {
		args[i] = strings.TrimSpace(args[i])
	}
	// f() has no argument; f(a, ) keeps its empty last one; a list cut
	// short keeps only what was read.
	if n := len(args); args[n-1] == "" && (n == 1 || closing < 0) {
		args = args[:n-1]
	}
	if len(args) == 0 {
		return nil, closing
	}
	return args, closing
}

// stringLiteral returns the value of a plain string literal, optionally
// wrapped the way keys are written ([]byte("k"), Buffer.from('k'), b'k'),
// and whether arg is one. Interpolated strings are not literals.
// byteWrapper is C#'s text-to-bytes call around a literal.
var byteWrapper = regexp.MustCompile(`^Encoding\.\w+\.GetBytes\(([^()]*)\)$`)

func stringLiteral(arg string) (string, bool) {
	arg = strings.TrimSpace(arg)
	for _, w := range []string{"[]byte(", "Buffer.from(", "str.encode(", "bytes("} {
		if strings.HasPrefix(arg, w) && strings.HasSuffix(arg, ")") {
			inner := strings.TrimSpace(arg[len(w) : len(arg)-1])
			if i := topLevelComma(inner); i >= 0 {
				inner = strings.TrimSpace(inner[:i]) // Buffer.from('k', 'utf8')
			}
			arg = inner
			break
		}
	}
	if m := byteWrapper.FindStringSubmatch(arg); m != nil {
		arg = strings.TrimSpace(m[1]) // C#'s Encoding.UTF8.GetBytes("k")
	}
	arg = strings.TrimSuffix(arg, ".encode()") // Python 'k'.encode()
	// C#'s "k"u8.ToArray() and "k"u8, Java's "k".getBytes(UTF_8).
	arg = strings.TrimSuffix(arg, ".ToArray()")
	arg = strings.TrimSuffix(arg, "u8")
	if i := strings.LastIndex(arg, ".getBytes("); i > 0 && strings.HasSuffix(arg, ")") {
		arg = arg[:i]
	}
	// Python prefixes: r, b, u (f-strings interpolate, so they are not literals).
	if i := strings.IndexAny(arg, `'"`); i > 0 && i <= 2 && strings.Trim(strings.ToLower(arg[:i]), "rbu") == "" {
		arg = arg[i:]
	}
	if len(arg) < 2 {
		return "", false
	}
	q := arg[0]
	if (q != '\'' && q != '"' && q != '`') || arg[len(arg)-1] != q {
		return "", false
	}
	body := arg[1 : len(arg)-1]
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '\\':
			i++
		case q:
			return "", false // two literals joined, or not one literal
		}
	}
	if q == '`' && strings.Contains(body, "${") {
		return "", false
	}
	return body, true
}

// topLevelComma is the index of the first comma outside quotes and
// brackets, or -1.
func topLevelComma(s string) int {
	if parts := lang.SplitTopLevel(s); len(parts) > 1 {
		return len(parts[0])
	}
	return -1
}

// keywordArg returns the argument named name (Python name=value), if any.
func keywordArg(args []string, name string) (string, bool) {
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if ok && strings.TrimSpace(k) == name && !strings.HasPrefix(v, "=") {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}
