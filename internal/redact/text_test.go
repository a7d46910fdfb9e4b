package redact

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/threatmap/threatmap/internal/redact/redacttest"
)

var (
	stripeKey = redacttest.StripeKey
	slackBot  = redacttest.SlackBot
	githubPAT = redacttest.GitHubPAT
	awsKeyID  = redacttest.AWSKeyID
	randomKey = redacttest.RandomKey
	basicAuth = redacttest.BasicAuth
	gitlabPTT = redacttest.GitLabPTT
	slackHook = redacttest.SlackHook
)

func TestTextMasksSecrets(t *testing.T) {
	tests := []struct {
		name, text, secret string
	}{
		{"stripe key in a webhook path", "/hooks/" + stripeKey, stripeKey},
		{"stripe key mid path", "POST /hooks/" + stripeKey + "/events", stripeKey},
		{"slack bot token", "/slack/" + slackBot, slackBot},
		{"github token in prose", "the token " + githubPAT + " was committed", githubPAT},
		{"aws key id", "AWS_ACCESS_KEY_ID=" + awsKeyID, awsKeyID},
		{"random key", "/callbacks/" + randomKey, randomKey},
		{"base64 credentials", "Authorization: Basic " + basicAuth, basicAuth},
		{"gitleaks rule only", "trigger with " + gitlabPTT, gitlabPTT},
		{"gitleaks slack webhook", "posts to " + slackHook, slackHook[len("https://hooks.slack.com/"):]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.text)
			if strings.Contains(got, tt.secret) {
				t.Fatalf("Text(%q) = %q still holds the secret", tt.text, got)
			}
			if !strings.Contains(got, Ellipsis) {
				t.Fatalf("Text(%q) = %q has no mask", tt.text, got)
			}
			if again := Text(got); again != got {
				t.Errorf("Text is not idempotent: %q, then %q", got, again)
			}
		})
	}
}

func TestTextKeepsPaths(t *testing.T) {
	if got, want := Text("POST /hooks/"+stripeKey+"/events"), "POST /hooks/"+Secret(stripeKey)+"/events"; got != want {
		t.Errorf("got %q, want %q: only the key is masked", got, want)
	}
}

// Ordinary text, of the kinds threatmap prints, is left alone.
func TestTextLeavesOrdinaryText(t *testing.T) {
	for _, s := range []string{
		"",
		"POST /api/v1/organizations/{orgId}/projects",
		"GET /api/documents/:id",
		"internal/detector/route/golang/testdata/gorilla/main.go",
		"TestExamplePagesGolden",
		"Base64EncodedSha256Digest",
		"handleStripeWebhookEvent",
		"XMLHttpRequestUploadProgress2",
		"internationalization",
		"x86_64-unknown-linux-gnu",
		"github.com/smacker/go-tree-sitter v0.0.0-20240827094217-dd81d9e9be82",
		"8e5e7e5ab8b370d6c329ec480221332ada57f0ab",                         // a commit
		"550e8400-e29b-41d4-a716-446655440000",                             // a UUID
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // a digest
		"20240827094217123456789",
		"sk_live_ and AKIA alone are prefixes, not keys",
		"npm_config_registry",
		"post-api-v1-webhooks-handler-for-payment-events2",
		"Enforce ownership at query time (WHERE doc.owner_id = authenticated_user_id)",
		"Validate MIME type and file signature server-side; Use opaque object keys (UUIDv4)",
		"ключ-секрет-значение-для-примера",
		"route-3fa9c12b01",
	} {
		if got := Text(s); got != s {
			t.Errorf("Text(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestTextInvalidUTF8(t *testing.T) {
	s := "\xff/hooks/" + stripeKey + "\xfe"
	got := Text(s)
	if strings.Contains(got, stripeKey) || !strings.HasPrefix(got, "\xff/hooks/") || !strings.HasSuffix(got, "\xfe") {
		t.Errorf("Text(%q) = %q", s, got)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "/hooks/" + stripeKey, slackBot + " " + githubPAT, "a\xffb", "ключ " + randomKey, slackHook, "plain words"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Text(%q) = %q is not valid UTF-8", s, got)
		}
		for _, sp := range find(s, true) {
			if secret := s[sp.start:sp.end]; utf8.RuneCountInString(secret) >= 8 && strings.Contains(got, secret) {
				t.Fatalf("Text(%q) = %q still holds %q", s, got, secret)
			}
		}
		if again := Text(got); again != got {
			t.Fatalf("Text is not idempotent on %q: %q, then %q", s, got, again)
		}
	})
}

func BenchmarkTextOrdinary(b *testing.B) {
	s := "POST /api/v1/organizations/{orgId}/projects handled in internal/api/projects.go"
	for b.Loop() {
		Text(s)
	}
}
