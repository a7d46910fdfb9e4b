package python

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// Where a module's own folder is named: pathlib's Path(__file__) and its
// parents, os.path.dirname(__file__) nested.
var (
	fileParents = regexp.MustCompile(`^(?:pathlib\.)?Path\(\s*__file__\s*\)(?:\.(?:resolve|absolute)\(\))?((?:\.parent)*)(?:\.parents\[(\d)\])?$`)
	fileDirname = regexp.MustCompile(`^((?:os\.path\.dirname\(\s*)+)(?:os\.path\.(?:abspath|realpath)\(\s*__file__\s*\)|__file__)[\s)]*$`)
	// pathDiv is base / "a" / "b", pathlib's way of joining.
	pathDiv = regexp.MustCompile(`^(.*?)((?:\s*/\s*(?:"[^"]*"|'[^']*'))+)\s*$`)
	quoted  = regexp.MustCompile(`"([^"]*)"|'([^']*)'`)
)

// folder reads the folder a static mount serves, as written in module m:
// a string (relative to the working folder, or to the module's folder
// when inFile: Flask's root_path), or a path joined onto the folder of a
// module (os.path.join(os.path.dirname(__file__), "static"),
// Path(__file__).parent / "static", BASE_DIR / "static" with BASE_DIR so
// defined). Nil when it is built otherwise.
func (g *graph) folder(m *module, e *expr, inFile bool) *facts.Served {
	if e == nil {
		return nil
	}
	if s, ok := g.ix.str(m, e); ok {
		v := &facts.Served{Dir: s, InFile: inFile}
		if inFile {
			v.From = m.path
		}
		return v
	}
	return g.folderAt(m, e.text, 0)
}

func (g *graph) folderAt(m *module, text string, depth int) *facts.Served {
	text = strings.TrimSpace(text)
	if depth > maxResolveDepth || text == "" {
		return nil
	}
	var base string
	var parts []string
	if rest, ok := strings.CutPrefix(text, "os.path.join("); ok && strings.HasSuffix(rest, ")") {
		args := splitArgs(strings.TrimSuffix(rest, ")"))
		if len(args) < 2 {
			return nil
		}
		base = args[0]
		for _, a := range args[1:] {
			q := quoted.FindStringSubmatch(a)
			if q == nil || q[0] != a {
				return nil
			}
			parts = append(parts, q[1]+q[2])
		}
	} else if d := pathDiv.FindStringSubmatch(text); d != nil {
		base = d[1]
		for _, q := range quoted.FindAllStringSubmatch(d[2], -1) {
			parts = append(parts, q[1]+q[2])
		}
	} else {
		base = text
	}
	base = strings.TrimSpace(base)
	if up, ok := moduleDir(base); ok {
		return &facts.Served{Dir: path.Join(append([]string{up}, parts...)...), InFile: true, From: m.path}
	}
	// A name bound to such a folder (BASE_DIR = Path(__file__).parent),
	// here or imported (settings.BASE_DIR).
	if isDotted(base) {
		s := g.ix.resolve(m, dottedExpr(base))
		if s.value != nil && s.mod != nil {
			if v := g.folderAt(s.mod, s.value.text, depth+1); v != nil && v.InFile {
				v.Dir = path.Join(append([]string{v.Dir}, parts...)...)
				return v
			}
		}
	}
	return nil
}

// flaskStatic is the static route a Flask app registers for its static
// folder: static_url_path + "/<path:filename>", the folder relative to the
// app's root_path (its module's folder), static_url_path "/" + the
// folder's name by default. With no static_folder given the folder is
// "static" and the route is kept only when the tree has that folder
// (Served.IfPresent); static_folder=None registers none.
func (g *graph) flaskStatic(m *module, ctor *expr) *decl {
	folderArg := ctor.arg(2, "static_folder")
	if folderArg != nil && folderArg.text == "None" {
		return nil
	}
	served := &facts.Served{Dir: "static", InFile: true, From: m.path, Dotfiles: true, IfPresent: folderArg == nil}
	if folderArg != nil {
		if served = g.folder(m, folderArg, true); served == nil {
			return nil
		}
		served.Dotfiles = true
	}
	urlPath := "/" + path.Base(served.Dir)
	if u := ctor.arg(1, "static_url_path"); u != nil && u.text != "None" {
		s, ok := g.ix.str(m, u)
		if !ok {
			return nil
		}
		urlPath = strings.TrimSuffix(s, "/")
	}
	return &decl{methods: []string{"GET"}, path: urlPath + "/<path:filename>", mod: m, handler: "static",
		line: int(ctor.line), endLine: int(ctor.line), body: ctor.text, tags: []string{facts.TagStatic}, framework: "flask",
		served: served, untypedString: true}
}

// moduleDir says base names the folder of the module it is written in,
// or one above it, as a path from that folder ("." or "../..").
func moduleDir(base string) (string, bool) {
	up := -1
	if p := fileParents.FindStringSubmatch(base); p != nil {
		up = strings.Count(p[1], ".parent") - 1
		if p[2] != "" {
			n, _ := strconv.Atoi(p[2])
			up += n + 1
		}
	} else if p := fileDirname.FindStringSubmatch(base); p != nil {
		up = strings.Count(p[1], "dirname(") - 1
	}
	if up < 0 {
		return "", false
	}
	return path.Join(append([]string{"."}, strings.Split(strings.Repeat("../", up), "/")...)...), true
}

// splitArgs splits a call's argument text at its top-level commas.
func splitArgs(s string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	if last := strings.TrimSpace(s[start:]); last != "" {
		out = append(out, last)
	}
	return out
}

func isDotted(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" || !isIdent(part) {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	for i, c := range s {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// dottedExpr is a.b.c as the name and attribute chain it is.
func dottedExpr(s string) *expr {
	parts := strings.Split(s, ".")
	e := &expr{kind: exName, name: parts[0], text: parts[0]}
	for _, p := range parts[1:] {
		e = &expr{kind: exAttr, obj: e, name: p, text: e.text + "." + p}
	}
	return e
}
