package secret

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/paritytest"

	"github.com/threatmap/threatmap/internal/regexgate"
)

// matcherSeeds are texts at the edges of the hand-written matchers: every
// alternative of each pattern, near misses, matches at the start and end
// of the text, back-to-back and overlapping candidates, wrapped brackets,
// tabs among the blanks of a typed assignment, non-ASCII and invalid
// bytes next to a name.
var matcherSeeds = []string{
	"",
	"app.secret_key = 'k3y'\nSECRET_KEY: str = \"x\"\nx := []byte(\"k\")\n",
	"const a = b = 'c'; obj['JWT_SECRET'] = 'v'; o[\n 'k' ]='v' o[ \"a.b-c\"]: 1",
	"x: Dict[str, int] = {}\ny: a | b\t= 1\nz: a\t b = 2\nw: a  \t = 3\nv:\tT=4 u : =5 t :: 6",
	"a.b.c=1 a..b=2 $x.$y=3 _=4 a. b=5 a.1=6 9a=7 a'=8 a\"  :9 a[]=1 a['']=2 a['x'=3",
	"\u00e9key=1 \xffkey=2 \xe2\x82key=3 (key=4;key=5,key=6{key=7\tkey=8\fkey=9\rkey=10",
	"key = secret = 'x'\nkey\n= 'y'\n\n\nkey:=z",
	"jwt.sign(p, 'k'); xjwt.sign(p); jwt.signx(p) jwt.verify (t, \"k\")\n jwt.encode\n(a) jwt.decode",
	"SignedString([]byte(\"k\")) cookieParser('s') createHmac('sha256', 'k') hmac.new(b'k') hmac.New(sha256.New, k)",
	"expressSession({secret: 'a'}) expresssession() cookieSession({keys: ['a']}) cookiesession( session({}) sessions(x)",
	"SessionMiddleware(app, secret_key='k') add_middleware(SessionMiddleware, secret_key='k') \u00e9session() _session()",
	"new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"k\")) Keys.hmacShaKeyFor(\"k\".getBytes()) xSymmetricSecurityKey(k)",
	"process.env.JWT_SECRET || 'dev'; import.meta.env.KEY ?? \"x\"; process.env['A'] ||'b' process.env[ \"B\" ] ?? c",
	"process.env.A | 'x' process.env.1A || x process.env[A] || x process.env['A\"] || x process.env.A\n||\n'x' process.env",
	"import.meta.envx || 1 process.env.A?? process.env['A' ]|| process.env.process.env.B || 'c'",
	"s := os.Getenv(\"JWT_SECRET\")\nif s == \"\" { s = \"dev\" }\nxs = \"no\"\ns\t=\n\"yes\"",
	"k = os.getenv('KEY') or 'x'; v = os.environ.get(\"A\") or\n \"b\"; w = x() orange",
}

func TestMatchersSameAsPatterns(t *testing.T) {
	for _, s := range matcherSeeds {
		checkMatchers(t, s)
	}
}

// FuzzMatchersSameAsPatterns: each hand-written matcher finds, on any
// text, what the pattern it replaces finds (ASCII case folding aside:
// the runes that fold to k and s are no part of these words).
func FuzzMatchersSameAsPatterns(f *testing.F) {
	for _, s := range matcherSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMatchers(t, s)
	})
}

func checkMatchers(t *testing.T, s string) {
	t.Helper()
	lower := regexgate.Lower(s)
	words := findCodeWords(s, lower)
	same := func(what string, got, want [][]int) {
		t.Helper()
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s on %q: matcher %v, pattern %v", what, s, got, want)
		}
	}
	same("assignments", assignments(s), refSigningAssignment.FindAllStringSubmatchIndex(s, -1))
	same("key calls", leftmostMatches(words.keyCalls, func(p int) []int { return keyCallAt(s, p) }),
		refKeyCalls.FindAllStringSubmatchIndex(s, "", -1))
	same("env fallbacks", leftmostMatches(words.jsEnvs, func(p int) []int { return jsEnvFallbackAt(s, p) }),
		refJSEnvFallback.FindAllStringSubmatchIndex(s, "", -1))

	// Each suffix: where a Python or, and a Go assignment, could follow.
	for i := 0; i <= len(s); i++ {
		want := -1
		if m := refPyOrFallback.FindStringIndex(s[i:]); m != nil {
			want = m[1]
		}
		if got := orFallbackEnd(s[i:]); got != want {
			t.Errorf("or fallback on %q: matcher %d, pattern %d", s[i:], got, want)
		}
	}
	for _, v := range []string{"s", "key", "x1"} {
		if got, want := goAssignedAt(s, 0, s, v), refGoAssignedAt(s, s, v); got != want {
			t.Errorf("%s = on %q: matcher %d, pattern %d", v, s, got, want)
		}
	}

	want := refWords(s, lower)
	if got := *words; !reflect.DeepEqual(got, want) {
		t.Errorf("words of %q: one pass %+v, searches %+v", s, got, want)
	}
	rs, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	var withRules codeHits
	rs.findIn("a.go", newText([]byte(s)), &withRules)
	if !reflect.DeepEqual(withRules, want) {
		t.Errorf("words of %q: the rules' pass %+v, searches %+v", s, withRules, want)
	}
}

// detectLiterals is literals as Detect runs them: with the code words the
// secret rules' pass found.
func detectLiterals(t *testing.T, p string, data []byte) []candidate {
	t.Helper()
	rs, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	tx := newText(data)
	var words *codeHits
	if isCodePath(p) {
		words = &codeHits{}
	}
	rs.findIn(p, tx, words)
	return literals(p, tx, words)
}

// refGoAssignedAt is goAssignedAt as envFallbacks found it: a pattern
// compiled for the variable.
func refGoAssignedAt(src, after, v string) int {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(v) + `\s*=\s*`)
	for _, am := range re.FindAllStringIndex(after, -1) {
		if leadingLiteral(src[am[1]:]) != "" {
			return am[1]
		}
	}
	return -1
}

// refWords are the code words found with a substring search each, the
// way each rule searched for its own.
func refWords(src, lower string) codeHits {
	all := func(text, word string) []int {
		var out []int
		for i := 0; ; {
			j := strings.Index(text[i:], word)
			if j < 0 {
				return out
			}
			out = append(out, i+j)
			i += j + 1
		}
	}
	var h codeHits
	h.signingNames = sortedSet(append(all(lower, "secret"), all(lower, "key")...))
	h.envs = all(lower, "env")
	h.configs = all(lower, "config")
	h.envWord = containsFold(src, "env")
	h.configCall = strings.Contains(src, "config(")
	for _, w := range codeWords {
		switch w.use {
		case useKeyCall:
			h.keyCalls = append(h.keyCalls, all(lower, w.word)...)
		case useJSEnv:
			h.jsEnvs = append(h.jsEnvs, all(lower, w.word)...)
		}
	}
	h.keyCalls = sortedSet(h.keyCalls)
	h.jsEnvs = sortedSet(h.jsEnvs)
	h.goGetenvs = all(src, "os.Getenv(")
	return h
}

// TestLiteralsSameAsReference: the location rules find, on the fixtures
// and on any tree named by THREATMAP_PARITY_ROOT, what they found before
// the one pass and the matchers.
func TestLiteralsSameAsReference(t *testing.T) {
	found := 0
	paritytest.Files(t, []string{"testdata"}, func(p string, data []byte) {
		got, want := detectLiterals(t, p, data), refLiterals(p, data)
		found += len(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: literals %v, reference %v", p, got, want)
		}
	})
	if found == 0 {
		t.Error("no candidates found: the comparison covers nothing")
	}
}

// FuzzLiteralsSameAsReference compares the two on any code file.
func FuzzLiteralsSameAsReference(f *testing.F) {
	for _, s := range matcherSeeds {
		f.Add("app.py", []byte(s))
	}
	f.Add("seed.ts", []byte("const jwtSecret = 'k'; password: await bcrypt.hash('x', 10)"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		for _, p := range []string{"src/" + name + ".go", "prisma/seed.ts"} {
			if got, want := detectLiterals(t, p, data), refLiterals(p, data); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: literals %v, reference %v", p, data, got, want)
			}
		}
	})
}
