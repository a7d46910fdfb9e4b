package secret

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/zricethezav/gitleaks/v8/detect"

	"github.com/threatmap/threatmap/internal/redact"
)

// TestGitleaksParity checks that running rules only around keyword hits
// finds what gitleaks finds running them over whole files. Lines are not
// compared: gitleaks reports where a match starts (the curl command), this
// package where the secret is (the -H line).
func TestGitleaksParity(t *testing.T) { checkParity(t, "testdata") }

// TestGitleaksParityTree runs the same comparison on any tree, with
// timings: THREATMAP_PARITY_ROOT=path go test -run ParityTree -v.
func TestGitleaksParityTree(t *testing.T) {
	root := os.Getenv("THREATMAP_PARITY_ROOT")
	if root == "" {
		t.Skip("THREATMAP_PARITY_ROOT not set")
	}
	checkParity(t, root)
}

const genericRule = "generic-api-key"

func checkParity(t *testing.T, root string) {
	t.Helper()
	var windows, whole time.Duration
	files := 0
	defer func() { t.Logf("%d files: keyword windows %v, gitleaks whole files %v", files, windows, whole) }()
	rs, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	d, err := detect.NewDetectorDefaultConfig()
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if info, err := e.Info(); err != nil || info.Size() > 1<<20 || !info.Mode().IsRegular() {
			return nil
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(p)
		var want, got []string
		start := time.Now()
		//lint:ignore SA1019 Detect takes this type until gitleaks v9.
		found := d.Detect(detect.Fragment{Raw: string(data), FilePath: rel})
		whole += time.Since(start)
		for _, f := range found {
			want = append(want, fmt.Sprintf("%s %s", f.RuleID, redact.Secret(f.Secret)))
		}
		if rs.pathAllowed(rel) {
			got = nil
		} else {
			start := time.Now()
			cands := rs.find(rel, data)
			windows += time.Since(start)
			// gitleaks drops a generic-api-key finding whose secret a
			// provider's rule found too; resolve does the same later.
			provider := map[string]bool{}
			for _, c := range cands {
				if c.rule != genericRule {
					provider[c.secret] = true
				}
			}
			for _, c := range cands {
				if c.rule == genericRule && provider[c.secret] {
					continue
				}
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
