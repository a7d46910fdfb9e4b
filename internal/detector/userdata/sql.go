package userdata

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// Segment is SQL text and the line of the file it starts on: a .sql file
// is one segment, the SQL in a program's string literals one each.
type Segment struct {
	Text []byte
	Line int
}

var (
	// A statement that declares or changes a table, or the columns an
	// INSERT writes (a raw-SQL data layer that creates its tables elsewhere).
	sqlStmtRE = regexp.MustCompile("(?i)\\b(?:create\\s+(?:or\\s+replace\\s+)?(?:(?:global\\s+|local\\s+)?(?:temporary|temp)\\s+|unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(" + sqlName + ")\\s*\\(" +
		"|alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(" + sqlName + ")" +
		"|rename\\s+table\\s+" +
		"|insert\\s+(?:or\\s+\\w+\\s+|ignore\\s+)?into\\s+(" + sqlName + ")\\s*\\(" +
		"|(drop)\\s+table\\s+(?:if\\s+exists\\s+)?)")
	// A name may be a placeholder the code fills in at run time, as a
	// data layer that prefixes its tables writes "{{users}}".
	sqlName      = "[\\w.\"`\\[\\]{}]+"
	sqlCommentRE = regexp.MustCompile(`--[^\n]*`)
	constraintRE = regexp.MustCompile(`(?i)^(?:constraint|primary|foreign|unique|check|index|key|exclude|like|fulltext|spatial|projection|period)\b`)
	addColumnRE  = regexp.MustCompile("(?i)^\\s*add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?(" + sqlName + ")\\s+(.*)$")
	renameToRE   = regexp.MustCompile("(?i)^\\s*rename\\s+to\\s+(" + sqlName + ")")
	renamePairRE = regexp.MustCompile("(?i)^\\s*(" + sqlName + ")\\s+to\\s+(" + sqlName + ")\\s*$")
	// renameColumnRE: ALTER TABLE t RENAME [COLUMN] a TO b.
	renameColumnRE = regexp.MustCompile("(?i)^\\s*rename\\s+(?:column\\s+)?(" + sqlName + ")\\s+to\\s+(" + sqlName + ")\\s*$")
	// primaryKeyRE: a column declared the key, or a table's key on one column.
	primaryKeyRE   = regexp.MustCompile(`(?i)\bprimary\s+key\b`)
	tablePrimaryRE = regexp.MustCompile("(?i)^(?:constraint\\s+" + sqlName + "\\s+)?primary\\s+key\\s*\\(\\s*(" + sqlName + ")\\s*\\)")
	addKeywordRE   = regexp.MustCompile(`(?i)^\s*add\s+(?:constraint|primary|foreign|unique|check|index|key|projection)\b`)
)

// copySuffix is a migration's copy of a table (website_event_new, built
// beside the table it replaces, then renamed over it): one model with
// the table it copies.
var copySuffix = regexp.MustCompile(`(?i)_(?:new|old|tmp|temp|copy|backup|bak)$`)

// tableName is a table's name as the statement spells it, without its
// schema and quotes.
func tableName(raw string) string {
	name := strings.Trim(raw, "\"`[]")
	name = placeholderName(name)
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Trim(name, "\"`[]")
	return copySuffix.ReplaceAllString(name, "")
}

// placeholderRE is a run-time placeholder in a table's name: {{users}}
// (the table users, under the prefix the data layer adds), or a prefix
// alone ({{prefix}}users).
var placeholderRE = regexp.MustCompile(`\{\{\s*\.?(\w*)\s*\}\}`)

// placeholderName is the table a placeholder-templated name stands for:
// "{{users}}" is users; "{{prefix}}users" is users.
func placeholderName(name string) string {
	if !strings.Contains(name, "{{") {
		return name
	}
	if m := placeholderRE.FindStringSubmatch(name); m != nil && m[0] == name {
		return m[1]
	}
	return placeholderRE.ReplaceAllString(name, "")
}

// A .sql file's INSERTs are seed data: its columns are declared by the
// CREATE TABLE beside them, with their types.
func sqlModels(data []byte) []Model { return sqlSegments([]Segment{{Text: data, Line: 1}}, false) }

// sqlSegments reads the tables the segments declare, in order (and,
// when inserts is set, the columns their INSERTs write): a table
// created, then given columns by ALTER TABLE ... ADD COLUMN, is one model
// with all of them; a table renamed (ALTER TABLE a RENAME TO b, RENAME
// TABLE a TO b) keeps its columns under its new name. A migration copy
// (a_new) is folded into the table it copies.
func sqlSegments(segs []Segment, inserts bool) []Model {
	var out []*Model
	byName := map[string]*Model{}
	// dropped: tables a later statement drops, until one declares,
	// alters or renames onto them again (a rebuild: create t_new, drop
	// t, rename t_new to t).
	dropped := map[*Model]bool{}
	model := func(name string, line int) *Model {
		if m := byName[name]; m != nil {
			delete(dropped, m)
			return m
		}
		m := &Model{Name: name, Line: line}
		byName[name] = m
		out = append(out, m)
		return m
	}
	for _, seg := range segs {
		src := sqlCommentRE.ReplaceAllFunc(seg.Text, func(b []byte) []byte { return bytes.Repeat([]byte(" "), len(b)) })
		lines := code.NewLines(src)
		at := func(off int) int { return seg.Line + lines.At(off) - 1 }
		next := 0
		for _, m := range sqlStmtRE.FindAllSubmatchIndex(src, -1) {
			if m[0] < next {
				continue // inside the statement before
			}
			switch {
			case m[2] >= 0: // CREATE TABLE name (
				md := model(tableName(string(src[m[2]:m[3]])), at(m[0]))
				end := parenEnd(src, m[1]-1)
				next = end
				cursor := m[1]
				for _, item := range lang.SplitTopLevel(string(src[m[1]:end])) {
					if i := bytes.Index(src[cursor:end], []byte(item)); i >= 0 {
						cursor += i
					}
					item = strings.TrimSpace(item)
					if r, ok := sqlReference(item); ok {
						r.Line = at(cursor + len(item) - len(strings.TrimLeft(item, " \t\r\n")))
						md.Relations = append(md.Relations, r)
					}
					if k := tablePrimaryRE.FindStringSubmatch(item); k != nil {
						md.Key = strings.Trim(k[1], "\"`[]")
					}
					if item == "" || constraintRE.MatchString(item) {
						continue
					}
					col := strings.Fields(item)
					typ := ""
					if len(col) > 1 {
						typ = col[1]
					}
					md.Fields = append(md.Fields, Field{Name: strings.Trim(col[0], "\"`[]"), Type: typ})
					if primaryKeyRE.MatchString(item) {
						md.Key = md.Fields[len(md.Fields)-1].Name
					}
				}
			case m[4] >= 0: // ALTER TABLE name ...
				name := tableName(string(src[m[4]:m[5]]))
				end := stmtEnd(src, m[1])
				next = end
				for _, action := range lang.SplitTopLevel(string(src[m[1]:end])) {
					if r := renameToRE.FindStringSubmatch(action); r != nil {
						to := tableName(r[1])
						rename(byName, name, to)
						if m := byName[to]; m != nil {
							delete(dropped, m)
						}
						continue
					}
					if r := renameColumnRE.FindStringSubmatch(action); r != nil {
						renameColumn(model(name, at(m[0])), strings.Trim(r[1], "\"`[]"), strings.Trim(r[2], "\"`[]"))
						continue
					}
					if r, ok := sqlReference(action); ok {
						r.Line = at(m[0])
						md := model(name, at(m[0]))
						md.Relations = append(md.Relations, r)
					}
					if addKeywordRE.MatchString(action) {
						continue
					}
					if a := addColumnRE.FindStringSubmatch(action); a != nil {
						md := model(name, at(m[0]))
						typ := ""
						if f := strings.Fields(a[2]); len(f) > 0 {
							typ = f[0]
						}
						md.Fields = append(md.Fields, Field{Name: strings.Trim(a[1], "\"`[]"), Type: typ})
					}
				}
			case m[6] >= 0: // INSERT INTO name (columns): the columns it writes
				if !inserts {
					continue
				}
				end := parenEnd(src, m[1]-1)
				next = end
				var cols []Field
				for _, item := range lang.SplitTopLevel(string(src[m[1]:end])) {
					col := strings.Trim(strings.TrimSpace(item), "\"`[]")
					// A list built at run time ({columns}, %s, $1) names no column.
					if col == "" || !sqlIdentRE.MatchString(col) {
						continue
					}
					cols = append(cols, Field{Name: col})
				}
				if len(cols) > 0 {
					md := model(tableName(string(src[m[6]:m[7]])), at(m[0]))
					for _, c := range cols {
						if !hasField(md.Fields, c.Name) {
							md.Fields = append(md.Fields, c)
						}
					}
				}
			case m[8] >= 0: // DROP TABLE a, b
				end := stmtEnd(src, m[1])
				next = end
				for _, item := range lang.SplitTopLevel(string(src[m[1]:end])) {
					if f := strings.Fields(item); len(f) > 0 {
						if md := byName[tableName(f[0])]; md != nil {
							dropped[md] = true
						}
					}
				}
			default: // RENAME TABLE a TO b, c TO d
				end := stmtEnd(src, m[1])
				next = end
				for _, pair := range lang.SplitTopLevel(string(src[m[1]:end])) {
					if r := renamePairRE.FindStringSubmatch(pair); r != nil {
						to := tableName(r[2])
						rename(byName, tableName(r[1]), to)
						if m := byName[to]; m != nil {
							delete(dropped, m)
						}
					}
				}
			}
		}
	}
	res := make([]Model, 0, len(out))
	for _, m := range out {
		if m.Name != "" && !dropped[m] {
			res = append(res, *m)
		}
	}
	return res
}

// sqlReferencesRE is a foreign key's target: a column's REFERENCES
// users(id), or a table's FOREIGN KEY (user_id) REFERENCES users.
var (
	sqlReferencesRE = regexp.MustCompile("(?i)\\breferences\\s+(" + sqlName + ")")
	sqlForeignKeyRE = regexp.MustCompile("(?i)\\bforeign\\s+key\\s*\\(\\s*(" + sqlName + ")\\s*\\)")
)

// sqlReference is the table a column or constraint item references; the
// column is its field when the item declares one.
func sqlReference(item string) (Relation, bool) {
	m := sqlReferencesRE.FindStringSubmatch(item)
	if m == nil {
		return Relation{}, false
	}
	raw := strings.ToLower(strings.ReplaceAll(strings.Trim(m[1], "\"`[]"), "\"", ""))
	r := Relation{Target: tableName(m[1]), User: raw == "auth.users"} // Supabase's own users
	r.SetNull = sqlSetNullRE.MatchString(item)
	if fk := sqlForeignKeyRE.FindStringSubmatch(item); fk != nil {
		r.Field = strings.Trim(fk[1], "\"`[]") // the column a table constraint makes the key
	} else if f := strings.Fields(item); len(f) > 1 && !constraintRE.MatchString(item) {
		r.Field = strings.Trim(f[0], "\"`[]")
		if strings.EqualFold(r.Field, "add") && len(f) > 2 { // ALTER TABLE ... ADD [COLUMN] c
			r.Field = strings.Trim(f[1], "\"`[]")
			if strings.EqualFold(r.Field, "column") && len(f) > 3 {
				r.Field = strings.Trim(f[2], "\"`[]")
			}
		}
	}
	return r, r.Target != ""
}

// sqlSetNullRE: the reference is emptied when its target is deleted.
var sqlSetNullRE = regexp.MustCompile(`(?i)\bon\s+delete\s+set\s+null\b`)

var sqlIdentRE = regexp.MustCompile(`^[A-Za-z_]\w*$`)

func hasField(fs []Field, name string) bool {
	for _, f := range fs {
		if strings.EqualFold(f.Name, name) {
			return true
		}
	}
	return false
}

// rename gives the model read so far as from its new name; a table
// renamed over one already read becomes that one.
func rename(byName map[string]*Model, from, to string) {
	m := byName[from]
	if m == nil || from == to {
		return
	}
	delete(byName, from)
	if into := byName[to]; into != nil {
		into.Fields = append(into.Fields, m.Fields...)
		into.Relations = append(into.Relations, m.Relations...)
		m.Name, m.Fields, m.Relations = "", nil, nil // dropped from the result
		return
	}
	m.Name = to
	byName[to] = m
}

// renameColumn gives a column its new name. A table declared in an
// earlier file gets the column here, as ADD COLUMN gives it one: the
// model is one across the files that declare it.
func renameColumn(m *Model, from, to string) {
	for i, f := range m.Fields {
		if strings.EqualFold(f.Name, from) {
			m.Fields[i].Name = to
			if strings.EqualFold(m.Key, from) {
				m.Key = to
			}
			for j, r := range m.Relations {
				if strings.EqualFold(r.Field, from) {
					m.Relations[j].Field = to
				}
			}
			return
		}
	}
	if !hasField(m.Fields, to) {
		m.Fields = append(m.Fields, Field{Name: to})
	}
}

// stmtEnd is where the statement that goes on at off ends: its
// semicolon outside quotes and parentheses, or the end of src.
func stmtEnd(src []byte, off int) int {
	depth := 0
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '"', '\'', '`':
			i = lang.SkipString(src, i) - 1
		case '(':
			depth++
		case ')':
			depth--
		case ';':
			if depth <= 0 {
				return i
			}
		}
	}
	return len(src)
}

// Triple-quoted Python strings given to code (assigned, passed, returned):
// the SQL a raw data layer runs. A docstring stands alone and is prose.
var (
	pyTripleDoubleRE = regexp.MustCompile(`(?s)(?:=|\(|,|\breturn)\s*[rRbBuUfF]{0,2}"""(.*?)"""`)
	pyTripleSingleRE = regexp.MustCompile(`(?s)(?:=|\(|,|\breturn)\s*[rRbBuUfF]{0,2}'''(.*?)'''`)
)

// pythonSQL is the SQL in a Python file's strings: its one-line strings,
// read in the stripped source (where comments and triple-quoted strings
// are blanked), and its triple-quoted strings that code uses.
func pythonSQL(data, stripped []byte, inserts bool) []Model {
	if !sqlHintRE.Match(data) {
		return nil
	}
	segs := []Segment{{Text: stripped, Line: 1}}
	lines := code.NewLines(data)
	for _, re := range []*regexp.Regexp{pyTripleDoubleRE, pyTripleSingleRE} {
		for _, m := range re.FindAllSubmatchIndex(data, -1) {
			segs = append(segs, Segment{Text: data[m[2]:m[3]], Line: lines.At(m[2])})
		}
	}
	return sqlSegments(segs, inserts)
}

var sqlHintRE = regexp.MustCompile(`(?i)\b(?:create\s+table|insert\s+into|alter\s+table)\b`)
