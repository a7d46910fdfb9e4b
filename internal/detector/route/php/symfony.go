package php

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// annotationRoute is a Symfony @Route("/path", methods={"GET"})
// annotation in a doc comment (before PHP 8's attributes).
var (
	annotationRoute   = regexp.MustCompile(`@Route\(\s*(?:path\s*=\s*)?"([^"]*)"([^)]*)\)`)
	annotationMethods = regexp.MustCompile(`methods\s*=\s*[{\[]([^}\]]*)[}\]]`)
	annotationGranted = regexp.MustCompile(`@IsGranted\(\s*"([^"]*)"`)
	quoted            = regexp.MustCompile(`"([A-Za-z]+)"`)
)

// symfonyRoute is one route a class or method declares: its path and
// methods.
type symfonyRoute struct {
	path    string
	methods []string
	ok      bool
	line    int
}

func attrRoutes(attrs []attr, doc string, line int) []symfonyRoute {
	var out []symfonyRoute
	for _, a := range attrs {
		if a.name != "Route" {
			continue
		}
		r := symfonyRoute{line: a.line}
		for i, ar := range a.args {
			switch {
			case (ar.name == "" && i == 0) || ar.name == "path":
				r.path, r.ok = ar.str, ar.ok
			case ar.name == "methods":
				for _, m := range ar.strs {
					r.methods = append(r.methods, strings.ToUpper(m))
				}
			}
		}
		if r.ok {
			out = append(out, r)
		}
	}
	for _, m := range annotationRoute.FindAllStringSubmatch(doc, -1) {
		r := symfonyRoute{path: m[1], ok: true, line: line}
		if mm := annotationMethods.FindStringSubmatch(m[2]); mm != nil {
			for _, q := range quoted.FindAllStringSubmatch(mm[1], -1) {
				r.methods = append(r.methods, strings.ToUpper(q[1]))
			}
		}
		out = append(out, r)
	}
	return out
}

// granted is an #[IsGranted('ROLE_X')] (or @IsGranted) guard.
func granted(attrs []attr, doc, file string, line int) []router.Guard {
	var out []router.Guard
	add := func(role string, at int) {
		out = append(out, router.Guard{Name: "IsGranted(" + role + ")", Applied: facts.Evidence{File: file, Line: at},
			Verdict: router.Verdict{Auth: facts.AuthRequired, Role: strings.ToLower(strings.TrimPrefix(role, "ROLE_")),
				Evidence: "Symfony's IsGranted denies access (401 for a guest, 403 otherwise) unless the voter grants " + role}})
	}
	for _, a := range attrs {
		if a.name == "IsGranted" && len(a.args) > 0 && a.args[0].ok {
			if a.args[0].str == "PUBLIC_ACCESS" || a.args[0].str == "IS_AUTHENTICATED_ANONYMOUSLY" {
				continue
			}
			add(a.args[0].str, a.line)
		}
	}
	for _, m := range annotationGranted.FindAllStringSubmatch(doc, -1) {
		add(m[1], line)
	}
	return out
}

// symfony adds the routes Symfony controllers declare with #[Route].
func (ix *index) symfony(out *detector.Sink) {
	for _, f := range ix.files {
		for _, c := range f.classes {
			prefixes := attrRoutes(c.attrs, "", c.line)
			if len(prefixes) == 0 {
				prefixes = []symfonyRoute{{ok: true}}
			}
			classGuards := granted(c.attrs, "", c.file, c.line)
			names := make([]string, 0, len(c.methods))
			for k := range c.methods {
				names = append(names, k)
			}
			slices.Sort(names)
			for _, k := range names {
				m := c.methods[k]
				rs := attrRoutes(m.attrs, m.doc, m.line)
				if len(rs) == 0 {
					continue
				}
				gs := append(slices.Clone(classGuards), granted(m.attrs, m.doc, c.file, m.line)...)
				for _, pre := range prefixes {
					for _, r := range rs {
						methods := r.methods
						if len(methods) == 0 {
							methods = pre.methods
						}
						if len(methods) == 0 {
							methods = []string{"ANY"}
						}
						for _, method := range methods {
							ix.symfonyRoute(out, c, m, method, urlpath.Join(pre.path, r.path), gs)
						}
					}
				}
			}
		}
	}
}

// symfonyParam is {id<\d+>} or {id?default}: the parameter's name.
var symfonyParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(<[^>]*>)?(\?[^}]*)?\}`)

func (ix *index) symfonyRoute(out *detector.Sink, c *class, m *method, method, p string, gs []router.Guard) {
	types := map[string]string{}
	p = symfonyParam.ReplaceAllStringFunc(p, func(s string) string {
		sm := symfonyParam.FindStringSubmatch(s)
		if strings.Contains(sm[2], `\d`) {
			types[sm[1]] = facts.TypeInt
		}
		return "{" + sm[1] + "}"
	})
	p = urlpath.Normalize(p)
	r := facts.Route{Method: method, Path: p, Framework: "symfony", File: c.file, Line: m.line, EndLine: m.endLine,
		Handler: c.name + "." + m.name, Body: m.body, HandlerFile: c.file, HandlerLine: m.line, Scope: ix.callerProps(c)}
	gs = slices.Clone(gs)
	if why := authorizes(m.body); why != "" {
		gs = append(gs, router.Guard{Text: "handler " + why, Applied: facts.Evidence{File: c.file, Line: m.line},
			Verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "Symfony's denyAccessUnlessGranted throws AccessDeniedException (401 for a guest)"}})
	}
	for _, g := range gs {
		if g.Name != "" {
			r.Middleware = append(r.Middleware, g.Name)
		}
	}
	r.Params = route.Params(p, types)
	typeParams(&r)
	// The firewall's access_control (security.yaml) is not read: a
	// route no attribute guards is unknown, not open.
	dec := route.DecidePath(ix.taught, gs, codeOf(r.Body), r.File+":"+strconv.Itoa(r.Line), r.Path, false, ix.lookup)
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	route.Classify(&r, laravelVocab)
	out.AddRoute(r)
}
