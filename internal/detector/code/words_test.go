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
	for in, want := range map[string]string{
		"expenses": "expense", "Expense": "expense", "licenses": "license", "courses": "course",
		"purchases": "purchase", "databases": "database", "premises": "premise", "houses": "house",
		"causes": "cause", "purposes": "purpose",
		// lookalikes: a singular in -s or -ss keeps its own key
		"addresses": "address", "Address": "address", "classes": "class", "statuses": "status",
		"aliases": "alias", "boxes": "box", "users": "user", "categories": "category",
	} {
		if got := ModelKey(in); got != want {
			t.Errorf("ModelKey(%q) = %q, want %q", in, got, want)
		}
	}
	if Indent("\t  x") != 6 || Indent("x") != 0 {
		t.Error("Indent is wrong")
	}
}
