package credential

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// A Python app may keep its settings in an ini file read through
// configparser (parser["server"]["SECRET_KEY"], parser.get("db",
// "password"), parser["mail"].getboolean("TLS")): each key read is a
// setting as an environment variable is, named by its key when the key
// is written as one (SECRET_KEY), else by section.key (db.password) so
// that a bare "password" still says what it unlocks.

var (
	// cpParserRE is a variable bound to a new parser (ConfigParser,
	// RawConfigParser, SafeConfigParser; module-qualified or imported).
	cpParserRE = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z_][\w.]*)[ \t]*=[ \t]*(?:[A-Za-z_]\w*\.)?(?:Raw|Safe)?ConfigParser\(`)
	// cpGetters are a parser's typed reads of one key.
	cpGetters = `\.get(?:int|float|boolean)?\(\s*`
)

// configparserReads are the keys a Python file (comments stripped) reads
// from the parsers it makes, each with its role there. Only in a file
// that imports configparser: a dict of dicts is not an ini file.
func configparserReads(l lang.Lang, src []byte, quoted []code.Span) []Read {
	if !strings.Contains(string(src), "ConfigParser(") || !(hasImport(l, src, "configparser") || hasImport(l, src, "ConfigParser")) {
		return nil
	}
	seen := map[string]bool{}
	var vars []string
	for _, m := range cpParserRE.FindAllSubmatch(src, -1) {
		if v := string(m[1]); !seen[v] {
			seen[v] = true
			vars = append(vars, regexp.QuoteMeta(v))
		}
	}
	if len(vars) == 0 {
		return nil
	}
	v := `(?:^|[^\w.])(?:` + strings.Join(vars, "|") + `)`
	sec := `\[\s*['"]([\w.-]+)['"]\s*\]`
	key := `['"]([\w.-]+)['"]`
	re := regexp.MustCompile(v + `(?:` + sec + `\s*\[\s*` + key + `\s*\]` + // p["s"]["k"]
		`|` + sec + `\s*` + cpGetters + key + // p["s"].get("k")
		`|` + cpGetters + key + `\s*,\s*` + key + `)`) // p.get("s", "k")
	var out []Read
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		if code.InSpans(quoted, m[0]) {
			continue
		}
		for g := 2; g+3 < len(m); g += 4 {
			if m[g] < 0 {
				continue
			}
			section, k := string(src[m[g]:m[g+1]]), string(src[m[g+2]:m[g+3]])
			name := k
			if k != strings.ToUpper(k) {
				name = section + "." + k
			}
			out = append(out, Read{Name: name, Line: code.LineAt(src, m[g+2]), Role: readRole(src, m[0], m[1])})
		}
	}
	return out
}
