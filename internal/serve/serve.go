// Package serve is the local review page: the one page and its decisions
// in a browser, for people who would rather not edit YAML. It renders the
// page on the server (html/template, no script) and records decisions
// through a Record function the command line gives it, the same edit path
// the decision commands take, so the page never writes the model itself.
//
// The page is for this machine only. Every request must carry the token
// printed with its URL (then kept in an HttpOnly, SameSite=Strict cookie),
// name this server in its Host header (a DNS-rebinding page names its own
// domain) and, when it changes something, come from this page (no
// cross-site form post). Only POST changes anything.
package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/report"
)

// Kind is what a form records.
type Kind string

// The decisions the page records, named as the commands that record them.
const (
	Accept    Kind = "accept"
	Transfer  Kind = "transfer"
	Eliminate Kind = "eliminate"
	Control   Kind = "control"
	Review    Kind = "review"
)

// Decision is one form's values. Which fields a kind uses is the same as
// its command's flags: accept (By, Why, Revisit), transfer (To, How, By),
// eliminate (Why, By), control (Text, Status, Evidence), review (By).
type Decision struct {
	Kind     Kind
	Threat   string // the threat's id; empty for a review
	By       string
	Why      string
	Revisit  string // YYYY-MM-DD
	To       string
	How      string
	Text     string
	Status   string
	Evidence []string // file:line each
}

// Config is what a Server needs from the command that starts it.
type Config struct {
	// Token is the secret every request must carry (NewToken).
	Token string
	// Addr is the address the listener is bound to: its port is the only
	// one a Host header may name.
	Addr net.Addr
	// Exposed says the listener reaches beyond loopback (--listen): then
	// a Host that is an IP address is accepted too, and the host given to
	// --listen, ListenHost.
	Exposed    bool
	ListenHost string
	// Load builds the page from the model as it is on disk now.
	Load func() (*report.Page, error)
	// Record writes a decision and says what changed; an error is shown
	// on the page as it is, and nothing was written.
	Record func(Decision) (string, error)
}

// maxForm caps a form's body: a decision is a few lines of text.
const maxForm = 64 << 10

// Server is the review page's handler.
type Server struct {
	cfg    Config
	port   string
	cookie string
	mux    *http.ServeMux
	cross  *http.CrossOriginProtection

	// mu keeps one decision at a time from this page; the model's lock
	// file keeps it from running over a command's.
	mu sync.Mutex
	// flash is what the last decision changed, shown once on the next
	// page: the redirect after a post carries no message of its own.
	flash string
}

// New returns the review page's handler.
func New(cfg Config) (*Server, error) {
	if len(cfg.Token) < 22 {
		return nil, errors.New("serve: the token is too short")
	}
	_, port, err := net.SplitHostPort(cfg.Addr.String())
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s := &Server{
		cfg:  cfg,
		port: port,
		// Cookies are shared by every port of a host: a name per port
		// keeps two pages on one machine from taking each other's token.
		cookie: "threatmap-" + port,
		mux:    http.NewServeMux(),
		cross:  http.NewCrossOriginProtection(),
	}
	s.cross.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		refuse(w, http.StatusForbidden, "This request came from another site: threatmap records decisions only from its own page.")
	}))
	s.mux.HandleFunc("GET /{$}", s.overview)
	s.mux.HandleFunc("GET /threat/{id}", s.threat)
	s.mux.HandleFunc("POST /threat/{id}/{kind}", s.decide)
	s.mux.HandleFunc("POST /review", s.decide)
	s.mux.HandleFunc("GET /page", s.onePage)
	s.mux.HandleFunc("GET /style.css", serveStyle)
	return s, nil
}

// NewToken returns 256 random bits, URL-safe.
func NewToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// URL is the address to open: it carries the token once, and the page
// moves it into a cookie on the first visit.
func (s *Server) URL() string {
	host, _, _ := net.SplitHostPort(s.cfg.Addr.String())
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, s.port) + "/?token=" + s.cfg.Token
}

// securityHeaders are on every response, refusals included: no script,
// nothing from elsewhere, never in a frame, no URL (and so no token) in a
// Referer, nothing cached.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"X-Frame-Options":              "DENY",
	"Cache-Control":                "no-store",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	if !s.hostAllowed(r.Host) {
		refuse(w, http.StatusMisdirectedRequest, "This server answers only to its own address (the Host header names another): open the URL threatmap serve printed.")
		return
	}
	if !s.authorized(w, r) {
		return
	}
	s.cross.Handler(s.mux).ServeHTTP(w, r)
}

// authorized checks the token, from the cookie or (the first visit) the
// URL. A GET that brings it in the URL gets the cookie and is sent to the
// overview without it, so it leaves the address bar and the history (the
// printed URL is the overview's; a fixed target can lead nowhere else).
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	q := r.URL.Query()
	if t, ok := q["token"]; ok {
		if len(t) != 1 || !s.tokenOK(t[0]) {
			refuse(w, http.StatusForbidden, "The token in this URL is not this server's: open the URL threatmap serve printed.")
			return false
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return true
		}
		http.SetCookie(w, &http.Cookie{
			Name:     s.cookie,
			Value:    s.cfg.Token,
			Path:     "/",
			HttpOnly: true,
			SameSite: http.SameSiteStrictMode,
		})
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return false
	}
	if c, err := r.Cookie(s.cookie); err == nil && s.tokenOK(c.Value) {
		return true
	}
	refuse(w, http.StatusForbidden, "This page needs its token: open the URL threatmap serve printed (it carries the token once, then a cookie keeps it).")
	return false
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.Token)) == 1
}

// hostAllowed accepts the loopback names with this server's port. A page
// on another domain that resolves it to 127.0.0.1 (DNS rebinding) sends its
// own domain as Host, and is refused. Beyond loopback, an IP address with
// the port is accepted too (no name to rebind), and the --listen host.
func (s *Server) hostAllowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil || port != s.port {
		return false
	}
	host = strings.ToLower(host)
	switch host {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	if !s.cfg.Exposed {
		return false
	}
	return net.ParseIP(host) != nil || host == strings.ToLower(s.cfg.ListenHost)
}

// refuse answers a request the page will not serve, saying why.
func refuse(w http.ResponseWriter, code int, why string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprintln(w, why)
}

// DefaultListen is where the page listens unless --listen says otherwise:
// loopback, on a port the system picks.
const DefaultListen = "127.0.0.1:0"

// CheckListen refuses an address that is not HOST:PORT before anything
// is bound.
func CheckListen(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if port == "" {
		return errors.New("missing port")
	}
	return nil
}

// Exposed reports a bound address that other machines may reach: anything
// but loopback (0.0.0.0 and :: are every interface).
func Exposed(a net.Addr) bool {
	t, ok := a.(*net.TCPAddr)
	return !ok || !t.IP.IsLoopback()
}

// Warning is what the command prints when the page listens beyond
// loopback; "" when it does not.
func Warning(a net.Addr) string {
	if !Exposed(a) {
		return ""
	}
	return fmt.Sprintf("warning: listening on %s, beyond this machine: anyone who can reach it and learns the URL's token can read the threat model and record decisions, over plain HTTP (the token travels unencrypted). Use the default (127.0.0.1) unless you must, and stop it (Ctrl-C) when done.", a)
}
