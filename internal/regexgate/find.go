package regexgate

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// starts is what lets FindAll skip the text between possible matches: a
// set of strings every match begins with, and the pattern anchored at a
// candidate start.
type starts struct {
	needles []string // every match begins with one of these (lower case if fold)
	fold    bool
	// atText is the pattern anchored at the start of the text; afterChar
	// the same after one rune of left context, so that assertions before
	// the first character (\b, (?m)^) see what precedes the candidate.
	atText, afterChar *regexp.Regexp
}

// newStarts finds the start strings of re, or nil when some match may
// begin with anything (or with a one-byte string, which would not skip).
func newStarts(re *regexp.Regexp, parsed *syntax.Regexp) *starts {
	ps := prefixes(parsed)
	if ps == nil || minLen(ps.strs) < 2 {
		return nil
	}
	src := re.String()
	atText, err := regexp.Compile(`\A(?:` + src + `)`)
	if err != nil {
		return nil
	}
	afterChar, err := regexp.Compile(`\A(?s:.)(?:` + src + `)`)
	if err != nil {
		return nil
	}
	needles := slices.Clone(ps.strs)
	slices.Sort(needles)
	needles = slices.Compact(needles)
	return &starts{needles: needles, fold: ps.fold, atText: atText, afterChar: afterChar}
}

// prefixes is a set of strings one of which begins every match of re,
// or nil if none is known.
func prefixes(re *syntax.Regexp) *set {
	switch re.Op {
	case syntax.OpLiteral:
		return literal(re)
	case syntax.OpCharClass:
		return charClass(re)
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpPlus:
		return prefixes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return prefixes(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out *set
		for i, sub := range re.Sub {
			p := prefixes(sub)
			if p == nil || minLen(p.strs) == 0 {
				return nil
			}
			if i == 0 {
				out = p
				continue
			}
			if out = union(out, p); out == nil {
				return nil
			}
		}
		return out
	case syntax.OpConcat:
		// Multiply the exact parts from the left; the first inexact
		// part contributes its own prefixes and ends the run.
		run := &set{strs: []string{""}}
		for _, sub := range re.Sub {
			in := analyse(sub)
			if in.exact != nil {
				p := product(run, in.exact)
				if p == nil {
					break
				}
				run = p
				continue
			}
			if p := prefixes(sub); p != nil && minLen(p.strs) > 0 {
				if q := product(run, p); q != nil {
					run = q
				}
			}
			break
		}
		if minLen(run.strs) == 0 {
			return nil
		}
		return run
	}
	return nil
}

// FindAllStringSubmatchIndex is re.FindAllStringSubmatchIndex(s, n) for
// the re the gate was built from, with the same result. When every match
// must begin with one of a few strings, it runs the pattern only where one
// of them occurs, anchored there, instead of over every byte. lower is as
// for MayMatch.
func (g *Gate) FindAllStringSubmatchIndex(s, lower string, n int) [][]int {
	st := g.starts
	if !g.MayMatch(s, lower) || n == 0 {
		return nil
	}
	if st == nil || st.fold && (strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")) {
		return g.re.FindAllStringSubmatchIndex(s, n)
	}
	text := s
	if st.fold {
		if lower == "" {
			lower = Lower(s)
		}
		text = lower
	}
	var cands []int
	for _, nd := range st.needles {
		for i := 0; ; {
			j := strings.Index(text[i:], nd)
			if j < 0 {
				break
			}
			cands = append(cands, i+j)
			i += j + 1
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	var out [][]int
	pos := 0
	for _, c := range cands {
		if c < pos {
			continue
		}
		m := st.at(s, c)
		if m == nil {
			continue
		}
		out = append(out, m)
		pos = m[1]
		if n > 0 && len(out) == n {
			break
		}
	}
	return out
}

// at is the match of the pattern that begins at c, if any, with offsets
// in s.
func (st *starts) at(s string, c int) []int {
	if c == 0 {
		return st.atText.FindStringSubmatchIndex(s)
	}
	// One byte of left context. A needle begins a rune, so the byte
	// before c is ASCII, or not a whole rune by itself and then read as
	// utf8.RuneError: either way one byte long, and for \b and (?m)^ it
	// tells the same as the rune the full text has there.
	m := st.afterChar.FindStringSubmatchIndex(s[c-1:])
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
