package route

import (
	"context"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// Tree is f parsed as l for the route detector named name. A file with
// syntax errors still gives its tree (tree-sitter recovers, and the rest
// of the file's routes are worth having), with a warning that routes in
// the broken part may be missed.
func Tree(ctx context.Context, f *detector.File, l lang.Lang, name string, out *detector.Sink) (*syntax.Tree, error) {
	t, err := f.Tree(ctx, l)
	if err != nil {
		return nil, err
	}
	if t.Root().HasError() {
		out.Warn(f.Path, name+": syntax errors; routes in the broken part may be missed")
	}
	return t, nil
}
