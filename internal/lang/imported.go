package lang

import (
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Who imports a module says where it runs better than its folder's name:
// a tools/ package inside the product's Python package that its served
// code imports (app/processor/tools/search.py, imported by a router) is
// the product's code, though tools/ alone says tooling. Only a module no
// app code imports keeps what its folder or name says; under a tooling
// folder, one that runs as a program (pyProgram) is a script a person
// runs by hand: the services it calls and the files it opens are no
// product's (a translation helper's LLM, a converter's database file).

// importable are the roles a folder or file name gives that the import
// graph may overrule: what a developer or an operator runs by hand.
func importable(k Kind) bool { return k == Tooling || k == Script }

// importedRoles are the roles of the modules offApp holds that app code
// imports, followed to a fixed point: a module app code imports is app
// code, and so is what it imports in turn.
func (t *Tree) importedRoles() map[string]Role {
	out := map[string]Role{}
	if len(t.offApp) == 0 {
		return out
	}
	off := map[string]bool{}
	for _, p := range t.offApp {
		off[p] = true
	}
	var queue []string
	for _, p := range slices.Sorted(maps.Keys(t.mods)) {
		if RoleOf(p).Kind == App {
			queue = append(queue, p)
		}
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range t.mods[p].importsOrNil() {
			for _, q := range resolvePath(imp, slices.Values(t.offApp)) {
				// Importing a module runs its packages' __init__.py too.
				for ; off[q]; q = packageInit(q) {
					if _, done := out[q]; done || q == p {
						break
					}
					out[q] = Role{Kind: App, why: "imported by app code, " + p}
					queue = append(queue, q)
				}
			}
		}
	}
	return out
}

// importsOrNil are a module's imports, none for a module not read.
func (m *settingsMod) importsOrNil() []string {
	if m == nil {
		return nil
	}
	return m.imports
}

// packageInit is the __init__.py of the package a module is in: its
// folder's, or for a package's own __init__.py, the parent folder's.
func packageInit(p string) string {
	dir := path.Dir(p)
	if path.Base(p) == "__init__.py" {
		dir = path.Dir(dir)
	}
	return path.Join(dir, "__init__.py")
}

// pyProgramMarks are what a module's top-level code does only when a
// person runs it from a shell: read its arguments, talk to the terminal,
// end the process.
var pyProgramMarks = regexp.MustCompile(`\bsys\.argv\b|\bArgumentParser\(|(?:^|[^\w.])(?:print|input|exit|sys\.exit)\(`)

// pyMainRE is the guard that runs a module's code only as a program.
var pyMainRE = regexp.MustCompile(`(?m)^if\s+__name__\s*==\s*['"]__main__['"]\s*:`)

// pyProgram says why a Python module is a program a person runs (its
// __main__ guard, or top-level code that reads its arguments, prints or
// exits), or "". A module that starts a server is no hand-run script.
func pyProgram(src []byte) string {
	stripped := StripComments(Python, src)
	if startsServer(Python, stripped) {
		return ""
	}
	if pyMainRE.Match(stripped) {
		return `runs as a program (if __name__ == "__main__")`
	}
	// Top-level code: lines outside the bodies of the module's functions
	// and classes (a body is what is indented under a def or class at
	// the left margin, and its decorators).
	inDef := false
	for line := range strings.SplitSeq(string(stripped), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			inDef = strings.HasPrefix(line, "def ") || strings.HasPrefix(line, "async def ") ||
				strings.HasPrefix(line, "class ") || strings.HasPrefix(line, "@") ||
				// A closing bracket ends a def's multi-line signature.
				inDef && (line[0] == ')' || line[0] == ']')
		}
		if !inDef && pyProgramMarks.MatchString(line) {
			return "its top-level code reads its arguments, prints or exits"
		}
	}
	return ""
}
