package code

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

// TestInCSP: a host a Content-Security-Policy lists is one the browser
// may load, no call; a host after the directive's list, or in a variable
// that merely has a directive-like name, is still read.
func TestInCSP(t *testing.T) {
	tests := []struct {
		name, src, host string
		want            bool
	}{
		{"header value", "const csp = `\n  script-src 'self' https://challenges.cloudflare.com;\n  style-src 'self' https://fonts.googleapis.com;\n`", "fonts.googleapis.com", true},
		{"helmet directive list", "app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: [\"'self'\", \"https://js.stripe.com\"] } } }))", "js.stripe.com", true},
		{"quoted directive list", "directives: { \"connect-src\": [\"'self'\", \"https://api.openai.com\"] }", "api.openai.com", true},
		{"django-csp tuple", "CSP_IMG_SRC = (\"'self'\", \"https://www.gravatar.com\")", "www.gravatar.com", true},
		{"lookalike: after the header's directives end", "const csp = \"script-src 'self'; \";\nawait fetch(\"https://api.openai.com/v1/chat\")", "api.openai.com", false},
		{"lookalike: after helmet's list", "const d = { scriptSrc: [\"'self'\"] };\nawait fetch(\"https://api.openai.com/v1/chat\")", "api.openai.com", false},
		{"lookalike: a variable named like a directive", "const scriptSrc = \"https://challenges.cloudflare.com/turnstile/v0/api.js\";\nloadScript(scriptSrc)", "challenges.cloudflare.com", false},
		{"lookalike: an img tag's src", "<img src=\"https://www.gravatar.com/avatar/x\" />", "www.gravatar.com", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := lang.StripComments(lang.TypeScript, []byte(tt.src))
			off := strings.Index(string(src), tt.host)
			if got := InCSP(src, off); got != tt.want {
				t.Errorf("InCSP = %v, want %v", got, tt.want)
			}
		})
	}
}
