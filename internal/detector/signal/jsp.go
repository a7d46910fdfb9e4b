package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// A JSP page's request data is the Java data-flow frontend's to follow
// (it runs the page as its servlet). What it does not follow is a
// query's rows printed into the page: what anyone who could write those
// rows put there (stored XSS). A column read from a name the page
// declares a ResultSet or assigns a query's result, printed directly or
// through a local, not escaped, is the weakness.

// jspNeutral is a call that leaves no text a client picks: a number
// parsed, a value escaped or encoded, a length.
var jspNeutral = regexp.MustCompile(`\b(?:Integer\.(?:parseInt|valueOf)|Long\.(?:parseLong|valueOf)|Short\.parseShort|Double\.parseDouble|Float\.parseFloat|Boolean\.parseBoolean|UUID\.fromString|StringEscapeUtils\.\w+|ESAPI\.\w+|Encode\.\w+|HtmlUtils\.\w+|URLEncoder\.encode|FilenameUtils\.getName|escapeXml|escapeHtml\w*|encodeFor\w+)\s*\(|\.(?:length|size|hashCode)\(\s*\)`)

var (
	jspStringLit = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`)
	jspIdent     = regexp.MustCompile(`[A-Za-z_]\w*`)
)

var jsp = []lang.Lang{lang.JSP}

var jspPatterns = []Pattern{
	{Weakness: "xss", Detail: "a database row's text written into an HTML response unescaped", Langs: jsp,
		Keywords:   []string{"<%=", "out.print"},
		Re:         regexp.MustCompile(`<%=([^%\n]*)%>|\bout\.print(?:ln)?\(([^;\n]*)`),
		RequestVar: jspPrintedRow},
}

// jspRowRead is a column read from a result set: the name is checked to
// be one (a bundle's or a JSON object's getString is not).
var jspRowRead = regexp.MustCompile(`\b([A-Za-z_]\w*)\.(?:getString|getNString)\(`)

// jspPrintedRow reports whether what a page prints is a text column of
// a query's rows (directly, or through a local assigned one), not
// escaped.
func jspPrintedRow(text string, at int, expr string) bool {
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
