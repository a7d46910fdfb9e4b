package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/redact/redacttest"
)

// A finding whose file name and message come from a hostile repository:
// no format prints the key, a control character or a forged line.
func TestFormatsNeutraliseHostileText(t *testing.T) {
	key := redacttest.StripeKey
	r := &Report{
		Model: "threatmap.yaml", FailOn: Error, Failed: true,
		Findings: []Finding{
			{Kind: "drift", Level: Error, Message: "the code has a surface the model does not know: POST /hooks/" + key,
				Fix: "threatmap sync\n  - id: x\x1b[2J", File: "app/x\n::error file=x::FORGED.py", Line: 3, Fingerprint: "0123456789abcdef"},
			{Kind: "stale", Level: Warning, Message: "surface \x1b[31mred\a (GET /\u202eold) is gone\n::warning::FORGED",
				Fix: "::error::FORGED", File: "threatmap.yaml", Line: 4, Fingerprint: "1111111111111111"},
		},
	}
	formats := map[string]Formatter{"human": Human{}, "human-color": Human{Color: true},
		"json": JSON{}, "sarif": SARIF{}, "github": GitHub{}, "markdown": Markdown{}}
	for name, f := range formats {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.Format(&b, r); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if strings.Contains(out, key) {
				t.Errorf("the output holds the key:\n%s", out)
			}
			// JSON escapes C0 controls; the text formats escape the rest too.
			raw := []string{"\a", "\r", "\x1b[31mred", "\x1b[2J"}
			if strings.HasPrefix(name, "human") || name == "github" || name == "markdown" {
				raw = append(raw, "\u202e")
			}
			for _, c := range raw {
				if strings.Contains(out, c) {
					t.Errorf("the output holds %q:\n%s", c, out)
				}
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.Contains(line, "FORGED") && strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") &&
					!strings.HasPrefix(line, "::error file=app/x\\n") && !strings.HasPrefix(line, "::warning file=threatmap.yaml") {
					t.Errorf("a forged line: %q", line)
				}
			}
			if name == "github" && strings.Count(out, "\n") != len(r.Findings)+1 {
				t.Errorf("github prints %d lines for %d findings:\n%s", strings.Count(out, "\n"), len(r.Findings), out)
			}
		})
	}
	if !strings.Contains(r.Findings[0].Message, key) {
		t.Error("formatting changed the report")
	}
}
