package regexgate

import (
	"regexp/syntax"
	"slices"
	"unicode"
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
	st.follow = newFollow(re.Sub[2:], words)
	return true
}

// follow is a byte one of which every match holds soon after its
// identifier: generic-api-key's operator (=, :, >, ...) within 23 bytes
// of "key". Where the identifier words are dense and no operator is near
// (a long run of "keytoken..."), the candidates are dismissed without
// running the pattern, which would cost some eighty bytes of its many
// threads for each.
type follow struct {
	bytes    [256]bool
	from, to int // the byte is at k+from to k+to, for an identifier at k
}

// newFollow reads, from the parts of the pattern after its identifier,
// the first part that cannot match empty, and the most the parts before it
// can match; it returns nil when those are unbounded, or the part can
// begin with a non-ASCII rune or with any of too many bytes to tell much.
func newFollow(rest []*syntax.Regexp, words []string) *follow {
	gap := 0
	for _, part := range rest {
		if nullable(part) {
			n, ok := maxLen(part)
			if !ok {
				return nil
			}
			gap += n
			continue
		}
		first, ok := firstBytes(part)
		if !ok {
			return nil
		}
		n := 0
		for _, b := range first {
			if b {
				n++
			}
		}
		if n > 16 {
			return nil
		}
		minWord, maxWord := len(words[0]), len(words[0])
		for _, w := range words {
			minWord, maxWord = min(minWord, len(w)), max(maxWord, len(w))
		}
		return &follow{bytes: first, from: minWord, to: maxWord + gap}
	}
	return nil
}

// nullable reports whether re can match the empty string.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpAlternate:
		return slices.ContainsFunc(re.Sub, nullable)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	}
	return false // classes, any character
}

// firstBytes is the set of bytes a non-empty match of re can begin with;
// ok is false when one can begin with a non-ASCII rune, or re is not a
// shape this reads.
func firstBytes(re *syntax.Regexp) (first [256]bool, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return first, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return first, true
		}
		r := re.Rune[0]
		if r >= utf8.RuneSelf {
			return first, false
		}
		first[r] = true
		if re.Flags&syntax.FoldCase != 0 {
			if r == 'k' || r == 'K' || r == 's' || r == 'S' {
				return first, false // they fold with non-ASCII runes
			}
			first[unicode.ToLower(r)], first[unicode.ToUpper(r)] = true, true
		}
		return first, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1] >= utf8.RuneSelf {
				return first, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				first[r] = true
			}
		}
		return first, true
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return firstBytes(re.Sub[0])
	case syntax.OpAlternate, syntax.OpConcat:
		for _, sub := range re.Sub {
			f, ok := firstBytes(sub)
			if !ok {
				return first, false
			}
			for b, in := range f {
				first[b] = first[b] || in
			}
			if re.Op == syntax.OpConcat && !nullable(sub) {
				break
			}
		}
		return first, true
	}
	return first, false
}

// maxLen is the most bytes a match of re can hold, if bounded.
func maxLen(re *syntax.Regexp) (int, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return len(re.Rune) * utf8.UTFMax, true // a rune may fold to a wider one
		}
		return len(string(re.Rune)), true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax, true
	case syntax.OpCapture:
		return maxLen(re.Sub[0])
	case syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return 0, false
		}
		n, ok := maxLen(re.Sub[0])
		return n * re.Max, ok
	case syntax.OpAlternate, syntax.OpConcat:
		total := 0
		for _, sub := range re.Sub {
			n, ok := maxLen(sub)
			if !ok {
				return 0, false
			}
			if re.Op == syntax.OpAlternate {
				total = max(total, n)
			} else {
				total += n
			}
		}
		return total, true
	}
	return 0, false
}

// near reports whether a follow byte is at k+from to k+to in s. next is
// the caller's memo of the first follow byte at or after some offset:
// asked with growing k, the whole text is read once.
func (f *follow) near(s string, k int, next *int) bool {
	lo := k + f.from
	if *next < lo {
		*next = lo
		for *next < len(s) && !f.bytes[s[*next]] {
			*next++
		}
	}
	return *next < len(s) && *next <= k+f.to
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
