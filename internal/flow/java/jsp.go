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

// jspClass opens the page's servlet on its first line, and jspService
// its request method; the page writes HTML unless it says otherwise.
const (
	jspClass   = `class JspPage { `
	jspService = `void ` + jspMethod + `(HttpServletRequest request, HttpServletResponse response) throws Exception { ` +
		`response.setContentType("text/html"); HttpSession session = request.getSession(); PrintWriter out = response.getWriter(); `
)

const jspMethod = "_jspService"

// jspPage makes the page's request method start on the page's first
// line, where its route is, when declarations come before it: the
// method is the whole page.
func jspPage(classes []*class) {
	for _, c := range classes {
		for _, f := range c.Methods {
			if c.Name == "JspPage" && f.Short == jspMethod {
				f.Line = 1
			}
		}
	}
}

// jspJava is the Java a page runs, on the page's own lines: markup,
// comments and directives are blanked (newlines kept). Declarations
// (<%! %>) are the servlet's own members, which its scriptlets call:
// those written before the first scriptlet stay, as members of the
// class, and the request method opens at that scriptlet; one written
// after it would land inside the method, so it is blanked.
func jspJava(data []byte) []byte {
	var b bytes.Buffer
	b.WriteString(jspClass)
	opened := false
	open := func() {
		if !opened {
			b.WriteString(jspService)
			opened = true
		}
	}
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
		case bytes.HasPrefix(tag, []byte("<%--")), bytes.HasPrefix(tag, []byte("<%@")):
			blank(tag)
		case bytes.HasPrefix(tag, []byte("<%!")):
			if opened {
				blank(tag)
				break
			}
			b.Write(inner[1:])
			b.WriteByte(' ')
		case bytes.HasPrefix(tag, []byte("<%=")):
			open()
			b.WriteString("out.print(")
			b.Write(inner[1:])
			b.WriteString(");")
		default:
			open()
			b.Write(inner)
			b.WriteByte(' ')
		}
		last = m[1]
	}
	blank(data[last:])
	open()
	b.WriteString("} }\n")
	return b.Bytes()
}
