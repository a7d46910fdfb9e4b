package php

import (
	"path"
	"regexp"
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/syntax"
)

// A PHP app without a router serves its files: the web server runs
// /login.php for a request to /login.php. Such a file is a route when its
// own top-level code (outside the functions and classes it declares)
// reads the request; a file of declarations, or one that only returns a
// configuration array, runs only when another file includes it. When the
// tree has a document root (public/index.php, web/index.php: the folder
// a web server is pointed at), only files under it can be requested, and
// their paths start there.

// page is one PHP file that reads the request at its top level.
type page struct {
	path           string
	lines          int
	src            string
	post, get      bool
	dynamicInclude bool // an include whose path is computed
}

var (
	// pageRequest is request data a page reads.
	pageRequest = regexp.MustCompile(`\$_(?:GET|POST|REQUEST|FILES|COOKIE)\b|\bfilter_input\(\s*INPUT_(?:GET|POST|COOKIE)\b|php://input|\$_SERVER\[\s*['"](?:REQUEST_METHOD|QUERY_STRING|HTTP_\w+)['"]`)
	// pagePost is a read that only a POST (or any method) carries.
	pagePost = regexp.MustCompile(`\$_(?:POST|REQUEST|FILES)\b|\bINPUT_POST\b|php://input|REQUEST_METHOD['"]\s*\]\s*[!=]==?\s*['"](?:POST|PUT|PATCH|DELETE)['"]|['"](?:POST|PUT|PATCH|DELETE)['"]\s*[!=]==?\s*\$_SERVER\[\s*['"]REQUEST_METHOD`)
	// pageInclude is an include or require of a literal path, relative to
	// the file's folder or to __DIR__ / dirname(__FILE__).
	pageInclude = regexp.MustCompile(`\b(?:include|require)(?:_once)?\b\s*\(?\s*(?:(?:__DIR__|dirname\(\s*__FILE__\s*\))\s*\.\s*)?(['"])([^'"$\n]+\.php)['"]|\b(?:include|require)(?:_once)?\b\s*\(?\s*\$`)
)

// docRootNames are the folder names web servers of PHP apps are pointed
// at, by convention of the frameworks and hosts; a folder counts only
// when it holds an index.php.
var docRootNames = map[string]bool{"public": true, "web": true, "webroot": true, "htdocs": true, "public_html": true, "www": true}

// isIndex says whether p is a folder's index.php: the detector reads
// every one, whatever its content, to find the document roots.
func isIndex(p string) bool { return path.Base(p) == "index.php" }

// readPage returns the page a file is, or nil.
func readPage(t *syntax.Tree, p string, src []byte) *page {
	top := topLevelCode(t)
	if !pageRequest.MatchString(top) || onlyReturns(top) {
		return nil
	}
	pg := &page{path: p, lines: strings.Count(string(src), "\n") + 1, src: string(src)}
	pg.post = pagePost.MatchString(pg.src)
	for _, m := range pageInclude.FindAllStringSubmatch(pg.src, -1) {
		if m[2] == "" {
			pg.dynamicInclude = true
		}
	}
	return pg
}

// topLevelCode is a file's code outside the functions, classes,
// interfaces, traits and enums it declares, and outside comments.
func topLevelCode(t *syntax.Tree) string {
	var b strings.Builder
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "function_definition", "class_declaration", "interface_declaration", "trait_declaration", "enum_declaration", "comment", "text", "php_tag":
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

// onlyReturns says whether a file's top-level code is only a return (a
// configuration array) after its namespace and use lines.
var returnOnly = regexp.MustCompile(`^(?:\s*(?:namespace|use|declare)\b[^;]*;)*\s*return\b`)

func onlyReturns(top string) bool { return returnOnly.MatchString(top) }

// pageIndex is what the pages need of the tree: the sources of the
// files pages may include, and the document roots.
type pageIndex struct {
	srcs  map[string]string
	roots []string
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

// urlOf is the path a page is requested at, and false when no document
// root holds it.
func (ix *pageIndex) urlOf(p string) (string, bool) {
	if len(ix.roots) == 0 {
		return "/" + p, true
	}
	for _, r := range ix.roots {
		if strings.HasPrefix(p, r+"/") {
			return "/" + strings.TrimPrefix(p, r+"/"), true
		}
	}
	return "", false
}

// includedBy are the paths of the files the PHP file at p includes by a
// literal path.
func includedBy(p, src string) []string {
	var out []string
	for _, m := range pageInclude.FindAllStringSubmatch(src, -1) {
		if m[2] != "" {
			out = append(out, path.Clean(path.Join(path.Dir(p), m[2])))
		}
	}
	return out
}

// included are the files a page includes by a literal path (and theirs,
// two levels deep), with their code, in order; complete is false when an
// include could not be followed (its path is computed).
func (ix *pageIndex) included(pg *page) (files [][2]string, complete bool) {
	complete = !pg.dynamicInclude
	seen := map[string]bool{pg.path: true}
	var follow func(paths []string, depth int)
	follow = func(paths []string, depth int) {
		for _, p := range paths {
			if seen[p] {
				continue
			}
			seen[p] = true
			src, ok := ix.srcs[p]
			if !ok {
				// A file with no request read and no session check
				// (a footer, a helper library) guards nothing.
				continue
			}
			files = append(files, [2]string{p, src})
			if depth < 2 {
				follow(includedBy(p, src), depth+1)
			}
		}
	}
	follow(includedBy(pg.path, pg.src), 0)
	return files, complete
}

// pageAuth decides a page's auth: its own code first, else the first
// file it includes whose code turns an anonymous caller away (a header
// that checks the session), named in the evidence.
func pageAuth(taught *route.Taught, pg *page, url string, files [][2]string, complete bool) route.Decision {
	own := route.DecidePath(taught, nil, pg.src, pg.path+":1", url, complete && len(files) == 0, nil)
	if own.Auth == facts.AuthRequired || own.Auth == facts.AuthNone && strings.HasPrefix(own.Evidence, route.LoginEvidence) {
		return own
	}
	for _, f := range files {
		d := route.DecidePath(taught, nil, f[1], f[0]+":1", url, false, nil)
		if d.Auth == facts.AuthRequired {
			d.Evidence = "includes " + f[0] + ", which " + strings.TrimPrefix(d.Evidence, "handler ("+f[0]+":1) ")
			return d
		}
	}
	if complete {
		return route.Decision{Auth: facts.AuthNone}
	}
	return route.Decision{Auth: facts.AuthUnknown, Evidence: "includes a file by a computed path"}
}

// pageVocab is what a page takes files with.
var pageVocab = route.Vocabulary{UploadBody: regexp.MustCompile(`\$_FILES\b|\bmove_uploaded_file\(`)}

// addPages adds the routes of the files the tree serves: pages, with
// srcs the files they may include and indexes every index.php.
// A file another includes is a part of that page (a bootstrap, a
// header), not a page of its own.
func addPages(taught *route.Taught, pages []*page, srcs map[string]string, indexes []string, included map[string]bool, out *detector.Sink) {
	pix := &pageIndex{srcs: srcs, roots: docRoots(indexes)}
	slices.SortFunc(pages, func(a, b *page) int { return strings.Compare(a.path, b.path) })
	for _, pg := range pages {
		if included[pg.path] {
			continue
		}
		url, ok := pix.urlOf(pg.path)
		if !ok {
			continue
		}
		files, complete := pix.included(pg)
		body := pg.src
		for _, f := range files {
			body += "\n" + f[1]
		}
		methods := []string{"GET"}
		if pg.post {
			methods = append(methods, "POST")
		}
		for _, m := range methods {
			r := facts.Route{Method: m, Path: url, Framework: "php", File: pg.path, Line: 1, EndLine: pg.lines,
				Handler: path.Base(pg.path), Body: body, HandlerFile: pg.path, HandlerLine: 1}
			dec := pageAuth(taught, pg, url, files, complete)
			r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
			route.Classify(&r, pageVocab)
			out.AddRoute(r)
		}
	}
}
