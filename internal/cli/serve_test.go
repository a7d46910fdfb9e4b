package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/reconcile"
)

// serveModel is a model a person has edited: its comments must all survive
// every decision recorded from the page.
const serveModel = `# Tiny chat's threat map. Mia owns it.
version: 1
product:
  name: Tiny chat   # as on the landing page
surfaces:
  # The only route.
  - id: chat
    kind: endpoint
    direction: entry
    name: POST /api/chat
    match: {method: POST, path: /api/chat}
threats:
  # The one that costs money.
  - id: chat-drain
    surface: chat
    stride: [D]
    statement: If POST /api/chat is abused, an attacker could drain the LLM budget.
    difficulty: low   # no login needed
    impact: high
    response: undecided   # was: mitigate
    controls:
      - text: Per-IP rate limit
        status: planned   # Sam is on it

  - id: chat-log
    surface: chat
    stride: [R]
    statement: If POST /api/chat is abused, nobody can tell who asked what.
    difficulty: low
    impact: low
review:
  every: 90d   # quarterly
`

var serveNow = time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC)

// serveFixture is a folder with serveModel and the THREATMAP.md threatmap
// renders for it, served by runServe until the test ends.
type serveFixture struct {
	dir, model, page string
	url              string
	out              *lockedBuffer
}

// lockedBuffer is standard output shared by the server's goroutines and
// the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// writeServeModel lays out serveModel and its page in a new folder.
func writeServeModel(t *testing.T) (dir, modelPath, pagePath string) {
	t.Helper()
	dir = t.TempDir()
	modelPath, pagePath = filepath.Join(dir, model.FileName), filepath.Join(dir, PageName)
	writeFile(t, modelPath, serveModel)
	doc, err := model.Load(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	page, err := renderPageAt(doc.Model, serveNow, false)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, pagePath, string(page))
	return dir, modelPath, pagePath
}

func startServe(t *testing.T) *serveFixture {
	t.Helper()
	f := &serveFixture{out: &lockedBuffer{}}
	f.dir, f.model, f.page = writeServeModel(t)
	e := &env{stdout: f.out, stderr: f.out, now: func() time.Time { return serveNow }}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, e, f.dir, &serveOptions{listen: "127.0.0.1:0", ready: func(u string) { ready <- u }})
	}()
	select {
	case f.url = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve did not start: %v\n%s", err, f.out)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with %v", err)
		}
		if !strings.Contains(f.out.String(), "review page stopped") {
			t.Errorf("serve did not say it stopped:\n%s", f.out)
		}
	})
	return f
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// commentsKept fails when a comment line of serveModel is gone.
func commentsKept(t *testing.T, data []byte) {
	t.Helper()
	for _, l := range strings.Split(serveModel, "\n") {
		if i := strings.Index(l, "#"); i >= 0 && !strings.Contains(string(data), strings.TrimSpace(l[i:])) {
			t.Errorf("comment %q is gone:\n%s", l[i:], data)
		}
	}
}

// TestServeRecordsLikeTheCommands posts each form over HTTP (as a browser
// on the page does, cookie and all) and checks that threatmap.yaml and
// THREATMAP.md are byte for byte what the command of the same name writes.
func TestServeRecordsLikeTheCommands(t *testing.T) {
	f := startServe(t)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 20 * time.Second}
	get := func(u string) string {
		t.Helper()
		resp, err := client.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s\n%s", u, resp.Status, body)
		}
		return string(body)
	}
	if !strings.Contains(get(f.url), `href="/threat/chat-drain"`) {
		t.Fatal("the page does not list chat-drain")
	}
	base, _ := url.Parse(f.url)
	base.RawQuery = ""
	post := func(path string, form url.Values) (int, string) {
		t.Helper()
		resp, err := client.PostForm(base.JoinPath(path).String(), form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}

	// Refused by the command's own checks: shown, nothing written.
	code, body := post("/threat/chat-drain/accept", url.Values{"by": {"Mia"}, "why": {"beta"}, "revisit": {"2026-01-01"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "is not in the future") {
		t.Errorf("a past revisit date: %d\n%s", code, body)
	}
	code, body = post("/threat/chat-drain/control", url.Values{"text": {"Per-IP rate limit"}, "status": {"done"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `use planned, in-progress, implemented`) {
		t.Errorf("an unknown status: %d\n%s", code, body)
	}
	code, body = post("/threat/nope/eliminate", url.Values{"why": {"gone"}})
	if code == http.StatusSeeOther || code == http.StatusOK {
		t.Errorf("an unknown threat was recorded: %d\n%s", code, body)
	}
	if got := readFile(t, f.model); string(got) != serveModel {
		t.Fatalf("a refused form changed the model:\n%s", got)
	}

	steps := []struct {
		path string
		form url.Values
		args []string // the same decision on the command line
		says string   // on the page afterwards
	}{
		{"/threat/chat-drain/accept", url.Values{"by": {"Mia"}, "why": {"Beta with ten invited users"}, "revisit": {"2026-12-01"}},
			[]string{"accept", "chat-drain", "--by", "Mia", "--why", "Beta with ten invited users", "--revisit", "2026-12-01"},
			"accepted chat-drain (by Mia, revisit by 2026-12-01)"},
		{"/threat/chat-drain/control", url.Values{"text": {"Per-IP rate limit"}, "status": {"implemented"}, "evidence": {"api/limits.py:12"}},
			[]string{"control", "chat-drain", "--text", "Per-IP rate limit", "--status", "implemented", "--evidence", "api/limits.py:12"},
			`control &#34;Per-IP rate limit&#34; is implemented`},
		{"/threat/chat-log/transfer", url.Values{"to": {"Our insurer"}, "how": {"policy 4411"}, "by": {"Sam"}},
			[]string{"transfer", "chat-log", "--to", "Our insurer", "--how", "policy 4411", "--by", "Sam"},
			"transferred chat-log to Our insurer"},
		{"/threat/chat-log/eliminate", url.Values{"why": {"The log route was removed"}},
			[]string{"eliminate", "chat-log", "--why", "The log route was removed"},
			"eliminated chat-log"},
		{"/review", url.Values{"by": {"Mia"}},
			[]string{"review", "--by", "Mia"},
			"reviewed by Mia on 2026-06-15"},
	}
	for i, st := range steps {
		code, body := post(st.path, st.form)
		if code != http.StatusOK || !strings.Contains(body, st.says) || !strings.Contains(body, "THREATMAP.md: rendered again") {
			t.Fatalf("%s: %d, want the page saying %q\n%s", st.path, code, st.says, body)
		}
		gotModel, gotPage := readFile(t, f.model), readFile(t, f.page)
		commentsKept(t, gotModel)
		// The command line, given the decisions so far, writes the same.
		var wantModel, wantPage []byte
		for _, prev := range steps[:i+1] {
			wantModel, wantPage = twinAfter(t, wantModel, prev.args)
		}
		if !bytes.Equal(gotModel, wantModel) {
			t.Errorf("%s: threatmap.yaml differs from what 'threatmap %s' writes:\n got:\n%s\nwant:\n%s", st.path, st.args[0], gotModel, wantModel)
		}
		if !bytes.Equal(gotPage, wantPage) {
			t.Errorf("%s: THREATMAP.md differs from what 'threatmap %s' renders", st.path, st.args[0])
		}
	}
	if _, err := os.Stat(filepath.Join(f.dir, ".threatmap.yaml.lock")); !os.IsNotExist(err) {
		t.Errorf("the lock file is left behind: %v", err)
	}
	if !strings.Contains(f.out.String(), "accepted chat-drain") {
		t.Errorf("the terminal does not show what was recorded:\n%s", f.out)
	}
}

// twinAfter replays decisions on the command line: from serveModel when
// prev is nil, else from prev.
func twinAfter(t *testing.T, prev []byte, args []string) ([]byte, []byte) {
	t.Helper()
	t.Setenv("THREATMAP_NOW", serveNow.Format("2006-01-02"))
	_, modelPath, pagePath := writeServeModel(t)
	if prev != nil {
		writeFile(t, modelPath, string(prev))
		doc, err := model.Load(modelPath)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := renderPageAt(doc.Model, serveNow, false)
		writeFile(t, pagePath, string(page))
	}
	var out, errOut bytes.Buffer
	if code := Run(append(args, "--model", modelPath), &out, &errOut); code != ExitOK {
		t.Fatalf("threatmap %v: exit %d\n%s", args, code, errOut.String())
	}
	return readFile(t, modelPath), readFile(t, pagePath)
}

// TestServeRefusesBeforeListening: a bad --listen or a missing or invalid
// model is refused before anything listens.
func TestServeRefusesBeforeListening(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, "version: 1\nproduct: {name: Tiny}\nsurfacez: []\n")
	tests := []struct {
		name string
		o    serveOptions
		dir  string
		want string
	}{
		{"no model", serveOptions{listen: "127.0.0.1:0"}, dir, "no such file"},
		{"invalid model", serveOptions{listen: "127.0.0.1:0", model: bad}, dir, "surfacez"},
		{"no port", serveOptions{listen: "127.0.0.1"}, dir, "--listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			e := &env{stdout: &out, stderr: &out, now: func() time.Time { return serveNow }}
			tt.o.ready = func(string) { t.Error("it listened") }
			err := runServe(context.Background(), e, tt.dir, &tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// TestServeWaitsForTheLock: a decision from the page while a command holds
// the model's lock is refused on the page, naming the lock, and nothing is
// written; once the command is done it is recorded.
func TestServeWaitsForTheLock(t *testing.T) {
	saved := reconcile.LockWait
	reconcile.LockWait = 0
	t.Cleanup(func() { reconcile.LockWait = saved })
	f := startServe(t)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 20 * time.Second}
	if resp, err := client.Get(f.url); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	base, _ := url.Parse(f.url)
	base.RawQuery = ""
	post := func() (int, string) {
		t.Helper()
		resp, err := client.PostForm(base.JoinPath("/review").String(), url.Values{"by": {"Mia"}})
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	unlock, err := reconcile.Lock(f.model)
	if err != nil {
		t.Fatal(err)
	}
	code, body := post()
	unlock()
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "is being changed by another threatmap command") {
		t.Errorf("while locked: %d\n%s", code, body)
	}
	if got := readFile(t, f.model); string(got) != serveModel {
		t.Fatalf("written while another command held the lock:\n%s", got)
	}
	if code, body := post(); code != http.StatusOK || !strings.Contains(body, "reviewed by Mia") {
		t.Errorf("after: %d\n%s", code, body)
	}
}
