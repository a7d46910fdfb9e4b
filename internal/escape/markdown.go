package escape

import (
	"strings"
	"unicode/utf8"

	"github.com/threatmap/threatmap/internal/redact"
)

// zeroWidth is a zero-width space as an HTML entity: set between @ and a
// name, or # and a number, it keeps GitHub from making a mention or an
// issue reference of them (a backslash would not: GitHub links the
// rendered text), and it is visible in a terminal rather than hidden.
const zeroWidth = "&#8203;"

// Markdown returns s safe as inline text in GitHub-flavoured Markdown: a
// paragraph, a list item or a table cell. Line breaks become spaces (they
// would end the cell or the item); other control characters are escaped
// as Terminal does; a backslash, a pipe, emphasis and code markers (*, ~,
// `, and _ where it is not inside a word), brackets and angle brackets
// are backslash-escaped, so no link, image, HTML or autolink in <> forms;
// a block marker at the start (#, >, -, +, =, "1.") is escaped; an entity
// reference is escaped so it cannot spell markup; @name, #123, www. and
// scheme:// get a zero-width space so GitHub neither mentions, references
// nor links them.
func Markdown(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	s = Terminal(s)
	if !needsMarkdown(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' || c == '|' || c == '*' || c == '~' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '_' && !(i > 0 && isWordByte(s[i-1]) && i+1 < len(s) && isWordByte(s[i+1])):
			b.WriteString(`\_`)
		case (c == '@' || c == '#') && i+1 < len(s) && isWordByte(s[i+1]) && !(c == '#' && i > 0 && (isWordByte(s[i-1]) || s[i-1] == '&')):
			b.WriteByte(c)
			b.WriteString(zeroWidth)
		case i == 0 && strings.IndexByte("#-+=", c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case i == 0 && orderedListStart(s) > 0:
			n := orderedListStart(s)
			b.WriteString(s[:n])
			b.WriteByte('\\')
			i = n - 1
		case c == '&' && entityAt(s, i):
			b.WriteString(`\&`)
		case c == ':' && strings.HasPrefix(s[i:], "://"):
			b.WriteByte(c)
			b.WriteString(zeroWidth)
		case (c == 'w' || c == 'W') && (i == 0 || !isWordByte(s[i-1])) && len(s) >= i+4 && strings.EqualFold(s[i:i+4], "www."):
			b.WriteString(s[i : i+3])
			b.WriteString(zeroWidth)
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Code returns s as a Markdown code span: inside one, Markdown is inert, so
// only the fence must be longer than any run of backticks in s. Line
// breaks become spaces and control characters are escaped as Terminal
// does.
func Code(s string) string { return code(redact.Text(s)) }

// IDCode is Code for an id threatmap built (a threat's, a surface's): it is
// masked as redact.ID masks, so a slug of a path that looks random stays
// whole and can be typed into threatmap accept.
func IDCode(s string) string { return code(redact.ID(s)) }

// IDCodeCell is IDCode for a table cell, as CodeCell is Code's.
func IDCodeCell(s string) string { return strings.ReplaceAll(IDCode(s), "|", `\|`) }

// code is Code for text already masked.
func code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	s = terminal(s)
	if s == "" {
		return ""
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// CodeCell is Code for a table cell: GitHub ends a cell at a pipe even
// inside a code span, and shows an escaped one plainly there.
func CodeCell(s string) string { return strings.ReplaceAll(Code(s), "|", `\|`) }

// needsMarkdown is a quick test for any byte Markdown may change.
func needsMarkdown(s string) bool {
	if s == "" {
		return false
	}
	if strings.IndexByte("#-+=", s[0]) >= 0 || orderedListStart(s) > 0 {
		return true
	}
	if strings.ContainsAny(s, "\\|*~`[]<>_&@#") || strings.Contains(s, "://") {
		return true
	}
	lower := strings.ToLower(s)
	return strings.Contains(lower, "www.")
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}

// orderedListStart is the length of "12." or "12)" at the start of s,
// which would begin an ordered list, or 0.
func orderedListStart(s string) int {
	i := 0
	for i < len(s) && i < 9 && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i
	}
	return 0
}

// entityAt reports an HTML entity reference at s[i] ("&amp;", "&#64;"),
// which Markdown decodes: "&#64;admin" would become a mention.
func entityAt(s string, i int) bool {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
	}
	start := j
	for j < len(s) && j-start < 32 && (isWordByte(s[j]) && s[j] < utf8.RuneSelf) {
		j++
	}
	return j > start && j < len(s) && s[j] == ';'
}
