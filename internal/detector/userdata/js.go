package userdata

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// jsModels reads a JavaScript or TypeScript file's models from its
// syntax tree: decorated entity classes (TypeORM, MikroORM,
// sequelize-typescript, @nestjs/mongoose), Sequelize define and init,
// Mongoose schemas, knex schema builders, the documents written to a
// MongoDB collection, and tables declared in SQL string literals. The
// tree is the File's, shared with the other detectors that parse it.
func jsModels(ctx context.Context, f *detector.File) []Model {
	if !mayHoldJSModel(f.Data) {
		return nil
	}
	return jsModelsOf(ctx, f)
}

// jsModelWords: every model jsModels reads is written with one of them:
// a decorator's @, Sequelize's define and init (read only in a file that
// names Sequelize or DataTypes), a Mongoose Schema, a MongoDB collection
// (collection, getCollection), and, in any case, a knex schema builder's
// createTable, table or alterTable and an SQL statement's TABLE or INTO
// after a space. A file with none of them is not walked (two walks of
// its tree).
var jsModelWords = [][]byte{[]byte("@"), []byte("equelize"), []byte("DataTypes"), []byte("Schema"), []byte("ollection"), []byte("drizzle-orm")}

func mayHoldJSModel(src []byte) bool {
	for _, w := range jsModelWords {
		if bytes.Contains(src, w) {
			return true
		}
	}
	// knex's callee: table, createTable, alterTable.
	return bytes.Contains(src, []byte("table")) && bytes.Contains(src, []byte("schema")) ||
		bytes.Contains(src, []byte("Table")) && bytes.Contains(src, []byte("schema")) ||
		spacedFold(src, "table") || spacedFold(src, "into")
}

// spacedFold says whether src holds word (lower-case ASCII letters) in
// any case after a space, as the SQL patterns' (?i)\s+table reads it.
func spacedFold(src []byte, word string) bool {
	for i := 1; i+len(word) <= len(src); i++ {
		switch src[i-1] {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			continue
		}
		j := 0
		for j < len(word) && src[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// jsModelsOf reads the models whatever the file's words (the reference
// the word gate is tested against).
func jsModelsOf(ctx context.Context, f *detector.File) []Model {
	l := lang.Of(f.Path)
	if lang.Grammar(l) == nil {
		return nil
	}
	t, err := f.Tree(ctx, l)
	if err != nil {
		return nil
	}
	src := f.Data
	// Decorators in JavaScript (Babel's plugin) parse as TypeScript only.
	if (l == lang.JavaScript || l == lang.JSX) && t.Root().HasError() && bytes.Contains(src, []byte("@")) {
		as := lang.TypeScript
		if l == lang.JSX {
			as = lang.TSX
		}
		if ts, err := f.Tree(ctx, as); err == nil && !ts.Root().HasError() {
			t = ts
		}
	}
	r := &jsReader{t: t, sequelize: bytes.Contains(src, []byte("DataTypes")) || bytes.Contains(src, []byte("equelize")),
		drizzle:  bytes.Contains(src, []byte("drizzle-orm")),
		bindings: map[string]*syntax.Node{}, schemaNames: map[string]string{}}
	r.collect()
	return r.read(f.Path)
}

type jsReader struct {
	t         *syntax.Tree
	sequelize bool
	// drizzle: the file imports Drizzle, whose tables are calls
	// (pgTable("users", { ... })).
	drizzle bool
	// bindings are the file's variables and the values they are given
	// (const users = db.collection("users")).
	bindings map[string]*syntax.Node
	// schemaNames maps a Mongoose schema's variable to the model it
	// makes (mongoose.model("User", userSchema)).
	schemaNames map[string]string
	segs        []Segment
	out         []Model
}

// collect reads what the models need from the whole file first: its
// bindings and Mongoose model names.
func (r *jsReader) collect() {
	syntax.Walk(r.t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "variable_declarator":
			if name := n.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
				if v := n.ChildByFieldName("value"); v != nil {
					r.bindings[r.t.Text(name)] = v
				}
			}
		case "call_expression":
			if jsCallee(r.t, n) == "model" {
				args := jsArgs(n)
				if len(args) >= 2 && args[1].Type() == "identifier" {
					if s, ok := r.t.StringValue(args[0]); ok {
						r.schemaNames[r.t.Text(args[1])] = s
					}
				}
			}
		}
		return true
	})
}

func (r *jsReader) read(p string) []Model {
	syntax.Walk(r.t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "class_declaration", "class", "abstract_class_declaration":
			r.entity(n)
		case "call_expression":
			r.call(n)
		case "new_expression":
			r.schema(n)
		case "string", "template_string":
			if s := r.t.Text(n); len(s) > 2 && sqlStmtRE.MatchString(s) {
				r.segs = append(r.segs, Segment{Text: []byte(s[1 : len(s)-1]), Line: syntax.Line(n)})
			}
			return false
		}
		return true
	})
	return append(r.out, sqlSegments(r.segs, appCode(p))...)
}

// entityDecorator names the class decorators that map a class to a table
// or collection.
var entityDecorator = regexp.MustCompile(`^(?:Entity|ChildEntity|Table|Schema)$`)

// columnDecorator names the property decorators that make a column.
var columnDecorator = regexp.MustCompile(`Column$|^(?:Property|Prop|prop|Field|Enum|Embedded)$`)

// entity reads a decorated entity class and its decorated columns.
func (r *jsReader) entity(class *syntax.Node) {
	decorators := jsDecorators(class)
	if p := class.Parent(); p != nil && p.Type() == "export_statement" {
		decorators = append(decorators, jsDecorators(p)...)
	}
	if !slices.ContainsFunc(decorators, func(d *syntax.Node) bool { return entityDecorator.MatchString(jsDecoratorName(r.t, d)) }) {
		return
	}
	name := class.ChildByFieldName("name")
	body := class.ChildByFieldName("body")
	if name == nil || body == nil {
		return
	}
	md := Model{Name: r.t.Text(name), Line: syntax.Line(name)}
	for _, d := range decorators {
		if entityDecorator.MatchString(jsDecoratorName(r.t, d)) {
			if cs := syntax.NamedChildren(d); len(cs) > 0 && cs[0].Type() == "call_expression" {
				if args := jsArgs(cs[0]); len(args) > 0 {
					if s, ok := r.t.StringValue(args[0]); ok && sqlIdentRE.MatchString(s) {
						md.Table = s // @Entity('user_accounts')
					}
				}
			}
		}
	}
	// A method's decorators come before it in the class body (a getter
	// stored as a column); a field's are its own children.
	var pending []*syntax.Node
	for _, m := range syntax.NamedChildren(body) {
		switch m.Type() {
		case "decorator":
			pending = append(pending, m)
			continue
		case "public_field_definition", "field_definition", "method_definition":
		default:
			pending = nil
			continue
		}
		decorators := append(pending, jsDecorators(m)...)
		pending = nil
		var typ []string
		column := false
		for _, d := range decorators {
			dname := jsDecoratorName(r.t, d)
			typ = append(typ, dname)
			if columnDecorator.MatchString(dname) {
				column = true
				typ = append(typ, r.decoratorArgs(d)...)
			}
		}
		prop := m.ChildByFieldName("name")
		if prop == nil {
			prop = m.ChildByFieldName("property")
		}
		if rel, ok := r.decoratedRelation(decorators); ok && prop != nil {
			rel.Field, rel.Line = r.t.Text(prop), syntax.Line(m)
			md.Relations = append(md.Relations, rel)
			if !column {
				continue
			}
		}
		if !column || prop == nil {
			continue
		}
		if a := m.ChildByFieldName("type"); a != nil {
			typ = append(typ, r.t.Text(a))
		}
		if a := m.ChildByFieldName("return_type"); a != nil {
			typ = append(typ, r.t.Text(a))
		}
		md.Fields = append(md.Fields, Field{Name: r.t.Text(prop), Type: strings.Join(typ, " ")})
	}
	r.out = append(r.out, md)
}

// decoratedRelation is the model a property's decorators say it
// belongs to: TypeORM's and MikroORM's @ManyToOne(() => User), a
// @OneToOne with its @JoinColumn (the side that holds the key),
// sequelize-typescript's @BelongsTo and @ForeignKey(() => User). A
// @OneToMany or @ManyToMany list is not ownership.
func (r *jsReader) decoratedRelation(decorators []*syntax.Node) (Relation, bool) {
	joins := slices.ContainsFunc(decorators, func(d *syntax.Node) bool { return jsDecoratorName(r.t, d) == "JoinColumn" })
	for _, d := range decorators {
		switch jsDecoratorName(r.t, d) {
		case "ManyToOne", "BelongsTo", "ForeignKey":
		case "OneToOne":
			if !joins {
				continue
			}
		default:
			continue
		}
		cs := syntax.NamedChildren(d)
		if len(cs) == 0 || cs[0].Type() != "call_expression" {
			continue
		}
		if args := jsArgs(cs[0]); len(args) > 0 {
			if t := r.modelRef(args[0]); t != "" {
				return Relation{Target: t}, true
			}
		}
	}
	return Relation{}, false
}

// modelRef is the model a value names: User, models.User, "User",
// () => User, { entity: () => User }.
func (r *jsReader) modelRef(v *syntax.Node) string {
	v = jsUnwrap(v)
	if v == nil {
		return ""
	}
	switch v.Type() {
	case "identifier":
		return r.t.Text(v)
	case "member_expression":
		return r.t.Text(v.ChildByFieldName("property"))
	case "string":
		s, _ := r.t.StringValue(v)
		return s
	case "arrow_function":
		return r.modelRef(v.ChildByFieldName("body"))
	case "object":
		for _, p := range syntax.NamedChildren(v) {
			if p.Type() == "pair" {
				switch jsKey(r.t, p.ChildByFieldName("key")) {
				case "entity", "model":
					return r.modelRef(p.ChildByFieldName("value"))
				}
			}
		}
	}
	return ""
}

// objectRelations lists the references an object of fields declares: a
// Mongoose path's ref ({ type: ObjectId, ref: "User" }) and a Sequelize
// column's references ({ references: { model: "users" } }). An array of
// refs is a list, not ownership.
func (r *jsReader) objectRelations(obj *syntax.Node) []Relation {
	var out []Relation
	for _, p := range syntax.NamedChildren(obj) {
		if p.Type() != "pair" {
			continue
		}
		v := p.ChildByFieldName("value")
		if v == nil || v.Type() != "object" {
			continue
		}
		for _, q := range syntax.NamedChildren(v) {
			if q.Type() != "pair" {
				continue
			}
			var target string
			switch jsKey(r.t, q.ChildByFieldName("key")) {
			case "ref":
				target = r.modelRef(q.ChildByFieldName("value"))
			case "references":
				target = r.modelRef(q.ChildByFieldName("value"))
			}
			if target != "" {
				out = append(out, Relation{Target: target, Field: jsKey(r.t, p.ChildByFieldName("key")), Line: syntax.Line(p)})
			}
		}
	}
	return out
}

// association reads a Sequelize association: A.belongsTo(B) says A
// belongs to B, B.hasMany(A) and B.hasOne(A) say the same from B's side
// (this is the class it is called in). It is a model of its own with no
// fields, joined to A's declaration by name.
func (r *jsReader) association(n *syntax.Node, callee string, args []*syntax.Node) {
	recv := n.ChildByFieldName("function").ChildByFieldName("object")
	if recv == nil || len(args) == 0 {
		return
	}
	self := r.t.Text(recv)
	if recv.Type() == "this" {
		self = jsEnclosingClass(r.t, n)
	} else if recv.Type() != "identifier" {
		self = r.modelRef(recv)
	}
	other := r.modelRef(args[0])
	if self == "" || other == "" {
		return
	}
	from, to := self, other
	if callee != "belongsTo" {
		from, to = other, self
	}
	r.out = append(r.out, Model{Name: from, Line: syntax.Line(n), Relations: []Relation{{Target: to, Line: syntax.Line(n)}}})
}

// jsEnclosingClass is the name of the class around n, or "".
func jsEnclosingClass(t *syntax.Tree, n *syntax.Node) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "class_declaration", "class", "abstract_class_declaration":
			if name := p.ChildByFieldName("name"); name != nil {
				return t.Text(name)
			}
			return ""
		}
	}
	return ""
}

// decoratorArgs is what a column decorator's arguments say of the
// type: DataType.BOOLEAN, "varchar", { type: "int" }.
func (r *jsReader) decoratorArgs(d *syntax.Node) []string {
	cs := syntax.NamedChildren(d)
	if len(cs) == 0 || cs[0].Type() != "call_expression" {
		return nil
	}
	var out []string
	for _, a := range jsArgs(cs[0]) {
		if s, ok := r.t.StringValue(a); ok {
			out = append(out, s)
			continue
		}
		out = append(out, r.valueType(a))
	}
	return out
}

// call reads Sequelize's define and init, knex's createTable and the
// documents a MongoDB collection is given.
func (r *jsReader) call(n *syntax.Node) {
	args := jsArgs(n)
	switch callee := jsCallee(r.t, n); {
	case callee == "define" && r.sequelize && len(args) >= 2 && args[1].Type() == "object":
		if name, ok := r.t.StringValue(args[0]); ok {
			r.out = append(r.out, Model{Name: name, Line: syntax.Line(n), Fields: r.objectFields(args[1]), Relations: r.objectRelations(args[1])})
		}
	case callee == "init" && r.sequelize && len(args) >= 1 && args[0].Type() == "object":
		fn := n.ChildByFieldName("function")
		if obj := fn.ChildByFieldName("object"); obj != nil && obj.Type() == "identifier" {
			r.out = append(r.out, Model{Name: r.t.Text(obj), Line: syntax.Line(n), Fields: r.objectFields(args[0]), Relations: r.objectRelations(args[0])})
		}
	case (callee == "belongsTo" || callee == "hasMany" || callee == "hasOne") && r.sequelize:
		r.association(n, callee, args)
	case (callee == "createTable" || callee == "table" || callee == "alterTable") && len(args) >= 2 && jsSchemaBuilder(r.t, n):
		if name, ok := r.t.StringValue(args[0]); ok {
			if fields, rels := r.knexColumns(args[1]); len(fields) > 0 || len(rels) > 0 {
				r.out = append(r.out, Model{Name: tableName(name), Line: syntax.Line(n), Fields: fields, Relations: rels})
			}
		}
	case mongoWrites[callee] > 0:
		r.document(n, callee, args)
	case r.drizzle && len(args) >= 2 && r.drizzleTable(n):
		if name, ok := r.t.StringValue(args[0]); ok {
			fields, rels, columns := r.drizzleColumns(args[1])
			if len(args) >= 3 {
				rels = append(rels, r.drizzleForeignKeys(args[2], columns)...)
			}
			md := Model{Name: name, Line: syntax.Line(n), Fields: fields, Relations: rels}
			if p := n.Parent(); p != nil && p.Type() == "variable_declarator" {
				if v := p.ChildByFieldName("name"); v != nil && v.Type() == "identifier" {
					md.Binding = r.t.Text(v)
				}
			}
			r.out = append(r.out, md)
		}
	}
}

// drizzleTableRE names Drizzle's table functions per dialect, and the
// creators that make a prefixed one (pgTableCreator).
var drizzleTableRE = regexp.MustCompile(`^(?:pg|sqlite|mysql|singlestore|gel)Table(Creator)?$`)

// drizzleTable: the call declares a Drizzle table: pgTable("users",
// {...}), schema.table("users", {...}) on a pgSchema, or a function
// a table creator made (const createTable = pgTableCreator(...)).
func (r *jsReader) drizzleTable(call *syntax.Node) bool {
	f := call.ChildByFieldName("function")
	if f == nil {
		return false
	}
	switch f.Type() {
	case "identifier":
		name := r.t.Text(f)
		if m := drizzleTableRE.FindStringSubmatch(name); m != nil {
			return m[1] == ""
		}
		if v := jsUnwrap(r.bindings[name]); v != nil && v.Type() == "call_expression" {
			m := drizzleTableRE.FindStringSubmatch(jsCallee(r.t, v))
			return m != nil && m[1] != ""
		}
	case "member_expression":
		if r.t.Text(f.ChildByFieldName("property")) != "table" {
			return false
		}
		obj := f.ChildByFieldName("object")
		if obj != nil && obj.Type() == "identifier" {
			obj = jsUnwrap(r.bindings[r.t.Text(obj)])
		}
		return obj != nil && obj.Type() == "call_expression" && strings.HasSuffix(jsCallee(r.t, obj), "Schema")
	}
	return false
}

// drizzleColumns reads a Drizzle table's columns: an object, or a
// function that returns one ((t) => ({ ... })). Each column is named by
// its builder's first argument when it has one (text("password_hash")),
// typed by the builder (boolean, integer, timestamp), and references the
// table of .references(() => users.id).
func (r *jsReader) drizzleColumns(v *syntax.Node) ([]Field, []Relation, map[string]string) {
	v = jsUnwrap(v)
	if v != nil && v.Type() == "arrow_function" {
		v = jsUnwrap(v.ChildByFieldName("body"))
	}
	if v == nil || v.Type() != "object" {
		return nil, nil, nil
	}
	var fields []Field
	var rels []Relation
	columns := map[string]string{} // property -> column name
	for _, p := range syntax.NamedChildren(v) {
		if p.Type() != "pair" {
			continue
		}
		key := jsKey(r.t, p.ChildByFieldName("key"))
		if key == "" {
			continue
		}
		name, typ := key, ""
		ref := ""
		required, onDelete := false, ""
		// The chain text("x").notNull().references(() => users.id), read
		// from its last call to the builder.
		for c := jsUnwrap(p.ChildByFieldName("value")); c != nil && c.Type() == "call_expression"; {
			f := c.ChildByFieldName("function")
			callee := jsCallee(r.t, c)
			switch callee {
			case "references":
				args := jsArgs(c)
				ref = r.drizzleRef(args)
				if len(args) > 1 && args[1].Type() == "object" {
					for _, o := range syntax.NamedChildren(args[1]) {
						if o.Type() == "pair" && jsKey(r.t, o.ChildByFieldName("key")) == "onDelete" {
							onDelete, _ = r.t.StringValue(o.ChildByFieldName("value"))
						}
					}
				}
			case "notNull", "primaryKey":
				required = true
			}
			if f != nil && f.Type() == "member_expression" {
				if obj := jsUnwrap(f.ChildByFieldName("object")); obj != nil && obj.Type() == "call_expression" {
					c = obj
					continue
				}
			}
			typ = callee // the builder: text, varchar, boolean, t.integer
			if args := jsArgs(c); len(args) > 0 {
				if s, ok := r.t.StringValue(args[0]); ok {
					name = s
				}
			}
			break
		}
		if ref != "" {
			// A nullable column the database empties (onDelete: "set null")
			// or keeps pointing while it can (restrict): the row outlives
			// what it names. A cascade dies with it.
			od := strings.ToLower(onDelete)
			rels = append(rels, Relation{Target: ref, Field: name, Line: syntax.Line(p), Optional: !required, SetNull: !required && od != "" && od != "cascade"})
		}
		columns[key] = name
		fields = append(fields, Field{Name: name, Type: typ})
	}
	return fields, rels, columns
}

// drizzleForeignKeys reads the foreign keys a table's extra-config
// callback declares ((table) => [foreignKey({ columns: [table.userId],
// foreignColumns: [users.id] })], drizzle-kit's introspected style):
// each is a relation from the first column to the table of the first
// foreign column.
func (r *jsReader) drizzleForeignKeys(v *syntax.Node, columns map[string]string) []Relation {
	var rels []Relation
	syntax.Walk(v, func(n *syntax.Node) bool {
		if n.Type() != "call_expression" || jsCallee(r.t, n) != "foreignKey" {
			return true
		}
		args := jsArgs(n)
		if len(args) == 0 || args[0].Type() != "object" {
			return true
		}
		var col, target string
		for _, p := range syntax.NamedChildren(args[0]) {
			if p.Type() != "pair" {
				continue
			}
			arr := jsUnwrap(p.ChildByFieldName("value"))
			if arr == nil || arr.Type() != "array" {
				continue
			}
			els := syntax.NamedChildren(arr)
			if len(els) == 0 || els[0].Type() != "member_expression" {
				continue
			}
			switch jsKey(r.t, p.ChildByFieldName("key")) {
			case "columns":
				col = r.t.Text(els[0].ChildByFieldName("property"))
				if c, ok := columns[col]; ok {
					col = c
				}
			case "foreignColumns":
				if obj := els[0].ChildByFieldName("object"); obj != nil && obj.Type() == "identifier" {
					target = r.drizzleTableOf(r.t.Text(obj))
				}
			}
		}
		if col != "" && target != "" {
			rels = append(rels, Relation{Target: target, Field: col, Line: syntax.Line(n)})
		}
		return false
	})
	return rels
}

// drizzleRef is the table a column's references(() => users.id) names:
// the table the variable holds, or the variable's name.
func (r *jsReader) drizzleRef(args []*syntax.Node) string {
	if len(args) == 0 || args[0].Type() != "arrow_function" {
		return ""
	}
	body := jsUnwrap(args[0].ChildByFieldName("body"))
	if body == nil || body.Type() != "member_expression" {
		return ""
	}
	obj := body.ChildByFieldName("object")
	if obj == nil || obj.Type() != "identifier" {
		return ""
	}
	return r.drizzleTableOf(r.t.Text(obj))
}

// drizzleTableOf is the table a variable holds (const users =
// pgTable("users", ...)), or the variable's name.
func (r *jsReader) drizzleTableOf(name string) string {
	if v := jsUnwrap(r.bindings[name]); v != nil && v.Type() == "call_expression" {
		if args := jsArgs(v); len(args) > 0 {
			if s, ok := r.t.StringValue(args[0]); ok {
				return s
			}
		}
	}
	return name
}

// mongoWrites are the MongoDB collection methods that store documents,
// with the argument (1-based) that holds them: updates take a filter
// first.
var mongoWrites = map[string]int{
	"insertOne": 1, "insertMany": 1, "insert": 1, "save": 1,
	"updateOne": 2, "updateMany": 2, "update": 2, "replaceOne": 2, "findOneAndUpdate": 2, "findOneAndReplace": 2,
}

// document reads the fields of the documents a write to a MongoDB
// collection stores: the collection is a call to collection("name") on
// the receiver, or a variable given one.
func (r *jsReader) document(n *syntax.Node, method string, args []*syntax.Node) {
	fn := n.ChildByFieldName("function")
	recv := fn.ChildByFieldName("object")
	if recv != nil && recv.Type() == "identifier" {
		recv = r.bindings[r.t.Text(recv)]
	}
	recv = jsUnwrap(recv)
	if recv == nil || recv.Type() != "call_expression" {
		return
	}
	if c := jsCallee(r.t, recv); c != "collection" && c != "getCollection" {
		return
	}
	cargs := jsArgs(recv)
	if len(cargs) == 0 {
		return
	}
	name, ok := r.t.StringValue(cargs[0])
	i := mongoWrites[method] - 1
	if !ok || i >= len(args) {
		return
	}
	fields := r.docFields(n, args[i], 0)
	if len(fields) > 0 {
		r.out = append(r.out, Model{Name: name, Line: syntax.Line(n), Fields: fields})
	}
}

// docFields lists the fields of a document value: an object's keys (an
// update operator's object read through), an array's objects, or a
// variable's, from its object and the properties the function around
// the write sets on it.
func (r *jsReader) docFields(at, v *syntax.Node, depth int) []Field {
	v = jsUnwrap(v)
	if v == nil || depth > 3 {
		return nil
	}
	switch v.Type() {
	case "object":
		var out []Field
		for _, f := range r.objectFields(v) {
			if strings.HasPrefix(f.Name, "$") {
				for _, p := range syntax.NamedChildren(v) {
					if k := p.ChildByFieldName("key"); k != nil && jsKey(r.t, k) == f.Name {
						out = append(out, r.docFields(at, p.ChildByFieldName("value"), depth+1)...)
					}
				}
				continue
			}
			out = append(out, f)
		}
		return out
	case "array":
		var out []Field
		for _, e := range syntax.NamedChildren(v) {
			out = append(out, r.docFields(at, e, depth+1)...)
		}
		return out
	case "identifier":
		name := r.t.Text(v)
		scope := jsEnclosingFunction(at)
		var out []Field
		syntax.Walk(scope, func(n *syntax.Node) bool {
			switch n.Type() {
			case "variable_declarator":
				if id := n.ChildByFieldName("name"); id != nil && r.t.Text(id) == name {
					if val := jsUnwrap(n.ChildByFieldName("value")); val != nil && val.Type() == "object" {
						out = append(out, r.objectFields(val)...)
					}
				}
			case "assignment_expression":
				left := n.ChildByFieldName("left")
				if left != nil && left.Type() == "member_expression" {
					if obj := left.ChildByFieldName("object"); obj != nil && obj.Type() == "identifier" && r.t.Text(obj) == name {
						if prop := left.ChildByFieldName("property"); prop != nil {
							out = append(out, Field{Name: r.t.Text(prop)})
						}
					}
				}
			}
			return true
		})
		return out
	}
	return nil
}

// schema reads a Mongoose schema: new Schema({...}) or new mongoose.Schema({...}).
func (r *jsReader) schema(n *syntax.Node) {
	ctor := n.ChildByFieldName("constructor")
	if ctor == nil {
		return
	}
	cname := r.t.Text(ctor)
	if ctor.Type() == "member_expression" {
		cname = r.t.Text(ctor.ChildByFieldName("property"))
	}
	args := jsArgs(n)
	if cname != "Schema" || len(args) == 0 || args[0].Type() != "object" {
		return
	}
	name := "Document"
	if p := n.Parent(); p != nil && p.Type() == "variable_declarator" {
		if id := p.ChildByFieldName("name"); id != nil {
			v := r.t.Text(id)
			name = r.schemaNames[v]
			if name == "" {
				name = strings.TrimSuffix(strings.TrimSuffix(v, "Schema"), "schema")
				if name != "" {
					name = strings.ToUpper(name[:1]) + name[1:]
				}
			}
		}
	}
	if name == "" {
		name = "Document"
	}
	r.out = append(r.out, Model{Name: name, Line: syntax.Line(n), Fields: r.objectFields(args[0]), Relations: r.objectRelations(args[0])})
}

// knexIgnored are schema builder calls that add no column.
var knexIgnored = map[string]bool{
	"index": true, "unique": true, "primary": true, "foreign": true, "dropColumn": true, "dropColumns": true,
	"renameColumn": true, "dropForeign": true, "dropIndex": true, "dropUnique": true, "dropPrimary": true,
	"timestamps": true, "dropTimestamps": true, "comment": true, "engine": true, "charset": true, "collate": true,
}

// knexColumns lists the columns a schema builder callback adds,
// t.string("email"), and the tables its foreign keys reference:
// t.integer("user_id").references("id").inTable("users"), or
// .references("users.id").
func (r *jsReader) knexColumns(fn *syntax.Node) ([]Field, []Relation) {
	params := fn.ChildByFieldName("parameters")
	var param string
	if params != nil {
		if ps := syntax.NamedChildren(params); len(ps) > 0 {
			param = r.t.Text(ps[0])
			if pat := ps[0].ChildByFieldName("pattern"); pat != nil {
				param = r.t.Text(pat)
			}
		}
	} else if p := fn.ChildByFieldName("parameter"); p != nil {
		param = r.t.Text(p)
	}
	if param == "" {
		return nil, nil
	}
	var out []Field
	var rels []Relation
	syntax.Walk(fn.ChildByFieldName("body"), func(n *syntax.Node) bool {
		if n.Type() != "call_expression" {
			return true
		}
		f := n.ChildByFieldName("function")
		if f == nil || f.Type() != "member_expression" {
			return true
		}
		obj, method := f.ChildByFieldName("object"), r.t.Text(f.ChildByFieldName("property"))
		if method == "inTable" || method == "references" {
			if args := jsArgs(n); len(args) > 0 {
				if ref, ok := r.t.StringValue(args[0]); ok && (method == "inTable" || strings.Contains(ref, ".")) {
					if method == "references" {
						ref = ref[:strings.LastIndex(ref, ".")]
					}
					rels = append(rels, Relation{Target: tableName(ref), Line: syntax.Line(n)})
				}
			}
			return true
		}
		if obj == nil || obj.Type() != "identifier" || r.t.Text(obj) != param || knexIgnored[method] {
			return true
		}
		if args := jsArgs(n); len(args) > 0 {
			if col, ok := r.t.StringValue(args[0]); ok {
				out = append(out, Field{Name: col, Type: method})
			}
		}
		return true
	})
	return out, rels
}

// objectFields lists an object literal's keys, each with its value's
// text as its type (DataTypes.BOOLEAN, { type: String, required: true }).
func (r *jsReader) objectFields(obj *syntax.Node) []Field {
	var out []Field
	for _, p := range syntax.NamedChildren(obj) {
		switch p.Type() {
		case "pair":
			if k := p.ChildByFieldName("key"); k != nil {
				if name := jsKey(r.t, k); name != "" {
					typ := r.valueType(p.ChildByFieldName("value"))
					out = append(out, Field{Name: name, Type: typ})
				}
			}
		case "shorthand_property_identifier":
			out = append(out, Field{Name: r.t.Text(p)})
		}
	}
	return out
}

// valueType is the type an object's value declares: the value itself
// (DataTypes.BOOLEAN, String), or an options object's type and
// validators ({ type: Boolean, default: false }, { validate: { isEmail:
// true } }); a nested object of fields declares none.
func (r *jsReader) valueType(v *syntax.Node) string {
	if v == nil {
		return ""
	}
	if v.Type() != "object" {
		return r.t.Text(v)
	}
	var parts []string
	for _, p := range syntax.NamedChildren(v) {
		if p.Type() != "pair" {
			continue
		}
		switch jsKey(r.t, p.ChildByFieldName("key")) {
		case "type":
			parts = append([]string{r.t.Text(p.ChildByFieldName("value"))}, parts...)
		case "validate":
			if val := p.ChildByFieldName("value"); val != nil && val.Type() == "object" {
				for _, f := range r.objectFields(val) {
					parts = append(parts, f.Name) // the validators, not their messages
				}
			}
		}
	}
	return strings.Join(parts, " ")
}

func jsKey(t *syntax.Tree, k *syntax.Node) string {
	if k == nil {
		return ""
	}
	switch k.Type() {
	case "property_identifier":
		return t.Text(k)
	case "string":
		s, _ := t.StringValue(k)
		return s
	}
	return ""
}

// jsSchemaBuilder: the call is on a schema builder (knex.schema.createTable).
func jsSchemaBuilder(t *syntax.Tree, call *syntax.Node) bool {
	obj := call.ChildByFieldName("function").ChildByFieldName("object")
	for obj != nil && obj.Type() == "call_expression" { // chained: schema.withSchema("x").createTable
		obj = obj.ChildByFieldName("function").ChildByFieldName("object")
	}
	if obj == nil {
		return false
	}
	if obj.Type() == "member_expression" {
		return t.Text(obj.ChildByFieldName("property")) == "schema"
	}
	return t.Text(obj) == "schema"
}

// jsCallee is the name a call calls: f for f(), m for x.m().
func jsCallee(t *syntax.Tree, call *syntax.Node) string {
	f := call.ChildByFieldName("function")
	if f == nil {
		return ""
	}
	switch f.Type() {
	case "identifier":
		return t.Text(f)
	case "member_expression":
		return t.Text(f.ChildByFieldName("property"))
	}
	return ""
}

func jsArgs(call *syntax.Node) []*syntax.Node {
	a := call.ChildByFieldName("arguments")
	if a == nil {
		return nil
	}
	return syntax.NamedChildren(a)
}

func jsDecorators(n *syntax.Node) []*syntax.Node {
	var out []*syntax.Node
	for _, c := range syntax.NamedChildren(n) {
		if c.Type() == "decorator" {
			out = append(out, c)
		}
	}
	return out
}

// jsDecoratorName is the name a decorator calls: Column for @Column(),
// @Column and @orm.Column().
func jsDecoratorName(t *syntax.Tree, d *syntax.Node) string {
	cs := syntax.NamedChildren(d)
	if len(cs) == 0 {
		return ""
	}
	e := cs[0]
	if e.Type() == "call_expression" {
		e = e.ChildByFieldName("function")
	}
	if e != nil && e.Type() == "member_expression" {
		e = e.ChildByFieldName("property")
	}
	return t.Text(e)
}

// jsUnwrap reads through await, parentheses and type assertions.
func jsUnwrap(n *syntax.Node) *syntax.Node {
	for n != nil {
		switch n.Type() {
		case "await_expression", "parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression":
			cs := syntax.NamedChildren(n)
			if len(cs) == 0 {
				return nil
			}
			n = cs[0]
		default:
			return n
		}
	}
	return nil
}

// jsEnclosingFunction is the function around n, or the file.
func jsEnclosingFunction(n *syntax.Node) *syntax.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "function_declaration", "function_expression", "function", "arrow_function", "method_definition", "generator_function_declaration":
			return p
		}
		n = p
	}
	return n
}
