package userdata

import (
	"cmp"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// A migration history: the tables a later migration drops or renames are
// no longer where the product keeps data. Migrations are read in order
// (their paths, or an Alembic revision chain), and only what they do on
// the way up: a down migration restores what the up one removed.

// schemaOp is a migration's drop (To == "") or rename of a table.
type schemaOp struct {
	From, To string
	Line     int
}

var (
	// SQL: DROP TABLE [IF EXISTS] a, b; ALTER TABLE a RENAME TO b; RENAME TABLE a TO b.
	sqlDropRE     = regexp.MustCompile("(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?(" + sqlName + "(?:\\s*,\\s*" + sqlName + ")*)")
	sqlRenameToRE = regexp.MustCompile("(?i)\\balter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(" + sqlName + ")\\s+rename\\s+to\\s+(" + sqlName + ")")
	sqlRenameRE   = regexp.MustCompile("(?i)\\brename\\s+table\\s+(" + sqlName + ")\\s+to\\s+(" + sqlName + ")")
	// A schema builder's calls: knex, Sequelize's queryInterface and
	// TypeORM's queryRunner (dropTable, renameTable), Alembic's op
	// (drop_table, rename_table), Django's operations (DeleteModel,
	// RenameModel).
	// Laravel's Schema::drop and Schema::dropIfExists.
	callDropRE = regexp.MustCompile(`\b(?:dropTable|dropTableIfExists|drop_table|DeleteModel|Schema::drop|Schema::dropIfExists)\(\s*(?:name\s*=\s*)?['"` + "`" + `]([\w.]+)['"` + "`" + `]`)
	// Go's ORMs drop by name: xorm's DropTables("a", "b"), gorm's
	// Migrator().DropTable("a").
	goDropRE = regexp.MustCompile(`\bDropTables?\(\s*((?:"[\w.]+"\s*,\s*)*"[\w.]+")\s*,?\s*\)`)
	quotedRE = regexp.MustCompile(`"([\w.]+)"`)
	// Rails' calls, written without parentheses or with symbols (the
	// quoted forms in parentheses are the calls above): drop_table
	// :images, rename_table :parts, :model_files.
	rbDropTableRE   = regexp.MustCompile(`(?m)^[ \t]*drop_table(?:\s+[:"']|\(\s*:)(\w+)`)
	rbRenameTableRE = regexp.MustCompile(`(?m)^[ \t]*rename_table(?:\s+[:"']|\(\s*:)(\w+)["']?\s*,\s*[:"'](\w+)`)
	callRenameRE    = regexp.MustCompile(`\b(?:renameTable|rename_table|RenameModel|Schema::rename)\(\s*(?:old_name\s*=\s*|old_table_name\s*=\s*)?['"` + "`" + `]([\w.]+)['"` + "`" + `]\s*,\s*(?:new_name\s*=\s*|new_table_name\s*=\s*)?['"` + "`" + `]([\w.]+)['"` + "`" + `]`)
)

// historyWords gate the reading of a migration's drops and renames.
var historyWords = []string{"drop", "DROP", "Drop", "rename", "RENAME", "Rename", "DeleteModel"}

// schemaOps lists the drops and renames of a migration file's up
// direction, in the order it makes them.
func schemaOps(p string, data []byte) []schemaOp {
	if !containsAnyWord(data, historyWords) {
		return nil
	}
	down := downLines(p, data)
	if down == nil {
		return nil // a down migration as a whole
	}
	src := lang.StripComments(lang.Of(p), data)
	lines := code.NewLines(src)
	type at struct {
		off int
		op  schemaOp
	}
	var ops []at
	add := func(off int, from, to string) {
		line := lines.At(off)
		if down.holds(line) {
			return
		}
		ops = append(ops, at{off, schemaOp{From: from, To: to, Line: line}})
	}
	for _, m := range sqlDropRE.FindAllSubmatchIndex(src, -1) {
		for _, n := range strings.Split(string(src[m[2]:m[3]]), ",") {
			add(m[0], tableName(strings.TrimSpace(n)), "")
		}
	}
	for _, m := range rbDropTableRE.FindAllSubmatchIndex(src, -1) {
		add(m[0], string(src[m[2]:m[3]]), "")
	}
	for _, re := range []*regexp.Regexp{sqlRenameToRE, sqlRenameRE, callRenameRE, rbRenameTableRE} {
		for _, m := range re.FindAllSubmatchIndex(src, -1) {
			add(m[0], tableName(string(src[m[2]:m[3]])), tableName(string(src[m[4]:m[5]])))
		}
	}
	for _, m := range callDropRE.FindAllSubmatchIndex(src, -1) {
		add(m[0], tableName(string(src[m[2]:m[3]])), "")
	}
	for _, m := range goDropRE.FindAllSubmatchIndex(src, -1) {
		for _, q := range quotedRE.FindAllSubmatch(src[m[2]:m[3]], -1) {
			add(m[0], tableName(string(q[1])), "")
		}
	}
	slices.SortStableFunc(ops, func(a, b at) int { return a.off - b.off })
	out := make([]schemaOp, 0, len(ops))
	for _, o := range ops {
		if o.op.From != "" && o.op.From != o.op.To {
			out = append(out, o.op)
		}
	}
	return out
}

func containsAnyWord(data []byte, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(string(data), w) {
			return true
		}
	}
	return false
}

// lineRanges are the line ranges [from, to) of a migration's down
// direction; nil means the whole file is one.
type lineRanges [][2]int

func (r lineRanges) holds(line int) bool {
	for _, x := range r {
		if line >= x[0] && line < x[1] {
			return true
		}
	}
	return false
}

// blank is data with the lines of r blanked, newlines kept.
func (r lineRanges) blank(data []byte) []byte {
	out := slices.Clone(data)
	line := 1
	for i, c := range out {
		if c == '\n' {
			line++
		} else if r.holds(line) {
			out[i] = ' '
		}
	}
	return out
}

var (
	// A file that is a down migration as a whole: golang-migrate's
	// 001_x.down.sql, diesel's down.sql.
	downFileRE = regexp.MustCompile(`(?i)(?:^|[._-])down\.sql$`)
	// Where a direction begins: goose, sql-migrate and dbmate markers in
	// SQL comments; Alembic's upgrade/downgrade; knex, Sequelize and
	// TypeORM's up and down functions or methods; goose's Go functions;
	// Laravel's up and down methods.
	directionRE = regexp.MustCompile(`(?mi)^[ \t]*--[ \t]*(?:\+goose[ \t]+|\+migrate[ \t]+|migrate:)(up|down)\b` +
		`|^[ \t]*(?:async[ \t]+)?def[ \t]+(upgrade|downgrade)\w*[ \t]*\(` +
		`|\bexports\.(up|down)[ \t]*=` +
		`|\bexport[ \t]+(?:async[ \t]+)?function[ \t]+(up|down)\b` +
		`|\bexport[ \t]+const[ \t]+(up|down)[ \t]*=` +
		`|^[ \t]*(?:public[ \t]+|async[ \t]+)*(up|down)[ \t]*(?::[ \t]*(?:async[ \t]*)?(?:function\b|\()|\([^)\n]*\)[ \t]*(?::[^{\n]*)?\{)` +
		`|^func[ \t]+(?:\([^)]*\)[ \t]*)?(up|down)\w*[ \t]*\(` +
		`|^[ \t]*(?:public[ \t]+)?function[ \t]+(up|down)[ \t]*\(` +
		// Rails' up and down methods.
		`|^[ \t]*def[ \t]+(up|down)[ \t]*$`)
)

// downLines are the lines of a migration file that run on the way down;
// nil when the whole file does, empty when none.
func downLines(p string, data []byte) lineRanges {
	if downFileRE.MatchString(path.Base(p)) {
		return nil
	}
	out := lineRanges{}
	lines := code.NewLines(data)
	start := 0 // the line a down direction began on, or 0
	for _, m := range directionRE.FindAllSubmatchIndex(data, -1) {
		dir := ""
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				dir = strings.ToLower(string(data[m[g]:m[g+1]]))
				break
			}
		}
		line := lines.At(m[0])
		switch {
		case strings.HasPrefix(dir, "down") && start == 0:
			start = line
		case strings.HasPrefix(dir, "up") && start != 0:
			out = append(out, [2]int{start, line})
			start = 0
		}
	}
	if start != 0 {
		out = append(out, [2]int{start, lines.At(len(data)) + 1})
	}
	return out
}

// isMigration: the file is one step of a migration history: by its
// folder (migrations/), or an SQL file its name numbers as a step
// (20190606000842-reset-hex.sql, 003_users.sql), as sql-migrate and
// golang-migrate name them in any folder (db/).
func isMigration(p string) bool {
	return lang.RoleOf(p).Kind == lang.Migration || lang.Of(p) == lang.SQL && numberedStep.MatchString(path.Base(p))
}

var numberedStep = regexp.MustCompile(`^\d+[-_.]\w`)

// alembicRevRE reads an Alembic revision's id and the one it follows.
var (
	alembicRevRE  = regexp.MustCompile(`(?m)^revision(?:\s*:\s*str)?\s*=\s*['"]([\w-]+)['"]`)
	alembicDownRE = regexp.MustCompile(`(?m)^down_revision(?:\s*:\s*[^=]+)?\s*=\s*['"]([\w-]+)['"]`)
)

// migrationStep is one migration file: where it stands in its history,
// the models it declares on the way up, and its drops and renames.
type migrationStep struct {
	file         string
	rev, follows string            // Alembic's revision ids, when it has them
	declared     map[string]string // model key -> name
	firstLine    map[string]int    // model key -> the line it is first declared on
	ops          []schemaOp
}

// renamesTo: the step renames a table to the one keyed k.
func (s *migrationStep) renamesTo(k string) bool {
	for _, op := range s.ops {
		if op.To != "" && code.ModelKey(op.To) == k {
			return true
		}
	}
	return false
}

// orderSteps sorts migrations into the order they run: by path, numbers
// by value, except that an Alembic revision comes after the revision it
// names as its down_revision (their file names are hashes, not a sequence).
func orderSteps(steps []*migrationStep) {
	slices.SortFunc(steps, func(a, b *migrationStep) int { return comparePaths(a.file, b.file) })
	depth := map[string]int{}
	byRev := map[string]*migrationStep{}
	for _, s := range steps {
		if s.rev != "" {
			byRev[s.rev] = s
		}
	}
	var depthOf func(s *migrationStep, seen int) int
	depthOf = func(s *migrationStep, seen int) int {
		if d, ok := depth[s.rev]; ok {
			return d
		}
		d := 0
		if prev := byRev[s.follows]; prev != nil && seen < len(byRev) {
			d = depthOf(prev, seen+1) + 1
		}
		depth[s.rev] = d
		return d
	}
	slices.SortStableFunc(steps, func(a, b *migrationStep) int {
		if a.rev == "" || b.rev == "" || path.Dir(a.file) != path.Dir(b.file) {
			return 0
		}
		return depthOf(a, 0) - depthOf(b, 0)
	})
}

// historyRoot names the history a migration belongs to: its folder, or
// the folder above when its own name carries no order (Prisma's
// 20240101_init/migration.sql, diesel's up.sql: one folder per step).
// Sibling folders are histories of their own (one per database a product
// supports: migrations/postgres and migrations/sqlite3), and a table one
// of them renames is not revived by the other's first step, which sorts
// after it by path.
//
// A folder named for a release (0.26, v1.2) is a step of the history
// above it, not a history of its own: memos keeps each release's
// migrations in one, and a later release drops what an earlier created.
func historyRoot(file string) string {
	dir := path.Dir(file)
	if !strings.ContainsAny(path.Base(file), "0123456789") {
		dir = path.Dir(dir)
	}
	for releaseDir.MatchString(path.Base(dir)) {
		dir = path.Dir(dir)
	}
	return dir
}

var releaseDir = regexp.MustCompile(`^v?\d+(\.\d+)+$`)

// comparePaths orders paths as their authors number them: a run of digits
// by its value, so release 0.5 comes before 0.26 and 9_x.sql before
// 10_x.sql (golang-migrate orders versions as numbers too). Paths equal
// but for leading zeros fall back to their text, to keep one order.
func comparePaths(a, b string) int {
	x, y := a, b
	for x != "" && y != "" {
		dx, dy := digitRun(x), digitRun(y)
		if dx > 0 && dy > 0 {
			nx, ny := strings.TrimLeft(x[:dx], "0"), strings.TrimLeft(y[:dy], "0")
			if c := cmp.Compare(len(nx), len(ny)); c != 0 {
				return c
			}
			if c := strings.Compare(nx, ny); c != 0 {
				return c
			}
			x, y = x[dx:], y[dy:]
			continue
		}
		if x[0] != y[0] {
			return cmp.Compare(x[0], y[0])
		}
		x, y = x[1:], y[1:]
	}
	if c := cmp.Compare(len(x), len(y)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// digitRun is the length of the run of ASCII digits s begins with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// fates follows each table through the migrations of each history in
// order: the name a table declared in a migration ends up with (keyed by
// the history's root, then by code.ModelKey of the name it was declared
// with), or "" when a later migration drops it (or renames it away, and
// drops that). A table a migration declares is alive after it, whatever
// an earlier one did; a migration that drops and declares the same table
// rebuilds it.
func fates(steps []*migrationStep) (map[string]map[string]string, map[string]string) {
	orderSteps(steps)
	roots := map[string]string{}
	all := map[string]map[string]string{}
	for _, s := range steps {
		roots[s.file] = historyRoot(s.file)
		now := all[roots[s.file]] // table first declared (key) -> its name now, "" dropped
		if now == nil {
			now = map[string]string{}
			all[roots[s.file]] = now
		}
		for k, name := range s.declared {
			now[k] = name
		}
		for _, op := range s.ops {
			from := code.ModelKey(op.From)
			if _, ok := s.declared[from]; ok && (s.firstLine[from] > op.Line || s.renamesTo(from)) {
				// Dropped and created again, or a copy renamed over it:
				// rebuilt in the same migration. Declared (read) first
				// and dropped after, it is gone.
				continue
			}
			for k, cur := range now {
				if cur != "" && code.ModelKey(cur) == from {
					now[k] = op.To
				}
			}
		}
	}
	siblings(all)
	return all, roots
}

// siblings applies to each history what a sibling history (another
// database's, in a folder beside it) did to a table both declare and it
// left alone: they keep one schema, and the other may rename or drop in
// code no reader follows (a table name built at run time, from a list of
// renames). A change read is evidence; a change not read is not its
// absence.
func siblings(all map[string]map[string]string) {
	roots := slices.Sorted(maps.Keys(all))
	for _, r := range roots {
		for _, o := range roots {
			if o == r || path.Dir(o) != path.Dir(r) {
				continue
			}
			for k, cur := range all[r] {
				if cur == "" || code.ModelKey(cur) != k {
					continue // changed here already
				}
				if other, ok := all[o][k]; ok && (other == "" || code.ModelKey(other) != k) {
					all[r][k] = other
				}
			}
		}
	}
}
