package userdata

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

// goModels reads a Go file's models from its syntax tree: structs mapped
// to tables (a gorm, bun, db or pg tag on a field, or gorm.Model
// embedded) and the tables its SQL string literals declare (migrations
// kept as strings in code). A file that does not parse is read as far as
// the parser got.
func goModels(src []byte, inserts bool) []Model {
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if f == nil {
		return nil
	}
	var out []Model
	var segs []Segment
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSpec:
			st, ok := n.Type.(*ast.StructType)
			if !ok || !goMapped(st) {
				return true
			}
			md := Model{Name: n.Name.Name, Line: fset.Position(n.Pos()).Line}
			names := map[string]bool{}
			for _, field := range st.Fields.List {
				for _, name := range field.Names {
					names[name.Name] = true
				}
			}
			for _, field := range st.Fields.List {
				if tagged(field, "-") {
					continue // not stored
				}
				if r, ok := goRelation(field, names); ok {
					r.Line = fset.Position(field.Pos()).Line
					md.Relations = append(md.Relations, r)
					if r.Field != "" && goStructType(field.Type) != "" {
						continue // the related struct, not a column
					}
				}
				typ := goTypeText(field.Type)
				for _, name := range field.Names {
					if name.IsExported() {
						md.Fields = append(md.Fields, Field{Name: name.Name, Type: typ})
					}
				}
			}
			out = append(out, md)
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(n.Value)
			if err != nil || !sqlDeclares(s) {
				return true
			}
			segs = append(segs, Segment{Text: []byte(s), Line: fset.Position(n.Pos()).Line})
		}
		return true
	})
	return append(out, sqlSegments(segs, inserts)...)
}

// sqlDeclares: text that creates or alters a table.
func sqlDeclares(s string) bool {
	return sqlStmtRE.MatchString(s)
}

// goMapped: a struct an ORM maps to a table.
func goMapped(st *ast.StructType) bool {
	for _, field := range st.Fields.List {
		if len(field.Names) == 0 {
			if sel, ok := field.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Model" {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "gorm" {
					return true
				}
			}
			if sel, ok := field.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "BaseModel" {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "bun" {
					return true
				}
			}
		}
		if field.Tag == nil {
			continue
		}
		tag := goTag(field)
		for _, key := range []string{"gorm", "bun", "db", "pg"} {
			if _, ok := tag.Lookup(key); ok {
				return true
			}
		}
	}
	return false
}

func goTag(field *ast.Field) reflect.StructTag {
	if field.Tag == nil {
		return ""
	}
	s, err := strconv.Unquote(field.Tag.Value)
	if err != nil {
		return ""
	}
	return reflect.StructTag(s)
}

// tagged: the field's ORM tag is value alone (`db:"-"`): not a column.
func tagged(field *ast.Field, value string) bool {
	tag := goTag(field)
	for _, key := range []string{"gorm", "bun", "db", "pg"} {
		if v, ok := tag.Lookup(key); ok && strings.Split(v, ",")[0] == value {
			return true
		}
	}
	return false
}

// goTypeText spells a field's type (time.Time, *string, []byte, bool).
func goTypeText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return goTypeText(e.X)
	case *ast.SelectorExpr:
		return goTypeText(e.X) + "." + e.Sel.Name
	case *ast.ArrayType:
		return "[]" + goTypeText(e.Elt)
	case *ast.MapType:
		return "map"
	}
	return ""
}

// goRelation is the model a struct field references: a tag's SQL
// REFERENCES users(id), or gorm's belongs-to, a field of another
// struct's type (User User) beside the key that holds it (UserID, or
// the field its foreignKey tag names). A slice of structs is a has-many
// list, and a struct with no key beside it is has-one: the key is on
// the other side.
func goRelation(field *ast.Field, names map[string]bool) (Relation, bool) {
	if len(field.Names) != 1 {
		return Relation{}, false
	}
	name := field.Names[0].Name
	if field.Tag != nil {
		if r, ok := sqlReference(string(goTag(field))); ok {
			r.Field = name
			return r, true
		}
	}
	t := goStructType(field.Type)
	if t == "" {
		return Relation{}, false
	}
	key := name + "ID"
	if v, ok := goTag(field).Lookup("gorm"); ok {
		for _, part := range strings.Split(v, ";") {
			if k, fk, ok := strings.Cut(part, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "foreignKey") {
				key = strings.TrimSpace(fk)
			}
		}
	}
	if !names[key] {
		return Relation{}, false
	}
	return Relation{Target: t, Field: name}, true
}

// goStructType is the name of a named, non-slice type a field holds
// (User, *User, models.User); "" for a slice, a map or a builtin.
func goStructType(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	switch e := e.(type) {
	case *ast.Ident:
		if e.IsExported() {
			return e.Name
		}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok && x.Name != "time" && x.Name != "sql" && x.Name != "gorm" && x.Name != "uuid" {
			return e.Sel.Name
		}
	}
	return ""
}
