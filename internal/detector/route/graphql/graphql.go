// Package graphql finds GraphQL operations: one surface per field of the
// query, mutation and subscription root types, with the resolver that
// answers it. A GraphQL API is one HTTP endpoint, so each operation is
// written as the request that reaches it: POST /graphql#Mutation.createUser.
//
// The schema comes from SDL (schema files, typeDefs in JavaScript or
// TypeScript: Apollo, graphql-yoga, gqlgen's .graphqls) or from code
// (graphene and Strawberry classes in Python). Resolvers come from
// resolver maps ({Mutation: {createUser() {...}}}), gqlgen's resolver
// methods, graphene's resolve_* methods and Mutation classes, and
// Strawberry's decorated methods. Both halves may be in any file, so
// they are joined in Finish.
package graphql

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Kind is facts.Route.Kind of every surface this package finds.
const Kind = "graphql"

// defaultEndpoint is where GraphQL servers answer unless told otherwise
// (graphql-yoga, Strawberry's and graphene's examples, Apollo's clients).
const defaultEndpoint = "/graphql"

// rootOf maps an operation type to its root type's default name.
var rootOf = map[string]string{"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}

// field is an operation's declaration; resolver is the code that answers
// it. Both are keyed by root type name and field name.
type field struct {
	typeName, name string
	file           string
	line           int
	framework      string
}

type resolver struct {
	typeName, name string
	handler        string
	file           string
	line, endLine  int
	body           string
	framework      string
}

// Detector finds GraphQL operations.
type Detector struct {
	mu        sync.Mutex
	fields    []field
	resolvers []resolver
	roots     map[string]string // operation -> root type name, from schema blocks and Schema(query=...)
	classes   []pyClass         // graphene and Strawberry types, joined in Finish
	endpoints map[string]int    // endpoint path -> times seen
	servers   map[string]bool   // JavaScript GraphQL servers imported anywhere
}

// New returns a detector for one scan.
func New() *Detector {
	return &Detector{roots: map[string]string{}, endpoints: map[string]int{}, servers: map[string]bool{}}
}

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/graphql" }

// Match implements detector.Detector: schema documents and the code of
// the languages whose GraphQL servers are read, tests left out.
func (*Detector) Match(p string) bool {
	switch lang.Of(p) {
	case lang.GraphQL:
		return true
	case lang.JavaScript, lang.TypeScript, lang.JSX, lang.TSX, lang.Python, lang.Go:
		return !lang.IsTest(p)
	}
	return false
}

// Keywords implements detector.Keyworded.
func (*Detector) Keywords() []string {
	return []string{"type Query", "type Mutation", "type Subscription", "extend type", "schema {",
		"Query:", "Mutation:", "Subscription:", "graphene", "strawberry", "Resolver) ", "graphql", "GraphQL"}
}

// Exempt implements detector.PrefilterExempt: a schema document is read
// whatever it holds (its types may all be extensions or other roots).
func (*Detector) Exempt(p string) bool { return lang.Of(p) == lang.GraphQL }

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	switch lang.Of(f.Path).Family() {
	case lang.GraphQL:
		d.addSDL(f.Path, parseSDL(string(f.Data), 1), "graphql")
	case lang.JavaScript:
		return d.javascript(ctx, f, out)
	case lang.Python:
		return d.python(ctx, f, out)
	case lang.Go:
		d.golang(f)
	}
	return nil
}

func (d *Detector) addSDL(file string, s sdl, framework string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for op, name := range s.roots {
		if _, ok := rootOf[op]; ok {
			d.roots[op] = name
		}
	}
	for _, fl := range s.fields {
		d.fields = append(d.fields, field{typeName: fl.typeName, name: fl.name, file: file, line: fl.line, framework: framework})
	}
}

func (d *Detector) addResolver(r resolver) {
	d.mu.Lock()
	d.resolvers = append(d.resolvers, r)
	d.mu.Unlock()
}

func (d *Detector) addEndpoint(p string) {
	d.mu.Lock()
	d.endpoints[p]++
	d.mu.Unlock()
}

// endpointPath is a literal that names a GraphQL endpoint: a path with a
// graphql (or gql) segment.
var endpointPath = regexp.MustCompile(`^/?(?:[\w.-]+/)*(?:graphql|gql)(?:/[\w.-]+)*/?$`)

// noteEndpoint keeps a string literal that is a GraphQL endpoint's path.
func (d *Detector) noteEndpoint(s string, needSlash bool) {
	if !endpointPath.MatchString(s) || (needSlash && !strings.HasPrefix(s, "/")) {
		return
	}
	p := "/" + strings.Trim(s, "/")
	d.addEndpoint(p)
}

// Finish implements detector.Finisher: join declarations and resolvers,
// one surface per operation.
func (d *Detector) Finish(_ context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pythonFields()
	roots := map[string]bool{}
	for op, def := range rootOf {
		if name, ok := d.roots[op]; ok {
			roots[name] = true
		} else {
			roots[def] = true
		}
	}
	opName := map[string]string{} // root type name -> Query, Mutation, Subscription
	for op, def := range rootOf {
		name := def
		if n, ok := d.roots[op]; ok {
			name = n
		}
		opName[name] = def
	}
	byKey := map[string]resolver{}
	var keys []string
	for _, r := range d.resolvers {
		if !roots[r.typeName] {
			continue
		}
		k := r.typeName + "." + r.name
		if _, ok := byKey[k]; !ok {
			byKey[k] = r
			keys = append(keys, k)
		}
	}
	declared := map[string]field{}
	for _, fl := range d.fields {
		if !roots[fl.typeName] {
			continue
		}
		k := fl.typeName + "." + fl.name
		if _, ok := declared[k]; !ok {
			declared[k] = fl
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	endpoint := d.endpoint()
	// A resolver map or schema in a file of its own is the server's the
	// tree imports elsewhere, when it imports one.
	server := ""
	if servers := slices.Sorted(maps.Keys(d.servers)); len(servers) > 0 {
		server = servers[0]
	}
	for _, k := range keys {
		r, resolved := byKey[k]
		fl := declared[k]
		typeName, name := fl.typeName, fl.name
		if resolved {
			typeName, name = r.typeName, r.name
		}
		s := facts.Route{
			Kind: Kind, Method: "POST", Path: endpoint + "#" + opName[typeName] + "." + name,
			Framework: fl.framework, File: fl.file, Line: fl.line, Handler: typeName + "." + name,
		}
		if resolved {
			s.File, s.Line, s.EndLine, s.Body, s.Framework = r.file, r.line, r.endLine, r.body, r.framework
			if r.handler != "" {
				s.Handler = r.handler
			}
		}
		if s.Framework == "graphql" && server != "" && lang.Of(s.File).Family() == lang.JavaScript {
			s.Framework = server
		}
		s.Auth, s.AuthEvidence = route.AuthOf(nil, s.Body, false)
		route.Classify(&s, route.Vocabulary{})
		// Every operation is reached through the one endpoint: its depth
		// and cost limits are the endpoint's, not each operation's.
		s.Tags = slices.DeleteFunc(s.Tags, func(t string) bool { return t == facts.TagGraphQL })
		out.AddRoute(s)
	}
	return nil
}

// endpoint is the path the tree's GraphQL server answers at: the one
// named most often, else the default.
func (d *Detector) endpoint() string {
	best, n := defaultEndpoint, 0
	for p, c := range d.endpoints {
		if c > n || (c == n && p < best) {
			best, n = p, c
		}
	}
	return best
}

// lowerFirst is a Go resolver method's GraphQL field name: CreateUser
// answers createUser.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// camel is a Python field's GraphQL name: graphene and Strawberry turn
// create_user into createUser by default.
func camel(s string) string {
	parts := strings.Split(s, "_")
	var b strings.Builder
	lead := true
	for _, p := range parts {
		if p == "" {
			if lead {
				b.WriteByte('_')
			}
			continue
		}
		if lead {
			b.WriteString(p)
			lead = false
			continue
		}
		b.WriteString(strings.ToUpper(p[:1]) + p[1:])
	}
	return b.String()
}
