package diff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/redact/redacttest"
)

// A pull request adds a compose service named to inject Markdown into the
// comment, and a route that holds a key: the comment shows both as text,
// and neither format prints the key.
func TestRenderHostileNames(t *testing.T) {
	key := redacttest.SlackBot
	svc := model.Surface{ID: "store-x", Kind: "store", Name: "![x](http://evil/x.png) @admin #1 [link](http://e)",
		Match: &model.SurfaceMatch{Fact: "store:postgres:x"}}
	hook := route("POST", "/hooks/"+key)
	head := &model.Model{Surfaces: []model.Surface{svc, hook}, Threats: []model.Threat{threatOn(hook, "webhook-forgery", "low", "high")}}
	r := withRevs(Compare(&model.Model{}, head, nil))

	var md, js bytes.Buffer
	if err := r.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := r.JSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, live := range []string{"![x](", "[link](", "http://", "@admin", "#1 ", key} {
		if strings.Contains(md.String(), live) {
			t.Errorf("the comment holds %q live:\n%s", live, md.String())
		}
	}
	if strings.Contains(js.String(), key) {
		t.Errorf("the JSON holds the key:\n%s", js.String())
	}
	if !strings.Contains(r.Surfaces.Added[1].Name, key) && !strings.Contains(r.Surfaces.Added[0].Name, key) {
		t.Error("rendering changed the result")
	}
}
