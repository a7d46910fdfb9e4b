package threat

import (
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/model"
)

// Injection: request data that reaches a model, a query, a shell, an
// evaluator, a parser or a fetch.

var promptInjection = &Rule{
	ID: "prompt-injection", Title: "User text reaching an LLM that can call tools or read other users' data",
	Stride: []string{"T", "I"}, CWE: []string{"CWE-1427", "CWE-77"},
	Fires:  "an LLM route whose handler loads stored data without an ownership condition, or an LLM given tools",
	Rating: "medium: needs a crafted prompt; impact high: other users' data or actions taken in their name",
	Controls: []Suggestion{
		{Text: "Scope what the model can read to the caller's own data", Check: "ownership-check"},
		{Text: "Give tools least privilege and confirm side effects with the user"},
	},
	fire: func(c *Context) []Hit {
		tools := false
		for _, w := range c.F.Weaknesses {
			if w.Kind == "llm-tools" {
				tools = true
			}
		}
		var hits []Hit
		for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagLLM) }) {
			reads := c.Shows(facts.SignalObjectFetch, r) && !c.Shows(facts.SignalOwnership, r)
			if !tools && !reads {
				continue
			}
			method := "asking the model, in the prompt, for data or actions outside the caller's account"
			hits = append(hits, Hit{
				Route: r, Assets: c.DataIn(r),
				Impact: "read other users' data or act in their name", Method: method, Requires: "a crafted prompt",
				Abuse:      "Prompt injection steers the model to reveal other users' data or call tools it should not",
				Difficulty: model.Moderate, DifficultyReason: "needs a crafted prompt and some knowledge of what the model can reach",
				Level: model.High, ImpactReason: "the model reads data or takes actions beyond the caller's account",
				Evidence: routeEvidence(r),
			})
		}
		return hits
	},
}

var ssrf = weaknessRule{
	ID: "ssrf", Title: "User-supplied URL fetched server-side",
	Stride: []string{"I", "E"}, CWE: []string{"CWE-918"},
	Fires:      "a URL from the request passed to an HTTP client",
	Difficulty: model.Easy, Reason: "only a URL pointing inside your network", Level: model.High,
	Impact: "reach internal services and cloud metadata", Method: "submitting an internal URL for the server to fetch",
	Abuse:    "The server fetches attacker-chosen URLs: cloud metadata credentials and internal services",
	Controls: []Suggestion{{Text: "Allow only known hosts; block private and metadata addresses", Check: "ssrf-guard"}},
	Surface:  "Server-side fetch", Direction: model.Exit,
	Gate: "ssrf-guard", // a client that refuses internal addresses answers it
}.rule()

var sqlInjection = weaknessRule{
	ID: "sql-injection", Title: "SQL built from strings",
	Stride: []string{"T", "I"}, CWE: []string{"CWE-89"},
	Fires:      "SQL text built with f-strings, concatenation or Sprintf",
	Difficulty: model.Easy, Reason: "only a quote in a parameter; scanners try it on every field", Level: model.Critical,
	Impact: "read or change any row in the database", Method: "injecting SQL through a parameter",
	Abuse:    "Injected SQL reads or rewrites any table",
	Controls: []Suggestion{{Text: "Use parameterised queries everywhere"}},
	Surface:  "Database queries", Direction: model.Store,
}.rule()

var codeInjection = weaknessRule{
	ID: "code-injection", Title: "Request data evaluated as code",
	Stride: []string{"T", "E"}, CWE: []string{"CWE-94", "CWE-95"},
	Fires:      "eval, exec, new Function or vm.runIn*Context given request data, or request data logged through a log4j 2 older than 2.15 (it resolves ${jndi:...} lookups)",
	Difficulty: model.Easy, Reason: "only an expression in a parameter", Level: model.Critical,
	Impact: "run any code inside the server process", Method: "sending code where the handler expects a value",
	Abuse:    "The server evaluates the attacker's code: its secrets, its data and its network",
	Controls: []Suggestion{{Text: "Never evaluate request data; parse it (JSON, a safe expression parser) instead"}},
	Surface:  "Code evaluation", Direction: model.Entry,
	// The row speaks of the server process: a page's own eval (a
	// chart's code in the user's browser) is not it.
}.rule()

var commandInjection = weaknessRule{
	ID: "command-injection", Title: "Shell command built from request data",
	Stride: []string{"T", "E"}, CWE: []string{"CWE-78"},
	Fires:      "a shell command (os.system, subprocess with shell=True, child_process.exec, sh -c) built from request data or string formatting",
	Difficulty: model.Easy, Reason: "only a ; or $( ) in a parameter", Level: model.Critical,
	Impact: "run any command on the server", Method: "appending shell syntax to a parameter",
	Abuse:    "Injected shell syntax runs the attacker's commands with the server's rights: files, secrets, the network behind it",
	Controls: []Suggestion{{Text: "Pass arguments as a list with no shell, and validate them against an allowlist"}},
	Surface:  "Shell commands", Direction: model.Entry,
}.rule()

var unsafeDeserialization = weaknessRule{
	ID: "unsafe-deserialization", Title: "Untrusted data deserialized into objects",
	Stride: []string{"T", "E"}, CWE: []string{"CWE-502"},
	Fires:      "pickle.loads, yaml.load without a safe loader, or node-serialize's unserialize",
	Difficulty: model.Moderate, Reason: "needs a crafted payload for the library, which public tools generate", Level: model.Critical,
	Impact: "run code on the server", Method: "sending a serialized object that runs code when loaded",
	Abuse:    "A crafted payload runs code while it is being deserialized",
	Controls: []Suggestion{{Text: "Parse data formats (JSON, yaml.safe_load) instead of deserializing objects"}},
	Surface:  "Deserialization", Direction: model.Entry,
	Easier: loadsCode,
}.rule()

// loadsCode says why a deserialization is easy where the format itself
// runs code: Python's pickle (and the loaders built on it) calls what
// the payload names, node-serialize evaluates the functions it holds. No
// gadget chain is needed, as Java's and .NET's serializers need one on
// the class path.
func loadsCode(f facts.Weakness) string {
	if len(f.Evidence) == 0 {
		return ""
	}
	switch lang.Of(f.Evidence[0].File).Family() {
	case lang.Python, lang.JavaScript:
		return "only a serialized object whose loading runs a command: the format runs code by design, with no gadget chain"
	}
	return ""
}

var xxe = weaknessRule{
	ID: "xxe", Title: "XML parsed with external entities",
	Stride: []string{"I"}, CWE: []string{"CWE-611"},
	Fires:      "an XML parser with entity expansion or network access turned on (resolve_entities, no_network=False, noent, feature_external_ges), or a JDK parser (DocumentBuilder, SAXParser, XMLInputFactory) left as its factory makes it, given request data",
	Difficulty: model.Easy, Reason: "only an XML upload with an entity declaration", Level: model.High,
	Impact: "read server files and reach internal URLs", Method: "uploading XML whose entities point at local files",
	Abuse:    "An external entity in uploaded XML reads server files or fetches internal URLs",
	Controls: []Suggestion{{Text: "Turn off entity expansion and DTDs in the XML parser (defusedxml; in Java, disallow-doctype-decl on the factory)"}},
	Surface:  "XML parsing", Direction: model.Entry,
}.rule()

var openRedirect = weaknessRule{
	ID: "open-redirect", Title: "Redirect to a URL taken from the request",
	Stride: []string{"S"}, CWE: []string{"CWE-601"},
	Fires:      "a redirect whose target comes from the request's query, path or body, on a request a victim's browser can be made to send (a GET or POST link or form; not a Referer or other header, which the victim's browser sets)",
	Difficulty: model.Easy, Reason: "only a link to the product with the attacker's URL in it", Level: model.Medium,
	Impact: "send users from a trusted link to a phishing page", Method: "sharing a product link whose redirect target is the attacker's site",
	Abuse:    "A link on the product's own domain forwards users to a phishing page or leaks tokens in the redirect",
	Controls: []Suggestion{{Text: "Redirect only to relative paths or an allowlist of hosts"}},
	Surface:  "Redirects", Direction: model.Exit,
	Browser: true,
	// The Referer (and any header or cookie) is the victim's browser's
	// own: it names the attacker's page only when the victim came from
	// there, and that page could have sent them anywhere already.
	Reflected: true,
}.rule()

var nosqlInjection = weaknessRule{
	ID: "nosql-injection", Title: "Database query built from request data that may hold operators",
	Stride: []string{"S", "T", "I"}, CWE: []string{"CWE-943"},
	Fires:      "a request field passed unconverted into a Mongo-style filter, or request text in a $where",
	Difficulty: model.Easy, Reason: "only an operator object ({\"$ne\": null}) in a JSON field", Level: model.High,
	Impact: "log in without a password or read other users' records", Method: "sending query operators where the handler expects a value",
	Abuse:    "An operator object in place of a value matches every record: a login without the password, another user's data",
	Controls: []Suggestion{{Text: "Convert or validate each field's type before it reaches a query (String(x), a schema), and never build $where from input"}},
	Surface:  "Database queries", Direction: model.Store,
}.rule()

var pathTraversal = weaknessRule{
	ID: "path-traversal", Title: "File path or template name taken from the request",
	Stride: []string{"T", "I"}, CWE: []string{"CWE-22", "CWE-73"},
	Fires:      "request data in a path given to sendFile, download, fs reads and writes, or a template name given to render",
	Difficulty: model.Easy, Reason: "only ../ in a parameter; scanners try it on every file route", Level: model.High,
	Impact: "read or overwrite files on the server, its configuration and secrets among them", Method: "putting ../ sequences in a file name",
	Abuse:    "A file name with ../ reads the server's own files: configuration, keys, other users' uploads",
	Controls: []Suggestion{{Text: "Take the base name, resolve it under a fixed folder and check the result stays inside it, or serve by id from a table"}},
	Surface:  "File access", Direction: model.Store,
}.rule()

var reflectedXSS = weaknessRule{
	ID: "xss", Title: "Request data written into an HTML response",
	Stride: []string{"T", "I"}, CWE: []string{"CWE-79"},
	Fires:      "request data sent as a response body (res.send, res.write, ctx.body), pasted into HTML without escaping, or rendered into a template that writes it unescaped (EJS raw tags, Handlebars triple braces, a Jinja or Django safe filter or autoescape off, Pug !=), on a request a victim's browser can be made to send: a GET or POST, from the query, path or body, (not a PUT, PATCH or DELETE, nor a header's or cookie's value); or a model's text field marked safe HTML (stored: what a user saved, shown to others)",
	Difficulty: model.Easy, Reason: "only a link with a script in a parameter", Level: model.Medium,
	Impact: "run script in another user's session on the product's own origin", Method: "sending a link whose parameter holds a script",
	Abuse:    "A crafted link runs the attacker's script as the victim: their session, their data, actions in their name",
	Controls: []Suggestion{{Text: "Escape on output (a template engine with autoescape on), send JSON with its content type, and set a Content-Security-Policy"}},
	Surface:  "HTML responses", Direction: model.Exit,
	Reflected: true,
	Stored: &storedWords{
		Reason: "only saving a script in a text field the app shows to others; no link to click",
		Method: "saving a script in a text field that other users' pages show",
		Abuse:  "What one user saved is shown unescaped to others: their script runs as every user who views it, their session, their data, actions in their name",
	},
}.rule()

var massAssignment = weaknessRule{
	ID: "mass-assignment", Title: "Whole request body written into a stored record",
	Stride: []string{"T", "E"}, CWE: []string{"CWE-915"},
	Fires:      "the request body passed whole (or spread) into a create, update or Object.assign",
	Difficulty: model.Easy, Reason: "only an extra field (role, isAdmin, credits) in the JSON body", Level: model.High,
	Impact: "set fields the form does not offer: their own role, credits or another user's id", Method: "adding privileged fields to the request body",
	Abuse:    "Extra fields in the body are stored as sent: a user makes themself an admin or tops up their own credits",
	Controls: []Suggestion{{Text: "Copy only the fields the form offers (an allow-list or a schema that strips the rest)"}},
	Surface:  "Record writes", Direction: model.Store,
}.rule()

var templateInjection = weaknessRule{
	ID: "template-injection", Title: "Request data compiled as a template",
	Stride: []string{"T", "E"}, CWE: []string{"CWE-1336", "CWE-94"},
	Fires:      "request data given as the template source to ejs, pug, handlebars, nunjucks or lodash templates, or the whole request body or query given as res.render's values (which Express passes to the engine as options: a layout file, EJS's outputFunctionName)",
	Difficulty: model.Easy, Reason: "only template syntax in a parameter", Level: model.Critical,
	Impact: "run code inside the server process", Method: "sending template syntax that the engine evaluates",
	Abuse:    "The template engine evaluates the attacker's expressions: code execution on the server",
	Controls: []Suggestion{{Text: "Render fixed templates with request data as values, never as the template"}},
	Surface:  "Templates", Direction: model.Entry,
	// The row speaks of the server process: a page's own template (a
	// component rendering Mustache in the browser) is not it.
}.rule()

var xpathInjection = weaknessRule{
	ID: "xpath-injection", Title: "XPath query built from request data",
	Stride: []string{"T", "I"}, CWE: []string{"CWE-643"},
	Fires:      "request data pasted into an XPath expression, or sent as the whole expression, that the code evaluates over a document (xpath.select, lxml's xpath, XPath.evaluate, SelectNodes)",
	Difficulty: model.Easy, Reason: "only a quote in a parameter", Level: model.High,
	Impact: "read every node of the document queried, or pass a check made by query (a login against an XML user list)", Method: "closing the expression's quote and adding an or clause",
	Abuse:    "A quote and ' or '1'='1 in the parameter makes the query match every node: the whole document is returned, a credential check passes",
	Controls: []Suggestion{{Text: "Bind request values as XPath variables (lxml's xpath(expr, name=value), XPathVariableResolver) or check them against a fixed pattern; never let the request send the expression"}},
	Surface:  "XML queries", Direction: model.Store,
}.rule()

var prototypePollution = weaknessRule{
	ID: "prototype-pollution", Title: "Request data merged deeply into an object",
	Stride: []string{"T", "E"}, CWE: []string{"CWE-1321"},
	Fires:      "the request body or query merged deeply into an object: a lodash release whose merge or set walks __proto__, or a merge written by hand that recurses into each key without skipping __proto__, constructor and prototype",
	Difficulty: model.Easy, Reason: "only a __proto__ key in a JSON body", Level: model.High,
	Impact: "give every object in the process properties it never had: an isAdmin flag, a changed option, a crash", Method: "sending {\"__proto__\": {...}} where the handler merges the body",
	Abuse:    "A __proto__ key in the body lands on Object.prototype: checks of a missing flag pass, options change under every request, some template engines run code",
	Controls: []Suggestion{{Text: "Copy only known keys; skip __proto__, constructor and prototype in merges; keep lodash at 4.17.19 or later"}},
	Surface:  "Object merges", Direction: model.Entry,
}.rule()
