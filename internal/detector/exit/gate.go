package exit

import (
	"fmt"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
	"github.com/threatmap/threatmap/internal/wordscan"
)

// triggerGate finds, in one pass over a file, which lines hold a trigger
// of which rules of one language. Most lines hold none: find then skips
// them without stripping comments or testing any rule, instead of
// searching every line for every trigger of every rule.
//
// It marks a line when its raw text holds a trigger; find still tests the
// rule's triggers on the line without its comment, so the gate only has
// to keep every line a rule can match, which it does: the line without
// its comment is a prefix of the raw line.
type triggerGate struct {
	rules    []*rule // the language's rules, in order: bit i of a mask is rules[i]
	triggers *wordscan.Set
	ruleBits []uint64 // per trigger: the rules (bits) it belongs to
}

func newTriggerGate(l lang.Lang) *triggerGate {
	g := &triggerGate{}
	var words []string
	index := map[string]int{} // trigger -> its number
	for i := range rules {
		r := &rules[i]
		if r.lang != l {
			continue
		}
		bit := uint64(1) << len(g.rules)
		g.rules = append(g.rules, r)
		if len(g.rules) > 64 {
			panic(fmt.Sprintf("exit: more than 64 rules for %v", l))
		}
		for _, t := range r.triggers {
			if strings.Contains(t, "\n") {
				panic(fmt.Sprintf("exit: trigger %q must be on one line", t))
			}
			if k, ok := index[t]; ok {
				g.ruleBits[k] |= bit
				continue
			}
			index[t] = len(words)
			words = append(words, t)
			g.ruleBits = append(g.ruleBits, bit)
		}
	}
	g.triggers = wordscan.MustNew(words)
	return g
}

// masks returns, per line of src (split at '\n'), the rules of which the
// line holds a trigger, and the offset where each line starts. Triggers
// hold no newline, so each occurrence lies on one line.
func (g *triggerGate) masks(src string) (masks []uint64, starts []int) {
	n := strings.Count(src, "\n") + 1
	masks, starts = make([]uint64, n), make([]int, n)
	for line, from := 1, 0; line < n; line++ {
		k := strings.IndexByte(src[from:], '\n')
		from += k + 1
		starts[line] = from
	}
	line := 0
	wordscan.Each(g.triggers, src, func(t, off int) bool {
		for line+1 < n && starts[line+1] <= off {
			line++
		}
		masks[line] |= g.ruleBits[t]
		return true
	})
	return masks, starts
}

// gates are built on first use, with each rule's regex gate: together they
// cost a few milliseconds that commands scanning nothing should not pay at
// start.
var gates = sync.OnceValue(func() map[lang.Lang]*triggerGate {
	for i := range rules {
		rules[i].gate = regexgate.New(rules[i].first)
	}
	return map[lang.Lang]*triggerGate{
		langPython: newTriggerGate(langPython),
		langJS:     newTriggerGate(langJS),
		langGo:     newTriggerGate(langGo),
		langRuby:   newTriggerGate(langRuby),
		langCSharp: newTriggerGate(langCSharp),
	}
})
