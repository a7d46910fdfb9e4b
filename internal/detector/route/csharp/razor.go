package csharp

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// A Razor Page is a .cshtml file under a Pages folder that starts with
// @page: served at its path under Pages (Index is its folder's), plus
// the route template the directive gives, by the handlers of its
// PageModel (OnGet, OnPostDelete...), guarded by the model's
// [Authorize], the app's page conventions (AuthorizeFolder...) and the
// fallback policy.
type razorPage struct {
	file     string
	name     string // the page's name: /Orders/Detail, the area's first
	template string // "{id:int}", or "/absolute"
	model    string // the @model type as written
	line     int
}

// razorPageFile says p may be a Razor Page: a .cshtml under a Pages
// folder, not a layout, partial or import file (named with _).
func razorPageFile(p string) bool {
	if !strings.HasSuffix(p, ".cshtml") || strings.HasPrefix(path.Base(p), "_") {
		return false
	}
	return slices.Contains(strings.Split(path.Dir(p), "/"), "Pages")
}

var (
	pageDirective  = regexp.MustCompile(`^\s*@page(?:\s+"([^"]*)")?\s*$`)
	modelDirective = regexp.MustCompile(`(?m)^\s*@model\s+([\w.]+)`)
)

// readRazorPage reads a .cshtml file's @page and @model directives; nil
// when it is no page (a view or a partial without @page).
func readRazorPage(p string, src []byte) *razorPage {
	// Visual Studio saves .cshtml files with a UTF-8 byte-order mark.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	for i, l := range bytes.Split(src, []byte("\n")) {
		t := strings.TrimSpace(string(l))
		if t == "" || strings.HasPrefix(t, "@*") || strings.HasPrefix(t, "@using") {
			continue
		}
		m := pageDirective.FindStringSubmatch(t)
		if m == nil {
			return nil // @page must come first
		}
		pg := &razorPage{file: p, template: m[1], line: i + 1, name: razorName(p)}
		if mm := modelDirective.FindSubmatch(src); mm != nil {
			pg.model = string(mm[1])
		}
		return pg
	}
	return nil
}

// razorName is a page's name from its place: Pages/Orders/Detail.cshtml
// is /Orders/Detail, Pages/Index.cshtml is /, and an area's pages
// (Areas/Identity/Pages/Account/Login.cshtml) are under the area.
func razorName(p string) string {
	segs := strings.Split(strings.TrimSuffix(p, ".cshtml"), "/")
	i := slices.Index(segs, "Pages")
	var out []string
	if i >= 2 && segs[i-2] == "Areas" {
		out = append(out, segs[i-1])
	}
	out = append(out, segs[i+1:]...)
	if out[len(out)-1] == "Index" {
		out = out[:len(out)-1]
	}
	return "/" + strings.Join(out, "/")
}

// pageConvention is an AuthorizeFolder/AuthorizePage/AllowAnonymousTo...
// call of the app's Razor Pages options.
type pageConvention struct {
	kind   string // AuthorizeFolder, AllowAnonymousToPage, ...
	target string // the page or folder, with its area first
	policy string
	file   string
	line   int
}

var conventionCall = regexp.MustCompile(`\.(AuthorizeFolder|AuthorizePage|AllowAnonymousToFolder|AllowAnonymousToPage|AuthorizeAreaFolder|AuthorizeAreaPage|AllowAnonymousToAreaFolder|AllowAnonymousToAreaPage)\(\s*"([^"]*)"(?:\s*,\s*"([^"]*)")?(?:\s*,\s*"([^"]*)")?`)

// readConventions reads a file's page conventions.
func readConventions(src []byte) []pageConvention {
	var out []pageConvention
	for _, m := range conventionCall.FindAllSubmatchIndex(src, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return string(src[m[2*i]:m[2*i+1]])
		}
		c := pageConvention{kind: g(1), line: bytes.Count(src[:m[0]], []byte("\n")) + 1}
		if strings.Contains(c.kind, "Area") {
			// (area, page or folder[, policy])
			c.target, c.policy = "/"+strings.Trim(g(2), "/")+"/"+strings.Trim(g(3), "/"), g(4)
		} else {
			c.target, c.policy = g(2), g(3)
		}
		c.target = "/" + strings.Trim(c.target, "/")
		out = append(out, c)
	}
	return out
}

// covers says a convention applies to the page named name.
func (c pageConvention) covers(name string) bool {
	if strings.HasSuffix(c.kind, "Folder") {
		return c.target == "/" || name == c.target || strings.HasPrefix(name, c.target+"/")
	}
	return name == c.target || c.target != "/" && name == c.target+"/Index"
}

// pageHandler is a PageModel method the framework runs for a request:
// On{Verb}[Name][Async].
var pageHandler = regexp.MustCompile(`^On(Get|Post|Put|Delete|Patch)(\w*?)(?:Async)?$`)

// razorPages adds every Razor Page's routes.
func (ix *index) razorPages(out *detector.Sink) {
	for _, f := range ix.files {
		if f.page != nil {
			ix.razorPage(out, f.page)
		}
	}
}

func (ix *index) razorPage(out *detector.Sink, pg *razorPage) {
	a := ix.appOf(pg.file)
	p := pg.name
	switch {
	case strings.HasPrefix(pg.template, "/"):
		p = pg.template
	case pg.template != "":
		p = strings.TrimRight(p, "/") + "/" + pg.template
	}
	full, types := normalize(p)
	model := ix.pageModel(pg)
	modelFile := ""
	if model != nil {
		modelFile = model.file
	}
	var classAuth []attr
	anonClass := false
	if model != nil {
		for _, k := range ix.lineage(model) {
			for _, at := range k.attrs {
				switch at.name {
				case "Authorize":
					classAuth = append(classAuth, at)
				case "AllowAnonymous":
					anonClass = true
				}
			}
		}
	}
	// Conventions: the most specific one that applies decides, an
	// anonymous one over an authorizing one of the same page.
	var conv []pageConvention
	for _, f := range ix.files {
		for _, c := range f.conventions {
			if c.covers(pg.name) && strings.HasPrefix(pg.file, dirOf(f.path)) {
				c.file = f.path
				conv = append(conv, c)
			}
		}
	}
	emitOne := func(verb, handler, file string, line, end int, body string, params []param) {
		paramTypes(types, params)
		r := facts.Route{Method: verb, Path: full, Framework: "razorpages", File: file, Line: line, EndLine: end,
			Handler: handler, Body: body, HandlerFile: file, HandlerLine: line}
		var gs []router.Guard
		anon := anonClass
		metadata := anonClass || len(classAuth) > 0
		for _, c := range conv {
			metadata = true
			if strings.HasPrefix(c.kind, "AllowAnonymous") {
				anon = true
				continue
			}
			if g, ok := a.policyGuard(c.policy, c.kind+"(\""+c.target+"\")", facts.Evidence{File: c.file, Line: c.line}); ok {
				gs = append(gs, g)
			}
		}
		if anon {
			gs = nil
		} else {
			// classAuth is the model's, written in its file.
			gs = append(gs, a.authorized(classAuth, modelFile, false, metadata)...)
		}
		// Razor Pages check the anti-forgery token of every unsafe
		// request unless the model turns it off.
		if model == nil || !has(model.attrs, "IgnoreAntiforgeryToken") {
			r.Middleware = append(r.Middleware, "[AutoValidateAntiforgeryToken]")
		}
		ix.emit(out, r, gs, types, "[AllowAnonymous]", anon)
	}
	found := false
	if model != nil {
		for _, k := range ix.lineage(model) {
			for _, m := range k.methods {
				sm := pageHandler.FindStringSubmatch(m.name)
				if sm == nil {
					continue
				}
				found = true
				emitOne(strings.ToUpper(sm[1]), model.name+"."+m.name, k.file, m.line, m.endLine, m.body, m.params)
			}
			if found {
				break
			}
		}
	}
	if !found {
		// A page with no handler of its own renders on GET.
		emitOne("GET", pg.name, pg.file, pg.line, pg.line, "", nil)
	}
}

// pageModel is the class a page's @model names: the one in the page's
// own .cshtml.cs first, else the only class of that name, or the one
// whose namespace the directive spells.
func (ix *index) pageModel(pg *razorPage) *class {
	if pg.model == "" {
		return nil
	}
	cs := ix.classes[lastName(pg.model)]
	for _, c := range cs {
		if c.file == pg.file+".cs" {
			return c
		}
	}
	if len(cs) == 1 {
		return cs[0]
	}
	for _, c := range cs {
		if c.ns != "" && c.ns+"."+c.name == pg.model {
			return c
		}
	}
	return nil
}

func dirOf(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d + "/"
}
