package code

import (
	"reflect"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
)

func TestImports(t *testing.T) {
	tests := []struct {
		name string
		lang lang.Lang
		src  string
		want []string
	}{
		{"python", lang.Python, "import os, openai as oa\nfrom google.cloud import storage, bigquery\nfrom . import models\nfrom .db import x\n    import boto3\n",
			[]string{"os", "openai", "google.cloud", "google.cloud.storage", "google.cloud.bigquery", "boto3"}},
		{"python paren", lang.Python, "from stripe import (\n  Charge,\n)\n", []string{"stripe"}},
		{"js", lang.JavaScript, "import OpenAI from 'openai'\nimport {\n  S3Client,\n} from \"@aws-sdk/client-s3\";\nimport './styles.css'\nconst Stripe = require('stripe')\nconst m = await import('resend')\nexport { x } from './x'\nArray.from('abc')\n",
			[]string{"openai", "@aws-sdk/client-s3", "./x", "./styles.css", "stripe", "resend"}},
		{"go", lang.Go, "package x\nimport \"fmt\"\nimport (\n\topenai \"github.com/sashabaranov/go-openai\"\n\t_ \"github.com/lib/pq\"\n)\n",
			[]string{"fmt", "github.com/sashabaranov/go-openai", "github.com/lib/pq"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, im := range Imports(tt.lang, lang.StripComments(tt.lang, []byte(tt.src))) {
				got = append(got, im.Module)
			}
			if !sameSet(got, tt.want) {
				t.Errorf("Imports = %v, want %v", got, tt.want)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	n := map[string]bool{}
	for _, x := range b {
		n[x] = true
	}
	return reflect.DeepEqual(m, n)
}

func TestUses(t *testing.T) {
	tests := []struct {
		name string
		lang lang.Lang
		src  string
		want []string
	}{
		{"boto3 s3", lang.Python, "import boto3\ns3 = boto3.client('s3')\nses = boto3.client(\"ses\")\n", []string{"aws", "aws-s3", "aws-ses"}},
		{"call without sdk", lang.Python, "s3 = client('s3')\n", nil},
		{"host", lang.Python, "import httpx\nhttpx.post('https://api.openai.com/v1/chat/completions')\n", []string{"openai"}},
		{"host lookalike", lang.JavaScript, "fetch('https://notapi.openai.com.evil.example/x')\n", nil},
		{"substring package", lang.JavaScript, "import x from 'not-openai-helper'\n", nil},
		{"commented", lang.JavaScript, "// import OpenAI from 'openai'\n", nil},
		{"go stripe", lang.Go, "import \"github.com/stripe/stripe-go/v76/webhook\"\n", []string{"stripe"}},
		{"webhook header", lang.JavaScript, "const sig = req.headers['stripe-signature']\n", []string{"stripe"}},
		{"webhook header in prose", lang.JavaScript, "const help = 'send Stripe-Signature'\nconst v = req.headers['x-stripe-signature-version']\n", nil},
		{"webhook header read through a constant", lang.Go, "const sigHeader = \"Stripe-Signature\"\n", []string{"stripe"}},
		{"webhook header in a word list", lang.Go, "var words = []string{\"Stripe-Signature\", \"X-Slack-Signature\"}\nvar ws = [\"x-slack-signature\", \"b\"]\n", nil},
		{"an allow-list's wildcard sources", lang.PHP, "return ['iframe_sources' => env('ALLOWED_IFRAME_SOURCES', 'https://*.youtube.com https://*.youtube-nocookie.com')];\n", nil},
		{"an allow-list's sources, no wildcard", lang.PHP, "return ['frame_sources' => env('FRAME_SOURCES', 'https://youtube-nocookie.com https://player.vimeo.com')];\n", nil},
		{"lookalike: a call beside an allow-list", lang.JavaScript, "const allowed = 'https://*.vimeo.com https://*.youtube.com';\nawait fetch('https://api.openai.com/v1/models')\n", []string{"openai"}},
		{"a host and a slash searched for, no scheme", lang.Go, "var keywords = []string{\"public-read\", \"blob.core.windows.net/\"}\n", nil},
		{"lookalike: a host setting", lang.Python, "import requests\nAZURE_HOST = 'acct.blob.core.windows.net'\nrequests.put('https://' + AZURE_HOST + '/c/k', data=b)\n", []string{"azure-blob"}},
		{"lookalike: one embed URL", lang.PHP, "$src = 'https://www.youtube-nocookie.com/embed/' . $id;\n", []string{"youtube"}},
		{"a JSON Schema's URL in a constant", lang.Go, "const SchemaURL = \"https://raw.githubusercontent.com/acme/tool/main/schema/tool.schema.json\"\n\nfunc write(m Model) ([]byte, error) { return encode(m, SchemaURL) }\n", nil},
		{"a $schema key's value", lang.JavaScript, "const doc = { \"$schema\": \"https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-2.1.0.json\", runs: [] }\n", nil},
		{"lookalike: a manifest fetched from the same host", lang.Python, "import httpx\nasync def manifest(repo):\n    return await httpx.get(f\"https://raw.githubusercontent.com/{repo}/main/manifest.json\")\n", []string{"github"}},
		{"lookalike: a schema word in an API path", lang.JavaScript, "await fetch('https://api.github.com/repos/acme/schema/contents/a.json')\n", []string{"github"}},
		{"a table of profile links", lang.TypeScript, "export const profiles = {\n  instagram: {icon: Ig, baseUrl: 'https://instagram.com/'},\n  github: {icon: Gh, baseUrl: 'https://github.com/'},\n  telegram: {icon: Tg, baseUrl: 'https://t.me/'},\n  youtube: {icon: Yt, baseUrl: 'https://youtube.com/@'},\n  linkedin: {icon: Li, baseUrl: 'https://linkedin.com/company/'},\n};\n", nil},
		{"lookalike: a table of providers' API bases", lang.TypeScript, "export const providers = {\n  openai: {base: 'https://api.openai.com/v1/'},\n  anthropic: {base: 'https://api.anthropic.com/v1/'},\n  mistral: {base: 'https://api.mistral.ai/v1/'},\n  groq: {base: 'https://api.groq.com/openai/v1/'},\n};\n", []string{"openai", "anthropic", "mistral", "groq"}},
		{"lookalike: one profile address", lang.TypeScript, "const repo = 'https://github.com/';\nawait fetch(repo + name + '.json')\n", []string{"github"}},
		{"webhook header logged", lang.Python, "logger.warning('missing %s', 'Stripe-Signature')\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, u := range Uses(tt.lang, lang.StripComments(tt.lang, []byte(tt.src))) {
				got = append(got, u.Service.ID)
			}
			if !sameSet(got, tt.want) {
				t.Errorf("Uses = %v, want %v", got, tt.want)
			}
		})
	}
}

// FuzzReaders: the readers take any source in any language they read.
func FuzzReaders(f *testing.F) {
	f.Add([]byte("import os # c\n'''doc'''\n\"x\\\"y\""), 1)
	f.Add([]byte("/* a */ `b ${c}` 'd\n// e"), 2)
	f.Add([]byte("import (\n\"fmt\"\n)\n/*"), 3)
	f.Fuzz(func(t *testing.T, src []byte, n int) {
		l := []lang.Lang{lang.None, lang.Python, lang.JavaScript, lang.TypeScript, lang.Go}[uint(n)%5]
		out := lang.StripComments(l, src)
		Imports(l, out)
		StringSpans(l, out)
		Uses(l, out)
	})
}

// TestFileMemo holds Stripped and FileUses, computed once per file for
// every detector, to the readers they share.
func TestFileMemo(t *testing.T) {
	tests := []struct {
		path, src string
	}{
		{"app/llm.py", "import openai  # import stripe\nclient = openai.OpenAI()\nu = 'https://api.anthropic.com'\n"},
		{"src/pay.ts", "// import Stripe from 'stripe'\nimport Stripe from 'stripe'\nfetch('https://api.openai.com/v1')\n"},
		{"main.go", "package main\nimport \"github.com/stripe/stripe-go/v76\"\n"},
		{"README.md", "uses api.openai.com\n"},
		{"broken.py", "'''never closed\nimport openai\n"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f := &detector.File{Path: tt.path, Data: []byte(tt.src)}
			l := lang.Of(tt.path)
			stripped := lang.StripComments(l, f.Data)
			var uses []Use
			if Reads(l) {
				uses = Uses(l, stripped)
			}
			// Twice: the second call reads the memo.
			for range 2 {
				if got := Stripped(f); string(got) != string(stripped) {
					t.Errorf("Stripped = %q, want %q", got, stripped)
				}
				if got := FileUses(f); !reflect.DeepEqual(got, uses) {
					t.Errorf("FileUses = %v, want %v", got, uses)
				}
			}
		})
	}
}

func TestLinesMatchesLineAt(t *testing.T) {
	src := []byte("a\nbb\n\nccc\nd")
	// In order, backwards, repeated, and past the end.
	offsets := []int{0, 1, 2, 5, 6, 11, 3, 0, 7, 7, 40, 10, -1}
	l := NewLines(src)
	for _, off := range offsets {
		if got, want := l.At(off), LineAt(src, max(off, 0)); got != want {
			t.Errorf("At(%d) = %d, want %d", off, got, want)
		}
	}
}
