package code

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"passwordHash":   {"password", "hash"},
		"password_hash":  {"password", "hash"},
		"PASSWORD_HASH":  {"password", "hash"},
		"JWTSecret":      {"jwt", "secret"},
		"api-key.v2":     {"api", "key", "v2"},
		"":               nil,
		"stripe  secret": {"stripe", "secret"},
	} {
		if got := Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %v, want %v", in, got, want)
		}
	}
	if Indent("\t  x") != 6 || Indent("x") != 0 {
		t.Error("Indent is wrong")
	}
}
