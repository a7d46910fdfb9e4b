package jvm

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// A Java web app written on the Servlet API serves its servlets at the
// URL patterns @WebServlet or the deployment descriptor (WEB-INF/web.xml)
// maps them to, each doGet/doPost/... a route, and every JSP under its
// web root (the folder holding WEB-INF) at its path from there. Files
// under WEB-INF are never served by path, and a JSP another includes is a
// part of its page. Servlet filters guard the routes their URL patterns
// (or servlet names) match; their doFilter code decides, as any guard's.

// webXML is one deployment descriptor.
type webXML struct {
	path string
	root string // the web root: the folder holding WEB-INF
	// servlets are the declared servlets with the URL patterns mapped to
	// them; filters the declared filters with theirs, in mapping order.
	servlets []xmlEntry
	filters  []xmlEntry
}

// xmlEntry is one <servlet> or <filter>: its name, its class (or a JSP
// file for a servlet), the patterns and servlet names mapped to it.
type xmlEntry struct {
	name, class, jsp string
	line             int
	patterns         []string
	servletNames     []string
}

// jspPage is one JSP file.
type jspPage struct {
	// src is its Java code (scriptlets, expressions, declarations), the
	// markup blanked: what runs on a request, for the guard judge and the
	// rules.
	src   string
	lines int
	// includes are the static includes and jsp:include pages it names,
	// as written; postForms the actions of its forms sent with POST.
	includes  []string
	postForms []string
}

var (
	xmlBlock   = regexp.MustCompile(`(?s)<(servlet|servlet-mapping|filter|filter-mapping)\s*>(.*?)</(?:servlet|servlet-mapping|filter|filter-mapping)\s*>`)
	xmlElement = regexp.MustCompile(`(?s)<(servlet-name|servlet-class|jsp-file|url-pattern|filter-name|filter-class)\s*>\s*(.*?)\s*</`)
	// jspInclude is a static include directive or a jsp:include action:
	// the named file runs as part of the including page.
	jspInclude = regexp.MustCompile(`<%@\s*include\s+file\s*=\s*["']([^"']+)["']|<jsp:(?:directive\.)?include\s+(?:file|page)\s*=\s*["']([^"'<$]+)["']`)
	// jspPost is a page that handles a POST itself: it compares the
	// request's method with POST.
	jspPost = regexp.MustCompile(`(?i)getMethod\(\)\s*\.\s*equals(?:IgnoreCase)?\(\s*"(?:POST|PUT|DELETE)"|"(?:POST|PUT|DELETE)"\s*\.\s*equals(?:IgnoreCase)?\(\s*\w+\.getMethod\(\)`)
	// formTag is a form's start tag, its action and its method when
	// it is POST.
	formTag     = regexp.MustCompile(`(?is)<form\b[^>]*>`)
	formAction  = regexp.MustCompile(`(?i)\baction\s*=\s*["']([^"']*)["']`)
	formPost    = regexp.MustCompile(`(?i)\bmethod\s*=\s*["']post["']`)
	jspParamGet = regexp.MustCompile(`\brequest\.getParameter(?:Values|Map|Names)?\s*\(`)
)

// webRootNames are the folders build tools and IDEs keep a web app's
// pages in, when no WEB-INF marks the root.
var webRootNames = map[string]bool{"webapp": true, "WebContent": true, "WebRoot": true, "web": true}

func isJSP(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".jsp", ".jspx", ".jspf":
		return true
	}
	return false
}

func isWebXML(p string) bool { return path.Base(p) == "web.xml" && path.Base(path.Dir(p)) == "WEB-INF" }

// underWebInf says a file in a web app cannot be requested by its path.
func underWebInf(rel string) bool {
	return strings.HasPrefix(rel, "WEB-INF/") || strings.Contains(rel, "/WEB-INF/") ||
		strings.HasPrefix(rel, "META-INF/") || strings.Contains(rel, "/META-INF/")
}

func lineAt(src []byte, off int) int { return 1 + bytes.Count(src[:off], []byte("\n")) }

// parseWebXML reads a deployment descriptor's servlets, filters and
// their mappings (comments do not count).
func parseWebXML(p string, data []byte) *webXML {
	src := xmlComment.ReplaceAllFunc(data, func(c []byte) []byte {
		return bytes.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			return ' '
		}, c)
	})
	w := &webXML{path: p, root: path.Dir(path.Dir(p))}
	type mapping struct {
		name              string
		patterns, servlet []string
	}
	var smaps, fmaps []mapping
	for _, m := range xmlBlock.FindAllSubmatchIndex(src, -1) {
		kind, body := string(src[m[2]:m[3]]), src[m[4]:m[5]]
		e := xmlEntry{line: lineAt(src, m[0])}
		var mp mapping
		for _, el := range xmlElement.FindAllSubmatch(body, -1) {
			v := string(el[2])
			switch string(el[1]) {
			case "servlet-name":
				if kind == "filter-mapping" {
					mp.servlet = append(mp.servlet, v)
				} else {
					e.name, mp.name = v, v
				}
			case "filter-name":
				e.name, mp.name = v, v
			case "servlet-class", "filter-class":
				e.class = v
			case "jsp-file":
				e.jsp = v
			case "url-pattern":
				mp.patterns = append(mp.patterns, v)
			}
		}
		switch kind {
		case "servlet":
			w.servlets = append(w.servlets, e)
		case "filter":
			w.filters = append(w.filters, e)
		case "servlet-mapping":
			smaps = append(smaps, mp)
		case "filter-mapping":
			fmaps = append(fmaps, mp)
		}
	}
	for i := range w.servlets {
		for _, mp := range smaps {
			if mp.name == w.servlets[i].name {
				w.servlets[i].patterns = append(w.servlets[i].patterns, mp.patterns...)
			}
		}
	}
	// Filters run in the order of their mappings.
	var ordered []xmlEntry
	for _, mp := range fmaps {
		for _, f := range w.filters {
			if f.name == mp.name {
				f.patterns, f.servletNames = mp.patterns, mp.servlet
				ordered = append(ordered, f)
			}
		}
	}
	w.filters = ordered
	return w
}

// jspCode is a scriptlet, expression or declaration; jspComment a JSP
// comment, whose code never runs.
var (
	jspCode    = regexp.MustCompile(`(?s)<%[!=]?(.*?)%>`)
	jspComment = regexp.MustCompile(`(?s)<%--.*?--%>`)
)

func readJSP(data []byte) *jspPage {
	text := jspComment.ReplaceAllString(string(data), "")
	var code strings.Builder
	for _, m := range jspCode.FindAllStringSubmatch(text, -1) {
		if !strings.HasPrefix(m[0], "<%@") {
			code.WriteString(m[1])
			code.WriteString("\n")
		}
	}
	pg := &jspPage{src: code.String(), lines: 1 + bytes.Count(data, []byte("\n"))}
	for _, tag := range formTag.FindAllString(text, -1) {
		if formPost.MatchString(tag) {
			action := ""
			if a := formAction.FindStringSubmatch(tag); a != nil {
				action = a[1]
			}
			pg.postForms = append(pg.postForms, action)
		}
	}
	for _, m := range jspInclude.FindAllStringSubmatch(text, -1) {
		inc := m[1] + m[2]
		if i := strings.IndexAny(inc, "?#"); i >= 0 {
			inc = inc[:i]
		}
		if inc != "" {
			pg.includes = append(pg.includes, inc)
		}
	}
	return pg
}

// takesPost says a page handles a POST: its code tests the request's
// method, or reads parameters and the page holds a form posted back to
// itself (no action, an empty one, "#" or its own name).
func takesPost(p, code string, forms []string) bool {
	if jspPost.MatchString(code) {
		return true
	}
	if !jspParamGet.MatchString(code) {
		return false
	}
	for _, target := range forms {
		if i := strings.IndexAny(target, "?#"); i >= 0 {
			target = target[:i]
		}
		if target == "" || path.Base(target) == path.Base(p) {
			return true
		}
	}
	return false
}

// webApps is what the tree's servlet web apps declare, for Finish.
type webApps struct {
	descriptors []*webXML
	roots       []string // web roots, longest first
	pages       map[string]*jspPage
	// included counts the pages that include each file.
	included map[string]int
}

func (ix *index) webApps() *webApps {
	w := &webApps{pages: map[string]*jspPage{}}
	seen := map[string]bool{}
	addRoot := func(r string) {
		if !seen[r] {
			seen[r] = true
			w.roots = append(w.roots, r)
		}
	}
	for _, f := range ix.files {
		if f.web != nil {
			w.descriptors = append(w.descriptors, f.web)
			addRoot(f.web.root)
		}
		if f.jsp != nil {
			w.pages[f.path] = f.jsp
			if i := strings.Index("/"+f.path, "/WEB-INF/"); i >= 0 {
				addRoot(path.Clean("./" + f.path[:max(i-1, 0)]))
			}
			for d := path.Dir(f.path); d != "." && d != "/"; d = path.Dir(d) {
				if webRootNames[path.Base(d)] {
					addRoot(d)
					break
				}
			}
		}
	}
	// A page outside every web root is served from the folder its app's
	// pages share (the shallowest that holds them), each top-level folder
	// an app of its own.
	shared := map[string]string{}
	for p := range w.pages {
		if w.rootOf(p) != "" || path.Ext(p) == ".jspf" {
			continue
		}
		top, d := "", path.Dir(p)
		if i := strings.IndexByte(p, '/'); i >= 0 {
			top = p[:i]
		}
		if s, ok := shared[top]; ok {
			d = commonDir(s, d)
		}
		shared[top] = d
	}
	for _, d := range shared {
		addRoot(d)
	}
	w.included = map[string]int{}
	for p, pg := range w.pages {
		for _, inc := range pg.includes {
			w.included[w.resolveInclude(p, inc)]++
		}
	}
	slices.SortFunc(w.roots, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return w
}

// commonDir is the deepest folder holding both a and b.
func commonDir(a, b string) string {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	var out []string
	for i := 0; i < len(as) && i < len(bs) && as[i] == bs[i]; i++ {
		out = append(out, as[i])
	}
	if len(out) == 0 {
		return "."
	}
	return strings.Join(out, "/")
}

// rootOf is the web root that serves p, "" when none does.
func (w *webApps) rootOf(p string) string {
	for _, r := range w.roots {
		if r == "." || strings.HasPrefix(p, r+"/") {
			return r
		}
	}
	return ""
}

func rel(root, p string) string {
	if root == "." {
		return p
	}
	return strings.TrimPrefix(p, root+"/")
}

// resolveInclude is the tree path of a file a page includes: from the web
// root when it starts with a slash, else from the page's folder.
func (w *webApps) resolveInclude(page, inc string) string {
	if strings.HasPrefix(inc, "/") {
		return path.Clean(path.Join(w.rootOf(page), inc))
	}
	return path.Clean(path.Join(path.Dir(page), inc))
}

// descriptorOf is the deployment descriptor of the web app p belongs to:
// the one whose web root shares the most folders with p.
func (w *webApps) descriptorOf(p string) *webXML {
	var best *webXML
	bestN := -1
	for _, d := range w.descriptors {
		n := sharedDepth(d.root, path.Dir(p))
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

func sharedDepth(a, b string) int {
	if a == "." || b == "." {
		return 0
	}
	c := commonDir(a, b)
	if c == "." {
		return 0
	}
	return strings.Count(c, "/") + 1
}

// servletVerbs are the HttpServlet methods an app overrides to answer
// each HTTP method.
var servletVerbs = map[string]string{"doGet": "GET", "doPost": "POST", "doPut": "PUT", "doDelete": "DELETE", "doPatch": "PATCH"}

// isServlet says c extends HttpServlet, itself or through classes of the
// tree.
func (ix *index) isServlet(c *class) bool {
	seen := map[*class]bool{}
	var walk func(c *class, depth int) bool
	walk = func(c *class, depth int) bool {
		if seen[c] || depth > 6 || c.iface {
			return false
		}
		seen[c] = true
		for _, s := range c.supers {
			if s == "HttpServlet" {
				return true
			}
			for _, sc := range ix.classes[s] {
				if walk(sc, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(c, 0)
}

// handlerMethods are a servlet's request methods, its own first and then
// those it inherits from classes of the tree; service() answers GET and
// POST alike when no doX is written.
func (ix *index) handlerMethods(c *class) []struct {
	verb string
	m    *method
	c    *class
} {
	type hm = struct {
		verb string
		m    *method
		c    *class
	}
	var out []hm
	var service *hm
	seen := map[*class]bool{}
	var walk func(c *class, depth int)
	walk = func(c *class, depth int) {
		if seen[c] || depth > 6 {
			return
		}
		seen[c] = true
		for _, m := range c.methods {
			if v, ok := servletVerbs[m.name]; ok && !slices.ContainsFunc(out, func(h hm) bool { return h.verb == v }) {
				out = append(out, hm{v, m, c})
			}
			if m.name == "service" && service == nil && len(m.params) == 2 {
				service = &hm{"", m, c}
			}
		}
		for _, s := range c.supers {
			for _, sc := range ix.classes[s] {
				walk(sc, depth+1)
			}
		}
	}
	walk(c, 0)
	if len(out) == 0 && service != nil {
		out = append(out, hm{"GET", service.m, service.c}, hm{"POST", service.m, service.c})
	}
	slices.SortStableFunc(out, func(a, b hm) int { return strings.Compare(a.verb, b.verb) })
	return out
}

// servletFilter is a filter with the requests it runs on.
type servletFilter struct {
	guard        router.Guard
	patterns     []string
	servletNames []string
	web          *webXML // the descriptor that maps it; nil for @WebFilter
}

// matchesPattern says a servlet URL pattern takes the request path p:
// exact, a /prefix/* or a *.extension one.
func matchesPattern(pattern, p string) bool {
	switch {
	case pattern == "/*" || pattern == "/":
		return true
	case strings.HasSuffix(pattern, "/*"):
		pre := strings.TrimSuffix(pattern, "/*")
		return p == pre || strings.HasPrefix(p, pre+"/")
	case strings.HasPrefix(pattern, "*."):
		return strings.HasSuffix(p, pattern[1:])
	}
	return pattern == p
}

// servletFilters are the filters the tree's web apps map: @WebFilter
// classes and web.xml's filter-mappings whose class is in the tree.
func (ix *index) servletFilters(w *webApps) []servletFilter {
	var out []servletFilter
	for _, f := range ix.files {
		for _, c := range f.classes {
			a := hasAnn(c.anns, "WebFilter")
			if a == nil || !c.filter || c.filterSrc == "" {
				continue
			}
			var pats, names []string
			if v := a.arg("", "value", "urlPatterns"); v != nil {
				pats, _ = ix.eval(f, c.name, v, 0)
			} else if v := a.arg("urlPatterns"); v != nil {
				pats, _ = ix.eval(f, c.name, v, 0)
			}
			if v := a.arg("servletNames"); v != nil {
				names, _ = ix.eval(f, c.name, v, 0)
			}
			out = append(out, servletFilter{guard: router.Guard{Name: c.name, Source: c.filterSrc, Defined: facts.Evidence{File: c.file, Line: c.line}}, patterns: pats, servletNames: names})
		}
	}
	for _, d := range w.descriptors {
		for _, e := range d.filters {
			c := ix.classByName(e.class, d.root)
			if c == nil || !c.filter || c.filterSrc == "" {
				continue
			}
			out = append(out, servletFilter{guard: router.Guard{Name: c.name, Source: c.filterSrc, Defined: facts.Evidence{File: c.file, Line: c.line},
				Applied: facts.Evidence{File: d.path, Line: e.line}}, patterns: e.patterns, servletNames: e.servletNames, web: d})
		}
	}
	return out
}

// judged reads each filter's code once, for every route it runs on: its
// verdict goes with the guard.
func (ix *index) judged(taught *route.Taught, fs []servletFilter) {
	for i := range fs {
		g := &fs[i].guard
		d := route.DecidePath(taught, []router.Guard{*g}, "", "", "", false, ix.lookup)
		if d.Auth != facts.AuthRequired {
			g.Verdict = router.Verdict{Auth: facts.AuthNone}
			continue
		}
		why := strings.TrimPrefix(d.Evidence, g.Name+" ("+route.Where(*g)+")")
		g.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: d.Role, Evidence: strings.TrimPrefix(why, ": ")}
	}
}

// classByName finds the class a descriptor names by its qualified name:
// the one whose file sits at the package's path, nearest the web root.
func (ix *index) classByName(qualified, root string) *class {
	simple := lastDot(strings.TrimSpace(qualified))
	var best *class
	bestN := -1
	pkgPath := strings.ReplaceAll(strings.TrimSpace(qualified), ".", "/")
	for _, c := range ix.classes[simple] {
		n := sharedDepth(root, path.Dir(c.file))
		if strings.Contains(strings.TrimSuffix(c.file, path.Ext(c.file)), pkgPath) {
			n += 100
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// filtersFor are the guards of the servlet filters that run on a request
// to p in the web app of file (served by the servlet named servlet).
func filtersFor(fs []servletFilter, w *webApps, file, p string, servletNames []string) []router.Guard {
	var out []router.Guard
	var d *webXML
	if w != nil {
		d = w.descriptorOf(file)
	}
	for _, f := range fs {
		if f.web != nil && f.web != d {
			continue
		}
		hit := len(f.patterns) == 0 && len(f.servletNames) == 0
		for _, pat := range f.patterns {
			hit = hit || matchesPattern(pat, p)
		}
		for _, n := range f.servletNames {
			hit = hit || n == "*" || slices.Contains(servletNames, n)
		}
		if hit {
			out = append(out, f.guard)
		}
	}
	return out
}

// servletRoutes adds the routes of the tree's servlets and JSPs.
func (ix *index) servletRoutes(taught *route.Taught, out *detector.Sink) {
	w := ix.servlet
	type mapped struct {
		patterns []string
		names    []string
	}
	byClass := map[*class]*mapped{}
	var order []*class
	add := func(c *class, pats []string, name string) {
		m := byClass[c]
		if m == nil {
			m = &mapped{names: []string{c.name}}
			byClass[c] = m
			order = append(order, c)
		}
		for _, p := range pats {
			if !slices.Contains(m.patterns, p) {
				m.patterns = append(m.patterns, p)
			}
		}
		if name != "" && !slices.Contains(m.names, name) {
			m.names = append(m.names, name)
		}
	}
	for _, f := range ix.files {
		for _, c := range f.classes {
			a := hasAnn(c.anns, "WebServlet")
			if a == nil || !ix.isServlet(c) {
				continue
			}
			v := a.arg("", "value", "urlPatterns")
			if v == nil {
				v = a.arg("urlPatterns")
			}
			pats, ok := ix.eval(f, c.name, v, 0)
			if !ok {
				out.MissRoutes(f.path, a.line, 1, "route/jvm", "its URL pattern is built at run time, not from literals and constants")
				continue
			}
			name := ""
			if n := a.arg("name"); n != nil && n.kind == 's' {
				name = n.s
			}
			add(c, pats, name)
		}
	}
	for _, d := range w.descriptors {
		for _, e := range d.servlets {
			if len(e.patterns) == 0 {
				continue
			}
			if e.jsp != "" {
				ix.mappedJSP(taught, w, d, e, out)
				continue
			}
			c := ix.classByName(e.class, d.root)
			if c == nil || !ix.isServlet(c) {
				continue
			}
			add(c, e.patterns, e.name)
		}
	}
	for _, c := range order {
		m := byClass[c]
		for _, h := range ix.handlerMethods(c) {
			for _, pat := range m.patterns {
				ix.emit(taught, pending{
					method: h.verb, path: pat, framework: "servlet", file: h.c.file, line: h.m.line, endLine: h.m.endLine,
					handler: c.name + "." + h.m.name, body: h.m.body, servletNames: m.names,
				}, out)
			}
		}
	}
	ix.jspRoutes(taught, w, out)
}

// mappedJSP adds the routes a descriptor maps to a JSP file (one under
// WEB-INF served only through its mapping).
func (ix *index) mappedJSP(taught *route.Taught, w *webApps, d *webXML, e xmlEntry, out *detector.Sink) {
	p := path.Clean(path.Join(d.root, e.jsp))
	pg := w.pages[p]
	if pg == nil {
		return
	}
	for _, pat := range e.patterns {
		ix.emitPage(taught, w, p, pg, pat, []string{e.name}, out)
	}
}

// jspRoutes adds a route for each JSP its web root serves.
func (ix *index) jspRoutes(taught *route.Taught, w *webApps, out *detector.Sink) {
	paths := make([]string, 0, len(w.pages))
	for p := range w.pages {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		root := w.rootOf(p)
		r := rel(root, p)
		// A fragment (.jspf) and a page another includes are parts of
		// the pages that include them.
		if root == "" || underWebInf(r) || w.included[p] > 0 || strings.EqualFold(path.Ext(p), ".jspf") {
			continue
		}
		ix.emitPage(taught, w, p, w.pages[p], "/"+r, nil, out)
	}
}

// emitPage adds a JSP's routes at url: GET, and POST when it takes one.
func (ix *index) emitPage(taught *route.Taught, w *webApps, p string, pg *jspPage, url string, names []string, out *detector.Sink) {
	var incs [][2]string
	var runs []string
	body := pg.src
	seen := map[string]bool{p: true}
	var follow func(q string, depth int)
	follow = func(q string, depth int) {
		for _, inc := range w.pages[q].includes {
			f := w.resolveInclude(q, inc)
			ipg := w.pages[f]
			if seen[f] || ipg == nil {
				continue
			}
			seen[f] = true
			incs = append(incs, [2]string{f, ipg.src})
			// What this page alone includes runs as this page.
			if w.included[f] == 1 {
				runs = append(runs, f)
			}
			body += "\n" + ipg.src
			if depth < 2 {
				follow(f, depth+1)
			}
		}
	}
	follow(p, 0)
	forms := slices.Clone(pg.postForms)
	for _, inc := range incs {
		forms = append(forms, w.pages[inc[0]].postForms...)
	}
	methods := []string{"GET"}
	if takesPost(p, body, forms) {
		methods = append(methods, "POST")
	}
	for _, m := range methods {
		ix.emit(taught, pending{method: m, path: url, framework: "jsp", file: p, line: 1, endLine: pg.lines,
			handler: path.Base(p), body: pg.src, servletNames: names, includes: incs, runs: runs}, out)
	}
}

// sendRedirect is a redirect to a literal target.
var sendRedirect = regexp.MustCompile(`\bsendRedirect\(\s*(?:request\.getContextPath\(\)\s*\+\s*)?"([^"?#]+)`)

// redirectsToItself says a page's code redirects to the page itself (by
// its file name): a login page's own redirect.
func redirectsToItself(code, url string) bool {
	for _, m := range sendRedirect.FindAllStringSubmatch(code, -1) {
		if path.Base(m[1]) == path.Base(url) {
			return true
		}
	}
	return false
}
