package signal

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// sqlMethods are ActiveRecord's methods that take SQL text, and the
// finders of Rails 2 and 3 that take it in their options.
const sqlMethods = `(?:where|not|rewhere|find_by_sql|count_by_sql|order|reorder|group|having|joins|select|reselect|pluck|from|lock|exists|delete_all|destroy_all|update_all|delete_by|destroy_by|calculate|average|count|maximum|minimum|sum|find_by|find_or_create_by|execute|exec_query)`

// Ruby queries kept as strings and run by eval. An app may hold its
// ActiveRecord calls as text in a constant (QUERIES = [{query:
// 'User.where("id = #{params[:id]}")'}]) and define or run them with
// eval, class_eval or instance_eval: the request's value reaches the SQL
// when the string runs, at the eval. Read apart, neither file shows it:
// the strings are data, the eval runs a value. So the strings whose text
// pastes a request parameter into a query's SQL are kept by the constant
// that holds them, and the evals of a value (not a literal) by the
// constants their file names; a match makes the weakness, at the eval
// and at the strings.

var (
	// codeQuery is a string literal whose text opens a call on a class
	// (User.where(, Order.calculate(): group 1 is the rest of the line.
	codeQuery = regexp.MustCompile(`(?:^|[=>:,(\[{]\s*)['"]\s*[A-Z]\w*\.(\w.*)$`)
	// pastedParam is request data pasted into a query's SQL text
	// (where("id = #{params[:id]}")), handed as the SQL fragment itself
	// (select(params[:c]), calculate(:sum, params[:c]), find_by params[:id]),
	// or as a finder option that is SQL (:conditions, :order => params[:o]);
	// a value bound to a placeholder (where("name = ?", params[:n])) is
	// none of these.
	pastedParam = regexp.MustCompile(`\.` + sqlMethods + `[!?]?\s*(?:\(\s*|\s)[^\n]*#\{\s*params\[|` +
		`\.` + sqlMethods + `[!?]?(?:\s*\(\s*|\s+)\[?\s*(?::\w+\s*,\s*)?params\[|` +
		`:(?:conditions|from|group|having|order|select|joins|lock)\s*=>\s*(?:params\[|"[^"\n]*#\{\s*params\[)`)
	// evalValue is eval, class_eval, instance_eval or module_eval of a
	// value: a heredoc or string with #{...} in it, or an expression,
	// not a literal alone.
	evalValue = regexp.MustCompile(`\b(?:eval|class_eval|instance_eval|module_eval)\b\s*(?:\(\s*)?(?:<<[-~]?['"]?\w+|[A-Za-z_@:])`)
	// rubyConstDef is a constant given a value at the start of a line.
	rubyConstDef = regexp.MustCompile(`^\s*([A-Z][A-Za-z0-9_]*)\s*=[^=]`)
	// rubyConstName is a constant named in code.
	rubyConstName = regexp.MustCompile(`\b[A-Z][A-Za-z0-9_]*\b`)
)

// evalQueries gathers, over a scan, the query strings and the evals.
type evalQueries struct {
	mu sync.Mutex
	// strings: constant name -> the query strings it holds.
	strings map[string][]facts.Evidence
	// evals: the evals of a value, each with the constants its file names.
	evals []evalSite
}

type evalSite struct {
	at     facts.Evidence
	consts []string
}

func newEvalQueries() *evalQueries {
	return &evalQueries{strings: map[string][]facts.Evidence{}}
}

// read keeps a Ruby file's query strings (by the constant above them)
// and its evals of a value.
func (q *evalQueries) read(f *detector.File, text string, comments *commentedOut) {
	if lang.Of(f.Path) != lang.Ruby || !strings.Contains(text, "eval") && !strings.Contains(text, "params[") {
		return
	}
	holder := ""
	var found map[string][]facts.Evidence
	var evals []facts.Evidence
	off := 0
	for n, line := range strings.Split(text, "\n") {
		at := off
		off += len(line) + 1
		if comments.at(at + len(line) - len(strings.TrimLeft(line, " \t"))) {
			continue
		}
		if m := rubyConstDef.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
			holder = m[1]
		}
		if m := codeQuery.FindStringSubmatch(line); m != nil && holder != "" && pastedParam.MatchString("."+m[1]) {
			if found == nil {
				found = map[string][]facts.Evidence{}
			}
			found[holder] = append(found[holder], facts.Evidence{File: f.Path, Line: n + 1})
		}
		if loc := evalValue.FindStringIndex(line); loc != nil && !inString(line, loc[0]) {
			evals = append(evals, facts.Evidence{File: f.Path, Line: n + 1})
		}
	}
	var consts []string
	if len(evals) > 0 {
		consts = rubyConstName.FindAllString(text, -1)
		slices.Sort(consts)
		consts = slices.Compact(consts)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for c, evs := range found {
		q.strings[c] = append(q.strings[c], evs...)
	}
	for _, e := range evals {
		q.evals = append(q.evals, evalSite{at: e, consts: consts})
	}
}

// finish reports, per eval that runs a constant's query strings, an SQL
// injection at the eval and at those strings.
func (q *evalQueries) finish(out *detector.Sink) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, e := range q.evals {
		// A constant's name may be defined by several apps of one
		// repository (one per framework version): the eval runs the
		// strings of its own app, the ones nearest it in the tree.
		var held []facts.Evidence
		var names []string
		best := -1
		for _, c := range e.consts {
			for _, ev := range q.strings[c] {
				n := sharedDirs(ev.File, e.at.File)
				if n > best {
					best, held, names = n, nil, nil
				}
				if n == best {
					held = append(held, ev)
					if !slices.Contains(names, c) {
						names = append(names, c)
					}
				}
			}
		}
		if len(held) == 0 {
			continue
		}
		slices.SortFunc(held, func(a, b facts.Evidence) int {
			if c := strings.Compare(a.File, b.File); c != 0 {
				return c
			}
			return a.Line - b.Line
		})
		detail := fmt.Sprintf("SQL built from request data in query strings run by eval (%s, %d strings)", strings.Join(names, ", "), len(held))
		out.AddWeakness(facts.Weakness{ID: detector.ID("weakness", "sql-injection", "eval", e.at.File, fmt.Sprint(e.at.Line)), Kind: "sql-injection",
			Detail: detail, Evidence: append([]facts.Evidence{e.at}, held...)})
	}
}

// sharedDirs counts the leading directories two paths share.
func sharedDirs(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as)-1 && n < len(bs)-1 && as[n] == bs[n] {
		n++
	}
	return n
}
