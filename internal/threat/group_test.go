package threat

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// groupRoute is a route in served code: app/routes.py, one line each.
func groupRoute(method, path string, line int, tags ...string) facts.Route {
	r := facts.Route{Method: method, Path: path, File: "app/routes.py", Line: line, Auth: facts.AuthRequired, Tags: tags}
	r.ID = fmt.Sprintf("r%d", line)
	return r
}

func handlerSignal(r facts.Route, kind, detail string) facts.Signal {
	return facts.Signal{Kind: kind, Detail: detail, Route: r.Key(), In: facts.SignalInHandler, Evidence: facts.Evidence{File: r.File, Line: r.Line + 1}}
}

func threatsOf(m *model.Model, rule string) []model.Threat {
	var out []model.Threat
	for _, t := range m.Threats {
		if t.Rule == rule {
			out = append(out, t)
		}
	}
	return out
}

// One row per cause: however many routes share it, a rule's grouped
// threat is one row whose id names the cause alone, listing every route.
func TestGroupedRowPerCause(t *testing.T) {
	llm := []facts.Route{
		groupRoute("POST", "/api/chat", 10, facts.TagLLM),
		groupRoute("POST", "/api/summarise", 20, facts.TagLLM),
		groupRoute("POST", "/api/translate", 30, facts.TagLLM),
	}
	for n := 1; n <= len(llm); n++ {
		m := Draft(facts.Facts{Surfaces: llm[:n]}, Options{})
		rows := threatsOf(m, "credit-drain")
		if len(rows) != 1 {
			t.Fatalf("%d routes: %d credit-drain rows, want 1", n, len(rows))
		}
		th := rows[0]
		if th.ID != "credit-drain.model-calls" {
			t.Errorf("%d routes: id %s, want credit-drain.model-calls whatever the routes", n, th.ID)
		}
		if len(th.Sites) != n {
			t.Errorf("%d routes: %d sites", n, len(th.Sites))
		}
		for _, s := range th.Sites {
			if m.SurfaceByID(s.Surface) == nil || len(s.Evidence) != 1 {
				t.Errorf("%d routes: site %+v names no surface or no place", n, s)
			}
		}
		g := m.SurfaceByID(th.Surface)
		if g == nil || !g.Grouped() {
			t.Fatalf("%d routes: the row's surface %q is not its cause's", n, th.Surface)
		}
		if n == 1 && th.Statement[:len("If POST /api/chat is abused")] != "If POST /api/chat is abused" {
			t.Errorf("one route: statement %q does not name it", th.Statement)
		}
		if n == 3 && th.Statement[:len("If any of 3 routes")] != "If any of 3 routes" {
			t.Errorf("three routes: statement %q", th.Statement)
		}
	}
}

// Causes do not mix: two rules on the same routes are two rows, and the
// routes where every control is found are a row of their own (mitigated),
// so an open row never claims a control some of its routes lack.
func TestGroupedControlsAtEverySite(t *testing.T) {
	del := []facts.Route{groupRoute("DELETE", "/api/notes/{id}", 10), groupRoute("DELETE", "/api/tags/{id}", 20)}
	del[0].Auth, del[1].Auth = facts.AuthNone, facts.AuthNone
	for _, tc := range []struct {
		name    string
		signals []facts.Signal
		want    []string // no-audit-log rows: id/sites/response
	}{
		{"no audit log", nil, []string{"no-audit-log.unaudited-deletes/2/undecided"}},
		{"one route audits", []facts.Signal{handlerSignal(del[0], facts.SignalAuditLog, "")},
			[]string{"no-audit-log.unaudited-deletes-mitigated/1/mitigate", "no-audit-log.unaudited-deletes/1/undecided"}},
		{"every route audits", []facts.Signal{handlerSignal(del[0], facts.SignalAuditLog, ""), handlerSignal(del[1], facts.SignalAuditLog, "")},
			[]string{"no-audit-log.unaudited-deletes-mitigated/2/mitigate"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Draft(facts.Facts{Surfaces: del, Signals: tc.signals}, Options{})
			var got []string
			for _, th := range threatsOf(m, "no-audit-log") {
				got = append(got, fmt.Sprintf("%s/%d/%s", th.ID, len(th.Sites), th.Response))
				if th.Response == model.Mitigate && !th.FullyMitigated() {
					t.Errorf("%s is mitigated with a control not found at every site: %+v", th.ID, th.Controls)
				}
			}
			slices.Sort(got)
			slices.Sort(tc.want)
			if !slices.Equal(got, tc.want) {
				t.Errorf("rows %v, want %v", got, tc.want)
			}
			writes := threatsOf(m, "unauthenticated-write")
			if len(writes) != 1 || len(writes[0].Sites) != 2 {
				t.Fatalf("unauthenticated-write rows %+v, want one with both routes", writes)
			}
		})
	}
}

// IDOR groups only the routes an owner condition answers: each open
// route's fix is in its own handler, so it keeps its own row.
func TestGroupedIDORMitigatedOnly(t *testing.T) {
	rs := []facts.Route{groupRoute("GET", "/api/docs/{id}", 10), groupRoute("GET", "/api/feeds/{id}", 20), groupRoute("GET", "/api/notes/{id}", 30)}
	var signals []facts.Signal
	for i := range rs {
		rs[i].Params = []facts.Param{{Name: "id", In: "path", Type: facts.TypeInt}}
		signals = append(signals, handlerSignal(rs[i], facts.SignalIDLookup, "id"))
	}
	signals = append(signals, handlerSignal(rs[1], facts.SignalOwnership, ""), handlerSignal(rs[2], facts.SignalOwnership, ""))
	m := Draft(facts.Facts{Surfaces: rs, Signals: signals}, Options{})
	var ids []string
	for _, th := range threatsOf(m, "idor") {
		ids = append(ids, fmt.Sprintf("%s/%d", th.ID, len(th.Sites)))
	}
	slices.Sort(ids)
	want := []string{"idor.get-api-docs-id/0", "idor.owner-scoped-lookups/2"}
	if !slices.Equal(ids, want) {
		t.Errorf("idor rows (id/sites) %v, want %v", ids, want)
	}
}

// Followed weaknesses: routes that reach one sink are one row listing
// them as sites, its id keyed by the sink's weakness id (not its line);
// a sink one route reaches stays on that route's row.
func TestFlowRowPerSink(t *testing.T) {
	routes := []facts.Route{
		groupRoute("GET", "/api/posts/{id}", 10),
		groupRoute("POST", "/api/posts/{id}/comment", 20),
		groupRoute("GET", "/api/search", 30),
	}
	sink := func(line int, id string, rs ...string) facts.Weakness {
		return facts.Weakness{ID: id, Kind: "sql-injection", Detail: "SQL built from request data", Source: facts.SourceParam, Reach: facts.ReachRoute,
			Routes: rs, Evidence: []facts.Evidence{{File: "app/db.py", Line: line}},
			Path: []facts.Step{{File: "app/routes.py", Line: 10, Note: "route"}, {File: "app/db.py", Line: line, Note: "cursor.execute(q)"}}}
	}
	var ids []string
	for _, shift := range []int{0, 7} {
		f := facts.Facts{Surfaces: routes, Weaknesses: []facts.Weakness{
			sink(5+shift, "weakness-a1b2c3d4e5", "r10", "r20"),
			sink(40+shift, "weakness-f6e5d4c3b2", "r30"),
		}}
		rows := threatsOf(Draft(f, Options{}), "sql-injection")
		if len(rows) != 2 {
			t.Fatalf("shift %d: %d sql-injection rows, want 2 (one per sink): %+v", shift, len(rows), rows)
		}
		var grouped, single *model.Threat
		for i := range rows {
			if len(rows[i].Sites) > 0 {
				grouped = &rows[i]
			} else {
				single = &rows[i]
			}
		}
		if grouped == nil || len(grouped.Sites) != 2 {
			t.Fatalf("shift %d: no row with the two routes of one sink as sites: %+v", shift, rows)
		}
		if single == nil || single.Surface != "get-api-search" {
			t.Errorf("shift %d: the sink one route reaches is not on that route's row: %+v", shift, single)
		}
		ids = append(ids, grouped.ID)
	}
	if ids[0] != ids[1] || ids[0] != "sql-injection.db-sink-a1b2c3" {
		t.Errorf("grouped row ids %v: want sql-injection.db-sink-a1b2c3 whatever the sink's line", ids)
	}
}

// A surface and its threat are often drafted from one evidence slice;
// capping it for one must not blank the other's entries (an empty file made
// init refuse its own draft: a csrf_exempt view beside the session's routes).
func TestCapEvidenceLeavesItsInputAlone(t *testing.T) {
	ev := []model.Evidence{{File: "b.py", Line: 2}, {File: "a.py", Line: 1}, {File: "a.py", Line: 1}, {File: "c.py", Line: 3}}
	capEvidence(ev, 3)
	got := capEvidence(ev, 5)
	want := []model.Evidence{{File: "a.py", Line: 1}, {File: "b.py", Line: 2}, {File: "c.py", Line: 3}}
	if !slices.Equal(got, want) {
		t.Fatalf("capEvidence after a first cap = %v, want %v", got, want)
	}
}

// One handler mounted at two paths is one weakness with one fix: one row
// listing both routes. A handler of its own keeps its route's row, and
// two handlers of the same name in different files stay apart. A handler
// whose routes all look up one resource joins that resource's row.
func TestSharedHandlerOneRow(t *testing.T) {
	mk := func(path string, line int, file, handler string) facts.Route {
		r := groupRoute("GET", path, line)
		r.Params = []facts.Param{{Name: "id", In: "path", Type: facts.TypeInt}}
		r.HandlerFile, r.Handler, r.HandlerLine = file, handler, 100
		return r
	}
	// Registered in a loop: one line, no handler named, two handlers.
	loop := func(path string) facts.Route {
		r := groupRoute("GET", path, 50)
		r.ID = "loop" + path
		r.Params = []facts.Param{{Name: "id", In: "path", Type: facts.TypeInt}}
		return r
	}
	// Named where the route is registered (an Express router's
	// controller method, a Django view), not where its code starts.
	named := func(path string, line int) facts.Route {
		r := groupRoute("GET", path, line)
		r.File, r.Handler = "routes/index.js", "posts.show"
		r.Params = []facts.Param{{Name: "id", In: "path", Type: facts.TypeInt}}
		return r
	}
	rs := []facts.Route{
		mk("/api/v1/books/{id}", 10, "library/views.py", "book_detail"),
		mk("/library/books/{id}", 20, "library/views.py", "book_detail"),
		mk("/api/v1/exams/{id}", 30, "exams/views.py", "detail"),
		mk("/api/v1/notes/{id}", 40, "notes/views.py", "detail"),
		// One handler answering PUT and PATCH of the resource another
		// handler of its file reads: the resource's one row has all three.
		mk("/api/v1/notes/{id}", 41, "notes/views.py", "update"),
		mk("/api/v1/notes/{id}", 42, "notes/views.py", "update"),
		loop("/feeds/{id}"), loop("/tags/{id}"),
		named("/posts/{id}", 60), named("/api/posts/{id}", 70),
	}
	rs[4].Method, rs[5].Method = "PUT", "PATCH"
	var signals []facts.Signal
	for _, r := range rs {
		signals = append(signals, handlerSignal(r, facts.SignalIDLookup, "id"))
	}
	m := Draft(facts.Facts{Surfaces: rs, Signals: signals}, Options{})
	var ids []string
	for _, th := range threatsOf(m, "idor") {
		ids = append(ids, fmt.Sprintf("%s/%d", th.ID, len(th.Sites)))
	}
	slices.Sort(ids)
	want := []string{"idor.api-v1-notes-id-in-views/3", "idor.get-api-v1-exams-id/0", "idor.get-feeds-id/0", "idor.get-tags-id/0",
		"idor.handler-library-views-book-detail/2", "idor.handler-routes-index-posts-show/2"}
	if !slices.Equal(ids, want) {
		t.Errorf("idor rows (id/sites) %v, want %v", ids, want)
	}
}

// verbose-errors: exception text in N handlers is one row, in N files
// outside handlers one more; a value a plugin's method returns outside
// any handler answers no request and is no row.
func TestVerboseErrorsOneRowPerCause(t *testing.T) {
	routes := []facts.Route{groupRoute("GET", "/api/a", 10), groupRoute("GET", "/api/b", 20)}
	routes[0].EndLine, routes[1].EndLine = 15, 25
	exit := func(file string, line int, detail string) facts.Exit {
		return facts.Exit{Kind: "error-response", Detail: detail, Evidence: []facts.Evidence{{File: file, Line: line}}}
	}
	msg := "error response includes the exception message"
	ret := facts.ExitReturnsError + ": " + msg
	f := facts.Facts{Surfaces: routes, Exits: []facts.Exit{
		exit("app/routes.py", 12, ret), exit("app/routes.py", 22, msg),
		exit("app/helpers.py", 5, msg), exit("app/other.py", 9, msg),
		exit("app/runners/d1.py", 40, ret), exit("app/tasks.py", 7, ret),
	}}
	rows := threatsOf(Draft(f, Options{}), "verbose-errors")
	if len(rows) != 2 {
		for _, r := range rows {
			t.Logf("%s %v", r.ID, r.Evidence)
		}
		t.Fatalf("%d verbose-errors rows, want 2 (handlers, code outside them)", len(rows))
	}
	for _, r := range rows {
		for _, e := range r.Evidence {
			if e.File == "app/runners/d1.py" || e.File == "app/tasks.py" {
				t.Errorf("%s: a returned value outside a handler is evidence: %v", r.ID, e)
			}
		}
	}
}

// Upload routes lack the same checks, which one validation answers: one
// row listing each route.
func TestUploadRoutesOneRow(t *testing.T) {
	rs := []facts.Route{groupRoute("POST", "/api/avatars", 10, facts.TagUpload), groupRoute("PUT", "/api/logos", 20, facts.TagUpload)}
	m := Draft(facts.Facts{Surfaces: rs}, Options{})
	rows := threatsOf(m, "upload-unsafe")
	if len(rows) != 1 || rows[0].ID != "upload-unsafe.upload-routes" || len(rows[0].Sites) != 2 {
		t.Fatalf("upload-unsafe rows %+v, want one, upload-unsafe.upload-routes, with both routes", rows)
	}
}

// Open IDOR rows of one resource are one row: the routes that look up the
// same record by the same parameter, in one handler file, with the same
// guard, each missing the owner condition. A resource with one open
// route keeps that route's row and id; another file or another guard is
// another weakness.
func TestGroupedIDORPerResource(t *testing.T) {
	rs := []facts.Route{
		groupRoute("GET", "/api/docs/{id}", 10), groupRoute("PATCH", "/api/docs/{id}", 20), groupRoute("GET", "/api/docs/{id}/history", 30),
		groupRoute("GET", "/api/feeds/{id}", 40),
		groupRoute("GET", "/api/notes/{id}", 50), groupRoute("DELETE", "/api/notes/{id}", 60),
	}
	rs[5].File = "app/admin_notes.py"
	rs[1].Auth = facts.AuthNone
	var signals []facts.Signal
	for i := range rs {
		rs[i].Params = []facts.Param{{Name: "id", In: "path", Type: facts.TypeInt}}
		rs[i].Handler = fmt.Sprintf("view%d", i)
		signals = append(signals, handlerSignal(rs[i], facts.SignalIDLookup, "id"))
	}
	m := Draft(facts.Facts{Surfaces: rs, Signals: signals}, Options{})
	var ids []string
	for _, th := range threatsOf(m, "idor") {
		ids = append(ids, fmt.Sprintf("%s/%d", th.ID, len(th.Sites)))
	}
	slices.Sort(ids)
	want := []string{
		"idor.api-docs-id-in-routes/2", // GET /api/docs/{id} and its history, both signed in
		"idor.delete-api-notes-id/0",   // another file
		"idor.get-api-feeds-id/0",      // alone
		"idor.get-api-notes-id/0",
		"idor.patch-api-docs-id/0", // open to all: another weakness
	}
	if !slices.Equal(ids, want) {
		t.Errorf("idor rows (id/sites) %v, want %v", ids, want)
	}
}

// A DELETE that ends the caller's session (a logout) or whose only write
// is the caller's own cookie deletes no record: no audit-log row. The
// DELETE beside it, which removes a record, still has one.
func TestNoAuditLogSkipsSessionEnd(t *testing.T) {
	for _, kind := range []string{facts.SignalSessionEnd, facts.SignalCookieOnly} {
		t.Run(kind, func(t *testing.T) {
			del := []facts.Route{groupRoute("DELETE", "/api/session", 10), groupRoute("DELETE", "/api/notes/{id}", 20)}
			m := Draft(facts.Facts{Surfaces: del, Signals: []facts.Signal{handlerSignal(del[0], kind, "")}}, Options{})
			rows := threatsOf(m, "no-audit-log")
			if len(rows) != 1 || len(rows[0].Sites) != 1 || !strings.Contains(fmt.Sprint(rows[0].Sites), "notes") {
				t.Fatalf("no-audit-log rows %+v, want one on DELETE /api/notes/{id} only", rows)
			}
		})
	}
}
