// Package redact is the one place a secret value is shortened before it
// reaches any output: a fact, a warning, an error or a report. A threat
// map must never become the leak it warns about. Secret masks a value
// known to be secret; Text finds and masks secret-looking tokens in any
// text (a route path that holds a key); Copy does so for every string of
// a structure about to be printed.
package redact

import (
	"strings"
)

// Ellipsis marks what was removed.
const Ellipsis = "…"

// Secret shortens a secret so a person can recognise it without being able
// to use it: at most 4 of its characters, and never more than a quarter of
// them, are kept, half from each end ("sk…Qa" for a 28-character key,
// "ab…l" for 12 characters, "a…h" for 8); a value under 8 characters is
// only the ellipsis. Characters are runes, so a multi-byte value is never
// cut inside a character.
func Secret(s string) string {
	runes := []rune(s)
	n := len(runes)
	if n < 8 {
		return Ellipsis
	}
	keep := min(maxKept, n/4)
	front, back := (keep+1)/2, keep/2
	return string(runes[:front]) + Ellipsis + string(runes[n-back:])
}

// maxKept is the most characters of a secret Secret keeps.
const maxKept = 4

// Line replaces every occurrence of secret in line with its redacted form,
// for evidence that quotes the line a secret sits on. An empty secret
// leaves the line unchanged.
func Line(line, secret string) string {
	if secret == "" {
		return line
	}
	return strings.ReplaceAll(line, secret, Secret(secret))
}
