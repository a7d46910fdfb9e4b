package regexgate

import (
	"regexp"
	"slices"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
)

// Set is many gates searched together. A detector that runs dozens of
// patterns over one text would search it once per needle of each gate;
// a Set finds every member's needles (and its keywords) in one pass of
// an Aho-Corasick automaton over the lowered text, then runs each
// pattern only where its matches can begin.
type Set struct {
	gates []*Gate
	keyed []bool // the member has keywords
	trie  *ahocorasick.Trie
	// byWord is, per automaton pattern (a lowered string), what an
	// occurrence of it tells.
	byWord [][]hit
}

// Member is one pattern of a Set. With Keywords, it runs only on texts
// that hold one of them, byte for byte: the caller's prefilter, tested
// in the same pass.
type Member struct {
	Re       *regexp.Regexp
	Keywords []string
}

// hit is what an occurrence of a lowered word means for one member.
type hit struct {
	member int
	kind   uint8
	// exact, if set, is the word as it must be in the text (the
	// automaton reads lowered text); unset, any case will do.
	exact string
}

const (
	hitKeyword  = iota // one of the member's keywords
	hitRequired        // one of its gate's necessary literals
	hitStart           // one of its gate's start strings
)

// NewSet builds the gates of members and the automaton over all their
// needles.
func NewSet(members []Member) *Set {
	set := &Set{gates: make([]*Gate, len(members)), keyed: make([]bool, len(members))}
	index := map[string]int{}
	var words []string
	add := func(word string, h hit) {
		lw := Lower(word)
		n, ok := index[lw]
		if !ok {
			n = len(words)
			index[lw] = n
			words = append(words, lw)
			set.byWord = append(set.byWord, nil)
		}
		set.byWord[n] = append(set.byWord[n], h)
	}
	for i, m := range members {
		g := New(m.Re)
		set.gates[i] = g
		set.keyed[i] = len(m.Keywords) > 0
		for _, k := range m.Keywords {
			add(k, hit{member: i, kind: hitKeyword, exact: k})
		}
		if !g.any {
			for _, nd := range g.needles {
				add(nd, hit{member: i, kind: hitRequired, exact: exactIf(!g.fold, nd)})
			}
		}
		if st := g.starts; st != nil {
			for _, nd := range st.needles {
				add(nd, hit{member: i, kind: hitStart, exact: exactIf(!st.fold, nd)})
			}
		}
	}
	set.trie = ahocorasick.NewTrieBuilder().AddStrings(words).Build()
	return set
}

func exactIf(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}

// Len is the number of members.
func (set *Set) Len() int { return len(set.gates) }

// Scan is one text as a Set found it: which members' keywords and
// necessary literals it holds, and where their matches can begin.
type Scan struct {
	set       *Set
	s, lower  string
	foldRunes bool // hasFoldRunes(s): folded needles do not tell
	keyword   []bool
	required  []bool
	cands     [][]int
	sorted    []bool
}

// Scan searches s once for every member. lower is Lower(s), or "" to
// have Scan lower s.
func (set *Set) Scan(s, lower string) *Scan {
	if lower == "" {
		lower = Lower(s)
	}
	n := len(set.gates)
	flags := make([]bool, 3*n) // one allocation: Scan runs per file, or per path
	sc := &Scan{set: set, s: s, lower: lower, foldRunes: hasFoldRunes(s),
		keyword: flags[:n:n], required: flags[n : 2*n : 2*n], sorted: flags[2*n:]}
	set.trie.Walk(bytesOf(lower), func(end, length, word int64) bool {
		pos := int(end - length + 1)
		for _, h := range set.byWord[word] {
			if h.exact != "" && s[pos:pos+int(length)] != h.exact {
				continue
			}
			switch h.kind {
			case hitKeyword:
				sc.keyword[h.member] = true
			case hitRequired:
				sc.required[h.member] = true
			case hitStart:
				if sc.cands == nil {
					sc.cands = make([][]int, n)
				}
				sc.cands[h.member] = append(sc.cands[h.member], pos)
			}
		}
		return true
	})
	return sc
}

// MayMatch is Gate.MayMatch for member i, and false when the text holds
// none of its keywords.
func (sc *Scan) MayMatch(i int) bool {
	g := sc.set.gates[i]
	switch {
	case sc.set.keyed[i] && !sc.keyword[i]:
		return false
	case g.any || g.fold && sc.foldRunes:
		return true
	}
	return sc.required[i]
}

// FindAllStringSubmatchIndex is, for member i, nil when the text holds
// none of its keywords, and otherwise Re.FindAllStringSubmatchIndex(s, n)
// (the same result as Gate.FindAllStringSubmatchIndex, from the needles
// the one pass found).
func (sc *Scan) FindAllStringSubmatchIndex(i, n int) [][]int {
	set := sc.set
	if set.keyed[i] && !sc.keyword[i] || n == 0 {
		return nil
	}
	g := set.gates[i]
	if g.fold && sc.foldRunes || g.starts != nil && g.starts.fold && sc.foldRunes {
		// The needles were searched in lowered text, which misses the
		// runes that fold to ASCII: the gate alone is exact here.
		return g.FindAllStringSubmatchIndex(sc.s, sc.lower, n)
	}
	if !sc.MayMatch(i) {
		return nil
	}
	if g.starts == nil {
		return g.re.FindAllStringSubmatchIndex(sc.s, n)
	}
	if sc.cands == nil {
		return nil // no start string anywhere
	}
	if !sc.sorted[i] {
		slices.Sort(sc.cands[i])
		sc.cands[i] = slices.Compact(sc.cands[i])
		sc.sorted[i] = true
	}
	return g.starts.run(sc.s, sc.cands[i], n)
}
