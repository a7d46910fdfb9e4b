// Package escape makes untrusted text safe to print: names, paths and
// messages come from the scanned repository or from the model, and a
// file name or a route can hold anything. Each function first masks
// secret-looking tokens (redact.Text), then neutralises what its output
// would interpret:
//
//   - Terminal, for one value in a terminal or a CI log: control
//     characters, invisible format characters and invalid UTF-8 become Go
//     escapes (\n, \x1b, \u202e), so no value starts a line, moves the
//     cursor or forges a `::error::` workflow command;
//   - Lines, the same for text whose line breaks are meant;
//   - Document, the same for a whole generated document (an HTML page);
//   - Markdown, for text in a Markdown paragraph, list item or table cell
//     of a report or a pull-request comment: no markup, link, image,
//     HTML, @mention or #123 reference can come from the text;
//   - Code, for a Markdown code span.
//
// Ordinary text (words, routes, file paths, sentences with parentheses
// and intra-word underscores) comes out unchanged, so escaping costs the
// reader nothing until the text is hostile.
package escape

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/threatmap/threatmap/internal/redact"
)

// Terminal returns s safe to print as (part of) one line of a terminal or
// a CI log. When anything had to be escaped, backslashes are doubled too,
// so the escapes cannot be confused with the text. Text that would start
// a GitHub workflow command ("::" after spaces) has its first colon
// escaped: GitHub reads a command wherever a line starts with one.
func Terminal(s string) string { return terminal(redact.Text(s)) }

// terminal is Terminal for text already masked.
func terminal(s string) string {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	command := strings.HasPrefix(s[lead:], "::")
	if !command && !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case command && i == lead:
			b.WriteString(`\x3a`)
		case unprintable(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Lines is Terminal for text whose line breaks are meant (a fix that
// spans lines, an error with its "\thint:" line): each line is escaped on
// its own, keeping the tabs that indent it, as the line breaks are kept.
func Lines(s string) string {
	if !strings.Contains(s, "\n") {
		return Terminal(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		body := strings.TrimLeft(l, "\t")
		lines[i] = l[:len(l)-len(body)] + Terminal(body)
	}
	return strings.Join(lines, "\n")
}

// Document escapes, as Terminal does, the unprintable characters of a
// whole document threatmap generated (an HTML page), keeping its own line
// feeds and tabs: what remains can only have come from the data. Nothing
// else changes, so a document without such characters is returned as is.
func Document(s string) string {
	if !needsEscape(strings.NewReplacer("\n", "", "\t", "").Replace(s)) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r != '\n' && r != '\t' && unprintable(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unprintable(r) {
			return true
		}
		i += size
	}
	return false
}

// unprintable is what a terminal or a viewer acts on instead of showing:
// C0 and C1 controls, DEL, line and paragraph separators, and format
// characters (bidirectional overrides that reorder what is shown,
// zero-width characters that hide what is there).
func unprintable(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r)
}
