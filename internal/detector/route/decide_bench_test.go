package route

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkDecideManyHandlers judges a servlet app's worth of handlers:
// each long, each calling the same session check and logger, as a large
// app's hundreds of routes do.
func BenchmarkDecideManyHandlers(b *testing.B) {
	helpers := map[string]string{
		"Validate.validateSession": "public static boolean validateSession(HttpSession ses) {\n" +
			strings.Repeat("    log.debug(\"checking the session\");\n", 40) +
			"    return ses != null && ses.getAttribute(\"userName\") != null;\n}",
		"AuditLog.record": "public static void record(String what) {\n" +
			strings.Repeat("    buffer.append(what).append(\"\\n\");\n", 60) + "}",
	}
	lookup := func(name string) (string, string, bool) {
		c, ok := helpers[name]
		return c, "", ok
	}
	bodies := make([]string, 50)
	for i := range bodies {
		bodies[i] = fmt.Sprintf("public void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {\n"+
			"    HttpSession ses = request.getSession(true);\n"+
			"    AuditLog.record(\"route %d\");\n"+
			"    if (Validate.validateSession(ses)) {\n%s    } else {\n"+
			"        response.sendRedirect(\"index.jsp\");\n    }\n}", i,
			strings.Repeat(fmt.Sprintf("        String v%d = request.getParameter(\"field\");\n        out.print(Encode.forHtml(v%d));\n", i, i), 40))
	}
	for b.Loop() {
		for i, body := range bodies {
			DecidePath(nil, nil, body, "Servlet.java:1", fmt.Sprintf("/r%d", i), true, lookup)
		}
	}
}
