package python

import (
	"context"
	"maps"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
	"github.com/threatmap/threatmap/internal/urlpath"
)

func TestRegexPath(t *testing.T) {
	tests := []struct {
		re, path string
		types    map[string]string
	}{
		{`^users/(?P<pk>\d+)/$`, "users/{pk}/", map[string]string{"pk": "int"}},
		{`^archive/(?P<year>[0-9]{4})/(?P<slug>[-\w]+)/$`, "archive/{year}/{slug}/", map[string]string{"year": "int", "slug": "string"}},
		{`^files/(?P<id>[0-9a-f-]+)\.json$`, "files/{id}.json", map[string]string{"id": "uuid"}},
		{`^page(?:/(?P<n>\d+))?/$`, "page/{n}/", map[string]string{"n": "int"}},
		{`^about/?$`, "about/", map[string]string{}},
		{`^broken/(?P<x`, "broken/(?P<x", map[string]string{}},
		{`^(?P<a>(x|y))/`, "{a}/", map[string]string{"a": "string"}},
	}
	for _, tt := range tests {
		t.Run(tt.re, func(t *testing.T) {
			p, types := urlpath.RegexPath(tt.re)
			if p != tt.path || !maps.Equal(types, tt.types) {
				t.Errorf("RegexPath(%q) = %q %v, want %q %v", tt.re, p, types, tt.path, tt.types)
			}
		})
	}
}

func TestModuleNames(t *testing.T) {
	tests := []struct{ file, dotted, pkg string }{
		{"app/routers/items.py", "app.routers.items", "app.routers"},
		{"app/routers/__init__.py", "app.routers", "app.routers"},
		{"manage.py", "manage", ""},
	}
	for _, tt := range tests {
		d, p := moduleName(tt.file)
		if d != tt.dotted || p != tt.pkg {
			t.Errorf("moduleName(%q) = %q, %q; want %q, %q", tt.file, d, p, tt.dotted, tt.pkg)
		}
	}
}

func TestRelativeImports(t *testing.T) {
	tests := []struct {
		pkg  string
		dots int
		rest string
		want string
	}{
		{"app.api.routes", 1, "", "app.api.routes"},
		{"app.api.routes", 1, "items", "app.api.routes.items"},
		{"app.api.routes", 2, "core", "app.api.core"},
		{"app", 3, "x", "x"},
	}
	for _, tt := range tests {
		if got := relative(tt.pkg, tt.dots, tt.rest); got != tt.want {
			t.Errorf("relative(%q, %d, %q) = %q, want %q", tt.pkg, tt.dots, tt.rest, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"app/main.py", true},
		{"blog/urls.py", true},
		{"app/test_main.py", false},
		{"app/main_test.py", false},
		{"tests/api/routes.py", false},
		{"conftest.py", false},
		{"blog/tests.py", false},
		{"app/main.js", false},
		{"contest/views.py", true},
	}
	d := New()
	for _, tt := range tests {
		if got := d.Match(tt.path); got != tt.want {
			t.Errorf("Match(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// FuzzRegexPath checks the Django regex reader never panics or loops.
func FuzzRegexPath(f *testing.F) {
	for _, s := range []string{`^users/(?P<pk>\d+)/$`, `(?P<`, `(?:(?:`, `\`, `(?P<a>(((`, `^a/(?P<b>[^/]+)/(?:c/)?$`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, re string) {
		urlpath.RegexPath(re)
	})
}

// FuzzDetect feeds arbitrary Python to the detector: a file that does not
// parse costs a warning, never a panic.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"from flask import Flask\napp = Flask(__name__)\n@app.route('/x', methods=['GET'])\ndef x(): pass\n",
		"from fastapi import APIRouter\nr = APIRouter(prefix=f'{P}/a')\n@r.get('/{id}')\ndef g(id: int): ...\n",
		"from django.urls import path, include\nurlpatterns = [path('a/', include('a.urls')), *router.urls]\n",
		"urlpatterns += [re_path(r'^(?P<x>\\d+)$', v)]\nclass V(APIView):\n    permission_classes = [IsAuthenticated]\n",
		"class V(ModelViewSet):\n    def get_permissions(self):\n        if self.action in ('list', 'retrieve'):\n            return [AllowAny()]\n        elif self.request.method != 'GET':\n            permission_classes = [IsAdminUser]\n        return super().get_permissions()\n",
		"class V(View):\n    def get_permissions(self):\n        if self.action == :\n            return [\n",
		"@app.route(\ndef (:\n",
		"x = x\ny = y.z\nurlpatterns = urlpatterns\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := New()
		out := detector.NewSink()
		ctx := context.Background()
		for _, p := range []string{"app/main.py", "app/urls.py"} {
			if err := d.Detect(ctx, &detector.File{Path: p, Data: []byte(src)}, out); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Finish(ctx, out); err != nil {
			t.Fatal(err)
		}
	})
}

// TestMakes pins which functions settings attributes are read through:
// one return of a call to something that may be a class.
func TestMakes(t *testing.T) {
	src := `from functools import lru_cache
from app.config import Settings
import yaml

class Local:
    prefix = "/l"

@lru_cache
def cached():
    return Settings()

def local():
    return Local()

def branches(x):
    if x:
        return Settings()
    return Local()

def loads():
    return yaml.safe_load(open("c.yml"))

def helper():
    return 1

def calls_helper():
    return helper()

def nested():
    def inner():
        return Local()
    return inner
`
	tree, err := syntax.Parse(context.Background(), lang.Python, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	m := extract(tree, "app/deps.py")
	for name, want := range map[string]string{"cached": "Settings", "local": "Local", "branches": "", "loads": "yaml.safe_load",
		"helper": "", "calls_helper": "", "nested": ""} {
		got := ""
		if f := m.funcs[name]; f == nil {
			t.Fatalf("%s not found", name)
		} else if f.makes != nil {
			got, _ = f.makes.dotted()
		}
		if got != want {
			t.Errorf("%s makes %q, want %q", name, got, want)
		}
	}
}
