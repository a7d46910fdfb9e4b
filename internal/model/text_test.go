package model

import (
	"testing"
	"unicode/utf8"
)

func TestValidText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/api/chat", "/api/chat"},
		{"/café/menu", "/café/menu"},
		{"/caf\xe9/menu", `/caf\xe9/menu`},
		{"\xff\xfe", `\xff\xfe`},
		{"/a\xe2\x82", `/a\xe2\x82`}, // a cut-off rune
		{"\uFFFD is a real character", "\uFFFD is a real character"},
		{"", ""},
	}
	for _, tt := range tests {
		got := ValidText(tt.in)
		if got != tt.want {
			t.Errorf("ValidText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !utf8.ValidString(got) {
			t.Errorf("ValidText(%q) is not UTF-8", tt.in)
		}
		if again := ValidText(got); again != got {
			t.Errorf("ValidText is not idempotent on %q: %q", got, again)
		}
	}
}

func TestWithValidText(t *testing.T) {
	m := &Model{
		Product:  Product{Name: "caf\xe9"},
		Surfaces: []Surface{{ID: "s", Name: "GET /caf\xe9", Match: &SurfaceMatch{Method: "GET", Path: "/caf\xe9"}, Evidence: []Evidence{{File: "a\xff.py", Line: 3}}}},
		Threats:  []Threat{{ID: "t", Acceptance: &Acceptance{Why: "\xfe"}, Controls: []Control{{Text: "c\xfd"}}}},
	}
	c := m.WithValidText()
	for _, pair := range [][2]string{
		{c.Product.Name, `caf\xe9`},
		{c.Surfaces[0].Name, `GET /caf\xe9`},
		{c.Surfaces[0].Match.Path, `/caf\xe9`},
		{c.Surfaces[0].Evidence[0].File, `a\xff.py`},
		{c.Threats[0].Acceptance.Why, `\xfe`},
		{c.Threats[0].Controls[0].Text, `c\xfd`},
	} {
		if pair[0] != pair[1] {
			t.Errorf("got %q, want %q", pair[0], pair[1])
		}
	}
	if m.Surfaces[0].Match.Path != "/caf\xe9" || m.Threats[0].Controls[0].Text != "c\xfd" || m.Product.Name != "caf\xe9" {
		t.Error("WithValidText changed the original model")
	}
	if c.Surfaces[0].Evidence[0].Line != 3 {
		t.Error("evidence line lost")
	}
	// What a scan finds (raw bytes) matches what the file holds (escaped).
	if !c.Surfaces[0].Match.Covers(m.Surfaces[0].Match) || (&Model{Surfaces: c.Surfaces}).FindSurface(&m.Surfaces[0]) != 0 {
		t.Error("the stored surface does not cover the scanned one")
	}
}
