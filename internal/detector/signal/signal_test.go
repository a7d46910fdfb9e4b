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
