package codeof

import (
	"reflect"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
)

func TestSameAsCode(t *testing.T) {
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
			lang := code.LangOf(tt.path)
			stripped := code.Strip(lang, f.Data)
			var uses []code.Use
			if lang != code.Other {
				uses = code.Uses(lang, stripped)
			}
			// Twice: the second call reads the memo.
			for range 2 {
				if got := Stripped(f); string(got) != string(stripped) {
					t.Errorf("Stripped = %q, want %q", got, stripped)
				}
				if got := Uses(f); !reflect.DeepEqual(got, uses) {
					t.Errorf("Uses = %v, want %v", got, uses)
				}
			}
		})
	}
}
