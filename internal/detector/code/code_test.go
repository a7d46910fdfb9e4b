package code

import (
	"reflect"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
)

func TestStrip(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		src  string
		keep []string
		drop []string
	}{
		{"python comment", Python, "import os  # import openai\nx = 'a # b'\n", []string{"import os", "'a # b'"}, []string{"openai"}},
		{"python docstring", Python, "def f():\n    \"\"\"Example:\n    import stripe\n    \"\"\"\n    return 1\n", []string{"return 1"}, []string{"stripe"}},
		{"js comments", JS, "// import x from 'openai'\n/* require('stripe') */\nconst u = 'http://a.b'\n", []string{"'http://a.b'"}, []string{"openai", "stripe"}},
		{"js template", JS, "const s = `a // b\n${x}`\n", []string{"a // b"}, nil},
		{"go", Go, "import (\n\t// \"github.com/openai/openai-go\"\n\t\"fmt\"\n)\n", []string{"\"fmt\""}, []string{"openai"}},
		{"unterminated string", JS, "const a = 'oops\nimport x from 'openai'\n", []string{"openai"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Strip(tt.lang, []byte(tt.src)))
			if len(got) != len(tt.src) || strings.Count(got, "\n") != strings.Count(tt.src, "\n") {
				t.Fatalf("Strip changed offsets: %q", got)
			}
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("lost %q: %q", k, got)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(got, d) {
					t.Errorf("kept %q: %q", d, got)
				}
			}
		})
	}
}

func TestImports(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		src  string
		want []string
	}{
		{"python", Python, "import os, openai as oa\nfrom google.cloud import storage, bigquery\nfrom . import models\nfrom .db import x\n    import boto3\n",
			[]string{"os", "openai", "google.cloud", "google.cloud.storage", "google.cloud.bigquery", "boto3"}},
		{"python paren", Python, "from stripe import (\n  Charge,\n)\n", []string{"stripe"}},
		{"js", JS, "import OpenAI from 'openai'\nimport {\n  S3Client,\n} from \"@aws-sdk/client-s3\";\nimport './styles.css'\nconst Stripe = require('stripe')\nconst m = await import('resend')\nexport { x } from './x'\nArray.from('abc')\n",
			[]string{"openai", "@aws-sdk/client-s3", "./x", "./styles.css", "stripe", "resend"}},
		{"go", Go, "package x\nimport \"fmt\"\nimport (\n\topenai \"github.com/sashabaranov/go-openai\"\n\t_ \"github.com/lib/pq\"\n)\n",
			[]string{"fmt", "github.com/sashabaranov/go-openai", "github.com/lib/pq"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, im := range Imports(tt.lang, Strip(tt.lang, []byte(tt.src))) {
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
		lang Lang
		src  string
		want []string
	}{
		{"boto3 s3", Python, "import boto3\ns3 = boto3.client('s3')\nses = boto3.client(\"ses\")\n", []string{"aws", "aws-s3", "aws-ses"}},
		{"call without sdk", Python, "s3 = client('s3')\n", nil},
		{"host", Python, "import httpx\nhttpx.post('https://api.openai.com/v1/chat/completions')\n", []string{"openai"}},
		{"host lookalike", JS, "fetch('https://notapi.openai.com.evil.example/x')\n", nil},
		{"substring package", JS, "import x from 'not-openai-helper'\n", nil},
		{"commented", JS, "// import OpenAI from 'openai'\n", nil},
		{"go stripe", Go, "import \"github.com/stripe/stripe-go/v76/webhook\"\n", []string{"stripe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, u := range Uses(tt.lang, Strip(tt.lang, []byte(tt.src))) {
				got = append(got, u.Service.ID)
			}
			if !sameSet(got, tt.want) {
				t.Errorf("Uses = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestIsTest(t *testing.T) {
	for p, want := range map[string]bool{
		"tests/test_app.py": true, "app/test_utils.py": true, "src/app.test.ts": true, "pkg/x_test.go": true,
		"src/__tests__/a.js": true, "app/main.py": false, "src/contest.py": false, "src/latest.ts": false,
	} {
		if got := IsTest(p); got != want {
			t.Errorf("IsTest(%s) = %v, want %v", p, got, want)
		}
	}
}

func FuzzStrip(f *testing.F) {
	f.Add([]byte("import os # c\n'''doc'''\n\"x\\\"y\""), 1)
	f.Add([]byte("/* a */ `b ${c}` 'd\n// e"), 2)
	f.Add([]byte("import (\n\"fmt\"\n)\n/*"), 3)
	f.Fuzz(func(t *testing.T, src []byte, lang int) {
		l := Lang(lang & 3)
		out := Strip(l, src)
		if len(out) != len(src) {
			t.Fatalf("length changed")
		}
		Imports(l, out)
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
