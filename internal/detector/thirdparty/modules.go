package thirdparty

import (
	"path"
	"regexp"
	"slices"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A JavaScript or TypeScript module that only hands out values
// (export const openai = new OpenAI(...)) runs for whoever imports it: if
// no file of the tree does, its client is never made and the service it
// names is not one the product uses. A module with any other export (a
// function, a class, a default, a route handler, a list re-exported) may
// be an entry the framework or a script runs by its path, and keeps its
// uses; so does a module some import might name, resolved or not.

// jsModule is what Finish needs of one JavaScript or TypeScript file.
type jsModule struct {
	imports []string // the specifiers it imports
	holder  bool     // it exports a client it makes, and nothing but values
}

var (
	// jsExportRE is an export statement, from its keyword on.
	jsExportRE = regexp.MustCompile(`(?m)^[ \t]*export\b[^\n]*`)
	// jsTypeExportRE exports a type.
	jsTypeExportRE = regexp.MustCompile(`^[ \t]*export[ \t]+(?:declare[ \t]+)?(?:type|interface|enum)\b`)
	// jsBindingExportRE exports a binding, up to its value.
	jsBindingExportRE = regexp.MustCompile(`^[ \t]*export[ \t]+(?:const|let|var)[ \t]+[\w$]+[ \t]*(?::[^=]+)?=[ \t]*`)
	// jsNewRE is a constructor call: the binding holds what it makes.
	jsNewRE = regexp.MustCompile(`^new[ \t]+[\w$.]+[ \t]*\(`)
	// jsLiteralRE is a string, number or boolean literal.
	jsLiteralRE = regexp.MustCompile("^(?:[\"'`0-9]|true\\b|false\\b)")
)

// valueHolder reports whether a module (stripped source) exports a client
// it constructs (export const openai = new OpenAI(...)) and otherwise
// only types and literals: no function, class, component, handler or
// default that something could run by the module's path.
func valueHolder(stripped []byte) bool {
	clients := 0
	for _, e := range jsExportRE.FindAll(stripped, -1) {
		if jsTypeExportRE.Match(e) {
			continue
		}
		m := jsBindingExportRE.FindIndex(e)
		if m == nil {
			return false
		}
		switch value := e[m[1]:]; {
		case jsNewRE.Match(value):
			clients++
		case jsLiteralRE.Match(value):
		default:
			return false
		}
	}
	return clients > 0
}

// module records a JavaScript or TypeScript file's imports and whether
// it only hands out values.
func (d *Detector) module(f *detector.File) {
	if lang.Of(f.Path).Family() != lang.JavaScript {
		return
	}
	stripped := code.Stripped(f)
	m := jsModule{holder: valueHolder(stripped)}
	for _, im := range code.Imports(lang.Of(f.Path), stripped) {
		m.imports = append(m.imports, im.Module)
	}
	d.mu.Lock()
	d.modules[f.Path] = m
	d.mu.Unlock()
}

// unimported are the value-holding modules no file of the tree imports,
// nor might: no other file's import resolves to the module
// (lang.ResolveImport), nor ends in its name (an alias this reader does
// not resolve: '#lib/openai'; a folder's index by the folder's name).
// The caller holds d.mu.
func (d *Detector) unimported() map[string]bool {
	has := func(p string) bool { _, ok := d.modules[p]; return ok }
	imported := map[string]bool{}
	named := map[string]map[string]bool{} // last element of a specifier -> importing files
	for from, m := range d.modules {
		for _, spec := range m.imports {
			if p := lang.ResolveImport(from, spec, has); p != "" {
				imported[p] = true
			}
			last := lang.Stem(path.Base(spec))
			if named[last] == nil {
				named[last] = map[string]bool{}
			}
			named[last][from] = true
		}
	}
	out := map[string]bool{}
	for p, m := range d.modules {
		if !m.holder || imported[p] {
			continue
		}
		name := lang.Stem(path.Base(p))
		if name == "index" {
			name = path.Base(path.Dir(p))
		}
		others := 0
		for from := range named[name] {
			if from != p {
				others++
			}
		}
		if others == 0 {
			out[p] = true
		}
	}
	return out
}

// dropUnimported removes the evidence that only modules no file imports
// give. The caller holds d.mu.
func (d *Detector) dropUnimported() {
	dead := d.unimported()
	if len(dead) == 0 {
		return
	}
	gone := func(e facts.Evidence) bool { return dead[e.File] }
	for id, ev := range d.uses {
		d.uses[id] = slices.DeleteFunc(ev, gone)
	}
	for v, calls := range d.hosts {
		var kept []hostCall
		for _, c := range calls {
			if !dead[c.at.File] {
				kept = append(kept, c)
			}
		}
		d.hosts[v] = kept
	}
}
