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
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// annotationRoute is a Symfony @Route("/path", methods={"GET"})
// annotation in a doc comment (before PHP 8's attributes).
var (
	annotationRoute   = regexp.MustCompile(`@Route\(\s*(?:path\s*=\s*)?"([^"]*)"([^)]*)\)`)
	annotationMethods = regexp.MustCompile(`methods\s*=\s*[{\[]([^}\]]*)[}\]]`)
	annotationGranted = regexp.MustCompile(`@IsGranted\(\s*"([^"]*)"([^)]*)\)`)
	annotationSubject = regexp.MustCompile(`subject\s*=\s*"(\w+)"`)
	// annotationSecurity is @Security("expression") (SensioFrameworkExtra).
	annotationSecurity = regexp.MustCompile(`@Security\(\s*(?:expression\s*=\s*)?"((?:[^"]|"")*)"\s*[,)]`)
	quoted             = regexp.MustCompile(`"([A-Za-z]+)"`)
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

// granted is an #[IsGranted('ROLE_X')] (or @IsGranted) guard, and a
// #[Security("expr")] (or @Security) guard whose expression demands a
// signed-in caller. subjects are the handler arguments a voter is asked
// about (#[IsGranted('EDIT', subject: 'post')], @Security("is_granted(
// 'AUTHOR', article)")): an object-level check of that record.
//
// The role may be a class constant (#[IsGranted(User::ROLE_ADMIN)]): its
// literal value when the tree declares it, else the constant's own name
// (Symfony's AuthenticatedVoter::PUBLIC_ACCESS is named as its value).
func (ix *index) granted(c *class, attrs []attr, doc, file string, line int) (out []router.Guard, subjects []subjectAt) {
	add := func(role string, at int) {
		out = append(out, router.Guard{Name: "IsGranted(" + role + ")", Applied: facts.Evidence{File: file, Line: at},
			Verdict: router.Verdict{Auth: facts.AuthRequired, Role: strings.ToLower(strings.TrimPrefix(role, "ROLE_")),
				Evidence: "Symfony's IsGranted denies access (401 for a guest, 403 otherwise) unless the voter grants " + role}})
	}
	grant := func(role, subject string, at int) {
		switch {
		case subject != "":
			subjects = append(subjects, subjectAt{name: subject, line: at})
		case publicRole(role):
		default:
			add(role, at)
		}
	}
	expr := func(e string, at int) {
		req, role, subs := securityExpr(e)
		for _, s := range subs {
			subjects = append(subjects, subjectAt{name: s, line: at})
		}
		if !req {
			return
		}
		out = append(out, router.Guard{Name: "Security(" + e + ")", Applied: facts.Evidence{File: file, Line: at},
			Verdict: router.Verdict{Auth: facts.AuthRequired, Role: role,
				Evidence: "Symfony's Security expression denies access (401 for a guest) unless " + e}})
	}
	for _, a := range attrs {
		switch a.name {
		case "IsGranted":
			if len(a.args) == 0 {
				continue
			}
			role, ok := ix.constStr(c, a.args[0])
			if !ok {
				continue
			}
			subject := ""
			for i, ar := range a.args[1:] {
				if ar.ok && (ar.name == "subject" || (ar.name == "" && i == 0)) {
					subject = ar.str
				}
			}
			grant(role, subject, a.line)
		case "Security":
			if len(a.args) > 0 && a.args[0].ok {
				expr(a.args[0].str, a.line)
			}
		}
	}
	for _, m := range annotationGranted.FindAllStringSubmatch(doc, -1) {
		subject := ""
		if sm := annotationSubject.FindStringSubmatch(m[2]); sm != nil {
			subject = sm[1]
		}
		grant(m[1], subject, line)
	}
	for _, m := range annotationSecurity.FindAllStringSubmatch(doc, -1) {
		expr(strings.ReplaceAll(m[1], `""`, `"`), line)
	}
	return out, subjects
}

// constStr is an attribute argument's string: a literal, or a class
// constant's value (self:: and static:: are the class c), else the
// constant's name when the tree does not declare it.
func (ix *index) constStr(c *class, a arg) (string, bool) {
	if a.ok || a.cnst == "" {
		return a.str, a.ok
	}
	cls, name, _ := strings.Cut(a.cnst, "::")
	owner := c
	if l := strings.ToLower(cls); l != "self" && l != "static" {
		owner = ix.class(cls, "")
	}
	if owner != nil {
		if v, ok := owner.consts[name]; ok {
			return v, true
		}
	}
	return name, true
}

// subjectAt is a handler argument a voter is asked about, and where.
type subjectAt struct {
	name string
	line int
}

// publicRole is a role every caller holds.
func publicRole(role string) bool {
	switch role {
	case "PUBLIC_ACCESS", "IS_AUTHENTICATED_ANONYMOUSLY", "ROLE_ANONYMOUS":
		return true
	}
	return false
}

var (
	exprOr  = regexp.MustCompile(`\s+or\s+|\|\|`)
	exprAnd = regexp.MustCompile(`\s+and\s+|&&`)
	// exprGranted is is_granted('X') or is_granted('X', subject).
	exprGranted = regexp.MustCompile(`^\(?\s*is_granted\(\s*['"]([A-Za-z_]+)['"]\s*(?:,\s*([A-Za-z_]\w*)\s*)?\)`)
	// exprSignedIn is an expression function true only for a signed-in
	// caller.
	exprSignedIn = regexp.MustCompile(`^\(?\s*(?:is_authenticated|is_fully_authenticated|is_remember_me)\(\s*\)|^\(?\s*has_role\(\s*['"](\w+)['"]\s*\)`)
)

// securityExpr reads a Symfony security expression: whether every way
// it can be true needs a signed-in caller, the role it demands, and the
// arguments a voter is asked about when it is one conjunction.
func securityExpr(e string) (required bool, role string, subjects []string) {
	ors := exprOr.Split(strings.TrimSpace(e), -1)
	required = true
	for _, d := range ors {
		needs := false
		for _, c := range exprAnd.Split(strings.TrimSpace(d), -1) {
			c = strings.TrimSpace(c)
			if strings.HasPrefix(c, "not ") || strings.HasPrefix(c, "!") {
				continue
			}
			if m := exprGranted.FindStringSubmatch(c); m != nil {
				if m[2] != "" {
					if len(ors) == 1 {
						subjects = append(subjects, m[2])
					}
					continue
				}
				if !publicRole(m[1]) {
					needs = true
					if role == "" && strings.HasPrefix(m[1], "ROLE_") {
						role = strings.ToLower(strings.TrimPrefix(m[1], "ROLE_"))
					}
				}
				continue
			}
			if m := exprSignedIn.FindStringSubmatch(c); m != nil && !publicRole(m[1]) {
				needs = true
				if role == "" && strings.HasPrefix(m[1], "ROLE_") {
					role = strings.ToLower(strings.TrimPrefix(m[1], "ROLE_"))
				}
			}
		}
		if !needs {
			required = false
		}
	}
	if !required || len(ors) > 1 {
		role = ""
	}
	return required, role, subjects
}

// symfony adds the routes Symfony controllers declare with #[Route] or
// an @Route doc annotation. A class's route is the prefix of its
// methods' routes; on an invokable class whose methods declare none, it
// is the route of __invoke (Symfony's own reading).
func (ix *index) symfony(out *detector.Sink) {
	for _, f := range ix.files {
		for _, c := range f.classes {
			classRoutes := attrRoutes(c.attrs, c.doc, c.line)
			prefixes := classRoutes
			if len(prefixes) == 0 {
				prefixes = []symfonyRoute{{ok: true}}
			}
			classGuards, classSubjects := ix.granted(c, c.attrs, c.doc, c.file, c.line)
			names := make([]string, 0, len(c.methods))
			routes := map[string][]symfonyRoute{}
			for k, m := range c.methods {
				if rs := attrRoutes(m.attrs, m.doc, m.line); len(rs) > 0 {
					names = append(names, k)
					routes[k] = rs
				}
			}
			if inv := c.methods["__invoke"]; len(names) == 0 && inv != nil && len(classRoutes) > 0 {
				names = append(names, "__invoke")
				routes["__invoke"] = classRoutes
				prefixes = []symfonyRoute{{ok: true}}
			}
			slices.Sort(names)
			for _, k := range names {
				m := c.methods[k]
				rs := routes[k]
				mg, ms := ix.granted(c, m.attrs, m.doc, c.file, m.line)
				gs := append(slices.Clone(classGuards), mg...)
				subs := append(slices.Clone(classSubjects), ms...)
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
							ix.symfonyRoute(out, c, m, method, urlpath.Join(pre.path, r.path), gs, subs)
						}
					}
				}
			}
		}
	}
}

// symfonyParam is {id<\d+>}, {id?default} or {id:post} (Symfony 7.1's
// mapping to the argument that resolves it): the parameter's name.
var symfonyParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?::[A-Za-z_][\w.]*)?(<[^>]*>)?(\?[^}]*)?\}`)

func (ix *index) symfonyRoute(out *detector.Sink, c *class, m *method, method, p string, gs []router.Guard, subs []subjectAt) {
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
	acc, complete := ix.accessControl(method, p)
	gs = append(acc, gs...)
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
	// Without a security configuration that says so, a route no
	// attribute guards is unknown, not open.
	dec := route.DecidePath(ix.taught, gs, codeOf(r.Body), r.File+":"+strconv.Itoa(r.Line), r.Path, complete, ix.lookupIn(c, codeOf(r.Body)))
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	route.Classify(&r, laravelVocab)
	out.AddRoute(r)
	if len(r.Params) == 0 {
		return
	}
	// A record the path names reaches the handler as an argument Symfony
	// resolves from it (Article $article for {slug}): a voter asked
	// about that argument, or the handler's own check of it, is an
	// object-level check.
	resolved := slices.Clone(r.Params)
	for _, a := range entityArgs(m.body) {
		resolved = append(resolved, facts.Param{Name: a})
	}
	var at *facts.Evidence
	for _, s := range subs {
		if slices.ContainsFunc(resolved, func(p facts.Param) bool { return p.Name == s.name }) {
			at = &facts.Evidence{File: c.file, Line: s.line}
			break
		}
	}
	if at == nil {
		at = ix.objectCheck(c, c.file, m.line, m.body, resolved)
	}
	if at != nil {
		out.AddSignal(facts.Signal{Kind: facts.SignalOwnership, Detail: "object-level authorization", Route: r.Key(), In: facts.SignalInHandler, Evidence: *at})
	}
}

var (
	signatureOpen = regexp.MustCompile(`\bfunction\s+&?\w+\s*\(`)
	// typedArg is one argument of a signature typed by a class.
	typedArg = regexp.MustCompile(`^\s*(?:#\[[^\]]*\]\s*)*\??\\?([A-Z][\w\\]*)\s+\$(\w+)`)
)

// entityArgs are the handler's arguments typed by a class that is not a
// request or a service interface: the records Symfony's argument
// resolvers load from the route's parameters.
func entityArgs(body string) []string {
	loc := signatureOpen.FindStringIndex(body)
	if loc == nil {
		return nil
	}
	end := lang.ClosingBracket(body, loc[1]-1)
	if end < 0 {
		return nil
	}
	var out []string
	for _, a := range strings.Split(body[loc[1]:end], ",") {
		m := typedArg.FindStringSubmatch(a)
		if m == nil || strings.Contains(a, "CurrentUser") {
			continue
		}
		t := short(m[1])
		if strings.HasSuffix(t, "Request") || strings.HasSuffix(t, "Interface") || t == "UserInterface" {
			continue
		}
		out = append(out, m[2])
	}
	return out
}
