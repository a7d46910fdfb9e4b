package schemagen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/golden"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/report"
)

const schemaDir = "../../schema"

// TestSchemasCurrent fails when a committed schema differs from the Go
// types; THREATMAP_UPDATE_GOLDEN=1 go test ./internal/schemagen rewrites them.
func TestSchemasCurrent(t *testing.T) {
	files := Generate()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		golden.Check(t, filepath.Join(schemaDir, name), files[name])
	}
	if again := Generate(); !bytes.Equal(again[ReportFile], files[ReportFile]) {
		t.Error("Generate is not deterministic")
	}
}

func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(schemaDir, name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(BaseURL+name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(BaseURL + name)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return s
}

func instance(t *testing.T, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestReportJSONMatchesSchema validates the report golden, and a drafted
// empty report, against schema/report.schema.json.
func TestReportJSONMatchesSchema(t *testing.T) {
	s := compile(t, ReportFile)
	golden, err := os.ReadFile("../report/testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(instance(t, golden)); err != nil {
		t.Errorf("report golden.json does not match the schema: %v", err)
	}

	var empty bytes.Buffer
	page := report.Build(&model.Model{Version: 1, Product: model.Product{Name: "Empty"}}, time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), report.Options{Drafted: true})
	if err := (report.JSON{}).Write(&empty, page); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(instance(t, empty.Bytes())); err != nil {
		t.Errorf("an empty report does not match the schema: %v\n%s", err, empty.String())
	}
}

// TestModelFilesMatchSchema validates the model files this repository
// ships (converted YAML to JSON) against schema/threatmap.schema.json, and
// checks that the schema refuses what the loader refuses.
func TestModelFilesMatchSchema(t *testing.T) {
	s := compile(t, ModelFile)
	paths, _ := filepath.Glob("../../examples/*/threatmap.yaml")
	paths = append(paths, "../report/testdata/model.yaml")
	for _, path := range paths {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := model.Parse(path, data); err != nil {
				t.Skipf("%s does not load (its owner may be editing it): %v", path, err)
			}
			if err := s.Validate(instance(t, yamlToJSON(t, data))); err != nil {
				t.Errorf("%s does not match the schema: %v", path, err)
			}
		})
	}

	base := "version: 1\nproduct: {name: Tiny}\n"
	tests := []struct {
		name, yaml string
		valid      bool
	}{
		{"minimal", base, true},
		{"stride as one word", base + "surfaces: [{id: s, kind: endpoint, direction: entry, name: GET /}]\nthreats: [{id: t, surface: s, stride: ST, statement: x, difficulty: low, impact: high}]\n", true},
		{"evidence as a mapping", base + "assets: [{id: a, name: A, kind: user-data, impact: low, evidence: [{file: app.py, line: 3}]}]\n", true},
		{"unknown key", base + "surfacez: []\n", false},
		{"bad enum", base + "assets: [{id: a, name: A, kind: secrets, impact: low}]\n", false},
		{"bad date", base + "review: {last: {on: 31/01/2026, by: me}}\n", false},
		{"bad interval", base + "review: {every: quarterly}\n", false},
		{"bad id", base + "assets: [{id: Bad Id, name: A, kind: user-data, impact: low}]\n", false},
		{"acceptance without revisit", base + "surfaces: [{id: s, kind: endpoint, direction: entry, name: GET /}]\nthreats: [{id: t, surface: s, stride: [D], statement: x, difficulty: low, impact: high, response: accept, acceptance: {by: me, on: 2026-01-01, why: cheap}}]\n", false},
		{"no version", "product: {name: Tiny}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Validate(instance(t, yamlToJSON(t, []byte(tt.yaml))))
			if (err == nil) != tt.valid {
				t.Errorf("valid = %v, want %v (%v)", err == nil, tt.valid, err)
			}
		})
	}
}

// yamlToJSON converts a model file to JSON as a YAML language server sees
// it: every scalar the YAML 1.2 core schema reads as a string (dates
// included) stays a string.
func yamlToJSON(t *testing.T, data []byte) []byte {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	v, err := nodeValue(&root)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func nodeValue(n *yaml.Node) (any, error) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return nodeValue(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := nodeValue(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			return strings.EqualFold(n.Value, "true"), nil
		case "!!int":
			return strconv.ParseInt(n.Value, 0, 64)
		case "!!float":
			return strconv.ParseFloat(n.Value, 64)
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}
