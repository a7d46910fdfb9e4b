// Package schemagen generates the JSON Schemas in schema/ from the Go types
// they describe, so that the schemas cannot drift from the code: a test
// fails when a committed schema differs from what Generate returns.
package schemagen

import (
	"bytes"
	"encoding/json"
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/report"
)

// BaseURL is where the schemas are published: each one's $id.
const BaseURL = "https://github.com/threatmap/threatmap/schema/"

// Schema file names in schema/.
const (
	ModelFile  = "threatmap.schema.json"
	ReportFile = "report.schema.json"
	ScanFile   = "scan.schema.json"
)

// Generate returns every schema file, by name.
func Generate() map[string][]byte {
	return map[string][]byte{
		ModelFile: encode(modelSchema()),
		ReportFile: encode(reflectSchema(&report.JSONReport{}, "json", reportMapper,
			ReportFile, "threatmap report", "The one page as data: `threatmap report --format json`. Threats are in priority order (1 = fix first).")),
		ScanFile: encode(reflectSchema(&facts.Facts{}, "json", nil,
			ScanFile, "threatmap scan", "The facts found in the code: `threatmap scan --format json`.")),
	}
}

func modelSchema() *jsonschema.Schema {
	return reflectSchema(&model.Model{}, "yaml", modelMapper, ModelFile, "threatmap.yaml",
		"A threat model kept in the repository: assets, trust boundaries, surfaces and threats with their responses. Point your editor's YAML language server at this schema.")
}

func reflectSchema(v any, tag string, mapper func(reflect.Type) *jsonschema.Schema, file, title, description string) *jsonschema.Schema {
	r := &jsonschema.Reflector{FieldNameTag: tag, Mapper: mapper}
	s := r.Reflect(v)
	s.ID = jsonschema.ID(BaseURL + file)
	s.Title = title
	s.Description = description
	return s
}

var (
	dateType     = reflect.TypeOf(model.Date{})
	durationType = reflect.TypeOf(model.Duration{})
	evidenceType = reflect.TypeOf(model.Evidence{})
	strideType   = reflect.TypeOf(model.Stride{})
)

func dateSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Format: "date", Description: "A calendar day: YYYY-MM-DD."}
}

func durationSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Pattern: `^[0-9]+[dw]$`, Description: "An interval in days or weeks: 90d, 12w."}
}

func strideLetters() *jsonschema.Schema {
	letters := make([]any, len(model.StrideLetters))
	for i, l := range model.StrideLetters {
		letters[i] = l
	}
	return &jsonschema.Schema{Type: "array", Items: &jsonschema.Schema{Type: "string", Enum: letters}, MinItems: ptr(uint64(1)), UniqueItems: true,
		Description: "STRIDE letters: Spoofing, Tampering, Repudiation, Information disclosure, Denial of service, Elevation of privilege."}
}

// modelMapper describes the model file as people write it: dates,
// intervals and evidence are strings, STRIDE a list of letters or one word.
func modelMapper(t reflect.Type) *jsonschema.Schema {
	switch t {
	case dateType:
		return dateSchema()
	case durationType:
		return durationSchema()
	case evidenceType:
		return &jsonschema.Schema{
			Description: "Where the code shows it: file:line (or file).",
			OneOf: []*jsonschema.Schema{
				{Type: "string", MinLength: ptr(uint64(1)), Examples: []any{"backend/app.py:42"}},
				evidenceObject(),
			},
		}
	case strideType:
		return &jsonschema.Schema{OneOf: []*jsonschema.Schema{
			strideLetters(),
			{Type: "string", Pattern: `^[STRIDEstride, ]+$`, Description: "The letters as one word: ST."},
		}}
	}
	return nil
}

// reportMapper describes the report JSON: dates and intervals are strings,
// evidence is an object, STRIDE a list of letters.
func reportMapper(t reflect.Type) *jsonschema.Schema {
	switch t {
	case dateType:
		return dateSchema()
	case durationType:
		return durationSchema()
	case evidenceType:
		return evidenceObject()
	case strideType:
		return strideLetters()
	}
	return nil
}

func evidenceObject() *jsonschema.Schema {
	props := jsonschema.NewProperties()
	props.Set("file", &jsonschema.Schema{Type: "string", Description: "Repo-relative, slash-separated path."})
	props.Set("line", &jsonschema.Schema{Type: "integer", Minimum: json.Number("0"), Description: "1-based line; absent or 0 for the whole file."})
	return &jsonschema.Schema{Type: "object", Properties: props, Required: []string{"file"}, AdditionalProperties: jsonschema.FalseSchema}
}

func encode(s *jsonschema.Schema) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		// The schemas are built from static types: failing here is a bug.
		panic("schemagen: " + err.Error())
	}
	return buf.Bytes()
}

func ptr[T any](v T) *T { return &v }
