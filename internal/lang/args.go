package lang

// SplitTopLevel splits source text at its top-level commas: those outside
// quotes and outside (), [] and {}. It is how a call's arguments, a
// function's parameters or a table's column list are read without a
// parser. Pieces are returned as written (untrimmed), one more than the
// commas found. A quote is closed by the same quote not escaped by a
// backslash; a ' or " string ends at a line break, so an apostrophe in a
// comment does not swallow the rest; a backtick string may span lines.
func SplitTopLevel(s string) []string { return SplitTopLevelAt(s, ',') }

// SplitTopLevelAt is SplitTopLevel at another separator: PHP's
// concatenation dot, a pipe.
func SplitTopLevelAt(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'', '"', '`':
			i = SkipString(s, i) - 1
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			// Text cut from a larger call may close more than it opens.
			depth = max(depth-1, 0)
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// ClosingBracket is the index of the bracket that closes the one at
// s[open] ('(', '[' or '{'), skipping strings as SplitTopLevel does and
// counting every kind of bracket, or -1 when the text ends first. It
// reads a file's bytes in place as well as a string.
func ClosingBracket[T ~string | ~[]byte](s T, open int) int {
	if open < 0 || open >= len(s) {
		return -1
	}
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\'', '"', '`':
			i = SkipString(s, i) - 1
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
