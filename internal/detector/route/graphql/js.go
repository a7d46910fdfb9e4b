package graphql

import (
	"bytes"
	"context"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// jsServers names the GraphQL server a JavaScript file imports.
var jsServers = regexp.MustCompile(`(?:from\s+|require\(\s*)['"](@apollo/server|apollo-server[\w-]*|graphql-yoga|mercurius)['"/]`)

// sdlHint marks a template literal that holds schema: an object type or
// a schema block.
var sdlHint = regexp.MustCompile(`\b(?:type\s+[A-Z_]\w*[^{}]*\{|schema\s*\{)`)

// resolverHint: a file that mentions GraphQL at all, or lives in a
// resolvers folder; resolver maps are only read there, so a
// { Query: { ... } } of another library is not one.
var resolverHint = regexp.MustCompile(`(?i)graphql|\bgql\b|resolvers|typeDefs`)

// substitution is a ${...} in a template literal.
var substitution = regexp.MustCompile(`\$\{[^}]*\}`)

func (d *Detector) javascript(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if !resolverHint.Match(f.Data) && !resolverHint.MatchString(f.Path) {
		return nil
	}
	t, err := f.Tree(ctx, lang.Of(f.Path))
	if err != nil {
		out.Warn(f.Path, "route/graphql: "+err.Error())
		return nil
	}
	fw := "graphql"
	if m := jsServers.FindSubmatch(f.Data); m != nil {
		switch s := string(m[1]); {
		case strings.HasPrefix(s, "@apollo/") || strings.HasPrefix(s, "apollo-server"):
			fw = "apollo"
		default:
			fw = s
		}
		d.mu.Lock()
		d.servers[fw] = true
		d.mu.Unlock()
	}
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "template_string":
			text := t.Text(n)
			if len(text) >= 2 && sdlHint.MatchString(text) {
				body := substitution.ReplaceAllStringFunc(text[1:len(text)-1], func(s string) string {
					return strings.Repeat("\n", strings.Count(s, "\n"))
				})
				d.addSDL(f.Path, parseSDL(body, syntax.Line(n)), fw)
			}
			return false
		case "string":
			if s, ok := t.StringValue(n); ok {
				d.noteEndpoint(s, true)
			}
			return false
		case "pair":
			d.resolverMap(t, f.Path, n, fw)
		}
		return true
	})
	return ctx.Err()
}

// resolverMap reads `TypeName: { field(...) {...}, other: async () => ... }`:
// each member that is a function resolves a field of TypeName. Finish
// keeps the root types' only.
func (d *Detector) resolverMap(t *syntax.Tree, file string, pair *syntax.Node, fw string) {
	key, value := pair.ChildByFieldName("key"), pair.ChildByFieldName("value")
	if key == nil || value == nil || value.Type() != "object" {
		return
	}
	typeName := strings.Trim(t.Text(key), `'"`)
	if !isName(typeName) || typeName[0] < 'A' || typeName[0] > 'Z' {
		return
	}
	for _, m := range syntax.NamedChildren(value) {
		var name string
		var fn *syntax.Node
		switch m.Type() {
		case "method_definition":
			name, fn = t.Text(m.ChildByFieldName("name")), m
		case "pair":
			v := m.ChildByFieldName("value")
			if v == nil {
				continue
			}
			switch v.Type() {
			case "arrow_function", "function_expression", "function":
				fn = v
			case "identifier", "member_expression":
				// a function defined elsewhere: the resolver is there,
				// the map is where it is wired
				fn = m
			case "object":
				// Subscription fields: {subscribe, resolve}
				if bytes.Contains([]byte(t.Text(v)), []byte("subscribe")) {
					fn = v
				}
			}
			name = strings.Trim(t.Text(m.ChildByFieldName("key")), `'"`)
		case "shorthand_property_identifier":
			name, fn = t.Text(m), m
		}
		if fn == nil || !isName(name) {
			continue
		}
		d.addResolver(resolver{typeName: typeName, name: name, file: file, line: syntax.Line(m),
			endLine: syntax.EndLine(m), body: t.Text(fn), framework: fw})
	}
}
