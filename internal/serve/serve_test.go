package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/report"
)

const testToken = "tok-0123456789abcdefghijklmnopqrstuvwxyzABCD"

const testModel = `version: 1
product: {name: Tiny <b>chat</b>}
surfaces:
  - id: chat
    kind: endpoint
    direction: entry
    name: POST /api/chat
threats:
  - id: chat-drain
    surface: chat
    stride: [D]
    statement: If POST /api/chat is abused, an attacker could <script>alert(1)</script> drain the budget.
    difficulty: low
    impact: high
    controls:
      - text: Per-IP rate limit
        status: planned
`

// fixture is a Server on 127.0.0.1:5555 over testModel, with a Record that
// remembers what it was given and fails with fail when set.
type fixture struct {
	s        *Server
	recorded []Decision
	fail     error
}

func newFixture(t *testing.T, exposed bool, listenHost string) *fixture {
	t.Helper()
	doc, err := model.Parse(model.FileName, []byte(testModel))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{}
	s, err := New(Config{
		Token:      testToken,
		Addr:       &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 5555},
		Exposed:    exposed,
		ListenHost: listenHost,
		Load: func() (*report.Page, error) {
			return report.Build(doc.Model, time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), report.Options{}), nil
		},
		Record: func(d Decision) (string, error) {
			if f.fail != nil {
				return "", f.fail
			}
			f.recorded = append(f.recorded, d)
			return "threatmap.yaml: " + string(d.Kind) + " recorded", nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.s = s
	return f
}

// request describes one request: its method, target, Host, headers, body
// and whether it carries the token's cookie.
type request struct {
	method, target, host string
	cookie               string // the cookie's value; "" sends none
	header               map[string]string
	form                 url.Values
}

func (f *fixture) do(r request) *httptest.ResponseRecorder {
	var body *strings.Reader
	if r.form != nil {
		body = strings.NewReader(r.form.Encode())
	} else {
		body = strings.NewReader("")
	}
	req := httptest.NewRequest(r.method, r.target, body)
	req.Host = r.host
	if req.Host == "" {
		req.Host = "127.0.0.1:5555"
	}
	if r.form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	if r.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "threatmap-5555", Value: r.cookie})
	}
	w := httptest.NewRecorder()
	f.s.ServeHTTP(w, req)
	return w
}

var accept = url.Values{"by": {"Mia"}, "why": {"Beta with ten users"}, "revisit": {"2026-12-01"}}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name     string
		req      request
		code     int
		body     string // in the response
		recorded bool
	}{
		{"no token", request{method: "GET", target: "/"}, 403, "needs its token", false},
		{"wrong cookie", request{method: "GET", target: "/", cookie: testToken + "x"}, 403, "needs its token", false},
		{"token's prefix", request{method: "GET", target: "/", cookie: testToken[:20]}, 403, "needs its token", false},
		{"wrong token in the URL", request{method: "GET", target: "/?token=nope", cookie: testToken}, 403, "not this server's", false},
		{"two tokens in the URL", request{method: "GET", target: "/?token=" + testToken + "&token=" + testToken}, 403, "not this server's", false},
		{"post without token", request{method: "POST", target: "/threat/chat-drain/accept", form: accept}, 403, "needs its token", false},
		{"post with the wrong token", request{method: "POST", target: "/threat/chat-drain/accept", cookie: "x" + testToken, form: accept}, 403, "needs its token", false},
		{"foreign Host (DNS rebinding)", request{method: "GET", target: "/", host: "attacker.example:5555", cookie: testToken}, 421, "own address", false},
		{"foreign Host with the token in the URL", request{method: "GET", target: "/?token=" + testToken, host: "attacker.example:5555"}, 421, "own address", false},
		{"loopback on another port", request{method: "GET", target: "/", host: "127.0.0.1:80", cookie: testToken}, 421, "own address", false},
		{"Host without a port", request{method: "GET", target: "/", host: "localhost", cookie: testToken}, 421, "own address", false},
		{"another IP while on loopback", request{method: "GET", target: "/", host: "192.0.2.7:5555", cookie: testToken}, 421, "own address", false},
		{"foreign Host on a post", request{method: "POST", target: "/threat/chat-drain/accept", host: "attacker.example:5555", cookie: testToken, form: accept}, 421, "own address", false},
		{"foreign Origin on a post", request{method: "POST", target: "/threat/chat-drain/accept", cookie: testToken, form: accept, header: map[string]string{"Origin": "http://attacker.example"}}, 403, "another site", false},
		{"cross-site fetch metadata on a post", request{method: "POST", target: "/review", cookie: testToken, form: url.Values{"by": {"Mia"}}, header: map[string]string{"Sec-Fetch-Site": "cross-site"}}, 403, "another site", false},
		{"same-site (another port) post", request{method: "POST", target: "/review", cookie: testToken, form: url.Values{"by": {"Mia"}}, header: map[string]string{"Sec-Fetch-Site": "same-site"}}, 403, "another site", false},
		{"GET that tries to decide", request{method: "GET", target: "/threat/chat-drain/accept?by=Mia&why=x&revisit=2026-12-01", cookie: testToken}, 405, "", false},
		{"GET that tries to review", request{method: "GET", target: "/review?by=Mia", cookie: testToken}, 405, "", false},
		{"PUT", request{method: "PUT", target: "/threat/chat-drain/accept", cookie: testToken, form: accept}, 405, "", false},
		{"DELETE", request{method: "DELETE", target: "/threat/chat-drain/accept", cookie: testToken}, 405, "", false},
		{"values in the URL, not the body", request{method: "POST", target: "/threat/chat-drain/accept?by=Mia&why=x&revisit=2026-12-01", cookie: testToken, form: url.Values{}}, 422, "Nothing was recorded", false},
		{"a decision the page does not record", request{method: "POST", target: "/threat/chat-drain/owner", cookie: testToken, form: url.Values{"by": {"Mia"}}}, 422, "not a decision", false},
		{"unknown threat", request{method: "GET", target: "/threat/nope", cookie: testToken}, 404, "No threat", false},

		{"page with the cookie", request{method: "GET", target: "/", cookie: testToken}, 200, "chat-drain", false},
		{"localhost", request{method: "GET", target: "/", host: "localhost:5555", cookie: testToken}, 200, "chat-drain", false},
		{"LOCALHOST", request{method: "GET", target: "/", host: "LOCALHOST:5555", cookie: testToken}, 200, "chat-drain", false},
		{"[::1]", request{method: "GET", target: "/", host: "[::1]:5555", cookie: testToken}, 200, "chat-drain", false},
		{"stylesheet", request{method: "GET", target: "/style.css", cookie: testToken}, 200, "font", false},
		{"stylesheet without the token", request{method: "GET", target: "/style.css"}, 403, "needs its token", false},
		{"same-origin post", request{method: "POST", target: "/threat/chat-drain/accept", cookie: testToken, form: accept, header: map[string]string{"Origin": "http://127.0.0.1:5555", "Sec-Fetch-Site": "same-origin"}}, 303, "", true},
		{"post from a tool (no Origin)", request{method: "POST", target: "/review", cookie: testToken, form: url.Values{"by": {"Mia"}}}, 303, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, false, "")
			w := f.do(tt.req)
			if w.Code != tt.code {
				t.Errorf("status %d, want %d; body:\n%s", w.Code, tt.code, w.Body)
			}
			if !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("body does not say %q:\n%s", tt.body, w.Body)
			}
			if got := len(f.recorded) > 0; got != tt.recorded {
				t.Errorf("recorded %v, want %v", f.recorded, tt.recorded)
			}
			for k, v := range securityHeaders {
				if got := w.Header().Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if strings.Contains(w.Body.String(), testToken) || strings.Contains(w.Header().Get("Location"), testToken) {
				t.Errorf("the response shows the token")
			}
		})
	}
}

// TestSecurityHeaders pins the policy itself: no script at all, nothing
// from elsewhere, never framed.
func TestSecurityHeaders(t *testing.T) {
	csp := securityHeaders["Content-Security-Policy"]
	for _, want := range []string{"default-src 'self'", "script-src 'none'", "frame-ancestors 'none'", "form-action 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("CSP %q allows something unsafe", csp)
	}
	if securityHeaders["X-Content-Type-Options"] != "nosniff" || securityHeaders["Referrer-Policy"] != "no-referrer" {
		t.Errorf("headers: %v", securityHeaders)
	}
}

// TestTokenMovesToCookie: the URL's token becomes an HttpOnly,
// SameSite=Strict cookie and the browser is sent to the overview without
// it (never to a place the URL names); the cookie then opens the page.
func TestTokenMovesToCookie(t *testing.T) {
	f := newFixture(t, false, "")
	w := f.do(request{method: "GET", target: "/threat/chat-drain?token=" + testToken + "&next=//attacker.example"})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("status %d, want 303", w.Code)
	}
	if loc := w.Header().Get("Location"); loc != "/" {
		t.Errorf("Location %q, want the overview, without the token", loc)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies: %v", cookies)
	}
	c := cookies[0]
	if c.Name != "threatmap-5555" || c.Value != testToken || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("cookie %+v: want threatmap-5555, the token, HttpOnly, SameSite=Strict, Path=/", c)
	}
	if w := f.do(request{method: "GET", target: "/threat/chat-drain", cookie: c.Value}); w.Code != 200 {
		t.Errorf("with the cookie: status %d", w.Code)
	}
}

// TestExposedHosts: beyond loopback (--listen), an IP address or the
// --listen name is accepted with the port; a domain is still refused.
func TestExposedHosts(t *testing.T) {
	tests := []struct {
		host string
		code int
	}{
		{"192.0.2.7:5555", 200},
		{"[2001:db8::1]:5555", 200},
		{"review.internal:5555", 200},
		{"attacker.example:5555", 421},
		{"192.0.2.7:80", 421},
	}
	for _, tt := range tests {
		f := newFixture(t, true, "review.internal")
		if w := f.do(request{method: "GET", target: "/", host: tt.host, cookie: testToken}); w.Code != tt.code {
			t.Errorf("Host %s: status %d, want %d", tt.host, w.Code, tt.code)
		}
	}
}

func TestExposedAndWarning(t *testing.T) {
	tests := []struct {
		ip   net.IP
		warn bool
	}{
		{net.IPv4(127, 0, 0, 1), false},
		{net.IPv4(127, 0, 0, 2), false},
		{net.IPv6loopback, false},
		{net.IPv4zero, true},
		{net.IPv6unspecified, true},
		{net.IPv4(192, 0, 2, 7), true},
	}
	for _, tt := range tests {
		a := &net.TCPAddr{IP: tt.ip, Port: 8765}
		w := Warning(a)
		if (w != "") != tt.warn || Exposed(a) != tt.warn {
			t.Errorf("%s: Exposed %v, warning %q; want a warning: %v", a, Exposed(a), w, tt.warn)
		}
		if tt.warn && !strings.Contains(w, a.String()) {
			t.Errorf("warning %q does not name %s", w, a)
		}
	}
}

func TestCheckListen(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:0":    true,
		"localhost:8765": true,
		"[::1]:8765":     true,
		":8765":          true,
		"127.0.0.1":      false,
		"8765":           false,
		"127.0.0.1:":     false,
		"":               false,
	} {
		if err := CheckListen(addr); (err == nil) != ok {
			t.Errorf("CheckListen(%q) = %v, want ok: %v", addr, err, ok)
		}
	}
}

func TestNewToken(t *testing.T) {
	a, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewToken()
	// 32 bytes of base64: at least 128 bits, and two never match.
	if len(a) != 43 || a == b {
		t.Errorf("tokens %q and %q: want 43 characters each, different", a, b)
	}
	if _, err := New(Config{Token: "short", Addr: &net.TCPAddr{Port: 1}}); err == nil {
		t.Error("a short token was accepted")
	}
}

// TestFormErrors: a form missing a value, or one Record refuses, is shown
// again with the reason and what was typed, escaped; nothing is recorded.
func TestFormErrors(t *testing.T) {
	f := newFixture(t, false, "")
	w := f.do(request{method: "POST", target: "/threat/chat-drain/accept", cookie: testToken, form: url.Values{"by": {"Mia"}, "why": {""}, "revisit": {"2026-12-01"}}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "fill in why living with it is cheaper than fixing it.") {
		t.Errorf("missing why: status %d\n%s", w.Code, w.Body)
	}
	if !strings.Contains(w.Body.String(), `name="by" required value="Mia"`) {
		t.Errorf("the typed value is not kept:\n%s", w.Body)
	}
	f.fail = errors.New(`--revisit 2020-01-01 is not in the future <img src=x>`)
	w = f.do(request{method: "POST", target: "/threat/chat-drain/accept", cookie: testToken, form: url.Values{"by": {`"><b>Mia`}, "why": {"x"}, "revisit": {"2020-01-01"}}})
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(body, "is not in the future &lt;img src=x&gt;") {
		t.Errorf("refused: status %d\n%s", w.Code, body)
	}
	if strings.Contains(body, "<img") || strings.Contains(body, `"><b>Mia`) {
		t.Errorf("the page shows unescaped input:\n%s", body)
	}
	if len(f.recorded) != 0 {
		t.Errorf("recorded %v", f.recorded)
	}
}

// TestDecisionsReachRecord: each form's values arrive as the command's
// flags would, and the next page shows what was recorded, once.
func TestDecisionsReachRecord(t *testing.T) {
	tests := []struct {
		target string
		form   url.Values
		want   Decision
	}{
		{"/threat/chat-drain/accept", accept, Decision{Kind: Accept, Threat: "chat-drain", By: "Mia", Why: "Beta with ten users", Revisit: "2026-12-01"}},
		{"/threat/chat-drain/transfer", url.Values{"to": {"Stripe"}, "how": {"Checkout"}, "by": {"Sam"}}, Decision{Kind: Transfer, Threat: "chat-drain", To: "Stripe", How: "Checkout", By: "Sam"}},
		{"/threat/chat-drain/eliminate", url.Values{"why": {"route removed"}}, Decision{Kind: Eliminate, Threat: "chat-drain", Why: "route removed"}},
		{"/threat/chat-drain/control", url.Values{"text": {"Per-IP rate limit"}, "status": {"implemented"}, "evidence": {"api/a.py:3, api/b.py:4\napi/c.py"}}, Decision{Kind: Control, Threat: "chat-drain", Text: "Per-IP rate limit", Status: "implemented", Evidence: []string{"api/a.py:3", "api/b.py:4", "api/c.py"}}},
		{"/review", url.Values{"by": {"Mia"}}, Decision{Kind: Review, By: "Mia"}},
	}
	for _, tt := range tests {
		f := newFixture(t, false, "")
		w := f.do(request{method: "POST", target: tt.target, cookie: testToken, form: tt.form})
		if w.Code != http.StatusSeeOther || len(f.recorded) != 1 {
			t.Fatalf("%s: status %d, recorded %v\n%s", tt.target, w.Code, f.recorded, w.Body)
		}
		got := f.recorded[0]
		if got.Kind != tt.want.Kind || got.Threat != tt.want.Threat || got.By != tt.want.By || got.Why != tt.want.Why ||
			got.Revisit != tt.want.Revisit || got.To != tt.want.To || got.How != tt.want.How || got.Text != tt.want.Text ||
			got.Status != tt.want.Status || strings.Join(got.Evidence, "|") != strings.Join(tt.want.Evidence, "|") {
			t.Errorf("%s: recorded %+v, want %+v", tt.target, got, tt.want)
		}
		next := w.Header().Get("Location")
		page := f.do(request{method: "GET", target: next, cookie: testToken}).Body.String()
		if !strings.Contains(page, string(tt.want.Kind)+" recorded") {
			t.Errorf("%s: the next page does not say what was recorded", next)
		}
		if again := f.do(request{method: "GET", target: next, cookie: testToken}).Body.String(); strings.Contains(again, `id="flash"`) {
			t.Errorf("%s: the message is shown twice", next)
		}
	}
}

// TestModelTextEscaped: text from the model (the product's name, a
// statement) is text on the page, never markup or script.
func TestModelTextEscaped(t *testing.T) {
	f := newFixture(t, false, "")
	for _, target := range []string{"/", "/threat/chat-drain"} {
		body := f.do(request{method: "GET", target: target, cookie: testToken}).Body.String()
		if strings.Contains(body, "<script") || strings.Contains(body, "<b>chat") {
			t.Errorf("%s shows model text as markup:\n%s", target, body)
		}
		if !strings.Contains(body, "Tiny &lt;b&gt;chat&lt;/b&gt;") {
			t.Errorf("%s does not show the product's name as text", target)
		}
	}
}

// TestOnePage: the report's HTML page, with a policy that allows its one
// inline style block by hash and nothing else, behind the same token.
func TestOnePage(t *testing.T) {
	f := newFixture(t, false, "")
	if w := f.do(request{method: "GET", target: "/page"}); w.Code != http.StatusForbidden {
		t.Errorf("without the token: status %d", w.Code)
	}
	w := f.do(request{method: "GET", target: "/page", cookie: testToken})
	body := w.Body.Bytes()
	if w.Code != http.StatusOK || !bytes.Contains(body, []byte("<section id=\"what-you-cannot-afford-to-lose\">")) {
		t.Fatalf("status %d\n%s", w.Code, body)
	}
	style, ok := inlineStyle(body)
	if !ok {
		t.Fatal("the page has no style block")
	}
	sum := sha256.Sum256(style)
	csp := w.Header().Get("Content-Security-Policy")
	want := securityHeaders["Content-Security-Policy"] + "; style-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if csp != want {
		t.Errorf("CSP\n got %s\nwant %s", csp, want)
	}
	if bytes.Contains(body, []byte("<script")) {
		t.Errorf("the page has a script")
	}
}
