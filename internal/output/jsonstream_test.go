package output

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/scan"
)

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("want %d lines, got %d", len(w), len(g))
}

// encoded is what writeIndentedJSON must reproduce byte for byte.
func encoded(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func streamed(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeIndentedJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The scan's result must stream, or its output is held whole again.
func TestFactsStreamable(t *testing.T) {
	if !streamable(reflect.TypeFor[facts.Facts]()) {
		t.Fatal("facts.Facts no longer streams: writeIndentedJSON would marshal it whole")
	}
}

// marshalsByPointer has a pointer-receiver MarshalJSON, which the
// Encoder uses for slice elements (they are addressable) only.
type marshalsByPointer struct{ N int }

func (m *marshalsByPointer) MarshalJSON() ([]byte, error) {
	return []byte(`{"by":"pointer","n":` + string(rune('0'+m.N)) + `}`), nil
}

func TestWriteIndentedJSONMatchesEncoder(t *testing.T) {
	type plain struct {
		A      int                 `json:"a"`
		List   []string            `json:"list"`
		Empty  []int               `json:"empty"`
		Nil    []int               `json:"nil"`
		Raw    []byte              `json:"raw"`
		Nested struct{ X []int }   `json:"nested"`
		Ptrs   []marshalsByPointer `json:"ptrs"`
		Field  marshalsByPointer   `json:"field"`
		Any    []any               `json:"any"`
		NoTag  string
		Skip   string `json:"-"`
		hidden int
	}
	type withOmitEmpty struct {
		A []int `json:"a,omitempty"`
		B int   `json:"b"`
	}
	type embedded struct {
		plain
		C int `json:"c"`
	}
	p := plain{
		A:      1,
		List:   []string{"<a href=\"x\">&amp;</a>", "é\u2028", "\xff"},
		Empty:  []int{},
		Raw:    []byte("bytes"),
		Nested: struct{ X []int }{X: []int{1, 2}},
		Ptrs:   []marshalsByPointer{{N: 1}, {N: 2}},
		Field:  marshalsByPointer{N: 3},
		Any:    []any{nil, map[string]any{"k": []any{}}, 1.5},
		NoTag:  "n",
		Skip:   "s",
		hidden: 1,
	}
	tests := []struct {
		name string
		v    any
	}{
		{"plain", p},
		{"zero", plain{}},
		{"empty struct", struct{}{}},
		{"omitempty falls back", withOmitEmpty{B: 2}},
		{"embedded falls back", embedded{plain: p, C: 3}},
		{"not a struct", []int{1, 2}},
		{"facts", facts.Facts{
			Version:  facts.SchemaVersion,
			Root:     ".",
			Surfaces: []facts.Route{{ID: "r1", Method: "GET", Path: "/a/{id}", Tags: []string{}, Params: []facts.Param{}}},
			Warnings: []facts.Warning{{File: "a.tf", Message: "line 1: <bad>"}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := streamed(t, tc.v), encoded(t, tc.v); got != want {
				t.Errorf("streamed:\n%s\nencoder:\n%s", got, want)
			}
		})
	}
}

// A real scan's result, end to end.
func TestWriteIndentedJSONScan(t *testing.T) {
	for _, dir := range []string{"../../examples/docqa", "../../examples/docqa-hardened"} {
		res, err := scan.Run(context.Background(), dir, all.New(), scan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := streamed(t, res), encoded(t, res); got != want {
			t.Errorf("%s: streamed JSON differs from the Encoder's:\n%s", dir, firstDiff(want, got))
		}
	}
}
