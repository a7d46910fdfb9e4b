package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// A page number is no object id. A parameter whose every use the reader
// sees picks a page of a list (passed to paginate, offset, limit, skip or
// take, given as the value of a page or offset key, multiplied by a page
// size) names no record: another value shows a page of the same list.
// Judged by how the value is used, in the handler or in the function it
// is handed to, never by the parameter's name.
var (
	// pageCallee is the last name of a call that pages a list.
	pageCallee = regexp.MustCompile(`(?i)^(paginate\w*|\w*paginator|page|set_?page|for_?page|offset|limit|skip|take|setFirstResult|setMaxResults|per_?page)$`)
	// pageKey is a key or keyword, just before the value, that pages:
	// offset: (page - 1) * 20, page=page, 'page' => $page.
	pageKey = regexp.MustCompile(`(?i)['"]?\b(page|page_?(?:num(?:ber)?|no|index)|current_?page|offset|skip|take|limit|per_?page|page_?size|first_?result)['"]?\s*(?:=>|=|:)\s*$`)
	// calleeBefore is the name of the call whose bracket ends the text
	// (a grouping bracket has none; a keyword's is no call).
	calleeBefore = regexp.MustCompile(`([A-Za-z_$][\w$]*(?:\s*(?:\.|->)\s*[A-Za-z_$][\w$]*)*)\s*\($`)
	// comparedNear: an operand of an order comparison (if page < 1).
	comparedNear = regexp.MustCompile(`^\s*(?:<=|>=|<|>)|(?:<=|>=|<|>)\s*$`)
)

// pageOnly reports whether code (comments stripped) reads the variable
// name, or one holding it, only to page a list, and does so at least once.
// Declarations, assignments, logging and bounds checks say nothing either
// way; any other read (a lookup given it, a return) is not paging.
func pageOnly(code, name string) bool {
	blank := blankStrings(code)
	aliases := aliasesOf(code, name)
	paged := false
	for _, a := range aliases {
		for at := 0; at < len(blank); {
			j := wordIndex(blank[at:], a)
			if j < 0 {
				break
			}
			i := at + j
			at = i + len(a)
			switch use := pageUse(code, blank, i, len(a), aliases); use {
			case usePaging:
				paged = true
			case useOther:
				return false
			}
		}
	}
	return paged
}

const (
	useNeutral = iota
	usePaging
	useOther
)

// pageUse says what the occurrence of a variable at i (n bytes) in code
// does with it; blank is code with strings blanked.
func pageUse(code, blank string, i, n int, aliases []string) int {
	if otherAttribute(blank, i) {
		return useNeutral
	}
	after := strings.TrimLeft(blank[i+n:], " \t")
	// Declared, assigned, a keyword's or key's name (page: int = 1,
	// page = max(1, page), { page: 2 }).
	if strings.HasPrefix(after, "=") && !strings.HasPrefix(after, "==") ||
		strings.HasPrefix(after, ":") && !strings.HasPrefix(after, "::") {
		return useNeutral
	}
	ls := strings.LastIndexByte(blank[:i], '\n') + 1
	if definition.MatchString(blank[ls:i]) || strings.Contains(blank[ls:i], "function ") || strings.Contains(blank[ls:i], "def ") {
		return useNeutral // the function's own signature
	}
	// On an assignment's left: the variable given a value.
	if m := assignLHS.FindStringSubmatchIndex(blank[ls:]); m != nil && ls+m[2] <= i && i < ls+m[3] {
		return useNeutral
	}
	// The argument holding it, through grouping brackets: (page - 1) * 20.
	open, segStart := enclosingArg(blank, i)
	segEnd := argEnd(blank, i+n)
	for open >= 0 && callName(blank, open) == "" {
		end := closing(blank, open)
		if end < 0 {
			break
		}
		open, segStart = enclosingArg(blank, open)
		segEnd = argEnd(blank, end+1)
	}
	seg := blank[segStart:segEnd]
	if comparedNear.MatchString(blank[segStart:i]) || comparedNear.MatchString(blank[i+n:segEnd]) {
		return useNeutral
	}
	// Held by another alias: that variable's uses decide.
	if m := assignLHS.FindStringSubmatchIndex(blank[ls:]); m != nil && ls+m[4] <= i {
		for _, id := range identRE.FindAllString(blank[ls+m[2]:ls+m[3]], -1) {
			if contains(aliases, id) {
				return useNeutral
			}
		}
	}
	callee := ""
	if open >= 0 {
		callee = callName(blank, open)
	}
	switch {
	case callee != "" && (reportCall.MatchString(callee)):
		return useNeutral
	case callee != "" && pageCallee.MatchString(callee),
		pageKey.MatchString(code[segStart:i]),
		strings.Contains(seg, "*"):
		return usePaging
	}
	return useOther
}

// enclosingArg is the offset of the unclosed bracket the position i is
// inside ('(' only; -1 when none, or when a '{' or '[' is nearer), and
// where the argument or element holding i starts.
func enclosingArg(code string, i int) (open, segStart int) {
	depth := 0
	segStart = -1
	for k := i - 1; k >= 0; k-- {
		switch code[k] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth == 0 {
				if segStart < 0 {
					segStart = k + 1
				}
				if code[k] == '(' {
					return k, segStart
				}
				return -1, segStart
			}
			depth--
		case ',', ';', '\n':
			if depth == 0 && segStart < 0 {
				segStart = k + 1
				if code[k] == ';' {
					return -1, segStart
				}
			}
		}
	}
	if segStart < 0 {
		segStart = 0
	}
	return -1, segStart
}

// argEnd is where the argument or expression running from i ends: a
// comma or closing bracket at its level, or the line's end.
func argEnd(code string, i int) int {
	depth := 0
	for k := i; k < len(code); k++ {
		switch code[k] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return k
			}
			depth--
		case ',', ';', '\n':
			if depth == 0 {
				return k
			}
		}
	}
	return len(code)
}

// pageNumberSignals are the route's path parameters whose every lookup
// hands them to a function of the tree that only pages with them
// ($posts->findLatest($page) where findLatest passes $page to paginate):
// a page number, not an object id.
func (d *Calls) pageNumberSignals(r *facts.Route) []facts.Signal {
	if strings.TrimSpace(r.Body) == "" || len(d.bodies) == 0 {
		return nil
	}
	code := blankStrings(r.Body)
	var out []facts.Signal
	for _, p := range r.Params {
		if p.In != "" && p.In != "path" || p.Name == "" {
			continue
		}
		all, _ := paramLookups(r.Body, code, p.Name)
		if len(all) == 0 {
			continue
		}
		aliases := aliasesOf(r.Body, p.Name)
		paging := true
		for _, at := range all {
			m := callStart.FindStringSubmatchIndex(code[at:])
			if m == nil {
				paging = false
				break
			}
			callee := strings.ReplaceAll(code[at+m[2]:at+m[3]], " ", "")
			last := callee[strings.LastIndex(callee, ".")+1:]
			fn, ok := d.bodies[last]
			end := closing(code, at+m[1]-1)
			if !ok || d.allDefs[last] != 1 || end < 0 {
				paging = false
				break
			}
			found := false
			for i, a := range topArgs(code[at+m[1] : end]) {
				if readsAny(a, aliases) {
					found = i < len(fn.params) && fn.params[i] != "" && pageOnly(fn.code, fn.params[i])
					if !found {
						break
					}
				}
			}
			if !found {
				paging = false
				break
			}
		}
		if paging {
			out = append(out, facts.Signal{Kind: facts.SignalPageNumber, Detail: p.Name, Route: r.Key(),
				In: facts.SignalInHandler, Evidence: handlerLine(r, all[0])})
		}
	}
	return out
}

// callName is the last name of the call whose bracket is at open, or ""
// for a grouping bracket or a statement's (if (, return ().
func callName(code string, open int) string {
	m := calleeBefore.FindStringSubmatch(code[max(0, open-80) : open+1])
	if m == nil {
		return ""
	}
	c := strings.ReplaceAll(strings.ReplaceAll(m[1], " ", ""), "->", ".")
	last := c[strings.LastIndex(c, ".")+1:]
	if controlWord[last] {
		return ""
	}
	return last
}
