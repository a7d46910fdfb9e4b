package code

import (
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

func TestGoLocalName(t *testing.T) {
	tests := []struct{ src, path, want string }{
		{"import (\n\tntf \"github.com/go-pkgz/notify\"\n)\n", "github.com/go-pkgz/notify", "ntf"},
		{"import ntf \"github.com/go-pkgz/notify\"\n", "github.com/go-pkgz/notify", "ntf"},
		{"import \"github.com/go-pkgz/notify\"\n", "github.com/go-pkgz/notify", "notify"},
		{"import (\n\t\"github.com/acme/go-mail/v2\"\n)\n", "github.com/acme/go-mail/v2", "mail"},
		{"import \"gopkg.in/telebot.v3\"\n", "gopkg.in/telebot.v3", "telebot"},
	}
	for _, tt := range tests {
		if got := goLocalName([]byte(tt.src), tt.path); got != tt.want {
			t.Errorf("goLocalName(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestExportUses: a catalogued export is used when it is called through
// the import that binds it; the same name declared by the app, only
// typed, or called on another object is not.
func TestExportUses(t *testing.T) {
	tests := []struct {
		name string
		l    lang.Lang
		src  string
		want []string // service ids
	}{
		{"go alias", lang.Go, "package a\n\nimport (\n\tntf \"github.com/go-pkgz/notify\"\n)\n\nvar s = ntf.NewSlack(tok)\n", []string{"slack"}},
		// the module imported gives only the channels whose constructors are called
		{"go one constructor", lang.Go, "package a\n\nimport \"github.com/go-pkgz/notify\"\n\nvar t = notify.NewTelegram(notify.TelegramParams{})\n", []string{"telegram"}},
		{"go other package", lang.Go, "package a\n\nimport (\n\tnotify \"example.com/own/notify\"\n)\n\nvar s = notify.NewSlack(tok)\n", nil},
		{"python module", lang.Python, "import anthropic as a\n\nc = a.AnthropicBedrock()\n", []string{"aws-bedrock"}},
		{"python from, aliased", lang.Python, "from anthropic import (\n    Anthropic,\n    AnthropicVertex as V,\n)\n\nc = V(region='x')\n", []string{"google-vertex"}},
		{"python type only", lang.Python, "import openai\n\ndef f() -> openai.AzureOpenAI:\n    pass\n", nil},
		{"python method of another", lang.Python, "import openai\n\nx = factory.AzureOpenAI()\n", nil},
		{"js named", lang.TypeScript, "import { AzureOpenAI } from \"openai\";\nconst c = new AzureOpenAI({});\n", []string{"azure-openai"}},
		{"js type only", lang.TypeScript, "import type { AzureOpenAI } from \"openai\";\nlet c: AzureOpenAI;\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var got []string
			for _, u := range exportUses(tt.l, src, Imports(tt.l, src)) {
				got = append(got, u.Service.ID)
			}
			if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
