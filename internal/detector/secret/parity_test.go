package secret

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect"

	"github.com/threatmap/threatmap/internal/redact"
)

// TestGitleaksParity checks that running rules only around keyword hits
// finds what gitleaks finds running them over whole files. Lines are not
// compared: gitleaks reports where a match starts (the curl command), this
// package where the secret is (the -H line).
func TestGitleaksParity(t *testing.T) {
	rs, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	d, err := detect.NewDetectorDefaultConfig()
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir("testdata", func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(p)
		var want, got []string
		for _, f := range d.Detect(detect.Fragment{Raw: string(data), FilePath: rel}) {
			want = append(want, fmt.Sprintf("%s %s", f.RuleID, redact.Secret(f.Secret)))
		}
		if rs.pathAllowed(rel) {
			got = nil
		} else {
			for _, c := range rs.find(rel, data) {
				got = append(got, fmt.Sprintf("%s %s", c.rule, redact.Secret(c.secret)))
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Errorf("%s: gitleaks %q, windows %q", rel, want, got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
