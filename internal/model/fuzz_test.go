package model

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds the loader arbitrary files: it must return a model or
// Problems with places, and never panic. The seeds run as ordinary tests.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seed", "*.yaml"))
	seeds = append(seeds, filepath.Join("..", "..", "examples", "docqa", FileName))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "version: 1", "a: &a [*a]", "version: 1\nproduct: {name: x}\nthreats: [{stride: SS}]", "\t", "<<<<<<< x", "- - - -", "{", "version: 1\nreview: {every: 0d}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("f.yaml", data)
		if err == nil {
			if doc == nil || doc.Model == nil {
				t.Fatal("no error and no model")
			}
			return
		}
		ps, ok := err.(Problems)
		if !ok {
			t.Fatalf("error is %T, want Problems: %v", err, err)
		}
		if len(ps) == 0 {
			t.Fatal("empty Problems")
		}
		for _, p := range ps {
			if p.Line < 1 || p.Col < 1 {
				t.Fatalf("problem without a place: %+v", p)
			}
		}
	})
}
