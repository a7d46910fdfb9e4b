package redact

import (
	"reflect"
	"sync"
)

// Copy returns a deep copy of v with every string in it passed through
// Text: the values of exported fields, slice, array and map elements,
// map keys and whatever pointers and interfaces hold. A printer that
// writes a whole structure (a report, a scan, a diff) copies it once and
// cannot miss a field. Fields tagged `json:"-"` are never printed and are
// kept as they are (a route's handler source, say); unexported fields are
// copied as they are. Nil slices and maps stay nil, so JSON keeps its
// nulls. v must hold no pointer cycle.
func Copy[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	out := reflect.New(rv.Type()).Elem()
	out.Set(copyValue(rv))
	return out.Interface().(T)
}

func copyValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		r := Text(s)
		if r == s {
			return v
		}
		return reflect.ValueOf(r).Convert(v.Type())
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(copyValue(v.Elem()))
		return p
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(copyValue(v.Elem()))
		return out
	case reflect.Slice:
		if v.IsNil() || !holdsText(v.Type().Elem()) {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(copyValue(v.Index(i)))
		}
		return out
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			out.Index(i).Set(copyValue(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			out.SetMapIndex(copyValue(iter.Key()), copyValue(iter.Value()))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" || !holdsText(f.Type) {
				continue
			}
			out.Field(i).Set(copyValue(v.Field(i)))
		}
		return out
	}
	return v
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
