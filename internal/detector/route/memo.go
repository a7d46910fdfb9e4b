package route

import (
	"regexp"
	"strings"
	"sync"
)

// memo caches a pure test of code text. A large app judges the same text
// once per route: the session check every servlet calls, the header every
// page includes, a login helper every handler reaches. Each is judged
// once per scan instead.
type memo[T any] struct {
	mu sync.Mutex
	m  map[string]T
}

// memoLimit bounds a cache: a process that scans many trees starts over
// rather than growing.
const memoLimit = 1 << 14

func (c *memo[T]) get(key string, f func(string) T) T {
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f(key)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoLimit {
		c.m = map[string]T{}
	}
	c.m[key] = v
	c.mu.Unlock()
	return v
}

// gatedRE is a long alternation run only on text that holds one of the
// words every match of it holds (compared lower-cased): searching for a
// few words costs far less than running the alternation over a large
// handler that can hold no match.
type gatedRE struct {
	*regexp.Regexp
	words []string
}

func gate(re *regexp.Regexp, words ...string) gatedRE { return gatedRE{re, words} }

func (g gatedRE) may(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range g.words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

func (g gatedRE) MatchString(s string) bool { return g.may(s) && g.Regexp.MatchString(s) }

func (g gatedRE) FindAllStringIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindAllStringIndex(s, n)
}
