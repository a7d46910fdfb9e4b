package lang

import "testing"

// An API document is known by its content, not its name or folder.
func TestAPIDocument(t *testing.T) {
	for _, tc := range []struct {
		path, src string
		want      bool
	}{
		{"api-docs/api.yaml", "openapi: 3.0.0\ninfo:\n  title: x\npaths:\n  /ping:\n    get: {}\n", true},
		{"spec/v1.yml", "swagger: '2.0'\npaths: {}\n", true},
		{"public/openapi.json", `{"openapi": "3.1.0", "info": {"title": "x"}, "paths": {"/ping": {}}}`, true},
		// A component's schema alone, or a config that names a version
		// key under another, is no document.
		{"config/app.yaml", "server:\n  openapi: 3.0.0\npaths:\n  - /data\n", false},
		{"schemas/user.yaml", "openapi: 3.0.0\ncomponents:\n  schemas: {}\n", false},
		{"docs/api.md", "openapi: 3.0.0\npaths:\n", false},
		{"package.json", `{"name": "x", "scripts": {"openapi": "gen"}}`, false},
	} {
		if got := APIDocument(tc.path, []byte(tc.src)); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.path, got, tc.want)
		}
	}
}
