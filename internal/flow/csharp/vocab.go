package csharp

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
)

// requestParts maps what is read from an HttpRequest (a handler's
// HttpRequest or HttpContext parameter, a controller's Request) to the
// source it is; the longest prefix wins. Paths are as lowering writes
// them: ".Query[]" for Request.Query["q"].
var requestParts = []struct{ prefix, source string }{
	{".Query", facts.SourceQuery},
	{".QueryString", facts.SourceQuery},
	{".Form", facts.SourceBody},
	{".Body", facts.SourceBody},
	{".BodyReader", facts.SourceBody},
	{".ReadFormAsync()", facts.SourceBody},
	{".ReadFromJsonAsync()", facts.SourceBody},
	{".Headers", facts.SourceHeader},
	{".Cookies", facts.SourceCookie},
	{".Path", facts.SourceURL},
	{".RouteValues", facts.SourceParam},
}

// fromRequest is the source a path read from a request (or a context,
// through its .Request) is, and the path after it; ok is false for what
// the client does not choose (.User, .Items a middleware set).
func fromRequest(p string) (source, rest string, ok bool) {
	p = strings.TrimPrefix(p, ".Request")
	best := -1
	for i, part := range requestParts {
		if strings.HasPrefix(p, part.prefix) && (len(p) == len(part.prefix) || strings.ContainsAny(p[len(part.prefix):len(part.prefix)+1], ".[")) &&
			(best < 0 || len(part.prefix) > len(requestParts[best].prefix)) {
			best = i
		}
	}
	if best < 0 {
		return "", "", false
	}
	return requestParts[best].source, p[len(requestParts[best].prefix):], true
}

// requestTypes are the parameter types that are the request itself (or
// its context).
var requestTypes = map[string]bool{"HttpRequest": true, "HttpContext": true}

// paramSources are the binding attributes and the source each is.
var paramSources = map[string]string{
	"FromBody": facts.SourceBody, "FromQuery": facts.SourceQuery, "FromRoute": facts.SourceParam,
	"FromForm": facts.SourceBody, "FromHeader": facts.SourceHeader,
}

// formTypes are uploaded files and forms: request data whatever their
// interface-like names say.
var formTypes = map[string]bool{"IFormFile": true, "IFormFileCollection": true, "IFormCollection": true,
	"List<IFormFile>": true, "IEnumerable<IFormFile>": true}

// scalar types carry nothing a sink misreads once bound.
var scalar = map[string]bool{"int": true, "long": true, "short": true, "byte": true, "double": true, "float": true,
	"decimal": true, "bool": true, "char": true, "uint": true, "ulong": true, "ushort": true, "sbyte": true,
	"Int32": true, "Int64": true, "Guid": true, "DateTime": true, "DateTimeOffset": true, "DateOnly": true,
	"TimeOnly": true, "TimeSpan": true, "Boolean": true, "Decimal": true, "Double": true}

// nonData are parameter types a handler is given that carry no request
// data: a cancellation token, the user, the response.
var nonData = map[string]bool{"CancellationToken": true, "ClaimsPrincipal": true, "HttpResponse": true,
	"ModelStateDictionary": true, "object": true}

// serviceSuffixes name the types the container gives a handler.
var serviceSuffixes = []string{"Context", "Service", "Repository", "Manager", "Logger", "Options", "Client",
	"Factory", "Provider", "Mediator", "Sender", "Handler", "Store", "Cache", "Db", "Environment", "Configuration"}

// A sinkSpec says which arguments of a call a sink reads (-1: the
// receiver, -2: every argument).
type sinkSpec struct {
	sink *flow.Sink
	args []int
}

func spec(s *flow.Sink, args ...int) []sinkSpec { return []sinkSpec{{sink: s, args: args}} }

// typeSinks are calls of a library type's methods and constructors
// ("new:T"), keyed Type.method, with the receiver's declared type or the
// class of a static call.
var typeSinks = map[string][]sinkSpec{
	"Process.Start":                         spec(flow.SinkShell, 0, 1),
	"new:ProcessStartInfo":                  spec(flow.SinkShell, 0, 1),
	"new:SqlCommand":                        spec(flow.SinkSQL, 0),
	"new:SqliteCommand":                     spec(flow.SinkSQL, 0),
	"new:NpgsqlCommand":                     spec(flow.SinkSQL, 0),
	"new:MySqlCommand":                      spec(flow.SinkSQL, 0),
	"new:OleDbCommand":                      spec(flow.SinkSQL, 0),
	"new:SqlDataAdapter":                    spec(flow.SinkSQL, 0),
	"new:XmlSerializer":                     spec(flow.SinkDeserial, 0),
	"BinaryFormatter.Deserialize":           spec(flow.SinkDeserial, 0),
	"SoapFormatter.Deserialize":             spec(flow.SinkDeserial, 0),
	"NetDataContractSerializer.Deserialize": spec(flow.SinkDeserial, 0),
	"LosFormatter.Deserialize":              spec(flow.SinkDeserial, 0),
	"ObjectStateFormatter.Deserialize":      spec(flow.SinkDeserial, 0),
	"File.ReadAllText":                      spec(flow.SinkFile, 0),
	"File.ReadAllTextAsync":                 spec(flow.SinkFile, 0),
	"File.ReadAllBytes":                     spec(flow.SinkFile, 0),
	"File.ReadAllBytesAsync":                spec(flow.SinkFile, 0),
	"File.ReadAllLines":                     spec(flow.SinkFile, 0),
	"File.ReadLines":                        spec(flow.SinkFile, 0),
	"File.WriteAllText":                     spec(flow.SinkFile, 0),
	"File.WriteAllTextAsync":                spec(flow.SinkFile, 0),
	"File.WriteAllBytes":                    spec(flow.SinkFile, 0),
	"File.WriteAllBytesAsync":               spec(flow.SinkFile, 0),
	"File.AppendAllText":                    spec(flow.SinkFile, 0),
	"File.Open":                             spec(flow.SinkFile, 0),
	"File.OpenRead":                         spec(flow.SinkFile, 0),
	"File.OpenWrite":                        spec(flow.SinkFile, 0),
	"File.OpenText":                         spec(flow.SinkFile, 0),
	"File.Create":                           spec(flow.SinkFile, 0),
	"File.CreateText":                       spec(flow.SinkFile, 0),
	"File.Delete":                           spec(flow.SinkFile, 0),
	"File.Copy":                             spec(flow.SinkFile, 0, 1),
	"File.Move":                             spec(flow.SinkFile, 0, 1),
	"Directory.Delete":                      spec(flow.SinkFile, 0),
	"Directory.GetFiles":                    spec(flow.SinkFile, 0),
	"Directory.CreateDirectory":             spec(flow.SinkFile, 0),
	"new:FileStream":                        spec(flow.SinkFile, 0),
	"new:StreamWriter":                      spec(flow.SinkFile, 0),
	"new:FileInfo":                          spec(flow.SinkFile, 0),
	"new:PhysicalFileResult":                spec(flow.SinkFile, 0),
	"HttpClient.GetAsync":                   spec(flow.SinkFetch, 0),
	"HttpClient.GetStringAsync":             spec(flow.SinkFetch, 0),
	"HttpClient.GetStreamAsync":             spec(flow.SinkFetch, 0),
	"HttpClient.GetByteArrayAsync":          spec(flow.SinkFetch, 0),
	"HttpClient.GetFromJsonAsync":           spec(flow.SinkFetch, 0),
	"HttpClient.PostAsync":                  spec(flow.SinkFetch, 0),
	"HttpClient.PostAsJsonAsync":            spec(flow.SinkFetch, 0),
	"HttpClient.PutAsync":                   spec(flow.SinkFetch, 0),
	"HttpClient.DeleteAsync":                spec(flow.SinkFetch, 0),
	"WebRequest.Create":                     spec(flow.SinkFetch, 0),
	"HttpWebRequest.Create":                 spec(flow.SinkFetch, 0),
	"WebClient.DownloadString":              spec(flow.SinkFetch, 0),
	"WebClient.DownloadData":                spec(flow.SinkFetch, 0),
	"WebClient.DownloadFile":                spec(flow.SinkFetch, 0),
	"new:HttpRequestMessage":                spec(flow.SinkFetch, 1),
	"HttpResponse.Redirect":                 spec(flow.SinkRedirect, 0),
	"Results.Redirect":                      spec(flow.SinkRedirect, 0),
	"TypedResults.Redirect":                 spec(flow.SinkRedirect, 0),
	"new:RedirectResult":                    spec(flow.SinkRedirect, 0),
	"new:HtmlString":                        spec(flow.SinkHTML, 0),
	"Html.Raw":                              spec(flow.SinkHTML, 0),
}

// selfSinks are a controller's own helpers (ControllerBase's methods,
// called unqualified) that are sinks.
var selfSinks = map[string][]sinkSpec{
	"Redirect":          spec(flow.SinkRedirect, 0),
	"RedirectPermanent": spec(flow.SinkRedirect, 0),
	"PhysicalFile":      spec(flow.SinkFile, 0),
}

// methodSinks are methods whose name says what they do whatever the
// receiver's declared type (an EF Core DbSet or Database facade, a
// Dapper connection): SQL text built with request data pasted in.
var methodSinks = map[string][]sinkSpec{
	// XmlNode's and XPathNavigator's XPath queries, LINQ to XML's.
	"SelectNodes":               spec(flow.SinkXPath, 0),
	"SelectSingleNode":          spec(flow.SinkXPath, 0),
	"XPathSelectElements":       spec(flow.SinkXPath, 0),
	"XPathSelectElement":        spec(flow.SinkXPath, 0),
	"XPathEvaluate":             spec(flow.SinkXPath, 0),
	"FromSqlRaw":                spec(flow.SinkSQL, 0),
	"ExecuteSqlRaw":             spec(flow.SinkSQL, 0),
	"ExecuteSqlRawAsync":        spec(flow.SinkSQL, 0),
	"SqlQueryRaw":               spec(flow.SinkSQL, 0),
	"ExecuteSqlCommand":         spec(flow.SinkSQL, 0),
	"ExecuteSqlCommandAsync":    spec(flow.SinkSQL, 0),
	"Query":                     spec(flow.SinkSQL, 0),
	"QueryAsync":                spec(flow.SinkSQL, 0),
	"QueryFirst":                spec(flow.SinkSQL, 0),
	"QueryFirstAsync":           spec(flow.SinkSQL, 0),
	"QueryFirstOrDefault":       spec(flow.SinkSQL, 0),
	"QueryFirstOrDefaultAsync":  spec(flow.SinkSQL, 0),
	"QuerySingle":               spec(flow.SinkSQL, 0),
	"QuerySingleOrDefault":      spec(flow.SinkSQL, 0),
	"QuerySingleOrDefaultAsync": spec(flow.SinkSQL, 0),
	"QueryMultiple":             spec(flow.SinkSQL, 0),
	"Execute":                   spec(flow.SinkSQL, 0),
	"ExecuteAsync":              spec(flow.SinkSQL, 0),
	"ExecuteScalar":             spec(flow.SinkSQL, 0),
	"ExecuteScalarAsync":        spec(flow.SinkSQL, 0),
	"ExecuteReader":             spec(flow.SinkSQL, 0),
	"ExecuteReaderAsync":        spec(flow.SinkSQL, 0),
}

// formattedSQL are EF Core's methods that take a FormattableString: an
// interpolated string written in the call is sent as parameters; any
// other string (a local built before) is raw text.
var formattedSQL = map[string]bool{"FromSql": true, "FromSqlInterpolated": true, "ExecuteSql": true,
	"ExecuteSqlInterpolated": true, "ExecuteSqlAsync": true, "ExecuteSqlInterpolatedAsync": true, "SqlQuery": true}

// commandProps are properties whose assignment is a sink (cmd.CommandText
// = sql; psi.FileName = prog), with the declared types that have them.
var commandProps = map[string]*flow.Sink{"CommandText": flow.SinkSQL, "FileName": flow.SinkShell, "Arguments": flow.SinkShell}

// returnTypes are the declared types of library calls' results, for the
// calls made on them.
var returnTypes = map[string]string{
	"IHttpClientFactory.CreateClient": "HttpClient", "HttpClientFactory.CreateClient": "HttpClient",
	"Type.GetType": "Type", "WebRequest.Create": "WebRequest", "Process.Start": "Process",
}

// cleaners are library calls whose result is their argument cleaned for
// these kinds: a number parsed, a file's base name, HTML encoded.
var cleaners = map[string][]string{
	"int.Parse": {flow.CleanAll}, "long.Parse": {flow.CleanAll}, "Int32.Parse": {flow.CleanAll}, "Int64.Parse": {flow.CleanAll},
	"Guid.Parse": {flow.CleanAll}, "double.Parse": {flow.CleanAll}, "decimal.Parse": {flow.CleanAll}, "bool.Parse": {flow.CleanAll},
	"Convert.ToInt32": {flow.CleanAll}, "Convert.ToInt64": {flow.CleanAll}, "Convert.ToBoolean": {flow.CleanAll},
	"DateTime.Parse": {flow.CleanAll}, "Guid.NewGuid": {flow.CleanAll},
	"Path.GetFileName": {flow.PathTraversal}, "Path.GetFileNameWithoutExtension": {flow.PathTraversal},
	"Path.GetExtension":  {flow.PathTraversal},
	"HtmlEncoder.Encode": {flow.XSS}, "WebUtility.HtmlEncode": {flow.XSS}, "HttpUtility.HtmlEncode": {flow.XSS},
	"HttpUtility.HtmlAttributeEncode": {flow.XSS}, "Encoder.HtmlEncode": {flow.XSS}, "AntiXssEncoder.HtmlEncode": {flow.XSS},
	"SecurityElement.Escape": {flow.XSS},
}

// passMethods are library methods whose result is made from their
// arguments as much as from the receiver.
var passMethods = map[string]bool{"Append": true, "AppendLine": true, "AppendFormat": true, "Replace": true,
	"Insert": true, "Concat": true, "Format": true, "Combine": true, "Join": true}

// fillMethods put their argument into the object they are called on: a
// document loaded from a stream, a list given an element.
var fillMethods = map[string]bool{"Load": true, "LoadXml": true, "Add": true, "AddRange": true, "Append": true,
	"AppendLine": true, "AppendFormat": true, "Insert": true, "Write": true}

// typeNameAuto is a Newtonsoft setting that lets the JSON name the type
// it is read into.
var typeNameAuto = regexp.MustCompile(`TypeNameHandling\s*=\s*TypeNameHandling\.(All|Auto|Objects|Arrays)`)

// efReaders are Entity Framework Core's query runners (its async
// extensions of IQueryable, which in-memory LINQ lacks, and a DbSet's
// FindAsync): each hands back records as stored.
var efReaders = map[string]bool{"FirstOrDefaultAsync": true, "FirstAsync": true, "SingleAsync": true,
	"SingleOrDefaultAsync": true, "LastOrDefaultAsync": true, "LastAsync": true, "ToListAsync": true,
	"ToArrayAsync": true, "FindAsync": true, "ToDictionaryAsync": true}

// efSyncReaders are the synchronous LINQ runners, which read stored
// records only on a context's set (contextRead): on a list in memory
// they read nothing stored.
var efSyncReaders = map[string]bool{"ToList": true, "ToArray": true, "FirstOrDefault": true, "First": true,
	"SingleOrDefault": true, "Single": true, "Find": true}

// htmlType is a content type that says a body is HTML.
var htmlType = regexp.MustCompile(`(?i)^text/html`)

// simple is a type's simple name: System.Collections.Generic.List<string>
// is List<string>, string? is string.
func simple(t string) string {
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), "?"))
	head := t
	if i := strings.IndexByte(t, '<'); i >= 0 {
		head = t[:i]
	}
	if i := strings.LastIndexByte(head, '.'); i >= 0 {
		t = t[i+1:]
	}
	return t
}

// base is a type's name without its type arguments: Task<string> is Task.
func base(t string) string {
	if i := strings.IndexAny(t, "<["); i >= 0 {
		return t[:i]
	}
	return t
}
