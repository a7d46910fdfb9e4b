package secret

import (
	"slices"
	"strings"
	"unsafe"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
)

// The location rules in code each began with searches of their own: a
// substring search per start string of each pattern, per word of each
// window, then the patterns' NFAs. Here one pass of an automaton over the
// lowered file finds every word any of them needs, and small matchers,
// each the exact equivalent of the pattern it replaces (the patterns are
// kept in the tests, which compare the two on any text), run only where
// those words are.

// wordUse is what an occurrence of a code word tells.
type wordUse uint8

const (
	useSigningName wordUse = iota // a signing key's name can be near
	useEnv                        // a call that reads a variable can end here
	useConfig                     // the same, for config(...)
	useKeyCall                    // a call that takes a key can begin here
	useJSEnv                      // process.env or import.meta.env can begin here
	useGoGetenv                   // os.Getenv( can begin here
)

// codeWords are lowered; the matchers check the case the rules need.
var codeWords = []struct {
	word string
	use  wordUse
}{
	{"secret", useSigningName},
	{"key", useSigningName},
	{"env", useEnv},
	{"config", useConfig},
	// Every name keyCallAt knows begins with one of these.
	{"jwt.", useKeyCall},
	{"signedstring", useKeyCall},
	{"cookieparser", useKeyCall},
	{"createhmac", useKeyCall},
	{"hmac.new", useKeyCall},
	{"expresssession", useKeyCall},
	{"cookiesession", useKeyCall},
	{"session", useKeyCall},
	{"add_middleware", useKeyCall},
	{"symmetricsecuritykey", useKeyCall},
	{"hmacshakeyfor", useKeyCall},
	{"process.env", useJSEnv},
	{"import.meta.env", useJSEnv},
	{"os.getenv(", useGoGetenv},
}

var codeWordTrie = func() *ahocorasick.Trie {
	words := make([]string, len(codeWords))
	for i, w := range codeWords {
		words[i] = w.word
	}
	return ahocorasick.NewTrieBuilder().AddStrings(words).Build()
}()

// codeHits are the positions of the code words in one file, each list
// sorted.
type codeHits struct {
	signingNames []int // "secret", "key", any case
	envs         []int // "env", any case
	configs      []int // "config", any case
	keyCalls     []int // where keyCallAt may match
	jsEnvs       []int // where jsEnvFallbackAt may match
	goGetenvs    []int // os.Getenv( as written
	// envWord and configCall are envFallbacks' first test: env, ENV or
	// Env, or config( as written.
	envWord, configCall bool
}

// findCodeWords searches src once; lower is src with ASCII letters
// lowered. Detect has the secret rules' automaton find the same words in
// its own pass (see ruleset.windows); this one is for a file on its own.
func findCodeWords(src, lower string) *codeHits {
	h := &codeHits{}
	codeWordTrie.Walk(bytesOf(lower), func(end, n, word int64) bool {
		h.add(src, int(word), int(end-n+1))
		return true
	})
	h.finish()
	return h
}

// add records code word w (an index of codeWords) at offset at of src.
func (h *codeHits) add(src string, w, at int) {
	switch codeWords[w].use {
	case useSigningName:
		h.signingNames = append(h.signingNames, at)
	case useEnv:
		h.envs = append(h.envs, at)
		if s := src[at : at+3]; s == "env" || s == "ENV" || s == "Env" {
			h.envWord = true
		}
	case useConfig:
		h.configs = append(h.configs, at)
		if strings.HasPrefix(src[at:], "config(") {
			h.configCall = true
		}
	case useKeyCall:
		h.keyCalls = append(h.keyCalls, at)
	case useJSEnv:
		h.jsEnvs = append(h.jsEnvs, at)
	case useGoGetenv:
		if strings.HasPrefix(src[at:], "os.Getenv(") {
			h.goGetenvs = append(h.goGetenvs, at)
		}
	}
}

// finish sorts what add recorded: an automaton reports words by where
// they end, so words of different lengths may come out of order.
func (h *codeHits) finish() {
	slices.Sort(h.signingNames)
	h.keyCalls = sortedSet(h.keyCalls)
	h.jsEnvs = sortedSet(h.jsEnvs)
}

func sortedSet(xs []int) []int {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// leftmostMatches is what a pattern's FindAll...SubmatchIndex(s, -1)
// returns, given cands, sorted, every position a match can begin at, and
// at, the pattern's match beginning at p (nil if none; never empty): the
// earliest match, then the earliest at or after its end, and so on.
func leftmostMatches(cands []int, at func(p int) []int) [][]int {
	var out [][]int
	pos := 0
	for _, p := range cands {
		if p < pos {
			continue
		}
		if m := at(p); m != nil {
			out = append(out, m)
			pos = m[1]
		}
	}
	return out
}

// keyCallNames are the alternatives of
//
//	\b(jwt\.(?:sign|verify|encode|decode)|SignedString|cookieParser|createHmac|hmac\.new|hmac\.New|express[Ss]ession|cookie[Ss]ession|session|SessionMiddleware|add_middleware|SymmetricSecurityKey|hmacShaKeyFor)\s*\(
//
// the calls that take a signing key.
var keyCallNames = []string{
	"jwt.sign", "jwt.verify", "jwt.encode", "jwt.decode", "SignedString", "cookieParser", "createHmac",
	"hmac.new", "hmac.New", "expressSession", "expresssession", "cookieSession", "cookiesession", "session",
	"SessionMiddleware", "add_middleware",
	// .NET's and jjwt's HMAC key objects: the bytes given are the key.
	"SymmetricSecurityKey", "hmacShaKeyFor",
}

// keyCallAt is that pattern's match beginning at p: the whole call up to
// its '(' and the name (group 1), or nil.
func keyCallAt(src string, p int) []int {
	// \b: every name begins with a word byte; a byte of a non-ASCII rune
	// before it is no word character either.
	if p > 0 && isWordByte(src[p-1]) {
		return nil
	}
	for _, name := range keyCallNames {
		if !strings.HasPrefix(src[p:], name) {
			continue
		}
		i := skipSpace(src, p+len(name))
		if i < len(src) && src[i] == '(' {
			return []int{p, i + 1, p, p + len(name)}
		}
	}
	return nil
}

// jsEnvFallbackAt is the match beginning at p of
//
//	(?:process\.env|import\.meta\.env)(?:\.([A-Za-z_]\w*)|\[\s*['"]([A-Za-z_]\w*)['"]\s*\])\s*(?:\|\||\?\?)\s*
//
// a JavaScript variable read with a fallback (process.env.KEY ||), or nil.
// Group 1 is a name after a dot, group 2 one in brackets.
func jsEnvFallbackAt(src string, p int) []int {
	var i int
	switch {
	case strings.HasPrefix(src[p:], "process.env"):
		i = p + len("process.env")
	case strings.HasPrefix(src[p:], "import.meta.env"):
		i = p + len("import.meta.env")
	default:
		return nil
	}
	m := []int{p, -1, -1, -1, -1, -1}
	switch {
	case i < len(src) && src[i] == '.':
		e := identEnd(src, i+1)
		if e < 0 {
			return nil
		}
		m[2], m[3] = i+1, e
		i = e
	case i < len(src) && src[i] == '[':
		j := skipSpace(src, i+1)
		if j >= len(src) || !isQuote(src[j]) {
			return nil
		}
		e := identEnd(src, j+1)
		if e < 0 || e >= len(src) || !isQuote(src[e]) {
			return nil
		}
		k := skipSpace(src, e+1)
		if k >= len(src) || src[k] != ']' {
			return nil
		}
		m[4], m[5] = j+1, e
		i = k + 1
	default:
		return nil
	}
	i = skipSpace(src, i)
	if !strings.HasPrefix(src[i:], "||") && !strings.HasPrefix(src[i:], "??") {
		return nil
	}
	m[1] = skipSpace(src, i+2)
	return m
}

// identEnd is the end of [A-Za-z_]\w* at i, or -1.
func identEnd(s string, i int) int {
	if i >= len(s) || !identStartByte[s[i]] {
		return -1
	}
	i++
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i
}

// assignments is what
//
//	(?m)(?:^|[\s,{(;])((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)(?:\[\s*['"]([\w.-]+)['"]\s*\])?["']?[ \t]*(?::=|:[ \t]*[A-Za-z_][\w.\[\], |]*?[ \t]*=|=|:)[ \t]*
//
// finds in s with FindAllStringSubmatchIndex: NAME = , NAME: , NAME := ,
// obj['NAME'] = and typed forms (NAME: str = ), each up to where the
// value begins. Group 1 is the (dotted) name, group 2 a bracketed key.
// The pattern matches before nearly every assignment; this reads each
// byte once or twice instead of running an NFA over it.
func assignments(s string) [][]int {
	var out [][]int
	for p := 0; p < len(s); {
		m := assignmentAt(s, p)
		if m == nil {
			p++
			continue
		}
		out = append(out, m)
		p = m[1]
	}
	return out
}

// assignmentAt is the pattern's match beginning at p, or nil. Every part
// of the pattern is possessive in effect (what follows each greedy part
// cannot begin with what it repeats), so one forward reading decides,
// except for the alternatives: (?m)^ before [\s,{(;], and the typed form
// before the plain ':'.
func assignmentAt(s string, p int) []int {
	if p == 0 || s[p-1] == '\n' {
		if m := assignmentFrom(s, p, p); m != nil {
			return m
		}
	}
	if p < len(s) && assignmentLead[s[p]] {
		return assignmentFrom(s, p, p+1)
	}
	return nil
}

// assignmentLead is [\s,{(;].
var assignmentLead = byteClass(" \t\n\f\r,{(;")

// assignmentFrom matches the pattern after its lead: the name at i.
func assignmentFrom(s string, start, i int) []int {
	nameStart := i
	if i = dottedNameEnd(s, i); i < 0 {
		return nil
	}
	nameEnd := i
	keyStart, keyEnd := -1, -1
	if i < len(s) && s[i] == '[' {
		// \[\s*['"]([\w.-]+)['"]\s*\]: without it, the '[' ends the match.
		j := skipSpace(s, i+1)
		if j >= len(s) || !isQuote(s[j]) {
			return nil
		}
		k := j + 1
		for k < len(s) && bracketKeyByte[s[k]] {
			k++
		}
		if k == j+1 || k >= len(s) || !isQuote(s[k]) {
			return nil
		}
		keyStart, keyEnd = j+1, k
		k = skipSpace(s, k+1)
		if k >= len(s) || s[k] != ']' {
			return nil
		}
		i = k + 1
	}
	if i < len(s) && isQuote(s[i]) {
		i++
	}
	i = skipTabs(s, i)
	switch {
	case i >= len(s):
		return nil
	case strings.HasPrefix(s[i:], ":="):
		i += 2
	case s[i] == ':':
		if e := typedAssignmentEnd(s, i+1); e >= 0 {
			i = e
		} else {
			i++
		}
	case s[i] == '=':
		i++
	default:
		return nil
	}
	return []int{start, skipTabs(s, i), nameStart, nameEnd, keyStart, keyEnd}
}

// dottedNameEnd is the end of (?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]* at
// i, or -1. The longest chain is the only one the rest can follow: a
// shorter one is followed by '.', '$' or a word byte.
func dottedNameEnd(s string, i int) int {
	if i >= len(s) || !nameStartByte[s[i]] {
		return -1
	}
	for {
		i++
		for i < len(s) && nameByte[s[i]] {
			i++
		}
		if i+1 < len(s) && s[i] == '.' && nameStartByte[s[i+1]] {
			i++
			continue
		}
		return i
	}
}

// typedAssignmentEnd is the end of [ \t]*[A-Za-z_][\w.\[\], |]*?[ \t]*= at
// i (after the ':' of NAME: str = ), or -1. The lazy type ends at the
// first '=' that only blanks separate from it; a tab may only be among
// those last blanks, since the type's class holds spaces, not tabs.
func typedAssignmentEnd(s string, i int) int {
	i = skipTabs(s, i)
	if i >= len(s) || !identStartByte[s[i]] {
		return -1
	}
	for q := i + 1; q < len(s); {
		r := skipTabs(s, q)
		if r < len(s) && s[r] == '=' {
			return r + 1
		}
		if r > q {
			if strings.IndexByte(s[q:r], '\t') >= 0 {
				return -1
			}
			q = r
			continue
		}
		if !typeByte[s[q]] {
			return -1
		}
		q++
	}
	return -1
}

var (
	identStartByte = byteClass("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
	nameStartByte  = byteClass("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$")
	nameByte       = byteClass("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$0123456789")
	bracketKeyByte = byteClass("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789.-")
	typeByte       = byteClass("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789.[], |")
)

// byteClass is a class of ASCII bytes; bytes of other runes are never in
// it, as no rune outside ASCII is in the patterns' classes.
func byteClass(members string) *[256]bool {
	var c [256]bool
	for i := 0; i < len(members); i++ {
		c[members[i]] = true
	}
	return &c
}

func isQuote(b byte) bool { return b == '\'' || b == '"' }

// skipSpace skips \s (isBlank).
func skipSpace(s string, i int) int {
	for i < len(s) && isBlank(s[i]) {
		i++
	}
	return i
}

// skipTabs skips [ \t].
func skipTabs(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// orFallbackEnd is where the value begins after a Python `or` (the
// pattern ^\s*or\s* at the start of s), or -1.
func orFallbackEnd(s string) int {
	i := skipSpace(s, 0)
	if !strings.HasPrefix(s[i:], "or") {
		return -1
	}
	return skipSpace(s, i+2)
}

// goAssignedAt is the end of the first match of \bV\s*=\s* in s (V a run
// of word bytes) that a literal follows in src, read at base+end, or -1:
// the first assignment of a literal to V in s. Matches of the pattern
// cannot overlap (V is word bytes, the rest is not), so every occurrence
// of V is a candidate.
func goAssignedAt(src string, base int, s, v string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], v)
		if j < 0 {
			return -1
		}
		at := i + j
		i = at + 1
		if at > 0 && isWordByte(s[at-1]) {
			continue // \b: v begins with a word byte
		}
		k := skipSpace(s, at+len(v))
		if k >= len(s) || s[k] != '=' {
			continue
		}
		end := skipSpace(s, k+1)
		if leadingLiteral(src[base+end:]) != "" {
			return end
		}
	}
}

// stringOf reads b as a string without copying; b must not change while
// the string is in use.
func stringOf(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// bytesOf reads s as bytes without copying, for the automaton, which only
// reads them.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
