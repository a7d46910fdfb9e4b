package scan

import (
	"strings"
	"sync"

	ahocorasick "github.com/BobuSumisu/aho-corasick"

	"github.com/threatmap/threatmap/internal/detector"
)

// router decides which detectors read a file: by name first, then by one
// pass of a keyword automaton over its content.
type router struct {
	dets   []detector.Detector
	keyed  []bool // the detector has keywords, so the prefilter applies
	exempt []detector.PrefilterExempt
	// trie matches the union of every detector's keywords (each keyword
	// once); byPattern maps a trie pattern to the detectors that listed it.
	trie      *ahocorasick.Trie
	byPattern [][]int
}

// routing is one worker's scratch space, reused from file to file.
type routing struct {
	path    string
	byName  []int  // detectors whose Match accepted the path
	pending []bool // keyed detectors still waiting for a keyword hit
	run     []int  // detectors that read the file, in the detectors' order
}

func newRouter(dets []detector.Detector, prefilter bool) *router {
	rt := &router{
		dets:   dets,
		keyed:  make([]bool, len(dets)),
		exempt: make([]detector.PrefilterExempt, len(dets)),
	}
	if !prefilter {
		return rt
	}
	patternOf := map[string]int{}
	var patterns []string
	for i, d := range dets {
		k, ok := d.(detector.Keyworded)
		if !ok {
			continue
		}
		for _, kw := range k.Keywords() {
			if kw == "" {
				continue
			}
			p, seen := patternOf[kw]
			if !seen {
				p = len(patterns)
				patternOf[kw] = p
				patterns = append(patterns, kw)
				rt.byPattern = append(rt.byPattern, nil)
			}
			if n := len(rt.byPattern[p]); n == 0 || rt.byPattern[p][n-1] != i {
				rt.byPattern[p] = append(rt.byPattern[p], i)
			}
			rt.keyed[i] = true
		}
		if x, ok := d.(detector.PrefilterExempt); ok {
			rt.exempt[i] = x
		}
	}
	if len(patterns) > 0 {
		rt.trie = trieFor(patterns)
	}
	return rt
}

// tries caches automata by their pattern list: detectors are fresh for
// every scan but their keywords are not, and building the automaton costs
// more than scanning a small tree.
var tries sync.Map // string (patterns joined by NUL) -> *ahocorasick.Trie

func trieFor(patterns []string) *ahocorasick.Trie {
	key := strings.Join(patterns, "\x00")
	if t, ok := tries.Load(key); ok {
		return t.(*ahocorasick.Trie)
	}
	t, _ := tries.LoadOrStore(key, ahocorasick.NewTrieBuilder().AddStrings(patterns).Build())
	return t.(*ahocorasick.Trie)
}

// byName records the detectors whose Match accepts path and reports
// whether there is any: a file nobody wants is never read.
func (rt *router) byName(path string, r *routing) bool {
	r.path = path
	r.byName = r.byName[:0]
	for i, d := range rt.dets {
		if d.Match(path) {
			r.byName = append(r.byName, i)
		}
	}
	return len(r.byName) > 0
}

// byContent returns, among the detectors byName kept, those that read
// data: the ones without keywords or exempt for this path, and the keyed
// ones whose keyword occurs in it. The automaton stops as soon as every
// keyed detector has had its hit.
func (rt *router) byContent(data []byte, r *routing) []int {
	if len(r.pending) != len(rt.dets) {
		r.pending = make([]bool, len(rt.dets))
	}
	waiting := 0
	for _, i := range r.byName {
		if rt.keyed[i] && (rt.exempt[i] == nil || !rt.exempt[i].Exempt(r.path)) {
			r.pending[i] = true
			waiting++
		}
	}
	if waiting > 0 {
		rt.trie.Walk(data, func(_, _, pattern int64) bool {
			for _, i := range rt.byPattern[pattern] {
				if r.pending[i] {
					r.pending[i] = false
					waiting--
				}
			}
			return waiting > 0
		})
	}
	r.run = r.run[:0]
	for _, i := range r.byName {
		if r.pending[i] {
			r.pending[i] = false // no hit: skipped, and clean for the next file
			continue
		}
		r.run = append(r.run, i)
	}
	return r.run
}
