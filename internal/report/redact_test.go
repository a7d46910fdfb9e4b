package report

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/redact/redacttest"
)

// A model that holds keys (written by hand, or by an older threatmap) is
// printed redacted in every format, and Build leaves the model as it was.
func TestEveryFormatRedacts(t *testing.T) {
	m := loadGolden(t)
	key, bot := redacttest.StripeKey, redacttest.SlackBot
	m.Product.Description = "billing hook at /hooks/" + key
	m.Surfaces[0].Name = "POST /hooks/" + key
	m.Threats[0].Statement = "the bot token " + bot + " is in the code"
	m.Assets[0].Evidence[0].File = "config/" + key + ".env"
	for _, f := range formats {
		t.Run(f.Name, func(t *testing.T) {
			got := string(render(t, f, Build(m, now, Options{Top: goldenTop})))
			for _, secret := range []string{key, bot} {
				if strings.Contains(got, secret) {
					t.Errorf("%s output holds %q", f.Name, secret)
				}
			}
		})
	}
	if m.Surfaces[0].Name != "POST /hooks/"+key {
		t.Errorf("Build changed the model: %q", m.Surfaces[0].Name)
	}
}
