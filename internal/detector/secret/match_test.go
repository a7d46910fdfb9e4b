package secret

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/paritytest"
)

// anchoredCases are texts at the edges of the anchored search (see
// regexgate's lead runs): matches
// at the start and end of the text, identifiers deep inside a word
// (more than fifty class characters before them), back-to-back matches,
// non-ASCII and invalid bytes before an identifier, and the runes that
// fold to ASCII letters.
var anchoredCases = []string{
	`api_key = "a1b2c3d4e5f6g7h8i9j0"`,
	`x api_key: 'a1b2c3d4e5f6g7h8i9j0'`,
	strings.Repeat("w", 70) + `_token = "ZXhhbXBsZXRva2VuMTIzNDU2"`,
	strings.Repeat("w", 50) + `token="ZXhhbXBsZXRva2VuMTIzNDU2"` + "\n" + `secret=abcdefghij0123456789`,
	`password=abcdefghij0123456789 token=abcdefghij0123456789;key=QUJDREVGR0hJSktMTU5PUA==`,
	"é_secret = \"a1b2c3d4e5f6g7h8i9j0\"\n\xff\xfeauth_token = 'q9w8e7r6t5y4u3i2o1p0'",
	"\u212aey = \"a1b2c3d4e5f6g7h8i9j0\"",
	"\u017fecret = \"a1b2c3d4e5f6g7h8i9j0\"",
	`jfrog_api_key = "` + strings.Repeat("a1", 36) + `b"`,
	`artifactory.token=` + strings.Repeat("c3", 32),
	`const key = process.env.KEY || "not-a-secret"`,
	"API_KEY=\nAPI_SECRET=abc\nkeykeykey=keykeykeykeykey",
	`EAAM` + strings.Repeat("x9", 55) + ` hvs.` + strings.Repeat("Q", 95),
}

func TestMatchSameAsRegex(t *testing.T) {
	rs, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range anchoredCases {
		checkMatch(t, rs, fmt.Sprintf("case %d", i), []byte(s))
	}
	paritytest.Files(t, []string{"testdata"}, func(p string, data []byte) {
		checkWindows(t, rs, p, data)
	})
}

// checkMatch compares match with the rule's pattern on the whole text,
// for every rule.
func checkMatch(t *testing.T, rs *ruleset, name string, data []byte) {
	t.Helper()
	ft := newText(data)
	for ri := range rs.rules {
		want := rs.rules[ri].Regex.FindAllSubmatchIndex(data, -1)
		if got := rs.match(ri, ft, span{0, len(data)}); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s, %s: match %v, regexp %v", name, rs.rules[ri].RuleID, got, want)
		}
	}
}

// checkWindows compares match with the pattern on the windows the
// detector runs each rule on.
func checkWindows(t *testing.T, rs *ruleset, name string, data []byte) {
	t.Helper()
	ft := newText(data)
	for ri, ws := range rs.windows(newLines(data), ft.lower, nil) {
		for _, w := range ws {
			want := rs.rules[ri].Regex.FindAllSubmatchIndex(data[w.start:w.end], -1)
			got := rs.match(ri, ft, w)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s, %s at %d: match %v, regexp %v", name, rs.rules[ri].RuleID, w.start, got, want)
			}
		}
	}
}

// FuzzMatchSameAsRegex holds every rule's pattern as the reference for
// the anchored and gated searches.
func FuzzMatchSameAsRegex(f *testing.F) {
	for _, s := range anchoredCases {
		f.Add(s)
	}
	rs, err := loadRules()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMatch(t, rs, "input", []byte(s))
	})
}
