package signal

import "testing"

// Every write under a test that the caller passes (signed in, holding a
// permission) writes nothing for an anonymous caller; a write outside
// it, under a negated test or one joined by or does.
func TestCallerGatedWrites(t *testing.T) {
	for _, c := range []struct {
		name, code string
		want       bool
	}{
		{"a permission test and a form's submit test", `def index():
    form = NoteForm()
    if current_user.can(Permission.WRITE) and form.validate_on_submit():
        db.session.add(Note(body=form.body.data))
        db.session.commit()
    return render_template("index.html")`, true},
		{"signed in, nested", `def vote(id):
    if request.user.is_authenticated:
        if request.method == "POST":
            Vote.objects.create(user=request.user, item_id=id)
    return redirect("/")`, true},
		{"lookalike: a write outside the test", `def index():
    hits.increment()
    if current_user.can(Permission.WRITE):
        db.session.commit()
    return "ok"`, false},
		{"lookalike: the test negated", `def index():
    if not current_user.is_authenticated:
        db.session.add(Guest())
        db.session.commit()
    return "ok"`, false},
		{"lookalike: a caller test joined by or", `def index():
    if current_user.is_authenticated or form.guest.data:
        db.session.commit()
    return "ok"`, false},
		{"lookalike: no write at all", `def index():
    if current_user.is_authenticated:
        return "hi"
    return "ok"`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := callerGatedWrites(c.code); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}
