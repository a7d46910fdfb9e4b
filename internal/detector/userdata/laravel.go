package userdata

import (
	"cmp"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
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
	phpSchemaRE = regexp.MustCompile(`\bSchema::(?:connection\([^)]*\)->)?(create|table)\(\s*['"](\w+)['"]\s*,\s*(?:static\s+)?function\s*\(\s*(?:\\?(?:\w+\\)*Blueprint\s+)?\$(\w+)\s*\)(?:\s*use\s*\([^)]*\))?(?:\s*:\s*\w+)?\s*\{`)
	// phpColumnRE is one builder call on the table: $table->string('email').
	phpColumnRE = regexp.MustCompile(`\$(\w+)->(\w+)\(\s*(?:['"](\w+)['"]|\[([^\]]*)\]|(\w+)::class)?`)
	// phpChainRE: what a column's chain says of its key: ->constrained('t'),
	// ->references('id')->on('users'), ->nullOnDelete(), ->onDelete('set null').
	phpConstrainedRE = regexp.MustCompile(`->constrained\(\s*(?:table\s*:\s*)?(?:['"](\w+)['"])?`)
	phpOnRE          = regexp.MustCompile(`->on\(\s*['"](\w+)['"]`)
	phpSetNullRE     = regexp.MustCompile(`->nullOnDelete\(|->onDelete\(\s*['"]set null['"]`)
	phpQuotedRE      = regexp.MustCompile(`['"](\w+)['"]`)

	// Eloquent: a model class and the rows it belongs to; an abstract
	// class is no table.
	phpClassRE     = regexp.MustCompile(`(?m)^\s*(?:final\s+)?class\s+(\w+)\s+extends\s+([\w\\]+)`)
	phpTablePropRE = regexp.MustCompile(`(?:protected|public)\s+\$table\s*=\s*['"](\w+)['"]`)
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
	for _, m := range phpSchemaRE.FindAllSubmatchIndex(src, -1) {
		name, recv := string(src[m[4]:m[5]]), string(src[m[6]:m[7]])
		model := Model{Name: name, Line: lines.At(m[4])}
		open := m[1] - 1
		body := src[open:blockEnd(src, open)]
		// One statement at a time: a column and the chain after it.
		off := open
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
			switch method {
			case "foreign":
				if on := phpOnRE.FindStringSubmatch(chain); on != nil && col != "" {
					model.Relations = replaceRelation(model.Relations, Relation{Target: on[1], Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain)})
				}
				continue
			case "renameColumn":
				if q := phpQuotedRE.FindAllStringSubmatch(stmt[c[4]:], -1); len(q) >= 2 && !hasField(model.Fields, q[1][1]) {
					model.Fields = append(model.Fields, Field{Name: q[1][1]})
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
					model.Relations = replaceRelation(model.Relations, Relation{Target: target, Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain)})
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
					model.Relations = replaceRelation(model.Relations, Relation{Target: cmp.Or(k[1], target), Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain)})
					continue
				}
				fallthrough
			case isKey && target != "":
				// A key by Eloquent's convention (user_id holds a users
				// row's id): kept when that table is read with an id of
				// the key's type.
				if on := phpOnRE.FindStringSubmatch(chain); on != nil {
					model.Relations = replaceRelation(model.Relations, Relation{Target: on[1], Field: col, Line: line, SetNull: phpSetNullRE.MatchString(chain)})
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
