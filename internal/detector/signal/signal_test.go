package signal

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
)

// Fixtures mark each expected signal inline: "want: weakness KIND" or
// "want: control KIND", one per line where the evidence is.
func TestFixtures(t *testing.T) {
	dir := "testdata/app"
	f := detectortest.Scan(t, dir, New())
	var weaknesses, controls []string
	for _, w := range f.Weaknesses {
		for range w.Evidence {
			weaknesses = append(weaknesses, w.Kind)
		}
	}
	for _, c := range f.Controls {
		for range c.Evidence {
			controls = append(controls, c.Kind)
		}
	}
	detectortest.Check(t, "weaknesses", weaknesses, detectortest.Wants(t, dir, "weakness "))
	detectortest.Check(t, "controls", controls, detectortest.Wants(t, dir, "control "))
}

func TestIsTestPath(t *testing.T) {
	for p, want := range map[string]bool{
		"tests/test_x.py": true, "app/x_test.go": true, "src/a.spec.ts": true, "src/__tests__/a.js": true,
		"app/main.py": false, "src/latest/x.js": false, "contest.py": false,
	} {
		if got := IsTestPath(p); got != want {
			t.Errorf("IsTestPath(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestInString(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{`x = jwt.decode(t, verify=False)`, false},
		{"re := `verify=False`", true},
		{`msg = "use verify=False"`, true},
		{`a = "x" + verify(t)`, false},
		{`s = 'it\'s' ; verify`, false},
	} {
		i := strings.Index(tc.line, "verify")
		if got := inString(tc.line, i); got != tc.want {
			t.Errorf("inString(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestEnclosing(t *testing.T) {
	for _, tc := range []struct {
		text, match, want string
	}{
		{`app.use(cors({ origin: "*" })); app.use(cors({ credentials: true }))`, `origin`, `app.use(cors({ origin: "*" }`},
		{"res.cookie(\"sid\", v, {\n  httpOnly: false,\n});\nnext()", `httpOnly`, "res.cookie(\"sid\", v, {\n  httpOnly: false,\n}"},
		{`SESSION_COOKIE_SECURE = False`, `SESSION`, `SESSION`},
		{`x = f(a, b`, `b`, `x = f(a, b`},
	} {
		i := strings.Index(tc.text, tc.match)
		if got := enclosing(tc.text, i, i+len(tc.match)); got != tc.want {
			t.Errorf("enclosing(%q, %q) = %q, want %q", tc.text, tc.match, got, tc.want)
		}
	}
}

// FuzzEnclosing: any text and any span give a slice of the text that
// holds the span, without a panic.
func FuzzEnclosing(f *testing.F) {
	f.Add("cors({ origin: '*', credentials: true })", 8, 14)
	f.Add("))}{(([", 3, 4)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, text string, i, j int) {
		if i < 0 || j < i || j > len(text) {
			return
		}
		got := enclosing(text, i, j)
		if !strings.Contains(got, text[i:j]) {
			t.Errorf("enclosing(%q, %d, %d) = %q lost the span", text, i, j, got)
		}
	})
}
