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
		{"python: a test of something else keeps everything", "GET", `def view(request):
    if request.method == 'POST' and form.is_valid():
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
