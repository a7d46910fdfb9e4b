package catalog

import (
	"strings"
	"testing"
)

// TestCatalogueLoads validates every entry of the embedded services.yaml.
func TestCatalogueLoads(t *testing.T) {
	c, err := parse(servicesYAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.services) < 40 {
		t.Errorf("only %d services", len(c.services))
	}
	for _, id := range []string{"openai", "anthropic", "google-gemini", "google-vertex", "cohere", "mistral", "replicate",
		"huggingface", "stripe", "paddle", "lemonsqueezy", "paypal", "aws-s3", "aws-ses", "aws-sqs", "aws-bedrock", "gcs",
		"azure-blob", "cloudflare-r2", "twilio", "sendgrid", "mailgun", "postmark", "resend", "smtp", "supabase",
		"firebase", "auth0", "clerk", "sentry", "datadog", "segment", "posthog", "slack", "discord"} {
		if ByID(id) == nil {
			t.Errorf("service %s missing", id)
		}
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "services:\n  - id: x\n    name: X\n    category: llm\n    asset: credentials\n    hosts: [a.b]\n    colour: red\n", "field colour not found"},
		{"bad category", "services:\n  - id: x\n    name: X\n    category: food\n    asset: credentials\n    hosts: [a.b]\n", "category"},
		{"bad asset", "services:\n  - id: x\n    name: X\n    category: llm\n    asset: money\n    hosts: [a.b]\n", "asset"},
		{"duplicate", "services:\n  - {id: x, name: X, category: llm, asset: credentials, hosts: [a.b]}\n  - {id: x, name: Y, category: llm, asset: credentials, hosts: [a.c]}\n", "duplicate id"},
		{"upper id", "services:\n  - {id: OpenAI, name: X, category: llm, asset: credentials, hosts: [a.b]}\n", "lower-case"},
		{"bad regexp", "services:\n  - {id: p, name: P, category: cloud, asset: credentials, hosts: [a.b]}\n  - {id: x, name: X, category: llm, asset: credentials, parent: p, calls: ['(']}\n", "calls"},
		{"calls without parent", "services:\n  - {id: x, name: X, category: llm, asset: credentials, calls: ['a']}\n", "set parent"},
		{"unknown parent", "services:\n  - {id: x, name: X, category: llm, asset: credentials, parent: nope, hosts: [a.b]}\n", "parent"},
		{"lower env", "services:\n  - {id: x, name: X, category: llm, asset: credentials, env: [api_key], hosts: [a.b]}\n", "upper-case"},
		{"bad ecosystem", "services:\n  - {id: x, name: X, category: llm, asset: credentials, packages: {cargo: [x]}}\n", "ecosystem"},
		{"package twice", "services:\n  - {id: x, name: X, category: llm, asset: credentials, packages: {npm: [a]}}\n  - {id: y, name: Y, category: llm, asset: credentials, packages: {npm: [a]}}\n", "already"},
		{"no hints", "services:\n  - {id: x, name: X, category: llm, asset: credentials}\n", "nothing in code"},
		{"driver without store", "services:\n  - {id: x, name: X, category: database, asset: user-data, driver: true, packages: {npm: [a]}}\n", "store kind"},
		{"export without module", "services:\n  - {id: x, name: X, category: llm, asset: credentials, exports: {python: [AnthropicVertex]}}\n", "module.Name"},
		{"export ecosystem", "services:\n  - {id: x, name: X, category: llm, asset: credentials, exports: {pypi: [a.B]}}\n", "exports: unknown ecosystem"},
		{"export twice", "services:\n  - {id: x, name: X, category: llm, asset: credentials, exports: {go: [a/b.New]}}\n  - {id: y, name: Y, category: llm, asset: credentials, exports: {go: [a/b.New]}}\n", "already"},
		{"url host", "services:\n  - {id: x, name: X, category: llm, asset: credentials, hosts: ['https://a.b']}\n", "bare host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestForPackage(t *testing.T) {
	tests := []struct {
		eco, name, want string
	}{
		{NPM, "openai", "openai"},
		{NPM, "openai/resources/chat", "openai"},
		{NPM, "@anthropic-ai/sdk", "anthropic"},
		{NPM, "@aws-sdk/client-s3", "aws-s3"},
		{NPM, "@sentry/nextjs", "sentry"},
		{NPM, "aws-sdk", "aws"},
		{NPM, "not-openai-helper", ""},
		{NPM, "@openai/other", ""},
		{PyPI, "OpenAI", "openai"},
		{PyPI, "sentry_sdk", "sentry"},
		{PyPI, "Google.GenerativeAI", "google-gemini"},
		{PyPI, "boto3", "aws"},
		{PyPI, "openai-helper", ""},
		{Go, "github.com/stripe/stripe-go/v76", "stripe"},
		{Go, "github.com/stripe/stripe-go/v81/checkout/session", "stripe"},
		{Go, "github.com/aws/aws-sdk-go-v2/service/s3", "aws-s3"},
		{Go, "github.com/aws/aws-sdk-go-v2/config", "aws"},
		{Go, "github.com/aws/aws-sdk-go-v2x", ""},
		{Go, "github.com/segmentio/kafka-go", "kafka"},
		{Go, "net/smtp", "smtp"},
		{"python", "google.generativeai.types", "google-gemini"},
		{"python", "google.cloud.storage", "gcs"},
		{"python", "google.cloud", ""},
		{"python", "sentry_sdk.integrations.fastapi", "sentry"},
		{"python", "openai_helper", ""},
		{"python", "stripe", "stripe"},
		{"cargo", "stripe", ""},
	}
	for _, tt := range tests {
		t.Run(tt.eco+" "+tt.name, func(t *testing.T) {
			got := ""
			if s := ForPackage(tt.eco, tt.name); s != nil {
				got = s.ID
			}
			if got != tt.want {
				t.Errorf("ForPackage(%s, %s) = %q, want %q", tt.eco, tt.name, got, tt.want)
			}
		})
	}
}

func TestForEnv(t *testing.T) {
	tests := map[string]string{
		"OPENAI_API_KEY":              "openai",
		"STRIPE_WEBHOOK_SECRET":       "stripe",
		"STRIPE_PRICE_PRO":            "stripe",
		"AWS_SECRET_ACCESS_KEY":       "aws",
		"AWS_S3_BUCKET":               "aws-s3",
		"S3_BUCKET":                   "aws-s3",
		"DATABASE_URL":                "",
		"STRIPE_":                     "",
		"PORT":                        "",
		"NEXT_PUBLIC_SUPABASE_URL":    "supabase",
		"VITE_STRIPE_PUBLISHABLE_KEY": "stripe",
		"REACT_APP_":                  "",
		// Scout APM's key; Laravel Scout (search) reads SCOUT_DRIVER.
		"SCOUT_KEY":    "scout-apm",
		"SCOUT_DRIVER": "",
		"SCOUT_PREFIX": "",
	}
	for name, want := range tests {
		got := ""
		if s := ForEnv(name); s != nil {
			got = s.ID
		}
		if got != want {
			t.Errorf("ForEnv(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestForScheme(t *testing.T) {
	for scheme, want := range map[string]string{"postgres": "postgres", "postgresql+asyncpg": "postgres", "mongodb+srv": "mongodb", "REDIS": "redis", "http": ""} {
		got := ""
		if s := ForScheme(scheme); s != nil {
			got = s.ID
		}
		if got != want {
			t.Errorf("ForScheme(%s) = %q, want %q", scheme, got, want)
		}
	}
}

func TestCallIn(t *testing.T) {
	s3 := ByID("aws-s3")
	for src, want := range map[string]bool{
		`s3 = boto3.client("s3", region_name=REGION)`: true,
		`s3 = session.resource('s3')`:                 true,
		`const s3 = new AWS.S3({})`:                   true,
		`ses = boto3.client("ses")`:                   false,
		`client("s3x")`:                               false,
	} {
		if got := s3.CallIn([]byte(src)) >= 0; got != want {
			t.Errorf("CallIn(%s) = %v, want %v", src, got, want)
		}
	}
}

func TestCredentialOf(t *testing.T) {
	tests := map[string]string{
		"OPENAI_API_KEY":             "openai",
		"OAUTH_OKTA_CLIENT_SECRET":   "okta",
		"OAUTH_GITHUB_CLIENT_SECRET": "github",
		"KEYCLOAK_CLIENT_SECRET":     "keycloak",
		"NEXT_PUBLIC_SUPABASE_URL":   "supabase",
		"STRIPE_SECRET_KEY":          "stripe",
		"GITHUB_APP_SECRET":          "github",
		"B2_SECRET_ACCESS_KEY":       "backblaze-b2",
		"DATASOURCE_SUPABASE_KEY":    "supabase",
		"AWS_CLOUDFRONT_KEY":         "aws-cloudfront",
		"CLOUDFRONT_SECRET":          "aws-cloudfront",
		// Lookalikes: a prefix alone, a setting, an unknown provider.
		"MAGIC_LINK_SECRET":        "",
		"OKTA_SCOPES":              "",
		"OAUTH_ACME_CLIENT_SECRET": "",
		"STRIPE_PRICE_ID":          "",
		"JWT_SECRET":               "",
		"MYAPP_APP_SECRET":         "",
		"B2_ACCESS_KEY_ID":         "",
		"MYAPP_SECRET_ACCESS_KEY":  "",
		"DATASOURCE_PASSWORD":      "",
		"MYAPP_CLOUDFRONT_KEY":     "",
		"AWS_CLOUDFRONT_DOMAIN":    "",
		"AWS_WIDGET_KEY":           "",
		"APP_KEY":                  "",
		"SESSION_SECRET":           "",
	}
	for name, want := range tests {
		got := ""
		if s := CredentialOf(name); s != nil {
			got = s.ID
		}
		if got != want {
			t.Errorf("CredentialOf(%s) = %q, want %q", name, got, want)
		}
	}
}

// TestAWSGoVersions holds every AWS service entry that names a Go package
// of the v2 SDK to the v1 SDK's package for the same service: apps still
// import github.com/aws/aws-sdk-go/service/sesv2, and the parent's module
// alone would fold it into "AWS".
func TestAWSGoVersions(t *testing.T) {
	const v1, v2 = "github.com/aws/aws-sdk-go/service/", "github.com/aws/aws-sdk-go-v2/service/"
	renamed := map[string]string{"transcribe": "transcribeservice"} // v2 renamed some services
	for _, s := range All() {
		for _, p := range s.Packages[Go] {
			name, ok := strings.CutPrefix(p, v2)
			if !ok {
				continue
			}
			if r, ok := renamed[name]; ok {
				name = r
			}
			if got := ForPackage(Go, v1+name); got != s {
				t.Errorf("%s lists %s but %s%s is %v", s.ID, p, v1, name, got)
			}
		}
	}
	if s := ForPackage(Go, v1+"sesv2"); s == nil || s.ID != "aws-ses" {
		t.Errorf("%ssesv2 = %v, want aws-ses", v1, s)
	}
}

// TestBucketService: a store kind is a vendor's bucket by the store its
// entry names, or by the id of a storage vendor that names none (a
// Dropbox disk); a database or a queue is none.
func TestBucketService(t *testing.T) {
	for kind, want := range map[string]string{"s3": "aws-s3", "oss-bucket": "alibaba-oss", "dropbox": "dropbox", "google-drive": "google-drive", "postgres": "", "sqs": "", "openai": ""} {
		got := ""
		if s := BucketService(kind); s != nil {
			got = s.ID
		}
		if got != want {
			t.Errorf("BucketService(%q) = %q, want %q", kind, got, want)
		}
	}
}
