package redact

import (
	"reflect"
	"sync"
)

// Copy returns a copy of v with every string in it passed through Text: the values of exported fields, slice, array and map elements,
// map keys and whatever pointers and interfaces hold. A printer that
// writes a whole structure (a report, a scan, a diff) copies it once and
// cannot miss a field. Fields tagged `json:"-"` are never printed and are
// kept as they are (a route's handler source, say); strings of fields
// tagged `redact:"id"` (ids threatmap built, and lists of them) go through
// ID instead, so an id stays one a person can type; unexported fields are
// copied as they are. Nil slices and maps stay nil, so JSON keeps its
// nulls. What holds nothing to mask is shared with v, not copied (so the
// copy is cheap when, as usual, there is nothing to mask); neither v nor
// what it points to is ever modified. v must hold no pointer cycle.
func Copy[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	c, changed := copyValue(rv)
	if !changed {
		return v // nothing to mask: no copy is needed, v is a value
	}
	out := reflect.New(rv.Type()).Elem()
	out.Set(c)
	return out.Interface().(T)
}

// copyValue returns v with its strings masked, and whether any was: an
// unchanged value is returned as it is, so text with nothing to mask
// costs a walk and no allocation.
func copyValue(v reflect.Value) (reflect.Value, bool) { return copyMasked(v, Text) }

// copyMasked is copyValue with the strings masked by mask.
func copyMasked(v reflect.Value, mask func(string) string) (reflect.Value, bool) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		r := mask(s)
		if r == s {
			return v, false
		}
		return reflect.ValueOf(r).Convert(v.Type()), true
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		e, changed := copyMasked(v.Elem(), mask)
		if !changed {
			return v, false
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(e)
		return p, true
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		e, changed := copyMasked(v.Elem(), mask)
		if !changed {
			return v, false
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(e)
		return out, true
	case reflect.Slice:
		if v.IsNil() || !holdsText(v.Type().Elem()) {
			return v, false
		}
		var out reflect.Value
		for i := range v.Len() {
			e, changed := copyMasked(v.Index(i), mask)
			if !changed {
				if out.IsValid() {
					out.Index(i).Set(e)
				}
				continue
			}
			if !out.IsValid() {
				out = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				reflect.Copy(out, v.Slice(0, i))
			}
			out.Index(i).Set(e)
		}
		return orValue(out, v)
	case reflect.Array:
		if !holdsText(v.Type().Elem()) {
			return v, false
		}
		var out reflect.Value
		for i := range v.Len() {
			if e, changed := copyMasked(v.Index(i), mask); changed {
				if !out.IsValid() {
					out = reflect.New(v.Type()).Elem()
					out.Set(v)
				}
				out.Index(i).Set(e)
			}
		}
		return orValue(out, v)
	case reflect.Map:
		if v.IsNil() || !holdsText(v.Type()) {
			return v, false
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		changed := false
		iter := v.MapRange()
		for iter.Next() {
			k, kc := copyMasked(iter.Key(), mask)
			e, ec := copyMasked(iter.Value(), mask)
			changed = changed || kc || ec
			out.SetMapIndex(k, e)
		}
		if !changed {
			return v, false
		}
		return out, true
	case reflect.Struct:
		var out reflect.Value
		for _, f := range textFields(v.Type()) {
			m := mask
			if f.id {
				m = ID
			}
			if e, changed := copyMasked(v.Field(f.index), m); changed {
				if !out.IsValid() {
					out = reflect.New(v.Type()).Elem()
					out.Set(v)
				}
				out.Field(f.index).Set(e)
			}
		}
		return orValue(out, v)
	}
	return v, false
}

// orValue is out and true when out was made, else v unchanged.
func orValue(out, v reflect.Value) (reflect.Value, bool) {
	if out.IsValid() {
		return out, true
	}
	return v, false
}

// holdsText reports whether a value of type t can reach a string, so a
// []int or a time.Time is copied whole instead of walked.
func holdsText(t reflect.Type) bool {
	if v, ok := textTypes.Load(t); ok {
		return v.(bool)
	}
	v := holdsTextSeen(t, map[reflect.Type]bool{})
	textTypes.Store(t, v)
	return v
}

// textField is a field Copy walks; id says it is tagged `redact:"id"`.
type textField struct {
	index int
	id    bool
}

// textFields lists the fields of struct type t that Copy walks: exported,
// not tagged `json:"-"`, and able to hold text. It is cached per type:
// reading tags and fields for every value costs more than the walk.
func textFields(t reflect.Type) []textField {
	if v, ok := structFields.Load(t); ok {
		return v.([]textField)
	}
	var fields []textField
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() && f.Tag.Get("json") != "-" && holdsText(f.Type) {
			fields = append(fields, textField{i, f.Tag.Get("redact") == "id"})
		}
	}
	structFields.Store(t, fields)
	return fields
}

var structFields sync.Map // reflect.Type -> []textField

// textTypes caches holdsText: a large slice asks about one type per element.
var textTypes sync.Map // reflect.Type -> bool

func holdsTextSeen(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holdsTextSeen(t.Elem(), seen)
	case reflect.Map:
		return holdsTextSeen(t.Key(), seen) || holdsTextSeen(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && holdsTextSeen(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
