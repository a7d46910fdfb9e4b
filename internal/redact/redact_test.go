package redact

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSecret(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "…"},
		{"one char", "x", "…"},
		{"seven chars", "abcdefg", "…"},
		{"eight chars", "abcdefgh", "a…h"},
		{"eleven chars", "abcdefghijk", "a…k"},
		{"twelve chars", "abcdefghijkl", "ab…l"},
		{"fifteen chars", "abcdefghijklmno", "ab…o"},
		{"sixteen chars", "abcdefghijklmnop", "ab…op"},
		{"openai-like", "sk-proj-4fR7tQ2mZ8wL1nB6x9Qa", "sk…Qa"},
		{"unicode kept whole", "ключ-секрет-значение", "кл…ие"},
		{"emoji", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", "🔑🔑…🔑"},
		{"short unicode", "日本語の秘密です", "日…す"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Secret(tt.in)
			if got != tt.want {
				t.Errorf("Secret(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Secret(%q) = %q is not valid UTF-8", tt.in, got)
			}
		})
	}
}

func TestLine(t *testing.T) {
	tests := []struct {
		name, line, secret, want string
	}{
		{"env line", "OPENAI_API_KEY=sk-proj-4fR7tQ2mZ8wL1nB6x9Qa", "sk-proj-4fR7tQ2mZ8wL1nB6x9Qa", "OPENAI_API_KEY=sk…Qa"},
		{"twice", `a="k3yV4lu3Xz09" b="k3yV4lu3Xz09"`, "k3yV4lu3Xz09", `a="k3…9" b="k3…9"`},
		{"absent", "nothing here", "k3yV4lu3Xz09", "nothing here"},
		{"empty secret", "line", "", "line"},
		{"short secret", "pw=dev", "dev", "pw=…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line(tt.line, tt.secret); got != tt.want {
				t.Errorf("Line(%q, %q) = %q, want %q", tt.line, tt.secret, got, tt.want)
			}
		})
	}
}

// kept counts the characters of s that Secret shows.
func kept(masked string) int {
	return utf8.RuneCountInString(masked) - utf8.RuneCountInString(Ellipsis)
}

func FuzzSecret(f *testing.F) {
	for _, s := range []string{"", "abcdefgh", "sk-proj-4fR7tQ2mZ8wL1nB6x9Qa", "ключ-секрет", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", "aaaaaaaaaaaaaaaaaaaa"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Secret(s)
		n := utf8.RuneCountInString(s)
		if k := kept(got); k > maxKept || k > n/4 {
			t.Fatalf("Secret(%q) = %q keeps %d of %d characters", s, got, k, n)
		}
		if n >= 8 && strings.Contains(got, s) {
			t.Fatalf("Secret(%q) = %q contains the whole input", s, got)
		}
		if line := Line("k="+s, s); n >= 8 && strings.Contains(line, s) {
			t.Fatalf("Line leaked %q in %q", s, line)
		}
	})
}
