// Package credential finds every environment variable and config key the
// code reads (os.Getenv, os.environ, process.env, import.meta.env, Ruby's
// ENV, PHP's env() and getenv(),
// pydantic settings, django-environ, configparser, .env.example keys), classes each as
// a secret or not by its name, and ties it to the service it unlocks.
// Each secret is also a credentials asset. Values are never read: an
// .env.example contributes its keys only.
package credential

import (
	"bytes"
	"context"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// Detector is the credential detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "asset/credential" }

// Match implements detector.Detector: source files and env templates,
// never tests (what a test reads is not what the product needs).
func (*Detector) Match(p string) bool {
	if IsEnvTemplate(p) {
		return true
	}
	l := lang.Of(p)
	return (code.Reads(l) || l.Family() == lang.Ruby || l.Family() == lang.PHP) && !lang.IsTest(p)
}

// Keywords implements detector.Keyworded.
func (*Detector) Keywords() []string { return Keywords }

// Exempt implements detector.PrefilterExempt: every line of an env
// template is a setting, whatever its name holds.
func (*Detector) Exempt(p string) bool { return IsEnvTemplate(p) }

// Keywords are the prefilter for Reads, shared by the detectors that call it
// (every read names "env" or "Env"; settings classes and decouple do
// not), plus the words an env template's keys nearly always hold.
var Keywords = []string{"env", "Env", "BaseSettings", "decouple", "ConfigParser(", "KEY", "SECRET", "TOKEN", "PASSWORD", "_URL", "credentials", "ENV", "$_SERVER"}

// Detect implements detector.Detector.
func (*Detector) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	for _, r := range ReadsOf(f) {
		secret := r.Secret()
		svc := ""
		if s := ServiceOf(r.Name, secret); s != nil {
			svc = s.ID
		}
		ev := []facts.Evidence{{File: f.Path, Line: r.Line}}
		out.AddCredential(facts.Credential{Name: r.Name, Secret: secret, Service: svc, Evidence: ev})
		if secret {
			out.AddAsset(facts.Asset{Kind: "credentials", Name: AssetName(r.Name), Evidence: ev})
		}
	}
	return nil
}

// Read is one place the code reads a variable, and the role the code
// gives the value there.
type Read struct {
	Name string
	Line int
	Role Role
}

// IsEnvTemplate reports whether a file lists the variables a deployment
// sets (.env.example, .env.sample, .env.template, example.env, ...).
func IsEnvTemplate(p string) bool {
	base := strings.ToLower(path.Base(p))
	if !strings.HasPrefix(base, ".env") && !strings.HasSuffix(base, ".env") && !strings.Contains(base, ".env.") {
		return false
	}
	for _, w := range []string{"example", "sample", "template", "dist", "defaults"} {
		if strings.Contains(base, w) {
			return true
		}
	}
	return false
}

var (
	envKeyRE = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=`)

	goReadRE = regexp.MustCompile(`\bos\.(?:Getenv|LookupEnv)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)`)
	goTagRE  = regexp.MustCompile(`\b(?:env|envconfig):"([A-Za-z_][A-Za-z0-9_]*)`)

	pyReadRE = regexp.MustCompile(`\b(?:os\.environ\s*\[\s*['"](\w+)['"]\s*\]|(?:os\.)?environ\.(?:get|setdefault|pop)\(\s*['"](\w+)['"]|(?:os\.)?getenv\(\s*['"](\w+)['"])`)
	// django-environ (env("X"), env.str("X")) and python-decouple
	// (config("X")): bare names, so only in files that import them.
	pyEnvironRE  = regexp.MustCompile(`\benv(?:\.(?:str|bool|int|float|list|tuple|dict|json|url|db|db_url|cache|cache_url|email|email_url|path))?\(\s*['"](\w+)['"]`)
	pyDecoupleRE = regexp.MustCompile(`\bconfig\(\s*['"](\w+)['"]`)

	jsReadRE        = regexp.MustCompile("\\b(?:process\\.env|import\\.meta\\.env|Bun\\.env)(?:\\.([A-Za-z_$][\\w$]*)|\\[\\s*['\"`]([A-Za-z_][\\w]*)['\"`]\\s*\\])|\\bDeno\\.env\\.get\\(\\s*['\"]([A-Za-z_]\\w*)['\"]")
	jsDestructureRE = regexp.MustCompile(`\b(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env)\b`)
	// nestConfigRE is NestJS's ConfigService read by a variable's name
	// (configService.get<string>('OPENAI_API_KEY'), config.getOrThrow("X")):
	// only in files that import @nestjs/config, and only an upper-case
	// name (config.get('mail') reads a namespace, not a variable).
	nestConfigRE = regexp.MustCompile(`\.(?:get|getOrThrow)\s*(?:<[^<>()]*>)?\(\s*['"]([A-Z][A-Z0-9_]*)['"]`)
	// schemaEnvRE is a configuration schema's variable (convict, figue:
	// { doc: '...', format: String, default: '', env: 'S3_BUCKET' }): an
	// upper-case name under an env key, only in a file whose entries give
	// a default, a schema or a format beside it.
	schemaEnvRE = regexp.MustCompile(`\benv\s*:\s*['"]([A-Z][A-Z0-9_]*)['"]`)

	// rbEnvRE is Ruby's ENV["X"], ENV['X'] and ENV.fetch("X"[, default]).
	rbEnvRE = regexp.MustCompile(`\bENV(?:\s*\[\s*['"]([A-Za-z_]\w*)['"]\s*\]|\.fetch\(\s*['"]([A-Za-z_]\w*)['"])`)
	// phpEnvRE is PHP's env('X'[, default]) (Laravel's helper),
	// getenv('X') and Env::get('X').
	phpEnvRE = regexp.MustCompile(`\b(?:(?:get)?env|Env::get)\(\s*['"]([A-Za-z_]\w*)['"]`)
	// phpSuperRE is $_ENV['X'] and $_SERVER['X'] (the latter also holds
	// the request's CGI variables: cgiVars).
	phpSuperRE = regexp.MustCompile(`\$_(?:ENV|SERVER)\[\s*['"]([A-Za-z_]\w*)['"]\s*\]`)
)

// builtins are variables the platform sets, not the operator: reading
// them is not a configuration choice.
var builtins = map[string]bool{"NODE_ENV": true, "MODE": true, "DEV": true, "PROD": true, "SSR": true, "BASE_URL": true}

// cgiVar reports whether a name is one the web server sets per request
// (RFC 3875's meta-variables, a header as HTTP_*, PHP's own): PHP's
// $_SERVER holds them beside the environment, and they configure nothing.
func cgiVar(name string) bool {
	for _, p := range []string{"HTTP_", "REQUEST_", "SERVER_", "REMOTE_", "SCRIPT_", "PHP_", "PATH_", "CONTENT_", "GATEWAY_", "AUTH_", "ORIG_"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	switch name {
	case "HTTPS", "QUERY_STRING", "DOCUMENT_ROOT", "DOCUMENT_URI", "argv", "argc", "PHP_SELF", "REDIRECT_URL", "REDIRECT_STATUS":
		return true
	}
	return false
}

// readsKey is the memo key of a file's reads.
type readsKey struct{}

// ReadsOf is Reads of f, computed once per file and shared by the
// detectors that need it (credentials, stores, third parties). The slice
// is shared: callers must not modify it.
func ReadsOf(f *detector.File) []Read {
	return detector.Memo(f, readsKey{}, func() []Read { return Reads(f.Path, f.Data) })
}

// Reads lists the variables a file reads, in order of appearance.
func Reads(p string, data []byte) []Read {
	var out []Read
	// start is where the read expression begins, for its role.
	start, end := -1, -1
	add := func(name string, src []byte, off int) {
		if name == "" || builtins[name] {
			return
		}
		out = append(out, Read{Name: name, Line: code.LineAt(src, off), Role: readRole(src, start, end)})
	}
	if IsEnvTemplate(p) {
		for _, m := range envKeyRE.FindAllSubmatchIndex(data, -1) {
			add(string(data[m[2]:m[3]]), data, m[2])
		}
		return out
	}
	l := lang.Of(p)
	// Stripping and the string spans cost more than the search for the
	// calls: a file with none of its language's reads is done here.
	// Strip only blanks, so it cannot make a needle the data lacks.
	if !containsAny(data, readNeedles[l.Family()]) {
		return nil
	}
	src := lang.StripComments(l, data)
	text := string(src)
	var quoted []code.Span
	if l != lang.Go { // Go struct tags are strings by design
		quoted = code.StringSpans(l, src)
	}
	// skip, when set, rejects a match by where it starts.
	var skip func(start int) bool
	addAll := func(g func() *regexgate.Gate, needles ...string) {
		if !containsAny(src, needles) {
			return // every match holds one of the needles
		}
		// The gate runs the pattern only where a match can begin.
		for _, m := range g().FindAllStringSubmatchIndex(text, "", -1) {
			if code.InSpans(quoted, m[0]) {
				continue // a read quoted in a message, not made
			}
			if skip != nil && skip(m[0]) {
				continue
			}
			start, end = m[0], m[1]
			for k := 2; k < len(m); k += 2 {
				if m[k] >= 0 {
					add(text[m[k]:m[k+1]], src, m[k])
				}
			}
		}
	}
	switch l.Family() {
	case lang.Go:
		addAll(goReadGate, "os.Getenv", "os.LookupEnv")
		addAll(goTagGate, `env:"`, `envconfig:"`)
	case lang.Python:
		// A bare environ is the process environment only when imported
		// from os; otherwise it is a WSGI or ASGI request's environ
		// (environ.get("HTTP_COOKIE") reads a request header).
		if !hasImport(l, src, "os.environ") {
			skip = func(start int) bool {
				return strings.HasPrefix(text[start:], "environ") && (start == 0 || text[start-1] != '.')
			}
		}
		addAll(pyReadGate, "environ", "getenv")
		skip = nil
		if containsAny(src, []string{"environ"}) && hasImport(l, src, "environ") {
			addAll(pyEnvironGate, "env")
		}
		if containsAny(src, []string{"decouple"}) && hasImport(l, src, "decouple") {
			addAll(pyDecoupleGate, "config(")
		}
		if containsAny(src, []string{"BaseSettings"}) {
			out = append(out, settingsFields(src)...)
		}
		out = append(out, configparserReads(l, src, quoted)...)
	case lang.JavaScript:
		addAll(jsReadGate, jsReadNeedles...)
		if containsAny(src, []string{"@nestjs/config"}) && hasImport(l, src, "@nestjs/config") {
			addAll(nestConfigGate, ".get")
		}
		if containsAny(src, []string{"env:", "env :"}) && schemaKeysRE.Match(src) {
			addAll(schemaEnvGate, "env")
		}
		out = append(out, tableReads(text, src, quoted)...)
		if !containsAny(src, []string{"process.env", "import.meta.env"}) {
			break
		}
		start, end = -1, -1 // a destructured name has no call around it
		for _, m := range jsDestructureGate().FindAllStringSubmatchIndex(text, "", -1) {
			off := m[2]
			for _, part := range strings.Split(text[m[2]:m[3]], ",") {
				name := strings.TrimSpace(part)
				if i := strings.IndexAny(name, ":="); i >= 0 {
					name = strings.TrimSpace(name[:i])
				}
				if validName(name) {
					add(name, src, off+strings.Index(text[off:m[3]], name))
				}
			}
		}
	case lang.Ruby:
		// ENV is Ruby's process environment; Foo::ENV or obj.ENV is
		// some other constant or method.
		skip = func(start int) bool { return start > 0 && (text[start-1] == ':' || text[start-1] == '.') }
		addAll(rbEnvGate, "ENV")
		skip = nil
		out = append(out, rbCredentialReads(src, quoted)...)
	case lang.PHP:
		// env() and getenv() are functions: $obj->env('X') and
		// Foo::env('X') are some class's methods.
		skip = func(start int) bool {
			return start > 0 && (text[start-1] == '>' || text[start-1] == ':' || text[start-1] == '$')
		}
		addAll(phpEnvGate, "env(", "Env::get(")
		skip = func(start int) bool {
			m := phpSuperRE.FindStringSubmatch(text[start:])
			return strings.HasPrefix(m[0], "$_SERVER") && cgiVar(m[1])
		}
		addAll(phpSuperGate, "$_ENV", "$_SERVER")
		skip = nil
	}
	return out
}

var (
	// jsComputedEnvRE reads the environment by a name the code computes:
	// process.env[map.env], process.env[key].
	jsComputedEnvRE = regexp.MustCompile(`\b(?:process\.env|import\.meta\.env)\[\s*[A-Za-z_$][\w$.]*\s*\]`)
	// tableEntryRE is a call whose first argument is a variable's name:
	// map('DATASOURCE_S3_BUCKET', 'string', 'datasource.s3.bucket').
	tableEntryRE = regexp.MustCompile(`\b([A-Za-z_$][\w$]*)\(\s*['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"]\s*,`)
)

// tableReads are the names a file reads through a table of names: where
// it reads the environment by a computed name, the upper-snake names it
// hands one function as a first argument, three times or more (a
// settings table's entries), are the variables it reads.
func tableReads(text string, src []byte, quoted []code.Span) []Read {
	if !jsComputedEnvRE.MatchString(text) {
		return nil
	}
	ms := tableEntryRE.FindAllStringSubmatchIndex(text, -1)
	calls := map[string]int{}
	for _, m := range ms {
		calls[text[m[2]:m[3]]]++
	}
	var out []Read
	for _, m := range ms {
		if calls[text[m[2]:m[3]]] < 3 || code.InSpans(quoted, m[0]) {
			continue
		}
		name := text[m[4]:m[5]]
		if !builtins[name] {
			out = append(out, Read{Name: name, Line: code.LineAt(src, m[4])})
		}
	}
	return out
}

// jsReadNeedles are the literals one of which every JS read holds.
var jsReadNeedles = []string{"process.env", "import.meta.env", "Bun.env", "Deno.env.get("}

// readNeedles are, per language, the literals one of which every read
// holds (a settings class and decouple's config() do not name env).
var readNeedles = map[lang.Lang][]string{
	lang.Go:         {"os.Getenv", "os.LookupEnv", `env:"`, `envconfig:"`},
	lang.Python:     {"environ", "getenv", "decouple", "BaseSettings", "ConfigParser("},
	lang.JavaScript: append(slices.Clone(jsReadNeedles), "@nestjs/config", "env:", "env :"),
	lang.Ruby:       {"credentials", "ENV"},
	lang.PHP:        {"env(", "Env::get(", "$_ENV", "$_SERVER"},
}

// The gates are built on first use: together they cost about a
// millisecond that commands scanning nothing should not pay at start.
var (
	goReadGate        = lazyGate(goReadRE)
	goTagGate         = lazyGate(goTagRE)
	pyReadGate        = lazyGate(pyReadRE)
	pyEnvironGate     = lazyGate(pyEnvironRE)
	pyDecoupleGate    = lazyGate(pyDecoupleRE)
	jsReadGate        = lazyGate(jsReadRE)
	jsDestructureGate = lazyGate(jsDestructureRE)
	nestConfigGate    = lazyGate(nestConfigRE)
	schemaEnvGate     = lazyGate(schemaEnvRE)
	rbEnvGate         = lazyGate(rbEnvRE)
	phpEnvGate        = lazyGate(phpEnvRE)
	phpSuperGate      = lazyGate(phpSuperRE)
)

// schemaKeysRE is a configuration schema entry's other keys: a default,
// a validation schema or a format.
var schemaKeysRE = regexp.MustCompile(`\b(?:default|schema|format)\s*:`)

func lazyGate(re *regexp.Regexp) func() *regexgate.Gate {
	return sync.OnceValue(func() *regexgate.Gate { return regexgate.New(re) })
}

func containsAny(src []byte, needles []string) bool {
	for _, n := range needles {
		if bytes.Contains(src, []byte(n)) {
			return true
		}
	}
	return false
}

func validName(s string) bool {
	if s == "" || strings.HasPrefix(s, "...") {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func hasImport(l lang.Lang, src []byte, module string) bool {
	for _, im := range code.Imports(l, src) {
		if im.Module == module || strings.HasPrefix(im.Module, module+".") {
			return true
		}
	}
	return false
}

var (
	pyClassRE       = regexp.MustCompile(`(?m)^([ \t]*)class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:`)
	settingsFieldRE = regexp.MustCompile(`^([ \t]+)([A-Za-z_]\w*)[ \t]*:[ \t]*[^=\n]+?(?:=[ \t]*(.*))?$`)
	envPrefixRE     = regexp.MustCompile(`\benv_prefix\s*=\s*['"](\w*)['"]`)
	fieldAliasRE    = regexp.MustCompile(`\b(?:env|alias|validation_alias)\s*=\s*['"](\w+)['"]`)
	// fieldURLDefaultRE is a field's default that is a plain web address
	// (no user name or password in it): "https://x/y", Field("https://x/y"),
	// Field(default="https://x/y").
	fieldURLDefaultRE = regexp.MustCompile(`^(?:Field\(\s*(?:default\s*=\s*)?)?["']https?://[^"'\s@]+["']`)
)

// pyClass is one class of a Python file, as the settings reading needs
// it: its bases' names, its env_prefix and its annotated fields.
type pyClass struct {
	bases  []string
	prefix string
	fields []pyField
}

type pyField struct {
	name, alias string
	line        int
	// place: the default is a plain web address, a place the app names
	// (its own callback URL), never a secret the code could not ship.
	place bool
}

// settingsFields reads pydantic BaseSettings classes: each annotated
// field is an environment variable (upper-cased, after env_prefix, unless
// an alias names it). A settings class reads the fields of every class
// of the file it inherits too: settings are often written as plain
// BaseModel groups (one per vendor) that one BaseSettings class combines.
// A BaseModel no settings class inherits (a request body) reads nothing.
func settingsFields(src []byte) []Read {
	classes := pyClasses(src)
	settings := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for name, c := range classes {
			if settings[name] {
				continue
			}
			for _, b := range c.bases {
				if b == "BaseSettings" || settings[b] {
					settings[name], changed = true, true
					break
				}
			}
		}
	}
	var out []Read
	seen := map[Read]bool{}
	for _, name := range slices.Sorted(maps.Keys(settings)) {
		// pydantic takes env_prefix from the class's configuration,
		// inherited from the nearest base that sets one.
		prefix, set := "", false
		var walk func(n string, visited map[string]bool) []pyField
		walk = func(n string, visited map[string]bool) []pyField {
			c := classes[n]
			if c == nil || visited[n] {
				return nil
			}
			visited[n] = true
			if !set && c.prefix != "" {
				prefix, set = c.prefix, true
			}
			fields := slices.Clone(c.fields)
			for _, b := range c.bases {
				fields = append(fields, walk(b, visited)...)
			}
			return fields
		}
		for _, f := range walk(name, map[string]bool{}) {
			r := Read{Name: strings.ToUpper(prefix + f.name), Line: f.line}
			if f.place {
				r.Role = RoleSetting
			}
			if f.alias != "" {
				r.Name = strings.ToUpper(f.alias)
			}
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Read) int { return a.Line - b.Line })
	return out
}

// pyClasses are a file's classes by name (the first of a name), each
// with the fields its body annotates at its own level.
func pyClasses(src []byte) map[string]*pyClass {
	classes := map[string]*pyClass{}
	for _, m := range pyClassRE.FindAllSubmatchIndex(src, -1) {
		name := string(src[m[4]:m[5]])
		if classes[name] != nil {
			continue
		}
		c := &pyClass{}
		classes[name] = c
		if m[6] >= 0 {
			for _, b := range strings.Split(string(src[m[6]:m[7]]), ",") {
				b = strings.TrimSpace(b)
				if b == "" || strings.Contains(b, "=") {
					continue // metaclass=..., a keyword
				}
				if i := strings.IndexByte(b, '['); i >= 0 {
					b = b[:i] // Generic[T]
				}
				c.bases = append(c.bases, b[strings.LastIndexByte(b, '.')+1:])
			}
		}
		classIndent := m[3] - m[2]
		bodyStart := m[1]
		lines := strings.Split(string(src[bodyStart:]), "\n")
		firstLine := code.LineAt(src, bodyStart)
		// The body ends at the first non-blank line indented no deeper
		// than the class itself.
		var body []string
		for i, l := range lines {
			if i > 0 && strings.TrimSpace(l) != "" && code.Indent(l) <= classIndent {
				break
			}
			body = append(body, l)
		}
		if pm := envPrefixRE.FindStringSubmatch(strings.Join(body, "\n")); pm != nil {
			c.prefix = pm[1]
		}
		fieldIndent := -1
		for i, l := range body {
			if strings.TrimSpace(l) == "" {
				continue
			}
			in := code.Indent(l)
			if fieldIndent < 0 && i > 0 {
				fieldIndent = in
			}
			if in != fieldIndent {
				continue // nested class Config or a method body
			}
			fm := settingsFieldRE.FindStringSubmatch(l)
			if fm == nil || fm[2] == "model_config" || strings.HasPrefix(fm[2], "_") {
				continue
			}
			// A default may run over lines: Field(\n default="...",\n).
			def := fm[3]
			for j := i + 1; j < len(body) && j <= i+5 && strings.Count(def, "(") > strings.Count(def, ")"); j++ {
				def += " " + strings.TrimSpace(body[j])
			}
			f := pyField{name: fm[2], line: firstLine + i, place: fieldURLDefaultRE.MatchString(def)}
			if am := fieldAliasRE.FindStringSubmatch(fm[3]); am != nil {
				f.alias = am[1]
			}
			c.fields = append(c.fields, f)
		}
	}
	return classes
}
