package java

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// A JSP page is a servlet the container writes from it: its scriptlets
// run in order inside one request method, where request, response,
// session and out are given, and each <%= expr %> prints expr into the
// HTML page. The frontend lowers that method, written with the page's
// line numbers, so a route at the page enters it like a servlet's doGet.

// isJSP says p is a JSP page (a fragment, .jspf, runs inside the page
// that includes it).
func isJSP(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".jsp", ".jspx":
		return true
	}
	return false
}

// jspTag is a JSP comment, directive, declaration, expression or
// scriptlet.
var jspTag = regexp.MustCompile(`(?s)<%(--.*?--%>|[@!=]?.*?%>)`)

// jspPrologue opens the page's request method on its first line; the
// page writes HTML unless it says otherwise.
const jspPrologue = `class JspPage { void _jspService(HttpServletRequest request, HttpServletResponse response) throws Exception { ` +
	`response.setContentType("text/html"); HttpSession session = request.getSession(); PrintWriter out = response.getWriter(); `

// jspJava is the Java a page runs, on the page's own lines: markup,
// comments, directives and declarations are blanked (newlines kept).
func jspJava(data []byte) []byte {
	var b bytes.Buffer
	b.WriteString(jspPrologue)
	blank := func(s []byte) {
		for _, c := range s {
			if c == '\n' {
				b.WriteByte('\n')
			}
		}
		b.WriteByte(' ')
	}
	last := 0
	for _, m := range jspTag.FindAllIndex(data, -1) {
		blank(data[last:m[0]])
		tag := data[m[0]:m[1]]
		inner := tag[2 : len(tag)-2]
		switch {
		case bytes.HasPrefix(tag, []byte("<%--")), bytes.HasPrefix(tag, []byte("<%@")), bytes.HasPrefix(tag, []byte("<%!")):
			blank(tag)
		case bytes.HasPrefix(tag, []byte("<%=")):
			b.WriteString("out.print(")
			b.Write(inner[1:])
			b.WriteString(");")
		default:
			b.Write(inner)
			b.WriteByte(' ')
		}
		last = m[1]
	}
	blank(data[last:])
	b.WriteString("} }\n")
	return b.Bytes()
}
