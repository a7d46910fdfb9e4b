package urlpath

import "testing"

func TestJoinAndNormalize(t *testing.T) {
	tests := []struct{ prefix, path, want string }{
		{"", "users", "/users"},
		{"/api/", "/users/", "/api/users"},
		{"/api", "", "/api"},
		{"/api", "/", "/api"},
		{"", "/", "/"},
		{"//v1//", "//x", "/v1/x"},
	}
	for _, tc := range tests {
		if got := Join(tc.prefix, tc.path); got != tc.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tc.prefix, tc.path, got, tc.want)
		}
	}
}

func TestBracesAndCanonical(t *testing.T) {
	tests := []struct {
		in, want string
		types    map[string]string
	}{
		{"/users/:id", "/users/{id}", map[string]string{}},
		{"/users/<int:id>", "/users/{id}", map[string]string{"id": "int"}},
		{"/users/<uuid:id>/", "/users/{id}", map[string]string{"id": "uuid"}},
		{"/users/{id:[0-9]+}", "/users/{id}", map[string]string{"id": "int"}},
		{"/files/*path", "/files/{path}", map[string]string{}},
		{"/a/:id(\\d+)", "/a/{id}", map[string]string{"id": "int"}},
	}
	for _, tc := range tests {
		got, types := Braces(tc.in)
		if Canonical(tc.in) != tc.want || Normalize(got) != tc.want {
			t.Errorf("Braces(%q) = %q, Canonical = %q, want %q", tc.in, got, Canonical(tc.in), tc.want)
		}
		for k, v := range tc.types {
			if types[k] != v {
				t.Errorf("Braces(%q) type of %s = %q, want %q", tc.in, k, types[k], v)
			}
		}
	}
}

func TestPathShape(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/users/{id}", "/users/{}"},
		{"/posts/{postId}/comments/{commentID}", "/posts/{}/comments/{}"},
		{"/static", "/static"},
		{"/", "/"},
	} {
		if got := Shape(tt.in); got != tt.want {
			t.Errorf("Shape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
