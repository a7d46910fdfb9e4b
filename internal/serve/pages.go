package serve

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/report"
)

//go:embed page.html.tmpl
var pageSource string

//go:embed style.css
var style []byte

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"evidence": func(es []model.Evidence) string {
		out := make([]string, len(es))
		for i, e := range es {
			out[i] = e.String()
		}
		return strings.Join(out, ", ")
	},
	"statuses": func() []model.ControlStatus { return model.ControlStatuses },
	// controlKey names a control in a form: its check id where it has one
	// (the text on the page is redacted, the id never is), else its text.
	"controlKey": func(c model.Control) string {
		if c.Check != "" {
			return c.Check
		}
		return c.Text
	},
	"join": strings.Join,
}).Parse(pageSource))

// view is what a page template reads.
type view struct {
	Page  *report.Page
	Row   *report.Row // the threat page's threat
	Flash string
	// Error is why the last form was not recorded; Form is what was
	// typed into it, so it can be fixed and sent again.
	Error string
	Form  Decision
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "overview", view{}, "")
}

func (s *Server) threat(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "threat", view{}, r.PathValue("id"))
}

// render loads the page as the model is now and writes the named template.
// id picks the threat page's threat.
func (s *Server) render(w http.ResponseWriter, code int, name string, v view, id string) {
	page, err := s.cfg.Load()
	if err != nil {
		refuse(w, http.StatusInternalServerError, "threatmap cannot read the model:\n"+err.Error())
		return
	}
	v.Page = page
	if name == "threat" {
		for i := range page.Rows {
			if page.Rows[i].Threat.ID == id {
				v.Row = &page.Rows[i]
			}
		}
		if v.Row == nil {
			refuse(w, http.StatusNotFound, fmt.Sprintf("No threat has id %q in the model.", id))
			return
		}
	}
	s.mu.Lock()
	v.Flash, s.flash = s.flash, ""
	s.mu.Unlock()
	var b strings.Builder
	if err := pages.ExecuteTemplate(&b, name, v); err != nil {
		refuse(w, http.StatusInternalServerError, "threatmap could not render the page: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	// html/template leaves control characters as they are: show them.
	fmt.Fprint(w, escape.Document(b.String()))
}

// decide records one form. Its values come from the body only, never the
// URL. A value missing or refused re-renders the form with the reason and
// what was typed; nothing is written.
func (s *Server) decide(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		refuse(w, http.StatusBadRequest, "The form could not be read: "+err.Error())
		return
	}
	f := r.PostForm
	d := Decision{
		Kind:     Kind(r.PathValue("kind")),
		Threat:   r.PathValue("id"),
		By:       f.Get("by"),
		Why:      f.Get("why"),
		Revisit:  f.Get("revisit"),
		To:       f.Get("to"),
		How:      f.Get("how"),
		Text:     f.Get("text"),
		Status:   f.Get("status"),
		Evidence: strings.FieldsFunc(f.Get("evidence"), func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }),
	}
	page, back := "threat", "/threat/"+d.Threat
	if r.URL.Path == "/review" {
		d.Kind, page, back = Review, "overview", "/"
	}
	err := missing(d)
	if err == "" {
		s.mu.Lock()
		msg, rerr := s.cfg.Record(d)
		if rerr == nil {
			s.flash = msg
		}
		s.mu.Unlock()
		if rerr == nil {
			http.Redirect(w, r, back, http.StatusSeeOther)
			return
		}
		err = rerr.Error()
	}
	s.render(w, http.StatusUnprocessableEntity, page, view{Error: err, Form: d}, d.Threat)
}

// missing names the required values a form left empty, as the page labels
// them; "" when none is.
func missing(d Decision) string {
	var need []string
	req := func(v, label string) {
		if strings.TrimSpace(v) == "" {
			need = append(need, label)
		}
	}
	switch d.Kind {
	case Accept:
		req(d.By, "who accepts the risk")
		req(d.Why, "why living with it is cheaper than fixing it")
		req(d.Revisit, "when to look again")
	case Transfer:
		req(d.To, "who carries the risk now")
		req(d.How, "how")
	case Eliminate:
		req(d.Why, "what was removed")
	case Control:
		req(d.Text, "the control")
		req(d.Status, "its status")
	case Review:
		req(d.By, "who reviewed the model")
	default:
		return fmt.Sprintf("%q is not a decision this page records (accept, transfer, eliminate, control, review)", d.Kind)
	}
	if len(need) == 0 {
		return ""
	}
	return "Nothing was recorded: fill in " + strings.Join(need, ", ") + "."
}

// onePage shows the one page as 'threatmap report --format html' renders
// it. Its stylesheet is inline, so this response's policy allows that one
// style block by its hash, and still no script.
func (s *Server) onePage(w http.ResponseWriter, r *http.Request) {
	page, err := s.cfg.Load()
	if err != nil {
		refuse(w, http.StatusInternalServerError, "threatmap cannot read the model:\n"+err.Error())
		return
	}
	var b bytes.Buffer
	if err := (report.HTML{}).Write(&b, page); err != nil {
		refuse(w, http.StatusInternalServerError, "threatmap could not render the page: "+err.Error())
		return
	}
	policy := securityHeaders["Content-Security-Policy"]
	if style, ok := inlineStyle(b.Bytes()); ok {
		sum := sha256.Sum256(style)
		policy += "; style-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	w.Header().Set("Content-Security-Policy", policy)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// inlineStyle is the text of the page's one <style> block, which the
// report's template writes with no model text in it.
func inlineStyle(page []byte) ([]byte, bool) {
	_, rest, ok := bytes.Cut(page, []byte("<style>"))
	if !ok {
		return nil, false
	}
	style, _, ok := bytes.Cut(rest, []byte("</style>"))
	return style, ok
}

func serveStyle(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Write(style)
}
