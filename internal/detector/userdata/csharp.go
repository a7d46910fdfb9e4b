package userdata

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// Entity Framework Core's models are plain classes: what makes one a
// table is a DbContext naming it, by a DbSet<T> property or
// modelBuilder.Entity<T>() in the context class, and ASP.NET Identity's
// user (IdentityDbContext<TUser>'s type argument, a class deriving
// IdentityUser) is the app's people. A class no context names (a view
// model, a DTO of the same shape) is no table, and a DbSet property on a
// class that is no context (a repository's) names none. The classes sit
// in one file each, and the context in another: each C# file is read
// into a csFile, and Finish resolves the models across files
// (csModels): a model's fields are its auto-properties and its base
// classes' (EF maps inherited properties), minus [NotMapped] ones; a
// property typed by another model is a reference to it (its key the
// [ForeignKey] named, or <Property>Id), a collection of one is the other
// side; a bare <...>UserId key is the user model's.

// csFile is what one C# file tells Finish.
type csFile struct {
	file      string
	namespace string
	usings    []string
	classes   []csClass
}

// csClass is one class a file declares.
type csClass struct {
	name  string
	line  int
	bases []string // as written, generic arguments kept
	props []csProp
	// sets are the types its DbSet<T> properties and
	// modelBuilder.Entity<T>() calls name: the tables it maps, when the
	// class is a context.
	sets []string
}

// csProp is an auto-property that EF maps.
type csProp struct {
	name, typ string
	line      int
	// foreignKey is the key property a [ForeignKey("X")] attribute names.
	foreignKey string
	// required: a [Required] attribute.
	required bool
}

var (
	csNamespaceRE = regexp.MustCompile(`(?m)^[ \t]*namespace[ \t]+([\w.]+)`)
	csUsingRE     = regexp.MustCompile(`(?m)^[ \t]*using[ \t]+([\w.]+)[ \t]*;`)
	// csClassRE is a class declaration up to its body, a primary
	// constructor's parameters and a base's arguments included.
	csClassRE = regexp.MustCompile(`(?m)^[ \t]*(?:(?:public|internal|private|protected|abstract|sealed|partial|static|file)[ \t]+)*(?:record[ \t]+)?class[ \t]+(\w+)[ \t]*(?:<[^>{]*>)?[ \t\r\n]*(?:\([^)]*\)[ \t\r\n]*)?(?::([^{;]+?))?[ \t\r\n]*(?:where[ \t][^{]*)?\{`)
	// csPropRE is a property declaration up to its accessor block, on
	// one line: modifiers, type, name, {.
	csPropRE = regexp.MustCompile(`(?m)^[ \t]*((?:(?:public|protected|internal|virtual|override|required|new|static|abstract|sealed)[ \t]+)+)([^\s=(){};][^=(){};\n]*?)[ \t]+(\w+)[ \t]*\{[ \t]*(?:get|set|init)\b`)
	// csSetRE is a DbSet<T> property or a modelBuilder.Entity<T>() call.
	csSetRE = regexp.MustCompile(`\bDbSet<\s*([\w.]+)\s*>\s+\w+\s*\{|\.Entity<\s*([\w.]+)\s*>\s*\(`)
	// csForeignKeyRE is the [ForeignKey("UserId")] / [ForeignKey(nameof(UserId))] attribute.
	csForeignKeyRE = regexp.MustCompile(`\[\s*ForeignKey\(\s*(?:"(\w+)"|nameof\(\s*(\w+)\s*\))`)
	// csContextBaseRE is EF Core's and ASP.NET Identity's context bases.
	csContextBaseRE = regexp.MustCompile(`^(?:[\w.]+\.)?(?:DbContext|IdentityDbContext|IdentityUserContext|ApiAuthorizationDbContext|KeyApiAuthorizationDbContext)\b`)
	// csIdentityUserRE is ASP.NET Identity's user base.
	csIdentityUserRE = regexp.MustCompile(`^(?:[\w.]+\.)?IdentityUser\b`)
	// csCollectionRE is a collection type: the other side of a relation.
	csCollectionRE = regexp.MustCompile(`^(?:[\w.]+\.)?(?:List|IList|ICollection|IEnumerable|IReadOnlyCollection|IReadOnlyList|Collection|HashSet|ISet)<|\[\]$`)
)

// csIdentityFields are the columns ASP.NET Identity's user keeps for
// every app (AspNetUsers): who signs in, how to reach them, the hash.
var csIdentityFields = []Field{{Name: "UserName", Type: "string"}, {Name: "Email", Type: "string"}, {Name: "PasswordHash", Type: "string"}, {Name: "PhoneNumber", Type: "string"}}

// readCSFile reads a C# file's classes, or nil when it declares none.
func readCSFile(f *detector.File) *csFile {
	if lang.Of(f.Path) != lang.CSharp || isMigration(f.Path) {
		return nil
	}
	src := code.Stripped(f)
	if !bytes.Contains(src, []byte("class")) {
		return nil
	}
	lines := code.NewLines(src)
	cf := &csFile{file: f.Path}
	if m := csNamespaceRE.FindSubmatch(src); m != nil {
		cf.namespace = string(m[1])
	}
	for _, m := range csUsingRE.FindAllSubmatch(src, -1) {
		cf.usings = append(cf.usings, string(m[1]))
	}
	decls := csClassRE.FindAllSubmatchIndex(src, -1)
	for i, m := range decls {
		open := m[1] - 1
		end := blockEnd(src, open)
		c := csClass{name: string(src[m[2]:m[3]]), line: lines.At(m[2])}
		if m[4] >= 0 {
			c.bases = csSplitBases(string(src[m[4]:m[5]]))
		}
		// The class's own members: nested classes' bodies are theirs.
		body := slices.Clone(src[open+1 : end])
		for _, n := range decls[i+1:] {
			if n[0] >= end {
				break
			}
			if n[1]-1 > open {
				nEnd := blockEnd(src, n[1]-1)
				for j := max(n[0], open+1); j < min(nEnd+1, end); j++ {
					if body[j-open-1] != '\n' {
						body[j-open-1] = ' '
					}
				}
			}
		}
		base := open + 1
		for _, p := range csPropRE.FindAllSubmatchIndex(body, -1) {
			if bytes.Contains(body[p[2]:p[3]], []byte("static")) {
				continue
			}
			// The attributes before it: back to the previous member's end.
			attrs := body[max(bytes.LastIndexAny(body[:p[0]], ";}{"), 0):p[0]]
			if bytes.Contains(attrs, []byte("NotMapped")) {
				continue
			}
			prop := csProp{name: string(body[p[6]:p[7]]), typ: strings.TrimSpace(string(body[p[4]:p[5]])), line: lines.At(base + p[6])}
			prop.required = bytes.Contains(attrs, []byte("[Required"))
			if fk := csForeignKeyRE.FindSubmatch(attrs); fk != nil {
				prop.foreignKey = string(fk[1]) + string(fk[2])
			}
			c.props = append(c.props, prop)
		}
		for _, s := range csSetRE.FindAllSubmatch(body, -1) {
			c.sets = append(c.sets, csShortName(string(s[1])+string(s[2])))
		}
		cf.classes = append(cf.classes, c)
	}
	if len(cf.classes) == 0 {
		return nil
	}
	return cf
}

// csSplitBases splits a base list or a type's arguments at the commas
// outside generic arguments (IdentityDbContext<AppUser, Role, string>,
// IAuditable).
func csSplitBases(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			switch s[i] {
			case '<', '(', '[':
				depth++
				continue
			case '>', ')', ']':
				depth = max(depth-1, 0)
				continue
			case ',':
				if depth > 0 {
					continue
				}
			default:
				continue
			}
		}
		if b := strings.TrimSpace(s[start:i]); b != "" {
			out = append(out, b)
		}
		start = i + 1
	}
	return out
}

// csShortName drops a type's namespace and its nullable mark.
func csShortName(t string) string {
	t = strings.TrimSuffix(strings.TrimSpace(t), "?")
	if i := strings.LastIndexByte(t, '.'); i >= 0 && !strings.Contains(t[i:], ">") {
		t = t[i+1:]
	}
	return t
}

// csGenericName is a generic type's name without its arguments.
func csGenericName(t string) string {
	if i := strings.IndexAny(t, "<("); i >= 0 {
		t = t[:i] // Base<T>, or a primary constructor's Base(options)
	}
	return csShortName(t)
}

// csKeyTypes are the types a row's key is declared with.
var csKeyTypes = map[string]bool{"int": true, "long": true, "short": true, "string": true, "Guid": true, "int?": true, "long?": true, "Guid?": true, "string?": true}

// csModels resolves the C# files' models: the classes a context names
// and the Identity user, with their files.
func csModels(files []*csFile) (models []Model, in []string) {
	type ref struct {
		c  *csClass
		cf *csFile
	}
	byName := map[string][]ref{}
	for _, cf := range files {
		for i := range cf.classes {
			c := &cf.classes[i]
			byName[c.name] = append(byName[c.name], ref{c, cf})
		}
	}
	// find picks the class a name means from a file: the one in the
	// file's namespace or a namespace it imports when several share it.
	find := func(from *csFile, name string) (ref, bool) {
		cands := byName[csGenericName(name)]
		if len(cands) == 1 {
			return cands[0], true
		}
		for _, r := range cands {
			if r.cf.namespace == from.namespace || slices.Contains(from.usings, r.cf.namespace) {
				return r, true
			}
		}
		return ref{}, false
	}
	// isContext: a class deriving a context base, or an app class that does.
	var isContext func(r ref, depth int) bool
	isContext = func(r ref, depth int) bool {
		for _, b := range r.c.bases {
			if csContextBaseRE.MatchString(b) {
				return true
			}
			if p, ok := find(r.cf, b); ok && depth < 8 && p.c != r.c && isContext(p, depth+1) {
				return true
			}
		}
		return false
	}
	tables := map[*csClass]ref{}
	account := map[*csClass]bool{}
	var order []*csClass
	addTable := func(r ref) {
		if _, ok := tables[r.c]; !ok {
			tables[r.c] = r
			order = append(order, r.c)
		}
	}
	for _, cf := range files {
		for i := range cf.classes {
			r := ref{&cf.classes[i], cf}
			if !isContext(r, 0) {
				continue
			}
			for _, s := range r.c.sets {
				if t, ok := find(cf, s); ok {
					addTable(t)
				}
			}
			// IdentityDbContext<ApplicationUser, ...>: its first argument.
			for _, b := range r.c.bases {
				if i := strings.IndexByte(b, '<'); i >= 0 && strings.Contains(b[:i], "Identity") {
					args := csSplitBases(strings.TrimSuffix(b[i+1:], ">"))
					if len(args) > 0 {
						if t, ok := find(cf, strings.TrimSpace(args[0])); ok {
							addTable(t)
							account[t.c] = true
						}
					}
				}
			}
		}
	}
	// The Identity user: a class deriving IdentityUser, directly or
	// through an app class, is a table whether or not a context here
	// names it (the context may be a library's).
	var identityUser func(r ref, depth int) bool
	identityUser = func(r ref, depth int) bool {
		for _, b := range r.c.bases {
			if csIdentityUserRE.MatchString(b) {
				return true
			}
			if p, ok := find(r.cf, b); ok && depth < 8 && p.c != r.c && identityUser(p, depth+1) {
				return true
			}
		}
		return false
	}
	for _, cf := range files {
		for i := range cf.classes {
			if r := (ref{&cf.classes[i], cf}); identityUser(r, 0) {
				addTable(r)
				account[r.c] = true
			}
		}
	}
	if len(tables) == 0 {
		return nil, nil
	}
	userModel := ""
	for _, c := range order {
		if account[c] {
			userModel = c.name
			break
		}
	}
	// props are a class's properties with its bases' before them.
	var props func(r ref, depth int) []csProp
	props = func(r ref, depth int) []csProp {
		var out []csProp
		for _, b := range r.c.bases {
			if p, ok := find(r.cf, b); ok && depth < 8 && p.c != r.c {
				out = append(out, props(p, depth+1)...)
			}
		}
		return append(out, r.c.props...)
	}
	isTable := func(from *csFile, typ string) (string, bool) {
		if t, ok := find(from, typ); ok {
			if _, table := tables[t.c]; table {
				return t.c.name, true
			}
		}
		return "", false
	}
	for _, c := range order {
		r := tables[c]
		m := Model{Name: c.name, Line: c.line, Account: account[c]}
		if account[c] {
			m.Fields = append(m.Fields, csIdentityFields...)
		}
		all := props(r, 0)
		types := map[string]string{}
		for _, p := range all {
			types[p.name] = p.typ
		}
		keyed := map[string]bool{}
		for _, p := range all {
			if csCollectionRE.MatchString(p.typ) && p.typ != "byte[]" {
				continue // the other side of a relation, or a list of values
			}
			if target, ok := isTable(r.cf, p.typ); ok {
				key := p.foreignKey
				if _, ok := types[p.name+"Id"]; key == "" && ok {
					key = p.name + "Id"
				}
				// EF's convention: a reference is optional when its key
				// may be null (int?), or is no property of the class (a
				// shadow key, nullable); deleting the target then only
				// empties it (ClientSetNull), and the row outlives it.
				kt, hasKey := types[key]
				optional := !p.required && (!hasKey || strings.HasSuffix(kt, "?"))
				m.Relations = append(m.Relations, Relation{Target: target, Field: key, Line: p.line, Optional: optional, SetNull: optional})
				if key != "" {
					keyed[key] = true
				}
				continue
			}
			m.Fields = append(m.Fields, Field{Name: p.name, Type: p.typ})
		}
		// A bare key to the user (UserId, SenderUserId) with no
		// navigation property: the Identity user's, or a User model's
		// whose own Id has the key's type.
		for _, p := range all {
			if keyed[p.name] || !strings.HasSuffix(p.name, "UserId") || !csKeyTypes[p.typ] {
				continue
			}
			rel := Relation{Target: userModel, Field: p.name, Line: p.line}
			if userModel == "" {
				rel.Target, rel.KeyType = "User", strings.TrimSuffix(p.typ, "?")
			}
			if rel.Target != c.name {
				m.Relations = append(m.Relations, rel)
			}
		}
		models = append(models, m)
		in = append(in, r.cf.file)
	}
	return models, in
}

// addCSharpModels adds the C# files' models (csModels), as Detect adds a
// file's own.
func (d *Detector) addCSharpModels(out *detector.Sink) {
	slices.SortFunc(d.cs, func(a, b *csFile) int { return strings.Compare(a.file, b.file) })
	models, files := csModels(d.cs)
	d.cs = nil
	d.addResolved(out, models, files)
}
