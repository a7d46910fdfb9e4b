package threat_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/threat"
)

// Every rule has two small apps under testdata/rules/<rule-id>/: "fires",
// where the draft holds an open threat of that rule, and "lookalike", nearly
// the same app with the control present (or, for rules no code check can
// answer, the weakness written safely), where it holds none. More pairs,
// one per language ("fires-go", "lookalike-go"), are read the same way.
const ruleFixtures = "testdata/rules"

var fixtureCases = []string{"fires", "lookalike"}

func TestRuleFixtures(t *testing.T) {
	dirs, err := os.ReadDir(ruleFixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		rule := d.Name()
		if threat.RuleByID(rule) == nil {
			t.Errorf("%s/%s: no rule has this id", ruleFixtures, rule)
			continue
		}
		cases, err := os.ReadDir(filepath.Join(ruleFixtures, rule))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			kase := c.Name()
			fires, lookalike := strings.HasPrefix(kase, "fires"), strings.HasPrefix(kase, "lookalike")
			if !c.IsDir() || !fires && !lookalike {
				continue
			}
			dir := filepath.Join(ruleFixtures, rule, kase)
			t.Run(rule+"/"+kase, func(t *testing.T) {
				t.Parallel()
				m := draft(t, dir)
				open := openThreats(m, rule)
				t.Logf("%s threats:\n%s", rule, describe(m, rule))
				switch {
				case fires && len(open) == 0:
					t.Errorf("no open %s threat; the draft's threats of that rule:\n%s", rule, describe(m, rule))
				case lookalike && len(open) > 0:
					t.Errorf("%d open %s threat(s) where the control is present:\n%s", len(open), rule, describe(m, rule))
				}
			})
		}
	}
}

// A rule added to the catalogue without its pair of fixtures fails here.
func TestEveryRuleHasFixtures(t *testing.T) {
	for _, r := range threat.Rules() {
		for _, kase := range fixtureCases {
			dir := filepath.Join(ruleFixtures, r.ID, kase)
			entries, err := os.ReadDir(dir)
			if err != nil || len(entries) == 0 {
				t.Errorf("rule %s has no %s fixture (%s)", r.ID, kase, dir)
			}
		}
	}
}

func openThreats(m *model.Model, rule string) []model.Threat {
	var out []model.Threat
	for _, th := range m.Threats {
		if th.Rule == rule && th.IsOpen() {
			out = append(out, th)
		}
	}
	return out
}

// describe lists a rule's threats with their controls, so a failing case
// says which control the check did or did not find.
func describe(m *model.Model, rule string) string {
	var b strings.Builder
	for _, th := range m.Threats {
		if th.Rule != rule {
			continue
		}
		fmt.Fprintf(&b, "  %s open=%v evidence=%v\n", th.ID, th.IsOpen(), th.Evidence)
		for _, c := range th.Controls {
			fmt.Fprintf(&b, "    [%s] %s (check %q) %v\n", c.Status, c.Text, c.Check, c.Evidence)
		}
	}
	if b.Len() == 0 {
		b.WriteString("  (none)\n")
	}
	return b.String()
}

// A gate judges what the code does, every row, not one: in ssrf/fires a
// dialer that only sets a timeout and an address check that only logs
// stand beside the plain fetch and stay open, and in debug-endpoint/fires
// /metrics calls a function that reads the basic-auth user only to log
// it; in the lookalikes a dialer and a check that reject, and a handler
// that branches on a function checking the password, draft their rows
// mitigated, with the line.
func TestGateEveryRow(t *testing.T) {
	for _, tc := range []struct {
		rule, kase string
		open       bool
		rows       int
	}{
		{"ssrf", "fires", true, 4}, {"ssrf", "lookalike", false, 2},
		{"debug-endpoint", "fires", true, 2}, {"debug-endpoint", "lookalike", false, 2},
	} {
		m := draft(t, filepath.Join(ruleFixtures, tc.rule, tc.kase))
		rows := 0
		for _, th := range m.Threats {
			if th.Rule != tc.rule {
				continue
			}
			rows++
			if th.IsOpen() != tc.open {
				t.Errorf("%s/%s: %s open=%v, want %v:\n%s", tc.rule, tc.kase, th.ID, th.IsOpen(), tc.open, describe(m, tc.rule))
			}
			if !th.IsOpen() && len(th.Controls[0].Evidence) == 0 {
				t.Errorf("%s/%s: %s mitigated without evidence", tc.rule, tc.kase, th.ID)
			}
		}
		if rows != tc.rows {
			t.Errorf("%s/%s: %d rows, want %d:\n%s", tc.rule, tc.kase, rows, tc.rows, describe(m, tc.rule))
		}
	}
}
