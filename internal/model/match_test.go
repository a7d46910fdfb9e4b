package model

import "testing"

func TestCovers(t *testing.T) {
	route := func(m, p string) *SurfaceMatch { return &SurfaceMatch{Method: m, Path: p} }
	tests := []struct {
		name string
		m, o *SurfaceMatch
		want bool
	}{
		{"same route", route("POST", "/api/chat"), route("POST", "/api/chat"), true},
		{"method case", route("post", "/api/chat"), route("POST", "/api/chat"), true},
		{"other method", route("GET", "/api/chat"), route("POST", "/api/chat"), false},
		{"path covers methods", route("", "/admin"), route("GET", "/admin"), true},
		{"path covers below", route("", "/admin"), route("DELETE", "/admin/users/{id}"), true},
		{"not a prefix of a word", route("", "/admin"), route("GET", "/administrators"), false},
		{"fact", &SurfaceMatch{Fact: "third-party:openai"}, &SurfaceMatch{Fact: "third-party:openai"}, true},
		{"other fact", &SurfaceMatch{Fact: "third-party:openai"}, &SurfaceMatch{Fact: "third-party:stripe"}, false},
		{"fact vs route", &SurfaceMatch{Fact: "x"}, route("GET", "/x"), false},
		// A secret's copies: a copy added or removed is the same value.
		{"secret copy added", &SurfaceMatch{Fact: "secrets:b/login.js"}, &SurfaceMatch{Fact: "secrets:a/admin.js,b/login.js"}, true},
		{"secret copy removed", &SurfaceMatch{Fact: "secrets:a/admin.js,b/login.js"}, &SurfaceMatch{Fact: "secrets:b/login.js"}, true},
		{"secrets of other files", &SurfaceMatch{Fact: "secrets:a/admin.js,b/login.js"}, &SurfaceMatch{Fact: "secrets:a/admin.jsx"}, false},
		{"secrets vs a group", &SurfaceMatch{Fact: "secrets:a.js"}, &SurfaceMatch{Fact: "group:secrets:a.js"}, false},
		{"nil", nil, route("GET", "/x"), false},
		{"empty", &SurfaceMatch{}, route("GET", "/x"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.m.Covers(tc.o); got != tc.want {
				t.Errorf("Covers = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFindSurfacePrefersExact(t *testing.T) {
	m := &Model{Surfaces: []Surface{
		{ID: "admin", Match: &SurfaceMatch{Path: "/admin"}},
		{ID: "admin-delete", Match: &SurfaceMatch{Method: "DELETE", Path: "/admin/users/{id}"}},
	}}
	s := &Surface{ID: "x", Match: &SurfaceMatch{Method: "DELETE", Path: "/admin/users/{id}"}}
	if got := m.FindSurface(s); got != 1 {
		t.Errorf("FindSurface = %d, want the exact match 1", got)
	}
	if got := m.FindSurface(&Surface{ID: "admin"}); got != 0 {
		t.Errorf("FindSurface by id = %d, want 0", got)
	}
}

func TestWaysIn(t *testing.T) {
	m := &Model{Surfaces: []Surface{
		{ID: "post-api-chat", Match: &SurfaceMatch{Fact: "route:POST /api/chat"}},
		{ID: "credit-drain-model-calls", Match: &SurfaceMatch{Fact: GroupFact + "credit-drain:model-calls"}},
		{ID: "hand-written"},
	}}
	if got := m.WaysIn(); got != 2 {
		t.Errorf("WaysIn() = %d, want 2 (the grouped threat's cause surface is no way in)", got)
	}
}
