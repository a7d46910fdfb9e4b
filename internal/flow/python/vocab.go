package python

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
)

// requestParts maps what is read from a Python request object (Flask's
// global request, a Django or DRF request, a Starlette or aiohttp Request) to the
// source it is; the longest prefix wins. Paths are as lowering writes
// them: an attribute ".args", a key ".q" (request.args["q"] and
// request.args.get("q") alike), a method call ".get_json()".
var requestParts = []struct{ prefix, source string }{
	// Flask / Werkzeug.
	{".args", facts.SourceQuery},
	{".form", facts.SourceBody},
	{".values", facts.SourceBody},
	{".json", facts.SourceBody},
	{".get_json()", facts.SourceBody},
	{".data", facts.SourceBody},
	{".get_data()", facts.SourceBody},
	{".stream", facts.SourceBody},
	{".files", facts.SourceBody},
	{".headers", facts.SourceHeader},
	{".cookies", facts.SourceCookie},
	{".view_args", facts.SourceParam},
	{".url", facts.SourceURL},
	{".base_url", facts.SourceURL},
	{".full_path", facts.SourceURL},
	{".path", facts.SourceURL},
	{".host_url", facts.SourceURL},
	{".url_root", facts.SourceURL},
	{".referrer", facts.SourceHeader},
	// Django and DRF.
	{".GET", facts.SourceQuery},
	{".POST", facts.SourceBody},
	{".body", facts.SourceBody},
	{".FILES", facts.SourceBody},
	{".COOKIES", facts.SourceCookie},
	{".META", facts.SourceHeader},
	{".query_params", facts.SourceQuery},
	{".get_full_path()", facts.SourceURL},
	{".build_absolute_uri()", facts.SourceURL},
	// Starlette / FastAPI Request.
	{".path_params", facts.SourceParam},
	{".json()", facts.SourceBody},
	{".form()", facts.SourceBody},
	{".body()", facts.SourceBody},
	// aiohttp web.Request: await request.post(), request.query,
	// request.match_info, await request.text() / read() / multipart().
	{".match_info", facts.SourceParam},
	{".query", facts.SourceQuery},
	{".query_string", facts.SourceQuery},
	{".rel_url", facts.SourceURL},
	{".post()", facts.SourceBody},
	{".text()", facts.SourceBody},
	{".read()", facts.SourceBody},
	{".multipart()", facts.SourceBody},
	{".content", facts.SourceBody},
}

// fileNameRE is an uploaded file's own name read from the upload:
// request.files["doc"].filename, request.FILES["doc"].name.
var fileNameRE = regexp.MustCompile(`^(\.[^.]+|\[\])?\.(filename|name)\b`)

// fromRequest is the source a path read from a request object is, and
// the path after it; ok is false for what the client does not choose
// (request.user, request.method, request.session).
func fromRequest(p string) (source, rest string, ok bool) {
	best := -1
	for i, part := range requestParts {
		if strings.HasPrefix(p, part.prefix) && (len(p) == len(part.prefix) || p[len(part.prefix)] == '.' || p[len(part.prefix)] == '[' || strings.HasSuffix(part.prefix, ")")) {
			if best < 0 || len(part.prefix) > len(requestParts[best].prefix) {
				best = i
			}
		}
	}
	if best < 0 {
		return "", "", false
	}
	prefix := requestParts[best].prefix
	source, rest = requestParts[best].source, p[len(prefix):]
	if (prefix == ".files" || prefix == ".FILES") && fileNameRE.MatchString(rest) {
		source = facts.SourceFileName
	}
	return source, rest, true
}

// isRequestGlobal reports whether a qualified name is a framework's
// global request object.
func isRequestGlobal(q string) bool {
	switch q {
	case "flask.request", "quart.request", "flask.globals.request", "werkzeug.local.request":
		return true
	}
	return false
}

// A sinkSpec says which arguments of a call a sink reads, and when.
type sinkSpec struct {
	sink *flow.Sink
	// args are positional indexes (-1: the receiver); kw names the same
	// argument passed by keyword.
	args []int
	kw   string
	// when, if set, must hold of the call as written (shell=True).
	when func(ci *callInfo) bool
}

// Sinks the engine's shared table has no entry for.
var (
	// sinkSQLFragment: text that is SQL whatever it says (text(), extra()):
	// a WHERE fragment with no SELECT in it is still a query.
	sinkSQLFragment = &flow.Sink{Kind: flow.SQLInjection, Name: "SQL fragment"}
	sinkExtract     = &flow.Sink{Kind: flow.PathTraversal, Name: "archive extracted without a path check"}
	sinkSetattr     = &flow.Sink{Kind: flow.MassAssignment, Name: "attribute named by the request"}
	sinkMarkSafe    = &flow.Sink{Kind: flow.XSS, Name: "marked safe HTML", Stored: true}
	sinkBuiltHTML   = &flow.Sink{Kind: flow.XSS, Name: "HTML response", Shape: builtHTML}
	sinkTemplateSrc = &flow.Sink{Kind: flow.TemplateInjection, Name: "template compiled"}
	sinkXML         = &flow.Sink{Kind: flow.XXE, Name: "XML parsed with entities"}
	// sinkFile is a file path: Django keeps only the base name of an
	// upload's own name (UploadedFile.name), so request.FILES["f"].name
	// chooses no folder; werkzeug's and Starlette's .filename is as sent.
	sinkFile = &flow.Sink{Kind: flow.PathTraversal, Name: "file path", From: func(o flow.Origin) bool {
		return o.Source != facts.SourceFileName || !strings.HasSuffix(o.Path, ".name")
	}}
)

var htmlTag = regexp.MustCompile(`<[a-zA-Z!/]`)

// builtHTML is markup with the data pasted in.
func builtHTML(v flow.Value) bool { return v.Built && htmlTag.MatchString(v.Text) }

func shellTrue(ci *callInfo) bool {
	if ci.kwText["shell"] == "True" {
		return true
	}
	// ["sh", "-c", cmd]
	return len(ci.argText) > 0 && shellArgv.MatchString(ci.argText[0])
}

var shellArgv = regexp.MustCompile(`^\[\s*["'](/bin/|/usr/bin/)?(ba|z|da)?sh["']\s*,\s*["']-c["']`)

func unsafeYAML(ci *callInfo) bool {
	loader := ci.kwText["Loader"]
	if loader == "" && len(ci.argText) > 1 {
		loader = ci.argText[1]
	}
	return !strings.Contains(loader, "Safe") && !strings.Contains(loader, "BaseLoader")
}

func entities(ci *callInfo) bool { return ci.parserEntities }

// unfiltered: an extraction without tarfile's data or tar filter, which
// refuse members that leave the folder.
func unfiltered(ci *callInfo) bool {
	f := strings.Trim(ci.kwText["filter"], `"'`)
	return f != "data" && f != "tar" && !strings.Contains(f, "data_filter") && !strings.Contains(f, "tar_filter")
}

func spec(s *flow.Sink, kw string, args ...int) []sinkSpec {
	return []sinkSpec{{sink: s, args: args, kw: kw}}
}

// sinks are the library calls that are dangerous with request data, by
// qualified name.
var sinks = func() map[string][]sinkSpec {
	m := map[string][]sinkSpec{
		"os.system":                       spec(flow.SinkShell, "command", 0),
		"os.popen":                        spec(flow.SinkShell, "cmd", 0),
		"subprocess.getoutput":            spec(flow.SinkShell, "cmd", 0),
		"subprocess.getstatusoutput":      spec(flow.SinkShell, "cmd", 0),
		"commands.getoutput":              spec(flow.SinkShell, "cmd", 0),
		"asyncio.create_subprocess_shell": spec(flow.SinkShell, "cmd", 0),

		"builtins.eval":    spec(flow.SinkEval, "", 0),
		"builtins.exec":    spec(flow.SinkEval, "", 0),
		"builtins.compile": spec(flow.SinkEval, "source", 0),

		"urllib.request.urlopen": spec(flow.SinkFetch, "url", 0),
		"urllib2.urlopen":        spec(flow.SinkFetch, "url", 0),
		"urllib3.request":        spec(flow.SinkFetch, "url", 1),

		"flask.redirect":                            spec(flow.SinkRedirect, "location", 0),
		"werkzeug.utils.redirect":                   spec(flow.SinkRedirect, "location", 0),
		"quart.redirect":                            spec(flow.SinkRedirect, "location", 0),
		"django.shortcuts.redirect":                 spec(flow.SinkRedirect, "to", 0),
		"django.http.HttpResponseRedirect":          spec(flow.SinkRedirect, "redirect_to", 0),
		"django.http.HttpResponsePermanentRedirect": spec(flow.SinkRedirect, "redirect_to", 0),
		"starlette.responses.RedirectResponse":      spec(flow.SinkRedirect, "url", 0),
		"fastapi.responses.RedirectResponse":        spec(flow.SinkRedirect, "url", 0),

		"builtins.open":                    spec(sinkFile, "file", 0),
		"builtins.file":                    spec(sinkFile, "name", 0),
		"io.open":                          spec(sinkFile, "file", 0),
		"codecs.open":                      spec(sinkFile, "filename", 0),
		"flask.send_file":                  spec(sinkFile, "path_or_file", 0),
		"starlette.responses.FileResponse": spec(sinkFile, "path", 0),
		"fastapi.responses.FileResponse":   spec(sinkFile, "path", 0),
		"flask.render_template":            spec(flow.SinkTemplate, "template_name_or_list", 0),
		"django.shortcuts.render":          spec(flow.SinkTemplate, "template_name", 1),

		"pickle.loads":          spec(flow.SinkDeserial, "data", 0),
		"pickle.load":           spec(flow.SinkDeserial, "file", 0),
		"_pickle.loads":         spec(flow.SinkDeserial, "data", 0),
		"cPickle.loads":         spec(flow.SinkDeserial, "data", 0),
		"dill.loads":            spec(flow.SinkDeserial, "str", 0),
		"jsonpickle.decode":     spec(flow.SinkDeserial, "string", 0),
		"marshal.loads":         spec(flow.SinkDeserial, "", 0),
		"pandas.read_pickle":    spec(flow.SinkDeserial, "filepath_or_buffer", 0),
		"yaml.unsafe_load":      spec(flow.SinkDeserial, "stream", 0),
		"yaml.load":             {{sink: flow.SinkDeserial, args: []int{0}, kw: "stream", when: unsafeYAML}},
		"yaml.load_all":         {{sink: flow.SinkDeserial, args: []int{0}, kw: "stream", when: unsafeYAML}},
		"lxml.etree.fromstring": {{sink: sinkXML, args: []int{0}, kw: "text", when: entities}},
		"lxml.etree.XML":        {{sink: sinkXML, args: []int{0}, kw: "text", when: entities}},
		"lxml.etree.parse":      {{sink: sinkXML, args: []int{0}, kw: "source", when: entities}},
		"lxml.etree.XPath":      spec(flow.SinkXPath, "path", 0),
		"lxml.etree.ETXPath":    spec(flow.SinkXPath, "path", 0),

		"flask.render_template_string":   spec(sinkTemplateSrc, "source", 0),
		"jinja2.Template":                spec(sinkTemplateSrc, "source", 0),
		"jinja2.Environment.from_string": spec(sinkTemplateSrc, "source", 0),
		"django.template.Template":       spec(sinkTemplateSrc, "template_string", 0),
		"mako.template.Template":         spec(sinkTemplateSrc, "text", 0),

		"markupsafe.Markup":                  spec(sinkMarkSafe, "", 0),
		"flask.Markup":                       spec(sinkMarkSafe, "", 0),
		"jinja2.Markup":                      spec(sinkMarkSafe, "", 0),
		"django.utils.safestring.mark_safe":  spec(sinkMarkSafe, "s", 0),
		"django.utils.safestring.SafeString": spec(sinkMarkSafe, "", 0),
		// format_html escapes the values it is given, never its format
		// string: one built from request data is marked safe as it is.
		"django.utils.html.format_html":    spec(sinkMarkSafe, "format_string", 0),
		"django.http.HttpResponse":         spec(sinkBuiltHTML, "content", 0),
		"flask.make_response":              spec(sinkBuiltHTML, "", 0),
		"starlette.responses.HTMLResponse": spec(sinkBuiltHTML, "content", 0),
		"fastapi.responses.HTMLResponse":   spec(sinkBuiltHTML, "content", 0),

		"sqlalchemy.text":                     spec(sinkSQLFragment, "text", 0),
		"sqlalchemy.sql.text":                 spec(sinkSQLFragment, "text", 0),
		"sqlalchemy.sql.expression.text":      spec(sinkSQLFragment, "text", 0),
		"django.db.models.expressions.RawSQL": spec(flow.SinkSQL, "sql", 0),
		"django.db.models.RawSQL":             spec(flow.SinkSQL, "sql", 0),

		"builtins.setattr": spec(sinkSetattr, "", 1),
	}
	for _, v := range []string{"run", "call", "Popen", "check_output", "check_call"} {
		m["subprocess."+v] = []sinkSpec{{sink: flow.SinkShell, args: []int{0}, kw: "args", when: shellTrue}}
	}
	for _, lib := range []string{"requests", "httpx", "requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient", "aiohttp.ClientSession"} {
		for _, v := range []string{"get", "post", "put", "patch", "delete", "head", "options", "stream"} {
			m[lib+"."+v] = spec(flow.SinkFetch, "url", 0)
		}
		m[lib+".request"] = spec(flow.SinkFetch, "url", 1)
	}
	m["urllib3.PoolManager.request"] = spec(flow.SinkFetch, "url", 1)
	return m
}()

// methodSinks are sinks known by the method's name whatever the
// receiver: SQL text given to a cursor or session, an archive extracted.
var methodSinks = map[string][]sinkSpec{
	"execute":         spec(flow.SinkSQL, "", 0),
	"executemany":     spec(flow.SinkSQL, "", 0),
	"executescript":   spec(flow.SinkSQL, "", 0),
	"exec_driver_sql": spec(flow.SinkSQL, "", 0),
	"raw":             spec(flow.SinkSQL, "raw_query", 0),
	"extractall":      {{sink: sinkExtract, args: []int{-1}, when: unfiltered}},
	"save":            spec(sinkFile, "dst", 0),
	// lxml's element.xpath(expr, **vars), parsel's and Scrapy's
	// selector.xpath(query, **vars): a value given as a variable is bound,
	// not pasted.
	"xpath": spec(flow.SinkXPath, "_path", 0),
}

// mongoMethods are a collection's query methods: the first argument is
// the filter.
var mongoMethods = map[string]bool{"find": true, "find_one": true, "find_one_and_update": true, "find_one_and_delete": true,
	"find_one_and_replace": true, "update_one": true, "update_many": true, "delete_one": true, "delete_many": true,
	"count_documents": true, "aggregate": true, "replace_one": true, "distinct": false}

// mongoLibs are the packages whose clients' collections take filters.
var mongoLibs = []string{"pymongo.", "motor.", "flask_pymongo.", "mongomock."}

// createMethods write a record from keyword arguments (Model.objects.
// create(**data)) or a mapping.
var createMethods = map[string]bool{"create": true, "update": true, "get_or_create": true, "update_or_create": true, "bulk_create": false}

// sanitisers are calls whose result is their argument made safe for
// these kinds.
var sanitisers = map[string][]string{
	"shlex.quote":                          {flow.CommandInjection},
	"pipes.quote":                          {flow.CommandInjection},
	"builtins.int":                         {flow.CleanAll},
	"builtins.float":                       {flow.CleanAll},
	"builtins.bool":                        {flow.CleanAll},
	"builtins.len":                         {flow.CleanAll},
	"uuid.UUID":                            {flow.CleanAll},
	"decimal.Decimal":                      {flow.CleanAll},
	"builtins.str":                         {flow.NoSQLInjection},
	"os.path.basename":                     {flow.PathTraversal},
	"werkzeug.utils.secure_filename":       {flow.PathTraversal},
	"werkzeug.secure_filename":             {flow.PathTraversal},
	"django.utils.text.get_valid_filename": {flow.PathTraversal},
	"werkzeug.utils.safe_join":             {flow.PathTraversal},
	"werkzeug.security.safe_join":          {flow.PathTraversal},
	"flask.safe_join":                      {flow.PathTraversal},
	"markupsafe.escape":                    {flow.XSS, flow.TemplateInjection},
	"flask.escape":                         {flow.XSS, flow.TemplateInjection},
	"html.escape":                          {flow.XSS, flow.TemplateInjection},
	"django.utils.html.escape":             {flow.XSS, flow.TemplateInjection},
	"django.utils.html.format_html":        {flow.XSS},
	"bleach.clean":                         {flow.XSS, flow.TemplateInjection},
	"django.utils.http.url_has_allowed_host_and_scheme": {flow.CleanAll},
	// The URL of one of the app's own routes: its arguments fill the
	// path and the query, never the host.
	"flask.url_for":       {flow.OpenRedirect, flow.SSRF},
	"django.urls.reverse": {flow.OpenRedirect, flow.SSRF},
}

// checkCalls are tests that, in a condition, vouch for one argument
// from there on: an allow-list of hosts, a pattern the value must match.
var checkCalls = map[string]struct {
	arg   int
	kinds []string
}{
	"django.utils.http.url_has_allowed_host_and_scheme": {0, []string{flow.OpenRedirect, flow.SSRF}},
	"django.utils.http.is_safe_url":                     {0, []string{flow.OpenRedirect, flow.SSRF}},
	"re.match":                                          {1, []string{flow.CleanAll}},
	"re.fullmatch":                                      {1, []string{flow.CleanAll}},
	"builtins.isinstance":                               {0, []string{flow.NoSQLInjection}},
}
