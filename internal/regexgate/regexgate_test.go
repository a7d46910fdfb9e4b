package regexgate

import (
	"regexp"
	"slices"
	"testing"
)

func TestNeedles(t *testing.T) {
	for _, tt := range []struct {
		re      string
		needles []string // nil: no gate
		fold    bool
	}{
		{re: `hashlib\.(md5|sha1)\(`, needles: []string{"hashlib.md5(", "hashlib.sha1("}},
		{re: `(?i)createHash\(\s*['"]md5`, needles: []string{"createhash("}, fold: true},
		{re: `(Query|Exec)(Context)?\(\s*fmt\.Sprintf`, needles: []string{"fmt.Sprintf"}},
		{re: `\b(url|target)\s*=`, needles: []string{"url", "target"}},
		{re: `[Aa]pi_key`, needles: []string{"api_key"}, fold: true},
		{re: `a|b`, needles: nil},     // one-byte needles help nobody
		{re: `\w+@\w+`, needles: nil}, // nothing literal
		{re: `(foo)?bar*`, needles: []string{"ba", "fooba"}},
		{re: `x{2,}yz`, needles: []string{"yz"}}, // x+ ends the run of literals
		{re: `(?i)café`, needles: nil},           // non-ASCII folds are left to the pattern
	} {
		g := New(regexp.MustCompile(tt.re))
		if tt.needles == nil {
			if !g.any {
				t.Errorf("%s: gate %q, want none", tt.re, g.needles)
			}
			continue
		}
		got := slices.Clone(g.needles)
		slices.Sort(got)
		want := slices.Clone(tt.needles)
		slices.Sort(want)
		if g.any || !slices.Equal(got, want) || g.fold != tt.fold {
			t.Errorf("%s: needles %q fold %v, want %q fold %v", tt.re, got, g.fold, want, tt.fold)
		}
	}
}

// TestNeverSaysNo: wherever the pattern matches, the gate lets it run.
func TestNeverSaysNo(t *testing.T) {
	for _, tt := range []struct{ re, text string }{
		{`hashlib\.(md5|sha1)\(`, "x = hashlib.sha1(password)"},
		{`(?i)SELECT\s+\*`, "q = 'select * from t'"},
		{`(?i)secret`, "SECRET"},
		{`(?i)key`, "\u212aey"},        // the Kelvin sign folds to k
		{`(?i)pass`, "pa\u017f\u017f"}, // the long s folds to s
		{`[Aa]pi`, "Api"},
		{`(a|bc)+d`, "bcbcd"},
	} {
		re := regexp.MustCompile(tt.re)
		if !re.MatchString(tt.text) {
			t.Fatalf("%s does not match %q: fix the case", tt.re, tt.text)
		}
		if !New(re).MayMatch(tt.text, "") {
			t.Errorf("%s matches %q but the gate says no", tt.re, tt.text)
		}
	}
}

func TestMayMatchSaysNo(t *testing.T) {
	g := New(regexp.MustCompile(`(?i)(getenv|environ\.get)\(`))
	if g.MayMatch("func main() { fmt.Println(1) }", "") {
		t.Error("gate let through a text without any needle")
	}
	if !g.MayMatch("x := os.GETENV(k)", "") {
		t.Error("gate stopped a folded match")
	}
}

// FuzzGate: for any pattern and text, a match means the gate says yes.
func FuzzGate(f *testing.F) {
	f.Add(`hashlib\.(md5|sha1)\(`, "hashlib.md5(x)")
	f.Add(`(?i)(getenv|config)\s*\(`, "os.GetEnv (")
	f.Add(`x{2,}yz`, "xxxyz")
	f.Add(`(?i)k[Ss]`, "\u212as")
	f.Add(`(?m)^foo$|bar`, "a\nfoo\n")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		if re.MatchString(text) && !New(re).MayMatch(text, "") {
			t.Fatalf("%q matches %q but the gate says no", pattern, text)
		}
	})
}
