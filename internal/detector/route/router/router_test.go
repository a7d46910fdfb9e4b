package router

import (
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

func g(name string, seq int) Guard { return Guard{Name: name, Seq: seq} }

// show renders composed routes as "path [guards] complete fw".
func show(cs []Composed) []string {
	var out []string
	for _, c := range cs {
		s := c.Path + " [" + strings.Join(c.Names(), ",") + "]"
		if c.Complete {
			s += " complete"
		}
		if c.Framework != "" {
			s += " " + c.Framework
		}
		out = append(out, s)
	}
	return out
}

func composeAll(nodes ...*Node) []Composed {
	var out []Composed
	for _, n := range nodes {
		for _, r := range n.Routes {
			for _, p := range n.Paths() {
				out = append(out, p.Compose(r))
			}
		}
	}
	return out
}

func TestCompose(t *testing.T) {
	tests := []struct {
		name  string
		build func() []*Node
		want  []string
	}{
		{
			name: "prefixes join and guards run outermost first",
			build: func() []*Node {
				app := &Node{Framework: "x", Guards: []Guard{g("logger", 0)}}
				api := &Node{Prefix: "/api/", Guards: []Guard{g("auth", 0)}}
				api.MountUnder(Mount{Parent: app, Prefix: "/v1", Guards: []Guard{g("cors", 0)}})
				api.Routes = []*Route{{Path: "users/{id}", Guards: []Guard{g("admin", 0)}}}
				return []*Node{app, api}
			},
			want: []string{"/v1/api/users/{id} [logger,cors,auth,admin] complete x"},
		},
		{
			name: "a replacing mount prefix drops the child's own",
			build: func() []*Node {
				app := &Node{}
				bp := &Node{Prefix: "/own"}
				bp.MountUnder(Mount{Parent: app, Prefix: "/given", Replace: true})
				bp.Routes = []*Route{{Path: "/"}}
				return []*Node{app, bp}
			},
			want: []string{"/given [] complete"},
		},
		{
			name: "use() guards apply only to later registrations",
			build: func() []*Node {
				app := &Node{Guards: []Guard{g("late", 5), g("early", 1), g("static", 0)}}
				app.Routes = []*Route{{Path: "/a", Seq: 3}, {Path: "/b", Seq: 7}, {Path: "/c"}}
				return []*Node{app}
			},
			want: []string{"/a [static,early] complete", "/b [static,late,early] complete", "/c [static,late,early] complete"},
		},
		{
			name: "a group made at a point sees only the parent's earlier use()",
			build: func() []*Node {
				app := &Node{Guards: []Guard{g("before", 1), g("after", 4)}}
				grp := &Node{Prefix: "/g"}
				grp.MountUnder(Mount{Parent: app, Seq: 2})
				grp.Routes = []*Route{{Path: "/x", Seq: 9}}
				return []*Node{app, grp}
			},
			want: []string{"/g/x [before] complete"},
		},
		{
			name: "a mount without a Seq cuts the parent's use() at each route",
			build: func() []*Node {
				app := &Node{Guards: []Guard{g("before", 1), g("after", 4)}}
				grp := &Node{Prefix: "/g"}
				grp.MountUnder(Mount{Parent: app})
				grp.Routes = []*Route{{Path: "/x", Seq: 3}, {Path: "/y", Seq: 9}}
				return []*Node{app, grp}
			},
			want: []string{"/g/x [before] complete", "/g/y [before,after] complete"},
		},
		{
			name: "a scoped guard covers only paths under its scope",
			build: func() []*Node {
				app := &Node{Guards: []Guard{{Name: "adminOnly", Seq: 1, Scope: "/admin/*"}}}
				app.Routes = []*Route{{Path: "/admin/users", Seq: 2}, {Path: "/administrator", Seq: 3}, {Path: "/admin", Seq: 4}}
				return []*Node{app}
			},
			want: []string{"/admin/users [adminOnly] complete", "/administrator [] complete", "/admin [adminOnly] complete"},
		},
		{
			name: "a scoped guard covers a route mounted through a shorter prefix, not its neighbours",
			build: func() []*Node {
				app := &Node{Guards: []Guard{{Name: "authLimiter", Seq: 1, Scope: "/v1/auth"}}}
				api := &Node{}
				api.MountUnder(Mount{Parent: app, Prefix: "/v1", Seq: 2})
				auth := &Node{}
				auth.MountUnder(Mount{Parent: api, Prefix: "/auth", Seq: 1})
				users := &Node{}
				users.MountUnder(Mount{Parent: api, Prefix: "/users", Seq: 2})
				auth.Routes = []*Route{{Path: "/login", Seq: 1}}
				users.Routes = []*Route{{Path: "/auth-log", Seq: 1}}
				return []*Node{auth, users}
			},
			want: []string{"/v1/auth/login [authLimiter] complete", "/v1/users/auth-log [] complete"},
		},
		{
			name: "an incomplete node anywhere makes the route incomplete; framework is the nearest",
			build: func() []*Node {
				app := &Node{Framework: "outer"}
				mid := &Node{Incomplete: true}
				leaf := &Node{Framework: "inner"}
				mid.MountUnder(Mount{Parent: app, Prefix: "/m"})
				leaf.MountUnder(Mount{Parent: mid, Prefix: "/l"})
				mid.Routes = []*Route{{Path: "/r"}}
				leaf.Routes = []*Route{{Path: "/r"}}
				return []*Node{mid, leaf}
			},
			want: []string{"/m/r [] outer", "/m/l/r [] inner"},
		},
		{
			name: "a node mounted twice at one prefix is one path",
			build: func() []*Node {
				a := &Node{}
				r := &Node{}
				r.MountUnder(Mount{Parent: a, Prefix: "/p", Guards: []Guard{g("first", 0)}})
				r.MountUnder(Mount{Parent: a, Prefix: "/p/", Guards: []Guard{g("second", 0)}})
				r.MountUnder(Mount{Parent: a, Prefix: "/q"})
				r.Routes = []*Route{{Path: "/x"}}
				return []*Node{r}
			},
			want: []string{"/p/x [first] complete", "/q/x [] complete"},
		},
		{
			// b, reached only through the cycle, stands as an unmounted
			// (so incomplete) root.
			name: "a mount cycle ends at the node the walk came back to",
			build: func() []*Node {
				a := &Node{Prefix: "/a"}
				b := &Node{Prefix: "/b"}
				a.MountUnder(Mount{Parent: b})
				b.MountUnder(Mount{Parent: a})
				a.Routes = []*Route{{Path: "/x"}}
				return []*Node{a}
			},
			want: []string{"/b/a/x []"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(composeAll(tt.build()...))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestWalkOrderAndCycles(t *testing.T) {
	app := &Node{}
	a := &Node{Prefix: "/a"}
	b := &Node{Prefix: "/b"}
	shared := &Node{Prefix: "/s"}
	a.MountUnder(Mount{Parent: app})
	b.MountUnder(Mount{Parent: app})
	shared.MountUnder(Mount{Parent: a})
	shared.MountUnder(Mount{Parent: b})
	app.MountUnder(Mount{Parent: shared}) // a cycle back to the root
	var got []string
	Walk(app, func(_ *Node, p Path) { got = append(got, p.Prefix()) })
	want := []string{"/", "/a", "/a/s", "/b", "/b/s"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWalkDepth(t *testing.T) {
	root := &Node{}
	n := root
	for range 30 {
		c := &Node{Prefix: "/x"}
		c.MountUnder(Mount{Parent: n})
		n = c
	}
	visits := 0
	Walk(root, func(*Node, Path) { visits++ })
	if visits != maxWalkDepth {
		t.Errorf("visited %d nodes, want the walk to stop at %d", visits, maxWalkDepth)
	}
}

func TestGuardHelpers(t *testing.T) {
	gs := []Guard{
		{Name: "requireUser", Source: "\nif (!req.user) return 401"},
		{Text: "@login_required"},
		{Name: "check", Text: "before_request check", Verdict: Verdict{Auth: facts.AuthRequired, Evidence: "aborts 401"}},
	}
	if got := Names(gs); !slices.Equal(got, []string{"requireUser", "check"}) {
		t.Errorf("Names = %q", got)
	}
	if got := Source(gs); got != "\nif (!req.user) return 401" {
		t.Errorf("Source = %q", got)
	}
	if r, ok := Required(gs); !ok || r.Name != "check" {
		t.Errorf("Required = %v %v, want the guard with a required verdict", r, ok)
	}
	if _, ok := Required(gs[:2]); ok {
		t.Error("Required found a verdict in guards that have none")
	}
}

func TestUnder(t *testing.T) {
	tests := []struct {
		p, scope string
		want     bool
	}{
		{"/api/x", "/api", true},
		{"/api", "/api/*", true},
		{"/apix", "/api", false},
		{"/anything", "*", true},
		{"/anything", "", true},
		{"api/x/", "/api/", true},
	}
	for _, tt := range tests {
		if got := Under(tt.p, tt.scope); got != tt.want {
			t.Errorf("Under(%q, %q) = %v, want %v", tt.p, tt.scope, got, tt.want)
		}
	}
}
