package signal

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// A request's whole input handed to create/fill/update is mass assignment
// only when what takes it is an Eloquent model that lets the input set
// an owner or a role: a repository or an action of the app's own
// (LinkRepository::create($request->all()), (new CreateNewUser)->create(...))
// picks its fields and sets the owner itself, and a model whose $fillable
// leaves owner and role columns out drops them. The classes are read from
// every PHP file (Calls sees them all), so the verdict waits for Finish.

// phpClass is one PHP class declaration: its full name, the full name of
// the class it extends, and its mass-assignment lists as declared.
type phpClass struct {
	name, base            string
	fillable, guarded     []string
	hasFillable, hasGuard bool
}

// massCand is a mass-assignment match waiting for its receiver's class.
type massCand struct {
	ev facts.Evidence
	// class is the receiver's full class name, "" when the code does not
	// say (a relation, a property, a variable of unknown type).
	class string
	// after is the code below the call: columns it sets on the record.
	after string
}

var (
	phpNamespace = regexp.MustCompile(`(?m)^\s*namespace\s+([\w\\]+)\s*;`)
	phpUse       = regexp.MustCompile(`(?m)^\s*use\s+\\?([\w\\]+)(?:\s+as\s+(\w+))?\s*;`)
	phpClassDecl = regexp.MustCompile(`(?m)^\s*(?:(?:abstract|final|readonly)\s+)*class\s+(\w+)(?:\s+extends\s+(\\?[\w\\]+))?`)
	phpListProp  = regexp.MustCompile(`\$(fillable|guarded)\s*=\s*(?:\[|array\()([^\]\)]*)`)
	phpQuoted    = regexp.MustCompile(`['"]([^'"\n]+)['"]`)
	// phpUnguard turns mass-assignment protection off for every model.
	phpUnguard = regexp.MustCompile(`\bModel::unguard\(\s*\)`)
	// privilegedColumn is a column that says whose a record is or what its
	// holder may do: what an attacker adds to a request's input.
	privilegedColumn = regexp.MustCompile(`(?i)^(?:(?:user|owner|author|creator|account|tenant|team|org|organi[sz]ation|company)_?id|created_by|roles?|role_?id|is_?admin|admin|is_?super_?(?:user|admin)|super_?admin|is_?staff|permissions?|abilities|credits?|balance)$`)
)

// phpResolve is a class name as the file's namespace and use imports make
// it: the full name, without a leading backslash.
func phpResolve(text, name string) string {
	if strings.HasPrefix(name, `\`) {
		return name[1:]
	}
	first, rest, _ := strings.Cut(name, `\`)
	for _, m := range phpUse.FindAllStringSubmatch(text, -1) {
		alias := m[2]
		if alias == "" {
			alias = m[1][strings.LastIndexByte(m[1], '\\')+1:]
		}
		if alias == first {
			if rest != "" {
				return m[1] + `\` + rest
			}
			return m[1]
		}
	}
	if m := phpNamespace.FindStringSubmatch(text); m != nil {
		return m[1] + `\` + name
	}
	return name
}

// phpClassesIn reads a file's class declarations.
func phpClassesIn(text string) []phpClass {
	locs := phpClassDecl.FindAllStringSubmatchIndex(text, -1)
	var out []phpClass
	for k, l := range locs {
		c := phpClass{name: phpResolve(text, text[l[2]:l[3]])}
		if l[4] >= 0 {
			c.base = phpResolve(text, text[l[4]:l[5]])
		}
		end := len(text)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		for _, p := range phpListProp.FindAllStringSubmatch(text[l[1]:end], -1) {
			var cols []string
			for _, q := range phpQuoted.FindAllStringSubmatch(p[2], -1) {
				cols = append(cols, q[1])
			}
			if p[1] == "fillable" {
				c.fillable, c.hasFillable = cols, true
			} else {
				c.guarded, c.hasGuard = cols, true
			}
		}
		out = append(out, c)
	}
	return out
}

// eloquentBase is a framework class every Eloquent model extends.
func eloquentBase(name string) bool {
	return strings.HasSuffix(name, `\Eloquent\Model`) || name == `Illuminate\Foundation\Auth\User` ||
		strings.HasSuffix(name, `\Relations\Pivot`) || name == "Eloquent"
}

// massReceiver is the class of what a mass-assignment call at i is made
// on, as the code says it: X::create, static::create inside X, (new
// X)->fill, $x->update where $x is typed X or was made by new X or X::;
// "" when it does not say.
func massReceiver(text string, i int) string {
	before := text[:i]
	if strings.HasPrefix(text[i:], "::") {
		m := regexp.MustCompile(`(\\?[A-Za-z_][\w\\]*)$`).FindStringSubmatch(before)
		if m == nil {
			return ""
		}
		if m[1] == "static" || m[1] == "self" {
			cs := phpClassDecl.FindAllStringSubmatch(before, -1)
			if len(cs) == 0 {
				return ""
			}
			return phpResolve(text, cs[len(cs)-1][1])
		}
		return phpResolve(text, m[1])
	}
	if strings.HasPrefix(text[i:], "new") {
		m := regexp.MustCompile(`^new\s+(\\?[A-Za-z_][\w\\]*)`).FindStringSubmatch(text[i:])
		if m == nil {
			return ""
		}
		return phpResolve(text, m[1])
	}
	if m := regexp.MustCompile(`\(\s*new\s+(\\?[A-Za-z_][\w\\]*)\s*(?:\(\s*\))?\s*\)$`).FindStringSubmatch(before); m != nil {
		return phpResolve(text, m[1])
	}
	m := regexp.MustCompile(`\$(\w+)$`).FindStringSubmatch(before)
	if m == nil || m[1] == "this" {
		return ""
	}
	v := regexp.QuoteMeta(m[1])
	// The nearest say about the variable above: a typed parameter, or an
	// assignment of a new object or a static call's result.
	re := regexp.MustCompile(`(?:\b(\\?[A-Z][\w\\]*)\s+\$` + v + `\b|\$` + v + `\s*=\s*(?:new\s+(\\?[A-Z][\w\\]*)|(\\?[A-Z][\w\\]*)::\w+\())`)
	all := re.FindAllStringSubmatch(before, -1)
	if len(all) == 0 {
		return ""
	}
	last := all[len(all)-1]
	for _, g := range last[1:] {
		if g != "" {
			return phpResolve(text, g)
		}
	}
	return ""
}

// addPHPClasses keeps a PHP file's classes and whether it unguards every
// model. Called with d.mu held.
func (d *Calls) addPHPClasses(text string) {
	if d.phpClasses == nil {
		d.phpClasses = map[string]phpClass{}
	}
	for _, c := range phpClassesIn(text) {
		if _, ok := d.phpClasses[c.name]; !ok {
			d.phpClasses[c.name] = c
		}
	}
	if phpUnguard.MatchString(text) {
		d.phpUnguarded = true
	}
}

// holdMass keeps a mass-assignment match for Finish.
func (d *Calls) holdMass(c massCand) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.massCands = append(d.massCands, c)
}

// massAssigns reports whether a held match writes the input into a
// record whose owner or role it can set.
func (d *Calls) massAssigns(c massCand) bool {
	if c.class == "" {
		return true // the code does not say what takes the input
	}
	cls, ok := d.phpClasses[c.class]
	if !ok {
		return true // a class the scan cannot read
	}
	// Walk up to the framework's model; the lists are the nearest
	// class's that declares them.
	var lists *phpClass
	for seen := map[string]bool{}; ; {
		if lists == nil && (cls.hasFillable || cls.hasGuard) {
			cp := cls
			lists = &cp
		}
		if eloquentBase(cls.base) {
			break
		}
		next, ok := d.phpClasses[cls.base]
		if cls.base == "" || !ok || seen[cls.base] {
			return false // not a model: the app's own class picks its fields
		}
		seen[cls.base] = true
		cls = next
	}
	switch {
	case lists == nil:
		// Laravel guards every column until the model says otherwise.
		return d.phpUnguarded
	case lists.hasFillable && len(lists.fillable) > 0:
		for _, col := range lists.fillable {
			if privilegedColumn.MatchString(col) && !setAfter(c.after, col) {
				return true
			}
		}
		return false
	case lists.hasGuard:
		for _, col := range lists.guarded {
			if col == "*" {
				return false
			}
		}
		return true
	}
	return d.phpUnguarded
}

// setAfter: the code below the call sets col on the record itself
// ($post->user_id = auth()->id()), overriding what the input said.
func setAfter(after, col string) bool {
	return regexp.MustCompile(`->` + regexp.QuoteMeta(col) + `\s*=[^=]`).MatchString(after)
}

// finishMass adds the held matches that are mass assignment.
func (d *Calls) finishMass(out *detector.Sink) {
	d.mu.Lock()
	cands := slices.Clone(d.massCands)
	d.mu.Unlock()
	slices.SortFunc(cands, func(a, b massCand) int {
		return cmp.Or(cmp.Compare(a.ev.File, b.ev.File), cmp.Compare(a.ev.Line, b.ev.Line))
	})
	for _, c := range cands {
		if d.massAssigns(c) {
			out.AddWeakness(facts.Weakness{ID: detector.ID("weakness", "mass-assignment", c.ev.File), Kind: "mass-assignment", Detail: detailMassPHP, Evidence: []facts.Evidence{c.ev}})
		}
	}
}

// linesAfter is the text from i to the end of the n-th line below.
func linesAfter(text string, i, n int) string {
	end := i
	for ; n >= 0 && end < len(text); n-- {
		k := strings.IndexByte(text[end:], '\n')
		if k < 0 {
			return text[i:]
		}
		end += k + 1
	}
	return text[i:end]
}
