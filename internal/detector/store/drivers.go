package store

import (
	"bytes"
	"go/ast"
	"go/token"
	"path"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A storage driver keeps files by key in a local folder: it writes a file
// at a path joined from a root and a key, and reads or deletes files the
// same way (a blob store's fs or local driver, beside its S3 one). No
// upload word need be near it: the app hands it whatever it stores.
// Django names its folders in settings: a STORAGES entry whose backend is
// FileSystemStorage keeps files in its location, or MEDIA_ROOT for the
// default entry. Each folder is a row of its own ("files on disk").

var (
	// jsKeyedJoinRE is a path joined from a root and a key that is no
	// literal: join(root, storageKey), path.resolve(this.root, key).
	jsKeyedJoinRE = regexp.MustCompile(`\b(?:join|resolve)\(\s*[A-Za-z_$][\w$.]*\s*,\s*[A-Za-z_$][\w$.]*\s*\)`)
	// jsDeleteRE deletes or reads a file back: what a store does and an
	// export or a log writer does not.
	jsDeleteRE = regexp.MustCompile(`\b(?:unlink|unlinkSync|rm|rmSync|deleteFile)\(`)
	jsReadRE   = regexp.MustCompile(`\b(?:createReadStream|readFile|readFileSync)\(`)
	goDeleteRE = regexp.MustCompile(`\bos\.(?:Remove|RemoveAll)\(`)
	// A driver may keep its folder as an os.Root (os.OpenRoot(dir)), whose
	// methods confine every path to it: it creates (Create, WriteFile,
	// OpenFile with O_CREATE), reads and removes files through the root.
	goOpenRootRE   = regexp.MustCompile(`\bos\.OpenRoot\(`)
	goRootCreateRE = regexp.MustCompile(`\b(\w+)\.(?:Create|WriteFile)\(|\b(\w+)\.OpenFile\([^\n]*\bO_CREATE\b`)
	goRootDeleteRE = regexp.MustCompile(`\b(\w+)\.(?:Remove|RemoveAll)\(`)
	goRootReadRE   = regexp.MustCompile(`\b(\w+)\.(?:Open|ReadFile)\(`)
	goReadRE       = regexp.MustCompile(`\bos\.(?:ReadFile|Open)\(`)
	// goTestSupportRE: the package imports testing (a test helper package
	// beside the code it serves, not under a tests folder).
	goTestSupportRE = regexp.MustCompile(`(?m)^\s*(?:import\s+)?(?:\w+\s+)?"testing"\s*$`)

	// djangoFSStorageRE is Django's local storage backend written as a
	// STORAGES entry's BACKEND (not a setting's default, which may be
	// changed).
	djangoFSStorageRE = regexp.MustCompile(`['"]BACKEND['"]\s*:\s*['"]django\.core\.files\.storage\.FileSystemStorage['"]`)
	// storageEntryRE opens a STORAGES entry: "exports": { or
	// STORAGES["exports"] = {.
	storageEntryRE = regexp.MustCompile(`(?:['"](\w+)['"]\s*:\s*|STORAGES\[\s*['"](\w+)['"]\s*\]\s*=\s*)\{`)
	// locationRE is a storage's location option with a literal folder.
	locationRE = regexp.MustCompile(`['"]location['"]\s*:\s*['"]\.?/?([\w./-]+)['"]`)
)

// jsConfigRootRE is a path joined under a setting of the configuration
// object (join(config.core.temp_directory, name)): a member two levels
// down or more.
var jsConfigRootRE = regexp.MustCompile(`\b(?:join|resolve)\(\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){2,})\s*,`)

// jsConfigRoot is the setting a file's writes are joined under, without
// the object it is read from (core.temp_directory, whether the file
// names the configuration config or zconfig), so that files writing
// under the same setting make one folder, or "". A field of the writer
// (this.storage.root) is no setting: each driver keeps its own.
func jsConfigRoot(src []byte) string {
	for _, m := range jsConfigRootRE.FindAllSubmatch(src, -1) {
		root := string(m[1])
		if strings.HasPrefix(root, "this.") {
			continue
		}
		_, rest, _ := strings.Cut(root, ".")
		if v, ok := strings.CutPrefix(rest, "env."); ok {
			return v // process.env.UPLOAD_DIR
		}
		return rest
	}
	return ""
}

// driverFolders records the local folders a file's storage driver or a
// Django STORAGES entry keeps files in.
func (d *Detector) driverFolders(f *detector.File, l lang.Lang, src []byte) {
	switch l.Family() {
	case lang.Go:
		if ev := goRootWrites(f.Path, src); ev != nil {
			name := "Local file storage (" + path.Dir(f.Path) + ")"
			d.folders[name] = append(d.folders[name], *ev)
			return
		}
		if !goDeleteRE.Match(src) || !goReadRE.Match(src) {
			return
		}
		if lang.RoleOf(f.Path).Kind != lang.App || goTestSupportRE.Match(src) {
			// A script or an example writes no store of the app's, nor does
			// a package that imports testing: it builds tests' fixtures.
			return
		}
		if ev := goDriverWrites(f); len(ev) > 0 {
			name := "Local file storage (" + path.Dir(f.Path) + ")"
			d.folders[name] = append(d.folders[name], ev[0])
		}
	case lang.JavaScript:
		if lang.RoleOf(f.Path).Kind != lang.App {
			return
		}
		w := jsWriteRE.FindIndex(src)
		if w == nil || !jsKeyedJoinRE.Match(src) || !jsDeleteRE.Match(src) || !jsReadRE.Match(src) {
			return
		}
		if bytes.Contains(src[w[0]:w[1]], []byte("multer")) || bytes.Contains(src[w[0]:w[1]], []byte("diskStorage")) {
			return // an upload middleware: uploads() names that folder
		}
		name := "Local file storage (" + path.Dir(f.Path) + ")"
		if root := jsConfigRoot(src); root != "" {
			name = "Local folder (" + root + ")"
		}
		d.folders[name] = append(d.folders[name], facts.Evidence{File: f.Path, Line: code.LineAt(src, w[0])})
	case lang.Python:
		for _, m := range djangoFSStorageRE.FindAllIndex(src, -1) {
			entry := storageEntryRE.FindAllSubmatchIndex(src[:m[0]], -1)
			if len(entry) == 0 {
				continue
			}
			e := entry[len(entry)-1]
			var key string
			if e[2] >= 0 {
				key = string(src[e[2]:e[3]])
			} else {
				key = string(src[e[4]:e[5]])
			}
			if key == "staticfiles" {
				continue // the app's own assets, not data
			}
			body := src[e[1]-1 : braceEnd(src, e[1]-1)]
			if m[0] >= e[1]-1+len(body) {
				continue // the backend is not inside the nearest entry
			}
			name := "Local folder (MEDIA_ROOT)"
			if loc := locationRE.FindSubmatch(body); loc != nil {
				name = "Local folder " + strings.TrimSuffix(string(loc[1]), "/") + "/"
			} else if key != "default" {
				name = "Local folder (" + key + " storage)"
			}
			d.folders[name] = append(d.folders[name], facts.Evidence{File: f.Path, Line: code.LineAt(src, m[0])})
		}
	}
}

// braceEnd is the end of the bracketed block that opens at src[i],
// strings skipped; the end of src if it never closes.
func braceEnd(src []byte, i int) int {
	depth := 0
	for ; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'':
			for j := i + 1; j < len(src) && src[j] != '\n'; j++ {
				if src[j] == '\\' {
					j++
				} else if src[j] == c {
					i = j
					break
				}
			}
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(src)
}

// goDriverWrites are the places a Go file creates a file at a path built
// from a value: filepath.Join(root, key), or a helper's result
// (fullPath := keyFullPath(ctx, key)) whose last argument is no literal.
// goRootWrites is where a file of the app's code that opens an os.Root
// first creates a file through one, when it also reads and removes files
// through one: a driver keeping files under its root. A root only read
// (a static folder served) is none.
func goRootWrites(p string, src []byte) *facts.Evidence {
	if !goOpenRootRE.Match(src) || lang.RoleOf(p).Kind != lang.App || goTestSupportRE.Match(src) {
		return nil
	}
	notOS := func(re *regexp.Regexp) []int {
		for _, m := range re.FindAllSubmatchIndex(src, -1) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 && string(src[m[g]:m[g+1]]) != "os" {
					return m
				}
			}
		}
		return nil
	}
	if notOS(goRootDeleteRE) == nil || notOS(goRootReadRE) == nil {
		return nil
	}
	m := notOS(goRootCreateRE)
	if m == nil {
		return nil
	}
	return &facts.Evidence{File: p, Line: code.LineAt(src, m[0])}
}

func goDriverWrites(f *detector.File) []facts.Evidence {
	return goFileCreations(f, builtFromValue, false)
}

// builtFromValue: a call whose last argument is no string literal.
func builtFromValue(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	lit, ok := call.Args[len(call.Args)-1].(*ast.BasicLit)
	return !ok || lit.Kind != token.STRING
}
