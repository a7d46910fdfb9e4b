package secret

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"github.com/zricethezav/gitleaks/v8/config"

	"github.com/threatmap/threatmap/internal/leakrules"
	"github.com/threatmap/threatmap/internal/redact"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// Window sizes around a keyword hit, in lines. Gitleaks runs every rule
// whose keyword occurs anywhere in a file over the whole file; here a rule
// runs only on the lines around its keyword hits, which is what makes a
// large tree fast. Rules whose pattern spans lines (private keys, curl
// commands, Kubernetes secrets) get a wider window.
const (
	linesBefore          = 2
	linesAfter           = 2
	multilineLinesBefore = 30
	multilineLinesAfter  = 200
)

// ruleset is gitleaks' default rule set, compiled once per process.
type ruleset struct {
	rules     []config.Rule
	multiline []bool
	// gates run the rules only where a match can begin, when their
	// patterns say where that is: before an identifier for the rules
	// that begin with a class repeat (generic-api-key, jfrog), at a
	// prefix for others (facebook's EAA, vault's hvs.).
	gates  []*regexgate.Gate
	global []*config.Allowlist
	// globalPaths is, per global allowlist, its path pattern split.
	globalPaths []pathAlternatives
	// keywords is one automaton over every rule's keywords (lower case);
	// byKeyword maps an automaton pattern to the rules that listed it.
	keywords  *ahocorasick.Trie
	byKeyword [][]int
	// codeWordOf is, per automaton pattern, the index in codeWords of
	// the word it also is, or -1: the same pass finds the location
	// rules' words.
	codeWordOf []int
	// unkeyed rules have a regex but no keyword: they see the whole file.
	unkeyed []int
}

// loadRules compiles gitleaks' embedded default configuration, once per
// process.
var loadRules = sync.OnceValues(loadRulesUncached)

func loadRulesUncached() (*ruleset, error) {
	cfg, err := leakrules.Default()
	if err != nil {
		return nil, err
	}
	return newRuleset(cfg), nil
}

func newRuleset(cfg config.Config) *ruleset {
	rs := &ruleset{global: cfg.Allowlists}
	for _, a := range rs.global {
		rs.globalPaths = append(rs.globalPaths, newPathAlternatives(a.Paths))
	}
	patternOf := map[string]int{}
	var patterns []string
	for _, r := range cfg.GetOrderedRules() {
		if r.Regex == nil || r.SkipReport {
			// Path-only rules flag binary files (.p12) the walk never
			// hands to detectors; skip-report rules only feed others.
			continue
		}
		i := len(rs.rules)
		rs.rules = append(rs.rules, r)
		rs.multiline = append(rs.multiline, spansLines(r.Regex.String()))
		rs.gates = append(rs.gates, regexgate.New(r.Regex))
		if len(r.Keywords) == 0 {
			rs.unkeyed = append(rs.unkeyed, i)
			continue
		}
		for _, k := range r.Keywords {
			k = asciiLower(k)
			p, ok := patternOf[k]
			if !ok {
				p = len(patterns)
				patternOf[k] = p
				patterns = append(patterns, k)
				rs.byKeyword = append(rs.byKeyword, nil)
			}
			rs.byKeyword[p] = append(rs.byKeyword[p], i)
		}
	}
	rs.codeWordOf = slices.Repeat([]int{-1}, len(patterns))
	for w, cw := range codeWords {
		p, ok := patternOf[cw.word]
		if !ok {
			p = len(patterns)
			patterns = append(patterns, cw.word)
			rs.byKeyword = append(rs.byKeyword, nil)
			rs.codeWordOf = append(rs.codeWordOf, -1)
		}
		rs.codeWordOf[p] = w
	}
	rs.keywords = ahocorasick.NewTrieBuilder().AddStrings(patterns).Build()
	return rs
}

// spansLines reports whether a rule's pattern can match across lines.
func spansLines(re string) bool {
	for _, s := range []string{`\s\S`, `(?s`, `\n`, `\r`} {
		if strings.Contains(re, s) {
			return true
		}
	}
	return false
}

// pathAllowed reports whether the global allowlist excludes a whole file
// (lock files, images, vendored code). Match asks for every path, and the
// allowlist's joined pattern runs its NFA, thousands of instructions,
// over all of it: here each alternative of that pattern runs alone, and
// only on paths that hold a literal it needs.
func (rs *ruleset) pathAllowed(path string) bool {
	lower := regexgate.Lower(path)
	for i, a := range rs.global {
		if a.MatchCondition != config.AllowlistMatchOr {
			continue
		}
		if ps := rs.globalPaths[i]; ps.set != nil && ps.match(path, lower) || ps.set == nil && a.PathAllowed(path) {
			return true
		}
	}
	return false
}

// pathAlternatives is an allowlist's path pattern as gitleaks runs it,
// split into its alternatives, all gated in one pass over the path.
type pathAlternatives struct{ set *regexgate.Set }

// newPathAlternatives splits the pattern Allowlist.PathAllowed runs.
// Gitleaks joins the paths as p1|p2|... without groups, so a flag one
// sets, (?i), holds for the paths after it too: the alternatives are
// those of that same joined text, parsed, so that one matches exactly
// where the joined pattern does. A nil set leaves the decision to
// PathAllowed.
func newPathAlternatives(paths []*regexp.Regexp) pathAlternatives {
	if len(paths) == 0 {
		return pathAlternatives{}
	}
	srcs := make([]string, len(paths))
	for i, p := range paths {
		srcs[i] = p.String()
	}
	parsed, err := syntax.Parse("(?:"+strings.Join(srcs, "|")+")", syntax.Perl)
	if err != nil {
		return pathAlternatives{}
	}
	alts := []*syntax.Regexp{parsed}
	if parsed.Op == syntax.OpAlternate {
		alts = parsed.Sub
	}
	ms := make([]regexgate.Member, len(alts))
	for i, alt := range alts {
		re, err := regexp.Compile(alt.String())
		if err != nil {
			return pathAlternatives{}
		}
		ms[i] = regexgate.Member{Re: re}
	}
	return pathAlternatives{regexgate.NewSet(ms)}
}

// match reports whether an alternative matches path; lower is
// regexgate.Lower(path).
func (ps pathAlternatives) match(path, lower string) bool {
	sc := ps.set.Scan(path, lower)
	for i := range ps.set.Len() {
		if sc.FindAllStringSubmatchIndex(i, 1) != nil {
			return true
		}
	}
	return false
}

// span is a byte range of a file.
type span struct{ start, end int }

// lines indexes a file's line starts for offset→line lookups, and keeps
// what the candidates ask of their lines: many candidates on one long
// line would otherwise each copy and search all of it.
type lines struct {
	data   []byte
	starts []int
	texts  map[span]*lineText // by first and last 1-based line
	firsts map[int]int        // 1-based line -> offset of its first non-space
}

// lineText is the text of one or more whole lines, and what was found in
// it.
type lineText struct {
	text   string
	marked int8                       // holds "gitleaks:allow": 0 not asked yet, 1 no, 2 yes
	regex  map[*config.Allowlist]bool // a line-target allowlist's regexes matched
}

func newLines(data []byte) *lines {
	starts := make([]int, 1, bytes.Count(data, []byte{'\n'})+1)
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lines{data: data, starts: starts}
}

// line is the 1-based line of an offset.
func (l *lines) line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// bounds is the byte range of 1-based line n, without its newline.
func (l *lines) bounds(n int) span {
	if n < 1 {
		n = 1
	}
	if n > len(l.starts) {
		n = len(l.starts)
	}
	s := l.starts[n-1]
	e := len(l.data)
	if n < len(l.starts) {
		e = l.starts[n] - 1
	}
	return span{s, e}
}

// textOf is the lines spanning [start, end), copied once per file.
func (l *lines) textOf(start, end int) *lineText {
	key := span{l.line(start), l.line(max(start, end-1))}
	if t := l.texts[key]; t != nil {
		return t
	}
	t := &lineText{text: string(l.data[l.bounds(key.start).start:l.bounds(key.end).end])}
	if l.texts == nil {
		l.texts = map[span]*lineText{}
	}
	l.texts[key] = t
	return t
}

// allowMarked reports "gitleaks:allow" in the lines.
func (t *lineText) allowMarked() bool {
	if t.marked == 0 {
		t.marked = 1
		if strings.Contains(t.text, "gitleaks:allow") {
			t.marked = 2
		}
	}
	return t.marked == 2
}

// regexAllowed is a.RegexAllowed(t.text), asked once per allowlist.
func (t *lineText) regexAllowed(a *config.Allowlist) bool {
	ok, seen := t.regex[a]
	if !seen {
		ok = a.RegexAllowed(t.text)
		if t.regex == nil {
			t.regex = map[*config.Allowlist]bool{}
		}
		t.regex[a] = ok
	}
	return ok
}

// firstNonSpace is the offset of the first byte of line n that is not
// Unicode white space (the end of the line if none is).
func (l *lines) firstNonSpace(n int) int {
	if f, ok := l.firsts[n]; ok {
		return f
	}
	b := l.bounds(n)
	line := l.data[b.start:b.end]
	f := b.end - len(bytes.TrimLeftFunc(line, unicode.IsSpace))
	if l.firsts == nil {
		l.firsts = map[int]int{}
	}
	l.firsts[n] = f
	return f
}

// windows finds where each rule must run: the lines around its keyword
// hits, merged so that no byte is searched twice by the same rule. If
// words is not nil, the same pass records the code words in it.
func (rs *ruleset) windows(l *lines, lower []byte, words *codeHits) map[int][]span {
	out := map[int][]span{}
	add := func(rule, off int) {
		n := l.line(off)
		before, after := linesBefore, linesAfter
		if rs.multiline[rule] {
			before, after = multilineLinesBefore, multilineLinesAfter
		}
		w := span{l.bounds(n - before).start, l.bounds(n + after).end}
		ws := out[rule]
		// Hits arrive in file order, so a window can only overlap the last.
		if k := len(ws) - 1; k >= 0 && w.start <= ws[k].end {
			ws[k].end = max(ws[k].end, w.end)
			return
		}
		out[rule] = append(ws, w)
	}
	src := stringOf(l.data)
	rs.keywords.Walk(lower, func(end, n, pattern int64) bool {
		at := int(end - n + 1)
		for _, rule := range rs.byKeyword[pattern] {
			add(rule, at)
		}
		if words != nil {
			if w := rs.codeWordOf[pattern]; w >= 0 {
				words.add(src, w, at)
			}
		}
		return true
	})
	if words != nil {
		words.finish()
	}
	for _, rule := range rs.unkeyed {
		out[rule] = []span{{0, len(l.data)}}
	}
	return out
}

// find runs the rules over one file and returns what they match, after
// entropy and allowlists, exactly as gitleaks would judge each match.
func (rs *ruleset) find(path string, data []byte) []candidate {
	return rs.findIn(path, newText(data), nil)
}

// findIn is find on a file already lowered; if words is not nil, it also
// records the code words there.
func (rs *ruleset) findIn(path string, t *text, words *codeHits) []candidate {
	l := newLines(t.data)
	var out []candidate
	for ri, ws := range rs.windows(l, t.lower, words) {
		r := &rs.rules[ri]
		if r.Path != nil && !r.Path.MatchString(path) {
			continue
		}
		if rulePathAllowed(r.Allowlists, path) {
			continue
		}
		for _, w := range ws {
			for _, m := range rs.match(ri, t, w) {
				if c, ok := rs.judge(r, l, path, w.start, m); ok {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// text is one file as the rules search it: its bytes, and lowered.
type text struct {
	data, lower []byte
}

func newText(data []byte) *text {
	return &text{data: data, lower: asciiLowerBytes(data)}
}

// match is the rule's FindAllSubmatchIndex on the window w of t, found
// the cheapest way that gives the same result.
func (rs *ruleset) match(ri int, t *text, w span) [][]int {
	return rs.gates[ri].FindAllSubmatchIndex(t.data[w.start:w.end], t.lower[w.start:w.end], -1)
}

// judge turns one regex match into a candidate, or rejects it.
func (rs *ruleset) judge(r *config.Rule, l *lines, path string, base int, m []int) (candidate, bool) {
	start, end := base+m[0], base+m[1]
	// Gitleaks trims the newlines a pattern may swallow at either end.
	for end > start && l.data[end-1] == '\n' {
		end--
	}
	for start < end && l.data[start] == '\n' {
		start++
	}
	if start >= end {
		return candidate{}, false
	}
	match := string(l.data[start:end])
	sStart, sEnd := start, end
	if n := len(m) / 2; n > 1 {
		g := r.SecretGroup
		if g == 0 {
			for i := 1; i < n; i++ {
				if m[2*i] >= 0 && m[2*i+1] > m[2*i] {
					g = i
					break
				}
			}
		}
		if g > 0 && g < n {
			if m[2*g] < 0 || m[2*g+1] <= m[2*g] {
				return candidate{}, false
			}
			sStart, sEnd = base+m[2*g], base+m[2*g+1]
		}
	}
	secret := string(l.data[sStart:sEnd])
	line := l.textOf(start, end)
	if line.allowMarked() {
		return candidate{}, false
	}
	if r.Entropy != 0 && redact.Entropy(secret) <= r.Entropy {
		return candidate{}, false
	}
	if findingAllowed(rs.global, path, secret, match, line) || findingAllowed(r.Allowlists, path, secret, match, line) {
		return candidate{}, false
	}
	return candidate{
		rule:        r.RuleID,
		description: r.Description,
		start:       sStart,
		end:         sEnd,
		secret:      secret,
		priority:    rulePriority(r.RuleID),
	}, true
}

// rulePathAllowed applies a rule's path-only allowlists to a whole file.
func rulePathAllowed(as []*config.Allowlist, path string) bool {
	for _, a := range as {
		if len(a.Paths) == 0 || !a.PathAllowed(path) {
			continue
		}
		if a.MatchCondition == config.AllowlistMatchOr {
			return true
		}
		// An AND allowlist on path alone (no commits here, so a commit
		// condition never holds) is decided per finding.
		if len(a.Regexes) == 0 && len(a.StopWords) == 0 && len(a.Commits) == 0 {
			return true
		}
	}
	return false
}

// findingAllowed mirrors gitleaks' checkFindingAllowed for a scan of a
// working tree (no commits).
func findingAllowed(as []*config.Allowlist, path, secret, match string, line *lineText) bool {
	for _, a := range as {
		var regexOK bool
		switch a.RegexTarget {
		case "match":
			regexOK = a.RegexAllowed(match)
		case "line":
			regexOK = line.regexAllowed(a)
		default:
			regexOK = a.RegexAllowed(secret)
		}
		stopOK, _ := a.ContainsStopWord(secret)
		if a.MatchCondition == config.AllowlistMatchAnd {
			checks := []bool{}
			if len(a.Commits) > 0 {
				checks = append(checks, false)
			}
			if len(a.Paths) > 0 {
				checks = append(checks, a.PathAllowed(path))
			}
			if len(a.Regexes) > 0 {
				checks = append(checks, regexOK)
			}
			if len(a.StopWords) > 0 {
				checks = append(checks, stopOK)
			}
			all := true
			for _, c := range checks {
				all = all && c
			}
			if all {
				return true
			}
			continue
		}
		if regexOK || stopOK {
			return true
		}
	}
	return false
}

// asciiLower lowers ASCII letters only, so byte offsets do not move.
func asciiLower(s string) string { return string(asciiLowerBytes([]byte(s))) }

func asciiLowerBytes(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
