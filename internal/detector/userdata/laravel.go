package userdata

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// Laravel declares its tables in migrations, Schema::create('comments',
// function (Blueprint $table) { $table->integer('created_by'); ... }),
// and changes them with Schema::table; Eloquent's models say which rows
// belong to which (belongsTo(User::class, 'created_by')). A migration is
// read as a table definition, as a CREATE TABLE is; a model class gives
// its relations only, since its columns are the migration's.

var (
	// phpSchemaRE opens a table's builder: Schema::create('t', function
	// (Blueprint $table) {, Schema::table(...), an arrow function too.
	// The table's name may be one step from a literal (phpTableName).
	phpSchemaRE = regexp.MustCompile(`\bSchema::(?:connection\([^)]*\)->)?(create|table)\(\s*(['"]\w+['"]|[\w\\]+::\w+\(\s*['"]\w+['"]\s*\)|\$this->\w+|\$\w+|(?:self|static)::\w+)\s*,\s*(?:static\s+)?function\s*\(\s*(?:\\?(?:\w+\\)*Blueprint\s+)?\$(\w+)\s*\)(?:\s*use\s*\([^)]*\))?(?:\s*:\s*\w+)?\s*\{`)
	// phpColumnRE is one builder call on the table: $table->string('email').
	phpColumnRE = regexp.MustCompile(`\$(\w+)->(\w+)\(\s*(?:['"](\w+)['"]|\[([^\]]*)\]|(\w+)::class)?`)
	// phpChainRE: what a column's chain says of its key: ->constrained('t'),
	// ->references('id')->on('users'), ->nullOnDelete(), ->onDelete('set null').
	phpConstrainedRE = regexp.MustCompile(`->constrained\(\s*(?:table\s*:\s*)?(?:['"](\w+)['"])?`)
	phpOnRE          = regexp.MustCompile(`->on\(\s*(?:[\w\\]+::\w+\(\s*)?['"](\w+)['"]`)
	phpSetNullRE     = regexp.MustCompile(`->nullOnDelete\(|->onDelete\(\s*['"]set null['"]`)
	// phpNullableRE: a column that may be left empty; phpCascadeRE: a key
	// whose row goes with the row it points at.
	phpNullableRE = regexp.MustCompile(`->nullable\(\s*(?:true\s*)?\)`)
	phpCascadeRE  = regexp.MustCompile(`->cascadeOnDelete\(|->onDelete\(\s*['"]cascade['"]`)
	phpQuotedRE   = regexp.MustCompile(`['"](\w+)['"]`)

	// Eloquent: a model class and the rows it belongs to; an abstract
	// class is no table.
	phpClassRE     = regexp.MustCompile(`(?m)^\s*(?:final\s+)?class\s+(\w+)\s+extends\s+([\w\\]+)`)
	phpTablePropRE = regexp.MustCompile(`(?:protected|public)\s+\$table\s*=\s*['"](\w+)['"]`)
	// phpDownRE opens a migration's down method.
	phpDownRE      = regexp.MustCompile(`\bfunction\s+down\s*\(\s*\)\s*(?::\s*\w+\s*)?\{`)
	phpBelongsToRE = regexp.MustCompile(`->belongsTo\(\s*\\?(?:\w+\\)*(\w+)::class\s*(?:,\s*['"](\w+)['"])?`)
)

// phpNotColumns are builder calls that add no column.
var phpNotColumns = map[string]bool{
	"index": true, "unique": true, "primary": true, "foreign": true, "dropColumn": true, "dropIndex": true,
	"dropUnique": true, "dropPrimary": true, "dropForeign": true, "dropTimestamps": true, "dropSoftDeletes": true,
	"dropRememberToken": true, "dropMorphs": true, "removeColumn": true, "renameColumn": true, "renameIndex": true,
	"timestamps": true, "nullableTimestamps": true, "timestampsTz": true, "softDeletes": true, "softDeletesTz": true,
	"engine": true, "charset": true, "collation": true, "comment": true, "temporary": true, "fullText": true,
	"spatialIndex": true, "dropConstrainedForeignId": true, "dropForeignIdFor": true, "change": true,
}

var (
	// phpNamedTableRE is a table named through a call on a literal:
	// Models::table('assigned_roles') (a package's prefix applied at
	// run time; the literal is the table's name).
	phpNamedTableRE = regexp.MustCompile(`^[\w\\]+::\w+\(\s*['"](\w+)['"]\s*\)$`)
)

// phpTableName is the table a Schema builder names: a literal, a call on
// one, or a variable, property or constant the file sets to a literal
// once; "" when the name is built at run time.
func phpTableName(src []byte, expr string) string {
	if m := phpQuotedRE.FindStringSubmatch(expr); m != nil && len(m[0]) == len(expr) {
		return m[1]
	}
	if m := phpNamedTableRE.FindStringSubmatch(expr); m != nil {
		return m[1]
	}
	var re *regexp.Regexp
	switch {
	case strings.HasPrefix(expr, "$this->"):
		// private string $tableName = 'x';
		re = regexp.MustCompile(`(?:public|protected|private|var)\s+(?:\??\w+\s+)?\$` + regexp.QuoteMeta(strings.TrimPrefix(expr, "$this->")) + `\s*=\s*['"](\w+)['"]\s*;`)
	case strings.HasPrefix(expr, "$"):
		re = regexp.MustCompile(regexp.QuoteMeta(expr) + `\s*=\s*['"](\w+)['"]\s*;`)
	default: // self::TABLE
		re = regexp.MustCompile(`\bconst\s+(?:\w+\s+)?` + regexp.QuoteMeta(expr[strings.Index(expr, "::")+2:]) + `\s*=\s*['"](\w+)['"]\s*;`)
	}
	found := re.FindAllStringSubmatch(string(src), -1)
	if len(found) == 0 || slices.ContainsFunc(found, func(f []string) bool { return f[1] != found[0][1] }) {
		return "" // never set to a literal, or to several
	}
	return found[0][1]
}

// phpKeyType is the family of a builder's column type, as a key's and an
// id's types are compared (resolveKeys).
func phpKeyType(method string) string {
	m := strings.ToLower(method)
	switch {
	case strings.Contains(m, "uuid"):
		return "uuid"
	case strings.Contains(m, "ulid"):
		return "ulid"
	case strings.Contains(m, "int") || strings.Contains(m, "increments") || m == "id" || m == "foreignid":
		return "int"
	}
	return m
}

// laravelModels reads the tables a PHP file's Schema builders create or
// change, and the relations an Eloquent model class declares.
func laravelModels(src []byte) []Model {
	lines := code.NewLines(src)
	var out []Model
	// A migration's down() undoes its up(): what it adds back is gone.
	var down [][2]int
	for _, m := range phpDownRE.FindAllIndex(src, -1) {
		down = append(down, [2]int{m[1] - 1, blockEnd(src, m[1]-1)})
	}
	for _, m := range phpSchemaRE.FindAllSubmatchIndex(src, -1) {
		if slices.ContainsFunc(down, func(b [2]int) bool { return m[0] > b[0] && m[0] < b[1] }) {
			continue
		}
		name, recv := phpTableName(src, string(src[m[4]:m[5]])), string(src[m[6]:m[7]])
		if name == "" {
			continue // a name built at run time
		}
		model := Model{Name: name, Line: lines.At(m[4])}
		open := m[1] - 1
		body := src[open:blockEnd(src, open)]
		// One statement at a time: a column and the chain after it.
		off := open
		// A key on a column that may be empty is optional (a company's
		// owner_id): the row stands without it. One the row goes with
		// (cascade) is required, whatever its column allows.
		nullable := map[string]bool{}
		optional := func(col, chain string) bool {
			return (nullable[col] || phpNullableRE.MatchString(chain)) && !phpCascadeRE.MatchString(chain)
		}
		for _, stmt := range strings.SplitAfter(string(body), ";") {
			at := off
			off += len(stmt)
			c := phpColumnRE.FindStringSubmatchIndex(stmt)
			if c == nil || stmt[c[2]:c[3]] != recv {
				continue
			}
			method := stmt[c[4]:c[5]]
			col := ""
			if c[6] >= 0 {
				col = stmt[c[6]:c[7]]
			}
			line := lines.At(at + c[0])
			chain := stmt[c[1]:]
			if col != "" && method != "foreign" && phpNullableRE.MatchString(chain) {
				nullable[col] = true
			}
			switch method {
			case "foreign":
				if on := phpOnRE.FindStringSubmatch(chain); on != nil && col != "" {
					model.Relations = replaceRelation(model.Relations, Relation{Target: on[1], Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain), Optional: optional(col, chain)})
				}
				continue
			case "renameColumn":
				if q := phpQuotedRE.FindAllStringSubmatch(stmt[c[4]:], -1); len(q) >= 2 && !hasField(model.Fields, q[1][1]) {
					model.Fields = append(model.Fields, Field{Name: q[1][1]})
					if model.Renamed == nil {
						model.Renamed = map[string]string{}
					}
					model.Renamed[q[0][1]] = q[1][1]
				}
				continue
			case "dropColumn", "removeColumn":
				for _, q := range phpQuotedRE.FindAllStringSubmatch(stmt[c[5]:], -1) {
					model.Dropped = append(model.Dropped, q[1])
				}
				continue
			case "id", "increments", "bigIncrements", "smallIncrements", "mediumIncrements", "tinyIncrements":
				model.Fields = append(model.Fields, Field{Name: cmp.Or(col, "id"), Type: "int"})
				continue
			case "rememberToken":
				model.Fields = append(model.Fields, Field{Name: "remember_token", Type: "string"})
				continue
			case "morphs", "nullableMorphs", "uuidMorphs", "nullableUuidMorphs", "ulidMorphs", "nullableUlidMorphs":
				// a polymorphic pair: the row points at some model, which
				// the pair does not say
				if col != "" {
					model.Fields = append(model.Fields, Field{Name: col + "_id", Type: phpKeyType(method)}, Field{Name: col + "_type", Type: "string"})
				}
				continue
			case "foreignIdFor":
				if c[10] >= 0 {
					target := stmt[c[10]:c[11]]
					col = code.ModelKey(target)
					col = strings.ReplaceAll(col, " ", "_") + "_id"
					model.Fields = append(model.Fields, Field{Name: col, Type: "int"})
					model.Relations = replaceRelation(model.Relations, Relation{Target: target, Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain), Optional: optional(col, chain)})
				}
				continue
			}
			if phpNotColumns[method] || col == "" || strings.HasPrefix(method, "drop") {
				continue
			}
			if !hasField(model.Fields, col) {
				model.Fields = append(model.Fields, Field{Name: col, Type: method})
			}
			target, isKey := strings.CutSuffix(col, "_id")
			switch {
			case method == "foreignId" || method == "foreignUuid" || method == "foreignUlid":
				if k := phpConstrainedRE.FindStringSubmatch(chain); k != nil {
					model.Relations = replaceRelation(model.Relations, Relation{Target: cmp.Or(k[1], target), Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain), Optional: optional(col, chain)})
					continue
				}
				fallthrough
			case isKey && target != "":
				// A key by Eloquent's convention (user_id holds a users
				// row's id): kept when that table is read with an id of
				// the key's type.
				if on := phpOnRE.FindStringSubmatch(chain); on != nil {
					model.Relations = replaceRelation(model.Relations, Relation{Target: on[1], Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain), Optional: optional(col, chain)})
					continue
				}
				model.Relations = replaceRelation(model.Relations, Relation{Target: target, Field: col, Line: line, KeyType: phpKeyType(method)})
			}
		}
		out = append(out, model)
	}
	if cls := phpClassRE.FindSubmatchIndex(src); cls != nil {
		if bt := phpBelongsToRE.FindAllSubmatchIndex(src, -1); len(bt) > 0 {
			model := Model{Name: string(src[cls[2]:cls[3]]), Line: lines.At(cls[2])}
			if t := phpTablePropRE.FindSubmatch(src); t != nil {
				model.Table = string(t[1])
			}
			for _, b := range bt {
				target := string(src[b[2]:b[3]])
				field := ""
				if b[4] >= 0 {
					field = string(src[b[4]:b[5]])
				} else {
					field = strings.ReplaceAll(code.ModelKey(target), " ", "_") + "_id"
				}
				model.Relations = replaceRelation(model.Relations, Relation{Target: target, Field: field, Line: lines.At(b[0])})
			}
			out = append(out, model)
		}
	}
	return out
}

// replaceRelation adds r, in place of a relation read before for its
// column (a key the column's name implied, then declared).
func replaceRelation(rels []Relation, r Relation) []Relation {
	out := rels[:0:0]
	for _, x := range rels {
		if r.Field == "" || x.Field != r.Field {
			out = append(out, x)
		}
	}
	return append(out, r)
}

// Eloquent's polymorphic rows: a tags table's (entity_type, entity_id)
// pair points at some model, which the table does not say; the classes
// that own such rows say it (morphMany(Tag::class, 'entity') on a base
// class every entity extends). A tag of a user's book is that user's,
// as a row with a key to the book would be.

var (
	// phpMorphOwnRE is a class owning polymorphic rows:
	// $this->morphMany(Tag::class, 'entity'), morphOne likewise.
	phpMorphOwnRE = regexp.MustCompile(`->morph(?:Many|One)\(\s*\\?(?:\w+\\)*(\w+)::class\s*,\s*['"](\w+)['"]`)
	// phpAnyClassRE is every class of a file and its parent.
	phpAnyClassRE = regexp.MustCompile(`(?m)^\s*(?:(?:abstract|final|readonly)\s+)*class\s+(\w+)\s+extends\s+\\?(?:\w+\\)*(\w+)`)
)

// phpMorph is a class that owns polymorphic rows of another, by the
// pair's name (as: entity for entity_type and entity_id).
type phpMorph struct {
	owner, rows, as, file string
	line                  int
}

// phpClasses reads a PHP file's classes with their parents, and the
// polymorphic rows the file's class owns.
func phpClasses(f *detector.File) (map[string]string, []phpMorph) {
	src := lang.StripComments(lang.PHP, f.Data)
	cls := phpAnyClassRE.FindAllSubmatch(src, -1)
	if len(cls) == 0 {
		return nil, nil
	}
	parents := map[string]string{}
	for _, c := range cls {
		parents[string(c[1])] = string(c[2])
	}
	var morphs []phpMorph
	lines := code.NewLines(src)
	for _, m := range phpMorphOwnRE.FindAllSubmatchIndex(src, -1) {
		morphs = append(morphs, phpMorph{owner: string(cls[0][1]), rows: string(src[m[2]:m[3]]), as: string(src[m[4]:m[5]]), file: f.Path, line: lines.At(m[0])})
	}
	// A framework's trait declares the morphMany for the class that uses
	// it (inside the class body: the file's imports come before it).
	if at := phpAnyClassRE.FindIndex(src); at != nil {
		for _, m := range phpTraitUseRE.FindAllSubmatchIndex(src[at[1]:], -1) {
			for _, t := range strings.Split(string(src[at[1]+m[2]:at[1]+m[3]]), ",") {
				t = strings.TrimSpace(t)
				t = t[strings.LastIndexByte(t, '\\')+1:]
				for _, o := range phpTraitMorphs[t] {
					morphs = append(morphs, phpMorph{owner: string(cls[0][1]), rows: o[0], as: o[1], file: f.Path, line: lines.At(at[1] + m[0])})
				}
			}
		}
	}
	return parents, morphs
}

// phpTraitUseRE is a class body's use of traits: use Notifiable;
var phpTraitUseRE = regexp.MustCompile(`(?m)^[ \t]+use\s+([\w\\, \t]+);`)

// phpTraitMorphs are the polymorphic tables frameworks' traits give the
// class using them, each with its pair's name: Laravel's notifications,
// Sanctum's tokens, spatie's media and roles, Bouncer's assigned roles.
var phpTraitMorphs = map[string][][2]string{
	"Notifiable":               {{"notifications", "notifiable"}},
	"HasDatabaseNotifications": {{"notifications", "notifiable"}},
	"HasApiTokens":             {{"personal_access_tokens", "tokenable"}},
	"InteractsWithMedia":       {{"media", "model"}},
	"HasRolesAndAbilities":     {{"assigned_roles", "entity"}},
	"HasRoles":                 {{"model_has_roles", "model"}, {"model_has_permissions", "model"}},
}

// laravelMorphOwners gives each table of polymorphic rows a relation to
// every class that owns them: the class declaring morphMany and the
// classes extending it (an abstract Entity's books and pages), before
// ownership is resolved.
func (d *Detector) laravelMorphOwners() {
	if len(d.phpMorphs) == 0 {
		return
	}
	extends := func(c, base string) bool {
		for range 16 { // a cycle of parents ends
			if c == base {
				return true
			}
			p, ok := d.phpParents[c]
			if !ok {
				return false
			}
			c = p
		}
		return false
	}
	classes := make([]string, 0, len(d.phpParents))
	for c := range d.phpParents {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, mo := range d.phpMorphs {
		for i := range d.seen {
			m := &d.seen[i]
			k := code.ModelKey(mo.rows)
			if code.ModelKey(m.Name) != k && code.ModelKey(m.Table) != k || !hasField(m.Fields, mo.as+"_type") || !hasField(m.Fields, mo.as+"_id") {
				continue
			}
			for _, c := range classes {
				if extends(c, mo.owner) {
					m.Relations = append(m.Relations, Relation{Target: c, Field: mo.as + "_id", File: mo.file, Line: mo.line})
				}
			}
		}
	}
}

// columnHistory applies the migrations' column drops and renames to the
// readings of each table before them (files in name order, as migrations
// run): a column a later migration drops is no column of the table, nor
// a key of it; one renamed holds the same key under its new name.
func (d *Detector) columnHistory() {
	for i := range d.seen {
		later := d.seen[i]
		if len(later.Dropped) == 0 && len(later.Renamed) == 0 {
			continue
		}
		k := code.ModelKey(later.Name)
		for j := range d.seen {
			m := &d.seen[j]
			if j == i || code.ModelKey(m.Name) != k || m.file >= later.file || lang.RoleOf(m.file).Kind != lang.Migration {
				continue
			}
			gone := func(name string) bool { return slices.Contains(later.Dropped, name) }
			fields := slices.Clone(m.Fields)
			rels := slices.Clone(m.Relations)
			for n := range fields {
				if to, ok := later.Renamed[fields[n].Name]; ok {
					fields[n].Name = to
				}
			}
			for n := range rels {
				if to, ok := later.Renamed[rels[n].Field]; ok {
					rels[n].Field = to
				}
			}
			m.Fields = slices.DeleteFunc(fields, func(f Field) bool { return gone(f.Name) })
			m.Relations = slices.DeleteFunc(rels, func(r Relation) bool { return r.Field != "" && gone(r.Field) })
		}
	}
}
