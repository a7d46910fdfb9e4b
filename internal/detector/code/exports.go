package code

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/lang"
)

// Library exports that name a service: a notification library picks the
// channel by constructor (go-pkgz/notify's NewSlack posts to Slack,
// NewEmail speaks SMTP), and an LLM SDK reaches another provider's
// endpoint through a client class (the Anthropic SDK's AnthropicBedrock
// sends the prompts to Amazon Bedrock). The catalogue's exports key lists
// these names per module; a file uses the service when it imports the
// module and calls the name through that import. The same name declared
// by the app itself, or only written in a type, calls nothing.

// exportUses lists the services a file reaches through a catalogued
// export it calls, from its stripped source and its imports.
func exportUses(l lang.Lang, stripped []byte, imports []Import) []Use {
	var out []Use
	add := func(e catalog.Export, off int) {
		if off >= 0 && !overridden(stripped, e) {
			out = append(out, Use{Service: e.Service, Line: LineAt(stripped, off)})
		}
	}
	seen := map[string]bool{}
	for _, im := range imports {
		if seen[im.Module] {
			continue
		}
		seen[im.Module] = true
		switch l.Family() {
		case lang.Go:
			exports := catalog.ExportsOf(catalog.Go, im.Module)
			if len(exports) == 0 {
				continue
			}
			local := goLocalName(stripped, im.Module)
			for _, e := range exports {
				// A Go struct literal (autocert.Manager{...}) makes one too.
				off := callAt(stripped, local+"."+e.Name, 0)
				if off < 0 {
					off = literalAt(stripped, local+"."+e.Name)
				}
				add(e, off)
			}
		case lang.Python:
			exports := catalog.ExportsOf("python", im.Module)
			if len(exports) == 0 {
				continue
			}
			for _, b := range pyBindings(stripped, im.Module) {
				for _, e := range exports {
					switch {
					case b.imported == im.Module: // import m [as x]: x.Name(...)
						add(e, callAt(stripped, b.local+"."+e.Name, b.end))
					case b.imported == e.Name: // from m import Name [as x]: x(...)
						add(e, callAt(stripped, b.local, b.end))
					}
				}
			}
		case lang.JavaScript:
			exports := catalog.ExportsOf(catalog.NPM, im.Module)
			if len(exports) == 0 {
				continue
			}
			for _, b := range importBindings(stripped, im) {
				for _, e := range exports {
					if b.imported == e.Name {
						add(e, callAt(stripped, b.local, b.end)) // import { Name as x }: new x(...)
					} else if b.imported == b.local {
						add(e, callAt(stripped, b.local+"."+e.Name, b.end)) // import * as m: new m.Name(...)
					}
				}
			}
		}
	}
	return out
}

// callAt is the offset of the first call of expr (a name, or a dotted
// one) in src after from: expr(...) or new expr(...), not a method of
// something else (x.expr(...)) and not a mention in a type. -1 if none.
func callAt(src []byte, expr string, from int) int {
	re, err := regexp.Compile(`(?:\bnew\s+|(?:^|[^\w$.]))(` + regexp.QuoteMeta(expr) + `)\s*\(`)
	if err != nil || from > len(src) {
		return -1
	}
	if m := re.FindSubmatchIndex(src[from:]); m != nil {
		return from + m[2]
	}
	return -1
}

// literalAt is the offset of the first Go composite literal of a
// package's type (autocert.Manager{ or &autocert.Manager{), or -1.
func literalAt(src []byte, expr string) int {
	re := regexp.MustCompile(`(?:^|[^\w$.])(` + regexp.QuoteMeta(expr) + `)\{`)
	if m := re.FindSubmatchIndex(src); m != nil {
		return m[2]
	}
	return -1
}

// overridden reports whether a file sets one of an export's unless
// options (langPath, DirectoryURL) to a value that names none of the
// service's domains: the library then sends elsewhere than its default.
// An option set to the service's own host (a staging directory of the
// same vendor) still reaches it.
func overridden(src []byte, e catalog.Export) bool {
	for _, o := range e.Unless {
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(o) + `\b\s*(?::=|[:=])?\s*([^,\n})]*)`)
		for _, m := range re.FindAllSubmatch(src, -1) {
			if !namesDomain(m[1], e.Service) {
				return true
			}
		}
	}
	return false
}

// namesDomain: the value names a domain of one of the service's hosts
// (letsencrypt.org for acme-v02.api.letsencrypt.org).
func namesDomain(v []byte, s *catalog.Service) bool {
	for _, h := range s.Hosts {
		h, _, _ = strings.Cut(h, "/")
		labels := strings.Split(h, ".")
		if len(labels) > 2 {
			labels = labels[len(labels)-2:]
		}
		if strings.Contains(string(v), strings.Join(labels, ".")) {
			return true
		}
	}
	return false
}

// goLocalName is the name a Go file calls an imported package by: its
// alias (ntf "github.com/go-pkgz/notify"), or else the package's own
// name as its path spells it: the last element, less a major version
// (/v2, .v3) and a go- prefix or -go suffix.
func goLocalName(src []byte, path string) string {
	re := regexp.MustCompile(`(?m)^[ \t]*(?:import[ \t]+)?(\w+)[ \t]+"` + regexp.QuoteMeta(path) + `"`)
	if m := re.FindSubmatch(src); m != nil && string(m[1]) != "import" {
		return string(m[1])
	}
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	if i := strings.Index(name, ".v"); i > 0 {
		name = name[:i]
	}
	name = strings.TrimSuffix(strings.TrimPrefix(name, "go-"), "-go")
	return strings.ReplaceAll(name, "-", "")
}

var (
	// pyImportAsRE is import m or import m as x, alone on its line.
	pyImportAsRE = regexp.MustCompile(`(?m)^[ \t]*import[ \t]+([\w.]+)(?:[ \t]+as[ \t]+(\w+))?[ \t]*$`)
	// pyFromListRE is from m import a, b as c, on one line or in
	// parentheses across lines.
	pyFromListRE = regexp.MustCompile(`(?m)^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(?:\(([^)]*)\)|([\w \t,]*))`)
)

// pyBindings are the names the statements importing module bind: the
// module itself (import m, import m as x: imported is the module) and
// the names taken from it (from m import Name as x: imported is Name).
func pyBindings(src []byte, module string) []binding {
	var out []binding
	for _, m := range pyImportAsRE.FindAllSubmatchIndex(src, -1) {
		if string(src[m[2]:m[3]]) != module {
			continue
		}
		local := module
		if m[4] >= 0 {
			local = string(src[m[4]:m[5]])
		}
		out = append(out, binding{local: local, imported: module, end: m[1]})
	}
	for _, m := range pyFromListRE.FindAllSubmatchIndex(src, -1) {
		if string(src[m[2]:m[3]]) != module {
			continue
		}
		list := m[4:6]
		if list[0] < 0 {
			list = m[6:8]
		}
		for _, part := range strings.Split(string(src[list[0]:list[1]]), ",") {
			f := strings.Fields(part)
			if len(f) == 0 {
				continue
			}
			b := binding{local: f[0], imported: f[0], end: m[1]}
			if len(f) == 3 && f[1] == "as" {
				b.local = f[2]
			}
			out = append(out, b)
		}
	}
	return out
}
