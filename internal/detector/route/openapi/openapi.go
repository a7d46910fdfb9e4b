// Package openapi reads OpenAPI 3 and Swagger 2 documents: every operation
// under paths is an endpoint the product says it serves, whatever language
// implements it.
package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Framework is the framework name on every route this package finds.
const Framework = "openapi"

// Detector finds endpoints in OpenAPI and Swagger documents.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/openapi" }

// Match keeps YAML and JSON files; their content decides.
func (*Detector) Match(p string) bool {
	switch lang.Of(p) {
	case lang.YAML, lang.JSON, lang.TerraformJSON:
		return true
	}
	return false
}

// Keywords implements detector.Keyworded: a spec names its version key.
func (*Detector) Keywords() []string { return []string{"openapi", "swagger"} }

// methods are the operation keys of a path item; OpenAPI 3.2 adds query
// (the HTTP QUERY method: a safe request with a body).
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"}

// topKey finds a top-level openapi/swagger key without parsing, so a
// broken file that is clearly a spec earns a warning and any other
// unparsable YAML is left alone.
var topKey = regexp.MustCompile(`(?m)^(?:openapi|swagger)\s*:|^\s*\{?\s*"(?:openapi|swagger)"\s*:`)

// Detect implements detector.Detector.
func (d *Detector) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	base := strings.ToLower(path.Base(f.Path))
	named := strings.HasPrefix(base, "openapi.") || strings.HasPrefix(base, "swagger.")
	if !named && !topKey.Match(f.Data) {
		return nil
	}
	doc, err := Read(f)
	if err != nil {
		out.Warn(f.Path, "route/openapi: "+err.Error())
		return nil
	}
	for _, r := range doc.Routes {
		r.File = f.Path
		out.AddRoute(r)
	}
	return nil
}

// Doc is what one document declares: its operations as routes, and for
// each what a framework serving the document (connexion) needs to decide
// who may call it and which function handles it.
type Doc struct {
	// Routes are the operations (without File), in document order.
	Routes []facts.Route
	// Ops are the same operations as written, one per route.
	Ops []Op
	// Schemes are the security schemes under components (OpenAPI 3) or
	// securityDefinitions (Swagger 2), by name.
	Schemes map[string]Scheme
}

// Op is one operation as the document writes it.
type Op struct {
	// Path is the path under paths, without the servers or basePath
	// prefix: a framework may serve the document under a base of its own.
	Path string
	// Security lists the alternatives of the security that applies (the
	// operation's, else the document's): each the scheme names it
	// requires together, with their scopes. Nil when none applies;
	// Public when one alternative is empty (security: [] or {}).
	Security [][]Requirement
	Public   bool
	// SecurityLine is where that security is written (0 when none).
	SecurityLine int
}

// Requirement is one scheme a security alternative names.
type Requirement struct {
	Scheme string
	Scopes []string
}

// Scheme is a declared security scheme.
type Scheme struct {
	Type string // http, apiKey, oauth2, openIdConnect, basic
	// Checker is the function a framework calls to check the credential
	// (connexion's x-bearerInfoFunc, x-tokenInfoFunc, x-basicInfoFunc,
	// x-apikeyInfoFunc; or x-tokenInfoUrl), "" when the document names none.
	Checker string
	Line    int
}

type readKey struct{}

// Read is the document in f (Parse), read once per file for every
// detector that wants it. A file that is not OpenAPI or Swagger yields
// an empty Doc.
func Read(f *detector.File) (*Doc, error) {
	type result struct {
		doc *Doc
		err error
	}
	r := detector.Memo(f, readKey{}, func() result {
		d, err := ParseDoc(f.Data)
		return result{d, err}
	})
	return r.doc, r.err
}

// Parse reads one document and returns its operations as routes (without
// File). A document that is not OpenAPI or Swagger yields nothing.
func Parse(data []byte) ([]facts.Route, error) {
	d, err := ParseDoc(data)
	if err != nil {
		return nil, err
	}
	return d.Routes, nil
}

// ParseDoc reads one document. A document that is not OpenAPI or Swagger
// yields an empty Doc.
func ParseDoc(data []byte) (*Doc, error) {
	var doc yaml.Node
	err := yaml.Unmarshal(data, &doc)
	if err != nil && bytes.ContainsRune(data, '\t') {
		// A tab on an otherwise blank line (inside a block scalar, say) is
		// an error to this parser and nothing to most others: read the
		// document again with such lines emptied, the lines kept.
		if err2 := yaml.Unmarshal(blankTabLines(data), &doc); err2 == nil {
			err = nil
		}
	}
	if err != nil {
		// yaml.v3 reads nearly all JSON; what it cannot is still valid
		// JSON, read without line numbers.
		var v any
		if jerr := json.Unmarshal(data, &v); jerr != nil || !looksJSON(data) {
			return nil, fmt.Errorf("parse: %s", firstLine(err.Error()))
		}
		b, _ := yaml.Marshal(v)
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("parse: %s", firstLine(err.Error()))
		}
		zeroLines(&doc)
	}
	out := &Doc{}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return out, nil
	}
	root := doc.Content[0]
	if get(root, "openapi") == nil && get(root, "swagger") == nil {
		return out, nil
	}
	paths := get(root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return out, nil
	}
	out.Schemes = schemes(root)
	prefix := basePath(root)
	globalSec := get(root, "security")
	for i := 0; i+1 < len(paths.Content); i += 2 {
		p, item := paths.Content[i].Value, deref(root, paths.Content[i+1])
		if item == nil || item.Kind != yaml.MappingNode || !strings.HasPrefix(p, "/") {
			continue
		}
		shared := pathParams(root, get(item, "parameters"))
		for j := 0; j+1 < len(item.Content); j += 2 {
			key := strings.ToLower(item.Content[j].Value)
			if !slices.Contains(methods, key) {
				continue
			}
			op := item.Content[j+1]
			r := operation(root, prefix, p, key, item.Content[j].Line, op, shared, globalSec)
			if c := controller(op, item); c != "" && r.Handler != "" {
				// connexion joins x-openapi-router-controller and operationId.
				r.Handler = c + "." + r.Handler
			}
			out.Routes = append(out.Routes, r)
			out.Ops = append(out.Ops, opOf(p, get(op, "security"), globalSec))
		}
	}
	return out, nil
}

// controller is the module an operation's handler is named in, when the
// operation or its path item sets x-openapi-router-controller.
func controller(op, item *yaml.Node) string {
	if c := scalar(get(op, "x-openapi-router-controller")); c != "" {
		return c
	}
	return scalar(get(item, "x-openapi-router-controller"))
}

// opOf records the security that applies to an operation as written.
func opOf(p string, op, global *yaml.Node) Op {
	o := Op{Path: p}
	sec := op
	if sec == nil {
		sec = global
	}
	if sec == nil || sec.Kind != yaml.SequenceNode {
		return o
	}
	o.SecurityLine = sec.Line
	if len(sec.Content) == 0 {
		o.Public = true
		return o
	}
	for _, req := range sec.Content {
		if req.Kind != yaml.MappingNode || len(req.Content) == 0 {
			o.Public = true
			continue
		}
		var alt []Requirement
		for i := 0; i+1 < len(req.Content); i += 2 {
			r := Requirement{Scheme: req.Content[i].Value}
			if s := req.Content[i+1]; s.Kind == yaml.SequenceNode {
				for _, sc := range s.Content {
					if sc.Value != "" {
						r.Scopes = append(r.Scopes, sc.Value)
					}
				}
			}
			alt = append(alt, r)
		}
		o.Security = append(o.Security, alt)
	}
	return o
}

// checkers are the keys a connexion security scheme names its check by.
var checkers = []string{"x-bearerInfoFunc", "x-tokenInfoFunc", "x-basicInfoFunc", "x-apikeyInfoFunc", "x-tokenInfoUrl"}

// schemes reads the declared security schemes.
func schemes(root *yaml.Node) map[string]Scheme {
	defs := get(get(root, "components"), "securitySchemes")
	if defs == nil {
		defs = get(root, "securityDefinitions")
	}
	if defs == nil || defs.Kind != yaml.MappingNode {
		return nil
	}
	out := map[string]Scheme{}
	for i := 0; i+1 < len(defs.Content); i += 2 {
		d := deref(root, defs.Content[i+1])
		s := Scheme{Type: scalar(get(d, "type")), Line: defs.Content[i].Line}
		for _, k := range checkers {
			if c := scalar(get(d, k)); c != "" {
				s.Checker = c
				break
			}
		}
		out[defs.Content[i].Value] = s
	}
	return out
}

// Rebase is operation i served under base instead of the document's own
// prefix (connexion's add_api(base_path=...)), its parameter types kept.
func (d *Doc) Rebase(i int, base string) facts.Route {
	r := d.Routes[i]
	full, declared := urlpath.Braces(urlpath.Join(base, d.Ops[i].Path))
	types := map[string]string{}
	for k, v := range declared {
		types[k] = v
	}
	for _, p := range r.Params {
		types[p.Name] = p.Type
	}
	r.Path, r.Params = full, route.Params(full, types)
	return r
}

func operation(root *yaml.Node, prefix, p, method string, line int, op *yaml.Node, shared map[string]string, globalSec *yaml.Node) facts.Route {
	full, declared := urlpath.Braces(urlpath.Join(prefix, p))
	types := map[string]string{}
	for k, v := range declared {
		types[k] = v
	}
	for k, v := range shared {
		types[k] = v
	}
	for k, v := range pathParams(root, get(op, "parameters")) {
		types[k] = v
	}
	r := facts.Route{
		Method:    strings.ToUpper(method),
		Path:      full,
		Framework: Framework,
		Line:      line,
		Handler:   scalar(get(op, "operationId")),
		Params:    route.Params(full, types),
	}
	r.Auth, r.AuthEvidence = security(get(op, "security"), globalSec)
	if mediaTypes(op)["multipart/form-data"] {
		r.Tags = append(r.Tags, facts.TagUpload)
	}
	route.Classify(&r, route.Vocabulary{})
	return r
}

// security decides auth from the operation's security, falling back to
// the document's. An empty list (or one empty requirement) opts out.
func security(op, global *yaml.Node) (auth, evidence string) {
	sec := op
	if sec == nil {
		sec = global
	}
	if sec == nil || sec.Kind != yaml.SequenceNode {
		return facts.AuthUnknown, ""
	}
	var schemes []string
	for _, req := range sec.Content {
		if req.Kind != yaml.MappingNode || len(req.Content) == 0 {
			// An empty requirement {} makes the operation callable anonymously.
			return facts.AuthNone, "security: []"
		}
		for i := 0; i < len(req.Content); i += 2 {
			schemes = append(schemes, req.Content[i].Value)
		}
	}
	if len(schemes) == 0 {
		return facts.AuthNone, "security: []"
	}
	sort.Strings(schemes)
	return facts.AuthRequired, "security: " + strings.Join(slices.Compact(schemes), ", ")
}

// basePath is the path part of servers[0].url (OpenAPI 3) or basePath
// (Swagger 2).
func basePath(root *yaml.Node) string {
	if bp := scalar(get(root, "basePath")); bp != "" {
		return bp
	}
	servers := get(root, "servers")
	if servers == nil || servers.Kind != yaml.SequenceNode || len(servers.Content) == 0 {
		return ""
	}
	server := servers.Content[0]
	u := withVariables(scalar(get(server, "url")), get(server, "variables"))
	host := strings.Index(u, "://")
	if host >= 0 {
		host += 3
	} else if strings.HasPrefix(u, "//") {
		host = 2 // protocol-relative: //api.example.com/v1
	}
	if host >= 0 {
		u = u[host:]
		j := strings.Index(u, "/")
		if j < 0 {
			return ""
		}
		u = u[j:]
	}
	if !strings.HasPrefix(u, "/") {
		return ""
	}
	return strings.TrimRight(u, "/")
}

// withVariables fills a server URL's {name} with each variable's default:
// /api/{version} with version defaulting to v2 is served at /api/v2. A
// variable without a default is left as written.
func withVariables(u string, vars *yaml.Node) string {
	if vars == nil || vars.Kind != yaml.MappingNode || !strings.Contains(u, "{") {
		return u
	}
	for i := 0; i+1 < len(vars.Content); i += 2 {
		if def := scalar(get(vars.Content[i+1], "default")); def != "" {
			u = strings.ReplaceAll(u, "{"+vars.Content[i].Value+"}", def)
		}
	}
	return u
}

// blankTabLines empties every line holding only spaces and tabs, keeping
// the line breaks, so line numbers stay true.
func blankTabLines(data []byte) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i, l := range lines {
		body := bytes.TrimRight(l, "\r\n")
		if len(body) > 0 && len(bytes.Trim(body, " \t")) == 0 {
			lines[i] = l[len(body):]
		}
	}
	return bytes.Join(lines, nil)
}

// pathParams types the in: path parameters of a list, following local
// $refs once.
func pathParams(root, list *yaml.Node) map[string]string {
	out := map[string]string{}
	if list == nil || list.Kind != yaml.SequenceNode {
		return out
	}
	for _, p := range list.Content {
		p = deref(root, p)
		if p == nil || scalar(get(p, "in")) != "path" {
			continue
		}
		name := scalar(get(p, "name"))
		if name == "" {
			continue
		}
		schema := deref(root, get(p, "schema"))
		if schema == nil {
			schema = p // Swagger 2 puts type on the parameter itself
		}
		out[name] = typeOf(scalar(get(schema, "type")), scalar(get(schema, "format")))
	}
	return out
}

func typeOf(typ, format string) string {
	switch {
	case format == "uuid":
		return facts.TypeUUID
	case typ == "integer":
		return facts.TypeInt
	case typ == "string":
		return facts.TypeString
	}
	return facts.TypeUnknown
}

// mediaTypes lists what an operation accepts: requestBody content
// (OpenAPI 3) or consumes (Swagger 2).
func mediaTypes(op *yaml.Node) map[string]bool {
	out := map[string]bool{}
	if c := get(get(op, "requestBody"), "content"); c != nil && c.Kind == yaml.MappingNode {
		for i := 0; i < len(c.Content); i += 2 {
			out[c.Content[i].Value] = true
		}
	}
	if c := get(op, "consumes"); c != nil && c.Kind == yaml.SequenceNode {
		for _, n := range c.Content {
			out[n.Value] = true
		}
	}
	return out
}

// deref follows a local "#/a/b/c" $ref; anything else is returned as is,
// and a ref that leads nowhere is nil.
func deref(root, n *yaml.Node) *yaml.Node {
	ref := scalar(get(n, "$ref"))
	if ref == "" {
		return n
	}
	if !strings.HasPrefix(ref, "#/") {
		return nil
	}
	cur := root
	for _, part := range strings.Split(ref[2:], "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		if cur = get(cur, part); cur == nil {
			return nil
		}
	}
	return cur
}

// get returns the value of key in a mapping node, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func looksJSON(data []byte) bool {
	t := bytes.TrimSpace(data)
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// zeroLines clears the line numbers of a re-encoded document: they would
// point into the re-encoding, not the file.
func zeroLines(n *yaml.Node) {
	n.Line, n.Column = 0, 0
	for _, c := range n.Content {
		zeroLines(c)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
