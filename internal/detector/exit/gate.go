package exit

import (
	"fmt"
	"strings"
)

// triggerGate finds, in one pass over a file, which lines hold a trigger
// of which rules of one language. Most lines hold none: find then skips
// them without stripping comments or testing any rule, instead of
// searching every line for every trigger of every rule.
//
// The pass looks at each byte pair once: a table says whether a trigger
// starts with that pair, and only then are those triggers compared. It
// marks a line when its raw text holds a trigger; find still tests the
// rule's triggers on the line without its comment, so the gate only has
// to keep every line a rule can match, which it does: the line without
// its comment is a prefix of the raw line.
type triggerGate struct {
	rules []*rule // the language's rules, in order: bit i of a mask is rules[i]
	// first maps a trigger's first two bytes to its entry in byPair
	// (0: no trigger starts so).
	first  [1 << 16]uint8
	byPair [][]gateTrigger
}

type gateTrigger struct {
	text  string
	rules uint64 // the rules (bits) the trigger belongs to
}

func newTriggerGate(l lang) *triggerGate {
	g := &triggerGate{byPair: [][]gateTrigger{nil}}
	index := map[string]int{} // trigger -> position in byPair[pair]
	for i := range rules {
		r := &rules[i]
		if r.lang != l {
			continue
		}
		bit := uint64(1) << len(g.rules)
		g.rules = append(g.rules, r)
		if len(g.rules) > 64 {
			panic(fmt.Sprintf("exit: more than 64 rules for language %d", l))
		}
		for _, t := range r.triggers {
			if len(t) < 2 || strings.Contains(t, "\n") {
				panic(fmt.Sprintf("exit: trigger %q must be two bytes or more on one line", t))
			}
			p := pair(t[0], t[1])
			if g.first[p] == 0 {
				if len(g.byPair) > 255 {
					panic("exit: too many trigger prefixes")
				}
				g.first[p] = uint8(len(g.byPair))
				g.byPair = append(g.byPair, nil)
			}
			list := &g.byPair[g.first[p]]
			if k, ok := index[t]; ok {
				(*list)[k].rules |= bit
				continue
			}
			index[t] = len(*list)
			*list = append(*list, gateTrigger{text: t, rules: bit})
		}
	}
	return g
}

func pair(a, b byte) uint16 { return uint16(a)<<8 | uint16(b) }

// masks returns, per line of src (split at '\n'), the rules of which the
// line holds a trigger, and the offset where each line starts. Triggers
// are two bytes or more and hold no newline, so each occurrence lies on
// one line.
func (g *triggerGate) masks(src string) (masks []uint64, starts []int) {
	n := strings.Count(src, "\n") + 1
	masks, starts = make([]uint64, n), make([]int, n)
	for line, from := 0, 0; line < n; line++ {
		end := len(src)
		if k := strings.IndexByte(src[from:], '\n'); k >= 0 {
			end = from + k
		}
		starts[line] = from
		// The pair at the last byte of a line ends in '\n', which no
		// trigger holds: the loop needs no newline test.
		var mask uint64
		for i := from; i < min(end, len(src)-1); i++ {
			k := g.first[pair(src[i], src[i+1])]
			if k == 0 {
				continue
			}
			for _, t := range g.byPair[k] {
				if strings.HasPrefix(src[i:], t.text) {
					mask |= t.rules
				}
			}
		}
		masks[line] = mask
		from = end + 1
	}
	return masks, starts
}

var gates = map[lang]*triggerGate{
	langPython: newTriggerGate(langPython),
	langJS:     newTriggerGate(langJS),
	langGo:     newTriggerGate(langGo),
}
