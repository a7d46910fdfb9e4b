package code

import (
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

func TestComposedURLs(t *testing.T) {
	tests := []struct {
		name string
		l    lang.Lang
		src  string
		want []string
	}{
		{"go url.URL", lang.Go, "package x\nconst h = \"www.googleapis.com\"\nvar u = url.URL{Scheme: \"https\", Host: h, Path: \"/youtube/v3\"}\n", []string{"www.googleapis.com/youtube/v3"}},
		{"go JoinPath", lang.Go, "package x\nvar u, _ = url.JoinPath(\"https://discord.com\", \"api\")\n", []string{"https://discord.com/api"}},
		{"go Sprintf", lang.Go, "package x\nconst host = \"gitlab.com\"\nvar u = fmt.Sprintf(\"https://%s/api/v4\", host)\n", []string{"https://gitlab.com/api/v4"}},
		{"go concat", lang.Go, "package x\nconst base = \"https://readwise.io\"\nvar u = base + \"/api/v2\"\n", []string{"https://readwise.io/api/v2"}},
		{"python f-string", lang.Python, "HOST = \"github.com\"\nu = f\"https://{HOST}/login/oauth\"\n", []string{"https://github.com/login/oauth"}},
		{"python urljoin of a setting", lang.Python, "BASE = 'https://acme.zendesk.com'\nu = urljoin(settings.BASE, '/api/v2')\n", []string{"https://acme.zendesk.com/api/v2"}},
		{"js template", lang.JavaScript, "const B = \"https://discord.com\";\nfetch(`${B}/api/x`)\n", []string{"https://discord.com/api/x"}},
		{"js new URL", lang.JavaScript, "const B = 'https://slack.com'\nnew URL('/api/chat', B)\n", []string{"https://slack.com/api/chat"}},
		{"lookalike: unknown host name", lang.Python, "u = f\"https://{host}/api\"\n", nil},
		{"lookalike: an absolute path ignores the base", lang.JavaScript, "const B = 'https://slack.com'\nnew URL('https://example.org/api', B)\n", []string{"https://example.org/api"}},
		{"lookalike: no URL", lang.Go, "package x\nvar s = a + \"b\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range ComposedURLs(tt.l, []byte(tt.src)) {
				got = append(got, c.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInLogCall(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{`log.Printf("see https://x", a)`, true},
		{`logger.info("see %s", "https://x")`, true},
		{`self.log.warning("https://x")`, true},
		{`console.error("https://x")`, true},
		{`print("https://x")`, true},
		{`fmt.Errorf("https://x %d", c)`, true},
		{`slog.Info("call", "url", "https://x")`, true},
		{`requests.get("https://x")`, false},
		{`http.NewRequest("GET", "https://x", nil)`, false},
		{`catalog.info("https://x")`, false},
		{`log.Printf("%s", fetch("https://x"))`, false},
		{`x = "https://x"`, false},
	}
	for _, tt := range tests {
		off := len(tt.src) - len(`https://x`) - 1
		for i := range len(tt.src) {
			if tt.src[i:min(len(tt.src), i+9)] == "https://x" {
				off = i
			}
		}
		if got := InLogCall([]byte(tt.src), off); got != tt.want {
			t.Errorf("InLogCall(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
