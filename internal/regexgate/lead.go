package regexgate

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
	"unsafe"
)

// A pattern like gitleaks' generic-api-key begins with a bounded class
// repeat and then an identifier: `(?i)[\w.-]{0,50}?(?:key|token)...`. It
// has no start strings, and unanchored Go's regexp starts a new thread at
// every byte and keeps up to fifty alive through every word. Every match,
// though, is up to N class characters and then the identifier, so a match
// can only begin at the leftmost of those characters before an occurrence
// of the identifier: the pattern runs anchored there, once per occurrence.
//
// Why that finds what the unanchored search finds: let S be the leftmost
// start (at or after pos, the end of the previous match) of a match, with
// its identifier at k. Then s[S:k] is class characters, at most N of them,
// so c(k) = max(k-N, start of the class run ending at k, pos) <= S, and
// the same identifier and tail match from c(k) with a longer prefix: a
// match starts at c(k), so c(k) = S. c grows with k, so trying the
// occurrences in order finds S first (an earlier candidate k' that is no
// identifier has c(k') <= S, and a match there would start before S), and
// the pattern anchored at S reports the match the unanchored search
// prefers there.

// leadRun sets st to search re's identifier when re (not simplified:
// Simplify expands the repeat) has that shape: a concatenation that begins
// with a {0,N} repeat of an ASCII class, then a part with a finite
// language of non-empty ASCII strings. It reports whether it did.
func (st *starts) leadRun(re *syntax.Regexp) bool {
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return false
	}
	lead := re.Sub[0]
	if lead.Op != syntax.OpRepeat || lead.Min != 0 || lead.Max <= 0 || lead.Sub[0].Op != syntax.OpCharClass {
		return false
	}
	var class [128]bool
	rs := lead.Sub[0].Rune
	for i := 0; i < len(rs); i += 2 {
		for r := rs[i]; r <= rs[i+1]; r++ {
			switch {
			case r < utf8.RuneSelf:
				class[r] = true
			case foldOnly(r):
				// Only in texts hasFoldRunes leaves to the plain pattern.
			default:
				return false // a non-ASCII class member would end runs early
			}
		}
	}
	words, ok := language(re.Sub[1], maxSet)
	if !ok || slices.Contains(words, "") {
		return false // the identifier could begin anywhere
	}
	// The words are lowered whatever the flags: searching lowered text
	// finds a superset of the identifiers, which the anchored runs sort out.
	st.needles, st.fold, st.lead, st.leadMax = words, true, &class, lead.Max
	return true
}

// foldOnly are the non-ASCII runes that case folding pairs with ASCII
// letters: the Kelvin sign (k) and the long s (s).
func foldOnly(r rune) bool { return r == '\u212A' || r == '\u017F' }

// language lists, lower-cased, the strings re matches, when they are
// finite and at most limit; ok is false otherwise. Case folding is read
// as ASCII lower case, which the needle search on lowered text matches.
func language(re *syntax.Regexp, limit int) (out []string, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				return nil, false
			}
		}
		return []string{Lower(string(re.Rune))}, true
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r >= utf8.RuneSelf {
					if foldOnly(r) {
						continue
					}
					return nil, false
				}
				out = append(out, Lower(string(r)))
				if len(out) > limit {
					return nil, false
				}
			}
		}
		return sortedSet(out), true
	case syntax.OpCapture:
		return language(re.Sub[0], limit)
	case syntax.OpQuest:
		sub, ok := language(re.Sub[0], limit)
		return sortedSet(append(sub, "")), ok && len(sub) < limit
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			l, ok := language(s, limit)
			if !ok {
				return nil, false
			}
			if out = append(out, l...); len(out) > limit {
				return nil, false
			}
		}
		return sortedSet(out), true
	case syntax.OpConcat:
		out = []string{""}
		for _, s := range re.Sub {
			l, ok := language(s, limit)
			if !ok || len(out)*len(l) > limit {
				return nil, false
			}
			var next []string
			for _, a := range out {
				for _, b := range l {
					next = append(next, a+b)
				}
			}
			out = sortedSet(next)
		}
		return out, true
	}
	return nil, false
}

func sortedSet(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// stringOf reads b as a string without copying; b must not change while
// the string is in use.
func stringOf(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// bytesOf reads s as bytes without copying, for the automaton, which only
// reads them.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
