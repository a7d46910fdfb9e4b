package lang

import (
	"path"
	"strings"
)

// importableByJS are the languages a JavaScript import may name without the
// file's extension, in the order they are tried: a TypeScript source
// before the JavaScript built from it.
var importableByJS = []Lang{TypeScript, JavaScript, TSX, JSX}

// ResolveImport is the repository file a JavaScript or TypeScript import
// specifier names, or "" when it names none (a package, a file outside
// the tree). has reports whether a slash-separated path from the root of
// the tree is a file. It resolves:
//   - a relative specifier ('./users', '../lib/db.js' meaning db.ts) from
//     the importing file;
//   - a path alias to the root of the app ('@/lib/db', '~/lib/db'): in a
//     tree of several apps that root is a folder of the tree
//     (apps/web/src), so the folders above the importing file are tried,
//     the nearest first, each as itself and with src/;
//   - a bare path with a folder, as a tsconfig paths entry maps it to a
//     file of the tree from its root, with or without a scope's @
//     ('@server/commands/x' where server/commands/x.ts is,
//     'plugins/azure/server/auth').
func ResolveImport(from, spec string, has func(string) bool) string {
	switch {
	case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
		return ModuleFile(path.Join(path.Dir(from), spec), has)
	case strings.HasPrefix(spec, "@/") || strings.HasPrefix(spec, "~/"):
		for dir := path.Dir(from); ; dir = path.Dir(dir) {
			for _, root := range []string{"src", ""} {
				if p := ModuleFile(path.Join(dir, root, spec[2:]), has); p != "" {
					return p
				}
			}
			if dir == "." || dir == "/" || dir == "" {
				return ""
			}
		}
	case strings.Contains(spec, "/") && !strings.HasPrefix(spec, "/") && !strings.Contains(spec, ".."):
		return ModuleFile(path.Clean(strings.TrimPrefix(spec, "@")), has)
	}
	return ""
}

// ModuleFile is the file a module path without its extension names: itself,
// the TypeScript source of a ".js" import, or a folder's index.
func ModuleFile(base string, has func(string) bool) string {
	if base == ".." || strings.HasPrefix(base, "../") || strings.HasPrefix(base, "/") {
		return ""
	}
	if has(base) {
		return base
	}
	// TypeScript sources import "./users.js" meaning users.ts.
	stem := base
	if Of(base) == JavaScript {
		stem = Stem(base)
	}
	for _, dir := range []string{stem, base + "/index"} {
		for _, l := range importableByJS {
			for _, ext := range Extensions(l) {
				if has(dir + ext) {
					return dir + ext
				}
			}
		}
	}
	return ""
}
