package exit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/paritytest"

	"github.com/threatmap/threatmap/internal/facts"
)

// findReference is find as it was before the trigger gate and the rule
// gates: every rule of the language tried on every line, with its
// triggers searched one by one. find must return exactly what it returns.
func findReference(p, src string) []facts.Exit {
	fc := &fileCtx{path: p, lang: langOf(p), src: src}
	lines := strings.Split(src, "\n")
	for i := range lines {
		fc.starts = append(fc.starts, len(strings.Join(lines[:i], "\n"))+min(i, 1))
	}
	statement := func(i int) (string, int) {
		depth := 0
		var b strings.Builder
		j := i
		for ; j < len(lines) && j < i+maxStatementLines; j++ {
			line := lang.CutLineComment(fc.lang, lines[j])
			if j > i {
				b.WriteByte('\n')
			}
			b.WriteString(line)
			depth += bracketDelta(line)
			if depth <= 0 {
				break
			}
		}
		return b.String(), min(j, len(lines)-1)
	}
	var out []facts.Exit
	skipUntil := map[string]int{}
	for i, line := range lines {
		if lang.IsCommentLine(fc.lang, line) {
			continue
		}
		line = lang.CutLineComment(fc.lang, line)
		for _, r := range rules {
			if r.lang != fc.lang || i < skipUntil[r.kind] || !containsAny(line, r.triggers) ||
				!r.first.MatchString(line) || (r.not != nil && r.not.MatchString(line)) {
				continue
			}
			stmt, last := statement(i)
			if r.stmt != nil && !r.stmt.MatchString(stmt) {
				a, ok := fc.assignedAbove(i, stmt, r.stmt, r.hop)
				if !ok {
					continue
				}
				stmt = a + "\n" + stmt
			}
			detail := r.detail
			fc.cur = i
			if r.check != nil {
				d, ok := r.check(fc, stmt)
				if !ok {
					continue
				}
				if d != "" {
					detail = d
				}
			}
			skipUntil[r.kind] = last + 1
			out = append(out, facts.Exit{Kind: r.kind, Detail: detail, Evidence: []facts.Evidence{{File: fc.path, Line: i + 1}}})
		}
	}
	return out
}

func findNow(p, src string) []facts.Exit {
	return (&fileCtx{path: p, lang: langOf(p), src: src}).find()
}

func TestFindMatchesReference(t *testing.T) {
	paritytest.Files(t, []string{"testdata"}, func(p string, data []byte) {
		if langOf(p) == langNone {
			return
		}
		if got, want := findNow(p, string(data)), findReference(p, string(data)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", p, got, want)
		}
	})
}

func TestTriggerGateEdges(t *testing.T) {
	for _, src := range []string{
		"", "\n", "\n\n", "r", "return", "return\n", "x = 1\nreturn str(e)\n",
		"log", "\nlog", "res\n\nres", "  # return str(e)\n",
		"logger.info(request.headers)  # log\nprint(request.json)",
		"return jsonify(error=str(e)), 500\r\n",
	} {
		for _, p := range []string{"app/a.py", "src/a.js", "h/a.go"} {
			if got, want := findNow(p, src), findReference(p, src); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: got %v, want %v", p, src, got, want)
			}
		}
	}
}

func FuzzFindMatchesReference(f *testing.F) {
	for _, s := range []string{
		"try:\n    x()\nexcept Exception as e:\n    return jsonify(error=str(e)), 500\n",
		"logger.info(request.headers)\nprint(request.json)  # log\napp.run(debug=True)\n",
		"app.post('/x', (req, res) => {\n  console.log(req.body)\n  res.status(500).json({ error: err.message })\n})\n",
		"await fetch('https://hooks.slack.com/x', {\n  method: 'POST',\n  body: JSON.stringify(x),\n})\n",
		"func h(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, err.Error(), 500)\n\tlog.Printf(\"%v\", r.Header)\n}\n",
		"resp, err := http.Post(\"https://api.example.com/x\", \"application/json\", body)\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []string{"app/settings.py", "server/a.js", "h/a.go"} {
			if got, want := findNow(p, s), findReference(p, s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: got %v, want %v", p, s, got, want)
			}
		}
	})
}
