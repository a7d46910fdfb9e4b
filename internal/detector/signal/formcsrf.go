package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

var (
	// devConfigClass names a configuration class that is not
	// production's: TestingConfig, DevelopmentConfig, LocalSettings.
	devConfigClass = regexp.MustCompile(`(?i)test|dev|local|debug`)
	pyClassLine    = regexp.MustCompile(`^class\s+(\w+)`)
	submitCall     = regexp.MustCompile(`\.validate_on_submit\(\)`)
	methodCompare  = regexp.MustCompile(`\.method\s*(?:==|\bin\b|\bis\b)`)
)

// formCSRF reports a write route (POST, PUT, PATCH, DELETE) of a Python
// handler whose every write sits under a Flask-WTF form's
// validate_on_submit() branch: the form checks its CSRF token before any
// of them runs. It returns where the check is. A write outside the
// branch, or a handler that also branches on request.method (whose POST
// branch checks no token), is not so protected.
func formCSRF(r *facts.Route, acts string) (int, bool) {
	if !submitted[r.Method] || lang.Of(r.File) != lang.Python || !strings.Contains(acts, "_on_submit") {
		return 0, false
	}
	at := submitCall.FindStringIndex(acts)
	// A handler that writes no record (it sends a mail, changes the
	// session) still takes the POST only through the form's check.
	if at == nil || methodCompare.MatchString(acts) {
		return 0, false
	}
	// What runs when the form was not submitted: the submit branches
	// blanked. No write may be left.
	if mutatesStore.FindStringIndex(methodView(acts, "GET")) != nil {
		return 0, false
	}
	return at[0], true
}

// pyEnclosingClass is the name of the class whose body holds text[i]
// (by indentation), "" at module level or in a function.
func pyEnclosingClass(text string, i int) string {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	line := text[start:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	ind := len(line) - len(strings.TrimLeft(line, " \t"))
	for end := start - 1; end > 0 && ind > 0; {
		s := strings.LastIndexByte(text[:end], '\n') + 1
		l := text[s:end]
		end = s - 1
		t := strings.TrimLeft(l, " \t")
		if t == "" || t[0] == '#' || len(l)-len(t) >= ind {
			continue
		}
		ind = len(l) - len(t)
		if m := pyClassLine.FindStringSubmatch(t); m != nil {
			return m[1]
		}
	}
	return ""
}
