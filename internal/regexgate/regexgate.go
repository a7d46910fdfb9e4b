// Package regexgate keeps regular expressions off text they cannot match.
// Go's regexp has no DFA: a pattern that starts with an alternation or a
// class runs its NFA over every byte, a few MB/s. Most patterns, though,
// cannot match unless the text holds one of a few literal strings
// (`hashlib\.(md5|sha1)\(` needs "hashlib.md5(" or "hashlib.sha1("). A
// Gate finds those strings from the pattern's syntax once, and MayMatch
// tests for them with substring searches, which run at memory speed.
//
// A gate never says no when the pattern could match: when it cannot
// prove a literal necessary, it says yes.
package regexgate

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// maxSet bounds the literal sets; beyond it, products of alternations
// grow faster than they help.
const maxSet = 64

// Gate is a necessary condition for a pattern to match.
type Gate struct {
	re      *regexp.Regexp
	starts  *starts  // nil: matches may begin anywhere
	any     bool     // no literal is necessary: always run the pattern
	needles []string // the text must contain one of these (lower case if fold)
	fold    bool     // compare case-insensitively (ASCII-lowered)
}

// New builds the gate of re.
func New(re *regexp.Regexp) *Gate {
	raw, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return &Gate{re: re, any: true}
	}
	parsed := raw.Simplify()
	g := &Gate{re: re, starts: newStarts(re, raw, parsed)}
	in := analyse(parsed)
	if in.req == nil || minLen(in.req.strs) < 2 {
		g.any = true
		return g
	}
	g.needles, g.fold = in.req.strs, in.req.fold
	return g
}

// MayMatch reports whether re could match s. lower is s with ASCII
// letters lowered (see Lower), or "" to have the gate lower s itself when
// it needs to; callers testing many gates on one text pass it once.
func (g *Gate) MayMatch(s, lower string) bool {
	if g.any {
		return true
	}
	text := s
	if g.fold {
		// Text holding a rune that folds to an ASCII letter is left to
		// the pattern.
		if hasFoldRunes(s) {
			return true
		}
		if lower == "" {
			lower = Lower(s)
		}
		text = lower
	}
	for _, n := range g.needles {
		if strings.Contains(text, n) {
			return true
		}
	}
	return false
}

// Lower lowers ASCII letters only, so offsets and other bytes stay put.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// set is a finite set of strings; fold marks strings lowered for a
// case-insensitive comparison.
type set struct {
	strs []string
	fold bool
}

// info is what a sub-pattern tells: exact, every string it can match (if
// few); req, strings one of which every match contains (nil if unknown).
type info struct {
	exact *set
	req   *set
}

func analyse(re *syntax.Regexp) info {
	switch re.Op {
	case syntax.OpLiteral:
		s := literal(re)
		return info{exact: s, req: s}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return info{exact: &set{strs: []string{""}}}
	case syntax.OpCapture:
		return analyse(re.Sub[0])
	case syntax.OpCharClass:
		return info{exact: charClass(re)}
	case syntax.OpQuest:
		sub := analyse(re.Sub[0])
		if sub.exact == nil {
			return info{}
		}
		return info{exact: union(&set{strs: []string{""}}, sub.exact)}
	case syntax.OpPlus:
		return info{req: required(analyse(re.Sub[0]))}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return info{req: required(analyse(re.Sub[0]))}
		}
		return info{}
	case syntax.OpAlternate:
		var exact, req *set
		exactOK, reqOK := true, true
		for i, sub := range re.Sub {
			in := analyse(sub)
			if in.exact == nil {
				exactOK = false
			}
			r := required(in)
			if r == nil {
				reqOK = false
			}
			if i == 0 {
				exact, req = in.exact, r
				continue
			}
			if exactOK {
				exact = union(exact, in.exact)
			}
			if reqOK {
				req = union(req, r)
			}
		}
		if !exactOK {
			exact = nil
		}
		if !reqOK {
			req = nil
		}
		return info{exact: exact, req: req}
	case syntax.OpConcat:
		return concat(re.Sub)
	}
	return info{}
}

// required is what every match of a part must contain, if known.
func required(in info) *set {
	r := in.req
	if r == nil {
		r = in.exact
	}
	if r == nil || minLen(r.strs) == 0 {
		return nil
	}
	return r
}

// concat multiplies runs of exact neighbours into longer literals, and
// keeps the most selective requirement of the parts.
func concat(subs []*syntax.Regexp) info {
	var best *set
	consider := func(s *set) {
		if s != nil && minLen(s.strs) > 0 && better(s, best) {
			best = s
		}
	}
	run := &set{strs: []string{""}}
	whole := true
	for _, sub := range subs {
		in := analyse(sub)
		if in.exact != nil {
			if p := product(run, in.exact); p != nil {
				run = p
				continue
			}
		}
		consider(run)
		consider(in.req)
		whole = false
		run = in.exact
		if run == nil {
			run = &set{strs: []string{""}}
		}
	}
	consider(run)
	out := info{req: best}
	if whole {
		out.exact = run
	}
	return out
}

// better prefers the set whose shortest string is longer: a longer
// needle is rarer.
func better(a, b *set) bool {
	if b == nil {
		return true
	}
	la, lb := minLen(a.strs), minLen(b.strs)
	if la != lb {
		return la > lb
	}
	return len(a.strs) < len(b.strs)
}

func literal(re *syntax.Regexp) *set {
	s := string(re.Rune)
	if re.Flags&syntax.FoldCase != 0 {
		for _, r := range re.Rune {
			if r > unicode.MaxASCII {
				return nil // Lower folds ASCII only
			}
		}
		return &set{strs: []string{Lower(s)}, fold: true}
	}
	return &set{strs: []string{s}}
}

// charClass is the exact set of a small class ([Aa], [-_]); a class that
// is one letter in both cases is a folded literal.
func charClass(re *syntax.Regexp) *set {
	var rs []rune
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			if len(rs) == 4 || r > unicode.MaxASCII {
				return nil
			}
			rs = append(rs, r)
		}
	}
	if len(rs) == 2 && unicode.ToLower(rs[0]) == unicode.ToLower(rs[1]) && rs[0] != rs[1] {
		return &set{strs: []string{string(unicode.ToLower(rs[0]))}, fold: true}
	}
	out := &set{}
	for _, r := range rs {
		out.strs = append(out.strs, string(r))
	}
	return out
}

func union(a, b *set) *set {
	if a == nil || b == nil || len(a.strs)+len(b.strs) > maxSet {
		return nil
	}
	out := &set{fold: a.fold || b.fold}
	out.strs = append(out.strs, foldAll(a, out.fold)...)
	out.strs = append(out.strs, foldAll(b, out.fold)...)
	return out
}

func product(a, b *set) *set {
	if a == nil || b == nil || len(a.strs)*len(b.strs) > maxSet {
		return nil
	}
	out := &set{fold: a.fold || b.fold}
	for _, x := range foldAll(a, out.fold) {
		for _, y := range foldAll(b, out.fold) {
			out.strs = append(out.strs, x+y)
		}
	}
	return out
}

// foldAll lowers a set's strings when it joins a folded one: a folded
// comparison lowers the text, so every needle must be lower case.
func foldAll(s *set, fold bool) []string {
	if !fold || s.fold {
		return s.strs
	}
	out := make([]string, len(s.strs))
	for i, x := range s.strs {
		out[i] = Lower(x)
	}
	return out
}

func minLen(xs []string) int {
	if len(xs) == 0 {
		return 0
	}
	m := len(xs[0])
	for _, x := range xs[1:] {
		m = min(m, len(x))
	}
	return m
}
