package userdata

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// pyFile is what one Python file tells Finish about models declared
// across files: its model classes by declared name (abstract bases too),
// the classes on bases it does not define, and the names it imports.
type pyFile struct {
	file    string
	defs    map[string]pyDef
	rest    []pyClass
	imports map[string]string // a name imported with from-import -> its module
	// classes are the names of every top-level class the file defines,
	// models or not.
	classes []string
}

// pyDef is a model class: its fields and relations with its bases'.
type pyDef struct {
	Model
	abstract bool
}

// pyClass is a class on bases the file does not prove models: a model
// when one of its bases is a model class of another file (a project's
// own abstract base, a model of another module), with that base's fields
// and relations before its own.
type pyClass struct {
	Model
	bases    []string // as written, a module's prefix kept (base.Name)
	abstract bool
	// django: the class declares Django model fields (models.CharField).
	django bool
}

// pyFromImportRE: from module import a, b as c (one line or parenthesised).
var pyFromImportRE = regexp.MustCompile(`(?m)^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)`)

// pyImportedNames maps each name a file's from-imports bind to its module.
func pyImportedNames(src []byte) map[string]string {
	out := map[string]string{}
	for _, m := range pyFromImportRE.FindAllSubmatch(src, -1) {
		list := strings.Trim(string(m[2]), "() \t\r\n")
		for _, n := range strings.Split(list, ",") {
			f := strings.Fields(n)
			switch {
			case len(f) == 1:
				out[f[0]] = string(m[1])
			case len(f) == 3 && f[1] == "as":
				out[f[2]] = string(m[1]) + "." + f[0]
			}
		}
	}
	return out
}

// pyOtherClasses reads the top-level classes that are no model of the
// file and inherit something: their own fields (Django's assignments, and
// annotations where SQLAlchemy 2 declares columns with Mapped[...]),
// relations and table.
func pyOtherClasses(src []byte, classes [][]int, orm map[string]bool, lines *code.Lines, authUser bool) []pyClass {
	var out []pyClass
	annotated := bytes.Contains(src, []byte("Mapped["))
	django := pyDjangoImportRE.Match(src)
	for _, m := range classes {
		if m[3] > m[2] { // nested: a Meta, a helper inside a class
			continue
		}
		name := string(src[m[4]:m[5]])
		if orm[name] {
			continue
		}
		var bases []string
		for _, b := range strings.Split(string(src[m[6]:m[7]]), ",") {
			if b = strings.TrimSpace(b); b != "" && !strings.Contains(b, "=") {
				bases = append(bases, b)
			}
		}
		if len(bases) == 0 {
			continue
		}
		fields, end := pyClassFields(src, m, annotated)
		md := Model{Name: name, Line: lines.At(m[0]), Fields: fields, Relations: pyRelations(src, m[1], end, lines, authUser)}
		body := src[m[1]:end]
		if t := pyTableRE.FindSubmatch(body); t != nil {
			md.Table = string(t[1])
		}
		out = append(out, pyClass{Model: md, bases: bases, abstract: pyAbstractRE.Match(body), django: django && pyDjangoFieldRE.Match(body)})
	}
	return out
}

// readPyFile reads what a Python file tells Finish, or nil when it
// declares no class that could be or make a model.
func readPyFile(p string, data []byte) *pyFile {
	l := lang.Of(p)
	if l.Family() != lang.Python || isMigration(p) {
		return nil
	}
	stripped := lang.StripComments(l, data)
	_, pf := pythonClasses(stripped)
	for _, alias := range pyBaseAliases(stripped) {
		if _, ok := pf.defs[alias]; !ok {
			pf.defs[alias] = pyDef{Model: Model{Name: alias}, abstract: true}
		}
	}
	for _, m := range pyTopClassRE.FindAllSubmatch(stripped, -1) {
		pf.classes = append(pf.classes, string(m[1]))
	}
	if len(pf.defs) == 0 && len(pf.rest) == 0 && len(pf.classes) == 0 {
		return nil
	}
	pf.file = p
	if len(pf.rest) > 0 {
		pf.imports = pyImportedNames(stripped)
	}
	return pf
}

// crossFileModels resolves, to a fixed point, the classes whose base is a
// model class of another file (or one of the file's classes resolved
// so): each is a model with its base's fields and relations before its
// own. A base is found by the name the file imports it by (from .base
// import BaseModel, or module.BaseModel), in the file that module names
// when several files define that name; a base no file declares as a model
// (a plain mixin, a dataclass) makes nothing. Abstract classes are bases
// only. It returns the concrete models found, with their files.
func crossFileModels(files []*pyFile) (models []Model, in []string) {
	type def struct {
		pyDef
		file string
	}
	defs := map[string][]def{}
	for _, pf := range files {
		for n, d := range pf.defs {
			defs[n] = append(defs[n], def{d, pf.file})
		}
	}
	// lookup finds the model class a base names, from file pf.
	lookup := func(pf *pyFile, base string) (def, bool) {
		name, module := base, ""
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			name, module = base[i+1:], base[:i]
		} else if mod, ok := pf.imports[base]; ok {
			module = mod
			if j := strings.LastIndexByte(mod, '.'); j >= 0 && strings.HasSuffix(mod, "."+name) {
				module = mod[:j] // from pkg import module-qualified alias
			}
		} else {
			// Defined in the same file (a chain resolved this round).
			for _, d := range defs[name] {
				if d.file == pf.file {
					return d, true
				}
			}
			return def{}, false
		}
		cands := defs[name]
		if len(cands) == 1 {
			return cands[0], true
		}
		last := module[strings.LastIndexByte(module, '.')+1:]
		for _, d := range cands {
			stem := strings.TrimSuffix(path.Base(d.file), path.Ext(d.file))
			if stem == last || stem == "__init__" && path.Base(path.Dir(d.file)) == last {
				return d, true
			}
		}
		return def{}, false
	}
	done := map[*pyClass]bool{}
	// A class declaring Django fields on bases the tree imports and never
	// defines (django-softdelete's SoftDeleteModel) is a model with its
	// own fields: Django keeps the fields of model classes alone, so the
	// library's base is a model. A plain mixin (object) is none.
	declared := map[string]bool{}
	for _, pf := range files {
		for _, n := range pf.classes {
			declared[n] = true
		}
	}
	for _, pf := range files {
		for i := range pf.rest {
			c := &pf.rest[i]
			if !c.django || !slices.ContainsFunc(c.bases, func(b string) bool {
				_, imported := pf.imports[b]
				return imported || strings.Contains(b, ".")
			}) || slices.ContainsFunc(c.bases, func(b string) bool {
				return b == "object" || declared[b[strings.LastIndexByte(b, '.')+1:]]
			}) {
				continue
			}
			done[c] = true
			defs[c.Name] = append(defs[c.Name], def{pyDef{Model: c.Model, abstract: c.abstract}, pf.file})
			if !c.abstract {
				models = append(models, c.Model)
				in = append(in, pf.file)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, pf := range files {
			for i := range pf.rest {
				c := &pf.rest[i]
				if done[c] {
					continue
				}
				for _, b := range c.bases {
					d, ok := lookup(pf, b)
					if !ok || d.Name == c.Name && d.file == pf.file {
						continue
					}
					md := c.Model
					md.Fields = append(slices.Clone(d.Fields), c.Fields...)
					md.Relations = append(slices.Clone(d.Relations), c.Relations...)
					for j := range d.Relations {
						if md.Relations[j].File == "" {
							md.Relations[j].File = d.file
						}
					}
					md.Account = d.Account || slices.ContainsFunc(c.bases, pyAccountBaseRE.MatchString)
					done[c] = true
					changed = true
					defs[c.Name] = append(defs[c.Name], def{pyDef{Model: md, abstract: c.abstract}, pf.file})
					if !c.abstract {
						models = append(models, md)
						in = append(in, pf.file)
					}
					break
				}
			}
		}
	}
	return models, in
}

var (
	// pyTopClassRE: a top-level class, with or without bases.
	pyTopClassRE = regexp.MustCompile(`(?m)^class[ \t]+(\w+)`)
	// pyDjangoImportRE: the file imports Django's models module.
	pyDjangoImportRE = regexp.MustCompile(`(?m)^[ \t]*from[ \t]+django\.db[ \t]+import[ \t]+[^\n]*\bmodels\b`)
	// pyDjangoFieldRE: a class attribute that is a Django model field
	// (models.CharField(...), models.ForeignKey(...)); a form's or a
	// serializer's fields come from other modules.
	pyDjangoFieldRE = regexp.MustCompile(`(?m)^[ \t]+\w+[ \t]*(?::[^=\n]*)?=[ \t]*models\.(?:\w*Field|ForeignKey|OneToOneField)[ \t]*\(`)
)

// pyBaseAliasRE: a name bound to an ORM's model base (BaseModel =
// db.Model, Base = orm.declarative_base()), at any indentation, since
// projects bind it under if TYPE_CHECKING: ... else: for type checkers.
var pyBaseAliasRE = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*(?:\w+\.)*(?:Model|declarative_base\([^)\n]*\))[ \t]*$`)

// pyORMImportRE: the file imports an ORM, so a Model it names is the
// ORM's and not, say, a machine-learning framework's.
var pyORMImportRE = regexp.MustCompile(`(?m)^[ \t]*(?:from|import)[ \t]+(?:flask_sqlalchemy|sqlalchemy|django\.db|peewee|sqlmodel)\b`)

// pyBaseAliases names the file's aliases of an ORM model base: abstract
// bases another file's classes may inherit by that name.
func pyBaseAliases(src []byte) []string {
	if !pyORMImportRE.Match(src) {
		return nil
	}
	var out []string
	for _, m := range pyBaseAliasRE.FindAllSubmatch(src, -1) {
		out = append(out, string(m[1]))
	}
	return out
}
