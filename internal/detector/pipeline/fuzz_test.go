package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

func addSeeds(f *testing.F, files ...string) {
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzWorkflow(f *testing.F) {
	addSeeds(f, "testdata/actions/.github/workflows/ci.yml", "testdata/actions/.github/workflows/label.yml",
		"testdata/actions/.github/workflows/broken.yml", "testdata/gitlab/.gitlab-ci.yml")
	f.Add([]byte("on: &a [*a]\njobs: &j {x: {steps: [*j]}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range []string{".github/workflows/w.yml", ".gitlab-ci.yml"} {
			c := NewCI()
			out := detector.NewSink()
			if err := c.Detect(context.Background(), &detector.File{Path: p, Data: data}, out); err != nil {
				t.Fatal(err)
			}
			if err := c.Finish(context.Background(), out); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzManifests(f *testing.F) {
	addSeeds(f, "testdata/lockfiles/worker/requirements.txt", "testdata/lockfiles/api/pyproject.toml", "testdata/lockfiles/web/package.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range []string{"requirements.txt", "package.json", "pyproject.toml", "Pipfile"} {
			l := NewLockfiles()
			out := detector.NewSink()
			if !l.Match(p) {
				t.Fatalf("Match(%q) = false", p)
			}
			if err := l.Detect(context.Background(), &detector.File{Path: p, Data: data}, out); err != nil {
				t.Fatal(err)
			}
			if err := l.Finish(context.Background(), out); err != nil {
				t.Fatal(err)
			}
		}
	})
}
