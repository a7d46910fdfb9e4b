package threat

import (
	"github.com/threatmap/threatmap/internal/facts"
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
	Controls: []Suggestion{{Text: "Allow only known hosts; block private and metadata addresses"}},
	Surface:  "Server-side fetch", Direction: model.Exit,
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
	Fires:      "eval, exec, new Function or vm.runIn*Context given request data",
	Difficulty: model.Easy, Reason: "only an expression in a parameter", Level: model.Critical,
	Impact: "run any code inside the server process", Method: "sending code where the handler expects a value",
	Abuse:    "The server evaluates the attacker's code: its secrets, its data and its network",
	Controls: []Suggestion{{Text: "Never evaluate request data; parse it (JSON, a safe expression parser) instead"}},
	Surface:  "Code evaluation", Direction: model.Entry,
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
}.rule()

var xxe = weaknessRule{
	ID: "xxe", Title: "XML parsed with external entities",
	Stride: []string{"I"}, CWE: []string{"CWE-611"},
	Fires:      "an XML parser with entity expansion or network access turned on (resolve_entities, no_network=False, noent, feature_external_ges)",
	Difficulty: model.Easy, Reason: "only an XML upload with an entity declaration", Level: model.High,
	Impact: "read server files and reach internal URLs", Method: "uploading XML whose entities point at local files",
	Abuse:    "An external entity in uploaded XML reads server files or fetches internal URLs",
	Controls: []Suggestion{{Text: "Turn off entity expansion and DTDs in the XML parser (defusedxml)"}},
	Surface:  "XML parsing", Direction: model.Entry,
}.rule()

var openRedirect = weaknessRule{
	ID: "open-redirect", Title: "Redirect to a URL taken from the request",
	Stride: []string{"S"}, CWE: []string{"CWE-601"},
	Fires:      "a redirect whose target comes from the request",
	Difficulty: model.Easy, Reason: "only a link to the product with the attacker's URL in it", Level: model.Medium,
	Impact: "send users from a trusted link to a phishing page", Method: "sharing a product link whose redirect target is the attacker's site",
	Abuse:    "A link on the product's own domain forwards users to a phishing page or leaks tokens in the redirect",
	Controls: []Suggestion{{Text: "Redirect only to relative paths or an allowlist of hosts"}},
	Surface:  "Redirects", Direction: model.Exit,
}.rule()
