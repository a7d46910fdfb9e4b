package main

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"example.com/shelf/internal/feeds"
)

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	query := fmt.Sprintf("SELECT id, title FROM books WHERE title LIKE '%%%s%%'", q)
	rows, err := s.db.Query(query) // want: sql-injection via=query
	if err != nil {
		http.Error(w, "error", 500)
		return
	}
	defer rows.Close()
}

// A handler no route registers any more: dead code, or a route the scan
// missed. Reported, but not as reachable.
func (s *server) oldSearch(w http.ResponseWriter, r *http.Request) {
	s.db.Exec("DELETE FROM saved WHERE q = '" + r.FormValue("q") + "'") // want: sql-injection via=body reach=none
}

// A parameterised query: the value is bound, not pasted.
func (s *server) searchSafe(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	rows, err := s.db.Query("SELECT id, title FROM books WHERE title LIKE $1", "%"+q+"%")
	if err != nil {
		return
	}
	defer rows.Close()
}

// The SQL is built in another package, reached through a method.
func (s *server) byAuthor(w http.ResponseWriter, r *http.Request) {
	author := r.URL.Query().Get("author")
	books, _ := s.books.ByAuthor(author)
	json.NewEncoder(w).Encode(books)
}

func (s *server) ping(w http.ResponseWriter, r *http.Request) {
	host := r.PostFormValue("host")
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+host).Output() // want: command-injection via=body
	w.Write(out)
}

// No shell: the host is one argument of ping.
func (s *server) pingSafe(w http.ResponseWriter, r *http.Request) {
	host := r.PostFormValue("host")
	out, _ := exec.Command("ping", "-c", "1", host).Output()
	w.Write(out)
}

func (s *server) cover(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join("covers", r.PathValue("name"))
	data, err := os.ReadFile(p) // want: path-traversal via=param
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

// The base name only: no directory can be climbed out of.
func (s *server) coverSafe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.PathValue("name"))
	http.ServeFile(w, r, filepath.Join("covers", name))
}

// A local path checked before use.
func (s *server) coverLocal(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if !filepath.IsLocal(name) {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, filepath.Join("covers", name))
}

func (s *server) afterLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	http.Redirect(w, r, next, http.StatusFound) // want: open-redirect via=query
}

// Only a path on this site.
func (s *server) afterLoginSafe(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound)
}

type feedRequest struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

func (s *server) addFeed(w http.ResponseWriter, r *http.Request) {
	var req feedRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	items, err := feeds.Fetch(req.URL)
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(items)
}

func (s *server) addFeedSafe(w http.ResponseWriter, r *http.Request) {
	var req feedRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	items, err := feeds.FetchAllowed(req.URL)
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(items)
}

func (s *server) hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprintf(w, "<h1>Hello, %s</h1>", name) // want: xss via=query
}

// Plain text written back, typed as such: no HTML, no script runs.
func (s *server) echoText(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "%s", r.URL.Query().Get("text"))
}

// Untyped text that the caller's value begins: net/http sniffs its type
// from the first bytes, and a value that starts with a tag is HTML.
func (s *server) echoSniffed(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "%s", r.URL.Query().Get("text")) // want: xss via=query
}

// Untyped text with a literal start: sniffed as plain text.
func (s *server) echoGreeting(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, "Hello, ", r.URL.Query().Get("name"))
	w.Write([]byte("Bye, " + r.URL.Query().Get("name")))
}

// The caller's value written first, whole, as bytes.
func (s *server) echoRaw(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(r.FormValue("text"))) // want: xss via=body
}

// A test that only renames one value is no check.
func (s *server) greet(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if name == "me" {
		name = "you"
	}
	msg := fmt.Sprintf("<b>%s</b>", name)
	page.Execute(w, template.HTML(msg)) // want: xss via=body
}

var page = template.Must(template.New("hello").Parse(`<h1>Hello, {{.}}</h1>`))

// html/template escapes what it is given.
func (s *server) helloSafe(w http.ResponseWriter, r *http.Request) {
	page.Execute(w, r.URL.Query().Get("name"))
}

func (s *server) banner(w http.ResponseWriter, r *http.Request) {
	msg := template.HTML(r.Header.Get("X-Banner")) // want: xss via=header
	page.Execute(w, msg)
}

func (s *server) render(w http.ResponseWriter, r *http.Request) {
	t, err := template.New("user").Parse(r.FormValue("template")) // want: template-injection via=body
	if err != nil {
		return
	}
	t.Execute(w, nil)
}

// A closure returned as the handler.
func serveDownload(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("last-file")
		if err != nil {
			return
		}
		f, err := os.Open(dir + "/" + c.Value) // want: path-traversal via=cookie
		if err != nil {
			return
		}
		defer f.Close()
	}
}

// A template file the request names.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	t, err := template.ParseFiles(filepath.Join("templates", r.URL.Query().Get("name"))) // want: path-traversal via=query
	if err != nil {
		return
	}
	t.Execute(w, nil)
}

// The request picks one of the app's own templates.
func (s *server) pageSafe(w http.ResponseWriter, r *http.Request) {
	name := "about.html"
	if r.URL.Query().Get("name") == "help" {
		name = "help.html"
	}
	t, err := template.ParseFiles(filepath.Join("templates", name))
	if err != nil {
		return
	}
	t.Execute(w, nil)
}

type moveRequest struct {
	Action string `json:"action"`
	To     string `json:"to"`
}

// A test of one field that rejects the rest vets that field only: the
// body's other fields are still what the client sent.
func (s *server) move(w http.ResponseWriter, r *http.Request) {
	var req moveRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if req.Action != "move" {
		http.Error(w, "unknown action", http.StatusBadRequest)
		return
	}
	exec.Command("sh", "-c", "mv notes.txt "+req.To).Run() // want: command-injection via=body
}

// Lookalike: the field the test vets is the literal after it.
func (s *server) moveSafe(w http.ResponseWriter, r *http.Request) {
	var req moveRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if req.To != "archive" {
		http.Error(w, "unknown folder", http.StatusBadRequest)
		return
	}
	exec.Command("sh", "-c", "mv notes.txt "+req.To).Run()
}
