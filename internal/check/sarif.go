package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"
)

// InformationURI is where the tool's home page is, for SARIF consumers.
const InformationURI = "https://github.com/threatmap/threatmap"

// FingerprintKey names threatmap's partial fingerprint in SARIF results.
// GitHub code scanning keys alerts to it, so a finding keeps its alert
// when lines move; bump the version only if Fingerprint changes meaning.
const FingerprintKey = "threatmap/v1"

// securitySeverity maps a level to GitHub's security-severity score, which
// it buckets into critical (9+), high (7+), medium (4+) and low.
var securitySeverity = map[string]string{Error: "8.0", Warning: "5.0", Note: "2.0"}

// SARIF writes a SARIF 2.1.0 log with one run: one rule per kind, one
// result per finding, for GitHub code scanning and other SARIF viewers.
type SARIF struct {
	Version string // threatmap's version, for the tool driver
}

// Format implements Formatter.
func (s SARIF) Format(w io.Writer, r *Report) error {
	log, err := s.Log(r)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("encode sarif: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// Log builds the SARIF log of a report, with every key masked.
func (s SARIF) Log(r *Report) (*sarif.Report, error) {
	r = redacted(r)
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	version := s.Version
	if version == "" {
		version = "dev"
	}
	driver := sarif.NewVersionedDriver("threatmap", version).WithInformationURI(InformationURI)
	index := map[string]int{}
	for i, k := range Kinds {
		driver.AddRule(sarifRule(k))
		index[k.ID] = i
	}
	run := sarif.NewRun(sarif.Tool{Driver: driver})
	for _, f := range r.Findings {
		file := f.File
		if file == "" {
			file = r.Model // a finding about the whole model points at it
		}
		file = r.FromRoot(file)
		region := sarif.NewRegion()
		if f.Line > 0 {
			region.WithStartLine(f.Line)
		} else {
			region = nil
		}
		loc := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(file)))
		if region != nil {
			loc.WithRegion(region)
		}
		res := sarif.NewRuleResult(f.Kind).
			WithLevel(f.Level).
			WithMessage(sarif.NewTextMessage(resultText(f))).
			WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(loc)}).
			WithPartialFingerPrints(map[string]any{FingerprintKey: f.Fingerprint})
		if i, ok := index[f.Kind]; ok {
			res.WithRuleIndex(i)
		}
		run.Results = append(run.Results, res) // AddResult would index an unknown rule as -1
	}
	log.AddRun(run)
	return log, nil
}

func sarifRule(k Kind) *sarif.ReportingDescriptor {
	tags := []string{"security"}
	for _, c := range k.CWE {
		tags = append(tags, "external/cwe/"+strings.ToLower(c))
	}
	var md strings.Builder
	fmt.Fprintf(&md, "**%s**\n\n%s\n", k.Title, k.Help)
	for _, c := range k.CWE {
		n := strings.TrimPrefix(strings.ToUpper(c), "CWE-")
		fmt.Fprintf(&md, "\n[%s](https://cwe.mitre.org/data/definitions/%s.html)\n", strings.ToUpper(c), n)
	}
	return sarif.NewRule(k.ID).
		WithName(ruleName(k.ID)).
		WithShortDescription(sarif.NewMultiformatMessageString(k.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString(k.Help)).
		WithHelp(sarif.NewMultiformatMessageString(k.Help).WithMarkdown(md.String())).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(k.Level)).
		WithProperties(sarif.Properties{"tags": tags, "security-severity": securitySeverity[k.Level]})
}

// ruleName turns a kind id into the PascalCase name SARIF suggests:
// "unverified-control" is "UnverifiedControl".
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// resultText is the message with what to do about it: a code-scanning
// alert is read away from the terminal, so it carries the fix.
func resultText(f Finding) string {
	if f.Fix == "" {
		return f.Message
	}
	return f.Message + "\n\nFix: " + f.Fix
}

// fileURI writes a repo-relative slash path as a relative URI reference,
// escaping what a URI cannot hold (spaces, '#', '%').
func fileURI(p string) string {
	u := (&url.URL{Path: p}).EscapedPath()
	// A colon in the first segment would read as a scheme ("c:x.py").
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}
