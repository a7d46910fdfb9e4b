package regexgate

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"time"
)

// findPatterns have start strings (or not) in the shapes the detectors
// use: leading \b and (?m)^, case folding, alternations, optional parts,
// groups that capture.
var findPatterns = []string{
	`(?i)((execute|text|raw)\(\s*f["'](select|insert)\b|(query|execute)\(\s*["'](select|delete)\b[^"'\n]*["']\s*\+\s*req\.)`,
	`\b(?:execute|query|Query|Exec)\(\s*(?:ctx\s*,\s*)?(\w+)\s*[,)]`,
	`\b(jwt\.(?:sign|verify)|SignedString|cookie[Ss]ession|session)\s*\(`,
	`(?m)^export\s+(\w+)`,
	`(process\.env|import\.meta\.env)\.(\w+)\s*(\|\||\?\?)`,
	`(?i)\bkey\b`,
	`(foo)?bar+`,
	`ab|cd`,
	`\w+@\w+`, // no start strings: the plain pattern runs
	`x?yz`,
	`(?i)pass(word)?`,
	`\bhttp\.(Get|Post)\(\s*(\w+)`,
	`\$\{|\{\{`,
	// A bounded class repeat before an identifier (gitleaks' generic
	// rules): matches begin up to N class bytes before the identifier.
	`(?i)[\w.-]{0,50}?(?:key|token|secret)(?:[ \t\w.-]{0,20})[=:]\s*['"]?([a-z0-9]{10,})`,
	`(?i)[\w.-]{0,5}(?:jfrog)=(\w+)`,
	`[a-z_]{0,3}\bapi_?key=(\w+)`,
}

var findTexts = []string{
	"",
	`cur.execute(f"SELECT * FROM t WHERE id={id}")`,
	`db.Query(ctx, q) ; db.Exec(stmt, a)`,
	`xexecute(q) execute(q)`,
	`token = jwt.sign(payload, "k"); cookieSession({keys: ["a"]}); mysession()`,
	"export A=1\nexport B=2\n  export C",
	`const k = process.env.JWT_SECRET || "dev"; import.meta.env.KEY ?? 'x'`,
	"KEY=1 monkey key_id Key \u212aey",
	"foobarrr barbar foo bar",
	"abcdcdab",
	"me@example.com, you@there",
	"xyzyz yz",
	"PASSWORD pa\u017f\u017f Pass",
	"resp, err := http.Get(url)\nhttp.Post( target",
	"${a} {{b}} $x",
	"\xe2execute(q) \xe2\x82execute(q) é\u00e9execute(q)",
	"\nexecute(q)",
	`api_key = "a1b2c3d4e5f6g7h8i9j0" x.token: 'abcdefghij0123'`,
	strings.Repeat("w", 70) + `_token = "ZXhhbXBsZXRva2VuMTIzNDU2"` + "\n" + `secret=abcdefghij0123456789`,
	"\u00e9_secret = \"a1b2c3d4e5f6g7h8i9j0\"\n\xff\xfeauth_token = 'q9w8e7r6t5y4u3i2o1p0'",
	"\u212aey=abcdefghij0123 \u017fecret=abcdefghij0123",
	"xx.jfrog=abc yyyyyyyjfrog=q jfrogjfrog=z",
	"ab_api_key=1 abcdapikey=2 _apikey=3",
	"keykeykey=keykeykeykeykey token=0123456789key=abcdefghijkl",
	// Identifiers far from any operator, then near one.
	strings.Repeat("keytoken", 30) + "=abcdefghij0123 " + strings.Repeat("tokenkey", 30) + " secret: 'abcdefghij0123'",
}

func TestFindAllMatchesRegexp(t *testing.T) {
	for _, p := range findPatterns {
		re := regexp.MustCompile(p)
		g := New(re)
		for _, text := range findTexts {
			eachWay(func() {
				for _, n := range []int{-1, 1, 2} {
					checkFind(t, re, g, text, n)
				}
			})
		}
	}
}

// eachWay runs check with every way run finds matches: anchored attempts
// only, the unanchored pattern from the first candidate on, and from the
// second (see run).
func eachWay(check func()) {
	saved, savedFree := attemptBudget, freeRead
	defer func() { attemptBudget, freeRead = saved, savedFree }()
	freeRead = 0
	for _, budget := range []int{1 << 30, -1, 0} {
		attemptBudget = func(int) int { return budget }
		check()
	}
}

// TestLongFailedAttempts: candidates whose attempts each read the rest of
// a long line cost a few passes over it, not one per candidate: the gate
// stays within a small factor of the plain pattern, which reads the text
// once (timed together, so a busy machine slows both).
func TestLongFailedAttempts(t *testing.T) {
	re := regexp.MustCompile(`\bcurl\b.*?[ \t](?:-H|--header)[ \t]'Bearer ([\w.]{8,})'`)
	g := New(re)
	// No token is long enough: every attempt fails at the end.
	text := strings.Repeat("curl -H 'Bearer x' ", (64<<10)/19)
	want := re.FindAllStringSubmatchIndex(text, -1)
	gate, plain := time.Hour, time.Hour
	for range 3 {
		start := time.Now()
		got := g.FindAllStringSubmatchIndex(text, "", -1)
		gate = min(gate, time.Since(start))
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("got %v, want %v", got, want)
		}
		start = time.Now()
		re.FindAllStringSubmatchIndex(text, -1)
		plain = min(plain, time.Since(start))
	}
	if gate > 20*plain {
		t.Errorf("gate %v, plain pattern %v on 64 KiB", gate, plain)
	}
}

// setKeywords gives some findPatterns keywords, in the shapes the signal
// detector uses (upper case, overlapping a start string, absent).
var setKeywords = map[int][]string{
	0:  {"execute", "SELECT", "select "},
	2:  {"jwt", "session"},
	5:  {"KEY"},
	8:  {"nowhere"},
	13: {"http."},
	14: {"${", "{{"},
}

func findSet() (*Set, []*regexp.Regexp) {
	var ms []Member
	var res []*regexp.Regexp
	for i, p := range findPatterns {
		re := regexp.MustCompile(p)
		res = append(res, re)
		ms = append(ms, Member{Re: re, Keywords: setKeywords[i]})
	}
	return NewSet(ms), res
}

// TestSetMatchesRegexp: a Set's scan finds, per member, what the member's
// pattern finds on a text with one of its keywords, and nothing on one
// without.
func TestSetMatchesRegexp(t *testing.T) {
	set, res := findSet()
	for _, text := range findTexts {
		eachWay(func() { checkSet(t, set, res, text) })
	}
}

func checkSet(t *testing.T, set *Set, res []*regexp.Regexp, text string) {
	t.Helper()
	for _, lower := range []string{"", Lower(text)} {
		sc := set.Scan(text, lower)
		for i, re := range res {
			hasKeyword := len(setKeywords[i]) == 0 || slices.ContainsFunc(setKeywords[i], func(k string) bool { return strings.Contains(text, k) })
			if may, want := sc.MayMatch(i), hasKeyword && set.gates[i].MayMatch(text, ""); may != want {
				t.Errorf("set member %s on %q: MayMatch %v, gate %v", re, text, may, want)
			}
			// Twice each: a member's candidates are read more than once.
			for _, n := range []int{-1, 1, 2, -1, 0} {
				var want [][]int
				if hasKeyword {
					want = re.FindAllStringSubmatchIndex(text, n)
				}
				if got := sc.FindAllStringSubmatchIndex(i, n); !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("set member %s on %q (n=%d): got %v, want %v", re, text, n, got, want)
				}
			}
		}
	}
}

func checkFind(t *testing.T, re *regexp.Regexp, g *Gate, text string, n int) {
	t.Helper()
	want := re.FindAllStringSubmatchIndex(text, n)
	for _, lower := range []string{"", Lower(text)} {
		got := g.FindAllStringSubmatchIndex(text, lower, n)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s on %q (n=%d): got %v, want %v", re, text, n, got, want)
		}
	}
	var lower []byte
	if n == 1 {
		lower = []byte(Lower(text))
	}
	if got := g.FindAllSubmatchIndex([]byte(text), lower, n); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("%s on bytes %q (n=%d): got %v, want %v", re, text, n, got, want)
	}
}

func TestStarts(t *testing.T) {
	for _, tt := range []struct {
		re     string
		starts []string // nil: none
	}{
		{`\b(jwt\.(?:sign|verify)|session)\s*\(`, []string{"jwt.sign", "jwt.verify", "session"}},
		{`(?i)(execute|raw)\(`, []string{"execute(", "raw("}},
		{`(foo)?bar+`, []string{"bar", "foobar"}},
		{`\w+@x`, nil},
		{`a|bc`, nil}, // one byte would not skip anything
		{`x*yz`, nil},
		{`(?i)[\w.-]{0,50}?(?:key|token)=(\w+)`, []string{"key", "token"}},
		{`(?i)[\w.-]{0,50}?(?:k)=(\w+)`, []string{"k="}}, // the Kelvin sign is left to hasFoldRunes
		{`(?i)[\w.-]{1,50}?(?:key)=(\w+)`, nil},          // a prefix is required
		{`(?i)[\w.-]*?(?:key)=(\w+)`, nil},               // unbounded
		{`(?i)[\w.-]{0,50}?\w+=(\w+)`, nil},              // no finite identifier
		{`(?i)[\w.-]{0,50}?(?:key)?=(\w+)`, nil},         // the identifier may be empty
		{`[^=]{0,50}?(?:key)=(\w+)`, nil},                // the class holds non-ASCII runes
	} {
		st := newStarts(regexp.MustCompile(tt.re), mustParseRaw(tt.re), mustParse(tt.re))
		var got []string
		if st != nil {
			got = st.needles
		}
		want := slices.Clone(tt.starts)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: starts %q, want %q", tt.re, got, want)
		}
	}
}

// TestFollow: a lead pattern learns what must follow its identifier, and
// how soon.
func TestFollow(t *testing.T) {
	for _, tt := range []struct {
		re       string
		bytes    string // "": no follow
		from, to int
	}{
		// gitleaks' generic-api-key: an operator within 20+3 bytes of
		// the longest word.
		{`(?i)[\w.-]{0,50}?(?:access|key|passw(?:or)?d)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([\w.=-]{10,150})`,
			",:=>?|", 3, 8 + 20*4 + 3*4},
		{`[\w.-]{0,5}(?:jfrog|xray)(?:=|:=)(\w+)`, ":=", 4, 5},
		{`(?i)[\w.-]{0,5}(?:jfrog)=(\w+)`, "", 0, 0},    // "jfrog=" is one literal; \w folds to non-ASCII
		{`(?i)[\w.-]{0,50}?(?:key)\w*=(\w+)`, "", 0, 0}, // unbounded before the operator
		{`(?i)[\w.-]{0,50}?(?:key)(?:=|é)`, "", 0, 0},   // a non-ASCII first rune
		{`(?i)[\w.-]{0,50}?(?:key)\s?`, "", 0, 0},       // nothing required after
	} {
		st := newStarts(regexp.MustCompile(tt.re), mustParseRaw(tt.re), mustParse(tt.re))
		if st == nil || st.lead == nil {
			t.Fatalf("%s: no lead", tt.re)
		}
		f := st.follow
		if tt.bytes == "" {
			if f != nil {
				t.Errorf("%s: follow %+v, want none", tt.re, *f)
			}
			continue
		}
		var got []byte
		for b, in := range f.bytes {
			if in {
				got = append(got, byte(b))
			}
		}
		if string(got) != tt.bytes || f.from != tt.from || f.to != tt.to {
			t.Errorf("%s: follow %q from %d to %d, want %q from %d to %d", tt.re, got, f.from, f.to, tt.bytes, tt.from, tt.to)
		}
	}
}

func TestLanguage(t *testing.T) {
	for _, tt := range []struct {
		re   string
		want []string // nil: not finite or too many
	}{
		{`(?i)(?:key|token)`, []string{"key", "token"}},
		{`(?i)passw(?:or)?d`, []string{"passwd", "password"}},
		{`(?-i:[Aa]pi|API)`, []string{"api"}},
		{`jfrog|xray`, []string{"jfrog", "xray"}},
		{`a*`, nil},
		{`[a-z]{3}`, nil},
		{`(?i)k`, []string{"k"}}, // the Kelvin sign is left to hasFoldRunes
		{`é`, nil},
	} {
		t.Run(tt.re, func(t *testing.T) {
			got, ok := language(mustParseRaw(tt.re), maxSet)
			if tt.want == nil {
				if ok {
					t.Errorf("language = %q, want not ok", got)
				}
				return
			}
			if !ok || !slices.Equal(got, tt.want) {
				t.Errorf("language = %q %v, want %q", got, ok, tt.want)
			}
		})
	}
}

// FuzzFindAll checks FindAllStringSubmatchIndex against the regexp
// package on any text, for every pattern above.
func FuzzFindAll(f *testing.F) {
	for _, text := range findTexts {
		f.Add(text)
	}
	res := make([]*regexp.Regexp, len(findPatterns))
	gates := make([]*Gate, len(findPatterns))
	for i, p := range findPatterns {
		res[i] = regexp.MustCompile(p)
		gates[i] = New(res[i])
	}
	set, _ := findSet()
	f.Fuzz(func(t *testing.T, text string) {
		eachWay(func() {
			for i := range res {
				checkFind(t, res[i], gates[i], text, -1)
			}
			checkSet(t, set, res, text)
		})
	})
}

func BenchmarkFindAll(b *testing.B) {
	text := strings.Repeat("def handler(request):\n    rows = db.fetch(user_id)\n    return render(rows)\n", 2000) +
		`cur.execute(f"SELECT * FROM t WHERE id={id}")`
	re := regexp.MustCompile(findPatterns[0])
	g := New(re)
	for _, mode := range []string{"regexp", "gate"} {
		b.Run(mode, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				var got [][]int
				if mode == "gate" {
					got = g.FindAllStringSubmatchIndex(text, "", -1)
				} else {
					got = re.FindAllStringSubmatchIndex(text, -1)
				}
				if len(got) != 1 {
					b.Fatal(fmt.Sprint(got))
				}
			}
		})
	}
}

func mustParse(re string) *syntax.Regexp { return mustParseRaw(re).Simplify() }

func mustParseRaw(re string) *syntax.Regexp {
	p, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		panic(err)
	}
	return p
}
