package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
)

// writeIndentedJSON writes v exactly as a json.Encoder with
// SetIndent("", "  ") and SetEscapeHTML(false) would, trailing newline
// included, without holding all of it in memory: the Encoder marshals the
// whole value, then indents a second copy, before writing a byte, and a
// scan of a large tree is tens of MB of JSON. A struct's slice fields are
// written one element at a time through a buffered writer; a struct this
// cannot stream byte for byte (tag options, embedded fields) and any
// other value go through the Encoder whole.
func writeIndentedJSON(w io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	if !streamable(rv.Type()) {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	s := &jsonStream{w: bw}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	s.struct1(rv)
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

// streamable says a type is a struct whose fields encoding/json writes
// under a plain name, in declaration order, always: exported, not
// embedded, tagged with at most a name (no omitempty, no ",string").
func streamable(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			// Promoted fields, even of an unexported type.
			return false
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		if !plainName(tag) {
			return false
		}
	}
	return true
}

// plainName is a tag encoding/json takes as the key as written and that
// needs no escaping: letters, digits and underscores, or none at all.
func plainName(tag string) bool {
	for _, c := range tag {
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// jsonStream writes one streamable struct; the first error sticks.
type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func (s *jsonStream) write(str string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(str)
	}
}

// value writes one value as the Encoder would at nesting depth: its
// first line unprefixed, the next ones indented to depth.
func (s *jsonStream) value(v any, prefix string) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	s.enc.SetIndent(prefix, "  ")
	if s.err = s.enc.Encode(v); s.err != nil {
		return
	}
	_, s.err = s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
}

func (s *jsonStream) struct1(rv reflect.Value) {
	t := rv.Type()
	s.write("{")
	first := true
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name := f.Name
		if tag != "" {
			name = tag
		}
		if !first {
			s.write(",")
		}
		first = false
		s.write("\n  \"" + name + "\": ")
		fv := rv.Field(i)
		if fv.Kind() != reflect.Slice || fv.IsNil() || fv.Len() == 0 || fv.Type().Elem().Kind() == reflect.Uint8 {
			// Scalars, nested structs, null, [] and base64 []byte: small,
			// or not an array in JSON.
			s.value(fv.Interface(), "  ")
			continue
		}
		s.write("[")
		for j := range fv.Len() {
			if j > 0 {
				s.write(",")
			}
			s.write("\n    ")
			// A slice element is addressable, so the Encoder would use
			// its pointer methods too.
			s.value(fv.Index(j).Addr().Interface(), "    ")
		}
		s.write("\n  ]")
	}
	if first {
		s.write("}\n")
		return
	}
	s.write("\n}\n")
}
