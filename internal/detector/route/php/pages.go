package php

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// A PHP app without a router serves its files: the web server runs
// /login.php for a request to /login.php. Such a file is a route when its
// top-level code (outside the functions and classes it declares) runs on
// a request and reads it, itself or in the files it includes (a page
// that picks its code by a setting: require "source/{$level}.php"). A
// file of declarations, one that only returns a configuration array, a
// command-line script, and a file another includes (a header, a
// bootstrap, the code a page picks) are no pages of their own. When the
// tree has a document root (public/index.php, web/index.php: the folder
// a web server is pointed at), only files under it can be requested, and
// their paths start there.

// page is one PHP file whose top-level code runs when it is requested.
type page struct {
	path  string
	lines int
	src   string
	top   string // its top-level code
	// reads says its own top-level code reads the request.
	reads bool
}

// phpInclude is one include or require: the files it names by a literal
// path, or the folder it picks a file from by a computed name.
type phpInclude struct {
	file   string // a resolved path, when the whole path is known
	folder string // the folder, when only the file's name is computed
}

var (
	// pageRequest is request data a page reads.
	pageRequest = regexp.MustCompile(`\$_(?:GET|POST|REQUEST|FILES|COOKIE)\b|\bfilter_input\(\s*INPUT_(?:GET|POST|COOKIE)\b|php://input|\$_SERVER\[\s*['"](?:REQUEST_METHOD|QUERY_STRING|HTTP_\w+)['"]`)
	// pagePost is a read that only a POST (or any method) carries.
	pagePost = regexp.MustCompile(`\$_(?:POST|REQUEST|FILES)\b|\bINPUT_POST\b|php://input|REQUEST_METHOD['"]\s*\]\s*[!=]==?\s*['"](?:POST|PUT|PATCH|DELETE)['"]|['"](?:POST|PUT|PATCH|DELETE)['"]\s*[!=]==?\s*\$_SERVER\[\s*['"]REQUEST_METHOD`)
	// includeStmt is an include or require and the expression of its path.
	includeStmt = regexp.MustCompile(`\b(?:include|require)(?:_once)?\b\s*\(?\s*([^;\n]+?)\s*\)?\s*;`)
	// defineConst is define('NAME', 'literal').
	defineConst = regexp.MustCompile(`\bdefine\s*\(\s*['"](\w+)['"]\s*,\s*['"]([^'"$\n]*)['"]\s*\)`)
	// cliOnly is a script's sign that it runs from a shell: a shebang,
	// or a test of the SAPI it runs under.
	cliOnly = regexp.MustCompile(`\A#!|\bphp_sapi_name\(\)\s*[!=]==?\s*['"]cli['"]|\bPHP_SAPI\s*[!=]==?\s*['"]cli['"]|['"]cli['"]\s*[!=]==?\s*(?:PHP_SAPI|php_sapi_name\(\))`)
	// returnOnly is top-level code that is only a return (a configuration
	// array) after its namespace, declare and use lines.
	returnOnly = regexp.MustCompile(`^(?:\s*(?:namespace|use|declare)\b[^;]*;)*\s*return\b`)
)

// docRootNames are the folder names web servers of PHP apps are pointed
// at, by convention of the frameworks and hosts; a folder counts only
// when it holds an index.php.
var docRootNames = map[string]bool{"public": true, "web": true, "webroot": true, "htdocs": true, "public_html": true, "www": true}

// isIndex says whether p is a folder's index.php: the detector reads
// every one, whatever its content, to find the document roots.
func isIndex(p string) bool { return path.Base(p) == "index.php" }

// readPage returns the page a file is, or nil.
func readPage(top, p string, src []byte) *page {
	if strings.TrimSpace(top) == "" || returnOnly.MatchString(top) || cliOnly.Match(src) {
		return nil
	}
	return &page{path: p, lines: strings.Count(string(src), "\n") + 1, src: string(src), top: top, reads: pageRequest.MatchString(top)}
}

// topLevelCode is a file's code outside the functions, classes,
// interfaces, traits and enums it declares, and outside comments, HTML
// and its namespace and use lines.
func topLevelCode(t *syntax.Tree) string {
	var b strings.Builder
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "function_definition", "class_declaration", "interface_declaration", "trait_declaration", "enum_declaration",
				"comment", "text", "php_tag", "namespace_use_declaration", "namespace_name":
				continue
			case "namespace_definition", "compound_statement":
				walk(c)
				continue
			}
			b.WriteString(t.Text(c))
			b.WriteByte('\n')
		}
	}
	walk(t.Root())
	return b.String()
}

// includesOf are the includes of the PHP file at p: each path's
// expression read as literals, __DIR__, dirname(__FILE__) and constants
// the file defines, resolved from the file's folder.
func includesOf(p, src string) []phpInclude {
	consts := map[string]string{}
	for _, m := range defineConst.FindAllStringSubmatch(src, -1) {
		consts[m[1]] = m[2]
	}
	var out []phpInclude
	for _, m := range includeStmt.FindAllStringSubmatch(src, -1) {
		if inc, ok := resolveInclude(path.Dir(p), m[1], consts); ok {
			out = append(out, inc)
		}
	}
	return out
}

// resolveInclude reads an include's path expression; false when too
// little of it is known to name a file or a folder.
func resolveInclude(dir, expr string, consts map[string]string) (phpInclude, bool) {
	var b strings.Builder
	computed := false
	for _, part := range lang.SplitTopLevelAt(expr, '.') {
		part = strings.TrimSpace(part)
		switch {
		case part == "__DIR__" || strings.HasPrefix(part, "dirname(") && strings.Contains(part, "__FILE__"):
		case len(part) >= 2 && (part[0] == '\'' || part[0] == '"') && part[len(part)-1] == part[0]:
			s := part[1 : len(part)-1]
			if i := strings.IndexAny(s, "${"); i >= 0 && part[0] == '"' {
				b.WriteString(s[:i])
				computed = true
				continue
			}
			if computed {
				// Literal text after a computed part: the name's tail.
				continue
			}
			b.WriteString(s)
		case hasConst(consts, part) && !computed:
			b.WriteString(consts[part])
		default:
			computed = true
		}
	}
	known := strings.TrimPrefix(b.String(), "/")
	if !computed {
		if !strings.HasSuffix(known, ".php") && !strings.HasSuffix(known, ".inc") {
			return phpInclude{}, false
		}
		return phpInclude{file: path.Clean(path.Join(dir, known))}, true
	}
	// Only the name is computed: the folder it is picked from.
	if i := strings.LastIndex(known, "/"); i > 0 {
		return phpInclude{folder: path.Clean(path.Join(dir, known[:i]))}, true
	}
	return phpInclude{}, false
}

func hasConst(consts map[string]string, name string) bool {
	_, ok := consts[name]
	return ok
}

// pageIndex is what the pages need of the tree.
type pageIndex struct {
	// srcs are the sources of the files Detect parsed; tops their
	// top-level code, what runs when a page includes them.
	srcs, tops map[string]string
	// includes are each file's includes; includedFiles and
	// includedFolders every file and folder some file includes.
	includes        map[string][]phpInclude
	includedFiles   map[string]bool
	includedFolders map[string]bool
	// includers counts the pages that include each file: one that only
	// one page includes runs as that page's code.
	includers map[string]int
	roots     []string
	// funcs are the functions the files declare at their top level, by
	// lower-case name: the guards a page calls.
	funcs map[string]phpFunc
}

// phpFunc is a function declared at a file's top level.
type phpFunc struct {
	code, at string
}

// docRoots are the folders, among those holding an index.php, whose name
// says a web server serves them.
func docRoots(indexes []string) []string {
	var roots []string
	for _, p := range indexes {
		if d := path.Dir(p); docRootNames[path.Base(d)] && !slices.Contains(roots, d) {
			roots = append(roots, d)
		}
	}
	slices.Sort(roots)
	return roots
}

// urlOf is the path a page is requested at, and false when it cannot
// be: a document root's project (the folder holding it, where its
// composer.json is) serves only what is under the document root.
func (ix *pageIndex) urlOf(p string) (string, bool) {
	for _, r := range ix.roots {
		if strings.HasPrefix(p, r+"/") {
			return "/" + strings.TrimPrefix(p, r+"/"), true
		}
	}
	for _, r := range ix.roots {
		if project := path.Dir(r); project == "." || strings.HasPrefix(p, project+"/") {
			return "", false
		}
	}
	return "/" + p, true
}

// fragment says whether another file includes p: by its path, or by a
// name picked in its folder.
func (ix *pageIndex) fragment(p string) bool {
	return ix.includedFiles[p] || ix.includedFolders[path.Dir(p)]
}

// included are the files a page includes (and theirs, two levels deep),
// with the code that runs when they are included (their top level), in
// order: a file named by its path, and every file of
// a folder a name is picked from.
func (ix *pageIndex) included(pg *page) [][2]string {
	var files [][2]string
	seen := map[string]bool{pg.path: true}
	var follow func(p string, depth int)
	follow = func(p string, depth int) {
		for _, inc := range ix.includes[p] {
			var paths []string
			if inc.file != "" {
				paths = []string{inc.file}
			} else {
				for q := range ix.srcs {
					if path.Dir(q) == inc.folder {
						paths = append(paths, q)
					}
				}
				slices.Sort(paths)
			}
			for _, q := range paths {
				top, ok := ix.tops[q]
				if seen[q] || !ok {
					continue
				}
				seen[q] = true
				files = append(files, [2]string{q, top})
				if depth < 2 {
					follow(q, depth+1)
				}
			}
		}
	}
	follow(pg.path, 0)
	return files
}

// lookup finds a function the page or its includes call.
func (ix *pageIndex) lookup(name string) (string, string, bool) {
	f, ok := ix.funcs[strings.ToLower(name)]
	return f.code, f.at, ok
}

// pageAuth decides a page's auth: its own code first (with the functions
// it calls), else the first file it includes whose code turns an
// anonymous caller away (a header that checks the session), named in the
// evidence.
func (ix *pageIndex) pageAuth(taught *route.Taught, pg *page, url string, files [][2]string) route.Decision {
	own := route.DecidePath(taught, nil, pg.src, pg.path+":1", url, false, ix.lookup)
	if own.Auth == facts.AuthRequired || own.Auth == facts.AuthNone && strings.HasPrefix(own.Evidence, route.LoginEvidence) {
		return own
	}
	for _, f := range files {
		d := route.DecidePath(taught, nil, f[1], f[0]+":1", url, false, ix.lookup)
		if d.Auth == facts.AuthRequired {
			d.Evidence = "includes " + f[0] + ", which " + strings.TrimPrefix(d.Evidence, "handler ("+f[0]+":1) ")
			return d
		}
	}
	return route.Decision{Auth: facts.AuthNone}
}

// pageVocab is what a page takes files with.
var pageVocab = route.Vocabulary{UploadBody: regexp.MustCompile(`\$_FILES\b|\bmove_uploaded_file\(`)}

// addPages adds the routes of the files the tree serves.
func (ix *pageIndex) addPages(taught *route.Taught, pages []*page, out *detector.Sink) {
	slices.SortFunc(pages, func(a, b *page) int { return strings.Compare(a.path, b.path) })
	ix.includers = map[string]int{}
	for _, pg := range pages {
		if !ix.fragment(pg.path) {
			for _, f := range ix.included(pg) {
				ix.includers[f[0]]++
			}
		}
	}
	for _, pg := range pages {
		if ix.fragment(pg.path) {
			continue
		}
		url, ok := ix.urlOf(pg.path)
		if !ok {
			continue
		}
		files := ix.included(pg)
		reads, post := pg.reads, pagePost.MatchString(pg.top)
		body := pg.src
		for _, f := range files {
			body += "\n" + f[1]
			// The code a page includes runs as the page: its reads are
			// the page's.
			reads = reads || pageRequest.MatchString(f[1])
			post = post || pagePost.MatchString(f[1])
		}
		if !reads {
			continue
		}
		methods := []string{"GET"}
		if post {
			methods = append(methods, "POST")
		}
		dec := ix.pageAuth(taught, pg, url, files)
		var runs []string
		for _, f := range files {
			if ix.includers[f[0]] == 1 {
				runs = append(runs, f[0])
			}
		}
		for _, m := range methods {
			b := body
			if m == "GET" && post {
				b = getOnly(body)
			}
			r := facts.Route{Method: m, Path: url, Framework: "php", File: pg.path, Line: 1, EndLine: pg.lines,
				Handler: path.Base(pg.path), Body: b, HandlerFile: pg.path, HandlerLine: 1,
				Auth: dec.Auth, AuthEvidence: dec.Evidence, AuthRole: dec.Role, Runs: runs}
			route.Classify(&r, pageVocab)
			out.AddRoute(r)
		}
	}
}

// topFuncs are the functions a file declares at its top level, by
// lower-case name, each with its code and where it is.
func topFuncs(t *syntax.Tree, p string) map[string]phpFunc {
	var out map[string]phpFunc
	root := t.Root()
	for i := 0; i < int(root.NamedChildCount()); i++ {
		c := root.NamedChild(i)
		if c.Type() != "function_definition" {
			continue
		}
		name := c.ChildByFieldName("name")
		if name == nil {
			continue
		}
		if out == nil {
			out = map[string]phpFunc{}
		}
		out[strings.ToLower(t.Text(name))] = phpFunc{code: t.Text(c), at: p + ":" + strconv.Itoa(line(c))}
	}
	return out
}

var (
	// phpIf opens an if or elseif condition.
	phpIf = regexp.MustCompile(`\b(?:if|elseif)\s*\(`)
	// postOnly is a condition a GET request never meets: it reads what
	// only a POST carries (its form fields, its files) or tests the
	// method for a POST.
	postOnly = regexp.MustCompile(`\$_(?:POST|FILES)\b|REQUEST_METHOD['"]\s*\]\s*===?\s*['"]POST['"]|['"]POST['"]\s*===?\s*\$_SERVER\[\s*['"]REQUEST_METHOD`)
)

// getOnly is a page's code as a GET runs it: the blocks of conditions
// only a POST meets (if (isset($_POST['save'])) { ... }) are blanked,
// their lines kept so that what is found keeps its line.
func getOnly(src string) string {
	out := []byte(src)
	posted := postedVars(src)
	for _, m := range phpIf.FindAllStringIndex(src, -1) {
		c := parenEnd(src, m[1]-1)
		if c < 0 {
			continue
		}
		cond := src[m[1]:c]
		if !postOnly.MatchString(cond) && !namesAny(cond, posted) {
			continue
		}
		k := c + 1
		for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
			k++
		}
		if k >= len(src) || src[k] != '{' {
			continue
		}
		end := lang.BraceEnd(src, k)
		if end < 0 {
			continue
		}
		for i := k + 1; i < end; i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	return string(out)
}

// parenEnd is the index of the parenthesis closing the one at src[open],
// strings skipped; -1 when it does not close on a few lines.
func parenEnd(src string, open int) int {
	depth := 0
	for i := open; i < len(src) && i < open+2048; i++ {
		switch c := src[i]; c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		case '"', '\'':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		}
	}
	return -1
}

// phpAssign is a variable's assignment and its value.
var phpAssign = regexp.MustCompile(`\$(\w+)\s*=([^=>][^;]*);`)

// postedVars are the variables every assignment of which in src reads
// what only a POST carries ($c = isset($_POST['c']) ? $_POST['c'] : ”):
// empty on a GET.
func postedVars(src string) map[string]bool {
	posted, other := map[string]bool{}, map[string]bool{}
	for _, m := range phpAssign.FindAllStringSubmatch(src, -1) {
		if postOnly.MatchString(m[2]) && !strings.Contains(m[2], "$_GET") && !strings.Contains(m[2], "$_REQUEST") {
			posted[m[1]] = true
		} else {
			other[m[1]] = true
		}
	}
	for v := range other {
		delete(posted, v)
	}
	return posted
}

// namesAny reports whether code names one of vars ($name, whole).
func namesAny(code string, vars map[string]bool) bool {
	if len(vars) == 0 {
		return false
	}
	for _, m := range phpVarRef.FindAllStringSubmatch(code, -1) {
		if vars[m[1]] {
			return true
		}
	}
	return false
}

var phpVarRef = regexp.MustCompile(`\$(\w+)`)
