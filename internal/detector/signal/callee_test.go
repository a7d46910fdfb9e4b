package signal

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// A control one call away counts at the route when the handler branches
// on the call; a function called whose answer is ignored decides nothing,
// and neither does a name two functions share.
func TestCalleeControls(t *testing.T) {
	d := NewCalls()
	files := map[string]string{
		"src/permissions.ts": "export async function canViewAllTeams({ user }) {\n  return user?.isAdmin ?? false;\n}\n",
		"app/guards.py":      "def staff_only(user):\n    return user.is_staff\n\n\ndef note_admin(user):\n    log.info('admin? %s', user.is_admin)\n",
		"app/other.py":       "def check(user):\n    return user.is_admin\n",
		"lib/more.js":        "function check(user) {\n  return user.isAdmin;\n}\n",
	}
	for p, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: p, Data: []byte(src)}, detector.NewSink()); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, file, body string
		want             bool
	}{
		{"JS: returns 401 unless the helper says admin", "src/app/api/admin/teams/route.ts",
			"async function GET(request) {\n  if (!(await canViewAllTeams(auth))) {\n    return unauthorized();\n  }\n}", true},
		{"Python: aborts unless the helper says staff", "app/views.py",
			"def users():\n    if not staff_only(g.user):\n        abort(403)\n", true},
		{"lookalike: the helper's answer is only logged", "app/views.py",
			"def users():\n    note_admin(g.user)\n    return jsonify(all_users())\n", false},
		{"lookalike: a name two functions share", "app/views.py",
			"def users():\n    if not check(g.user):\n        abort(403)\n", false},
	} {
		r := facts.Route{Method: "GET", Path: "/admin/users", File: tc.file, Line: 1, Body: tc.body}
		got := false
		for _, s := range d.calleeSignals(&r) {
			if s.Kind == facts.SignalAdminRole {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%s: admin-role %v, want %v", tc.name, got, tc.want)
		}
	}
}
