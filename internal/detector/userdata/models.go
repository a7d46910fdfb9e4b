package userdata

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// Model is a data model or table definition and its fields.
type Model struct {
	Name   string
	Line   int
	Fields []Field
	// Table is the table the model is stored in when its declaration
	// names one (__tablename__, db_table): a foreign key names the table.
	Table string
	// Binding is the variable a table declaration is assigned to (a
	// Drizzle table's const usersTable = sqliteTable("users", ...)), by
	// which other files import and reference it.
	Binding string
	// Account: the model extends the framework's user (Django's
	// AbstractUser), so it is the app's user model whatever its fields.
	Account bool
	// Relations are the models this one belongs to.
	Relations []Relation
	// Columns are the columns a Go struct's tags name (db:"file"), by
	// field name, where they differ from the field's.
	Columns map[string]string
	// Key is the primary key column when the declaration names one
	// column (SQL's PRIMARY KEY): a key named after its table
	// (owners.ownerHex) is what other tables' columns of that name hold.
	Key string
	// Dropped: columns a migration changing the table drops, and Renamed
	// those it renames (old to new): the table's earlier readings lose
	// or rename them (columnHistory).
	Dropped []string
	Renamed map[string]string
}

// Relation is a model's reference to a model it belongs to: a foreign
// key, a many-to-one relation, a document's ref. A one-to-many list or a
// string field named like a user (created_by) is none.
type Relation struct {
	// Target is the model or table referenced, as written (User, users).
	Target string
	// Field is the model's field that holds the reference, when it is one.
	Field string
	Line  int
	// File is the file that declares the relation when another file's
	// class inherits it (a base's owner key); "" for the model's own file.
	File string
	// User: the target is the framework's user model, named through the
	// framework (settings.AUTH_USER_MODEL, get_user_model(), "auth.User",
	// Supabase's auth.users), not a model of the app.
	User bool
	// KeyType: the relation is read from the key column's name alone
	// (a Go UserID int64 with no tag saying so), and holds only when the
	// target is a model read whose own ID column has this type.
	KeyType string
	// Optional: the reference may be empty (Prisma's Team?); a row that
	// may point at nothing is no side a record is made of.
	Optional bool
	// SetNull: deleting the target empties the reference and keeps the
	// row (ON DELETE SET NULL, Prisma's onDelete: SetNull, an optional
	// relation's default): the row points at that record (a home page, a
	// default, a last editor) and outlives it; it does not belong to it.
	SetNull bool
}

// ---- Prisma ----

var (
	prismaModelRE = regexp.MustCompile(`(?m)^[ \t]*model[ \t]+(\w+)[ \t]*\{`)
	prismaFieldRE = regexp.MustCompile(`^[ \t]*(\w+)[ \t]+([\w.]+)(\[\])?`)
	prismaEnumRE  = regexp.MustCompile(`(?m)^[ \t]*(?:enum|model|type)[ \t]+(\w+)[ \t]*\{`)
	// prismaOnDeleteRE: what deleting the related record does to the row.
	// prismaMapRE: the table a model is stored in (@@map("users")).
	prismaMapRE      = regexp.MustCompile(`@@map\(\s*(?:name\s*:\s*)?"(\w+)"`)
	prismaOnDeleteRE = regexp.MustCompile(`\bonDelete\s*:\s*(\w+)`)
)

// prismaScalars are Prisma's column types; any other type is an enum, a
// composite type or a model.
var prismaScalars = map[string]bool{"String": true, "Boolean": true, "Int": true, "BigInt": true, "Float": true,
	"Decimal": true, "DateTime": true, "Json": true, "Bytes": true, "Unsupported": true}

func prismaModels(src []byte) []Model {
	var out []Model
	lines, nest := code.NewLines(src), nesting{}
	// The file's enums, composite types and models: a list of a type
	// that is no scalar and no enum is the other side of a relation
	// (posts Post[], emails NotificationEmail[]), not a column, and
	// neither is a field typed by a model of the file.
	declared := map[string]string{}
	for _, m := range prismaEnumRE.FindAllSubmatch(src, -1) {
		declared[string(m[1])] = strings.Fields(string(m[0]))[0]
	}
	for _, m := range prismaModelRE.FindAllSubmatchIndex(src, -1) {
		if nest.tooDeep(m[0]) {
			continue
		}
		md := Model{Name: string(src[m[2]:m[3]]), Line: lines.At(m[0])}
		end := blockEnd(src, m[1]-1)
		if t := prismaMapRE.FindSubmatch(src[m[1]:end]); t != nil {
			md.Table = string(t[1])
		}
		nest.enter(end)
		first := lines.At(m[1])
		for i, l := range strings.Split(string(src[m[1]:end]), "\n") {
			f := prismaFieldRE.FindStringSubmatch(l)
			if f == nil {
				continue
			}
			// The side of a relation that holds the key names it
			// (@relation(fields: [userId], ...)); the other side is a list
			// or names no fields.
			if strings.Contains(l, "@relation(") && strings.Contains(l, "fields:") {
				r := Relation{Target: f[2], Field: f[1], Line: first + i}
				r.Optional = strings.HasPrefix(l[prismaFieldRE.FindStringSubmatchIndex(l)[5]:], "?")
				if od := prismaOnDeleteRE.FindStringSubmatch(l); od != nil {
					r.SetNull = od[1] == "SetNull"
				} else {
					r.SetNull = r.Optional // Prisma's default for an optional relation
				}
				md.Relations = append(md.Relations, r)
				continue
			}
			if t := f[2]; !prismaScalars[t] && (f[3] != "" && declared[t] != "enum" && declared[t] != "type" || declared[t] == "model") {
				continue // a relation's other side
			}
			md.Fields = append(md.Fields, Field{Name: f[1], Type: f[2]})
		}
		out = append(out, md)
	}
	return out
}

// ---- Python: SQLAlchemy, SQLModel, Django, mongoengine, peewee ----

var (
	pyClassRE = regexp.MustCompile(`(?m)^([ \t]*)class[ \t]+(\w+)[ \t]*\(([^)]*)\)[ \t]*:`)
	// An ORM model's bases: SQLAlchemy's declarative Base or db.Model,
	// Django's models.Model and user bases, SQLModel tables, mongoengine
	// documents. pydantic's BaseModel is a schema, not a store.
	pyORMBaseRE  = regexp.MustCompile(`\b(?:Base|DeclarativeBase|db\.Model|models\.Model|Model|AbstractUser|AbstractBaseUser|Document|DynamicDocument)\b|\bSQLModel\b[^)]*\btable\s*=\s*True`)
	pyAssignRE   = regexp.MustCompile(`^[ \t]+(\w+)[ \t]*(?::[^=]*)?=[ \t]*(?:[\w.]+\.)?(\w*(?:Column|column|Field))\(`)
	pyAnnotateRE = regexp.MustCompile(`^[ \t]+(\w+)[ \t]*:[ \t]*(?:Mapped\[|[A-Za-z])`)
)

// sqlTableRE marks an SQLModel table class (class User(UserBase,
// table=True)): SQLModel alone takes that keyword.
var sqlTableRE = regexp.MustCompile(`\btable\s*=\s*True\b`)

func pythonModels(src []byte) []Model {
	out, _ := pythonClasses(src)
	return out
}

// pythonClasses reads a file's models, and what another file may make a
// model: every model class of the file by its declared name (abstract
// bases too), and the classes on bases the file does not define.
func pythonClasses(src []byte) ([]Model, *pyFile) {
	pf := &pyFile{defs: map[string]pyDef{}}
	var out []Model
	lines, nest := code.NewLines(src), nesting{}
	// The annotated fields of every class, for SQLModel tables that
	// inherit theirs from a schema class in the same file.
	var schemas map[string][]Field
	odm := annotatedODM(src)
	authUser := importsAuthUser(src)
	classes := pyClassRE.FindAllSubmatchIndex(src, -1)
	orm := pyModelClasses(src, classes)
	parent := map[string]int{} // model read -> its index in out
	var abstract []int
	for _, m := range classes {
		bases := string(src[m[6]:m[7]])
		table := sqlTableRE.MatchString(bases)
		base := pyModelBase(bases, orm)
		if !table && !pyORMBaseRE.MatchString(bases) && base == "" || nest.tooDeep(m[0]) {
			continue
		}
		// Annotations alone declare columns in SQLModel tables and
		// SQLAlchemy 2 (Mapped[...]); elsewhere they are plain attributes.
		annotated := table || odm || strings.Contains(bases, "SQLModel") || strings.Contains(bases, "DeclarativeBase")
		md := Model{Name: string(src[m[4]:m[5]]), Line: lines.At(m[0]), Account: pyAccountBaseRE.MatchString(bases)}
		fields, end := pyClassFields(src, m, annotated)
		md.Relations = pyRelations(src, m[1], end, lines, authUser)
		if t := pyTableRE.FindSubmatch(src[m[1]:end]); t != nil {
			md.Table = string(t[1])
		}
		if table {
			if schemas == nil {
				schemas = pySchemaFields(src)
			}
			md.Fields = inherited(bases, schemas, map[string]bool{})
		}
		md.Fields = append(md.Fields, fields...)
		nest.enter(end)
		body := src[m[1]:end]
		if i, ok := parent[base]; ok {
			if pySameTableRE.Match(body) && pyTableRE.Find(body) == nil {
				// Single-table inheritance or a proxy: the parent's table,
				// with the columns and references the subclass adds.
				md.Name, md.Table = out[i].Name, out[i].Table
			} else {
				md.Fields = append(slices.Clone(out[i].Fields), md.Fields...)
				md.Relations = append(slices.Clone(out[i].Relations), md.Relations...)
				md.Account = md.Account || out[i].Account
			}
		}
		parent[md.Name] = len(out)
		if n := string(src[m[4]:m[5]]); n != md.Name {
			parent[n] = len(out)
		}
		isAbstract := pyAbstractRE.Match(body)
		if isAbstract {
			abstract = append(abstract, len(out))
		}
		pf.defs[string(src[m[4]:m[5]])] = pyDef{Model: md, abstract: isAbstract}
		out = append(out, md)
	}
	// An abstract base has no table: its fields are its subclasses'.
	for i := len(abstract) - 1; i >= 0; i-- {
		out = slices.Delete(out, abstract[i], abstract[i]+1)
	}
	pf.rest = pyOtherClasses(src, classes, orm, lines, authUser)
	return out, pf
}

var (
	// pyAbstractRE: Django's class Meta: abstract = True, SQLAlchemy's
	// __abstract__ = True.
	pyAbstractRE = regexp.MustCompile(`(?m)^[ \t]+(?:abstract|__abstract__)[ \t]*=[ \t]*True\b`)
	// pySameTableRE: a subclass kept in its parent's table (SQLAlchemy's
	// polymorphic_identity without a table of its own, Django's proxy).
	pySameTableRE = regexp.MustCompile(`\bpolymorphic_identity\b|(?m)^[ \t]+proxy[ \t]*=[ \t]*True\b`)
)

// pyModelClasses names the file's classes that are ORM models: those on
// an ORM base, and, to a fixed point, those whose base is one of them (a
// Django abstract base, a SQLAlchemy polymorphic parent).
func pyModelClasses(src []byte, classes [][]int) map[string]bool {
	orm := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, m := range classes {
			name, bases := string(src[m[4]:m[5]]), string(src[m[6]:m[7]])
			if orm[name] {
				continue
			}
			if sqlTableRE.MatchString(bases) || pyORMBaseRE.MatchString(bases) || pyModelBase(bases, orm) != "" {
				orm[name] = true
				changed = true
			}
		}
	}
	return orm
}

// pyModelBase is the first of a class's bases that is a model of the
// file, or "".
func pyModelBase(bases string, orm map[string]bool) string {
	for _, b := range strings.Split(bases, ",") {
		if b = strings.TrimSpace(b); orm[b] {
			return b
		}
	}
	return ""
}

// annotatedODM: the file imports an ODM whose documents declare their
// fields as annotations (Beanie's Document, ODMantic's Model), so a
// document class's annotations are its stored fields.
func annotatedODM(src []byte) bool {
	for _, im := range code.Imports(lang.Python, src) {
		if m := strings.SplitN(im.Module, ".", 2)[0]; m == "beanie" || m == "odmantic" {
			return true
		}
	}
	return false
}

// pyAccountBaseRE: a class that extends Django's user is the app's user
// model.
var pyAccountBaseRE = regexp.MustCompile(`\bAbstract(?:Base)?User\b`)

// pyTableRE is the table a class body names for its model.
var pyTableRE = regexp.MustCompile(`(?m)^[ \t]+(?:__tablename__|db_table)[ \t]*=[ \t]*["'](\w+)["']`)

var (
	// pyRefFieldRE is a field that references one model: Django's
	// ForeignKey and OneToOneField, peewee's ForeignKeyField,
	// mongoengine's ReferenceField. A ManyToManyField or a list of
	// references is membership, not ownership.
	pyRefFieldRE = regexp.MustCompile(`(?m)^[ \t]+(\w+)[ \t]*(?::[^=\n]*)?=[ \t]*(?:[\w.]+\.)?(?:ForeignKey|OneToOneField|ForeignKeyField|ReferenceField|LazyReferenceField|CachedReferenceField)[ \t]*\(`)
	// pyFKColumnRE is a column whose call declares a foreign key:
	// Column(ForeignKey("users.id")), mapped_column(ForeignKey(User.id)),
	// SQLModel's Field(foreign_key="user.id").
	pyFKColumnRE = regexp.MustCompile(`(?m)^[ \t]+(\w+)[ \t]*(?::[^=\n]*)?=[ \t]*(?:[\w.]+\.)?(?:Column|mapped_column|Field)[ \t]*\(`)
	// pySetNullRE: SQLAlchemy's ForeignKey(..., ondelete="SET NULL").
	pySetNullRE = regexp.MustCompile(`(?i)\bondelete\s*=\s*["']set null["']`)
	pyFKArgRE   = regexp.MustCompile(`\bForeignKey\(\s*(?:["']([\w.]+)["']|([A-Za-z_][\w.]*))|\bforeign_key\s*=\s*["']([\w.]+)["']`)
)

// pyRelations lists the references the class body between from and end
// declares, each read from its whole call (it may span lines).
func pyRelations(src []byte, from, end int, lines *code.Lines, authUser bool) []Relation {
	var out []Relation
	body := src[from:end]
	for _, m := range pyRefFieldRE.FindAllSubmatchIndex(body, -1) {
		open := from + m[1] - 1
		args := lang.SplitTopLevel(string(src[open+1 : parenEnd(src, open)]))
		target := ""
		nullable, onDelete := false, ""
		for i, a := range args {
			a = strings.TrimSpace(a)
			k, v, kw := strings.Cut(a, "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch {
			case kw && (k == "to" || k == "model" || k == "document_type"):
				target = v
			case kw && k == "null":
				nullable = v == "True"
			case kw && k == "on_delete":
				onDelete = v[strings.LastIndex(v, ".")+1:]
			case !kw && i == 0:
				target = a
			case !kw && i == 1: // ForeignKey(User, models.CASCADE)
				onDelete = a[strings.LastIndex(a, ".")+1:]
			}
		}
		if r, ok := pyTarget(target, authUser); ok {
			r.Field, r.Line = string(body[m[2]:m[3]]), lines.At(from+m[0])
			// A nullable key whose target may go (SET_NULL) or is kept
			// while the row points at it (PROTECT) is one the row outlives:
			// a last editor, who reported it. A CASCADE key dies with it.
			r.Optional = nullable
			r.SetNull = nullable && onDelete != "" && onDelete != "CASCADE"
			out = append(out, r)
		}
	}
	for _, m := range pyFKColumnRE.FindAllSubmatchIndex(body, -1) {
		open := from + m[1] - 1
		call := src[open:parenEnd(src, open)]
		fk := pyFKArgRE.FindSubmatch(call)
		if fk == nil {
			continue
		}
		var r Relation
		switch {
		case fk[1] != nil: // "users.id": a table and its column
			r.Target = pyColumnTable(string(fk[1]))
		case fk[2] != nil: // User.id: a class and its column
			r.Target = pyColumnTable(string(fk[2]))
		default:
			r.Target = pyColumnTable(string(fk[3]))
		}
		if r.Target != "" {
			r.Field, r.Line = string(body[m[2]:m[3]]), lines.At(from+m[0])
			r.SetNull = pySetNullRE.Match(call)
			out = append(out, r)
		}
	}
	return out
}

// pyColumnTable is the table of a column reference: users for users.id.
func pyColumnTable(ref string) string {
	if i := strings.LastIndex(ref, "."); i > 0 {
		ref = ref[:i]
	}
	if i := strings.LastIndex(ref, "."); i >= 0 { // schema.table
		ref = ref[i+1:]
	}
	return ref
}

// pyTarget is the model a reference field's first argument names: User,
// models.User, "User", "app.User"; Django's own user named through the
// framework (settings.AUTH_USER_MODEL, get_user_model(), "auth.User", or
// User imported from django.contrib.auth) is marked User.
func pyTarget(arg string, authUser bool) (Relation, bool) {
	arg = strings.TrimSpace(arg)
	switch {
	case arg == "":
		return Relation{}, false
	case strings.HasSuffix(arg, "AUTH_USER_MODEL") || strings.HasPrefix(arg, "get_user_model(") || strings.HasSuffix(arg, ".get_user_model()"):
		return Relation{Target: "User", User: true}, true
	}
	quoted := strings.Trim(arg, `"'`) != arg
	name := strings.Trim(arg, `"'`)
	if !pyDottedRE.MatchString(name) {
		return Relation{}, false // a call or an expression: not a model named here
	}
	if quoted && strings.EqualFold(name, "auth.User") {
		return Relation{Target: "User", User: true}, true
	}
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	if name == "self" {
		return Relation{}, false
	}
	return Relation{Target: name, User: name == "User" && authUser && !quoted}, true
}

var pyDottedRE = regexp.MustCompile(`^[A-Za-z_][\w.]*$`)

// importsAuthUser: the file imports Django's own User model.
func importsAuthUser(src []byte) bool {
	for _, im := range code.Imports(lang.Python, src) {
		if im.Module == "django.contrib.auth.models.User" {
			return true
		}
	}
	return false
}

// inherited gathers the fields of a class's bases found in the file,
// their bases' first.
func inherited(bases string, schemas map[string][]Field, seen map[string]bool) []Field {
	var out []Field
	for _, b := range strings.Split(bases, ",") {
		b = strings.TrimSpace(b)
		if seen[b] || strings.Contains(b, "=") {
			continue
		}
		seen[b] = true
		if f, ok := schemas[b]; ok {
			out = append(out, f...)
		}
	}
	return out
}

// pySchemaFields maps every class of the file to its annotated fields,
// its own bases' first.
func pySchemaFields(src []byte) map[string][]Field {
	own, bases := map[string][]Field{}, map[string]string{}
	nest := nesting{}
	for _, m := range pyClassRE.FindAllSubmatchIndex(src, -1) {
		if nest.tooDeep(m[0]) {
			continue
		}
		name := string(src[m[4]:m[5]])
		var end int
		own[name], end = pyClassFields(src, m, true)
		nest.enter(end)
		bases[name] = string(src[m[6]:m[7]])
	}
	out := map[string][]Field{}
	var resolve func(name string, depth int) []Field
	resolve = func(name string, depth int) []Field {
		if f, ok := out[name]; ok || depth > 8 {
			return f
		}
		var f []Field
		for _, b := range strings.Split(bases[name], ",") {
			if b = strings.TrimSpace(b); b != name && own[b] != nil {
				f = append(f, resolve(b, depth+1)...)
			}
		}
		out[name] = append(f, own[name]...)
		return out[name]
	}
	for name := range own {
		resolve(name, 0)
	}
	return out
}

// pyClassFields reads the fields of the class whose pyClassRE match is m
// and returns them with the offset where its body ends. The lines after
// the class line's own are read one at a time: the body ends at the
// first line indented no deeper than the class.
func pyClassFields(src []byte, m []int, annotated bool) ([]Field, int) {
	var fields []Field
	classIndent := code.Indent(string(src[m[2]:m[3]]))
	fieldIndent := -1
	end := len(src)
	rest := src[m[1]:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[i+1:]
	} else {
		rest = nil
	}
	for len(rest) > 0 {
		at := len(src) - len(rest)
		var l string
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = string(rest[:i]), rest[i+1:]
		} else {
			l, rest = string(rest), nil
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		in := code.Indent(l)
		if in <= classIndent {
			end = at
			break
		}
		if fieldIndent < 0 {
			fieldIndent = in
		}
		if in != fieldIndent {
			continue
		}
		if f := pyAssignRE.FindStringSubmatch(l); f != nil {
			if !strings.HasPrefix(f[1], "_") && f[2] != "relationship" {
				fields = append(fields, Field{Name: f[1], Type: pyDeclaredType(l)})
			}
			continue
		}
		if f := pyAnnotateRE.FindStringSubmatch(l); f != nil && (annotated || strings.Contains(l, "Mapped[")) && !strings.HasPrefix(f[1], "_") && !strings.Contains(l, "relationship(") && !strings.Contains(l, "Relationship(") {
			fields = append(fields, Field{Name: f[1], Type: pyDeclaredType(l)})
		}
	}
	return fields, end
}

// pyDeclaredType is what a field's line declares after its name: the
// annotation and the column call (Mapped[bool] = mapped_column(...),
// models.EmailField(...), Column(Boolean)).
func pyDeclaredType(l string) string {
	l = strings.TrimSpace(l)
	if i := strings.IndexAny(l, ":="); i >= 0 {
		return strings.TrimSpace(l[i+1:])
	}
	return ""
}

// ---- shared scanning helpers ----

// maxNesting is how many model bodies a model may be declared inside.
// Real code nests a schema or two (a subdocument); a file of unterminated
// declarations nests each in all before it, and reading every body to the
// end of the file cost the file's size per declaration.
const maxNesting = 8

// nesting follows the bodies of the models read so far, in file order.
type nesting struct {
	ends []int // where the bodies that enclose the last offset end, innermost last
}

// tooDeep reports whether a declaration at off sits inside maxNesting
// bodies already: it is skipped, unread.
func (n *nesting) tooDeep(off int) bool {
	for len(n.ends) > 0 && n.ends[len(n.ends)-1] <= off {
		n.ends = n.ends[:len(n.ends)-1]
	}
	return len(n.ends) >= maxNesting
}

// enter records the body of the model just read, which ends at end.
func (n *nesting) enter(end int) { n.ends = append(n.ends, end) }

// blockEnd returns the offset of the brace closing the one at open, or
// the end of src when it never closes (a broken file).
func blockEnd(src []byte, open int) int {
	return matchEnd(src, open, '{', '}')
}

func parenEnd(src []byte, open int) int {
	return matchEnd(src, open, '(', ')')
}

func matchEnd(src []byte, open int, o, c byte) int {
	if open >= len(src) || src[open] != o {
		return len(src)
	}
	if i := lang.ClosingBracket(src, open); i >= 0 && src[i] == c {
		return i
	}
	return len(src)
}
