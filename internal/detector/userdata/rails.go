package userdata

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// Rails keeps its live schema in db/schema.rb (ActiveRecord::Schema's
// create_table blocks, regenerated on every migration), or in
// db/structure.sql when the app sets config.active_record.schema_format
// = :sql. A structure.sql beside a schema.rb, in an app that does not
// choose the SQL format, is a leftover of an older setup: the tables it
// lists may be long gone, so schema.rb is read and the structure.sql is
// not.

var (
	// rbCreateTableRE opens a create_table block: create_table "users",
	// id: :uuid, force: :cascade do |t|.
	// A migration's change_table block adds columns the same way.
	rbCreateTableRE = regexp.MustCompile(`(?m)^([ \t]*)(?:create|change)_table[\s(]+[:"']?(\w+)["']?([^\n]*?)\bdo\s*\|(\w+)\|`)
	// rbColumnRE is one column line of a block: t.string "email", t.references :user.
	rbColumnRE = regexp.MustCompile(`^[ \t]*(\w+)\.(\w+)\s+[:"'](\w+)["']?([^\n]*)`)
	// rbForeignKeyRE declares a key: add_foreign_key "posts", "users", column: "author_id".
	rbForeignKeyRE = regexp.MustCompile(`(?m)^[ \t]*add_foreign_key\s+[:"'](\w+)["']?\s*,\s*[:"'](\w+)["']?([^\n]*)`)
	rbOptionRE     = regexp.MustCompile(`\b(column|type|id|on_delete|polymorphic|primary_key)\s*:\s*[:"']?(\w+)`)
	// railsSQLFormatRE chooses structure.sql as the live schema.
	railsSQLFormatRE = regexp.MustCompile(`\bschema_format\s*=\s*:sql\b`)
)

// rbNotColumns are a block's calls that declare no column.
var rbNotColumns = map[string]bool{"index": true, "timestamps": true, "check_constraint": true, "exclusion_constraint": true, "unique_constraint": true, "remove": true}

// rbChangeColumn reads a change_table block's call that drops or renames
// columns into the table's Dropped and Renamed (t.remove :phone, :fax;
// t.remove_references :invited_by, polymorphic: true; t.rename :a, :b),
// reporting whether the call was one.
func rbChangeColumn(m *Model, call, first, rest string) bool {
	switch call {
	case "remove":
		m.Dropped = append(m.Dropped, first)
		m.Dropped = append(m.Dropped, rbArgNames(rest)...)
	case "remove_references", "remove_reference", "remove_belongs_to":
		m.Dropped = append(m.Dropped, first+"_id", first+"_type")
	case "rename":
		if to := rbArgNames(rest); len(to) > 0 {
			if m.Renamed == nil {
				m.Renamed = map[string]string{}
			}
			m.Renamed[first] = to[0]
		}
	default:
		return false
	}
	return true
}

// rbArgNames are the names a call's remaining arguments give as symbols
// or strings (", :b, :c, type: :string" gives b and c), up to its first
// option.
func rbArgNames(rest string) []string {
	var out []string
	for _, a := range strings.Split(rest, ",") {
		a = strings.TrimSpace(a)
		m := rbArgNameRE.FindStringSubmatch(a)
		if m == nil {
			if a == "" {
				continue
			}
			break // an option (type: :string) or an expression
		}
		out = append(out, m[1])
	}
	return out
}

// rbArgNameRE is one symbol or string argument: :phone, "phone".
var rbArgNameRE = regexp.MustCompile(`^[:"'](\w+)["']?\)?$`)

// rbKeyType is the family of a column's type, as a key's and an id's
// types are compared (resolveKeys).
func rbKeyType(t string) string {
	switch t {
	case "integer", "bigint", "serial", "bigserial", "primary_key":
		return "int"
	case "":
		return "int" // Rails' default id
	}
	return t
}

// A Rails app that keeps no db/schema.rb in its tree (it is generated on
// deploy) declares its tables only in db/migrate: create_table and
// change_table blocks, and the column calls between them. Where a
// schema.rb is there, it is the live schema and the migrations are not
// read (Finish).

var (
	// rbAddColumnRE: add_column :users, :username, :string, null: false.
	rbAddColumnRE = regexp.MustCompile(`(?m)^[ \t]*add_column[\s(]+[:"'](\w+)["']?\s*,\s*[:"'](\w+)["']?\s*,\s*[:"'](\w+)`)
	// rbAddReferenceRE: add_reference :models, :creator, foreign_key: true.
	rbAddReferenceRE = regexp.MustCompile(`(?m)^[ \t]*add_(?:reference|belongs_to)[\s(]+[:"'](\w+)["']?\s*,\s*[:"'](\w+)["']?([^\n]*)`)
	// rbRemoveColumnRE: remove_column :users, :legacy_id (and its type).
	rbRemoveColumnRE = regexp.MustCompile(`(?m)^[ \t]*remove_column[\s(]+[:"'](\w+)["']?\s*,\s*[:"'](\w+)`)
	// rbRemoveColumnsRE: remove_columns :users, :phone, :fax (type: ...).
	rbRemoveColumnsRE = regexp.MustCompile(`(?m)^[ \t]*remove_columns[\s(]+[:"'](\w+)["']?\s*,([^\n]*)`)
	// rbRemoveReferenceRE: remove_reference :users, :invited_by, polymorphic: true.
	rbRemoveReferenceRE = regexp.MustCompile(`(?m)^[ \t]*remove_(?:reference|belongs_to)[\s(]+[:"'](\w+)["']?\s*,\s*[:"'](\w+)`)
	// rbRenameColumnRE: rename_column :models, :preview_part_id, :preview_file_id.
	rbRenameColumnRE = regexp.MustCompile(`(?m)^[ \t]*rename_column[\s(]+[:"'](\w+)["']?\s*,\s*[:"'](\w+)["']?\s*,\s*[:"'](\w+)`)
	// rbToTableRE: a reference's declared table, foreign_key: {to_table: :parts}.
	rbToTableRE = regexp.MustCompile(`\bto_table:\s*[:"'](\w+)`)
)

// isRailsMigration: a Ruby file in db/migrate (or another database's
// db/<name>_migrate).
func isRailsMigration(p string) bool {
	dir := path.Dir(p)
	b := path.Base(dir)
	return strings.HasSuffix(p, ".rb") && path.Base(path.Dir(dir)) == "db" && (b == "migrate" || strings.HasSuffix(b, "_migrate"))
}

// railsMigrationModels reads the tables a migration creates or changes:
// its blocks as schema.rb's are read, and each column call as a reading
// of its table with that column (what it drops or renames as the
// table's Dropped and Renamed, for the readings before it).
func railsMigrationModels(src []byte) []Model {
	out := railsSchemaModels(src)
	lines := code.NewLines(src)
	at := map[string]int{}
	for i, m := range out {
		at[m.Name] = i
	}
	table := func(name string, off int) *Model {
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, Model{Name: name, Line: lines.At(off)})
		}
		return &out[i]
	}
	for _, m := range rbAddColumnRE.FindAllSubmatchIndex(src, -1) {
		t := table(string(src[m[2]:m[3]]), m[0])
		col, typ := string(src[m[4]:m[5]]), string(src[m[6]:m[7]])
		t.Fields = append(t.Fields, Field{Name: col, Type: typ})
	}
	for _, m := range rbAddReferenceRE.FindAllSubmatchIndex(src, -1) {
		t := table(string(src[m[2]:m[3]]), m[0])
		ref, opts := string(src[m[4]:m[5]]), string(src[m[6]:m[7]])
		kt := "int"
		for _, o := range rbOptionRE.FindAllStringSubmatch(opts, -1) {
			switch o[1] {
			case "type":
				kt = rbKeyType(o[2])
			case "polymorphic":
				if o[2] == "true" {
					kt = ""
				}
			}
		}
		if kt == "" {
			t.Fields = append(t.Fields, Field{Name: ref + "_id", Type: "int"}, Field{Name: ref + "_type", Type: "string"})
			continue
		}
		target := ref
		if to := rbToTableRE.FindStringSubmatch(opts); to != nil {
			target = to[1]
		}
		t.Fields = append(t.Fields, Field{Name: ref + "_id", Type: kt})
		t.Relations = append(t.Relations, Relation{Target: target, Field: ref + "_id", Line: lines.At(m[0])})
	}
	for _, m := range rbRemoveColumnRE.FindAllSubmatchIndex(src, -1) {
		t := table(string(src[m[2]:m[3]]), m[0])
		t.Dropped = append(t.Dropped, string(src[m[4]:m[5]]))
	}
	for _, m := range rbRemoveColumnsRE.FindAllSubmatchIndex(src, -1) {
		t := table(string(src[m[2]:m[3]]), m[0])
		t.Dropped = append(t.Dropped, rbArgNames(string(src[m[4]:m[5]]))...)
	}
	for _, m := range rbRemoveReferenceRE.FindAllSubmatchIndex(src, -1) {
		t := table(string(src[m[2]:m[3]]), m[0])
		ref := string(src[m[4]:m[5]])
		t.Dropped = append(t.Dropped, ref+"_id", ref+"_type")
	}
	for _, m := range rbRenameColumnRE.FindAllSubmatchIndex(src, -1) {
		t := table(string(src[m[2]:m[3]]), m[0])
		if t.Renamed == nil {
			t.Renamed = map[string]string{}
		}
		t.Renamed[string(src[m[4]:m[5]])] = string(src[m[6]:m[7]])
	}
	// A key added to a table another migration created.
	for _, m := range rbForeignKeyRE.FindAllSubmatchIndex(src, -1) {
		from := string(src[m[2]:m[3]])
		if _, ok := at[from]; ok {
			continue // read with the block that created it
		}
		to, opts := string(src[m[4]:m[5]]), string(src[m[6]:m[7]])
		field := rbSingular(to) + "_id"
		setNull := false
		for _, o := range rbOptionRE.FindAllStringSubmatch(opts, -1) {
			switch o[1] {
			case "column":
				field = o[2]
			case "on_delete":
				setNull = o[2] == "nullify"
			}
		}
		t := table(from, m[0])
		t.Relations = append(t.Relations, Relation{Target: to, Field: field, Line: lines.At(m[0]), SetNull: setNull})
	}
	return out
}

// isRailsSchema: db/schema.rb, or another database's db/<name>_schema.rb.
func isRailsSchema(p string) bool {
	b := path.Base(p)
	return path.Base(path.Dir(p)) == "db" && (b == "schema.rb" || strings.HasSuffix(b, "_schema.rb"))
}

// isRailsStructure: db/structure.sql (or another database's
// db/<name>_structure.sql).
func isRailsStructure(p string) bool {
	b := path.Base(p)
	return path.Base(path.Dir(p)) == "db" && (b == "structure.sql" || strings.HasSuffix(b, "_structure.sql"))
}

// isRailsSettings: a Ruby file that may choose the schema format.
func isRailsSettings(p string) bool {
	return path.Base(path.Dir(p)) == "config" && path.Base(p) == "application.rb" || path.Base(path.Dir(p)) == "environments"
}

// railsSchemaModels reads the tables of a schema.rb.
func railsSchemaModels(src []byte) []Model {
	lines := code.NewLines(src)
	var out []Model
	byName := map[string]int{}
	for _, m := range rbCreateTableRE.FindAllSubmatchIndex(src, -1) {
		indent, name, opts, recv := string(src[m[2]:m[3]]), string(src[m[4]:m[5]]), string(src[m[6]:m[7]]), string(src[m[8]:m[9]])
		model := Model{Name: name, Line: lines.At(m[4])}
		idType := "int"
		for _, o := range rbOptionRE.FindAllStringSubmatch(opts, -1) {
			switch o[1] {
			case "id":
				idType = rbKeyType(o[2])
				if o[2] == "false" {
					idType = ""
				}
			case "primary_key":
				idType = ""
			}
		}
		if idType != "" {
			model.Fields = append(model.Fields, Field{Name: "id", Type: idType})
		}
		body := src[m[1]:]
		endRE := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(indent) + `end\b`)
		if e := endRE.FindIndex(body); e != nil {
			body = body[:e[0]]
		}
		base := m[1]
		polymorphic := map[string]bool{}
		type col struct {
			name, typ, opts string
			line            int
		}
		var cols []col
		off := 0
		for _, l := range strings.SplitAfter(string(body), "\n") {
			c := rbColumnRE.FindStringSubmatch(l)
			lineAt := lines.At(base + off)
			off += len(l)
			if c != nil && c[1] == recv && rbChangeColumn(&model, c[2], c[3], c[4]) {
				continue // a change_table block's drop or rename
			}
			if c == nil || c[1] != recv || rbNotColumns[c[2]] {
				continue
			}
			cols = append(cols, col{name: c[3], typ: c[2], opts: c[4], line: lineAt})
			if strings.HasSuffix(c[3], "_type") {
				polymorphic[strings.TrimSuffix(c[3], "_type")] = true
			}
		}
		for _, c := range cols {
			opts := map[string]string{}
			for _, o := range rbOptionRE.FindAllStringSubmatch(c.opts, -1) {
				opts[o[1]] = o[2]
			}
			switch c.typ {
			case "references", "belongs_to":
				if opts["polymorphic"] == "true" {
					model.Fields = append(model.Fields, Field{Name: c.name + "_id", Type: rbKeyType(opts["type"])}, Field{Name: c.name + "_type", Type: "string"})
					continue
				}
				model.Fields = append(model.Fields, Field{Name: c.name + "_id", Type: rbKeyType(opts["type"])})
				model.Relations = append(model.Relations, Relation{Target: c.name, Field: c.name + "_id", Line: c.line})
				continue
			}
			model.Fields = append(model.Fields, Field{Name: c.name, Type: c.typ})
			// A key by Rails' convention (repo_subscription_id holds a
			// repo_subscriptions row's id): kept when that table is read
			// with an id of the key's type.
			if target, ok := strings.CutSuffix(c.name, "_id"); ok && target != "" && !polymorphic[target] {
				model.Relations = append(model.Relations, Relation{Target: target, Field: c.name, Line: c.line, KeyType: rbKeyType(c.typ)})
			}
		}
		byName[name] = len(out)
		out = append(out, model)
	}
	// A key's target is the table it names by Rails' inflection
	// (watch_id: watches), where the table is read.
	tables := map[string]string{}
	for _, m := range out {
		tables[rbSingular(m.Name)] = m.Name
	}
	for i := range out {
		for j, r := range out[i].Relations {
			if t, ok := tables[r.Target]; ok {
				out[i].Relations[j].Target = t
			}
		}
	}
	for _, m := range rbForeignKeyRE.FindAllSubmatchIndex(src, -1) {
		to, opts := string(src[m[4]:m[5]]), string(src[m[6]:m[7]])
		i, ok := byName[string(src[m[2]:m[3]])]
		if !ok {
			continue
		}
		field := ""
		setNull := false
		for _, o := range rbOptionRE.FindAllStringSubmatch(opts, -1) {
			switch o[1] {
			case "column":
				field = o[2]
			case "on_delete":
				setNull = o[2] == "nullify"
			}
		}
		if field == "" {
			field = rbSingular(to) + "_id"
		}
		r := Relation{Target: to, Field: field, Line: lines.At(m[0]), SetNull: setNull}
		rels := out[i].Relations[:0:0]
		for _, x := range out[i].Relations {
			if x.Field != field { // the declared key replaces the one read from the name
				rels = append(rels, x)
			}
		}
		out[i].Relations = append(rels, r)
	}
	return out
}

// rbSingularRE are the plural endings Rails' inflector undoes most often.
var rbSingularRE = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`([^aeiouy])ies$`), "${1}y"},
	{regexp.MustCompile(`(ch|sh|ss|x|z)es$`), "$1"},
	{regexp.MustCompile(`([^s])s$`), "$1"},
}

// rbSingular is a table's name as its key columns spell it: watches,
// watch_id; categories, category_id.
func rbSingular(table string) string {
	for _, r := range rbSingularRE {
		if r.re.MatchString(table) {
			return r.re.ReplaceAllString(table, r.with)
		}
	}
	return table
}

// A polymorphic association keeps its owner in a pair of columns
// (owner_type, owner_id) with no declared key: the schema says only that
// the row points at some model. The models say which: a class that
// declares has_many :notifications, as: :recipient (or a gem's macro that
// does, Pay's pay_customer, Noticed's has_noticed_notifications) is one
// of the owners the pair may name, so the table belongs to that model as
// to any it holds a key to. A class with no such line is no owner, and a
// pair whose only owners are models no user owns (comments on posts)
// makes nothing a user's.

var (
	rbClassRE      = regexp.MustCompile(`(?m)^[ \t]*(class|module)[ \t]+((?:\w+::)*\w+)`)
	rbIncludeRE    = regexp.MustCompile(`(?m)^[ \t]*include[ \t]+((?:\w+::)*\w+)`)
	rbHasAsRE      = regexp.MustCompile(`(?m)^[ \t]*has_(many|one)[ \t]+:(\w+)\b[^\n]*\bas:[ \t]*:(\w+)`)
	rbOwnerMacroRE = regexp.MustCompile(`(?m)^[ \t]*(pay_customer|pay_merchant|has_noticed_notifications)\b`)
)

// rbOwnerMacros are gems' macros that declare a polymorphic has_many: the
// table they own and the pair's name.
var rbOwnerMacros = map[string][2]string{
	"pay_customer":              {"pay_customers", "owner"},
	"pay_merchant":              {"pay_merchants", "owner"},
	"has_noticed_notifications": {"notifications", "recipient"},
}

// isRailsModel: a Ruby file under app/models (its concerns too).
func isRailsModel(p string) bool {
	return strings.HasSuffix(p, ".rb") && strings.Contains("/"+p, "/app/models/")
}

// rbOwnerSide is what one model file says about polymorphic owners: the
// class (or concern) it declares, the modules it includes, and the
// tables it owns through a pair (has_many ..., as:).
type rbOwnerSide struct {
	file     string
	name     string // the class or module, last segment
	module   bool
	includes []string
	owns     []rbOwned
}

type rbOwned struct {
	table, as string
	line      int
}

// railsOwnerSide reads a model file's polymorphic owner declarations; nil
// when it has none and includes nothing.
func railsOwnerSide(p string, src []byte) *rbOwnerSide {
	m := rbClassRE.FindSubmatch(src)
	if m == nil {
		return nil
	}
	name := string(m[2])
	if i := strings.LastIndex(name, "::"); i >= 0 {
		name = name[i+2:]
	}
	side := &rbOwnerSide{file: p, name: name, module: string(m[1]) == "module"}
	// A model nested in a module (module Admin; class Note) is the class.
	for _, c := range rbClassRE.FindAllSubmatch(src, -1) {
		if string(c[1]) == "class" {
			side.module = false
			n := string(c[2])
			if i := strings.LastIndex(n, "::"); i >= 0 {
				n = n[i+2:]
			}
			side.name = n
			break
		}
	}
	lines := code.NewLines(src)
	for _, i := range rbIncludeRE.FindAllSubmatch(src, -1) {
		n := string(i[1])
		if k := strings.LastIndex(n, "::"); k >= 0 {
			n = n[k+2:]
		}
		side.includes = append(side.includes, n)
	}
	for _, h := range rbHasAsRE.FindAllSubmatchIndex(src, -1) {
		side.owns = append(side.owns, rbOwned{table: string(src[h[4]:h[5]]), as: string(src[h[6]:h[7]]), line: lines.At(h[0])})
	}
	for _, h := range rbOwnerMacroRE.FindAllSubmatchIndex(src, -1) {
		o := rbOwnerMacros[string(src[h[2]:h[3]])]
		side.owns = append(side.owns, rbOwned{table: o[0], as: o[1], line: lines.At(h[2])})
	}
	if len(side.owns) == 0 && len(side.includes) == 0 {
		return nil
	}
	return side
}

// addPolymorphicOwners gives each table with an owner pair the relations
// its owners' classes declare (see rbOwnerSide), before ownership is
// resolved: in schema.rb, and in db/migrate when the app keeps no schema
// (the replayed tables must read as the schema would).
func (d *Detector) addPolymorphicOwners() {
	modules := map[string][]rbOwned{}
	for _, s := range d.rbOwners {
		if s.module {
			modules[s.name] = append(modules[s.name], s.owns...)
		}
	}
	for _, s := range d.rbOwners {
		if s.module {
			continue
		}
		owns := append([]rbOwned(nil), s.owns...)
		for _, inc := range s.includes {
			owns = append(owns, modules[inc]...)
		}
		for _, o := range owns {
			for i := range d.seen {
				m := &d.seen[i]
				if !isRailsSchema(m.file) && !isRailsMigration(m.file) || code.ModelKey(m.Name) != code.ModelKey(o.table) || !hasField(m.Fields, o.as+"_type") || !hasField(m.Fields, o.as+"_id") {
					continue
				}
				m.Relations = append(m.Relations, Relation{Target: s.name, Field: o.as + "_id", File: s.file, Line: o.line})
			}
		}
	}
}

// rbIDGeneratorRE is a Ruby model or concern filling a column from an
// identifier generator: a TypeID (a prefixed, sortable public id) or a
// ULID, never meant to be kept secret.
var rbIDGeneratorRE = regexp.MustCompile(`\bself\.(\w+)\s*(?:\|\|)?=\s*(?:::)?(?:TypeID\.new|ULID\.generate)\b`)

// idColumns are the columns a Ruby file fills from an identifier
// generator, by columnKey.
func idColumns(f *detector.File) []string {
	if lang.Of(f.Path).Family() != lang.Ruby || lang.IsTest(f.Path) {
		return nil
	}
	var out []string
	for _, m := range rbIDGeneratorRE.FindAllSubmatch(code.Stripped(f), -1) {
		out = append(out, columnKey(string(m[1])))
	}
	return out
}

// dropShadowedMigrations forgets what Rails migrations declared beside a
// db/schema.rb: the schema is what they built, read as it stands now.
func (d *Detector) dropShadowedMigrations() {
	if len(d.railsSchemas) == 0 {
		return
	}
	shadowed := func(file string) bool {
		return isRailsMigration(file) && d.railsSchemas[path.Dir(path.Dir(file))]
	}
	d.pending = slices.DeleteFunc(d.pending, func(p pendingAsset) bool { return shadowed(p.file) })
	d.seen = slices.DeleteFunc(d.seen, func(m seenModel) bool { return shadowed(m.file) })
	d.steps = slices.DeleteFunc(d.steps, func(s *migrationStep) bool { return shadowed(s.file) })
}
