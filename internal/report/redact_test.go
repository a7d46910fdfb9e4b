package report

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/redact"
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

// A threat's id is a slug of what it is about (a file path, a route): one
// that looks random (a key file's path) is printed whole, so it can be
// typed into threatmap accept, while a key in the text beside it, or
// inside an id, is still masked.
func TestIDsAreNotRedacted(t *testing.T) {
	m := loadGolden(t)
	id := "secrets-committed.secrets-config-keys-jwtrs256-key"
	if !strings.Contains(redact.Text(id), redact.Ellipsis) {
		t.Fatalf("the fixture's id no longer looks random: %q", id)
	}
	keyID := "secrets-committed.secrets-" + strings.ToLower(redacttest.StripeKey)
	m.Threats[0].ID = id
	m.Threats[0].Statement = "the key " + redacttest.RandomKey + " is in the code"
	m.Threats[1].ID = keyID
	for _, f := range formats {
		t.Run(f.Name, func(t *testing.T) {
			got := string(render(t, f, Build(m, now, Options{Top: goldenTop})))
			if !strings.Contains(got, id) {
				t.Errorf("%s output does not hold the id %q", f.Name, id)
			}
			for _, secret := range []string{redacttest.RandomKey, strings.ToLower(redacttest.StripeKey)} {
				if strings.Contains(got, secret) {
					t.Errorf("%s output holds %q", f.Name, secret)
				}
			}
		})
	}
}
