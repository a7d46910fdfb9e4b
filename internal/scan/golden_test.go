package scan

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/golden"
)

// TestScanGolden pins what every detector finds on every fixture tree and
// example, warnings and counts included, to testdata/golden: a change
// meant to keep the output (a faster search, a package moved) shows here
// if it does not, and one meant to change it shows what it changed.
// THREATMAP_UPDATE_GOLDEN=1 rewrites the files; review the diff.
func TestScanGolden(t *testing.T) {
	for _, tree := range fixtureTrees(t) {
		name := strings.TrimPrefix(filepath.ToSlash(tree), repoRoot+"/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, err := Run(context.Background(), tree, all.New(), Options{})
			if err != nil {
				t.Fatalf("scan %s: %v", tree, err)
			}
			b, err := json.MarshalIndent(res.Listed(), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			file := strings.NewReplacer("internal/detector/", "", "/testdata/", "-", "/", "-").Replace(name) + ".json"
			golden.Check(t, filepath.Join("testdata", "golden", file), append(b, '\n'))
		})
	}
}
