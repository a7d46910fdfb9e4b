package signal

import (
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// A record created of a model whose password column a login compares is
// an account; a record of another model, or of a model that holds a
// password no query compares, is not.
func TestAccountCreation(t *testing.T) {
	login := facts.Route{Method: "POST", Path: "/login", File: "app/Http/Controllers/MemberController.php", Line: 1,
		Body: "public function login(Request $request)\n{\n    $m = Member::where('login', $request->input('login'))\n        ->where('password', $request->input('password'))->first();\n    return $m;\n}"}
	vault := facts.Route{Method: "GET", Path: "/entries/{id}", File: "app/Http/Controllers/EntryController.php", Line: 1,
		Body: "public function show($id)\n{\n    return Entry::where('id', $id)->first();\n}"}
	for _, tc := range []struct {
		name, body string
		want       bool
	}{
		{"a member created from the posted body", "public function store(Request $request)\n{\n    return Member::create(json_decode($request->getContent(), true));\n}", true},
		{"lookalike: a note created beside the members", "public function store(Request $request)\n{\n    return Note::create(json_decode($request->getContent(), true));\n}", false},
		{"lookalike: a vault entry holding a password no login compares", "public function store(Request $request)\n{\n    return Entry::create(['site' => $request->input('site'), 'password' => $request->input('password')]);\n}", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := facts.Route{Method: "POST", Path: "/x", File: "app/Http/Controllers/X.php", Line: 1, Body: tc.body}
			accounts := accountModels([]facts.Route{login, vault, r})
			got := len(accountCreation(&r, nil, accounts)) > 0
			if got != tc.want {
				t.Errorf("creates an account: got %v, want %v (accounts %v)", got, tc.want, accounts)
			}
		})
	}
}
