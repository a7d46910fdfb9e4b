package source

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreList is the patterns of one .gitignore (or of the exclude list),
// all under one domain (the folder the file is in). It answers exactly as
// go-git's gitignore matcher does, but indexes the shapes real files are
// made of, so that a path costs time in proportion to its length rather
// than to the number of patterns: names (".env", "build/"), *suffix,
// prefix*, **/name, and paths whose leading parts are literal
// ("/docs/", "web/*.map"). Other patterns are tried one by one.
type ignoreList struct {
	domain []string
	// include[i] says pattern i is a negation (!pattern).
	include []bool

	// The best (highest-numbered) pattern whose only part equals a path
	// element, ends it, or starts it.
	names, suffixes, prefixes map[string]best
	// Patterns with a slash, by their leading literal parts.
	paths *pathNode
	// The rest, in increasing order.
	others []numbered
}

// best holds the highest pattern index that matches an element: any of
// them, or only those not restricted to folders (none: -1).
type best struct{ any, notDirOnly int }

type pathNode struct {
	next map[string]*pathNode
	// Literal patterns ending here.
	end best
	// Patterns whose literal parts end here and that go on with a glob:
	// tried in full once the path has come this far.
	rest []numbered
}

type numbered struct {
	index   int
	pattern gitignore.Pattern // with no domain: matched against the path below it
}

const none = -1

func (b *best) add(i int, dirOnly bool) {
	b.any = max(b.any, i)
	if !dirOnly {
		b.notDirOnly = max(b.notDirOnly, i)
	}
}

// pick is the best that holds for an element at the end of the path
// (last) of a file or folder.
func (b best) pick(last, isDir bool) int {
	if last && !isDir {
		return b.notDirOnly
	}
	return b.any
}

func addBest(m map[string]best, key string, i int, dirOnly bool) {
	b, ok := m[key]
	if !ok {
		b = best{none, none}
	}
	b.add(i, dirOnly)
	m[key] = b
}

// newIgnoreList indexes patterns, lowest priority first, as written in a
// .gitignore in the folder domain (nil at the root).
func newIgnoreList(patterns []string, domain []string) *ignoreList {
	l := &ignoreList{
		domain:   append([]string(nil), domain...),
		include:  make([]bool, len(patterns)),
		names:    map[string]best{},
		suffixes: map[string]best{},
		prefixes: map[string]best{},
		paths:    &pathNode{end: best{none, none}},
	}
	for i, raw := range patterns {
		// What go-git's ParsePattern does, step by step.
		p := raw
		if strings.HasPrefix(p, "!") {
			l.include[i] = true
			p = p[1:]
		}
		if !strings.HasSuffix(p, "\\ ") {
			p = strings.TrimRight(p, " ")
		}
		dirOnly := strings.HasSuffix(p, "/")
		if dirOnly {
			p = p[:len(p)-1]
		}
		parts := strings.Split(p, "/")
		if len(parts) == 1 {
			l.addName(parts[0], i, dirOnly, raw)
			continue
		}
		l.addPath(parts, i, dirOnly, raw)
	}
	return l
}

// addName indexes a pattern without a slash, which go-git matches against
// every element of the path (filepath.Match).
func (l *ignoreList) addName(p string, i int, dirOnly bool, raw string) {
	switch {
	case !hasMeta(p):
		addBest(l.names, p, i, dirOnly)
	case p[0] == '*' && !hasMeta(strings.TrimLeft(p, "*")):
		addBest(l.suffixes, strings.TrimLeft(p, "*"), i, dirOnly)
	case p[len(p)-1] == '*' && !hasMeta(strings.TrimRight(p, "*")):
		addBest(l.prefixes, strings.TrimRight(p, "*"), i, dirOnly)
	default:
		l.others = append(l.others, numbered{i, gitignore.ParsePattern(raw, nil)})
	}
}

// addPath indexes a pattern with a slash. go-git skips empty parts, and
// without "**" matches the parts against the leading elements of the path
// in order; "**/name" matches as the name alone would.
func (l *ignoreList) addPath(parts []string, i int, dirOnly bool, raw string) {
	lead := 0
	for lead < len(parts) && parts[lead] == "" {
		lead++
	}
	if len(parts)-lead == 2 && parts[lead] == "**" && !strings.Contains(parts[lead+1], "**") && parts[lead+1] != "" {
		l.addName(parts[lead+1], i, dirOnly, raw)
		return
	}
	for _, p := range parts {
		if strings.Contains(p, "**") {
			l.others = append(l.others, numbered{i, gitignore.ParsePattern(raw, nil)})
			return
		}
	}
	n := l.paths
	depth := 0
	for _, p := range parts {
		if p == "" {
			continue
		}
		if hasMeta(p) {
			if depth == 0 {
				l.others = append(l.others, numbered{i, gitignore.ParsePattern(raw, nil)})
			} else {
				n.rest = append(n.rest, numbered{i, gitignore.ParsePattern(raw, nil)})
			}
			return
		}
		child := n.next[p]
		if child == nil {
			if n.next == nil {
				n.next = map[string]*pathNode{}
			}
			child = &pathNode{end: best{none, none}}
			n.next[p] = child
		}
		n = child
		depth++
	}
	if depth > 0 { // a pattern of empty parts matches nothing
		n.end.add(i, dirOnly)
	}
}

// hasMeta reports whether filepath.Match would read p as more than
// literal text.
func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[\`) }

// match returns the highest-numbered pattern that matches path (relative
// to the root) and whether it ignores it; none when no pattern matches.
func (l *ignoreList) match(path []string, isDir bool) (int, bool) {
	if len(path) <= len(l.domain) {
		return none, false
	}
	for i, d := range l.domain {
		if path[i] != d {
			return none, false
		}
	}
	rel := path[len(l.domain):]
	top := none
	for j, e := range rel {
		last := j == len(rel)-1
		if b, ok := l.names[e]; ok {
			top = max(top, b.pick(last, isDir))
		}
		if len(l.suffixes) > 0 {
			for k := 0; k <= len(e); k++ {
				if b, ok := l.suffixes[e[k:]]; ok {
					top = max(top, b.pick(last, isDir))
				}
			}
		}
		if len(l.prefixes) > 0 {
			for k := 0; k <= len(e); k++ {
				if b, ok := l.prefixes[e[:k]]; ok {
					top = max(top, b.pick(last, isDir))
				}
			}
		}
	}
	n := l.paths
	for j, e := range rel {
		if n = n.next[e]; n == nil {
			break
		}
		top = max(top, n.end.pick(j == len(rel)-1, isDir))
		top = tryFrom(n.rest, top, rel, isDir)
	}
	top = tryFrom(l.others, top, rel, isDir)
	if top == none {
		return none, false
	}
	return top, !l.include[top]
}

// tryFrom runs the patterns numbered above top, highest first, and returns
// the first that matches, or top.
func tryFrom(ps []numbered, top int, rel []string, isDir bool) int {
	for k := len(ps) - 1; k >= 0 && ps[k].index > top; k-- {
		if ps[k].pattern.Match(rel, isDir) != gitignore.NoMatch {
			return ps[k].index
		}
	}
	return top
}

// ignoreStack is the .gitignore files that apply in a folder, the root's
// first: a later file overrides an earlier one.
type ignoreStack []*ignoreList

// Match reports whether path (relative to the root, one element per
// folder) is ignored.
func (s ignoreStack) Match(path []string, isDir bool) bool {
	for i := len(s) - 1; i >= 0; i-- {
		if top, ignored := s[i].match(path, isDir); top != none {
			return ignored
		}
	}
	return false
}
