package iac

import (
	"encoding/json"
	"fmt"
	"math/big"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// block is one top-level Terraform block: a resource, data source,
// variable or locals block, kept with the file it came from.
type block struct {
	kind string // resource | data | variable | locals
	typ  string // aws_s3_bucket
	name string // assets
	body *hclsyntax.Body
	file string
	line int
}

// addr is the block's address inside its module: aws_s3_bucket.assets,
// data.aws_iam_policy_document.public.
func (b *block) addr() string {
	if b.kind == "data" {
		return "data." + b.typ + "." + b.name
	}
	return b.typ + "." + b.name
}

// module is the Terraform files of one folder: what Terraform itself
// treats as one module, and the only scope references resolve in.
type module struct {
	dir       string
	blocks    []*block
	byAddr    map[string]*block
	vars      map[string]hclsyntax.Expression // variable defaults
	locals    map[string]hclsyntax.Expression
	hasBroken bool // a file failed to parse: absence is not evidence
	// resolved caches var.x and local.x values: locals may refer to each
	// other many times over, and must cost one evaluation each. Finish
	// judges one module at a time, so no lock is needed.
	resolved map[string]cty.Value
}

func newModule(dir string) *module {
	return &module{dir: dir, byAddr: map[string]*block{}, vars: map[string]hclsyntax.Expression{}, locals: map[string]hclsyntax.Expression{}}
}

// parseTerraform reads one .tf file into its top-level blocks.
func parseTerraform(file string, data []byte) ([]*block, error) {
	f, diags := hclsyntax.ParseConfig(data, file, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("cannot parse Terraform: %s", firstError(diags))
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil, fmt.Errorf("cannot parse Terraform: unexpected body")
	}
	var out []*block
	for _, b := range body.Blocks {
		blk := &block{kind: b.Type, body: b.Body, file: file, line: b.TypeRange.Start.Line}
		switch b.Type {
		case "resource", "data":
			if len(b.Labels) != 2 {
				continue
			}
			blk.typ, blk.name = b.Labels[0], b.Labels[1]
		case "variable":
			if len(b.Labels) != 1 {
				continue
			}
			blk.name = b.Labels[0]
		case "locals":
		default:
			continue
		}
		out = append(out, blk)
	}
	return out, nil
}

func firstError(diags hcl.Diagnostics) string {
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			if d.Subject != nil {
				return fmt.Sprintf("line %d: %s", d.Subject.Start.Line, d.Summary)
			}
			return d.Summary
		}
	}
	return "syntax error"
}

func (m *module) add(blocks []*block) {
	for _, b := range blocks {
		switch b.kind {
		case "resource", "data":
			m.blocks = append(m.blocks, b)
			m.byAddr[b.addr()] = b
		case "variable":
			if a := b.body.Attributes["default"]; a != nil {
				m.vars[b.name] = a.Expr
			}
		case "locals":
			for name, a := range b.body.Attributes {
				m.locals[name] = a.Expr
			}
		}
	}
}

func moduleDir(file string) string { return path.Dir(file) }

// maxEvalDepth bounds local-to-local references, which may loop.
const maxEvalDepth = 16

// eval gives an expression's value using only what the module states
// literally: literals, variable defaults, locals, and the object shape
// inside jsonencode(). Anything else (resource attributes, data sources,
// function calls) is unknown, and unknown is never read as "public".
func (m *module) eval(expr hclsyntax.Expression) cty.Value {
	return m.evalDepth(expr, 0)
}

func (m *module) evalDepth(expr hclsyntax.Expression, depth int) cty.Value {
	if expr == nil || depth > maxEvalDepth {
		return cty.DynamicVal
	}
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return e.Val
	case *hclsyntax.ParenthesesExpr:
		return m.evalDepth(e.Expression, depth+1)
	case *hclsyntax.TemplateWrapExpr:
		return m.evalDepth(e.Wrapped, depth+1)
	case *hclsyntax.ObjectConsExpr:
		attrs := make(map[string]cty.Value, len(e.Items))
		for _, it := range e.Items {
			k, diags := it.KeyExpr.Value(nil)
			if diags.HasErrors() || !k.IsKnown() || k.IsNull() || k.Type() != cty.String {
				return cty.DynamicVal
			}
			attrs[k.AsString()] = m.evalDepth(it.ValueExpr, depth+1)
		}
		return cty.ObjectVal(attrs)
	case *hclsyntax.TupleConsExpr:
		if len(e.Exprs) == 0 {
			return cty.EmptyTupleVal
		}
		vals := make([]cty.Value, len(e.Exprs))
		for i, x := range e.Exprs {
			vals[i] = m.evalDepth(x, depth+1)
		}
		return cty.TupleVal(vals)
	case *hclsyntax.FunctionCallExpr:
		// jsonencode keeps its argument's shape: the policy reader walks
		// it directly, so one unknown ARN does not hide Principal "*".
		if e.Name == "jsonencode" && len(e.Args) == 1 {
			return m.evalDepth(e.Args[0], depth+1)
		}
		// concat keeps the elements of its known lists, for the same
		// reason: a policy's statements joined with ones chosen by a
		// variable (concat([{ Principal = "*" ... }], lookup(...))) still
		// grant what the literal ones grant.
		if e.Name == "concat" {
			var vals []cty.Value
			for _, a := range e.Args {
				v := m.evalDepth(a, depth+1)
				if !v.IsKnown() || v.IsNull() || !v.Type().IsTupleType() && !v.Type().IsListType() {
					continue
				}
				for it := v.ElementIterator(); it.Next(); {
					_, x := it.Element()
					vals = append(vals, x)
				}
			}
			return cty.TupleVal(vals)
		}
		return cty.DynamicVal
	case *hclsyntax.ScopeTraversalExpr:
		return m.traversal(e.Traversal, depth)
	}
	return m.evalWithScope(expr, depth)
}

// traversal resolves var.x and local.x; everything else is unknown.
func (m *module) traversal(t hcl.Traversal, depth int) cty.Value {
	if len(t) < 2 {
		return cty.DynamicVal
	}
	attr, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return cty.DynamicVal
	}
	var x hclsyntax.Expression
	switch t.RootName() {
	case "var":
		x = m.vars[attr.Name]
	case "local":
		x = m.locals[attr.Name]
	}
	if x == nil {
		return cty.DynamicVal
	}
	key := t.RootName() + "." + attr.Name
	v, ok := m.resolved[key]
	if !ok {
		if m.resolved == nil {
			m.resolved = map[string]cty.Value{}
		}
		m.resolved[key] = cty.DynamicVal // a reference cycle reads as unknown
		v = m.evalDepth(x, depth+1)
		m.resolved[key] = v
	}
	if len(t) == 2 {
		return v
	}
	out, diags := t[2:].TraverseRel(v)
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return out
}

// evalWithScope evaluates templates and operators ("${var.env}-assets")
// with just the variables and locals they name, when all are known.
func (m *module) evalWithScope(expr hclsyntax.Expression, depth int) cty.Value {
	scope := map[string]map[string]cty.Value{}
	for _, t := range expr.Variables() {
		root := t.RootName()
		if root != "var" && root != "local" || len(t) < 2 {
			return cty.DynamicVal
		}
		attr, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			return cty.DynamicVal
		}
		v := m.traversal(t[:2], depth)
		if !v.IsWhollyKnown() {
			return cty.DynamicVal
		}
		if scope[root] == nil {
			scope[root] = map[string]cty.Value{}
		}
		scope[root][attr.Name] = v
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}}
	for root, vals := range scope {
		ctx.Variables[root] = cty.ObjectVal(vals)
	}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// ref is the resource address an expression points at
// (aws_s3_bucket.assets.id → aws_s3_bucket.assets), or "".
func ref(expr hclsyntax.Expression) string {
	e, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(e.Traversal) < 2 {
		return ""
	}
	root := e.Traversal.RootName()
	a1, ok := e.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return ""
	}
	if root == "data" {
		if len(e.Traversal) < 3 {
			return ""
		}
		a2, ok := e.Traversal[2].(hcl.TraverseAttr)
		if !ok {
			return ""
		}
		return "data." + a1.Name + "." + a2.Name
	}
	if root == "var" || root == "local" || root == "module" || root == "each" || root == "count" || root == "path" {
		return ""
	}
	return root + "." + a1.Name
}

// attr returns a block attribute's expression, or nil.
func attr(b *hclsyntax.Body, name string) hclsyntax.Expression {
	if a := b.Attributes[name]; a != nil {
		return a.Expr
	}
	return nil
}

func attrLine(b *hclsyntax.Body, name string, fallback int) int {
	if a := b.Attributes[name]; a != nil {
		return a.SrcRange.Start.Line
	}
	return fallback
}

// str is a known string value ("" and false when unknown). Numbers and
// bools convert, as Terraform converts them.
func str(v cty.Value) (string, bool) {
	if !v.IsKnown() || v.IsNull() {
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil || !s.IsKnown() || s.IsNull() {
		return "", false
	}
	return s.AsString(), true
}

// boolean is a known bool value; "true" strings count, as in Terraform.
func boolean(v cty.Value) (value, known bool) {
	if !v.IsKnown() || v.IsNull() {
		return false, false
	}
	b, err := convert.Convert(v, cty.Bool)
	if err != nil || !b.IsKnown() || b.IsNull() {
		return false, false
	}
	return b.True(), true
}

// integer is a known whole number.
func integer(v cty.Value) (int, bool) {
	if !v.IsKnown() || v.IsNull() {
		return 0, false
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil || !n.IsKnown() || n.IsNull() {
		return 0, false
	}
	i, acc := n.AsBigFloat().Int64()
	if acc != big.Exact || i < -1<<31 || i > 1<<31 {
		return 0, false
	}
	return int(i), true
}

// strings lists the known strings of a list or tuple value; unknown
// elements are left out, so an open CIDR is seen beside a variable one.
func knownStrings(v cty.Value) []string {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	if s, ok := str(v); ok && v.Type().IsPrimitiveType() {
		return []string{s}
	}
	t := v.Type()
	if !t.IsListType() && !t.IsTupleType() && !t.IsSetType() {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if s, ok := str(e); ok {
			out = append(out, s)
		}
	}
	return out
}

// unknown stands for a value the module does not state literally.
type unknown struct{}

// goValue turns a cty value into plain Go values (map, slice, string,
// bool, float64), with unknown{} for the unknown parts, so policy
// documents from jsonencode() and from JSON strings read the same way.
func goValue(v cty.Value) any {
	if !v.IsKnown() {
		return unknown{}
	}
	if v.IsNull() {
		return nil
	}
	t := v.Type()
	switch {
	case t == cty.String:
		s := v.AsString()
		var doc any
		// A policy may be a JSON string (heredoc or file literal).
		if trimmed := strings.TrimSpace(s); strings.HasPrefix(trimmed, "{") && json.Unmarshal([]byte(trimmed), &doc) == nil {
			return doc
		}
		return s
	case t == cty.Bool:
		return v.True()
	case t == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return f
	case t.IsObjectType() || t.IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out[k.AsString()] = goValue(e)
		}
		return out
	case t.IsListType() || t.IsTupleType() || t.IsSetType():
		var out []any
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, goValue(e))
		}
		return out
	}
	return unknown{}
}
