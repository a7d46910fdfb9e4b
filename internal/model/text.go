package model

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// ValidText is s as the model file can hold it. YAML text is UTF-8, but a
// scanned route or name may hold any byte (yaml.v3 would write such a
// string as !!binary, which reads back as base64), so each byte that is not
// part of valid UTF-8 is written \xNN. Valid text comes back unchanged, so
// ValidText(ValidText(s)) == ValidText(s), and text compared through it
// matches whichever side was stored.
func ValidText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
			i++
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// WithValidText returns a copy of m in which every string is ValidText, so
// that it can be written to the model file and read back the same.
func (m *Model) WithValidText() *Model {
	c := reflect.New(reflect.TypeOf(*m)).Elem()
	c.Set(reflect.ValueOf(*m))
	validText(c)
	out := c.Interface().(Model)
	return &out
}

// validText makes every string under v (settable, already a copy at this
// level) ValidText, copying slices and pointers before changing what they
// hold, so the original is never touched.
func validText(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !utf8.ValidString(s) {
			v.SetString(ValidText(s))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				validText(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := 0; i < c.Len(); i++ {
			validText(c.Index(i))
		}
		v.Set(c)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		validText(c.Elem())
		v.Set(c)
	}
}
