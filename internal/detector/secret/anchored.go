package secret

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"slices"
)

// Gitleaks' semi-generic rules (generic-api-key, jfrog-*) begin with
// `(?i)[\w.-]{0,50}?` and then an identifier (key, token, jfrog...). Go's
// regexp has no DFA: unanchored, such a pattern starts a new thread at
// every byte and keeps up to fifty alive through every word, which made
// these three rules most of the secret detector's time. Every match is
// up to N class characters and then the identifier, so a match can only
// begin at the leftmost of those characters before an occurrence of the
// identifier: the pattern runs anchored there, once per occurrence.
//
// Why that finds what the unanchored search finds: let S be the leftmost
// start (at or after pos) of a match, with its identifier at k. Then
// s[S:k] is class characters, at most N of them, so c(k) = max(k-N,
// start of the class run ending at k, pos) <= S, and the same identifier
// and tail match from c(k) with a longer prefix: a match starts at c(k),
// so c(k) = S. c grows with k, so trying the occurrences in order finds
// S first, and the pattern anchored at S reports the match the
// unanchored search prefers there.

// prefixedRule is a rule of that shape, ready for anchored runs.
type prefixedRule struct {
	class    [128]bool // the leading class, on ASCII bytes
	max      int       // its most repeats
	needles  [][]byte  // lower case; every identifier match is one of them (in lower-cased text)
	atText   *regexp.Regexp
	afterOne *regexp.Regexp // after one byte of left context, for \b and ^
}

// maxNeedles bounds the identifier's expanded strings.
const maxNeedles = 64

// newPrefixedRule returns the anchored form of re, or nil when re does
// not have the shape (then the rule runs unanchored, as before).
func newPrefixedRule(re *regexp.Regexp) *prefixedRule {
	src := re.String()
	parsed, err := syntax.Parse(src, syntax.Perl)
	if err != nil || parsed.Op != syntax.OpConcat || len(parsed.Sub) < 2 {
		return nil
	}
	lead := parsed.Sub[0]
	if lead.Op != syntax.OpRepeat || lead.Min != 0 || lead.Max <= 0 || lead.Sub[0].Op != syntax.OpCharClass {
		return nil
	}
	p := &prefixedRule{max: lead.Max}
	rs := lead.Sub[0].Rune
	for i := 0; i < len(rs); i += 2 {
		for r := rs[i]; r <= rs[i+1]; r++ {
			switch {
			case r < 128:
				p.class[r] = true
			case foldOnly(r):
				// Only in texts the fast path leaves to the plain pattern.
			default:
				return nil // a non-ASCII class member would end runs early
			}
		}
	}
	words, ok := language(parsed.Sub[1], maxNeedles)
	if !ok {
		return nil
	}
	for _, w := range words {
		if w == "" {
			return nil // the identifier could begin anywhere
		}
		p.needles = append(p.needles, []byte(w))
	}
	if p.atText, err = regexp.Compile(`\A(?:` + src + `)`); err != nil {
		return nil
	}
	if p.afterOne, err = regexp.Compile(`\A(?s:.)(?:` + src + `)`); err != nil {
		return nil
	}
	return p
}

// foldOnly are the non-ASCII runes that case folding pairs with ASCII
// letters: the Kelvin sign (k) and the long s (s).
func foldOnly(r rune) bool { return r == '\u212A' || r == '\u017F' }

// usable reports whether the anchored search is exact on s: with neither
// fold-only rune, (?i) pairs ASCII letters only, so identifiers show in
// ASCII-lowered text and the class stops at every non-ASCII byte.
func usable(s []byte) bool {
	return !bytes.Contains(s, []byte("\u212A")) && !bytes.Contains(s, []byte("\u017F"))
}

// findAll is re.FindAllSubmatchIndex(s, -1) for the rule p was made from,
// on a text with usable(s); lower is s lowered by asciiLowerBytes.
func (p *prefixedRule) findAll(s, lower []byte) [][]int {
	var ks []int
	for _, n := range p.needles {
		for i := 0; ; {
			j := bytes.Index(lower[i:], n)
			if j < 0 {
				break
			}
			ks = append(ks, i+j)
			i += j + 1
		}
	}
	if len(ks) == 0 {
		return nil
	}
	slices.Sort(ks)
	ks = slices.Compact(ks)
	var out [][]int
	pos, failed := 0, -1
	for _, k := range ks {
		if k < pos {
			continue // a match at or after pos has its identifier there too
		}
		c := k
		for c > pos && k-c < p.max && s[c-1] < 128 && p.class[s[c-1]] {
			c--
		}
		if c == failed {
			continue
		}
		m := p.at(s, c)
		if m == nil {
			failed = c
			continue
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// at is the match anchored at c, with offsets in s. c is at an ASCII
// byte or at the end of a match, so one byte of left context tells \b
// what the whole text does (a lone continuation byte reads as a
// non-word rune, as the non-ASCII rune it ends would).
func (p *prefixedRule) at(s []byte, c int) []int {
	if c == 0 {
		return p.atText.FindSubmatchIndex(s)
	}
	m := p.afterOne.FindSubmatchIndex(s[c-1:])
	if m == nil {
		return nil
	}
	for i := range m {
		if m[i] >= 0 {
			m[i] += c - 1
		}
	}
	m[0] = c
	return m
}

// language lists, lower-cased, the strings re matches, when they are
// finite and at most limit; ok is false otherwise. Case folding is read
// as ASCII lower case, which the needle search on lowered text matches.
func language(re *syntax.Regexp, limit int) (out []string, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r >= 128 {
				return nil, false
			}
		}
		return []string{asciiLower(string(re.Rune))}, true
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r >= 128 {
					if foldOnly(r) {
						continue
					}
					return nil, false
				}
				out = append(out, asciiLower(string(r)))
				if len(out) > limit {
					return nil, false
				}
			}
		}
		return compact(out), true
	case syntax.OpCapture:
		return language(re.Sub[0], limit)
	case syntax.OpQuest:
		sub, ok := language(re.Sub[0], limit)
		return compact(append(sub, "")), ok && len(sub) < limit
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
		return compact(out), true
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
			out = compact(next)
		}
		return out, true
	}
	return nil, false
}

func compact(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}
