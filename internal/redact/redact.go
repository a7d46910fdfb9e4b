// Package redact is the one place a secret value is shortened before it
// reaches any output: a fact, a warning, an error or a report. A threat
// map must never become the leak it warns about.
package redact

import (
	"strings"
	"unicode/utf8"
)

// Ellipsis marks what was removed.
const Ellipsis = "…"

// Secret shortens a secret so a person can recognise it without being able
// to use it: at most the first 4 and last 4 characters of a long value
// ("sk-p…x9Qa"), 2 and 2 of a value under 12 characters, and only the
// ellipsis for a value under 8. Whatever the length, at least half of the
// characters are hidden, so the whole value is never shown. Characters are
// runes, so a multi-byte value is never cut inside a character.
func Secret(s string) string {
	n := utf8.RuneCountInString(s)
	var keep int
	switch {
	case n >= 12:
		keep = 4
	case n >= 8:
		keep = 2
	default:
		return Ellipsis
	}
	runes := []rune(s)
	return string(runes[:keep]) + Ellipsis + string(runes[n-keep:])
}

// Line replaces every occurrence of secret in line with its redacted form,
// for evidence that quotes the line a secret sits on. An empty secret
// leaves the line unchanged.
func Line(line, secret string) string {
	if secret == "" {
		return line
	}
	return strings.ReplaceAll(line, secret, Secret(secret))
}
