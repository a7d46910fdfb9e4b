package python

import (
	"context"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

func TestPackedSource(t *testing.T) {
	src := []byte(strings.Repeat("def f(x):\n    return x\n", 50))
	p := pack(src, 10, len(src)-5)
	tests := []struct {
		s    span
		want string
	}{
		{span{10, 20}, string(src[10:20])},
		{span{100, 400}, string(src[100:400])},
		{span{10, uint32(len(src) - 5)}, string(src[10 : len(src)-5])},
		{span{0, 20}, ""},                // before what was packed
		{span{10, uint32(len(src))}, ""}, // after it
	}
	for _, tt := range tests {
		if got := p.text(tt.s); got != tt.want {
			t.Errorf("text(%v) = %q, want %q", tt.s, got, tt.want)
		}
	}
	if got := (*packedSource)(nil).text(span{0, 1}); got != "" {
		t.Errorf("nil text = %q", got)
	}
}

// TestTrim checks which bound calls keep their arguments: those that may
// build a routing object or list URL patterns.
func TestTrim(t *testing.T) {
	src := `
from fastapi import APIRouter as R
import helpers

class Local(R):
    pass

def make():
    return 1

settings = object()

a = R(prefix="/a")
b = helpers.router(prefix="/b")
c = Local(prefix="/c")
d = Local.build(prefix="/d")
e = make(prefix="/e")
f = settings.thing(prefix="/f")
g = session.execute(text("SELECT 1"), {"o": 1})
h = Blueprint("h", __name__, url_prefix="/h")
i = path("i/", view)
j = format_suffix_patterns([path("j/", view)])

class Settings:
    prefix = str("/x")
    permission_classes = make_perms(IsAuthenticated)
    patterns = path("k/", view)
    user = Depends(get_user)
`
	tree, err := syntax.Parse(context.Background(), lang.Python, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	m := extract(tree, "app/mod.py")
	keep := map[string]bool{"a": true, "b": true, "c": true, "d": false, "e": false, "f": false,
		"g": false, "h": true, "i": true, "j": true}
	for name, want := range keep {
		v := m.assigns[name]
		if v == nil {
			t.Fatalf("%s not bound", name)
		}
		if got := len(v.items)+len(v.kw) > 0; got != want {
			t.Errorf("%s keeps arguments = %v, want %v", name, got, want)
		}
		if v.callee() == "" {
			t.Errorf("%s lost its callee", name)
		}
	}
	attrs := m.classes["Settings"].attrs
	for name, want := range map[string]bool{"prefix": false, "permission_classes": true, "patterns": true, "user": true} {
		if got := len(attrs[name].items) > 0; got != want {
			t.Errorf("Settings.%s keeps arguments = %v, want %v", name, got, want)
		}
	}
	if got := attrs["permission_classes"].text; got != "make_perms(IsAuthenticated)" {
		t.Errorf("permission_classes text = %q", got)
	}
}
