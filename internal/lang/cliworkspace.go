package lang

import (
	"encoding/json"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// A workspace package that installs a command (its package.json's bin)
// and that no other package of the tree depends on at run time or
// imports is a command-line tool a developer runs (a monorepo's deploy
// CLI): the services it calls and the files it writes are no product's.
// The root package lists its workspace's tools among its devDependencies,
// which says nothing of where they run. A command whose entry starts a
// server (bin/www) is the product's, and so is a package with a server's
// framework.

// binFiles are the files a package.json's bin field names, as tree paths:
// a string, or an object of command names to files.
func binFiles(dir string, raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{treePath(dir, one)}
	}
	var many map[string]string
	if json.Unmarshal(raw, &many) != nil {
		return nil
	}
	var out []string
	for _, cmd := range slices.Sorted(maps.Keys(many)) {
		out = append(out, treePath(dir, many[cmd]))
	}
	return out
}

// cliPackageRoles are the roles of the scripts of the workspace's
// command-line tools: hand-run scripts.
func (t *Tree) cliPackageRoles() map[string]Role {
	out := map[string]Role{}
	for _, dir := range slices.Sorted(maps.Keys(t.packages)) {
		pk := t.packages[dir]
		if dir == "." || pk.name == "" || len(pk.bin) == 0 || pk.server != "" || t.cliUsed(dir, pk) {
			continue
		}
		prefix := dir + "/"
		for _, p := range slices.Sorted(maps.Keys(t.scripts)) {
			if strings.HasPrefix(p, prefix) && t.inPackage(p) == dir {
				out[p] = Role{Kind: Script, noun: "command-line tool", why: "in a workspace package with a command (bin, " +
					path.Join(dir, "package.json") + ") that no other package imports"}
			}
		}
	}
	return out
}

// cliUsed reports whether a package with a command is more than a tool:
// its command starts a server, or another package depends on it at run
// time or imports it.
func (t *Tree) cliUsed(dir string, pk pkgDeps) bool {
	for _, b := range pk.bin {
		for _, ext := range []string{"", ".js", ".ts", ".mjs", ".cjs"} {
			if t.listening[b+ext] || t.listening[Stem(b)+ext] {
				return true
			}
		}
	}
	for other, o := range t.packages {
		if other != dir && slices.Contains(o.deps, pk.name) {
			return true
		}
	}
	for p, sc := range t.scripts {
		if t.inPackage(p) != dir && slices.Contains(sc.pkgs, pk.name) {
			return true
		}
	}
	return false
}

// inPackage is the folder of the nearest package.json above a file.
func (t *Tree) inPackage(p string) string {
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		if _, ok := t.packages[dir]; ok || dir == "." || dir == "/" {
			return dir
		}
	}
}

// jsInstall is a command that installs a JavaScript package's
// dependencies: what a Dockerfile, a CI workflow or a deploy script runs
// before it builds.
var jsInstall = regexp.MustCompile(`\b(?:npm\s+(?:ci|install|i)|pnpm\s+(?:install|i)|bun\s+install|yarn\s+install)\b|\byarn\s*(?:--[\w-]+\s*)*(?:$|&&|;)`)

// installsJS says whether a file that configures a build, a CI run or a
// deployment installs JavaScript packages.
func installsJS(p string, src []byte) bool {
	base := path.Base(p)
	build := strings.HasPrefix(base, "Dockerfile") || strings.HasSuffix(base, ".Dockerfile") || base == "Procfile" || base == "Makefile" ||
		Of(p) == Shell || Of(p) == YAML
	// A vendored library's own Dockerfile installs nothing of this tree.
	vendored := hasSegment(p, "vendor") || hasSegment(p, "node_modules") || hasSegment(p, "third_party")
	return build && jsInstall.Match(src) && !vendored
}

// devToolRoles are the roles of manifests that list only developer
// tools (devDependencies, nothing to run, no script that builds or
// starts, no page framework, no command) when nothing in the tree
// installs JavaScript packages: what they pin
// or leave unpinned runs on a developer's machine, not in the product.
func (t *Tree) devToolRoles() map[string]Role {
	out := map[string]Role{}
	if t.installsJS {
		return out
	}
	for _, dir := range slices.Sorted(maps.Keys(t.packages)) {
		pk := t.packages[dir]
		if !pk.devOnly || pk.ui != "" || len(pk.bin) > 0 || t.bundled[dir] != "" {
			continue
		}
		out[path.Join(dir, "package.json")] = Role{Kind: Tooling, noun: "developer tools' manifest",
			why: "lists only devDependencies, and no Dockerfile, CI workflow or script in the tree installs JavaScript packages"}
	}
	return out
}
