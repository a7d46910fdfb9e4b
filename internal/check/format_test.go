package check

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/threatmap/threatmap/internal/golden"
)

// sampleReport has one finding of each level, one without a file, one at
// line 0, and messages holding every character the formats must escape.
func sampleReport() *Report {
	return &Report{
		Model:  "threatmap.yaml",
		FailOn: Error,
		Failed: true,
		Findings: []Finding{
			{Kind: "drift", Level: Error, Message: "the code has a surface the model does not know: POST /api/export",
				Fix: "threatmap sync   # adds it to threatmap.yaml, marked new:\n  - id: post-api-export", File: "app/routes.py", Line: 12, ID: "post-api-export", Fingerprint: "0123456789abcdef"},
			{Kind: "secret-committed", Level: Error, Message: "secret committed: STRIPE_KEY (stripe-access-token) = sk_l…9xQz",
				Fix: "rotate it", File: "config, old/settings:prod.py", Line: 3, Fingerprint: "1111111111111111"},
			{Kind: "review-overdue", Level: Error, Message: "the threat model has never been reviewed",
				Fix: "threatmap review --by NAME", File: "threatmap.yaml", Line: 0, Fingerprint: "2222222222222222"},
			{Kind: "stale", Level: Warning, Message: "surface old (GET /old) is no longer in the code, 100% gone\r\nreally",
				Fix: "threatmap sync", File: "threatmap.yaml", Line: 40, ID: "old", Fingerprint: "3333333333333333"},
			{Kind: "unused-ignore", Level: Note, Message: "ignore #1 (kind drift) matches no finding", Fix: "remove it", Fingerprint: "4444444444444444"},
		},
	}
}

func TestFormatsGolden(t *testing.T) {
	tests := []struct {
		name, golden string
		f            Formatter
	}{
		{"sarif", "sarif.json", SARIF{Version: "1.2.3"}},
		{"github", "github.txt", GitHub{}},
		{"markdown", "markdown.md", Markdown{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.f.Format(&b, sampleReport()); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", tt.golden), b.Bytes())
		})
	}
}

// TestFailOnText: the summary line reads well at every fail-on, never
// included, and when only a weakened gate fails a check that never fails.
func TestFailOnText(t *testing.T) {
	tests := []struct {
		failOn string
		failed bool
		want   string
	}{
		{Error, true, "fails on error"},
		{Warning, false, "fails on warning"},
		{"never", false, "fail-on is never: nothing fails"},
		{"never", true, "fail-on is never; the weakened gate fails it"},
	}
	for _, tt := range tests {
		if got := failOnText(&Report{FailOn: tt.failOn, Failed: tt.failed}); got != tt.want {
			t.Errorf("failOnText(%s, failed %v) = %q, want %q", tt.failOn, tt.failed, got, tt.want)
		}
	}
}

// TestSARIFSchema validates the output, empty and full, against the
// SARIF 2.1.0 schema (OASIS errata 01), with formats asserted.
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Report{"full": sampleReport(), "empty": {Model: "threatmap.yaml", FailOn: Error}} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (SARIF{}).Format(&b, r); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("output is not valid SARIF 2.1.0: %v\n%s", err, b.String())
			}
		})
	}
}

// TestSARIFContent pins what code scanning reads: rules with tags and
// severities, result locations and fingerprints.
func TestSARIFContent(t *testing.T) {
	var b bytes.Buffer
	if err := (SARIF{Version: "1.2.3"}).Format(&b, sampleReport()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
						Properties           struct {
							Tags     []string
							Severity string `json:"security-severity"`
						}
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine int }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "threatmap" || d.Version != "1.2.3" || d.InformationURI != InformationURI {
		t.Errorf("driver = %+v", d)
	}
	if len(run.Tool.Driver.Rules) != len(Kinds) {
		t.Errorf("%d rules, want one per kind (%d)", len(run.Tool.Driver.Rules), len(Kinds))
	}
	for i, r := range run.Tool.Driver.Rules {
		if r.ID != Kinds[i].ID || r.DefaultConfiguration.Level != Kinds[i].Level || r.Properties.Severity != securitySeverity[Kinds[i].Level] {
			t.Errorf("rule %d = %+v, want kind %+v", i, r, Kinds[i])
		}
		if r.ID == "secret-committed" && !strings.Contains(strings.Join(r.Properties.Tags, " "), "external/cwe/cwe-798") {
			t.Errorf("secret rule tags %v lack external/cwe/cwe-798", r.Properties.Tags)
		}
	}
	tests := []struct {
		i         int
		uri       string
		startLine int // 0: no region
	}{
		{0, "app/routes.py", 12},
		{1, "config,%20old/settings:prod.py", 3},
		{2, "threatmap.yaml", 0},
		{4, "threatmap.yaml", 0}, // no file: the model
	}
	for _, tt := range tests {
		res := run.Results[tt.i]
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI != tt.uri {
			t.Errorf("result %d uri = %q, want %q", tt.i, pl.ArtifactLocation.URI, tt.uri)
		}
		if (pl.Region == nil) != (tt.startLine == 0) || (pl.Region != nil && pl.Region.StartLine != tt.startLine) {
			t.Errorf("result %d region = %+v, want line %d", tt.i, pl.Region, tt.startLine)
		}
		if want := sampleReport().Findings[tt.i].Fingerprint; res.PartialFingerprints[FingerprintKey] != want {
			t.Errorf("result %d fingerprint = %v, want %s", tt.i, res.PartialFingerprints, want)
		}
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d ruleIndex %d names %s, not %s", tt.i, res.RuleIndex, run.Tool.Driver.Rules[res.RuleIndex].ID, res.RuleID)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"x:y,z", "x:y,z", "x%3Ay%2Cz"},
		{"%0A", "%250A", "%250A"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

// FuzzGitHubCommand: whatever a file name or message holds, each finding
// is one workflow command line, so a scanned repository cannot inject
// commands of its own into the log.
func FuzzGitHubCommand(f *testing.F) {
	f.Add("app.py", "message")
	f.Add("a\n::error::x", "m\r\n::set-env name=X::1")
	f.Add("a,b:c%", "100%")
	f.Fuzz(func(t *testing.T, file, msg string) {
		r := &Report{Model: "threatmap.yaml", FailOn: Error, Findings: []Finding{{Kind: "drift", Level: Error, Message: msg, File: file, Line: 1}}}
		var b bytes.Buffer
		if err := (GitHub{}).Format(&b, r); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "::error file=") || strings.HasPrefix(lines[1], "::") {
			t.Fatalf("output is not one command and a summary:\n%s", b.String())
		}
	})
}
