package python

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/urlpath"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
)

// securitySchemes are FastAPI's credential extractors: a dependency on
// one of them makes the caller present a credential.
var securitySchemes = map[string]bool{
	"HTTPBasic": true, "HTTPBearer": true, "HTTPDigest": true, "OAuth2PasswordBearer": true,
	"OAuth2AuthorizationCodeBearer": true, "OAuth2": true, "OpenIdConnect": true,
	"APIKeyHeader": true, "APIKeyQuery": true, "APIKeyCookie": true,
	"HTTPBasicCredentials": true, "HTTPAuthorizationCredentials": true,
}

// fastapiVocab: an UploadFile parameter takes a file.
var fastapiVocab = route.Vocabulary{Upload: []string{"UploadFile"}}

// dependencies reads a dependencies=[Depends(x), ...] list.
func (g *graph) dependencies(m *module, list *expr) guards {
	var out guards
	for _, it := range g.ix.listItems(m, list) {
		g.dependency(m, it, &out)
	}
	return out
}

// paramDependencies reads Depends/Security in a handler's parameters:
// defaults (user = Depends(get_user)), Annotated[User, Depends(...)] and
// aliases of those (CurrentUser = Annotated[User, Depends(get_user)]).
func (g *graph) paramDependencies(m *module, params []param) guards {
	var out guards
	for _, p := range params {
		g.findDepends(m, p.def, &out, 0)
		g.findDepends(m, p.annotation, &out, 0)
	}
	return out
}

func (g *graph) findDepends(m *module, e *expr, out *guards, depth int) {
	if e == nil || depth > 4 {
		return
	}
	switch e.kind {
	case exCall:
		if n := e.callee(); n == "Depends" || n == "Security" {
			g.dependency(m, e, out)
		}
	case exOther:
		for _, it := range e.items {
			g.findDepends(m, it, out, depth+1)
		}
	case exList:
		for _, it := range e.items {
			g.findDepends(m, it, out, depth+1)
		}
	case exName, exAttr:
		// Follow a type alias bound to an Annotated[...] in the tree.
		if s := g.ix.resolve(m, e); s.value != nil && s.value != e && s.value.kind == exOther {
			g.findDepends(s.mod, s.value, out, depth+1)
		}
	}
}

// dependency records one Depends(x)/Security(x) and decides whether x
// authenticates, looking into x when the tree defines it.
func (g *graph) dependency(m *module, dep *expr, out *guards) {
	if dep == nil || dep.kind != exCall {
		return
	}
	target := dep.arg(0, "dependency")
	name, _ := target.dotted()
	if name == "" && target != nil && target.kind == exCall {
		// Depends(get_current_user_authorizer(required=False)): named by
		// the factory that builds it.
		name, _ = target.fn.dotted()
	}
	known := out.authEvidence() != ""
	out.add(dep.text, name, at(m, dep))
	def := target
	if target != nil && target.kind == exCall {
		def = target.fn
	}
	if s := g.ix.resolve(m, def); s.fn != nil && s.mod != nil {
		(*out)[len(*out)-1].Defined = facts.Evidence{File: s.mod.path, Line: s.fn.line}
	}
	if ok, role := g.authenticates(m, target, 0); ok && !known {
		out.requireLast(dep.text, role)
	}
}

// authenticates says a dependency makes the caller prove who they are:
// by its name, because it is a security scheme, or because its body or
// its own dependencies do.
// It returns the role the dependency (or one it depends on) checks.
func (g *graph) authenticates(m *module, target *expr, depth int) (bool, string) {
	if target == nil || depth > 3 {
		return false, ""
	}
	if target.kind == exCall {
		// A dependency a factory builds (get_current_user_authorizer()):
		// it is what the factory returns. A flag making it optional
		// (required=False, auto_error=False) lets anonymous callers in.
		if optionalFlag(target) {
			return false, ""
		}
		if f := g.ix.resolve(m, target.fn); f.fn != nil {
			for _, name := range returnedNames(f.fn.source()) {
				if ok, role := g.authenticates(f.mod, &expr{kind: exName, name: name, text: name}, depth+1); ok {
					return true, role
				}
			}
		}
	}
	s := g.ix.resolve(m, target)
	switch {
	case s.value != nil && s.value.kind == exCall:
		// auto_error=False makes a scheme return None instead of a 401.
		c := g.ix.resolve(s.mod, s.value.fn)
		return (securitySchemes[c.last()] || c.cls != nil && securitySchemes[c.cls.name]) && !strings.Contains(s.value.text, "auto_error=False"), ""
	case s.fn != nil:
		src := s.fn.source()
		if route.Optional(strip(src)) {
			return false, ""
		}
		role := route.RoleOf(strip(src))
		if dec := g.ix.decide(s.mod, nil, src, "", false); dec.Auth == facts.AuthRequired {
			return true, role
		}
		for _, p := range s.fn.params {
			if p.annotation != nil {
				if n, ok := p.annotation.dotted(); ok && securitySchemes[n[strings.LastIndexByte(n, '.')+1:]] {
					return true, role
				}
			}
			if p.def != nil && p.def.kind == exCall && (p.def.callee() == "Depends" || p.def.callee() == "Security") {
				if ok, r := g.authenticates(s.mod, p.def.arg(0, "dependency"), depth+1); ok {
					if role == "" {
						role = r
					}
					return true, role
				}
			}
		}
		return false, ""
	}
	if name, ok := target.dotted(); ok {
		if a, _ := route.AuthFrom([]string{name}); a == facts.AuthRequired {
			return true, route.RoleOf(name)
		}
	}
	return false, ""
}

// optionalFlag says a factory's call asks for a dependency that lets a
// caller without credentials through.
func optionalFlag(call *expr) bool {
	for k, v := range call.kw {
		switch strings.ToLower(k) {
		case "required", "auto_error", "auth_required", "require_auth":
			if v.text == "False" {
				return true
			}
		case "optional", "allow_anonymous":
			if v.text == "True" {
				return true
			}
		}
	}
	return false
}

// returnedNames are the plain names a function returns: return f, and
// both arms of return f if flag else g.
var returnedName = regexp.MustCompile(`\breturn\s+([A-Za-z_]\w*)(?:\s+if\s+[^\n]+?\s+else\s+([A-Za-z_]\w*))?\s*$`)

func returnedNames(src string) []string {
	var out []string
	for _, line := range strings.Split(src, "\n") {
		if m := returnedName.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			for _, n := range m[1:] {
				if n != "" && n != "None" && n != "True" && n != "False" {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// typedPath rewrites a composed path to {name} params and types each
// from the path syntax or, failing that, the handler's annotation.
func typedPath(ix *index, full string, m *module, params []param, untypedString bool) (string, []facts.Param) {
	p, types := urlpath.Braces(full)
	ps := route.Params(p, types)
	for i := range ps {
		if ps[i].Type != facts.TypeUnknown {
			continue
		}
		for _, hp := range params {
			if hp.name == ps[i].Name && hp.annotation != nil {
				ps[i].Type = annotationType(ix, m, hp.annotation)
			}
		}
		if ps[i].Type == facts.TypeUnknown && untypedString && !annotated(params, ps[i].Name) {
			ps[i].Type = facts.TypeString
		}
	}
	return p, ps
}

func annotated(params []param, name string) bool {
	for _, p := range params {
		if p.name == name && p.annotation != nil {
			return true
		}
	}
	return false
}

// annotationType maps a parameter annotation to a param type, reading
// through Annotated[...] and Optional[...]. A Literal["a", "b"] or a class
// deriving from Enum is a closed set of choices (enum), not an id.
func annotationType(ix *index, m *module, a *expr) string {
	for range 4 {
		if a == nil || a.kind != exOther || a.obj == nil || len(a.items) == 0 {
			break
		}
		if d, ok := a.obj.dotted(); ok && (d == "Literal" || strings.HasSuffix(d, ".Literal")) {
			return facts.TypeEnum
		}
		a = a.items[0]
		if a.kind == exList && len(a.items) > 0 {
			a = a.items[0]
		}
	}
	name, ok := a.dotted()
	if !ok {
		return facts.TypeUnknown
	}
	switch name[strings.LastIndexByte(name, '.')+1:] {
	case "int", "conint", "PositiveInt":
		return facts.TypeInt
	case "UUID", "UUID1", "UUID3", "UUID4", "UUID5":
		return facts.TypeUUID
	case "str", "constr":
		return facts.TypeString
	}
	if ix != nil && m != nil {
		if s := ix.resolve(m, a); s.cls != nil {
			for _, b := range ix.baseNames(s.mod, s.cls) {
				switch b {
				case "Enum", "StrEnum", "IntEnum", "Flag", "IntFlag":
					return facts.TypeEnum
				}
			}
		}
	}
	return facts.TypeUnknown
}
