package scan

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/facts"
)

// repoRoot is the module root, two levels above this package.
const repoRoot = "../.."

// fixtureTrees lists every tree the detectors are tested on: each app
// folder of a testdata folder under internal/detector (the roots the
// detector tests scan), and each bundled example.
func fixtureTrees(t testing.TB) []string {
	t.Helper()
	var trees []string
	err := filepath.WalkDir(filepath.Join(repoRoot, "internal", "detector"), func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() || d.Name() != "testdata" {
			return err
		}
		subs, err := os.ReadDir(p)
		if err != nil {
			return err
		}
		for _, s := range subs {
			if s.IsDir() && s.Name() != "fuzz" {
				trees = append(trees, filepath.Join(p, s.Name()))
			}
		}
		return filepath.SkipDir
	})
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadDir(filepath.Join(repoRoot, "examples"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range examples {
		if e.IsDir() {
			trees = append(trees, filepath.Join(repoRoot, "examples", e.Name()))
		}
	}
	if len(trees) == 0 {
		t.Fatal("no fixture trees found")
	}
	return trees
}

// scanJSON scans root and returns its findings as JSON, and apart its
// warnings: a detector handed a file without its keywords may well warn
// that it cannot parse it, which is noise, not a finding.
func scanJSON(t *testing.T, root string, opt Options) (findings []byte, warnings []facts.Warning) {
	t.Helper()
	res, err := Run(context.Background(), root, all.New(), opt)
	if err != nil {
		t.Fatalf("scan %s: %v", root, err)
	}
	res.Stats = facts.Stats{} // files read differ by design
	warnings, res.Warnings = res.Warnings, nil
	b, err := json.MarshalIndent(res, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b, warnings
}

// TestPrefilterLosesNothing is the contract of the keyword prefilter: on
// every detector fixture tree and example, a scan with it finds exactly
// what a scan that hands every file to every detector finds.
func TestPrefilterLosesNothing(t *testing.T) {
	for _, tree := range fixtureTrees(t) {
		name := strings.TrimPrefix(filepath.ToSlash(tree), repoRoot+"/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			with, withWarn := scanJSON(t, tree, Options{Workers: 1})
			without, withoutWarn := scanJSON(t, tree, Options{Workers: 1, NoPrefilter: true})
			if !bytes.Equal(with, without) {
				t.Errorf("facts differ with and without the prefilter:\n%s", firstDiff(with, without))
			}
			for _, w := range withWarn {
				if !slices.Contains(withoutWarn, w) {
					t.Errorf("warning only with the prefilter: %s: %s", w.File, w.Message)
				}
			}
		})
	}
}

// TestParallelScanIsDeterministic: many workers find what one finds, in
// the same order.
func TestParallelScanIsDeterministic(t *testing.T) {
	for _, tree := range fixtureTrees(t) {
		name := strings.TrimPrefix(filepath.ToSlash(tree), repoRoot+"/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			one, oneWarn := scanJSON(t, tree, Options{Workers: 1})
			many, manyWarn := scanJSON(t, tree, Options{Workers: 8})
			if !slices.Equal(oneWarn, manyWarn) {
				t.Errorf("warnings differ with 1 and 8 workers: %v, %v", oneWarn, manyWarn)
			}
			if !bytes.Equal(one, many) {
				t.Errorf("facts differ with 1 and 8 workers:\n%s", firstDiff(one, many))
			}
		})
	}
}

// firstDiff shows the first differing line of two JSON documents, with
// a little context, so a failure says what was lost.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			from := max(0, i-5)
			return "line " + strconv.Itoa(i+1) + ":\n  context: " + strings.Join(al[from:i], "\n  context: ") + "\n  first:  " + x + "\n  second: " + y
		}
	}
	return ""
}
