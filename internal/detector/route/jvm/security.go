package jvm

import (
	"cmp"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// rule is one request rule of an HttpSecurity configuration:
// requestMatchers(HttpMethod.GET, "/a/**").hasRole("ADMIN"). Spring
// Security applies the first rule whose matcher matches the request.
type rule struct {
	method   string   // "" for any
	patterns []string // nil with any set
	any      bool     // anyRequest(), anyExchange()
	regex    bool     // regexMatchers
	access   string   // permitAll, authenticated, hasRole...
	arg      string   // the access call's literal argument, if any
	matcher  string   // the matcher as written
	file     string
	line     int
	// bootDefault: no rule the app wrote, Spring Boot's own default.
	bootDefault bool
	// defaultWhy: no rule the app wrote, a framework's default, and why it
	// asks for a login.
	defaultWhy string
}

var (
	// matcherCall opens a matcher in a rule chain.
	matcherCall = regexp.MustCompile(`\b(requestMatchers|antMatchers|mvcMatchers|regexMatchers|pathMatchers|anyRequest|anyExchange)\s*\(`)
	// accessCall is the access a chain gives what its matcher matched.
	accessCall = regexp.MustCompile(`^\s*\.\s*(permitAll|authenticated|fullyAuthenticated|rememberMe|anonymous|denyAll|hasRole|hasAnyRole|hasAuthority|hasAnyAuthority|access|hasIpAddress)\s*\(`)
	// dslAuthorize is a rule of Spring Security's Kotlin DSL:
	// authorize("/a/**", hasRole("ADMIN")), authorize(anyRequest, authenticated).
	dslAuthorize = regexp.MustCompile(`\bauthorize\s*\(`)
	httpMethod   = regexp.MustCompile(`\bHttpMethod\.([A-Z]+)\b`)
	quoted       = regexp.MustCompile(`"((?:[^"\\\n]|\\.)*)"`)
	ident        = regexp.MustCompile(`^[A-Za-z_][\w.]*$`)
	accessWord   = regexp.MustCompile(`^(permitAll|authenticated|fullyAuthenticated|rememberMe|anonymous|denyAll|hasRole|hasAnyRole|hasAuthority|hasAnyAuthority|access|hasIpAddress)\b`)
)

// parseRules reads the request rules of one configuration method, in
// the order Spring Security tries them.
func (ix *index) parseRules(f *file, s secBody) []rule {
	text := string(lang.StripComments(lang.Java, []byte(s.text)))
	lineAt := func(i int) int { return s.line + strings.Count(text[:i], "\n") }
	var out []rule
	type found struct {
		at int
		r  rule
	}
	var all []found
	for _, loc := range matcherCall.FindAllStringSubmatchIndex(text, -1) {
		open := loc[1] - 1
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		kind := text[loc[2]:loc[3]]
		args := text[open+1 : end]
		m := accessCall.FindStringSubmatchIndex(text[end+1:])
		if m == nil {
			continue
		}
		r := rule{access: text[end+1+m[2] : end+1+m[3]], matcher: text[loc[2] : end+1], file: f.path, line: lineAt(loc[0])}
		aOpen := end + 1 + m[1] - 1
		if aEnd := lang.ClosingBracket(text, aOpen); aEnd > aOpen {
			r.arg = ix.argText(f, text[aOpen+1:aEnd])
		}
		if kind == "anyRequest" || kind == "anyExchange" {
			r.any = true
		} else {
			r.regex = kind == "regexMatchers"
			ix.matcherArgs(f, &r, args)
			if len(r.patterns) == 0 && r.method == "" {
				continue
			}
		}
		all = append(all, found{loc[0], r})
	}
	for _, loc := range dslAuthorize.FindAllStringIndex(text, -1) {
		open := loc[1] - 1
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		parts := lang.SplitTopLevel(text[open+1 : end])
		if len(parts) < 2 {
			continue
		}
		last := strings.TrimSpace(parts[len(parts)-1])
		m := accessWord.FindString(last)
		if m == "" {
			continue
		}
		r := rule{access: m, arg: ix.dslArg(f, last), matcher: "authorize" + text[open:end+1], file: f.path, line: lineAt(loc[0])}
		matchers := strings.Join(parts[:len(parts)-1], ",")
		if strings.TrimSpace(matchers) == "anyRequest" || strings.TrimSpace(matchers) == "anyExchange" {
			r.any = true
		} else {
			ix.matcherArgs(f, &r, matchers)
			if len(r.patterns) == 0 && r.method == "" {
				continue
			}
		}
		all = append(all, found{loc[0], r})
	}
	// Chains and DSL calls read in the order they are written.
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && all[j].at < all[j-1].at; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	for _, a := range all {
		out = append(out, a.r)
	}
	return out
}

// matcherArgs reads a matcher's arguments: an HTTP method, literal
// patterns and constants that hold them.
func (ix *index) matcherArgs(f *file, r *rule, args string) {
	if m := httpMethod.FindStringSubmatch(args); m != nil {
		r.method = m[1]
	}
	for _, m := range quoted.FindAllStringSubmatch(args, -1) {
		r.patterns = append(r.patterns, m[1])
	}
	for _, p := range lang.SplitTopLevel(args) {
		p = strings.TrimSpace(p)
		if !ident.MatchString(p) || strings.HasPrefix(p, "HttpMethod.") {
			continue
		}
		if ss, ok := ix.eval(f, "", &val{kind: 'r', s: p}, 0); ok {
			r.patterns = append(r.patterns, ss...)
		}
	}
}

// argText is an access call's argument: its first literal, else the
// value of the constant it names (hasAuthority(AuthoritiesConstants.ADMIN),
// where ADMIN = "ROLE_ADMIN"), read as the tree's constants give it.
func (ix *index) argText(f *file, s string) string {
	if lit := firstLiteral(s); lit != "" {
		return lit
	}
	first, _, _ := strings.Cut(strings.TrimSpace(s), ",")
	first = strings.TrimSpace(first)
	if !ident.MatchString(first) {
		return ""
	}
	if ss, ok := ix.eval(f, "", &val{kind: 'r', s: first}, 0); ok && len(ss) > 0 {
		return ss[0]
	}
	return ""
}

// dslArg is the argument of a Kotlin DSL access word (hasRole("ADMIN"),
// hasAuthority(Roles.ADMIN)), or its first literal.
func (ix *index) dslArg(f *file, last string) string {
	if open := strings.IndexByte(last, '('); open >= 0 {
		if end := lang.ClosingBracket(last, open); end > open {
			return ix.argText(f, last[open+1:end])
		}
	}
	return firstLiteral(last)
}

func firstLiteral(s string) string {
	if m := quoted.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// chain is one security filter chain: the requests its matcher takes
// (every request when it has none) and its rules.
type chain struct {
	patterns []string
	regex    bool
	order    int
	rules    []rule
	// module is the build module whose code configures the chain.
	module string
}

// takes says the chain's matcher takes a request to p.
func (c *chain) takes(p string) bool {
	if len(c.patterns) == 0 {
		return true
	}
	return matchAny(c.patterns, c.regex, p)
}

func matchAny(patterns []string, regex bool, p string) bool {
	for _, pat := range patterns {
		if regex {
			if re, err := regexp.Compile("^(?:" + pat + ")$"); err == nil && re.MatchString(p) {
				return true
			}
			continue
		}
		if antMatch(pat, p) {
			return true
		}
	}
	return false
}

// urlRule is the rule that decides a request to path with method, in
// the app of build module module: the first chain that takes it, then
// that chain's first matching rule. Another chain's rules never apply,
// whatever they say.
func (ix *index) urlRule(method, p, module string) *rule {
	for i := range ix.chains {
		c := &ix.chains[i]
		if !ix.sameApp(c.module, module) || !c.takes(p) {
			continue
		}
		for j := range c.rules {
			r := &c.rules[j]
			if r.method != "" && r.method != method {
				continue
			}
			if r.any || matchAny(r.patterns, r.regex, p) {
				return r
			}
		}
		return nil
	}
	return nil
}

var (
	// chainMatcher picks the requests a whole filter chain handles:
	// http.antMatcher("/api/**"), securityMatcher("/api/**"),
	// requestMatcher(new AntPathRequestMatcher("/api/**")).
	chainMatcher = regexp.MustCompile(`\b(antMatcher|mvcMatcher|regexMatcher|securityMatcher|requestMatcher|securityMatchers)\s*\(`)
	// oldChainMatchers is Spring Security 5's requestMatchers() that
	// opens a list of the chain's matchers (requestMatchers().antMatchers("/a", "/b")),
	// or takes them in a lambda (requestMatchers(m -> m.antMatchers("/a"))).
	oldChainMatchers = regexp.MustCompile(`\brequestMatchers\s*\(\s*(\)|\w+\s*->)`)
	orderArg         = regexp.MustCompile(`\(\s*(?:value\s*=\s*)?(-?\d+)\s*\)`)
)

// sameApp says code of build module a runs in the app of module b. Two
// modules that each hold a @SpringBootApplication are two programs (the
// services of a repository of microservices): one's security chain never
// guards the other's routes. A module with no application class of its
// own is a library some app includes, so its chains may be anyone's.
func (ix *index) sameApp(a, b string) bool {
	return a == b || !ix.bootApps[a] || !ix.bootApps[b]
}

// chainOf reads one configuration method as a filter chain.
func (ix *index) chainOf(f *file, s secBody) chain {
	c := chain{order: s.order, rules: ix.parseRules(f, s), module: moduleRoot(f.path)}
	text := string(lang.StripComments(lang.Java, []byte(s.text)))
	// A matcher built inside a rule's matcher (requestMatchers(antMatcher("/h2/**")))
	// picks that rule's requests, not the chain's.
	var inRule [][2]int
	for _, loc := range matcherCall.FindAllStringIndex(text, -1) {
		if end := lang.ClosingBracket(text, loc[1]-1); end > 0 {
			inRule = append(inRule, [2]int{loc[1], end})
		}
	}
	nested := func(at int) bool {
		return slices.ContainsFunc(inRule, func(sp [2]int) bool { return at >= sp[0] && at < sp[1] })
	}
	for _, loc := range chainMatcher.FindAllStringSubmatchIndex(text, -1) {
		if nested(loc[0]) {
			continue
		}
		open := loc[1] - 1
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		var r rule
		ix.matcherArgs(f, &r, text[open+1:end])
		c.patterns = append(c.patterns, r.patterns...)
		c.regex = c.regex || text[loc[2]:loc[3]] == "regexMatcher"
	}
	for _, loc := range oldChainMatchers.FindAllStringSubmatchIndex(text, -1) {
		open := strings.IndexByte(text[loc[0]:], '(') + loc[0]
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		list := text[open+1 : end]
		if text[loc[2]:loc[3]] == ")" {
			// The chained matchers run to the configurer's and().
			list = text[end+1:]
			if i := strings.Index(list, ".and()"); i >= 0 {
				list = list[:i]
			}
		}
		var r rule
		ix.matcherArgs(f, &r, list)
		c.patterns = append(c.patterns, r.patterns...)
	}
	c.rules = append(permittedPages(f, text, s.line), c.rules...)
	return c
}

var (
	formLogin     = regexp.MustCompile(`\b(formLogin|logout)\s*\(`)
	permitAllCall = regexp.MustCompile(`\.\s*permitAll\s*\(`)
	pageCall      = regexp.MustCompile(`\.\s*(loginPage|loginProcessingUrl|failureUrl|logoutUrl|logoutSuccessUrl)\s*\(\s*"([^"]*)"`)
)

// permittedPages are the login and logout pages a formLogin() or
// logout() configurer opens with its own permitAll(): Spring puts them
// before every rule the app wrote.
func permittedPages(f *file, text string, line int) []rule {
	var out []rule
	for _, loc := range formLogin.FindAllStringSubmatchIndex(text, -1) {
		open := loc[1] - 1
		end := lang.ClosingBracket(text, open)
		if end < 0 {
			continue
		}
		// The configurer: its lambda, or the calls chained to its and().
		seg := text[open+1 : end]
		if strings.TrimSpace(seg) == "" {
			seg = text[end+1:]
			if i := strings.Index(seg, ".and()"); i >= 0 {
				seg = seg[:i]
			}
		}
		if !permitAllCall.MatchString(seg) {
			continue
		}
		pages := map[string]string{}
		for _, m := range pageCall.FindAllStringSubmatch(seg, -1) {
			pages[m[1]] = m[2]
		}
		var pats []string
		if text[loc[2]:loc[3]] == "formLogin" {
			login := cmp.Or(pages["loginPage"], "/login")
			pats = append(pats, login, cmp.Or(pages["loginProcessingUrl"], login), cmp.Or(pages["failureUrl"], login+"?error"))
		} else {
			pats = append(pats, cmp.Or(pages["logoutUrl"], "/logout"), cmp.Or(pages["logoutSuccessUrl"], "/login?logout"))
		}
		var keep []string
		for _, p := range pats {
			// The permit is for the page's path; a query is not part of it.
			p, _, _ = strings.Cut(p, "?")
			if p != "" && !slices.Contains(keep, p) {
				keep = append(keep, p)
			}
		}
		at := line + strings.Count(text[:loc[0]], "\n")
		out = append(out, rule{patterns: keep, access: "permitAll", matcher: text[loc[2]:loc[3]] + "()", file: f.path, line: at})
	}
	return out
}

// chainOrder is a filter chain's @Order, from its @Bean method or its
// configuration class; a WebSecurityConfigurerAdapter without one has
// the adapter's own 100, a bean the lowest precedence.
func chainOrder(anns []annot, c *class) int {
	a := hasAnn(anns, "Order")
	if a == nil && c != nil {
		a = hasAnn(c.anns, "Order")
	}
	if a != nil {
		if m := orderArg.FindStringSubmatch(a.text); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil {
				return n
			}
		}
		switch {
		case strings.Contains(a.text, "HIGHEST_PRECEDENCE"):
			return math.MinInt32
		case strings.Contains(a.text, "LOWEST_PRECEDENCE"):
			return math.MaxInt32
		}
	}
	if c != nil && slices.Contains(c.supers, "WebSecurityConfigurerAdapter") {
		return 100
	}
	return math.MaxInt32
}

// antMatch says an Ant-style pattern (/api/**, /users/*, /files/{id})
// matches a route's path; a path parameter is matched by a wildcard or
// a variable, never by a literal segment.
func antMatch(pattern, p string) bool {
	pattern = strings.TrimSpace(pattern)
	if pattern == "/**" || pattern == "**" {
		return true
	}
	ps := segments(pattern)
	ss := segments(p)
	return matchSegs(ps, ss)
}

func segments(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func matchSegs(ps, ss []string) bool {
	if len(ps) == 0 {
		return len(ss) == 0
	}
	if ps[0] == "**" || strings.HasPrefix(ps[0], "{*") {
		for i := 0; i <= len(ss); i++ {
			if matchSegs(ps[1:], ss[i:]) {
				return true
			}
		}
		return false
	}
	if len(ss) == 0 {
		return false
	}
	pat, seg := ps[0], ss[0]
	ok := false
	switch {
	case strings.HasPrefix(pat, "{") && strings.HasSuffix(pat, "}"):
		ok = true
	case strings.HasPrefix(seg, "{"):
		ok = pat == "*"
	case strings.ContainsAny(pat, "*?"):
		ok, _ = path.Match(pat, seg)
	default:
		ok = pat == seg
	}
	return ok && matchSegs(ps[1:], ss[1:])
}

// name is the rule as evidence shows it.
func (r *rule) name() string {
	s := r.matcher
	if r.bootDefault || r.defaultWhy != "" {
		return s
	}
	if !strings.HasPrefix(s, "authorize(") {
		s += "." + r.access + "()"
		if r.arg != "" {
			s = strings.TrimSuffix(s, "()") + `("` + r.arg + `")`
		}
	}
	return s
}

// guard is the rule as a guard on the routes it matches.
func (r *rule) guard() router.Guard {
	g := router.Guard{Name: r.name(), Applied: facts.Evidence{File: r.file, Line: r.line}}
	switch r.access {
	case "permitAll", "anonymous":
		g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "Spring Security lets every caller through"}
	case "denyAll":
		g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Spring Security denies every request"}
	case "hasIpAddress":
		g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "Spring Security checks the caller's address, not who they are"}
	case "access":
		if strings.TrimSpace(r.arg) == "permitAll" || strings.TrimSpace(r.arg) == "true" {
			g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "Spring Security lets every caller through"}
		} else {
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: roleIn(r.arg), Evidence: "Spring Security answers 401 unless the caller is authenticated"}
		}
	default:
		g.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: springRole(r.arg), Evidence: "Spring Security answers 401 unless the caller is authenticated"}
	}
	if r.bootDefault {
		g.Verdict.Evidence = "Spring Boot's default security asks every caller to log in when the app configures none"
	}
	if r.defaultWhy != "" {
		g.Verdict.Evidence = r.defaultWhy
	}
	return g
}

// springRole is a role or authority as threatmap names it: ROLE_ADMIN
// and ADMIN are admin.
func springRole(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "ROLE_")
	return strings.ToLower(s)
}

// roleCall is a role an expression demands; a quote may come escaped,
// as a concatenated annotation value keeps it ("hasAuthority(\\"" + X + "\\")").
var roleCall = regexp.MustCompile(`\b(?:hasRole|hasAnyRole|hasAuthority|hasAnyAuthority)\s*\(\s*\\?['"]([^'"\\]+)\\?['"]`)

// roleIn is the first role a security expression demands.
func roleIn(expr string) string {
	if m := roleCall.FindStringSubmatch(expr); m != nil {
		return springRole(m[1])
	}
	return ""
}

// methodSecurity reads a class's or method's security annotations as
// guards: Spring enforces them only where the tree turns method security
// on (@EnableMethodSecurity), JAX-RS containers enforce @RolesAllowed.
func (ix *index) methodSecurity(anns []annot, file string) []router.Guard {
	var out []router.Guard
	for _, a := range anns {
		var on bool
		var expr string
		switch a.name {
		case "PreAuthorize":
			on = ix.enabled.pre
			if v := a.arg("", "value"); v != nil {
				if ss, ok := ix.eval(&file0, "", v, 0); ok && len(ss) > 0 {
					expr = ss[0]
				}
			}
		case "Secured", "RolesAllowed":
			on = ix.enabled.secured && a.name == "Secured" || ix.enabled.jsr250 && a.name == "RolesAllowed" || a.name == "RolesAllowed" && !ix.isSpring
			if v := a.arg("", "value"); v != nil {
				if ss, ok := ix.eval(&file0, "", v, 0); ok && len(ss) > 0 {
					expr = "hasRole('" + ss[0] + "')"
				}
			}
		case "DenyAll":
			on = ix.enabled.jsr250 || !ix.isSpring
			expr = "denyAll()"
		default:
			continue
		}
		g := router.Guard{Name: "@" + a.name, Text: a.text, Applied: facts.Evidence{File: file, Line: a.line}}
		e := strings.TrimSpace(expr)
		switch {
		case !on:
			g.Verdict = router.Verdict{Auth: facts.AuthUnknown, Evidence: "@" + a.name + " is enforced only where method security is enabled, and no @EnableMethodSecurity in the tree turns it on"}
		case e == "permitAll()" || e == "permitAll" || e == "true" || e == "isAnonymous()":
			g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "lets every caller through"}
		default:
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: roleIn(e), Evidence: "Spring Security answers 401/403 unless the caller passes " + strconv.Quote(e)}
		}
		out = append(out, g)
	}
	return out
}

// file0 is an empty file for evaluating with the tree's constants only.
var file0 = file{consts: map[string]*val{}}

var addFilter = regexp.MustCompile(`\baddFilter(?:Before|After|At)?\s*\(\s*(?:new\s+)?([A-Z]\w*)`)

// addedFilters are the classes a configuration adds as filters.
func addedFilters(body string) []string {
	var out []string
	for _, m := range addFilter.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// accessArg is the expression an authorization server's endpoint access
// setter is given: tokenKeyAccess("permitAll()").
var accessArg = regexp.MustCompile(`\b(tokenKeyAccess|checkTokenAccess)\s*\(\s*"([^"]*)"`)

// authServerRoutes are the endpoints Spring Security OAuth's
// authorization server serves (@EnableAuthorizationServer) for the class
// that configures it (an AuthorizationServerConfigurerAdapter): the token
// endpoint, where clients and, with the password grant, users present
// their credentials (public by design: a login); the token key and the
// token check, open as tokenKeyAccess and checkTokenAccess say (denyAll
// when unset). They sit behind a chain of the server's own, tried before
// the app's, so the app's rules do not decide them. The token route's
// code is the clients' configuration, which says whether users' passwords
// come in there (the password grant).
func (ix *index) authServerRoutes(c *class) []pending {
	if !slices.Contains(c.supers, "AuthorizationServerConfigurerAdapter") && !slices.Contains(c.supers, "AuthorizationServerConfigurer") {
		return nil
	}
	enabled := hasAnn(c.anns, "EnableAuthorizationServer") != nil
	for _, o := range ix.files {
		for _, k := range o.classes {
			enabled = enabled || hasAnn(k.anns, "EnableAuthorizationServer") != nil && moduleRoot(k.file) == moduleRoot(c.file)
		}
	}
	if !enabled {
		return nil
	}
	var clients, security *method
	for _, m := range c.methods {
		for _, p := range m.params {
			switch lastDot(strings.TrimSpace(p.typ)) {
			case "ClientDetailsServiceConfigurer":
				clients = m
			case "AuthorizationServerSecurityConfigurer":
				security = m
			}
		}
	}
	access := map[string]string{"tokenKeyAccess": "denyAll()", "checkTokenAccess": "denyAll()"}
	line := c.line
	if security != nil {
		line = security.line
		for _, m := range accessArg.FindAllStringSubmatch(security.body, -1) {
			access[m[1]] = m[2]
		}
	}
	guard := func(name, expr string) *router.Guard {
		g := &router.Guard{Name: name, Applied: facts.Evidence{File: c.file, Line: line}}
		switch e := strings.TrimSpace(expr); e {
		case "permitAll()", "permitAll", "isAnonymous()", "true":
			g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "Spring Security OAuth's authorization server lets every caller through"}
		default:
			g.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: roleIn(e), Evidence: "Spring Security OAuth's authorization server answers 401/403 unless the caller passes " + strconv.Quote(e)}
		}
		return g
	}
	token := pending{method: "POST", path: "/oauth/token", framework: "spring", file: c.file, line: c.line, endLine: c.line,
		handler: "Spring Security OAuth token endpoint",
		own: &router.Guard{Name: "@EnableAuthorizationServer", Applied: facts.Evidence{File: c.file, Line: c.line},
			Verdict: router.Verdict{Auth: facts.AuthNone, Evidence: "the token endpoint is where callers sign in with a client's and a user's credentials: public by design"}}}
	if clients != nil {
		token.line, token.endLine, token.body = clients.line, clients.endLine, clients.body
	}
	return []pending{
		token,
		{method: "GET", path: "/oauth/token_key", framework: "spring", file: c.file, line: line, endLine: line,
			handler: "Spring Security OAuth token key endpoint", own: guard("tokenKeyAccess", access["tokenKeyAccess"])},
		{method: "POST", path: "/oauth/check_token", framework: "spring", file: c.file, line: line, endLine: line,
			handler: "Spring Security OAuth check token endpoint", own: guard("checkTokenAccess", access["checkTokenAccess"])},
	}
}
