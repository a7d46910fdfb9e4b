package signal

import (
	"regexp"

	"github.com/threatmap/threatmap/internal/lang"
)

// A role test on a value read from a cookie: the client writes its own
// cookies, so whoever sets the cookie to the role's name passes the test
// (privilege=admin). A role read from the session, or a cookie the
// server signed and verifies, is a different thing and not matched: the
// value here is the cookie's own text.

// roleLiteral is the name of a privileged role, compared as a literal.
const roleLiteral = `["'](?:admin|administrator|root|superuser|superadmin|staff|moderator)["']`

var cookieRolePatterns = []Pattern{
	// Java and JSP: a local set from a Cookie's getValue(), tested
	// against a role's name.
	{Weakness: "client-role-check", Detail: "a role or admin check on a cookie value the client sets itself", Langs: []lang.Lang{lang.Java, lang.JSP},
		Keywords:   []string{"getCookies"},
		Re:         regexp.MustCompile(`(?i)\b([A-Za-z_]\w*)\.equals(?:IgnoreCase)?\(\s*` + roleLiteral + `\s*\)|` + roleLiteral + `\.equals(?:IgnoreCase)?\(\s*([A-Za-z_]\w*)\s*\)`),
		RequestVar: cookieValueVar},
	// PHP and JavaScript: the cookie read in the comparison itself.
	{Weakness: "client-role-check", Detail: "a role or admin check on a cookie value the client sets itself", Langs: append(append([]lang.Lang{}, php...), js...),
		Keywords: []string{"cookie", "COOKIE"},
		Re: regexp.MustCompile(`(?i)(?:\$_COOKIE\[\s*["']\w+["']\s*\]|\breq\.cookies(?:\.\w+|\[\s*["']\w+["']\s*\]))\s*[!=]==?\s*` + roleLiteral + `|` +
			roleLiteral + `\s*[!=]==?\s*(?:\$_COOKIE\[\s*["']\w+["']\s*\]|\breq\.cookies(?:\.\w+|\[\s*["']\w+["']\s*\]))`)},
}

// cookieValueVar says name was assigned, before at, the value of a
// cookie the request carried (c.getValue() in a file that reads
// request.getCookies()).
func cookieValueVar(text string, at int, name string) bool {
	assign := regexp.MustCompile(`(?:^|[^.\w])` + regexp.QuoteMeta(name) + `\s*=\s*\w+\.getValue\(\s*\)`)
	return assign.MatchString(text[:at])
}
