package detector

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/redact"
	"github.com/threatmap/threatmap/internal/redact/redacttest"
)

// Facts are redacted as they enter the sink, and their ids are made from
// the redacted text: a key in a route path is in no fact and no id.
func TestSinkRedactsFacts(t *testing.T) {
	key, bot := redacttest.StripeKey, redacttest.SlackBot
	s := NewSink()
	s.AddRoute(facts.Route{Method: "post", Path: "/hooks/" + key, File: "app/hooks.py", Line: 3, Handler: "hook_" + bot, Body: "return " + key})
	s.AddStore(facts.Store{Kind: "s3", Name: "bucket " + key, Evidence: []facts.Evidence{{File: "infra/" + bot + ".tf", Line: 1}}})
	s.AddInfrastructure(facts.Infrastructure{Kind: "compose-port", Detail: "service " + bot + " publishes 80"})
	s.AddExit(facts.Exit{Kind: "log", Detail: "logs " + key})
	s.Warn("app/"+key+".py", "cannot parse near "+bot)
	f := s.Result()

	out, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{key, bot} {
		if strings.Contains(string(out), secret) {
			t.Errorf("the facts hold %q:\n%s", secret, out)
		}
	}
	r := f.Surfaces[0]
	if want := "/hooks/" + redact.Secret(key); r.Path != want {
		t.Errorf("path = %q, want %q", r.Path, want)
	}
	if want := RouteID("POST", r.Path); r.ID != want {
		t.Errorf("id = %q, want %q, the id of the redacted path", r.ID, want)
	}
	if r.Body != "return "+key {
		t.Errorf("the handler's source, never printed, is the code's: %q", r.Body)
	}
}

// An ordinary route keeps its path and the id it always had.
func TestSinkKeepsOrdinaryRoutes(t *testing.T) {
	s := NewSink()
	s.AddRoute(facts.Route{Method: "GET", Path: "/api/documents/{id}", File: "app/main.py"})
	r := s.Result().Surfaces[0]
	if r.Path != "/api/documents/{id}" || r.ID != RouteID("GET", "/api/documents/{id}") {
		t.Errorf("got %q %q", r.Path, r.ID)
	}
}
