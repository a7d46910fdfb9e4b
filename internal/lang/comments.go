package lang

import (
	"bytes"
	"strings"
)

// comments is a language's comment syntax, and the string literals a
// comment marker inside of which is no comment.
type comments struct {
	line  []string    // markers that comment out the rest of the line
	block [][2]string // opener and closer
	// quotes open single-line string literals; backtick, when listed,
	// opens a literal that spans lines (JavaScript templates, Go raw
	// strings).
	quotes string
	// docstrings: a triple-quoted string is blanked like a comment
	// (Python: docstrings are prose, and examples in them are not code).
	docstrings bool
	// hashComment: # opens a line comment where it starts a statement
	// (PHP): first on its line, or after a ; { } that ended the code
	// before it; never #[, an attribute. A # in a page's markup (Step #1,
	// color: #fff) is text, not a comment hiding the rest of the line.
	hashComment bool
}

var (
	cComments      = comments{line: []string{"//"}, block: [][2]string{{"/*", "*/"}}, quotes: "\"'`"}
	jsComments     = cComments
	pythonComments = comments{line: []string{"#"}, quotes: `"'`, docstrings: true}
	phpComments    = comments{line: []string{"//"}, block: [][2]string{{"/*", "*/"}}, quotes: "\"'`", hashComment: true}
)

// StripComments returns a copy of src with the comments of l (and, in
// Python, triple-quoted strings: docstrings) replaced by spaces. Offsets
// and line numbers are unchanged and string literals are kept, so a match
// in the result points into src. A language without comment syntax comes
// back as a plain copy.
func StripComments(l Lang, src []byte) []byte {
	out := bytes.Clone(src)
	if l >= numLangs {
		return out
	}
	c := &table[l].comments
	blank := func(from, to int) {
		for i := from; i < to && i < len(out); i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	n := len(src)
	for i := 0; i < n; {
		ch := src[i]
		if c.docstrings && (ch == '"' || ch == '\'') && i+2 < n && src[i+1] == ch && src[i+2] == ch {
			end := bytes.Index(src[i+3:], []byte{ch, ch, ch})
			j := n
			if end >= 0 {
				j = i + 3 + end + 3
			}
			blank(i+3, j-3)
			i = j
			continue
		}
		if strings.IndexByte(c.quotes, ch) >= 0 {
			i = skipString(src, i, ch, ch == '`')
			continue
		}
		if m := c.lineAt(src, i); m != "" {
			j := indexFrom(src, i, '\n')
			blank(i, j)
			i = j
			continue
		}
		if closer := c.blockAt(src, i); closer != "" {
			end := bytes.Index(src[i+2:], []byte(closer))
			j := n
			if end >= 0 {
				j = i + 2 + end + len(closer)
			}
			blank(i, j)
			i = j
			continue
		}
		i++
	}
	return out
}

// lineAt is the line-comment marker at src[i:], or "".
func (c *comments) lineAt(src []byte, i int) string {
	for _, m := range c.line {
		if src[i] == m[0] && bytes.HasPrefix(src[i:], []byte(m)) {
			return m
		}
	}
	if c.hashComment && src[i] == '#' && statementStart(src, i) && (i+1 >= len(src) || src[i+1] != '[') {
		return "#"
	}
	return ""
}

// statementStart reports whether src[i] opens a statement: nothing but
// blanks before it on its line, or a ; { } after the code before it.
func statementStart[T ~string | ~[]byte](src T, i int) bool {
	j := i - 1
	for j >= 0 && (src[j] == ' ' || src[j] == '\t') {
		j--
	}
	return j < 0 || src[j] == '\n' || src[j] == '\r' || src[j] == ';' || src[j] == '{' || src[j] == '}'
}

// blockAt is the closer of the block comment opening at src[i:], or "".
func (c *comments) blockAt(src []byte, i int) string {
	for _, b := range c.block {
		if src[i] == b[0][0] && bytes.HasPrefix(src[i:], []byte(b[0])) {
			return b[1]
		}
	}
	return ""
}

func indexFrom(src []byte, i int, c byte) int {
	if j := bytes.IndexByte(src[i:], c); j >= 0 {
		return i + j
	}
	return len(src)
}

// skipString returns the offset just past the string literal opening at
// i. Single-line strings end at a newline (unterminated), so one stray
// quote cannot swallow the rest of the file.
func skipString[T ~string | ~[]byte](src T, i int, q byte, multiline bool) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n':
			if !multiline {
				return j
			}
		}
	}
	return len(src)
}

// SkipString returns the offset just past the string literal that opens
// with the quote at src[i] (a backtick's spans lines), stopping at the
// end of the line for an unterminated single-line one. It reads a file's
// bytes in place as well as a string.
func SkipString[T ~string | ~[]byte](src T, i int) int {
	return skipString(src, i, src[i], src[i] == '`')
}

// Commented reports whether the code at offset i of src is commented
// out, given stripped = StripComments(l, src): whether the first
// character at or after i that is not blank was blanked. A match that
// starts on the space before a commented word counts as commented too.
func Commented(src, stripped []byte, i int) bool {
	for ; i < len(src) && i < len(stripped); i++ {
		switch src[i] {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return stripped[i] != src[i]
	}
	return false
}

// IsCommentLine reports whether a line of l, as a whole, is a comment:
// it opens with a line-comment marker or a block-comment opener, or, in
// a language with /* */ comments, with the * that continues a block
// comment by convention. For code read line by line, without the
// context StripComments needs.
func IsCommentLine(l Lang, line string) bool {
	if l >= numLangs {
		return false
	}
	c := &table[l].comments
	t := strings.TrimSpace(line)
	for _, m := range c.line {
		if strings.HasPrefix(t, m) {
			return true
		}
	}
	if c.hashComment && strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "#[") {
		return true
	}
	for _, b := range c.block {
		if strings.HasPrefix(t, b[0]) || b[0] == "/*" && strings.HasPrefix(t, "*") {
			return true
		}
	}
	return false
}

// CutLineComment cuts the line comment that ends a line of l, outside
// string literals: the code of the line.
func CutLineComment(l Lang, line string) string {
	if l >= numLangs {
		return line
	}
	c := &table[l].comments
	var quote byte
	for k := 0; k < len(line); k++ {
		ch := line[k]
		if quote != 0 {
			if ch == '\\' {
				k++
			} else if ch == quote {
				quote = 0
			}
			continue
		}
		if strings.IndexByte(c.quotes, ch) >= 0 {
			quote = ch
			continue
		}
		for _, m := range c.line {
			if ch == m[0] && strings.HasPrefix(line[k:], m) {
				return line[:k]
			}
		}
		if c.hashComment && ch == '#' && statementStart(line, k) && !strings.HasPrefix(line[k:], "#[") {
			return line[:k]
		}
	}
	return line
}
