package reconcile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

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
	for _, shape := range mergeShapes {
		f.Add([]byte(shape))
	}
	draft := tinyDraft(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, perr := model.Parse("in", data)
		out, _, err := Merge(data, draft, "threatmap.yaml")
		if err != nil {
			if perr == nil && strings.Contains(err.Error(), "bug") {
				t.Fatalf("a valid file refused as a bug: %v\n%s", err, data)
			}
			return
		}
		if perr == nil {
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
	for _, shape := range commentShapes {
		f.Add([]byte(threatFile(shape)), "a")
	}
	for _, shape := range reviewShapes {
		f.Add([]byte(reviewFile(shape)), "a")
	}
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
			if err != nil && perr == nil && strings.Contains(err.Error(), "bug") {
				t.Fatalf("a valid file refused as a bug: %v\n%s", err, data)
			}
			if err != nil || perr != nil {
				continue
			}
			if _, err := model.Parse("out", out); err != nil {
				t.Fatalf("valid input, invalid output: %v\n%s", err, out)
			}
		}
	})
}

// FuzzComments holds the comment scanner to yaml.v3: every comment yaml.v3
// keeps in its tree, the scanner finds too (the scanner finds more: yaml.v3
// drops some, such as one after a '[' that opens a list over lines).
func FuzzComments(f *testing.F) {
	for _, shape := range commentShapes {
		f.Add([]byte(threatFile(shape)))
	}
	for _, shape := range mergeShapes {
		f.Add([]byte(shape))
	}
	f.Add([]byte("a: |\n  # text\n# comment\nb: 'x # y' # z\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := parseFile("in", data)
		if err != nil {
			return
		}
		found := map[string]int{}
		for _, c := range fl.comments() {
			found[c.text]++
		}
		for _, c := range treeComments(fl.root) {
			if found[c] == 0 {
				t.Fatalf("yaml.v3 sees the comment %q, the scanner does not\n%s", c, data)
			}
			found[c]--
		}
	})
}

// treeComments are the comment lines yaml.v3 attaches to the tree.
func treeComments(n *yaml.Node) []string {
	var out []string
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if seen[n] {
			return
		}
		seen[n] = true
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, l := range strings.Split(c, "\n") {
				if l = strings.TrimRight(strings.TrimSpace(l), "\r"); l != "" {
					out = append(out, l)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return out
}
