package code

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/lang"
)

// Sign-in presets: an app that signs users in with Google through an
// auth library names no Google SDK and often no Google host; it configures
// the library's Google preset. Each library names its presets its own way,
// read here by what the code configures, and the catalogue's signin names
// say which service a preset's name stands for. A preset the code only
// mentions (a type imported for a profile's shape, an import never used, a
// provider in a comment) configures nothing; a generic one (oidc, oauth2,
// credentials) names no vendor.

// jsPresetModuleRE is a module that holds one preset, its name in the
// path: Auth.js (next-auth/providers/google, @auth/core/providers/github),
// passport strategies (passport-google-oauth20) and remix-auth's.
var jsPresetModuleRE = regexp.MustCompile(`^(?:next-auth/providers/|@auth/[\w-]+/providers/|passport-|remix-auth-)([\w-]+)$`)

// presetSuffixRE is what a package adds to the provider's name: a
// protocol (passport-google-oauth20, passport-linkedin-oauth2), a
// fork's mark (passport-twitch-new), a major version (passport-github2)
// or OpenID Connect (Supabase's linkedin_oidc).
var presetSuffixRE = regexp.MustCompile(`(?:[-_]oauth\d*|[-_]oidc|[-_]new|[-_]strategy|\d+)$`)

// presetService is the service a preset's name stands for, once the
// library's suffixes are off.
func presetService(name string) *catalog.Service {
	if s := catalog.ForSignIn(name); s != nil {
		return s
	}
	if trimmed := presetSuffixRE.ReplaceAllString(name, ""); trimmed != name && trimmed != "" {
		return presetService(trimmed)
	}
	return nil
}

var (
	// pyPresetRE: django-allauth's provider apps, python-social-auth's
	// backends (named in AUTHENTICATION_BACKENDS or imported),
	// fastapi-sso's, Flask-Dance's and httpx-oauth's (fastapi-users')
	// provider modules.
	pyPresetRE = regexp.MustCompile(`^(?:allauth\.socialaccount\.providers|social_core\.backends|social\.backends|fastapi_sso\.sso|flask_dance\.contrib|httpx_oauth\.clients)\.(\w+)`)
	// pyBackendRE is a python-social-auth backend named as a string.
	pyBackendRE = regexp.MustCompile(`['"](social_core\.backends\.\w+)\.\w+['"]`)
	// authlibRegisterRE is Authlib's client registry: oauth.register("google", ...).
	authlibRegisterRE = regexp.MustCompile(`\.register\(\s*(?:name\s*=\s*)?['"](\w+)['"]`)
	// goPresetRE: goth's providers and golang.org/x/oauth2's endpoint
	// packages.
	goPresetRE = regexp.MustCompile(`^(?:github\.com/markbates/goth/providers|golang\.org/x/oauth2)/(\w+)`)
	// goEndpointsRE is a provider's endpoint picked from
	// golang.org/x/oauth2/endpoints (endpoints.GitHub).
	goEndpointsRE = regexp.MustCompile(`\bendpoints\.(\w+)\b`)
	// goPkgzRE: go-pkgz/auth adds presets by name
	// (AddProvider("github", ...)) or by a method of their own
	// (AddMicrosoftProvider).
	goPkgzRE = regexp.MustCompile(`\.Add(?:Provider\(\s*"(\w+)"|(\w+)Provider\()`)
	// oauthSignInRE is Supabase Auth's sign-in (and identity linking)
	// with an OAuth provider.
	oauthSignInRE = regexp.MustCompile(`\.auth\.(?:signInWithOAuth|linkIdentity)\(|\bsignInWithOAuth\(\s*\{`)
	// quotedWordRE is a string literal that is one lower-case word.
	quotedWordRE = regexp.MustCompile(`["'\x60]([a-z][a-z0-9_-]{1,30})["'\x60]`)
	// customProviderRE is an Auth.js provider the app writes itself: an
	// object with the provider's id and an OAuth or OIDC type
	// ({ id: "jumpcloud", name: "JumpCloud", type: "oauth", ... }). Its id
	// names the vendor as a preset's module would.
	customProviderRE = regexp.MustCompile(`\bid\s*:\s*["'](\w[\w-]*)["']\s*,[^{}]{0,200}?\btype\s*:\s*["'](?:oauth|oidc)["']`)
	// socialiteRE is a Laravel Socialite provider picked by name.
	socialiteRE = regexp.MustCompile(`\bSocialite::(?:driver|with|buildProvider)\(\s*['"]([\w-]+)['"]`)
	// omniauthRE is an OmniAuth strategy named in its builder or Devise's.
	omniauthRE = regexp.MustCompile(`(?m)^[ \t]*(?:provider|config\.omniauth)[ \t(]+:(\w+)`)
	// socialProvidersRE opens better-auth's map of presets by name.
	socialProvidersRE = regexp.MustCompile(`\bsocialProviders\s*:\s*\{`)
	// csAuthAddRE is a method added to an ASP.NET Core authentication
	// builder: AddGoogle(...), AddMicrosoftAccount<T>(...). Whether its
	// receiver is the builder is decided by csAuthBuilderChain.
	csAuthAddRE = regexp.MustCompile(`\.\s*Add(\w+)\s*(?:<[^<>;]*>)?\s*\(`)
)

// signInUses lists the services a file signs users in with through a
// sign-in library's preset (see above), from its stripped source and its
// imports.
func signInUses(l lang.Lang, stripped []byte, imports []Import) []Use {
	var out []Use
	add := func(name string, line int) {
		if s := presetService(name); s != nil {
			out = append(out, Use{Service: s, Line: line})
		}
	}
	switch l.Family() {
	case lang.JavaScript:
		lines := NewLines(stripped)
		for _, im := range imports {
			m := jsPresetModuleRE.FindStringSubmatch(im.Module)
			arctic := im.Module == "arctic"
			if m == nil && !arctic && !strings.HasPrefix(im.Module, "better-auth") {
				continue
			}
			if strings.HasPrefix(im.Module, "better-auth") {
				for _, k := range socialProviders(stripped) {
					add(k.name, lines.At(k.off))
				}
				continue
			}
			for _, b := range importBindings(stripped, im) {
				if !usedAsValue(stripped, b.local, b.end) {
					continue
				}
				if arctic {
					add(b.imported, im.Line) // arctic's classes are its presets: new Google(...)
				} else {
					add(m[1], im.Line)
				}
			}
		}
		if importsPrefix(imports, "next-auth") || importsPrefix(imports, "@auth") {
			for _, m := range customProviderRE.FindAllSubmatchIndex(stripped, -1) {
				add(string(stripped[m[2]:m[3]]), lines.At(m[0]))
			}
		}
		// Supabase Auth signs in with a provider named as a string:
		// signInWithOAuth({ provider: "github" }), or a provider the page
		// picks from the names the file lists ("google" | "apple").
		if oauthSignInRE.Match(stripped) {
			for _, m := range quotedWordRE.FindAllSubmatchIndex(stripped, -1) {
				if s := presetService(string(stripped[m[2]:m[3]])); s != nil && s.Category == "auth" {
					out = append(out, Use{Service: s, Line: lines.At(m[0])})
				}
			}
		}
	case lang.Python:
		for _, im := range imports {
			if m := pyPresetRE.FindStringSubmatch(im.Module); m != nil {
				add(m[1], im.Line)
			}
		}
		if bytes.Contains(stripped, []byte("social_core.backends.")) {
			for _, m := range pyBackendRE.FindAllSubmatchIndex(stripped, -1) {
				if pm := pyPresetRE.FindSubmatch(stripped[m[2]:m[3]]); pm != nil {
					add(string(pm[1]), LineAt(stripped, m[2]))
				}
			}
		}
		if importsPrefix(imports, "authlib") {
			for _, m := range authlibRegisterRE.FindAllSubmatchIndex(stripped, -1) {
				add(string(stripped[m[2]:m[3]]), LineAt(stripped, m[0]))
			}
		}
	case lang.PHP:
		// Laravel Socialite: Socialite::driver('github') signs in with GitHub.
		if bytes.Contains(stripped, []byte("Socialite::")) {
			for _, m := range socialiteRE.FindAllSubmatchIndex(stripped, -1) {
				add(string(stripped[m[2]:m[3]]), LineAt(stripped, m[0]))
			}
		}
	case lang.Ruby:
		// OmniAuth's builder (provider :github, ...) and Devise's
		// config.omniauth :google_oauth2, ...
		if bytes.Contains(stripped, []byte("omniauth")) || bytes.Contains(stripped, []byte("OmniAuth")) {
			for _, m := range omniauthRE.FindAllSubmatchIndex(stripped, -1) {
				add(string(stripped[m[2]:m[3]]), LineAt(stripped, m[0]))
			}
		}
	case lang.CSharp:
		// ASP.NET Core's authentication builder adds a vendor's handler by
		// a method named after it (services.AddAuthentication().AddGoogle(o
		// => ...), AspNet.Security.OAuth's AddGitHub): a sign-in with that
		// vendor. The method counts only on the builder: a call chained to
		// AddAuthentication(...) or made on a variable or parameter typed
		// AuthenticationBuilder; AddGoogle on anything else is the app's own.
		if bytes.Contains(stripped, []byte("Authentication")) {
			for _, m := range csAuthAddRE.FindAllSubmatchIndex(stripped, -1) {
				if csAuthBuilderChain(stripped, m[0]) {
					add(string(stripped[m[2]:m[3]]), LineAt(stripped, m[0]))
				}
			}
		}
	case lang.Go:
		for _, im := range imports {
			m := goPresetRE.FindStringSubmatch(im.Module)
			switch {
			case m != nil && m[1] == "endpoints":
				for _, e := range goEndpointsRE.FindAllSubmatchIndex(stripped, -1) {
					add(string(stripped[e[2]:e[3]]), LineAt(stripped, e[0]))
				}
			case m != nil:
				add(m[1], im.Line) // Go compiles no unused import: importing is using
			}
		}
		if importsPrefix(imports, "github.com/go-pkgz/auth") {
			for _, m := range goPkgzRE.FindAllSubmatchIndex(stripped, -1) {
				name := m[2:4]
				if name[0] < 0 {
					name = m[4:6]
				}
				add(string(stripped[name[0]:name[1]]), LineAt(stripped, m[0]))
			}
		}
	}
	return out
}

// csAuthBuilderChain reports whether the call whose '.' is at dot is made
// on ASP.NET Core's authentication builder: walking back over the chain
// of calls before it (.AddCookie(...).AddGoogle) reaches
// AddAuthentication(...), or a name the file declares as an
// AuthenticationBuilder (this AuthenticationBuilder builder).
func csAuthBuilderChain(src []byte, dot int) bool {
	i := skipSpaceBack(src, dot-1)
	for i >= 0 {
		if src[i] == ')' {
			open := matchOpenBack(src, i)
			if open < 0 {
				return false
			}
			j := skipSpaceBack(src, open-1)
			if j >= 0 && src[j] == '>' { // a generic method: AddAuthentication<T>()
				if k := bytes.LastIndexByte(src[:j], '<'); k >= 0 {
					j = skipSpaceBack(src, k-1)
				}
			}
			start := identStartBack(src, j)
			if start > j {
				return false // a parenthesised expression, a cast
			}
			if string(src[start:j+1]) == "AddAuthentication" {
				return true
			}
			i = skipSpaceBack(src, start-1)
			if i < 0 || src[i] != '.' {
				return false // new X(...), a call on nothing
			}
			i = skipSpaceBack(src, i-1)
			continue
		}
		start := identStartBack(src, i)
		if start > i {
			return false
		}
		name := string(src[start : i+1])
		if k := skipSpaceBack(src, start-1); k >= 0 && src[k] == '.' {
			i = skipSpaceBack(src, k-1) // a property: builder.Services.AddAuthentication()
			continue
		}
		re, err := regexp.Compile(`\bAuthenticationBuilder\??\s+` + regexp.QuoteMeta(name) + `\b`)
		return err == nil && re.Match(src)
	}
	return false
}

// skipSpaceBack returns the last index at or before i that is no space.
func skipSpaceBack(src []byte, i int) int {
	for i >= 0 && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i--
	}
	return i
}

// identStartBack returns where the identifier ending at i starts (i+1
// when src[i] ends none).
func identStartBack(src []byte, i int) int {
	j := i
	for j >= 0 && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
		j--
	}
	return j + 1
}

// matchOpenBack returns the '(' that the ')' at i closes, or -1.
func matchOpenBack(src []byte, i int) int {
	depth := 0
	for ; i >= 0; i-- {
		switch src[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func importsPrefix(imports []Import, prefix string) bool {
	for _, im := range imports {
		if im.Module == prefix || strings.HasPrefix(im.Module, prefix+"/") || strings.HasPrefix(im.Module, prefix+".") {
			return true
		}
	}
	return false
}

// binding is a name an import statement binds: local in the file, and
// the name the module exports it under.
type binding struct {
	local, imported string
	end             int // where the statement ends: uses are looked for after it
}

var (
	// jsImportStmtRE is an import or require statement up to its module,
	// across lines: import X, { A as B, type C } from "m", or
	// const { Strategy } = require("m").
	jsImportStmtRE = regexp.MustCompile(`(?s)\b(?:import\s+(type\s+)?([^;'"]*?)\s+from|(?:const|let|var)\s+([^;=]+?)\s*=\s*require\s*\()\s*['"]([^'"\n]+)['"]`)
	identRE        = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)
)

// importBindings are the value names the statements importing im.Module
// bind. A type-only import (import type, { type X }) binds none: it
// shapes a profile, and configures nothing.
func importBindings(src []byte, im Import) []binding {
	var out []binding
	for _, m := range jsImportStmtRE.FindAllSubmatchIndex(src, -1) {
		if string(src[m[8]:m[9]]) != im.Module || m[2] >= 0 {
			continue
		}
		clause := m[4:6]
		if clause[0] < 0 {
			clause = m[6:8]
		}
		text := strings.TrimSpace(string(src[clause[0]:clause[1]]))
		end := m[1]
		var named string
		if i := strings.IndexByte(text, '{'); i >= 0 {
			named = text[i+1:]
			if j := strings.IndexByte(named, '}'); j >= 0 {
				named = named[:j]
			}
			text = text[:i]
		}
		// The default or namespace binding: X, or * as X.
		for _, part := range strings.Split(text, ",") {
			part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "* as "))
			if identRE.MatchString(part) {
				out = append(out, binding{local: part, imported: part, end: end})
			}
		}
		for _, part := range strings.Split(named, ",") {
			f := strings.Fields(strings.ReplaceAll(part, ":", " as ")) // require's { A: B }
			if len(f) == 0 || f[0] == "type" {
				continue
			}
			b := binding{local: f[0], imported: f[0], end: end}
			if len(f) == 3 && f[1] == "as" {
				b.local = f[2]
			}
			if identRE.MatchString(b.local) {
				out = append(out, b)
			}
		}
	}
	return out
}

// usedAsValue reports whether name is used as a value after from: called
// (Google(...)), constructed (new GoogleStrategy(...)), or passed in a
// list or as an argument (providers: [Google], PassportStrategy(Strategy)).
// A type annotation (profile: GoogleProfile) is not a use.
func usedAsValue(src []byte, name string, from int) bool {
	if callAt(src, name, from) >= 0 {
		return true
	}
	re, err := regexp.Compile(`[(\[,]\s*` + regexp.QuoteMeta(name) + `\s*[,)\]]`)
	if err != nil || from > len(src) {
		return false
	}
	return re.Match(src[from:])
}

// presetKey is one key of better-auth's socialProviders map.
type presetKey struct {
	name string
	off  int
}

// socialProviders lists the top-level keys of each socialProviders: {...}
// map in src (google: {...}, "microsoft": ..., or a shorthand github).
func socialProviders(src []byte) []presetKey {
	var out []presetKey
	for _, m := range socialProvidersRE.FindAllIndex(src, -1) {
		depth, expectKey := 1, true
		for i := m[1]; i < len(src) && depth > 0; i++ {
			c := src[i]
			switch {
			case isQuote(c):
				j := lang.SkipString(src, i)
				if depth == 1 && expectKey {
					out = append(out, presetKey{string(src[i+1 : max(i+1, j-1)]), i})
					expectKey = false
				}
				i = j - 1
			case c == '{' || c == '[' || c == '(':
				depth++
			case c == '}' || c == ']' || c == ')':
				depth--
			case c == ',' && depth == 1:
				expectKey = true
			case depth == 1 && expectKey && (c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
				j := i
				for j < len(src) && (src[j] == '_' || src[j] == '$' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
					j++
				}
				out = append(out, presetKey{string(src[i:j]), i})
				expectKey = false
				i = j - 1
			}
		}
	}
	return out
}
