package java

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
)

// requestParts maps what is read from a servlet request (or Spring's
// WebRequest, a reactive ServerHttpRequest) to the source it is; the
// longest prefix wins. Paths are as lowering writes them: a method call
// ".getParameter()".
var requestParts = []struct{ prefix, source string }{
	{".getParameter()", facts.SourceQuery},
	{".getParameterValues()", facts.SourceQuery},
	{".getParameterMap()", facts.SourceQuery},
	{".getParameterNames()", facts.SourceQuery},
	{".getQueryString()", facts.SourceQuery},
	{".getQueryParams()", facts.SourceQuery},
	{".getHeader()", facts.SourceHeader},
	{".getHeaders()", facts.SourceHeader},
	{".getCookies()", facts.SourceCookie},
	{".getInputStream()", facts.SourceBody},
	{".getReader()", facts.SourceBody},
	{".getPart()", facts.SourceBody},
	{".getParts()", facts.SourceBody},
	{".getBody()", facts.SourceBody},
	{".getRequestURI()", facts.SourceURL},
	{".getRequestURL()", facts.SourceURL},
	{".getPathInfo()", facts.SourceURL},
	{".getURI()", facts.SourceURL},
}

// fromRequest is the source a path read from a request object is, and
// the path after it; ok is false for what the client does not choose
// (getSession(), getRemoteUser(), getAttribute() a filter set).
func fromRequest(p string) (source, rest string, ok bool) {
	best := -1
	for i, part := range requestParts {
		if strings.HasPrefix(p, part.prefix) && (best < 0 || len(part.prefix) > len(requestParts[best].prefix)) {
			best = i
		}
	}
	if best < 0 {
		return "", "", false
	}
	rest = p[len(requestParts[best].prefix):]
	if rest == "" && oneValue[requestParts[best].prefix] {
		// One string the client chose, not the query object: the call
		// stands in the path so the value is no whole query.
		rest = "()"
	}
	return requestParts[best].source, rest, true
}

// oneValue are the reads that give one string of the query, not the
// query as an object.
var oneValue = map[string]bool{".getParameter()": true, ".getQueryString()": true}

// requestTypes are the parameter types that are the request itself.
var requestTypes = map[string]bool{"HttpServletRequest": true, "ServletRequest": true, "WebRequest": true,
	"NativeWebRequest": true, "ServerHttpRequest": true, "ServerRequest": true, "MultipartHttpServletRequest": true}

// paramSources are the binding annotations (Spring MVC and WebFlux,
// JAX-RS) and the source each parameter is.
var paramSources = map[string]string{
	"RequestParam": facts.SourceQuery, "PathVariable": facts.SourceParam, "RequestBody": facts.SourceBody,
	"RequestHeader": facts.SourceHeader, "CookieValue": facts.SourceCookie, "ModelAttribute": facts.SourceBody,
	"RequestPart": facts.SourceBody, "MatrixVariable": facts.SourceParam,
	"QueryParam": facts.SourceQuery, "PathParam": facts.SourceParam, "FormParam": facts.SourceBody,
	"HeaderParam": facts.SourceHeader, "CookieParam": facts.SourceCookie, "BeanParam": facts.SourceBody,
}

// scalar types carry nothing a sink misreads once bound.
var scalar = map[string]bool{"int": true, "long": true, "short": true, "byte": true, "double": true, "float": true,
	"boolean": true, "char": true, "Integer": true, "Long": true, "Short": true, "Byte": true, "Double": true,
	"Float": true, "Boolean": true, "UUID": true, "BigDecimal": true, "BigInteger": true, "LocalDate": true,
	"LocalDateTime": true, "Instant": true, "Date": true, "OffsetDateTime": true, "ZonedDateTime": true}

// nonData are parameter types a handler is given that carry no request
// data: the model, the response, the principal, a pager.
var nonData = map[string]bool{"Model": true, "ModelMap": true, "ModelAndView": true, "HttpServletResponse": true,
	"ServletResponse": true, "HttpSession": true, "Principal": true, "Authentication": true, "Pageable": true,
	"BindingResult": true, "Errors": true, "RedirectAttributes": true, "Locale": true, "SessionStatus": true,
	"ServerHttpResponse": true, "ServerWebExchange": true, "UriComponentsBuilder": true, "SecurityContext": true}

// A sinkSpec says which arguments of a call a sink reads (-1: the
// receiver, -2: every argument).
type sinkSpec struct {
	sink *flow.Sink
	args []int
}

// Sinks the shared table has no entry for.
var (
	sinkReflect = &flow.Sink{Kind: flow.CodeInjection, Name: "class or method chosen by name"}
)

func spec(s *flow.Sink, args ...int) []sinkSpec { return []sinkSpec{{sink: s, args: args}} }

// typeSinks are calls of a library type's methods and constructors
// ("new:T"), keyed Type.method, with the receiver's declared type.
var typeSinks = map[string][]sinkSpec{
	"Runtime.exec":                     spec(flow.SinkShell, 0),
	"new:ProcessBuilder":               spec(flow.SinkShell, -2),
	"ProcessBuilder.command":           spec(flow.SinkShell, -2),
	"new:ObjectInputStream":            spec(flow.SinkDeserial, 0),
	"new:XMLDecoder":                   spec(flow.SinkDeserial, 0),
	"XStream.fromXML":                  spec(flow.SinkDeserial, 0),
	"Yaml.load":                        spec(flow.SinkDeserial, 0),
	"new:File":                         spec(flow.SinkFile, -2),
	"new:FileInputStream":              spec(flow.SinkFile, 0),
	"new:FileOutputStream":             spec(flow.SinkFile, 0),
	"new:FileReader":                   spec(flow.SinkFile, 0),
	"new:FileWriter":                   spec(flow.SinkFile, 0),
	"new:RandomAccessFile":             spec(flow.SinkFile, 0),
	"new:FileSystemResource":           spec(flow.SinkFile, 0),
	"Paths.get":                        spec(flow.SinkFile, -2),
	"Path.of":                          spec(flow.SinkFile, -2),
	"Class.forName":                    spec(sinkReflect, 0),
	"ClassLoader.loadClass":            spec(sinkReflect, 0),
	"Method.invoke":                    spec(sinkReflect, -1),
	"HttpServletResponse.sendRedirect": spec(flow.SinkRedirect, 0),
	"new:RedirectView":                 spec(flow.SinkRedirect, 0),
	"URL.openConnection":               spec(flow.SinkFetch, -1),
	"URL.openStream":                   spec(flow.SinkFetch, -1),
	"RestTemplate.getForObject":        spec(flow.SinkFetch, 0),
	"RestTemplate.getForEntity":        spec(flow.SinkFetch, 0),
	"RestTemplate.postForObject":       spec(flow.SinkFetch, 0),
	"RestTemplate.postForEntity":       spec(flow.SinkFetch, 0),
	"RestTemplate.exchange":            spec(flow.SinkFetch, 0),
	"WebClient.uri":                    spec(flow.SinkFetch, 0),
	"RestClient.uri":                   spec(flow.SinkFetch, 0),
	"HttpRequest.newBuilder":           spec(flow.SinkFetch, 0),
	"Jsoup.connect":                    spec(flow.SinkFetch, 0),
	"new:HttpGet":                      spec(flow.SinkFetch, 0),
	"new:HttpPost":                     spec(flow.SinkFetch, 0),
	"new:HttpPut":                      spec(flow.SinkFetch, 0),
	"new:HttpDelete":                   spec(flow.SinkFetch, 0),
	"XPath.evaluate":                   spec(flow.SinkXPath, 0),
	"XPath.compile":                    spec(flow.SinkXPath, 0),
	"XPath.evaluateExpression":         spec(flow.SinkXPath, 0),
}

// methodSinks are methods whose name says what they do whatever the
// receiver's declared type (a JDBC statement, a JPA entity manager, a
// JdbcTemplate): SQL text built with request data pasted in.
var methodSinks = map[string][]sinkSpec{
	"executeQuery":       spec(flow.SinkSQL, 0),
	"executeUpdate":      spec(flow.SinkSQL, 0),
	"executeLargeUpdate": spec(flow.SinkSQL, 0),
	"execute":            spec(flow.SinkSQL, 0),
	"addBatch":           spec(flow.SinkSQL, 0),
	"prepareStatement":   spec(flow.SinkSQL, 0),
	"prepareCall":        spec(flow.SinkSQL, 0),
	"createQuery":        spec(flow.SinkSQL, 0),
	"createNativeQuery":  spec(flow.SinkSQL, 0),
	"createSQLQuery":     spec(flow.SinkSQL, 0),
	"queryForObject":     spec(flow.SinkSQL, 0),
	"queryForList":       spec(flow.SinkSQL, 0),
	"queryForMap":        spec(flow.SinkSQL, 0),
	"queryForRowSet":     spec(flow.SinkSQL, 0),
	"query":              spec(flow.SinkSQL, 0),
	"update":             spec(flow.SinkSQL, 0),
	"batchUpdate":        spec(flow.SinkSQL, 0),
	"sendRedirect":       spec(flow.SinkRedirect, 0),
	// A forward or include to a path the request names reaches any page
	// of the app, those under WEB-INF (never served alone) among them.
	"getRequestDispatcher": spec(flow.SinkTemplate, 0),
	"getForObject":         spec(flow.SinkFetch, 0),
	"getForEntity":         spec(flow.SinkFetch, 0),
	"postForObject":        spec(flow.SinkFetch, 0),
	"postForEntity":        spec(flow.SinkFetch, 0),
}

// xmlSinks are the JDK's XML parsers reading a document: as made by
// their factories they expand external entities, unless the file turns
// that off (xmlHardened).
var xmlSinks = map[string][]sinkSpec{
	"DocumentBuilder.parse":                 spec(flow.SinkXML, 0),
	"SAXParser.parse":                       spec(flow.SinkXML, 0),
	"XMLReader.parse":                       spec(flow.SinkXML, 0),
	"XMLInputFactory.createXMLStreamReader": spec(flow.SinkXML, -2),
	"XMLInputFactory.createXMLEventReader":  spec(flow.SinkXML, -2),
	"SAXBuilder.build":                      spec(flow.SinkXML, 0),
	"SAXReader.read":                        spec(flow.SinkXML, 0),
}

// xmlHardened is a parser factory told to refuse DTDs or external
// entities (or the JAXP secure-processing feature, which empties the
// external-access properties): a file that says it parses safely.
var xmlHardened = regexp.MustCompile(`disallow-doctype-decl|external-(general|parameter)-entities|load-external-dtd|` +
	`setExpandEntityReferences\(\s*false|SUPPORT_DTD|IS_SUPPORTING_EXTERNAL_ENTITIES|ACCESS_EXTERNAL_(DTD|SCHEMA)|FEATURE_SECURE_PROCESSING`)

// writerMethods write a response body (PrintWriter, ServletOutputStream).
var writerMethods = map[string]bool{"write": true, "print": true, "println": true, "printf": true, "append": true, "format": true}

// returnTypes are the declared types of library calls' results, for the
// calls made on them: Runtime.getRuntime().exec(...).
var returnTypes = map[string]string{
	"Runtime.getRuntime": "Runtime", "Connection.createStatement": "Statement", "Connection.prepareStatement": "PreparedStatement",
	"HttpServletResponse.getWriter": "PrintWriter", "HttpServletResponse.getOutputStream": "PrintWriter",
	"ServletResponse.getWriter": "PrintWriter", "Class.getMethod": "Method", "Class.getDeclaredMethod": "Method",
	"Class.forName": "Class", "Object.getClass": "Class", "Thread.getContextClassLoader": "ClassLoader",
	"WebClient.get": "WebClient", "WebClient.post": "WebClient", "WebClient.put": "WebClient", "WebClient.delete": "WebClient",
	"WebClient.method": "WebClient", "WebClient.create": "WebClient", "RestClient.get": "RestClient", "RestClient.post": "RestClient",
	"RestClient.create": "RestClient", "Paths.get": "Path", "Path.of": "Path", "Path.resolve": "Path", "Path.normalize": "Path",
	"Path.toAbsolutePath": "Path", "Path.getFileName": "Path", "File.toPath": "Path", "Base64.getDecoder": "Decoder",
	"XPathFactory.newXPath": "XPath", "XPathFactory.newInstance": "XPathFactory",
	"DocumentBuilderFactory.newInstance": "DocumentBuilderFactory", "DocumentBuilderFactory.newDocumentBuilder": "DocumentBuilder",
	"SAXParserFactory.newInstance": "SAXParserFactory", "SAXParserFactory.newSAXParser": "SAXParser",
	"SAXParser.getXMLReader": "XMLReader", "XMLReaderFactory.createXMLReader": "XMLReader",
	"XMLInputFactory.newInstance": "XMLInputFactory", "XMLInputFactory.newFactory": "XMLInputFactory",
	"Base64.getUrlDecoder": "Decoder", "Base64.getMimeDecoder": "Decoder",
}

// passMethods are library methods whose result is made from their
// arguments as much as from the receiver: a decoder's decode(x), a
// builder's append(x), a path's resolve(x).
var passMethods = map[string]bool{"decode": true, "decodeBuffer": true, "append": true, "resolve": true, "concat": true,
	"replace": true, "replaceAll": true, "replaceFirst": true, "format": true, "formatted": true, "add": true,
	"put": true, "uri": true, "insert": true, "join": true, "wrap": true}

// cleaners are library calls whose result is their argument cleaned for
// these kinds: a number parsed, a file's base name, HTML escaped.
var cleaners = map[string][]string{
	"Integer.parseInt": {flow.CleanAll}, "Integer.valueOf": {flow.CleanAll}, "Long.parseLong": {flow.CleanAll},
	"Long.valueOf": {flow.CleanAll}, "Double.parseDouble": {flow.CleanAll}, "Short.parseShort": {flow.CleanAll},
	"UUID.fromString": {flow.CleanAll}, "Boolean.parseBoolean": {flow.CleanAll}, "Float.parseFloat": {flow.CleanAll},
	"FilenameUtils.getName": {flow.PathTraversal}, "FilenameUtils.getBaseName": {flow.PathTraversal},
	"StringUtils.getFilename": {flow.PathTraversal}, "File.getName": {flow.PathTraversal}, "Path.getFileName": {flow.PathTraversal},
	"HtmlUtils.htmlEscape": {flow.XSS}, "StringEscapeUtils.escapeHtml4": {flow.XSS}, "StringEscapeUtils.escapeHtml": {flow.XSS},
	"Encode.forHtml": {flow.XSS}, "Encode.forHtmlContent": {flow.XSS}, "Encode.forHtmlAttribute": {flow.XSS},
	"Encoder.encodeForHTML": {flow.XSS}, "Encoder.encodeForHTMLAttribute": {flow.XSS}, "Jsoup.clean": {flow.XSS},
	// The OWASP encoder's and ESAPI's other contexts: script and URL
	// text in a page.
	"Encode.forHtmlUnquotedAttribute": {flow.XSS}, "Encode.forJavaScript": {flow.XSS}, "Encode.forJavaScriptBlock": {flow.XSS},
	"Encode.forJavaScriptAttribute": {flow.XSS}, "Encode.forJavaScriptSource": {flow.XSS}, "Encode.forUriComponent": {flow.XSS},
	"Encode.forXml": {flow.XSS}, "Encode.forXmlContent": {flow.XSS}, "Encode.forXmlAttribute": {flow.XSS}, "Encode.forCssString": {flow.XSS},
	"Encoder.encodeForJavaScript": {flow.XSS}, "Encoder.encodeForURL": {flow.XSS}, "Encoder.encodeForXML": {flow.XSS},
	"Encoder.encodeForSQL": {flow.SQLInjection}, "Encoder.encodeForOS": {flow.CommandInjection},
	// A string's length or position is a number, whatever the text.
	"String.length": {flow.CleanAll}, "String.indexOf": {flow.CleanAll}, "String.lastIndexOf": {flow.CleanAll},
	"String.hashCode": {flow.CleanAll},
}

// htmlType is a method that says its response is HTML.
var htmlType = regexp.MustCompile(`(?i)setContentType\(\s*"text/html|MediaType\.TEXT_HTML|produces\s*=\s*\{?\s*"text/html|setContentType\(\s*MediaType\.TEXT_HTML`)

// simple is a type's simple name: java.util.List<String> is List.
func simple(t string) string {
	if i := strings.IndexAny(t, "<["); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimSpace(t)
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return t
}

// qualifiedClass is a class named with its package: lower-case package
// names, then the class's capitalised one.
var qualifiedClass = regexp.MustCompile(`^(?:[a-z_][a-z0-9_]*\.)+[A-Z]\w*$`)
