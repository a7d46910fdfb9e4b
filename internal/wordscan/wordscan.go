// Package wordscan finds many short words in one pass over a text.
//
// Detectors look for dozens of fixed strings per file (a catalogue's
// hosts, the triggers of a family of rules). One search per string reads
// the file once per string; an automaton reads it once but costs a table
// lookup per byte. Here a table indexed by each byte pair says whether a
// word starts there, and only then are the words with that start
// compared: one pass, a lookup per byte that seldom hits.
package wordscan

import "fmt"

// Set is a fixed set of words, each two bytes or more. It is read-only
// once made, so one Set serves every goroutine.
type Set struct {
	words []string
	// first maps a word's first two bytes to its entry in byPair (0: no
	// word starts so); byPair lists the words by number.
	first  [1 << 16]uint8
	byPair [][]int
}

// New makes a set of the words, numbered in the order given (a repeated
// word keeps its first number). Words share at most 255 distinct first
// byte pairs.
func New(words []string) (*Set, error) {
	s := &Set{byPair: [][]int{nil}}
	seen := map[string]bool{}
	for n, w := range words {
		s.words = append(s.words, w)
		if seen[w] {
			continue
		}
		seen[w] = true
		if len(w) < 2 {
			return nil, fmt.Errorf("wordscan: %q is shorter than two bytes", w)
		}
		p := pair(w[0], w[1])
		if s.first[p] == 0 {
			if len(s.byPair) > 255 {
				return nil, fmt.Errorf("wordscan: more than 255 distinct first byte pairs")
			}
			s.first[p] = uint8(len(s.byPair))
			s.byPair = append(s.byPair, nil)
		}
		s.byPair[s.first[p]] = append(s.byPair[s.first[p]], n)
	}
	return s, nil
}

// MustNew is New for words fixed in the program: an error is a defect.
func MustNew(words []string) *Set {
	s, err := New(words)
	if err != nil {
		panic(err)
	}
	return s
}

// Word is the word numbered n.
func (s *Set) Word(n int) string { return s.words[n] }

// Len is how many words the set was made of.
func (s *Set) Len() int { return len(s.words) }

func pair(a, b byte) uint16 { return uint16(a)<<8 | uint16(b) }

// Each calls found with the number and offset of every occurrence of
// every word in text, by increasing offset (words found at one offset in
// the order given to New), until found returns false.
func Each[T string | []byte](s *Set, text T, found func(n, off int) bool) {
	for i := 0; i+1 < len(text); i++ {
		k := s.first[pair(text[i], text[i+1])]
		if k == 0 {
			continue
		}
		for _, n := range s.byPair[k] {
			w := s.words[n]
			if i+len(w) <= len(text) && string(text[i:i+len(w)]) == w && !found(n, i) {
				return
			}
		}
	}
}
