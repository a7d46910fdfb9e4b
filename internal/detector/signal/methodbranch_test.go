package signal

import (
	"strings"
	"testing"
)

// A branch on the request's method runs for that method's route only:
// code in another method's branch is blanked, the rest kept as it is.
func TestMethodView(t *testing.T) {
	cases := []struct {
		name, method, body string
		kept, gone         []string
	}{
		{"python elif chain, GET", "GET", `def article(request, pk):
    a = Article.objects.get(pk=pk)
    if request.method == 'GET':
        return Response(ArticleSerializer(a).data)
    elif request.method == 'PATCH':
        a.approved = True
        a.save()
    elif request.method == "DELETE":
        a.delete()
    else:
        return Response(status=400)
`, []string{"ArticleSerializer(a)", "Article.objects.get"}, []string{"a.save()", "a.delete()", "status=400"}},
		{"python elif chain, PATCH", "PATCH", `def article(request, pk):
    if request.method == 'GET':
        return Response(ArticleSerializer(a).data)
    elif request.method == 'PATCH':
        a.save()
    elif request.method == "DELETE":
        a.delete()
`, []string{"a.save()"}, []string{"ArticleSerializer", "a.delete()"}},
		{"python else is the other methods", "GET", `def edit(request):
    if request.method == "POST":
        form.save()
    else:
        form = NoteForm()
    return render(request, "edit.html", {"form": form})
`, []string{"NoteForm()", "render("}, []string{"form.save()"}},
		{"python else runs for POST when GET was tested", "POST", `def edit(request):
    if request.method in ("GET", "HEAD"):
        return render(request, "edit.html")
    else:
        note.save()
`, []string{"note.save()"}, []string{"render("}},
		{"python: a branch for GET keeps its write", "GET", `def approve(request, pk):
    if request.method == 'GET':
        article.save()
`, []string{"article.save()"}, nil},
		{"python: a method test in a conjunction: GET never runs it", "GET", `def view(request):
    if request.method == 'POST' and form.is_valid():
        form.save()
`, nil, []string{"form.save()"}},
		{"python: a test of something else keeps everything", "GET", `def view(request):
    if form.is_valid() or request.method == 'POST':
        form.save()
`, []string{"form.save()"}, nil},
		{"python: an inline branch", "GET", `def view(request):
    if request.method == 'POST': note.delete()
    return render(request, "x.html")
`, []string{"render("}, []string{"note.delete()"}},
		{"js if/else if", "GET", `async (req, res) => {
  if (req.method === 'POST') {
    await Note.create(req.body);
  } else if (req.method === "GET") {
    res.json(await Note.findAll());
  }
}`, []string{"Note.findAll()"}, []string{"Note.create"}},
		{"go switch on r.Method", "GET", `func notes(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		list(w)
	case http.MethodPost:
		db.Create(&note)
	default:
		w.WriteHeader(405)
	}
}`, []string{"list(w)"}, []string{"db.Create", "WriteHeader(405)"}},
		{"go if with no else", "GET", `func notes(w http.ResponseWriter, r *http.Request) {
	if r.Method == "DELETE" {
		db.Delete(&note, id)
		return
	}
	list(w)
}`, []string{"list(w)"}, []string{"db.Delete"}},
		{"flask-wtf submit branch: GET only renders", "GET", `def index():
    form = PostForm()
    if form.validate_on_submit():
        db.session.add(Post(body=form.post.data))
        db.session.commit()
        return redirect(url_for('index'))
    return render_template('index.html', form=form)
`, []string{"render_template"}, []string{"db.session.add", "db.session.commit"}},
		{"flask-wtf submit branch: POST writes", "POST", `def index():
    form = PostForm()
    if form.validate_on_submit():
        db.session.commit()
    return render_template('index.html', form=form)
`, []string{"db.session.commit"}, nil},
		{"a write outside the submit branch runs for GET", "GET", `def index():
    current_user.last_seen = now()
    db.session.commit()
    form = PostForm()
    if form.validate_on_submit():
        db.session.add(Post(body=form.post.data))
    return render_template('index.html', form=form)
`, []string{"db.session.commit()", "render_template"}, []string{"db.session.add"}},
		{"flask-wtf submit test in a conjunction: GET only renders", "GET", `def index():
    form = PostForm()
    if current_user.can(Permission.WRITE) and form.validate_on_submit():
        db.session.add(Post(body=form.post.data))
        db.session.commit()
    else:
        current_user.views += 1
    return render_template('index.html', form=form)
`, []string{"render_template", "current_user.views"}, []string{"db.session.add", "db.session.commit"}},
		{"lookalike: the conjunction's POST may fail its other test, so its else runs for POST too", "POST", `def index():
    form = PostForm()
    if current_user.can(Permission.WRITE) and form.validate_on_submit():
        db.session.add(Post(body=form.post.data))
    else:
        audit.write(form)
    return render_template('index.html', form=form)
`, []string{"db.session.add", "audit.write"}, nil},
		{"lookalike: a conjunction of tests of something else reads everything", "GET", `def index():
    if current_user.is_authenticated and form.ready:
        db.session.commit()
    return render_template('index.html')
`, []string{"db.session.commit"}, nil},
		{"laravel isMethod", "GET", `public function edit(Request $request) {
    if ($request->isMethod('post')) {
        $note->save();
    }
    return view('edit');
}`, []string{"view('edit')"}, []string{"$note->save()"}},
		{"any method reads everything", "ANY", `def edit(request):
    if request.method == "POST":
        form.save()
`, []string{"form.save()"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := methodView(c.body, c.method)
			if len(got) != len(c.body) || strings.Count(got, "\n") != strings.Count(c.body, "\n") {
				t.Fatalf("offsets or lines moved:\n%s", got)
			}
			for _, k := range c.kept {
				if !strings.Contains(got, k) {
					t.Errorf("%q blanked, want kept:\n%s", k, got)
				}
			}
			for _, g := range c.gone {
				if strings.Contains(got, g) {
					t.Errorf("%q kept, want blanked:\n%s", g, got)
				}
			}
		})
	}
}
