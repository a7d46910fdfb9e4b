// Package source walks the tree to scan: once, respecting .gitignore,
// skipping what no detector should read (dependencies, build output,
// binaries, minified bundles, huge files), and never leaving the root.
// The model, the check configuration and evidence a person cites are
// read here too (ReadInput, ReadNamed, ReadFile), under the same rules: no
// symbolic link followed, regular files only, a size cap.
package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// DefaultMaxFileSize is the size above which a file is skipped: source
// files are small; what is larger is data, a bundle or a dump.
const DefaultMaxFileSize = 1 << 20

// Options tune the walk.
type Options struct {
	MaxFileSize int64 // 0 means DefaultMaxFileSize
	// NoGitignore reads files that .gitignore excludes. A secret in an
	// ignored .env is not committed, so by default it is not read.
	NoGitignore bool
	// Exclude is paths the scan skips, in .gitignore syntax relative to
	// the root ("docs/", "*.generated.go"). It applies even with
	// NoGitignore: it is the person's choice, not the repository's.
	Exclude []string
	// Seen, if set, is called with the path of every regular file the
	// walk passes, whatever its size: the files a static mount may serve
	// are listed from these.
	Seen func(path string)
}

// Entry is a file the walk found, not yet read.
type Entry struct {
	Path string // relative to the root, with '/'
	Abs  string
	Size int64

	maxSize int64 // the walk's cap, which Read holds to
}

// Warning is a file or folder the walk could not, or would not, read.
type Warning struct {
	Path    string
	Message string
}

// skipDirs are never walked: dependencies, caches and build output that
// the team did not write and that would drown the map.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true,
	"node_modules": true, "bower_components": true, "vendor": true,
	".venv": true, "venv": true, "__pycache__": true, ".tox": true, ".mypy_cache": true, ".pytest_cache": true,
	".next": true, ".nuxt": true, ".svelte-kit": true, ".turbo": true, ".cache": true, ".parcel-cache": true,
	"dist": true, "build": true, "out": true, "target": true, "coverage": true, ".terraform": true,
	".idea": true, ".vscode": true,
	// Test fixtures, by the Go convention: not code the product runs.
	"testdata": true,
}

// SkipDir reports whether a folder name is never walked.
func SkipDir(name string) bool { return skipDirs[name] }

// Walk calls visit for every regular file under root that a scan should
// read, in lexical order. Symbolic links are never followed: a link that
// leads out of the tree, or into a loop, is reported as a warning.
func Walk(ctx context.Context, root string, opt Options, visit func(Entry) error, warn func(Warning)) error {
	maxSize := opt.MaxFileSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	info, err := os.Stat(rootAbs)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a folder", root)
	}
	w := &walker{root: rootAbs, maxSize: maxSize, visit: visit, warn: warn, seen: opt.Seen, useIgnore: !opt.NoGitignore}
	if globs := excludePatterns(opt.Exclude); len(globs) > 0 {
		w.exclude = newIgnoreList(globs, nil)
	}
	if w.useIgnore {
		w.tracked = readTracked(rootAbs, warn)
	}
	return w.dir(ctx, rootAbs, "", nil, nil, false)
}

// maxIgnoreSize caps a .gitignore: real ones are a few KiB; a bigger one
// is skipped with a warning rather than held in memory.
var maxIgnoreSize int64 = 1 << 20

type walker struct {
	root      string
	maxSize   int64
	useIgnore bool
	exclude   *ignoreList // nil when nothing is excluded
	tracked   tracked     // the git index's paths; nil when the root is no work tree
	visit     func(Entry) error
	warn      func(Warning)
	seen      func(string)
}

// dir walks the folder abs, rel from the root (elems: rel split at '/'),
// under the .gitignore files of the folders above it. In an ignored folder
// (ignored), only what git tracks is read, as git itself does.
func (w *walker) dir(ctx context.Context, abs, rel string, elems []string, ignores ignoreStack, ignored bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		w.warn(Warning{Path: relOrDot(rel), Message: "cannot read folder: " + errText(err)})
		return nil
	}
	if w.useIgnore {
		if l := w.readIgnore(abs, rel, elems, entries); l != nil {
			ignores = append(ignores[:len(ignores):len(ignores)], l)
		}
	}
	// The path of each entry, its last element replaced entry by entry;
	// matchers read it and keep nothing.
	path := append(elems[:len(elems):len(elems)], "")
	for _, e := range entries {
		name := e.Name()
		childRel := name
		if rel != "" {
			childRel = rel + "/" + name
		}
		path[len(path)-1] = name
		childAbs := filepath.Join(abs, name)
		typ := e.Type()
		childIgnored := ignored || ignores.Match(path, typ.IsDir())
		if childIgnored && !w.isTracked(childRel, typ) {
			continue
		}
		if w.exclude != nil {
			if _, excluded := w.exclude.match(path, typ.IsDir()); excluded {
				continue
			}
		}
		switch {
		case typ&fs.ModeSymlink != 0:
			if name == ignoreFile && w.useIgnore {
				continue // readIgnore has warned
			}
			w.checkLink(childAbs, childRel)
		case typ.IsDir():
			if skipDirs[name] {
				continue
			}
			if err := w.dir(ctx, childAbs, childRel, path, ignores, childIgnored); err != nil {
				return err
			}
		case typ.IsRegular():
			info, err := e.Info()
			if err != nil {
				w.warn(Warning{Path: childRel, Message: "cannot stat: " + errText(err)})
				continue
			}
			if w.seen != nil {
				w.seen(childRel)
			}
			if info.Size() > w.maxSize {
				continue
			}
			if err := w.visit(Entry{Path: childRel, Abs: childAbs, Size: info.Size(), maxSize: w.maxSize}); err != nil {
				return err
			}
		}
	}
	return nil
}

// isTracked reports whether git tracks the file rel, or a file under the
// folder rel: then .gitignore does not hide it.
func (w *walker) isTracked(rel string, typ fs.FileMode) bool {
	switch {
	case w.tracked == nil:
		return false
	case typ.IsDir():
		return w.tracked.under(rel)
	default:
		return w.tracked.file(rel)
	}
}

// checkLink warns about links that escape the root or loop; links inside
// the tree are skipped quietly, since their target is walked anyway.
func (w *walker) checkLink(abs, rel string) {
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		w.warn(Warning{Path: rel, Message: "symbolic link not followed: " + errText(err)})
		return
	}
	if target != w.root && !strings.HasPrefix(target, w.root+string(filepath.Separator)) {
		w.warn(Warning{Path: rel, Message: "symbolic link leads out of the scanned folder; not followed"})
	}
}

const ignoreFile = ".gitignore"

// readIgnore reads the folder's .gitignore, if it has one, as every file
// of the tree is read: a link, a pipe, a device or an oversized file is
// not read, and a warning says its patterns do not apply.
func (w *walker) readIgnore(abs, rel string, elems []string, entries []fs.DirEntry) *ignoreList {
	i, found := slices.BinarySearchFunc(entries, ignoreFile, func(e fs.DirEntry, name string) int { return strings.Compare(e.Name(), name) })
	if !found {
		return nil
	}
	fileRel := ignoreFile
	if rel != "" {
		fileRel = rel + "/" + ignoreFile
	}
	skip := func(why string) *ignoreList {
		w.warn(Warning{Path: fileRel, Message: why + "; not read, so its patterns do not apply"})
		return nil
	}
	if entries[i].Type()&fs.ModeSymlink != 0 {
		return skip("a symbolic link")
	}
	data, err := readOpen(filepath.Join(abs, ignoreFile), fileRel, maxIgnoreSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return skip(errText(err))
	}
	var patterns []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		patterns = append(patterns, line)
	}
	if len(patterns) == 0 {
		return nil
	}
	return newIgnoreList(patterns, elems)
}

// excludePatterns parses Exclude globs, ignoring blanks and comments as a
// .gitignore would.
func excludePatterns(globs []string) []string {
	var ps []string
	for _, g := range globs {
		g = strings.TrimSpace(g)
		if g == "" || strings.HasPrefix(g, "#") {
			continue
		}
		ps = append(ps, g)
	}
	return ps
}

func relOrDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// IsBinary reports whether data looks like a binary file: a NUL byte in
// its first 8 KiB, as git decides.
func IsBinary(data []byte) bool {
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// IsMinified reports whether a script or stylesheet is a minified bundle:
// built output, not code the team wrote.
func IsMinified(path string, data []byte) bool {
	base := filepath.Base(path)
	if strings.Contains(base, ".min.") || strings.HasSuffix(base, ".bundle.js") || strings.HasSuffix(base, ".chunk.js") {
		return true
	}
	if !scriptOrStyle(base) {
		return false
	}
	if len(data) < 4096 {
		return false
	}
	// Average line length, a line's longest string literal left out: a
	// module holding one fat literal (a data: URI, an inlined key) is
	// written by hand; a bundle's long lines are code throughout.
	lines, code := 0, 0
	for rest := data; len(rest) > 0 || lines == 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		lines++
		code += len(line)
		if len(line) > 1000 {
			code -= longestString(line)
		}
	}
	return code/lines > 300
}

// longestString is the length of the longest quoted run on a line, read
// quote to matching quote (escapes skipped), in one pass.
func longestString(line []byte) int {
	longest := 0
	for i := 0; i < len(line); i++ {
		q := line[i]
		if q != '\'' && q != '"' && q != '`' {
			continue
		}
		j := i + 1
		for j < len(line) && line[j] != q {
			if line[j] == '\\' {
				j++
			}
			j++
		}
		if j-i > longest {
			longest = j - i
		}
		i = j
	}
	return longest
}

// vendoredLibs are browser libraries that apps copy in whole, unminified,
// and that cost more to parse than the app itself: their file names start
// with one of these (jquery-3.7.1.js, bootstrap.bundle.js, angular1.1.1.js).
var vendoredLibs = []string{
	"jquery", "bootstrap", "angular", "moment", "lodash", "underscore", "d3", "chart",
	"highlight", "popper", "vue", "react", "htmx", "alpine", "axios",
	"leaflet", "codemirror", "tinymce", "ckeditor", "summernote", "select2", "datatables",
	"fontawesome", "socket.io", "swagger-ui", "prism", "mathjax", "katex", "handlebars",
	"knockout", "backbone", "ember", "zepto", "modernizr", "plotly", "echarts", "raphael",
	"vendor", "vendors",
}

// staticDirs hold files served to the browser as they are.
var staticDirs = map[string]bool{
	"static": true, "public": true, "assets": true, "wwwroot": true, "www": true, "webroot": true,
	"vendors": true, "third_party": true, "third-party": true, "thirdparty": true, "external": true,
}

// scriptOrStyle reports whether p is a browser script or a stylesheet,
// the files bundlers and vendored copies are made of. Which files are
// JavaScript is package lang's to say; threatmap reads no CSS, so lang
// has no row for it.
func scriptOrStyle(p string) bool {
	return lang.Of(p) == lang.JavaScript || path.Ext(p) == ".css"
}

// IsVendored reports, from the path alone, whether a script or stylesheet
// is a copy of a well-known library: jquery anywhere, the others only
// in a folder served as static files (an app's own src/chart.js is code
// the team wrote). The walk already skips vendor/ and node_modules/.
func IsVendored(p string) bool {
	if strings.HasSuffix(p, ".js.map") || strings.HasSuffix(p, ".css.map") {
		return true // a source map: generated from the library or bundle beside it
	}
	if !scriptOrStyle(p) {
		return false
	}
	base := strings.ToLower(path.Base(p))
	if libName(base, "jquery") {
		return true
	}
	static := false
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if staticDirs[strings.ToLower(seg)] {
			static = true
			break
		}
	}
	if !static {
		return false
	}
	for _, lib := range vendoredLibs {
		if libName(base, lib) {
			return true
		}
	}
	return strings.Contains(base, ".bundle.") || strings.Contains(base, ".umd.") || strings.Contains(base, ".production.") || strings.Contains(base, ".development.")
}

// libName says a lowercased file name is lib's: lib itself, or lib
// followed by a version or variant (".", "-", "_" or a digit).
func libName(base, lib string) bool {
	rest, ok := strings.CutPrefix(base, lib)
	if !ok || rest == "" {
		return false
	}
	c := rest[0]
	return c == '.' || c == '-' || c == '_' || c >= '0' && c <= '9'
}

// Excluder answers, for a file path relative to the scanned root (with
// slashes), whether the walk skips it for these Exclude globs: the file
// matches, or a folder above it does. Things that name files the walk
// left out (a model's surfaces, say) use it to leave them out too.
func Excluder(globs []string) func(file string) bool {
	ps := excludePatterns(globs)
	if len(ps) == 0 {
		return func(string) bool { return false }
	}
	l := newIgnoreList(ps, nil)
	return func(file string) bool {
		parts := strings.Split(strings.TrimPrefix(path.Clean("/"+file), "/"), "/")
		for i := 1; i <= len(parts); i++ {
			if _, excluded := l.match(parts[:i], i < len(parts)); excluded {
				return true
			}
		}
		return false
	}
}
