package redact

import (
	"math"
	"slices"
	"strings"
	"sync"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"github.com/zricethezav/gitleaks/v8/config"

	"github.com/threatmap/threatmap/internal/leakrules"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// Text masks, with Secret, every secret-looking token in free text: a
// route path, a name, a statement, a file name, a message. A token is a
// run of letters, digits and _ + - (so "/" and "." separate tokens, and a
// route path stays readable around a key it holds). It is masked when
//   - it starts with a known key prefix (sk_live_, xoxb-, ghp_, AKIA, ...)
//     followed by at least minAfterPrefix more characters;
//   - it looks random: long, with digits, few vowels or short runs of one
//     character class, and high entropy (hex digests, commit ids and
//     UUIDs are not: they are everywhere in code and secret in no way
//     that matters here);
//   - or a gitleaks rule (other than the generic, context-only ones)
//     matches there, its keyword present and its entropy reached (in
//     text up to maxRuleText bytes).
//
// Text is idempotent: the ellipsis a mask leaves splits the token, so
// masked text is never masked again. Text with no token of gateLen
// bytes is returned as is, without allocating.
func Text(s string) string { return mask(s, find(s, true)) }

// ID masks, in an identifier threatmap built (a threat's or a surface's
// id, made from a route, a file path or a name), only what is a key by its
// form: a known key prefix or a gitleaks rule. The looks-random test is
// left out: an id is a slug of a path (secrets-config-keys-jwtrs256-key),
// which it would take for a key, and a masked id cannot be typed into
// threatmap accept or matched with threatmap.yaml. A key that is part of
// a path is still masked.
func ID(s string) string { return mask(s, find(s, false)) }

// mask replaces each span of s with its Secret mask.
func mask(s string, spans []span) string {
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp.start])
		b.WriteString(Secret(s[sp.start:sp.end]))
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// Thresholds of the token tests.
const (
	// gateLen is the shortest token worth a look: shorter text is
	// returned at once. Every prefix rule and every random token is
	// longer; the gitleaks rules run only past it too.
	gateLen = 12
	// minAfterPrefix is how much must follow a key prefix.
	minAfterPrefix = 8
	// randomLen is the fewest letters and digits a random-looking token has.
	randomLen = 20
	// randomEntropy is gitleaks' threshold for its generic rule.
	randomEntropy = 3.5
	// maxRuleText is the longest text the gitleaks rules run over. Their
	// patterns cost time in proportion to the text times the pattern, and
	// some are large: printed values are far shorter, and a longer one
	// (a hostile route literal) still gets the linear tests.
	maxRuleText = 4096
)

// keyPrefixes begin provider keys common enough to be named here, so they
// are masked even where no gitleaks rule's pattern fits (a key inside a
// route path, a truncated key). Case matters: these are how keys begin.
var keyPrefixes = []string{
	"sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_", // Stripe
	"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-", // Slack
	"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", // GitHub
	"glpat-", "glrt-", "gldt-", // GitLab
	"AKIA", "AIza", // AWS, Google
	"sk-ant-", "sk-proj-", // Anthropic, OpenAI
	"shpat_", "dop_v1_", "lin_api_", // Shopify, DigitalOcean, Linear
}

// span is a byte range of a secret in the text.
type span struct{ start, end int }

// find returns the spans to mask, sorted and not overlapping; random
// says random-looking tokens are masked too.
func find(s string, random bool) []span {
	var out []span
	digits := false // some long token holds a digit
	for i := 0; i < len(s); {
		if !isTokenByte(s[i]) {
			i++
			continue
		}
		j, d := i, false
		for j < len(s) && isTokenByte(s[j]) {
			d = d || '0' <= s[j] && s[j] <= '9'
			j++
		}
		if j-i >= gateLen {
			digits = digits || d
			if tok := s[i:j]; hasKeyPrefix(tok) || (random && d && looksRandom(tok)) {
				out = append(out, span{i, j})
			}
		}
		i = j
	}
	// The provider rules' secrets all hold digits (their patterns say so,
	// or their entropy makes it all but certain): text whose long tokens
	// hold none skips the keyword pass.
	if digits && len(s) <= maxRuleText {
		out = append(out, ruleSpans(s)...)
	}
	return merge(out)
}

func isTokenByte(c byte) bool { return tokenBytes[c] }

var tokenBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '+'
	}
	return t
}()

func hasKeyPrefix(tok string) bool {
	if !prefixStarts[tok[0]] {
		return false
	}
	for _, p := range keyPrefixes {
		if len(tok) >= len(p)+minAfterPrefix && strings.HasPrefix(tok, p) {
			return true
		}
	}
	return false
}

// prefixStarts marks the first bytes of keyPrefixes, so most tokens are
// ruled out by one lookup.
var prefixStarts = func() (t [256]bool) {
	for _, p := range keyPrefixes {
		t[p[0]] = true
	}
	return t
}()

// looksRandom tells a generated key from a name. Names are words: about
// two letters in five are vowels and same-class runs ("Request", "256")
// are long; random base62 has a vowel in five letters and runs under two
// characters. Requiring digits and entropy as well keeps identifiers
// such as TestExamplePagesGolden or Base64EncodedSha256Digest readable.
func looksRandom(tok string) bool {
	var alnum, digits, letters, vowels, runs int
	hex := true
	lowerHex, upperHex := false, false
	prev := 0
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		cl := 0
		switch {
		case '0' <= c && c <= '9':
			cl = 1
			digits++
		case 'a' <= c && c <= 'z':
			cl = 2
			letters++
			lowerHex = lowerHex || c <= 'f'
			hex = hex && c <= 'f'
		case 'A' <= c && c <= 'Z':
			cl = 3
			letters++
			upperHex = upperHex || c <= 'F'
			hex = hex && c <= 'F'
		}
		if cl == 0 {
			prev = 0
			continue
		}
		alnum++
		switch c | 0x20 {
		case 'a', 'e', 'i', 'o', 'u':
			vowels++
		}
		if cl != prev {
			runs++
		}
		prev = cl
	}
	if alnum < randomLen || digits == 0 || letters == 0 {
		return false
	}
	if hex && !(lowerHex && upperHex) {
		return false // a digest, a commit id, a UUID
	}
	fewVowels := float64(vowels) < 0.25*float64(letters)
	shortRuns := digits >= 2 && float64(alnum) < 2*float64(runs)
	if !fewVowels && !shortRuns {
		return false
	}
	return Entropy(tok) >= randomEntropy
}

// Entropy is gitleaks' Shannon entropy, bit for bit: runes counted,
// divided by the byte length, so thresholds mean what its rules mean.
func Entropy(s string) float64 {
	if s == "" {
		return 0
	}
	counts := map[rune]int{}
	for _, c := range s {
		counts[c]++
	}
	inv := 1.0 / float64(len(s))
	var e float64
	for _, n := range counts {
		f := float64(n) * inv
		e -= f * math.Log2(f)
	}
	return e
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans []span) []span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.start <= last.end {
			last.end = max(last.end, sp.end)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// textRules are the gitleaks rules worth running over printed text: each
// names a provider (the generic rules need the context of an assignment
// in code, and would mask ordinary words in prose), and none is limited
// to some file paths. Keywords go into one automaton, so a text runs only
// the rules whose keywords it holds.
type textRules struct {
	rules []config.Rule
	// gates are built on a rule's first use: most text holds few
	// keywords, and building all of them costs more than the rules' load.
	gates     []func() *regexgate.Gate
	keywords  *ahocorasick.Trie
	byKeyword [][]int
}

var loadTextRules = sync.OnceValue(func() *textRules {
	cfg, err := leakrules.Default()
	if err != nil {
		return nil // the prefix and randomness tests still run
	}
	tr := &textRules{}
	patternOf := map[string]int{}
	var patterns []string
	for _, r := range cfg.GetOrderedRules() {
		if r.Regex == nil || r.Path != nil || strings.Contains(r.RuleID, "generic") || len(r.Keywords) == 0 {
			continue
		}
		ri := len(tr.rules)
		tr.rules = append(tr.rules, r)
		tr.gates = append(tr.gates, sync.OnceValue(func() *regexgate.Gate { return regexgate.New(r.Regex) }))
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			p, ok := patternOf[k]
			if !ok {
				p = len(patterns)
				patternOf[k] = p
				patterns = append(patterns, k)
				tr.byKeyword = append(tr.byKeyword, nil)
			}
			tr.byKeyword[p] = append(tr.byKeyword[p], ri)
		}
	}
	tr.keywords = ahocorasick.NewTrieBuilder().AddStrings(patterns).Build()
	return tr
})

// ruleSpans returns where gitleaks' provider rules find a secret in s:
// the rule's secret group (or its first non-empty group, or the whole
// match), when its entropy is above the rule's threshold.
func ruleSpans(s string) []span {
	tr := loadTextRules()
	if tr == nil {
		return nil
	}
	lower := regexgate.Lower(s)
	var run []int
	for _, m := range tr.keywords.MatchString(lower) {
		run = append(run, tr.byKeyword[m.Pattern()]...)
	}
	slices.Sort(run)
	run = slices.Compact(run)
	var out []span
	for _, ri := range run {
		r := &tr.rules[ri]
		for _, m := range tr.gates[ri]().FindAllStringSubmatchIndex(s, lower, -1) {
			start, end := m[0], m[1]
			g := r.SecretGroup
			if g == 0 {
				for i := 1; i < len(m)/2; i++ {
					if m[2*i] >= 0 && m[2*i+1] > m[2*i] {
						g = i
						break
					}
				}
			}
			if g > 0 && g < len(m)/2 && m[2*g] >= 0 && m[2*g+1] > m[2*g] {
				start, end = m[2*g], m[2*g+1]
			}
			if start >= end || (r.Entropy != 0 && Entropy(s[start:end]) <= r.Entropy) {
				continue
			}
			out = append(out, span{start, end})
		}
	}
	return out
}
