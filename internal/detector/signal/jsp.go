package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// A JSP page's scriptlets: a page reads a parameter into a local and
// pastes it into SQL, a file path, a redirect or the page a few lines
// below. The Java data-flow frontend reads the pages that are routes
// (flow/java); these patterns also cover what it does not: views under
// WEB-INF a servlet forwards to, and rows a query returned printed as
// they are (stored XSS). A hit both find at one line is one row on the
// route. A sink's argument is
// request data when it reads the request itself, or names a local the
// page assigned request data before it (two hops: sql = "..." + id; id =
// request.getParameter("id")). A number parsed from it, an escaping
// call, or an opaque call's result (a query's rows) is not.

// jspRequest is a servlet request accessor a client fills.
var jspRequest = regexp.MustCompile(`\brequest\.(?:getParameter|getParameterValues|getHeader|getQueryString|getRequestURI|getPathInfo|getReader|getInputStream)\s*\(`)

// jspNeutral is a call that leaves no text a client picks: a number
// parsed, a value escaped or encoded, a length.
var jspNeutral = regexp.MustCompile(`\b(?:Integer\.(?:parseInt|valueOf)|Long\.(?:parseLong|valueOf)|Short\.parseShort|Double\.parseDouble|Float\.parseFloat|Boolean\.parseBoolean|UUID\.fromString|StringEscapeUtils\.\w+|ESAPI\.\w+|Encode\.\w+|HtmlUtils\.\w+|URLEncoder\.encode|FilenameUtils\.getName|escapeXml|escapeHtml\w*|encodeFor\w+)\s*\(|\.(?:length|size|hashCode)\(\s*\)`)

// jspCallHead is a value that opens with a call or an object built: what
// it returns is not the text it was given, unless it is a request read
// or a string method on one (request.getParameter("q").trim()).
var jspCallHead = regexp.MustCompile(`^(?:new\s+\w|[A-Za-z_][\w.]*\s*\()`)

var (
	jspStringLit = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`)
	jspIdent     = regexp.MustCompile(`[A-Za-z_]\w*`)
)

var jsp = []lang.Lang{lang.JSP}

var jspPatterns = []Pattern{
	{Weakness: "sql-injection", Detail: "SQL built from request data", Langs: jsp,
		Keywords:   []string{"execute", "addBatch", "prepareStatement", "createQuery", "createSQLQuery", "createNativeQuery"},
		Re:         regexp.MustCompile(`\.(?:executeQuery|executeUpdate|execute|addBatch|prepareStatement|createQuery|createSQLQuery|createNativeQuery)\(([^;\n]*)`),
		RequestVar: jspRequestExpr},
	// The page's HTML: request data, or a row a query returned (what
	// anyone who could write that row put there: stored XSS).
	{Weakness: "xss", Detail: "request data or a database row written into an HTML response unescaped", Langs: jsp,
		Keywords:   []string{"<%=", "out.print"},
		Re:         regexp.MustCompile(`<%=([^%\n]*)%>|\bout\.print(?:ln)?\(([^;\n]*)`),
		RequestVar: jspPrintedExpr},
	{Weakness: "path-traversal", Detail: "a file path or template name taken from the request", Langs: jsp,
		Keywords:   []string{"File", "Paths.get", "getResource"},
		Re:         regexp.MustCompile(`\bnew\s+(?:File|FileInputStream|FileReader|FileOutputStream|FileWriter|RandomAccessFile)\(([^;\n]*)|\bPaths\.get\(([^;\n]*)|\.getResourceAsStream\(([^;\n]*)`),
		RequestVar: jspRequestExpr},
	// A redirect whose target opens with the page's own literal (a
	// relative path) goes where the page says.
	{Weakness: "open-redirect", Detail: "redirect to a URL taken from the request", Langs: jsp,
		Keywords:   []string{"sendRedirect"},
		Re:         regexp.MustCompile(`\.sendRedirect\(([^;\n]*)`),
		NotGroup:   regexp.MustCompile(`^\s*"`),
		RequestVar: jspRequestExpr},
}

// jspRequestExpr reports whether expr, a sink's argument at text[at] to
// its line's end, is request data: it reads the request, or names a local
// the page assigned request data before at.
func jspRequestExpr(text string, at int, expr string) bool {
	expr = jspSinkArg(text, at, expr)
	// What a call returns is not the request data it was given
	// (print(render(request.getParameter("id")))).
	if jspOpaque(expr) {
		return false
	}
	return jspTainted(text, at, expr, 2)
}

// jspRowRead is a column read from a result set: the name is checked to
// be one (a bundle's or a JSON object's getString is not).
var jspRowRead = regexp.MustCompile(`\b([A-Za-z_]\w*)\.(?:getString|getNString)\(`)

// jspPrintedExpr reports whether what a page prints is request data or a
// text column of a query's rows (directly, or through a local assigned
// one), not escaped.
func jspPrintedExpr(text string, at int, expr string) bool {
	if jspRequestExpr(text, at, expr) {
		return true
	}
	expr = jspSinkArg(text, at, expr)
	if jspNeutral.MatchString(expr) {
		return false
	}
	if jspRowOf(text, expr) {
		return true
	}
	code := jspStringLit.ReplaceAllString(expr, `""`)
	for _, m := range jspIdent.FindAllStringIndex(code, -1) {
		name := code[m[0]:m[1]]
		if m[0] > 0 && code[m[0]-1] == '.' || strings.HasPrefix(strings.TrimLeft(code[m[1]:], " \t"), "(") {
			continue
		}
		assign := regexp.MustCompile(`(?:^|[^.\w])` + regexp.QuoteMeta(name) + `\s*=([^=][^;]*);`)
		for _, a := range assign.FindAllStringSubmatchIndex(text[:at], -1) {
			if v := text[a[2]:a[3]]; !jspNeutral.MatchString(v) && jspRowOf(text, v) {
				return true
			}
		}
	}
	return false
}

// jspRowOf reports whether expr reads a text column of a name the page
// declares a ResultSet or assigns a query's result.
func jspRowOf(text, expr string) bool {
	for _, m := range jspRowRead.FindAllStringSubmatch(expr, -1) {
		n := regexp.QuoteMeta(m[1])
		if regexp.MustCompile(`\bResultSet\s+` + n + `\b|(?:^|[^.\w])` + n + `\s*=\s*\w+\.executeQuery\(`).MatchString(text) {
			return true
		}
	}
	return false
}

// jspSinkArg is a sink call's whole argument: to its closing bracket,
// past a ; in a string (&gt;); an expression tag's text as it is.
func jspSinkArg(text string, at int, expr string) string {
	if !strings.HasPrefix(text[at:], "<%=") {
		if open := strings.IndexByte(text[at:], '('); open >= 0 {
			if c := closingParen(text, at+open); c > 0 {
				expr = text[at+open+1 : c]
			}
		}
	}
	return expr
}

func jspTainted(text string, at int, expr string, depth int) bool {
	if jspNeutral.MatchString(expr) {
		return false
	}
	if jspRequest.MatchString(expr) {
		return true
	}
	if depth < 0 {
		return false
	}
	code := jspStringLit.ReplaceAllString(expr, `""`)
	for _, m := range jspIdent.FindAllStringIndex(code, -1) {
		name := code[m[0]:m[1]]
		// A member (x.name), a call (name(...)) or a type is no local.
		if m[0] > 0 && code[m[0]-1] == '.' || strings.HasPrefix(strings.TrimLeft(code[m[1]:], " \t"), "(") {
			continue
		}
		if jspAssignedRequest(text, at, name, depth) {
			return true
		}
	}
	return false
}

// jspAssignedRequest reports whether the page assigns name, before at, a
// value that is request data (not parsed, escaped or an opaque call's
// result).
func jspAssignedRequest(text string, at int, name string, depth int) bool {
	assign := regexp.MustCompile(`(?:^|[^.\w])` + regexp.QuoteMeta(name) + `\s*=([^=][^;]*);`)
	for _, m := range assign.FindAllStringSubmatchIndex(text[:at], -1) {
		value := strings.TrimSpace(text[m[2]:m[3]])
		if jspOpaque(value) {
			continue
		}
		if jspTainted(text, m[0], value, depth-1) {
			return true
		}
	}
	return false
}

// jspOpaque reports a value that is one call's or constructor's result
// as a whole (not a request read): rs.getString("name"), new File(dir),
// render(id); not file.getParent() + name.
func jspOpaque(value string) bool {
	code := strings.TrimSpace(value)
	m := jspCallHead.FindStringIndex(code)
	if m == nil || strings.HasPrefix(code, "request.") {
		return false
	}
	open := strings.IndexByte(code, '(')
	c := closingParen(code, open)
	return c > 0 && strings.TrimSpace(code[c+1:]) == ""
}
