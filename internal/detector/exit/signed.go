package exit

import (
	"context"
	"slices"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/signal"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// jsFuncs are the node types of a JavaScript or TypeScript function.
var jsFuncs = []string{"function_declaration", "function_expression", "function", "arrow_function", "method_definition", "generator_function_declaration"}

// signedOnly drops the JavaScript error responses a webhook handler
// gives only to the sender it verified: the response is in the catch of
// a try that follows, in the same function, a call that verifies the
// event's signature (constructEvent), so whoever reads the message
// signed the event. The verifier's own catch answers anyone.
func signedOnly(ctx context.Context, f *detector.File, exits []facts.Exit) []facts.Exit {
	l := lang.Of(f.Path)
	if l.Family() != lang.JavaScript || !slices.ContainsFunc(exits, func(e facts.Exit) bool { return e.Kind == KindErrorResponse }) ||
		!signal.VerifiesSignature(string(f.Data)) {
		return exits
	}
	t, err := f.Tree(ctx, l)
	if err != nil {
		return exits
	}
	out := exits[:0:0]
	for _, e := range exits {
		if e.Kind == KindErrorResponse && len(e.Evidence) > 0 && answersSigner(t, e.Evidence[0].Line) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// answersSigner reports whether line is in a catch clause whose try
// statement comes after a signature check in the function that holds it.
func answersSigner(t *syntax.Tree, line int) bool {
	var catch *sitter.Node
	syntax.Walk(t.Root(), func(n *sitter.Node) bool {
		if syntax.Line(n) > line || syntax.EndLine(n) < line {
			return false
		}
		if n.Type() == "catch_clause" {
			catch = n
		}
		return true
	})
	if catch == nil || catch.Parent() == nil || catch.Parent().Type() != "try_statement" {
		return false
	}
	try := catch.Parent()
	fn := try.Parent()
	for fn != nil && !slices.Contains(jsFuncs, fn.Type()) {
		fn = fn.Parent()
	}
	if fn == nil {
		return false
	}
	verified := false
	syntax.Walk(fn, func(n *sitter.Node) bool {
		if verified || n.StartByte() >= try.StartByte() {
			return false
		}
		if n != fn && slices.Contains(jsFuncs, n.Type()) {
			return false // a function defined here runs when it is called
		}
		if n.Type() == "call_expression" && n.EndByte() <= try.StartByte() && signal.VerifiesSignature(t.Text(n)) {
			verified = true
		}
		return true
	})
	return verified
}
