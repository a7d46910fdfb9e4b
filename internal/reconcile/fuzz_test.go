package reconcile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// FuzzMerge feeds any file to Merge with a fixed draft: it must never
// panic, and when the file was a valid model the result must be one too.
func FuzzMerge(f *testing.F) {
	for _, p := range []string{
		filepath.Join("testdata", "merge", "existing.yaml"),
		filepath.Join("..", "..", "examples", "docqa", "threatmap.yaml"),
	} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("version: 1\nproduct: {name: x}\n"))
	f.Add([]byte("version: 1\nproduct:\n  name: x\nsurfaces:\n- id: a\n  kind: endpoint\n  direction: entry\n  name: A\n  match: {path: /chat}\n  state: gone"))
	f.Add([]byte("version: 1\r\nproduct: {name: x}\r\nthreats: []\r\n"))
	f.Add([]byte("version: 1\nproduct: &p {name: x}\nreview: {last: {on: 2026-01-01, by: a}}\n"))
	draft := tinyDraft(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		out, _, err := Merge(data, draft, "threatmap.yaml")
		if err != nil {
			return
		}
		if _, perr := model.Parse("in", data); perr == nil {
			if _, err := model.Parse("out", out); err != nil {
				t.Fatalf("valid input, invalid output: %v\n%s", err, out)
			}
		}
	})
}

// FuzzDecide runs the decision edits over any file: no panics, and a valid
// file stays valid.
func FuzzDecide(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "merge", "existing.yaml")); err == nil {
		f.Add(data, "notes-idor")
	}
	f.Add([]byte("version: 1\nproduct: {name: x}\nthreats:\n  - {id: a, surface: s, stride: [S], statement: x, difficulty: low, impact: low}\nsurfaces:\n  - {id: s, kind: store, direction: store, name: S}\n"), "a")
	on, _ := model.ParseDate("2026-01-01")
	f.Fuzz(func(t *testing.T, data []byte, id string) {
		_, perr := model.Parse("in", data)
		for _, edit := range []func() ([]byte, error){
			func() ([]byte, error) { return Accept(data, id, "sam", "why: not", on, on) },
			func() ([]byte, error) { return Transfer(data, id, "insurer", "policy #4", "", on) },
			func() ([]byte, error) { return Eliminate(data, id, "removed", "sam", on) },
			func() ([]byte, error) {
				return SetControl(data, id, "Rate limit", model.Implemented, []model.Evidence{{File: "a.py", Line: 1}})
			},
			func() ([]byte, error) { return Review(data, "sam", on) },
		} {
			out, err := edit()
			if err != nil || perr != nil {
				continue
			}
			if _, err := model.Parse("out", out); err != nil {
				t.Fatalf("valid input, invalid output: %v\n%s", err, out)
			}
		}
	})
}
