package userdata

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// goModels reads a Go file's models from its syntax tree: structs mapped
// to tables (a gorm, bun, db, pg or xorm tag on a field, or gorm.Model
// embedded), named by their TableName method when they have one, and
// the tables its SQL string literals declare (migrations kept as strings
// in code). A file that does not parse is read as far as the parser got.
func goModels(src []byte, inserts bool) []Model {
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if f == nil {
		return nil
	}
	tables := goTableNames(f)
	topLevel := map[*ast.TypeSpec]bool{}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok {
					topLevel[ts] = true
				}
			}
		}
	}
	var out []Model
	var segs []Segment
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSpec:
			st, ok := n.Type.(*ast.StructType)
			if !ok || !goMapped(st) || inserts && !topLevel[n] {
				// A struct declared in a function of the product's code is
				// a query's row (counts by task), not a table; a
				// migration's function declares the tables it creates.
				return true
			}
			out = append(out, goStructModel(n, st, tables, fset))
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
	out = append(out, entSchemas(f, fset)...)
	return append(out, sqlSegments(segs, inserts)...)
}

// goStructModel reads a struct type as a model: its exported fields, the
// relations its keys and nested structs declare, the columns its tags
// name, named by its TableName method when it has one.
func goStructModel(n *ast.TypeSpec, st *ast.StructType, tables map[string]string, fset *token.FileSet) Model {
	md := Model{Name: n.Name.Name, Line: fset.Position(n.Pos()).Line}
	if t := tables[n.Name.Name]; t != "" {
		md.Name, md.Table = t, t // read and named as the table it maps to
	}
	names := map[string]bool{}
	for _, field := range st.Fields.List {
		for _, name := range field.Names {
			names[name.Name] = true
		}
	}
	for _, field := range st.Fields.List {
		r, related := goRelation(field, names)
		if related {
			r.Line = fset.Position(field.Pos()).Line
			md.Relations = append(md.Relations, r)
			if r.Field != "" && goStructType(field.Type) != "" {
				continue // the related struct, not a column
			}
		}
		if tagged(field, "-") {
			continue // not stored; a struct beside its key still names what the key holds
		}
		if r, ok := goKeyColumn(field); ok && !related {
			r.Line = fset.Position(field.Pos()).Line
			md.Relations = append(md.Relations, r)
		}
		typ := goTypeText(field.Type)
		col, _, _ := strings.Cut(goTag(field).Get("db"), ",")
		for _, name := range field.Names {
			if name.IsExported() {
				md.Fields = append(md.Fields, Field{Name: name.Name, Type: typ})
				if col != "" && col != "-" {
					if md.Columns == nil {
						md.Columns = map[string]string{}
					}
					md.Columns[name.Name] = col
				}
			}
		}
	}
	return md
}

// goPlainStructs are a Go file's top-level structs no ORM mark maps to
// a table (no gorm, bun, db, pg or xorm tag), read as models, and the
// file's package name: a struct another file hands gorm's AutoMigrate
// (migratedTypes) is a model though its own file says nothing of gorm.
func goPlainStructs(src []byte) (string, []Model) {
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if f == nil || f.Name == nil {
		return "", nil
	}
	tables := goTableNames(f)
	var out []Model
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, sp := range gd.Specs {
			ts, ok := sp.(*ast.TypeSpec)
			if !ok {
				continue
			}
			if st, ok := ts.Type.(*ast.StructType); ok && !goMapped(st) && len(st.Fields.List) > 0 {
				out = append(out, goStructModel(ts, st, tables, fset))
			}
		}
	}
	return f.Name.Name, out
}

// migratedRE: gorm told to keep a type's table: AutoMigrate(&T{},
// &pkg.U{}, new(V)), a query on a model (db.Model(&pkg.T{})).
var (
	autoMigrateRE = regexp.MustCompile(`\.(?:AutoMigrate|CreateTable|DropTable)\s*\(`)
	modelCallRE   = regexp.MustCompile(`\.Model\s*\(\s*&\s*((?:\w+\.)?[A-Z]\w*)\s*\{\s*\}\s*\)`)
	migratedArgRE = regexp.MustCompile(`^(?:&\s*((?:\w+\.)?[A-Z]\w*)\s*\{\s*\}|new\(\s*((?:\w+\.)?[A-Z]\w*)\s*\))$`)
	goPackageRE   = regexp.MustCompile(`(?m)^package\s+(\w+)`)
)

// migratedTypes are the types a Go file hands gorm as models, each as
// "package.Type": qualified by the package it names, else the file's own.
func migratedTypes(src []byte) []string {
	pm := goPackageRE.FindSubmatch(src)
	if pm == nil {
		return nil
	}
	own := string(pm[1])
	var out []string
	qualify := func(t string) {
		if !strings.Contains(t, ".") {
			t = own + "." + t
		}
		out = append(out, t)
	}
	for _, loc := range autoMigrateRE.FindAllIndex(src, -1) {
		end := lang.ClosingBracket(src, loc[1]-1)
		if end < 0 {
			continue
		}
		for _, a := range lang.SplitTopLevel(string(src[loc[1]:end])) {
			if m := migratedArgRE.FindStringSubmatch(strings.TrimSpace(a)); m != nil {
				qualify(m[1] + m[2])
			}
		}
	}
	for _, m := range modelCallRE.FindAllSubmatch(src, -1) {
		qualify(string(m[1]))
	}
	return out
}

// entSchemas reads ent's schemas: a type that embeds ent.Schema is a
// model, its Fields method lists its columns (field.String("email"),
// typed by the builder: Bool, Int, Time, Bytes), and its Edges method
// the models it belongs to: an edge made Unique (edge.From("owner",
// User.Type).Ref("pets").Unique()) is a many-to-one or one-to-one whose
// key this table holds; an edge without it is a list. The fields and
// edges of a mixin declared in the same file (Mixin() returning
// UserMixin{}) are the schema's too.
func entSchemas(f *ast.File, fset *token.FileSet) []Model {
	type decl struct {
		schema bool
		line   int
		fields []Field
		rels   []Relation
		mixins []string
	}
	types := map[string]*decl{}
	get := func(name string) *decl {
		if types[name] == nil {
			types[name] = &decl{}
		}
		return types[name]
	}
	var order []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				ts, ok := sp.(*ast.TypeSpec)
				if !ok {
					continue
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fl := range st.Fields.List {
					if sel, ok := fl.Type.(*ast.SelectorExpr); ok && len(fl.Names) == 0 && sel.Sel.Name == "Schema" {
						if x, ok := sel.X.(*ast.Ident); ok && x.Name == "ent" {
							t := get(ts.Name.Name)
							t.schema, t.line = true, fset.Position(ts.Pos()).Line
							order = append(order, ts.Name.Name)
						}
					}
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil || len(d.Recv.List) != 1 || d.Body == nil {
				continue
			}
			recv := goStructType(d.Recv.List[0].Type)
			if recv == "" {
				continue
			}
			for _, el := range returnedElems(d.Body) {
				switch d.Name.Name {
				case "Fields":
					if call, builder, ok := entBuilder(el, "field"); ok {
						if name, ok := stringArg(call); ok {
							get(recv).fields = append(get(recv).fields, Field{Name: name, Type: builder})
						}
					}
				case "Edges":
					if r, ok := entEdge(el); ok {
						r.Line = fset.Position(el.Pos()).Line
						get(recv).rels = append(get(recv).rels, r)
					}
				case "Mixin":
					if cl, ok := el.(*ast.CompositeLit); ok {
						if id, ok := cl.Type.(*ast.Ident); ok {
							get(recv).mixins = append(get(recv).mixins, id.Name)
						}
					}
				}
			}
		}
	}
	var out []Model
	for _, name := range order {
		t := types[name]
		md := Model{Name: name, Line: t.line, Fields: slices.Clone(t.fields), Relations: slices.Clone(t.rels)}
		for _, m := range t.mixins {
			if mx := types[m]; mx != nil && !mx.schema {
				md.Fields = append(md.Fields, mx.fields...)
				md.Relations = append(md.Relations, mx.rels...)
			}
		}
		out = append(out, md)
	}
	return out
}

// returnedElems are the elements of the composite literals a function
// body returns (return []ent.Field{...}).
func returnedElems(body *ast.BlockStmt) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if r, ok := n.(*ast.ReturnStmt); ok {
			for _, res := range r.Results {
				if cl, ok := res.(*ast.CompositeLit); ok {
					out = append(out, cl.Elts...)
				}
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	return out
}

// entBuilder reads a chain pkg.Builder(args).Opt()...: the innermost
// call, on the package named, and its builder's name; with the names of
// the options along the chain.
func entBuilder(e ast.Expr, pkg string) (*ast.CallExpr, string, bool) {
	call, _ := entChain(e)
	if call == nil {
		return nil, "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, "", false
	}
	if x, ok := sel.X.(*ast.Ident); !ok || x.Name != pkg {
		return nil, "", false
	}
	return call, sel.Sel.Name, true
}

// entChain is the innermost call of a method chain and the calls on it,
// outermost first.
func entChain(e ast.Expr) (*ast.CallExpr, []*ast.CallExpr) {
	var opts []*ast.CallExpr
	for {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return nil, nil
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return nil, nil
		}
		if inner, ok := sel.X.(*ast.CallExpr); ok {
			opts = append(opts, call)
			e = inner
			continue
		}
		return call, opts
	}
}

// entEdge is the model a Unique edge belongs to: edge.From("owner",
// User.Type).Ref("pets").Unique(), with the key column .Field names.
func entEdge(e ast.Expr) (Relation, bool) {
	call, builder, ok := entBuilder(e, "edge")
	if !ok || builder != "From" && builder != "To" || len(call.Args) < 2 {
		return Relation{}, false
	}
	sel, ok := call.Args[1].(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Type" {
		return Relation{}, false
	}
	target, ok := sel.X.(*ast.Ident)
	if !ok {
		return Relation{}, false
	}
	_, opts := entChain(e)
	r := Relation{Target: target.Name}
	unique := false
	for _, o := range opts {
		switch o.Fun.(*ast.SelectorExpr).Sel.Name {
		case "Unique":
			unique = true
		case "Field":
			if name, ok := stringArg(o); ok {
				r.Field = name
			}
		}
	}
	return r, unique
}

// stringArg is a call's first argument when it is a string literal.
func stringArg(call *ast.CallExpr) (string, bool) {
	if len(call.Args) == 0 {
		return "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// sqlDeclares: text that creates or alters a table.
func sqlDeclares(s string) bool {
	return sqlStmtRE.MatchString(s)
}

// ormTags are the struct tag keys of the Go ORMs read here.
var ormTags = []string{"gorm", "bun", "db", "pg", "xorm"}

// goTableNames are the tables a file's structs name through a TableName
// method that returns a literal (func (*Project) TableName() string {
// return "projects" }), as gorm and xorm read them.
func goTableNames(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "TableName" || fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Body == nil || len(fd.Body.List) != 1 {
			continue
		}
		ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		lit, ok := ret.Results[0].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		recv := fd.Recv.List[0].Type
		if s, ok := recv.(*ast.StarExpr); ok {
			recv = s.X
		}
		id, ok := recv.(*ast.Ident)
		if name, err := strconv.Unquote(lit.Value); ok && err == nil && name != "" {
			out[id.Name] = name
		}
	}
	return out
}

// goKeyColumn is the model an integer or string key column names by the
// ORM's convention, <Model>ID (UserID, ProjectViewID), with the column's
// type: the name alone proves nothing, so Finish keeps it only when a
// model of that name is read and its own ID column has the same type
// (xorm and sqlx declare no foreign keys; the key is a plain int64).
func goKeyColumn(field *ast.Field) (Relation, bool) {
	if len(field.Names) != 1 {
		return Relation{}, false
	}
	name := field.Names[0].Name
	target, ok := strings.CutSuffix(name, "ID")
	if !ok || target == "" {
		return Relation{}, false
	}
	typ := goTypeText(field.Type)
	if !goKeyType(typ) {
		return Relation{}, false
	}
	return Relation{Target: target, Field: name, KeyType: typ}, true
}

// goKeyType: a type a row's key is declared with.
func goKeyType(t string) bool {
	switch t {
	case "int", "int32", "int64", "uint", "uint32", "uint64", "string", "uuid.UUID":
		return true
	}
	return false
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
		for _, key := range ormTags {
			// A tag that keeps the field out (`xorm:"-"`) or folds a
			// struct in (`xorm:"extends"`, a join's result) maps no column.
			if v, ok := tag.Lookup(key); ok && v != "-" && v != "extends" {
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
	for _, key := range ormTags {
		if v, ok := tag.Lookup(key); ok && strings.TrimSpace(strings.Split(v, ",")[0]) == value {
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
