package model

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/source"
)

const minimal = "version: 1\nproduct: {name: demo}\n"

func TestLoadExample(t *testing.T) {
	doc, err := Load(filepath.Join("..", "..", "examples", "docqa", FileName))
	if err != nil {
		t.Fatalf("the bundled example must be valid: %v", err)
	}
	m := doc.Model
	if len(m.Threats) != 7 || len(m.Surfaces) != 7 {
		t.Errorf("example has %d threats and %d surfaces; the source's table has 7 rows", len(m.Threats), len(m.Surfaces))
	}
	if got := m.Threats[0].Stride.String(); got != "D" {
		t.Errorf("first threat stride = %q, want D", got)
	}
	if p := doc.At("threats[3].response"); p.Line == 0 {
		t.Errorf("no position recorded for threats[3].response")
	}
}

func TestBadInput(t *testing.T) {
	bomb := "version: 1\nproduct: {name: x}\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		bomb += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = n
	}
	tests := []struct {
		name string
		in   string
		want []string // substrings of the error, each with its place
	}{
		{"empty", "", []string{"m.yaml:1:1: file is empty"}},
		{"only spaces", "  \n\n", []string{"m.yaml:1:1: file is empty"}},
		{"not yaml", "version: 1\nproduct: [unclosed\n", []string{"m.yaml:", "not valid YAML"}},
		{"plain text", "just some words\n", []string{"m.yaml:1:1: this section: expected a mapping"}},
		{"tabs", "version: 1\nproduct:\n\tname: x\n", []string{"m.yaml:3:1: tab used for indentation"}},
		{"utf16", "\xff\xfev\x00", []string{"m.yaml:1:1: file is UTF-16"}},
		{"binary", "version: 1\x00\x01", []string{"m.yaml:1:1: file is binary"}},
		{"conflict", minimal + "<<<<<<< HEAD\nassets: []\n=======\nassets: []\n>>>>>>> branch\n", []string{"m.yaml:3:1: merge-conflict marker <<<<<<<", "m.yaml:5:1: merge-conflict marker =======", "m.yaml:7:1: merge-conflict marker >>>>>>>"}},
		{"unknown key", minimal + "asets: []\n", []string{`m.yaml:3:1: top level: unknown key "asets"`, `did you mean "assets"?`}},
		{"duplicate key", minimal + "review: {}\nreview: {}\n", []string{`m.yaml:4:1: top level: key "review" appears twice`}},
		{"no version", "product: {name: x}\n", []string{"version is missing"}},
		{"wrong version", "version: 7\nproduct: {name: x}\n", []string{"m.yaml:1:10: version 7 is not supported"}},
		{"version not a number", "version: one\nproduct: {name: x}\n", []string{`m.yaml:1:10: version: "one" is not a whole number`}},
		{"wrong type", minimal + "assets: {id: a}\n", []string{"m.yaml:3:9: assets: expected a list, found a mapping"}},
		{"bad enum", minimal + "assets:\n  - {id: a, name: A, kind: user-dat, impact: high}\n", []string{`m.yaml:4:28: assets[0].kind: "user-dat" is not allowed`, `did you mean "user-data"?`}},
		{"bad date", minimal + "review: {last: {on: 2026-13-01, by: me}}\n", []string{"m.yaml:3:21: review.last.on:", "YYYY-MM-DD"}},
		{"bad interval", minimal + "review: {every: quarterly}\n", []string{"m.yaml:3:17: review.every:", "90d"}},
		{"duplicate ids", minimal + "assets:\n  - {id: a, name: A, kind: user-data, impact: high}\n  - {id: a, name: B, kind: user-data, impact: high}\n", []string{`m.yaml:5:10: duplicate id "a"`}},
		{"bad id", minimal + "assets:\n  - {id: My Asset, name: A, kind: user-data, impact: high}\n", []string{`"My Asset" is not a valid id`}},
		{"dangling surface", minimal + "threats:\n  - {id: t, surface: nope, stride: [S], statement: s, difficulty: low, impact: high}\n", []string{`m.yaml:4:22: threats[0].surface: unknown surface "nope"`}},
		{"dangling asset", minimal + "surfaces:\n  - {id: s, kind: endpoint, direction: entry, name: S, assets: [nope]}\n", []string{`surfaces[0].assets: unknown asset "nope"`}},
		{"bad stride", minimal + "surfaces:\n  - {id: s, kind: endpoint, direction: entry, name: S}\nthreats:\n  - {id: t, surface: s, stride: [Q], statement: s, difficulty: low, impact: high}\n", []string{`"Q" is not a STRIDE letter`}},
		{"acceptance incomplete", minimal + "surfaces:\n  - {id: s, kind: endpoint, direction: entry, name: S}\nthreats:\n  - id: t\n    surface: s\n    stride: S\n    statement: s\n    difficulty: low\n    impact: high\n    response: accept\n    acceptance: {by: me}\n",
			[]string{"threats[0].acceptance.on is missing", "threats[0].acceptance.why is missing", "threats[0].acceptance.revisit is missing"}},
		{"accepted without acceptance", minimal + "surfaces:\n  - {id: s, kind: endpoint, direction: entry, name: S}\nthreats:\n  - {id: t, surface: s, stride: S, statement: s, difficulty: low, impact: high, response: accept}\n", []string{"accepted without an acceptance", "threatmap accept t"}},
		{"yaml bomb", bomb, []string{"expands to more than"}},
		{"second document", minimal + "---\nversion: 1\n", []string{"m.yaml:3:1: a second YAML document"}},
		{"too large", minimal + "# " + strings.Repeat("x", MaxFileSize) + "\n", []string{"m.yaml:1:1: file is larger than"}},
		// Columns count characters; a byte that is not UTF-8 counts as
		// one, is reported where it is, and the rest is still read.
		{"not utf-8", "version: 1\n# caf\xe9\nproduct: {name: x}\nsurfacez: []\n", []string{"m.yaml:2:6: byte 0xE9 is not UTF-8", `m.yaml:4:1: top level: unknown key "surfacez"`}},
		{"not utf-8 before an error on its line", "version: 1\nproduct: {name: \"\xff\xfe日本\", bogus: 1}\n", []string{"m.yaml:2:18: byte 0xFF is not UTF-8", `m.yaml:2:25: product: unknown key "bogus"`}},
		{"columns count characters", "version: 1\nproduct: {name: \"日本\", bogus: 1}\n", []string{`m.yaml:2:23: product: unknown key "bogus"`}},
		{"not utf-8 before a tab", "version: 1\n# \xc3\nproduct:\n\tname: x\n", []string{"m.yaml:2:3: byte 0xC3 is not UTF-8", "m.yaml:4:1: tab used for indentation"}},
		{"not utf-8 before bad yaml", "version: 1\n# \x80\nproduct: [unclosed\n", []string{"m.yaml:2:3: byte 0x80 is not UTF-8", "not valid YAML"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("m.yaml", []byte(tc.in))
			if err == nil {
				t.Fatal("want an error, got none")
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %T: %v", err, err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%s", w, err)
				}
			}
			for _, p := range ps {
				if p.Line < 1 || p.Col < 1 || p.File != "m.yaml" {
					t.Errorf("problem without a place: %+v", p)
				}
			}
		})
	}
}

func TestBOMAccepted(t *testing.T) {
	if _, err := Parse("m.yaml", []byte("\xEF\xBB\xBF"+minimal)); err != nil {
		t.Fatalf("a UTF-8 byte order mark is legal YAML: %v", err)
	}
}

func TestStrideForms(t *testing.T) {
	for _, in := range []string{"[T, S]", "TS", "\"S, T\"", "[s, t, s]"} {
		doc, err := Parse("m.yaml", []byte(minimal+"surfaces:\n  - {id: s, kind: endpoint, direction: entry, name: S}\nthreats:\n  - {id: t, surface: s, stride: "+in+", statement: x, difficulty: low, impact: high}\n"))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if got := doc.Model.Threats[0].Stride.String(); got != "ST" {
			t.Errorf("stride %s = %q, want ST", in, got)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), FileName))
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("want not-exist, got %v", err)
	}
}

// The model of a scanned folder is read as the walk reads the tree: a
// link is refused (threatmap.yaml -> /etc/passwd would print its lines in
// the errors); a file a person names is read through links.
func TestLoadInRefusesLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := t.TempDir()
	target := filepath.Join(outside, "model.yaml")
	if err := os.WriteFile(target, []byte(minimal), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	path := filepath.Join(root, FileName)
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	_, err := LoadIn(root, path)
	if !errors.Is(err, source.ErrLink) || !strings.Contains(err.Error(), path) {
		t.Errorf("LoadIn through a link: got %v, want %v naming %s", err, source.ErrLink, path)
	}
	if _, err := LoadIn(root, filepath.Join(root, "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadIn of a missing file: got %v", err)
	}
	if _, err := Load(path); err != nil {
		t.Errorf("Load of a path a person named follows the link: %v", err)
	}
	if _, err := LoadIn(outside, path); err != nil {
		t.Errorf("LoadIn of a path outside the root is a named path: %v", err)
	}
	if _, err := Load("/dev/zero"); !errors.Is(err, source.ErrNotRegular) {
		t.Errorf("Load of a device: got %v, want %v", err, source.ErrNotRegular)
	}
	big := filepath.Join(root, "big.yaml")
	if err := os.WriteFile(big, []byte(minimal+"# "+strings.Repeat("x", MaxFileSize)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadIn(root, big)
	if ps, ok := err.(Problems); !ok || !strings.Contains(ps.Error(), big+":1:1: file is larger than 4 MiB") {
		t.Errorf("an oversized model: got %v", err)
	}
}
