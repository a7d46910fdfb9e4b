package escape

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/threatmap/threatmap/internal/redact"
	"github.com/threatmap/threatmap/internal/redact/redacttest"
)

func TestTerminal(t *testing.T) {
	key := redacttest.StripeKey
	tests := []struct{ name, in, want string }{
		{"ordinary", "app/main.py:12: POST /api/chat", "app/main.py:12: POST /api/chat"},
		{"backslash alone is kept", `C:\repo\app.py`, `C:\repo\app.py`},
		{"newline forging a command", "x\n::error file=x::FORGED", `x\n::error file=x::FORGED`},
		{"command at the start", "::error file=x::FORGED", `\x3a:error file=x::FORGED`},
		{"command after spaces", "  ::warning::x", `  \x3a:warning::x`},
		{"colons later are kept", "a::b", "a::b"},
		{"escape and bell", "name\x1b[31mred\a", `name\x1b[31mred\a`},
		{"carriage return", "ok\rFORGED", `ok\rFORGED`},
		{"tab", "a\tb", `a\tb`},
		{"C1 control", "a\u009bb", `a\u009bb`},
		{"bidi override", "a\u202eb", `a\u202eb`},
		{"zero width", "a\u200bb", `a\u200bb`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"invalid utf-8", "a\xffb", `a\xffb`},
		{"backslash doubled beside an escape", "a\\n\nb", `a\\n\nb`},
		{"unicode kept", "ключ 日本語 🔑", "ключ 日本語 🔑"},
		{"secret masked", "/hooks/" + key, "/hooks/" + redact.Secret(key)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terminal(tt.in); got != tt.want {
				t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"threatmap sync\n::error::x\n  - id: a\x1b[2J", "threatmap sync\n\\x3a:error::x\n  - id: a\\x1b[2J"},
		// a line's indenting tabs are layout, as its line break is; a tab
		// inside the line and a command behind the indent are still escaped
		{"bad date\n\thint: pick\tone", "bad date\n\thint: pick\\tone"},
		{"x\n\t::error::y", "x\n\t\\x3a:error::y"},
	} {
		if got := Lines(c.in); got != c.want {
			t.Errorf("Lines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDocument(t *testing.T) {
	in := "<p>\tGET /esc\x1b[31mred\a \u202e</p>\n"
	want := "<p>\tGET /esc\\x1b[31mred\\a \\u202e</p>\n"
	if got := Document(in); got != want {
		t.Errorf("Document(%q) = %q, want %q", in, got, want)
	}
	if s := "<p>\tplain</p>\n"; Document(s) != s {
		t.Errorf("Document changed %q", s)
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ordinary", "Upload documents and ask questions about them (React, FastAPI, Stripe, S3, OpenAI).", "Upload documents and ask questions about them (React, FastAPI, Stripe, S3, OpenAI)."},
		{"intra-word underscore", "WHERE doc.owner_id = authenticated_user_id", "WHERE doc.owner_id = authenticated_user_id"},
		{"route", "GET /api/documents/:id", "GET /api/documents/:id"},
		{"image, link, mention and reference", "![x](http://evil/x.png) @admin #1 [link](http://e)",
			`!\[x\](http:&#8203;//evil/x.png) @&#8203;admin #&#8203;1 \[link\](http:&#8203;//e)`},
		{"html", "<img src=x onerror=alert(1)>", `\<img src=x onerror=alert(1)\>`},
		{"autolink in brackets", "<https://evil>", `\<https:&#8203;//evil\>`},
		{"bare www", "see www.evil.com", "see www&#8203;.evil.com"},
		{"email", "mail root@evil.com", "mail root@&#8203;evil.com"},
		{"emphasis", "*bold* _it_ ~~gone~~", `\*bold\* \_it\_ \~\~gone\~\~`},
		{"code", "`rm -rf`", "\\`rm -rf\\`"},
		{"pipe", "a | b", `a \| b`},
		{"backslash cannot unescape", `\[x](http://e)`, `\\\[x\](http:&#8203;//e)`},
		{"heading at start", "# Owned", `\# Owned`},
		{"quote at start", "> quoted", `\> quoted`},
		{"list at start", "- item", `\- item`},
		{"ordered list at start", "12. item", `12\. item`},
		{"entity", "&#64;admin &amp; Q&A", `\&#64;admin \&amp; Q&A`},
		{"C sharp is no reference", "C# and a#b", "C# and a#b"},
		{"line breaks", "one\ntwo\r\nthree", "one two three"},
		{"control", "red\x1b[31m", `red\\x1b\[31m`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Markdown(tt.in); got != tt.want {
				t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"route", "GET /users/<id>", "`GET /users/<id>`"},
		{"backticks", "a`b", "``a`b``"},
		{"leading backtick", "`a", "`` `a ``"},
		{"pipe", "a|b", "`a|b`"},
		{"line break", "a\nb", "`a b`"},
		{"control", "a\x07", "`a\\a`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Code(tt.in); got != tt.want {
				t.Errorf("Code(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCodeCell(t *testing.T) {
	if got, want := CodeCell("a|b"), "`a\\|b`"; got != want {
		t.Errorf("CodeCell = %q, want %q", got, want)
	}
}

func FuzzTerminal(f *testing.F) {
	for _, s := range []string{"", "x\n::error::y", "\x1b[31m\a", "::x", "a\u202eb\xff", `\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, got := range []string{Terminal(s), Lines(s)} {
			for _, line := range strings.Split(got, "\n") {
				if strings.HasPrefix(strings.TrimLeft(line, " "), "::") {
					t.Fatalf("%q prints a line starting a workflow command: %q", s, line)
				}
				if needsEscape(line) {
					t.Fatalf("%q prints an unescaped control character: %q", s, line)
				}
			}
		}
		if got := Terminal(s); strings.Contains(got, "\n") {
			t.Fatalf("Terminal(%q) = %q breaks the line", s, got)
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"", "![x](http://evil/x.png) @admin #1 [link](http://e)", "<b>", "`x`", "1. a", "&#64;x", "www.x", "wwww.x", "a_b_", "\\[x]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Markdown(s)
		if strings.ContainsAny(got, "\n\r") || needsEscape(got) {
			t.Fatalf("Markdown(%q) = %q holds a control character", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Markdown(%q) = %q is not valid UTF-8", s, got)
		}
		// Every markup byte is preceded by an odd run of backslashes.
		for i := 0; i < len(got); i++ {
			if !strings.ContainsRune("[]<>`*~|", rune(got[i])) {
				continue
			}
			n := 0
			for j := i - 1; j >= 0 && got[j] == '\\'; j-- {
				n++
			}
			if n%2 == 0 {
				t.Fatalf("Markdown(%q) = %q leaves %q live at %d", s, got, got[i], i)
			}
		}
		if strings.Contains(got, "://") {
			t.Fatalf("Markdown(%q) = %q leaves a URL to autolink", s, got)
		}
		// GitHub links www. where a word starts.
		lower := strings.ToLower(got)
		for i := range lower {
			if strings.HasPrefix(lower[i:], "www.") && (i == 0 || !isWordByte(lower[i-1])) {
				t.Fatalf("Markdown(%q) = %q leaves www. to autolink", s, got)
			}
		}
	})
}
