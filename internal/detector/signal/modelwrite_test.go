package signal

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// A handler that writes through a method of the app's own model changes
// records, at the call; a read-only method, a function (not a method)
// and a handler that writes itself give no signal here.
func TestModelWrites(t *testing.T) {
	d := NewCalls()
	files := map[string]string{
		"app/models.py": "class Member(db.Model):\n" +
			"    def join(self, club):\n        if not self.is_member(club):\n            db.session.add(Membership(member=self, club=club))\n\n" +
			"    def leave(self, club):\n        m = self.memberships.filter_by(club_id=club.id).first()\n        if m:\n            db.session.delete(m)\n\n" +
			"    def is_member(self, club):\n        return self.memberships.filter_by(club_id=club.id).first() is not None\n",
		"app/account.py": "class Account(db.Model):\n" +
			"    def confirm(self, token):\n        data = Serializer(KEY).loads(token.encode())\n        if data.get('confirm') != self.id:\n            return False\n        self.confirmed = True\n        db.session.add(self)\n        return True\n",
		"app/util.py": "def archive(club):\n    db.session.add(club)\n",
	}
	for p, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: p, Data: []byte(src)}, detector.NewSink()); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, body string
		want       bool
	}{
		{"a method that adds a row", "def join_club(name):\n    club = Club.query.filter_by(name=name).first()\n    current_user.join(club)\n    db.session.commit()\n    return redirect('/')\n", true},
		{"a method that deletes a row", "def leave_club(name):\n    club = Club.query.filter_by(name=name).first()\n    current_user.leave(club)\n    db.session.commit()\n    return redirect('/')\n", true},
		{"a method named as the view", "def join(name):\n    club = Club.query.filter_by(name=name).first()\n    current_user.join(club)\n    db.session.commit()\n    return redirect('/')\n", true},
		{"lookalike: a method that opens a signed token first", "def confirm_account(token):\n    if current_user.confirm(token):\n        db.session.commit()\n    return redirect('/')\n", false},
		{"lookalike: a read-only method", "def club(name):\n    club = Club.query.filter_by(name=name).first()\n    return render_template('club.html', member=current_user.is_member(club))\n", false},
		{"lookalike: a function, not a method", "def close_club(name):\n    util.archive(name)\n    return redirect('/')\n", false},
		{"lookalike: the method named only in a string", "def club_help():\n    return render_template('help.html', hint='call current_user.join(club)')\n", false},
	} {
		r := facts.Route{Method: "GET", Path: "/club/<name>", File: "app/views.py", Line: 1, Handler: "views.handler", Body: tc.body}
		got := false
		for _, s := range d.modelWrites(&r) {
			got = got || s.Kind == facts.SignalMutatesStore
		}
		if got != tc.want {
			t.Errorf("%s: mutates-store %v, want %v", tc.name, got, tc.want)
		}
	}
}
