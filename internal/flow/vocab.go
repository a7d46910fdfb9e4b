package flow

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Weakness kinds the engine reports (facts.Weakness.Kind).
const (
	SQLInjection          = "sql-injection"
	NoSQLInjection        = "nosql-injection"
	CommandInjection      = "command-injection"
	CodeInjection         = "code-injection"
	SSRF                  = "ssrf"
	OpenRedirect          = "open-redirect"
	UnsafeDeserialization = "unsafe-deserialization"
	XXE                   = "xxe"
	PathTraversal         = "path-traversal"
	XSS                   = "xss"
	MassAssignment        = "mass-assignment"
	TemplateInjection     = "template-injection"
	PrototypePollution    = "prototype-pollution"
	XPathInjection        = "xpath-injection"
)

// Kinds is every kind the engine reports, in one list: a language with
// a frontend reports these from the engine and no longer from patterns.
var Kinds = []string{SQLInjection, NoSQLInjection, CommandInjection, CodeInjection, SSRF, OpenRedirect,
	UnsafeDeserialization, XXE, PathTraversal, XSS, MassAssignment, TemplateInjection, PrototypePollution, XPathInjection}

// Detail is the weakness's detail for each kind.
var Detail = map[string]string{
	SQLInjection:          "SQL built from request data",
	NoSQLInjection:        "a database query or $where built from request data that may hold operators",
	CommandInjection:      "a shell command built from request data",
	CodeInjection:         "request data evaluated as code",
	SSRF:                  "a URL from the request fetched server-side",
	OpenRedirect:          "redirect to a URL taken from the request",
	UnsafeDeserialization: "request data deserialized into live objects",
	XXE:                   "request XML parsed with external entities enabled",
	PathTraversal:         "a file path or template name taken from the request",
	XSS:                   "request data written into an HTML response unescaped",
	MassAssignment:        "the whole request body written into a stored record",
	TemplateInjection:     "request data compiled as a template, or given whole as a render call's options",
	PrototypePollution:    "request data merged deeply into an object, so a __proto__ key reaches every object's prototype",
	XPathInjection:        "an XPath query built from request data",
}

// Sink is a dangerous call, as data: what kind of weakness request data
// there is, and what that data must look like for it to be one.
type Sink struct {
	Kind string
	// Name is how the path's last step reads: "exec(cmd)".
	Name string
	// Shape, if set, tells whether the value at the sink is dangerous
	// there: SQL text with the data pasted in, not a bound value.
	Shape func(v Value) bool
	// From, if set, tells whether a source is dangerous there: the whole
	// body for mass assignment, a raw JSON field for operator injection.
	From func(o Origin) bool
	// RequestFits: request data as it is fits Shape (a request value is
	// text), so a parameter deferred to its caller is kept at a route's
	// entry, where the request is that parameter.
	RequestFits bool
	// ByLead: Shape reads only how the value begins (a URL's scheme and
	// host), so where a parameter begins it the caller's argument
	// answers: fetchImage(src) fetches a fixed host when src is one.
	ByLead bool
	// Stored: a value read back from a record (facts.SourceStored) is
	// dangerous here too: what one user saved, written into the page
	// another views as HTML (stored XSS). Every other sink takes a
	// record's value as the code's own.
	Stored bool
}

// Concrete fills in, for an origin with its source known, whether it is
// the whole body or query object (Whole) or one raw field of it (Field),
// from the access path read after the source.
func Concrete(o Origin) Origin {
	if o.Source != facts.SourceBody && o.Source != facts.SourceQuery {
		o.Whole, o.Field = false, false
		return o
	}
	o.Whole = o.Path == ""
	rest := o.Path
	o.Field = rest != "" && !strings.Contains(rest, "()") && strings.Count(rest, ".")+strings.Count(rest, "[") == 1
	return o
}

// Shapes and froms shared by sinks.
var (
	sqlText = regexp.MustCompile(`(?i)\b(select\b[\s\S]*\bfrom|insert\s+into|update\b[\s\S]*\bset\b|delete\s+from|\bwhere\b|order\s+by)`)
	// builtSQL: SQL text with request data pasted in; a value bound as a
	// parameter is a separate argument and never reaches this shape.
	builtSQL = func(v Value) bool { return v.Built && sqlText.MatchString(v.Text) }
	// anySQL: for calls that only take SQL text (a raw query), any
	// request text in it, built or whole.
	anySQL = func(v Value) bool { return !v.Built || sqlText.MatchString(v.Text) }
	// freeHost: a URL whose host the request chooses; text put after a
	// fixed scheme and host (or after a local path) only picks a path.
	freeHost = func(v Value) bool { return !v.Chosen && !fixedHost.MatchString(v.Lead) }
	// text: a string, not an object sent as JSON.
	wholeBody = func(o Origin) bool { return o.Whole && o.Source == facts.SourceBody }
	rawValue  = func(o Origin) bool { return o.Whole || o.Field }
	// requestObject: the body or query, or a part of it, which a parser
	// may have made an object ({"__proto__": {...}}); a header or a path
	// parameter is text.
	requestObject = func(o Origin) bool { return o.Source == facts.SourceBody || o.Source == facts.SourceQuery }
	// wholeRequest: the whole body or query object, as parsed.
	wholeRequest = func(o Origin) bool { return o.Whole }
	notWhole     = func(o Origin) bool { return !o.Whole }
	unbuilt      = func(v Value) bool { return !v.Built || v.Object }
	// filter: an object literal holding the value ({ _id: req.body.id }):
	// a value passed as it is may be a string key of a hash or a store.
	filter    = func(v Value) bool { return v.Object && !v.Built }
	whereText = func(v Value) bool { return v.Built && strings.Contains(v.Text, "$where") }
	// codeText: text built in the code, or a value that came from a
	// request (always text); not a parameter passed as it is.
	codeText = func(v Value) bool { return v.Built || !onlyParams(v) }
)

// fixedHost is the lead of a URL whose scheme and host are written in
// the code, or of a local path (/account, ./files, but not //host).
// FixedPrefix says a literal prefix fixes a URL's host or a path's
// folder (fixedHost): a test that a value starts with it confines it.
func FixedPrefix(s string) bool { return fixedHost.MatchString(s) }

// A page's name before a query (orders.jsp?ref=) is a relative
// reference: what follows picks a parameter, not a host.
var fixedHost = regexp.MustCompile(`^(?:[a-zA-Z][\w+.-]*://[^/?#\s]+[/?#]|/[^/\\]|\./|[\w-]+/|[\w-]+\.\w+\?|\$\{?[A-Z_]+\}?/)`)

// Sinks, by name, for the frontends' tables.
var (
	SinkShell = &Sink{Kind: CommandInjection, Name: "shell command"}
	// SinkProgram is the program a process is started with, no shell
	// between (spawn, execFile): whoever picks it runs what they like.
	SinkProgram = &Sink{Kind: CommandInjection, Name: "program run"}
	SinkEval    = &Sink{Kind: CodeInjection, Name: "code evaluated"}
	// SinkTimerEval is a timer given code as text (setTimeout("...")):
	// it evaluates only a string, and calls a function. A parameter
	// passed as it is (setTimeout(resolve, ms) in a promise, a callback
	// handed down) is a function far more often than code, so only text
	// built in the code or request data is kept; a caller's argument
	// answers for a parameter.
	SinkTimerEval = &Sink{Kind: CodeInjection, Name: "code evaluated", Shape: codeText, RequestFits: true}
	SinkSQL       = &Sink{Kind: SQLInjection, Name: "SQL query", Shape: builtSQL}
	SinkRawSQL    = &Sink{Kind: SQLInjection, Name: "raw SQL query", Shape: anySQL}
	// SinkSQLFragment is a query builder's raw fragment (Sequelize's
	// literal): a piece of a statement, so request text in it is SQL
	// whatever it looks like (balance - ${amount}).
	SinkSQLFragment = &Sink{Kind: SQLInjection, Name: "raw SQL fragment"}
	SinkFetch       = &Sink{Kind: SSRF, Name: "URL fetched", Shape: freeHost, ByLead: true}
	SinkRedirect    = &Sink{Kind: OpenRedirect, Name: "redirect", Shape: freeHost, ByLead: true}
	SinkDeserial    = &Sink{Kind: UnsafeDeserialization, Name: "deserialized"}
	SinkXML         = &Sink{Kind: XXE, Name: "XML parsed with entities"}
	SinkFile        = &Sink{Kind: PathTraversal, Name: "file path"}
	SinkTemplate    = &Sink{Kind: PathTraversal, Name: "template name"}
	SinkHTML        = &Sink{Kind: XSS, Name: "HTML response", From: notWhole, Stored: true}
	// A record written from the whole body, or from an object the body
	// is spread into; { body: req.body } stores the body in one field.
	SinkMassAssign = &Sink{Kind: MassAssignment, Name: "record written", From: wholeBody, Shape: func(v Value) bool { return !v.Object || v.Spread }}
	SinkNoSQL      = &Sink{Kind: NoSQLInjection, Name: "query filter", Shape: unbuilt, From: rawValue}
	SinkWhere      = &Sink{Kind: NoSQLInjection, Name: "$where", Shape: whereText}
	SinkTemplateJS = &Sink{Kind: TemplateInjection, Name: "template compiled"}
	// SinkRenderOptions is the whole body or query given as a render
	// call's values (res.render('page', req.body)): Express hands them to
	// the engine as its options too, so the request picks a layout file
	// to read (hbs) or code the engine compiles in (EJS's
	// outputFunctionName). Named fields ({ bio: req.body.bio }) are values.
	// SinkDeepMerge is a deep merge of a request object into another
	// (lodash's merge, a merge that recurses into each key): a
	// __proto__ key walks into Object.prototype. Only objects do that:
	// the body or query as parsed, or a part of it, not text built from
	// it.
	SinkDeepMerge = &Sink{Kind: PrototypePollution, Name: "deep merge", From: requestObject, Shape: func(v Value) bool { return !v.Built }}
	// SinkMergeLoop is the same merge written by hand: target[key] = v in
	// a function that recurses into each key and tests none.
	SinkMergeLoop = &Sink{Kind: PrototypePollution, Name: "merged key by key", From: requestObject, Shape: func(v Value) bool { return !v.Built }}
	// SinkPathSet is a property path from the request given to a setter
	// that walks it (lodash's set): "__proto__.isAdmin" is a path too.
	SinkPathSet = &Sink{Kind: PrototypePollution, Name: "property path set"}
	// SinkXPath is an XPath expression evaluated over a document: a
	// quote in request data pasted in (or the whole expression sent)
	// reads nodes the query was not meant to, a login's check among
	// them. A value bound as an XPath variable is a separate argument.
	SinkXPath         = &Sink{Kind: XPathInjection, Name: "XPath query"}
	SinkRenderOptions = &Sink{Kind: TemplateInjection, Name: "render options", From: wholeRequest, Shape: func(v Value) bool { return !v.Object || v.Spread }}
)

// SourceCLI is a command line's arguments: not request data, but what a
// script or job is run with; a sink it reaches is reported with where
// its code runs, never on a route.
const SourceCLI = "cli"

// Role is what an entry's parameter carries.
type Role uint8

// Roles.
const (
	// RoleNone: nothing from the request.
	RoleNone Role = iota
	// RoleRequest: a request object or a context holding one (Express
	// and Fastify req, Koa ctx, Hono c, a Web Request, Next's context
	// with params): its parts are sources by RequestParts.
	RoleRequest
	// RoleArgs: a GraphQL resolver's arguments, all of them.
	RoleArgs
	// RoleMessage: a socket or queue message, all of it.
	RoleMessage
)

// RequestParts maps the access path read from a request object to the
// source it is: the longest prefix wins. Paths are written as the
// frontends lower them: a property ".query", a method call ".get()".
var RequestParts = []struct {
	Prefix, Source string
}{
	// Express, Fastify, Next pages, Nest's @Req().
	{".query", facts.SourceQuery},
	{".body", facts.SourceBody},
	{".params", facts.SourceParam},
	{".param()", facts.SourceParam},
	{".headers", facts.SourceHeader},
	{".header()", facts.SourceHeader},
	{".get()", facts.SourceHeader},
	{".cookies", facts.SourceCookie},
	{".signedCookies", facts.SourceCookie},
	{".file", facts.SourceFileName},
	{".files", facts.SourceFileName},
	{".url", facts.SourceURL},
	{".originalUrl", facts.SourceURL},
	{".path", facts.SourceURL},
	// Koa.
	{".request.body", facts.SourceBody},
	{".request.query", facts.SourceQuery},
	{".request.files", facts.SourceFileName},
	{".request.headers", facts.SourceHeader},
	{".request.url", facts.SourceURL},
	{".cookies.get()", facts.SourceCookie},
	// Hono: c.req.query('q'), c.req.param('id'), await c.req.json().
	{".req.query()", facts.SourceQuery},
	{".req.queries()", facts.SourceQuery},
	{".req.param()", facts.SourceParam},
	{".req.json()", facts.SourceBody},
	{".req.parseBody()", facts.SourceBody},
	{".req.formData()", facts.SourceBody},
	{".req.text()", facts.SourceBody},
	{".req.header()", facts.SourceHeader},
	{".req.url", facts.SourceURL},
	// A Web-standard Request (Next route handlers, Hono's c.req.raw).
	{".json()", facts.SourceBody},
	{".formData()", facts.SourceBody},
	{".text()", facts.SourceBody},
	{".nextUrl.searchParams", facts.SourceQuery},
	{".nextUrl", facts.SourceURL},
}

// FromRequest is the source an access path read from a request object
// is, and the path after it; ok is false for a part that carries nothing
// the client chose (res.locals, req.user set by a guard).
func FromRequest(p string) (source, rest string, ok bool) {
	best := -1
	for i, part := range RequestParts {
		if strings.HasPrefix(p, part.Prefix) && (len(p) == len(part.Prefix) || p[len(part.Prefix)] == '.' || p[len(part.Prefix)] == '[' || strings.HasSuffix(part.Prefix, "()")) {
			if best < 0 || len(part.Prefix) > len(RequestParts[best].Prefix) {
				best = i
			}
		}
	}
	if best < 0 {
		return "", "", false
	}
	return RequestParts[best].Source, p[len(RequestParts[best].Prefix):], true
}

// Covers reports whether a frontend follows request data for kind in
// files of language l: the pattern rules then leave that kind to it.
func Covers(l lang.Lang, kind string) bool {
	if !slices.Contains(Kinds, kind) {
		return false
	}
	switch l.Family() {
	case lang.Python, lang.Go, lang.JavaScript, lang.Java:
		return true
	case lang.CSharp:
		// The C# frontend has no XML parser, template or mass
		// assignment sinks: their patterns stay.
		return slices.Contains(csharpKinds, kind)
	}
	return false
}

// csharpKinds are the kinds the C# frontend follows.
var csharpKinds = []string{SQLInjection, CommandInjection, SSRF, OpenRedirect, UnsafeDeserialization, PathTraversal, XSS, XPathInjection}

// PrivilegedField reports whether a model's field is one only staff or
// the system should set: a role, an admin flag, credits, an approval, the
// record's owner. A word list is the last resort here: nothing in the
// model's code says who may set it. Every frontend asks this one list.
func PrivilegedField(field string) bool {
	switch fold(field) {
	case "role", "roles", "isadmin", "admin", "issuperuser", "superuser", "isstaff", "staff",
		"credits", "credit", "balance", "permissions", "permission", "isverified", "verified",
		"emailverified", "approved", "isapproved", "plan", "tier", "scopes", "owner", "ownerid":
		return true
	}
	return false
}

// fold lower-cases a name and drops its underscores: is_admin, isAdmin
// and IsAdmin are one name.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			continue
		case c >= 'A' && c <= 'Z':
			c += 32
		}
		b = append(b, c)
	}
	return string(b)
}
