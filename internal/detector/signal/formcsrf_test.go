package signal

import (
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// A POST a Flask-WTF form takes only through validate_on_submit is
// checked for its CSRF token, whether its branch writes a record or
// only sends a mail; a handler that branches on request.method, or
// writes outside the branch, is not.
func TestFormCSRF(t *testing.T) {
	for _, c := range []struct {
		name, code string
		want       bool
	}{
		{"a record written in the submit branch", `def edit():
    form = NoteForm()
    if form.validate_on_submit():
        db.session.add(Note(body=form.body.data))
        db.session.commit()
    return render_template("edit.html", form=form)`, true},
		{"a mail sent in the submit branch, no record written", `def change_email():
    form = EmailForm()
    if form.validate_on_submit():
        send_email(form.email.data, "confirm", token=make_token())
        return redirect(url_for("index"))
    return render_template("email.html", form=form)`, true},
		{"lookalike: a branch on request.method besides", `def edit():
    form = NoteForm()
    if request.method == "POST":
        db.session.commit()
    if form.validate_on_submit():
        pass
    return "ok"`, false},
		{"lookalike: a write outside the branch", `def edit():
    db.session.add(Visit())
    form = NoteForm()
    if form.validate_on_submit():
        flash("saved")
    return "ok"`, false},
		{"lookalike: no form at all", `def edit():
    db.session.commit()
    return "ok"`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &facts.Route{Method: "POST", File: "app/views.py", Body: c.code}
			if _, got := formCSRF(r, c.code); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}
