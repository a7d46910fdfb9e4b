package detector

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

func TestFileTreeParsesOncePerGrammar(t *testing.T) {
	ctx := context.Background()
	f := &File{Path: "a.js", Data: []byte("const a = 1;\n")}
	js, err := f.Tree(ctx, lang.JavaScript)
	if err != nil {
		t.Fatal(err)
	}
	again, err := f.Tree(ctx, lang.JavaScript)
	if err != nil {
		t.Fatal(err)
	}
	if again != js {
		t.Errorf("second Tree(JavaScript) parsed again")
	}
	ts, err := f.Tree(ctx, lang.TypeScript)
	if err != nil {
		t.Fatal(err)
	}
	if ts == js {
		t.Errorf("Tree(TypeScript) returned the JavaScript tree")
	}
	f.Release()
	after, err := f.Tree(ctx, lang.JavaScript)
	if err != nil {
		t.Fatal(err)
	}
	if after == js {
		t.Errorf("Tree after Release returned the freed tree")
	}
	if got := after.Text(after.Root()); got != "const a = 1;\n" {
		t.Errorf("reparsed root text = %q", got)
	}
	f.Release()
}
