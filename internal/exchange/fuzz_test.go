package exchange

import (
	"bytes"
	"os"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/reconcile"
)

// FuzzParseOTM: any bytes are an OTM document or an error, never a panic,
// and what parses maps to a valid model (what cannot be mapped is left
// out and named).
func FuzzParseOTM(f *testing.F) {
	drawn, err := os.ReadFile("testdata/drawn.otm.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(drawn)
	var b bytes.Buffer
	if err := WriteOTM(&b, &model.Model{Version: 1, Product: model.Product{Name: "x"}}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	for _, s := range []string{
		`{"otmVersion": "0.2.0", "project": {"name": "x", "id": "x"}}`,
		"otmVersion: 0.1.0\nproject: {name: y, id: y}\ncomponents:\n  - {id: a, name: A, type: t, parent: {trustZone: z}, threats: [{threat: t1, state: accepted}]}\nthreats:\n  - {id: t1, name: T, categories: [Spoofing], risk: {likelihood: 50, impact: 50}}\n",
		`{"otmVersion": "0.2.0", "components": [{"id": "c", "parent": {"component": "c"}}], "dataflows": [{"id": "f", "source": "c", "destination": "c"}]}`,
		`{"otmVersion": "0.2.0", "threats": [{"id": "1", "risk": {"likelihood": null, "impact": -5}}]}`,
		"{\n  \"otmVersion\": 7",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := ParseOTM("f", data)
		if err != nil {
			return
		}
		im := FromOTM(o, today)
		// What import writes for a new model must be a valid model.
		out, err := reconcile.Encode(im.Model, "schema.json")
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		if _, err := model.Parse("threatmap.yaml", out); err != nil {
			t.Fatalf("the imported model is not valid: %v\n%s", err, out)
		}
	})
}
