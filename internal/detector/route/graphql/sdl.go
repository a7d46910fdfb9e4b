package graphql

import (
	"strings"
)

// sdlField is one field of an object type in a schema document.
type sdlField struct {
	typeName string
	name     string
	line     int // 1-based, in the document's file
}

// sdl is what a schema document declares: the fields of its object types
// and the root types its schema block names (query: RootQuery).
type sdl struct {
	fields []sdlField
	roots  map[string]string // operation (query, mutation, subscription) -> type name
}

// token is one lexical token of a GraphQL document: a name or a
// punctuator; strings and comments are skipped.
type token struct {
	text string
	line int
}

// lex splits a GraphQL document into names and punctuators, skipping
// comments, strings and block strings (descriptions), counting lines from
// firstLine. It never fails: what it does not know is skipped.
func lex(src string, firstLine int) []token {
	var out []token
	line := firstLine
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case strings.HasPrefix(src[i:], `"""`):
			end := strings.Index(src[i+3:], `"""`)
			if end < 0 {
				return out
			}
			line += strings.Count(src[i:i+3+end+3], "\n")
			i += 3 + end + 3
		case c == '"':
			i++
			for i < len(src) && src[i] != '"' && src[i] != '\n' {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case isNameStart(c):
			j := i
			for j < len(src) && isNameChar(src[j]) {
				j++
			}
			out = append(out, token{src[i:j], line})
			i = j
		case strings.IndexByte("{}():@=|&![]", c) >= 0:
			out = append(out, token{string(c), line})
			i++
		default:
			i++
		}
	}
	return out
}

func isNameStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isNameChar(c byte) bool { return isNameStart(c) || (c >= '0' && c <= '9') }

func isName(s string) bool { return s != "" && isNameStart(s[0]) }

// parseSDL reads the object types (type and extend type) and schema
// blocks of a document; the bodies of other definitions are skipped.
func parseSDL(src string, firstLine int) sdl {
	toks := lex(src, firstLine)
	out := sdl{roots: map[string]string{}}
	for i := 0; i < len(toks); i++ {
		switch toks[i].text {
		case "schema":
			open := nextBrace(toks, i+1)
			if open < 0 {
				continue
			}
			end := matching(toks, open)
			if end < 0 {
				return out
			}
			for j := open + 1; j+2 <= end; j++ {
				if toks[j+1].text == ":" && isName(toks[j].text) && isName(toks[j+2].text) {
					out.roots[toks[j].text] = toks[j+2].text
					j += 2
				}
			}
			i = end
		case "type":
			if i+1 >= len(toks) || !isName(toks[i+1].text) {
				continue
			}
			open := nextBrace(toks, i+2)
			if open < 0 {
				continue
			}
			end := matching(toks, open)
			if end < 0 {
				return out
			}
			out.fields = append(out.fields, fields(toks[open+1:end], toks[i+1].text)...)
			i = end
		case "{":
			// The body of another definition (input, interface, enum):
			// none of its names are operations.
			if i = matching(toks, i); i < 0 {
				return out
			}
		}
	}
	return out
}

// nextBrace finds the { that opens a definition's body, past its
// implements list and directives; -1 when another definition starts
// first (a type without a body).
func nextBrace(toks []token, i int) int {
	for ; i < len(toks); i++ {
		switch toks[i].text {
		case "{":
			return i
		case "(":
			if i = matching(toks, i); i < 0 {
				return -1
			}
		case "}", "type", "schema", "extend", "input", "interface", "enum", "union", "scalar", "directive":
			return -1
		}
	}
	return -1
}

// matching is the index of the brace or parenthesis closing the one at
// open, or -1 when it never closes (the rest of the document is then
// left alone, so an unclosed run costs one pass, not one per token).
func matching(toks []token, open int) int {
	opener := toks[open].text
	closer := map[string]string{"{": "}", "(": ")", "[": "]"}[opener]
	depth := 0
	for i := open; i < len(toks); i++ {
		switch toks[i].text {
		case opener:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// fields reads the `name(args): Type @directive` entries of a type body.
func fields(body []token, typeName string) []sdlField {
	var out []sdlField
	for i := 0; i < len(body); i++ {
		if !isName(body[i].text) {
			continue
		}
		j := i + 1
		if j < len(body) && body[j].text == "(" {
			if j = matching(body, j); j < 0 {
				return out
			}
			j++
		}
		if j >= len(body) || body[j].text != ":" {
			continue
		}
		out = append(out, sdlField{typeName: typeName, name: body[i].text, line: body[i].line})
		// Skip the type and directives up to the next field name: a name
		// right after a type name, ], ! or a directive.
		prev := ":"
		for i = j + 1; i < len(body); i++ {
			t := body[i].text
			if t == "@" {
				if i+1 < len(body) {
					i++
				}
				if i+1 < len(body) && body[i+1].text == "(" {
					if i = matching(body, i+1); i < 0 {
						return out
					}
				}
				prev = ")"
				continue
			}
			if isName(t) && (isName(prev) || prev == "]" || prev == "!" || prev == ")") {
				i-- // t starts the next field
				break
			}
			prev = t
		}
	}
	return out
}
