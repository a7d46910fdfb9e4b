package regexgate

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
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
}

func TestFindAllMatchesRegexp(t *testing.T) {
	for _, p := range findPatterns {
		re := regexp.MustCompile(p)
		g := New(re)
		for _, text := range findTexts {
			for _, n := range []int{-1, 1, 2} {
				checkFind(t, re, g, text, n)
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
	} {
		st := newStarts(regexp.MustCompile(tt.re), mustParse(tt.re))
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
	f.Fuzz(func(t *testing.T, text string) {
		for i := range res {
			checkFind(t, res[i], gates[i], text, -1)
		}
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

func mustParse(re string) *syntax.Regexp {
	p, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		panic(err)
	}
	return p.Simplify()
}
