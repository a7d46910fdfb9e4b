package signal

import (
	"regexp"
	"testing"
)

// assignsByRegexp is the pattern assignedFrom compiled per call before:
// the reference for the precompiled pattern plus the target check.
func assignsByRegexp(line, name string) (string, bool) {
	q := regexp.QuoteMeta(name)
	m := regexp.MustCompile(`^\s*(?:(?:const|let|var)\s+)?(?:` + q + `|\{[^}=]*\b` + q + `\b[^}=]*\})\s*(?::=|=|\+=)\s*(.*)$`).FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return m[1], true
}

func assignsNow(line, name string) (string, bool) {
	m := assignment.FindStringSubmatch(line)
	if m == nil || !assigns(m[1], name) {
		return "", false
	}
	return m[2], true
}

var assignSeeds = []struct{ line, name string }{
	{`query = f"SELECT * FROM t WHERE id = {x}"`, "query"},
	{`  const url = req.query.u`, "url"},
	{`target := r.FormValue("u")`, "target"},
	{`const { url, other } = req.body`, "url"},
	{`const { urls } = req.body`, "url"},
	{`let { a: url } = req.body`, "url"},
	{`url_x = request.args["u"]`, "url"},
	{`sql += " AND x = " + y`, "sql"},
	{`var var = 1`, "var"},
	{`let = 5`, "let"},
	{`const = 5`, "const"},
	{`url == other`, "url"},
	{`{url} = x`, "url"},
	{`x = url`, "url"},
}

func TestAssignsMatchesPerCallPattern(t *testing.T) {
	for _, c := range assignSeeds {
		wantV, wantOK := assignsByRegexp(c.line, c.name)
		gotV, gotOK := assignsNow(c.line, c.name)
		if gotV != wantV || gotOK != wantOK {
			t.Errorf("%q %q: got %q %v, want %q %v", c.line, c.name, gotV, gotOK, wantV, wantOK)
		}
	}
}

func FuzzAssigns(f *testing.F) {
	for _, c := range assignSeeds {
		f.Add(c.line, c.name)
	}
	word := regexp.MustCompile(`^\w+$`)
	f.Fuzz(func(t *testing.T, line, name string) {
		if !word.MatchString(name) { // names come from a (\w+) group
			return
		}
		wantV, wantOK := assignsByRegexp(line, name)
		gotV, gotOK := assignsNow(line, name)
		if gotV != wantV || gotOK != wantOK {
			t.Errorf("%q %q: got %q %v, want %q %v", line, name, gotV, gotOK, wantV, wantOK)
		}
	})
}
