package regexgate

import (
	"io"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// starts is what lets FindAll skip the text between possible matches: a
// set of strings every match begins with (or, with a lead, every match
// begins a bounded run of class bytes before), and the pattern anchored
// at a candidate start.
type starts struct {
	needles []string // every match begins with one of these (lower case if fold)
	fold    bool
	// lead, if set, is a leading class repeat the needles follow (see
	// leadRun): a match begins up to leadMax class bytes before a needle.
	lead    *[128]bool
	leadMax int
	follow  *follow // with a lead: what must follow the identifier soon
	// atText is the pattern anchored at the start of the text; afterChar
	// the same after one rune of left context, so that assertions before
	// the first character (\b, (?m)^) see what precedes the candidate.
	atText, afterChar *regexp.Regexp
	// plain is the pattern itself, and afterAny the pattern after one
	// rune of left context, unanchored: the search that takes over when
	// anchored attempts cost too much (see run). afterAny is compiled
	// when first needed, which ordinary text never does: hundreds of
	// gates would hold megabytes of programs for nothing.
	plain    *regexp.Regexp
	afterAny func() *regexp.Regexp
}

// newStarts finds the start strings of re, or nil when some match may
// begin with anything (or with a one-byte string, which would not skip).
// raw is re parsed, parsed the same simplified.
func newStarts(re *regexp.Regexp, raw, parsed *syntax.Regexp) *starts {
	st := &starts{}
	if ps := prefixes(parsed); ps != nil && minLen(ps.strs) >= 2 {
		st.needles, st.fold = ps.strs, ps.fold
	} else if !st.leadRun(raw) {
		return nil
	}
	src := re.String()
	var err error
	if st.atText, err = regexp.Compile(`\A(?:` + src + `)`); err != nil {
		return nil
	}
	if st.afterChar, err = regexp.Compile(`\A(?s:.)(?:` + src + `)`); err != nil {
		return nil
	}
	// It compiles: afterChar, the same program anchored, did.
	st.afterAny = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s:.)(?:` + src + `)`) })
	st.plain = re
	st.needles = slices.Clone(st.needles)
	slices.Sort(st.needles)
	st.needles = slices.Compact(st.needles)
	return st
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
	if st == nil || st.fold && hasFoldRunes(s) {
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
	slices.Sort(cands)
	return st.run(s, slices.Compact(cands), n)
}

// FindAllSubmatchIndex is FindAllStringSubmatchIndex on bytes, the same as
// re.FindAllSubmatchIndex(b, n). lower is b lowered by Lower, or nil. The
// bytes are read in place: they must not change during the call.
func (g *Gate) FindAllSubmatchIndex(b, lower []byte, n int) [][]int {
	return g.FindAllStringSubmatchIndex(stringOf(b), stringOf(lower), n)
}

// hasFoldRunes reports whether s holds a rune that Unicode folds to an
// ASCII letter (the Kelvin sign, the long s): on such a text, lowering
// ASCII alone does not show every case-insensitive match.
func hasFoldRunes(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// run tries the pattern at the candidates (every position of a needle,
// sorted, without repeats) and returns the matches the unanchored pattern
// finds, at most n of them if n > 0.
//
// An anchored attempt reads on as long as the pattern could still match:
// for `curl.*?-H` on one long line, to the end of the line. Many such
// candidates that fail would each read the rest of the text, a cost
// quadratic in its size where the unanchored pattern reads it once. So
// attempts read through a counter, and what they read in vain beyond a
// few hundred bytes each (all of a failed one, past its match for one
// that succeeds) has a budget of about the text's size; past it, the
// unanchored pattern takes over from the last match. Ordinary attempts
// fail within a line and never touch the budget. Either way finds the
// same matches.
func (st *starts) run(s string, cands []int, n int) [][]int {
	var out [][]int
	pos, failed := 0, -1
	budget := attemptBudget(len(s))
	next := -1 // the follow byte's memo
	for _, k := range cands {
		if k < pos {
			continue // a match at or after pos has its needle there too
		}
		if st.follow != nil && !st.follow.near(s, k, &next) {
			continue
		}
		c := k
		if st.lead != nil {
			for c > pos && k-c < st.leadMax && s[c-1] < utf8.RuneSelf && st.lead[s[c-1]] {
				c--
			}
		}
		if c == failed {
			continue
		}
		if budget < 0 {
			return append(out, st.from(s, pos, n-len(out))...)
		}
		m, read := st.at(s, c)
		if m != nil {
			read -= m[1] - c
		}
		budget -= max(0, read-freeRead)
		if m == nil {
			failed = c
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

// freeRead is what an attempt may read in vain without counting against
// the budget (a variable for tests).
var freeRead = 512

// attemptBudget is how many bytes beyond freeRead anchored attempts may
// read in vain in a text of size n (a variable for tests, which try both
// ways on every text).
var attemptBudget = func(n int) int { return n + 4<<10 }

// at is the match of the pattern that begins at c, if any, with offsets
// in s, and how many bytes of s the attempt read. One byte of left
// context: a candidate begins a rune (a needle, or an ASCII class byte
// before one), so the byte before c is ASCII, or not a whole rune by
// itself and then read as utf8.RuneError: either way one byte long, and
// for \b and (?m)^ it tells the same as the rune the full text has there.
func (st *starts) at(s string, c int) ([]int, int) {
	re, from := st.atText, 0
	if c > 0 {
		re, from = st.afterChar, c-1
	}
	r := &countingReader{s: s[from:]}
	m := re.FindReaderSubmatchIndex(r)
	if m == nil {
		return nil, r.i
	}
	for i := range m {
		if m[i] >= 0 {
			m[i] += from
		}
	}
	m[0] = c
	return m, r.i
}

// countingReader reads a string rune by rune as the regexp package
// decodes it, and counts the bytes read.
type countingReader struct {
	s string
	i int
}

func (r *countingReader) ReadRune() (rune, int, error) {
	if r.i >= len(r.s) {
		return 0, 0, io.EOF
	}
	if c := r.s[r.i]; c < utf8.RuneSelf {
		r.i++
		return rune(c), 1, nil
	}
	ru, size := utf8.DecodeRuneInString(r.s[r.i:])
	r.i += size
	return ru, size, nil
}

// from is the unanchored pattern's matches in s that begin at or after
// pos, at most n if n > 0, as the regexp package finds them continuing
// from pos: one pass over the rest of the text.
func (st *starts) from(s string, pos, n int) [][]int {
	var out [][]int
	for pos <= len(s) && (n <= 0 || len(out) < n) {
		var m []int
		if pos == 0 {
			m = st.plain.FindStringSubmatchIndex(s)
		} else if m = st.afterAny().FindStringSubmatchIndex(s[pos-1:]); m != nil {
			// The match begins after the rune of context, decoded where
			// the search decoded it.
			_, size := utf8.DecodeRuneInString(s[pos-1+m[0]:])
			for i := range m {
				if m[i] >= 0 {
					m[i] += pos - 1
				}
			}
			m[0] += size
		}
		if m == nil {
			break
		}
		out = append(out, m)
		if m[1] == m[0] {
			break // start strings make every match non-empty; never loop
		}
		pos = m[1]
	}
	return out
}
