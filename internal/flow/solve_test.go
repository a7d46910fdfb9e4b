package flow

import (
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// resolver resolves plain calls by name among funcs.
type resolver map[string]*Func

func (r resolver) Resolve(_ *Func, op *Op) []*Func {
	if op.Callee.Recv == "" {
		if f := r[op.Callee.Name]; f != nil {
			return []*Func{f}
		}
	}
	return nil
}

func v(name, path string) Expr { return Expr{Refs: []Ref{{Var: name, Path: path}}} }

func TestReachThroughSummaries(t *testing.T) {
	// run(cmd) { exec(cmd) }
	run := &Func{ID: "run", File: "lib.js", Name: "run", Line: 1, Params: []Param{{Name: "cmd", Index: 0}},
		Ops: []Op{{Kind: Call, Line: 2, Callee: Callee{Name: "exec"}, Args: []Expr{v("cmd", "")}, Sinks: []SinkUse{{Sink: SinkShell, Args: []int{0}}}, Note: "exec(cmd)"}}}
	// find(name) { db.query("SELECT * FROM t WHERE n = '" + name + "'") }
	find := &Func{ID: "find", File: "lib.js", Name: "find", Line: 5, Params: []Param{{Name: "name", Index: 0}},
		Ops: []Op{{Kind: Call, Line: 6, Callee: Callee{Name: "query", Recv: "db"}, Args: []Expr{{Refs: []Ref{{Var: "name"}}, Built: true, Text: "SELECT * FROM t WHERE n = ''"}},
			Sinks: []SinkUse{{Sink: SinkSQL, Args: []int{0}}}}}}
	// q(sql) { db.query(sql) }: the caller decides whether it is built
	q := &Func{ID: "q", File: "lib.js", Name: "q", Line: 9, Params: []Param{{Name: "sql", Index: 0}},
		Ops: []Op{{Kind: Call, Line: 10, Callee: Callee{Name: "query", Recv: "db"}, Args: []Expr{v("sql", "")}, Sinks: []SinkUse{{Sink: SinkSQL, Args: []int{0}}}}}}
	res := resolver{"run": run, "find": find, "q": q}
	tests := []struct {
		name string
		ops  []Op
		want []string
	}{
		{"wrapper", []Op{
			{Kind: Assign, Line: 2, Dst: "c", Src: Expr{Refs: []Ref{{Var: "req", Path: ".query.c", Line: 2, Note: "req.query.c read"}}}},
			{Kind: Call, Line: 3, Callee: Callee{Name: "run"}, Args: []Expr{v("c", "")}, Note: "passed to run(c)"},
		}, []string{"command-injection via=query at lib.js:2"}},
		{"sql built in callee", []Op{
			{Kind: Call, Line: 3, Callee: Callee{Name: "find"}, Args: []Expr{v("req", ".body.name")}},
		}, []string{"sql-injection via=body at lib.js:6"}},
		{"sql built in caller", []Op{
			{Kind: Call, Line: 3, Callee: Callee{Name: "q"}, Args: []Expr{{Refs: []Ref{{Var: "req", Path: ".params.id"}}, Built: true, Text: "DELETE FROM t WHERE id = "}}},
		}, []string{"sql-injection via=param at lib.js:10"}},
		{"bound value is no injection", []Op{
			{Kind: Call, Line: 3, Callee: Callee{Name: "q"}, Args: []Expr{v("req", ".params.id")}},
		}, nil},
		{"parsed number is clean", []Op{
			{Kind: Call, Line: 2, Callee: Callee{Name: "parseInt"}, Args: []Expr{v("req", ".query.n")}, Clears: []string{CleanAll}},
			{Kind: Call, Line: 3, Callee: Callee{Name: "run"}, Args: []Expr{{Refs: []Ref{{Call: 1}}}}},
		}, nil},
		{"allow-list check", []Op{
			{Kind: Assign, Line: 2, Dst: "c", Src: v("req", ".query.c")},
			{Kind: Clear, Line: 3, Dst: "c", Clears: []string{CleanAll}},
			{Kind: Call, Line: 4, Callee: Callee{Name: "run"}, Args: []Expr{v("c", "")}},
		}, nil},
		{"res.locals is not the request", []Op{
			{Kind: Call, Line: 3, Callee: Callee{Name: "run"}, Args: []Expr{v("req", ".user.name")}},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &Func{ID: "h", File: "app.js", Name: "h", Line: 1, Params: []Param{{Name: "req", Index: 0}, {Name: "res", Index: 1}}, Ops: tt.ops}
			p := NewProgram(res)
			got := p.Reach(Entry{Func: h, Roles: map[int]Role{0: RoleRequest}, Route: "r1", Steps: []facts.Step{{File: "app.js", Line: 1, Note: "GET /x"}}})
			var s []string
			for _, f := range got {
				s = append(s, f.Kind+" via="+f.Source+" at "+f.Sink.File+":"+itoa(f.Sink.Line))
			}
			if len(s) != len(tt.want) {
				t.Fatalf("got %v, want %v", s, tt.want)
			}
			for i := range s {
				if s[i] != tt.want[i] {
					t.Errorf("got %v, want %v", s, tt.want)
				}
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestFromRequest(t *testing.T) {
	for _, tt := range []struct{ path, src, rest string }{
		{".query.to", "query", ".to"},
		{".request.body", "body", ""},
		{".req.query()", "query", ""},
		{".get()", "header", ""},
		{".file.originalname", "file-name", ".originalname"},
		{".bodyParser", "", ""},
	} {
		src, rest, _ := FromRequest(tt.path)
		if src != tt.src || rest != tt.rest {
			t.Errorf("FromRequest(%q) = %q %q, want %q %q", tt.path, src, rest, tt.src, tt.rest)
		}
	}
}
