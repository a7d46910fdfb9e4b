package syntax

import (
	"bytes"
	"regexp"
)

// annotationLine is a top-level line holding only annotations:
// @RestController, @RequestMapping("/api").
var annotationLine = regexp.MustCompile(`^@[A-Za-z_][\w.]*(?:\(.*\))?(?:[ \t]+@[A-Za-z_][\w.]*(?:\(.*\))?)*[ \t]*\r?$`)

// joinKotlinAnnotations puts a top-level declaration's annotation lines
// on its own line. tree-sitter-kotlin reads annotations on lines of
// their own before a class as an annotated expression (@RequestMapping
// then (path) in parentheses, the class a call), so the class loses
// them. Byte offsets and line numbers stay those of the file: each
// joined line break becomes a space, and as many blanks of the
// indentation of the lines after the declaration's become line breaks.
// Where those lines have too little indentation, the block is left as is.
func joinKotlinAnnotations(src []byte) []byte {
	if !bytes.Contains(src, []byte("\n@")) && !bytes.HasPrefix(src, []byte("@")) {
		return src
	}
	var out []byte
	start := 0
	for start < len(src) {
		end := lineEnd(src, start)
		if !annotationAt(src, start, end) {
			start = end + 1
			continue
		}
		// A run of annotation lines, then the declaration line.
		breaks := []int{end}
		decl := end + 1
		for decl < len(src) {
			e := lineEnd(src, decl)
			if !annotationAt(src, decl, e) {
				break
			}
			breaks = append(breaks, e)
			decl = e + 1
		}
		if decl >= len(src) {
			break
		}
		declEnd := lineEnd(src, decl)
		k := len(breaks)
		blanks := indentBlanks(src, declEnd+1, k)
		if len(blanks) < k {
			start = declEnd + 1
			continue
		}
		if out == nil {
			out = bytes.Clone(src)
		}
		for _, b := range breaks {
			out[b] = ' '
			if b > 0 && out[b-1] == '\r' {
				out[b-1] = ' '
			}
		}
		for _, b := range blanks {
			out[b] = '\n'
		}
		start = blanks[len(blanks)-1] + 1
	}
	if out == nil {
		return src
	}
	return out
}

// indentBlanks finds k blanks of indentation in the few lines from
// from on (a blank line between has none).
func indentBlanks(src []byte, from, k int) []int {
	var out []int
	for line := 0; line < 5 && from < len(src) && len(out) < k; line++ {
		i := from
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') && len(out) < k {
			out = append(out, i)
			i++
		}
		from = lineEnd(src, from) + 1
	}
	return out
}

func lineEnd(src []byte, from int) int {
	if i := bytes.IndexByte(src[from:], '\n'); i >= 0 {
		return from + i
	}
	return len(src)
}

// annotationAt says src[start:end] is a top-level line of annotations
// (not @file: ones, which annotate the file).
func annotationAt(src []byte, start, end int) bool {
	if end >= len(src) || start >= end || src[start] != '@' || bytes.HasPrefix(src[start:], []byte("@file:")) {
		return false
	}
	return annotationLine.Match(src[start:end])
}
