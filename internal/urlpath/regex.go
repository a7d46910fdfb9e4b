package urlpath

import (
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// RegexPath turns a route regex (Django's re_path and url, a Go router
// handed a *regexp.Regexp) into a path with {name} params:
// ^users/(?P<pk>\d+)/$ → users/{pk}/ with pk typed int. Unnamed
// groups and optional parts keep their literal text; anchors and escapes
// go.
func RegexPath(re string) (string, map[string]string) {
	types := map[string]string{}
	re = strings.TrimPrefix(re, "^")
	re = strings.TrimSuffix(re, "$")
	re = strings.TrimSuffix(re, `\Z`)
	var b strings.Builder
	for i := 0; i < len(re); i++ {
		c := re[i]
		switch {
		case c == '\\' && i+1 < len(re):
			i++
			b.WriteByte(re[i])
		case strings.HasPrefix(re[i:], "(?P<"):
			end := strings.IndexByte(re[i:], '>')
			if end < 0 {
				b.WriteString(re[i:])
				return b.String(), types
			}
			name := re[i+4 : i+end]
			body, next := group(re, i+end+1)
			types[name] = regexType(body)
			b.WriteString("{" + name + "}")
			i = next
		case strings.HasPrefix(re[i:], "(?:"):
			body, next := group(re, i+3)
			inner, t := RegexPath(body)
			for k, v := range t {
				types[k] = v
			}
			b.WriteString(inner)
			i = next
			if i+1 < len(re) && re[i+1] == '?' {
				i++
			}
		case c == '?' || c == '$' || c == '^':
			// quantifiers and anchors are not path text
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), types
}

// group returns the body of a group whose text starts at i and the index
// of its closing paren (or the end of s when it has none).
func group(s string, i int) (string, int) {
	depth := 1
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s[i:j], j
			}
		}
	}
	return s[min(i, len(s)):], len(s)
}

// regexType types a named group by its pattern.
func regexType(p string) string {
	low := strings.ToLower(p)
	switch {
	case p == `\d+` || p == `[0-9]+` || strings.HasPrefix(p, `\d{`) || strings.HasPrefix(p, `[0-9]{`):
		return facts.TypeInt
	case strings.Contains(low, "a-f") && strings.Contains(p, "-"):
		return facts.TypeUUID
	}
	return facts.TypeString
}
