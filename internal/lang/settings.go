package lang

import (
	"bytes"
	"iter"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A settings package holds one module per environment (settings/dev.py
// beside settings/prod.py, config/development.js beside
// config/production.js). Which of them production loads is no file's
// own to say: Tree reads it from the tree. For Django it is the code's
// word: the module DJANGO_SETTINGS_MODULE names where the server is
// configured (a Dockerfile's ENV, uwsgi.ini, a Procfile; else the
// setdefault in wsgi.py), and every module that one imports. A sibling
// settings module outside that set runs on a developer's machine or in
// the test suite. Only where nothing names the module do the names
// decide: a dev/development/local module beside a prod/production one.

// Tree gathers what deciding a file's role takes from other files. Add is
// safe to call from several goroutines; Roles is called once, after.
type Tree struct {
	mu   sync.Mutex
	refs []settingsRef
	mods map[string]*settingsMod // Python modules that assign settings or import them
	envs map[string][]string     // folder → files named for an environment (dev.py, production.json)
	// scripts are the JavaScript and TypeScript files, and entries the
	// files bundlers build for pages, each with the file that says so.
	scripts map[string]*script
	entries map[string]string
	// packages are the folders of package.json files, each with what it
	// depends on; bundled the folders of a bundler's configuration.
	packages map[string]pkgDeps
	bundled  map[string]string
	// installsJS: some Dockerfile, workflow or script installs JavaScript
	// packages (devToolRoles).
	installsJS bool
	// listening are the scripts that start a server, whatever their role.
	listening map[string]bool
	// offApp are the Python modules whose folder or name calls them a
	// script's or tooling (tools/, bin/, scripts/): app code that imports
	// one makes it app code (importedRoles).
	offApp []string
	// programs are those of offApp under a tooling folder that run as a
	// program, each with why (pyProgram).
	programs map[string]string
	// licences are the copyright holders of each folder's licence file,
	// sourced the folders with a file whose opening comment names the
	// repository it came from (that file and line), code every code file
	// added: together they find a library copied into the tree
	// (vendoredRoles).
	licences map[string][]string
	sourced  map[string]string
	code     []string
	// banners are the copyright holders code files' opening comments
	// claim, namespaces the first part of each PHP file's namespace,
	// manifests the package manifest each folder holds: more signs of a
	// copy (foreignSign).
	banners    map[string][]string
	namespaces map[string]string
	manifests  map[string]string
	// libraries are the scripts whose own banner shows them a library's
	// (vendoredLibrary), versioned the others that declare a release of
	// their own: a library's parts beside it (pluginRoles).
	libraries map[string]bool
	versioned map[string]bool
}

// settingsRef is one place that names the settings module to load.
type settingsRef struct {
	file, module string
	line         int
	// explicit: set outright (ENV, env =, os.environ[...] =), not a
	// default a server's configuration overrides (os.environ.setdefault).
	explicit bool
	use      refUse
}

type refUse uint8

const (
	useProduction refUse = iota // the served product's own configuration: a Dockerfile, a deploy manifest
	useTest                     // a test runner's configuration, or a command that runs the tests
	useCI                       // a CI workflow
	useDev                      // a developer's environment: a devcontainer, a compose override
	useOther                    // tooling (manage.py)
)

// settingsMod is what one Python module imports and assigns.
type settingsMod struct {
	imports []string // import targets as paths without extension, relative to the tree
	devOnly []string // those imported only when an environment variable says development
	assigns bool     // assigns an upper-case name at the top level (a setting)
	// sets are the settings assigned at the top level, each at its first
	// line; resets those assigned anywhere outside a development-only
	// block, each at its last line; stars are the imports of every name
	// of a module (from .base import *), each at its last line.
	sets, resets, stars map[string]int
}

// TreeWants reports whether Add needs the file at p: Python modules, and
// the files that configure a server's environment or are named for one.
func TreeWants(p string) bool {
	base := path.Base(p)
	if licenceFile(base) && !IsTest(p) {
		return true
	}
	switch Of(p) {
	case Python, YAML, Shell:
		return true
	case JavaScript, TypeScript, JSX, TSX:
		return !IsTest(p)
	case PHP:
		// A PHP file's banner and namespace say whose code its folder
		// holds (foreignSign).
		return !IsTest(p)
	case JSON:
		// app.json is a platform's deploy manifest; a devcontainer's
		// environment names the developer's settings; a package.json
		// says whether its folder is a page bundle; it and composer.json
		// that the folder is a package of its own.
		return envStem(p) != "" || base == "app.json" || strings.Contains(base, "devcontainer") || (base == "package.json" || base == "composer.json") && !IsTest(p)
	case HTML:
		return base == "index.html"
	}
	return strings.HasPrefix(base, "Dockerfile") || strings.HasSuffix(base, ".Dockerfile") || base == "Procfile" || base == "Makefile" ||
		strings.HasSuffix(base, ".ini") || strings.HasSuffix(base, ".cfg") || strings.HasSuffix(base, ".toml") ||
		strings.HasPrefix(base, ".env") || strings.HasSuffix(base, ".env") || strings.HasSuffix(base, ".conf")
}

var (
	settingsRefRe = regexp.MustCompile(`DJANGO_SETTINGS_MODULE["']?\]?\s*(?:,|=|:|\s)\s*(?:\{[^}]*?["']?value["']?\s*:\s*|["']value["']\s*:\s*)?["']?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)`)
	// settingsValueRe is the value of a variable a manifest lists by
	// name and value on lines of their own (- name: DJANGO_SETTINGS_MODULE
	// then value: ..., in Kubernetes, render.yaml, an app spec, app.json).
	settingsValueRe = regexp.MustCompile(`^-?\s*["']?value["']?\s*:\s*["']?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)`)
	// deployCmdRe sets a variable in a platform's environment: a CI
	// workflow that runs it configures production.
	deployCmdRe = regexp.MustCompile(`config:set|secrets\s+set|(?:set|update)-env-vars|kubectl\s+set\s+env`)
	// testCmdRe is a command that runs the test suite.
	testCmdRe     = regexp.MustCompile(`manage\.py["',\s]+test\b|\bpytest\b|\btox\b`)
	settingsArgRe = regexp.MustCompile(`--settings[= ]["']?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)`)
	pyFromRe      = regexp.MustCompile(`^from\s+(\.*)([\w.]*)\s+import\s+(.+)`)
	pyImportRe    = regexp.MustCompile(`^import\s+([\w.]+)`)
	pySettingRe   = regexp.MustCompile(`^[A-Z][A-Z0-9_]*\s*(?::[^=]+)?=[^=]`)
	// devCondRe is a test of an environment variable against a name for
	// development: if os.environ.get("ENV") == "development":.
	devCondRe = regexp.MustCompile(`(?:environ|getenv|env)\b.*(?:==|\bin\b)\s*[(\[]?\s*["'](?:dev|develop|development|local)["']|["'](?:dev|develop|development|local)["']\s*==.*(?:environ|getenv|env)\b`)
)

// Add reads one file.
func (t *Tree) Add(p string, src []byte) {
	var refs []settingsRef
	if bytes.Contains(src, []byte("DJANGO_SETTINGS_MODULE")) || bytes.Contains(src, []byte("--settings")) {
		refs = settingsRefs(p, src)
	}
	var mod *settingsMod
	if Of(p) == Python && !IsTest(p) {
		mod = readSettingsMod(p, src)
	}
	stem := envStem(p)
	sc, entries := readScript(p, src)
	off := Of(p) == Python && importable(RoleOf(p).Kind)
	program := ""
	// Only a folder says tooling here: a file named for its tool
	// (manage.py) is run by hand by design.
	if r, ok := roleOfDirs(p, Python); off && ok && r.Kind == Tooling && RoleOf(p).Kind == Tooling {
		program = pyProgram(src)
	}
	pk, isPkg := readPackage(p, src)
	// A command's entry that starts a server is the product's (bin/www),
	// whatever its folder says (cliUsed).
	listens := Of(p).Family() == JavaScript && !IsTest(p) && (bytes.Contains(src, []byte("listen(")) || bytes.Contains(src, []byte("createServer("))) && startsServer(Of(p), src)
	bundler := bundlerConfig(path.Base(p)) && RoleOf(p).Kind != Test
	installs := installsJS(p, src)
	var holders []string
	if licenceFile(path.Base(p)) {
		holders = licenceHolders(src)
	}
	code := (Of(p).Family() == JavaScript || Of(p) == Python || Of(p) == PHP) && !IsTest(p)
	if holders != nil || code || manifestFile(path.Base(p)) {
		t.mu.Lock()
		t.addVendorEvidence(p, src, holders, code)
		t.mu.Unlock()
	}
	if len(refs) == 0 && mod == nil && stem == "" && sc == nil && len(entries) == 0 && !off && !isPkg && !bundler && !listens && !installs {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.installsJS = t.installsJS || installs
	if listens {
		if t.listening == nil {
			t.listening = map[string]bool{}
		}
		t.listening[p] = true
	}
	if isPkg {
		if t.packages == nil {
			t.packages = map[string]pkgDeps{}
		}
		t.packages[path.Dir(p)] = pk
	}
	if bundler {
		if t.bundled == nil {
			t.bundled = map[string]string{}
		}
		t.bundled[path.Dir(p)] = p
	}
	if off {
		t.offApp = append(t.offApp, p)
		if program != "" {
			if t.programs == nil {
				t.programs = map[string]string{}
			}
			t.programs[p] = program
		}
	}
	if sc != nil {
		if t.scripts == nil {
			t.scripts = map[string]*script{}
		}
		t.scripts[p] = sc
	}
	for _, e := range entries {
		if t.entries == nil {
			t.entries = map[string]string{}
		}
		t.entries[e] = p
	}
	t.refs = append(t.refs, refs...)
	if mod != nil {
		if t.mods == nil {
			t.mods = map[string]*settingsMod{}
		}
		t.mods[p] = mod
	}
	if stem != "" && (Of(p) != Python || mod != nil && mod.assigns) {
		if t.envs == nil {
			t.envs = map[string][]string{}
		}
		t.envs[path.Dir(p)] = append(t.envs[path.Dir(p)], p)
	}
}

// settingsRefs are the settings modules a file names, each with what it
// is for: the file's role says (a deploy manifest is production's, a
// devcontainer a developer's, a workflow CI's), and a test runner's
// configuration (pytest.ini, a [tool.pytest] section) or a command that
// runs the tests is the test suite's.
func settingsRefs(p string, src []byte) []settingsRef {
	use := useProduction
	base := path.Base(p)
	switch k := Classify(p, src).Kind; {
	case k == Test || k == Fixture || base == "pytest.ini" || base == "tox.ini":
		use = useTest
	case k == CI:
		use = useCI
	case k == DevEnv:
		use = useDev
	case k != App:
		use = useOther
	}
	var out []settingsRef
	section := ""
	lines := strings.Split(string(src), "\n")
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			section = trimmed
		}
		if strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "//") || strings.HasPrefix(trimmed, ";") {
			continue
		}
		at := i
		m := settingsRefRe.FindStringSubmatch(line)
		if m == nil {
			m = settingsArgRe.FindStringSubmatch(line)
		}
		if m == nil && strings.Contains(line, "DJANGO_SETTINGS_MODULE") {
			m, at = valueBelow(lines, i)
		}
		if m == nil {
			continue
		}
		u := use
		if u == useCI && deployCmdRe.MatchString(line) {
			u = useProduction
		}
		if (u == useProduction || u == useOther) && (strings.Contains(section, "pytest") || testCmdRe.MatchString(command(lines, i))) {
			u = useTest
		}
		// A default (setdefault, a getenv fallback) yields to what the
		// server's environment sets.
		explicit := !strings.Contains(line, "setdefault") && !strings.Contains(line, "get(") && !strings.Contains(line, "getenv(")
		out = append(out, settingsRef{file: p, line: at + 1, module: m[1], explicit: explicit, use: u})
	}
	return out
}

// command is the command line i is part of: the lines above it that
// go on to it (an argument list, a continued shell line), and itself.
func command(lines []string, i int) string {
	start := i
	for start > 0 && i-start < 8 {
		prev := strings.TrimSpace(lines[start-1])
		if !strings.HasSuffix(prev, "\\") && !strings.HasSuffix(prev, ",") && !strings.HasSuffix(prev, "[") &&
			!strings.HasSuffix(prev, "(") && !strings.HasSuffix(prev, "&&") {
			break
		}
		start--
	}
	return strings.Join(lines[start:i+1], " ")
}

// valueBelow finds the value of the variable named at line i among the
// lines of the same entry below it, those indented deeper than the
// name's own line (or its list item's siblings); nil if none.
func valueBelow(lines []string, i int) ([]string, int) {
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }
	own := indent(lines[i])
	for j := i + 1; j < len(lines) && j <= i+8; j++ {
		t := strings.TrimSpace(lines[j])
		if t == "" {
			continue
		}
		if indent(lines[j]) < own || indent(lines[j]) == own && strings.HasPrefix(strings.TrimSpace(lines[i]), "-") ||
			strings.HasPrefix(t, "-") && indent(lines[j]) <= own {
			return nil, i
		}
		if m := settingsValueRe.FindStringSubmatch(t); m != nil {
			return m, j
		}
	}
	return nil, i
}

// readSettingsMod reads a Python module's imports and whether it assigns
// settings; nil for a module that does neither at the top level.
func readSettingsMod(p string, src []byte) *settingsMod {
	m := &settingsMod{}
	type block struct {
		indent int
		dev    bool
	}
	var stack []block
	dir := path.Dir(p)
	for n, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		for len(stack) > 0 && indent <= stack[len(stack)-1].indent {
			stack = stack[:len(stack)-1]
		}
		dev := false
		for _, b := range stack {
			dev = dev || b.dev
		}
		if pySettingRe.MatchString(trimmed) {
			name := trimmed[:strings.IndexAny(trimmed, " \t:=")]
			if indent == 0 {
				m.assigns = true
				if _, ok := m.sets[name]; !ok {
					m.sets = setLine(m.sets, name, n+1)
				}
			}
			if !dev {
				m.resets = setLine(m.resets, name, n+1)
			}
		}
		if strings.HasPrefix(trimmed, "if ") || strings.HasPrefix(trimmed, "elif ") {
			stack = append(stack, block{indent, devCondRe.MatchString(trimmed)})
			continue
		}
		if strings.HasSuffix(trimmed, ":") {
			stack = append(stack, block{indent: indent})
			continue
		}
		var targets []string
		if f := pyFromRe.FindStringSubmatch(trimmed); f != nil {
			targets = fromTargets(dir, f[1], f[2], f[3])
		} else if f := pyImportRe.FindStringSubmatch(trimmed); f != nil {
			targets = []string{strings.ReplaceAll(f[1], ".", "/")}
		}
		if len(targets) == 0 {
			continue
		}
		if !dev && strings.HasSuffix(trimmed, "import *") {
			m.stars = setLine(m.stars, targets[0], n+1)
		}
		if dev {
			m.devOnly = append(m.devOnly, targets...)
		} else {
			m.imports = append(m.imports, targets...)
		}
	}
	if !m.assigns && len(m.imports)+len(m.devOnly) == 0 {
		return nil
	}
	return m
}

func setLine(m map[string]int, name string, line int) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[name] = line
	return m
}

// fromTargets are the modules "from <dots><mod> import <names>" may load,
// as paths without extension: the module itself, and each name as a
// submodule of it (from . import dev).
func fromTargets(dir, dots, mod, names string) []string {
	base := ""
	if dots != "" {
		base = dir
		for range len(dots) - 1 {
			base = path.Dir(base)
		}
		if base == "." {
			base = ""
		}
	}
	join := func(parts ...string) string {
		var nonEmpty []string
		for _, s := range parts {
			if s != "" {
				nonEmpty = append(nonEmpty, s)
			}
		}
		return strings.Join(nonEmpty, "/")
	}
	modPath := join(base, strings.ReplaceAll(mod, ".", "/"))
	out := []string{modPath}
	names = strings.Trim(names, "() ")
	if names != "*" {
		for _, n := range strings.Split(names, ",") {
			n, _, _ = strings.Cut(strings.TrimSpace(n), " ")
			if n != "" && n != "*" {
				out = append(out, join(modPath, n))
			}
		}
	}
	return out
}

// envStem is the environment a file's name is for ("dev", "prod",
// "test"), for settings files named settings/dev.py, settings_dev.py,
// config/production.json; "" for other names.
func envStem(p string) string {
	s := strings.ToLower(path.Base(Stem(p)))
	if s == path.Base(p) && Of(p) == None {
		return ""
	}
	for _, w := range []string{"settings", "config"} {
		s = strings.TrimPrefix(s, w)
		s = strings.TrimSuffix(s, w)
	}
	s = strings.Trim(s, "_-.")
	switch s {
	case "dev", "develop", "development", "local":
		return "dev"
	case "prod", "production":
		return "prod"
	case "test", "testing":
		return "test"
	}
	return ""
}

// Roles are the files whose role the tree decides: settings modules
// production does not load, and the scripts of the product's pages.
func (t *Tree) Roles() map[string]Role {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := t.browserRoles()
	maps.Copy(out, t.cliPackageRoles())
	maps.Copy(out, t.devToolRoles())
	byApp := t.importedRoles()
	for p, why := range t.programs {
		if _, ok := byApp[p]; !ok {
			r := RoleOf(p)
			out[p] = Role{Kind: Script, noun: "hand-run script", why: r.why + ", " + why + ", and no app code imports it"}
		}
	}
	maps.Copy(out, byApp)
	maps.Copy(out, t.vendoredRoles())
	maps.Copy(out, t.pluginRoles())
	decided := map[string]bool{} // folders whose settings the code decided
	prod, why := t.productionModules()
	if len(prod) > 0 {
		for p := range prod {
			decided[path.Dir(p)] = true
		}
		loaded := t.closure(prod, decided)
		named := t.namedBy(decided)
		code := t.importedByCode(decided)
		for p, m := range t.mods {
			if !decided[path.Dir(p)] || loaded[p] || !m.assigns || code[p] {
				continue
			}
			out[p] = Role{Kind: named(p), noun: "settings module production does not load", why: why}
		}
	} else {
		// Nothing names production's module: one named only by a
		// devcontainer, a CI workflow or a test command, that no other
		// module imports (production's may build on it), is theirs.
		imported := map[string]bool{}
		for _, m := range t.mods {
			for _, imp := range m.imports {
				for _, q := range resolvePath(imp, maps.Keys(t.mods)) {
					imported[q] = true
				}
			}
		}
		for _, r := range t.refs {
			if r.use != useTest && r.use != useCI && r.use != useDev {
				continue
			}
			for _, p := range t.resolve(r.module) {
				// One named for production is not demoted by a name alone
				// (a deploy job's environment).
				if m := t.mods[p]; m == nil || !m.assigns || imported[p] || out[p].Kind != App || envStem(p) == "prod" {
					continue
				}
				dirs := map[string]bool{path.Dir(p): true}
				k := t.namedBy(dirs)(p)
				if k == DevEnv && !t.closure(t.refModules(useDev), dirs)[p] {
					continue // tooling names it too
				}
				decided[path.Dir(p)] = true
				out[p] = Role{Kind: k, noun: "settings module only " + useNoun[r.use] + " names", why: "named in " + r.file + ":" + strconv.Itoa(r.line)}
			}
		}
	}
	for dir, files := range t.envs {
		if decided[dir] {
			continue
		}
		var prodFile string
		for _, f := range files {
			if envStem(f) == "prod" {
				prodFile = f
			}
		}
		if prodFile == "" {
			continue
		}
		for _, f := range files {
			switch envStem(f) {
			case "dev":
				out[f] = Role{Kind: DevEnv, noun: "development settings file", why: "named " + path.Base(f) + " beside " + path.Base(prodFile)}
			case "test":
				out[f] = Role{Kind: Test, noun: "test settings file", why: "named " + path.Base(f) + " beside " + path.Base(prodFile)}
			}
		}
	}
	return out
}

// productionModules are the module files production loads first: those
// the served product's configuration sets outright, else the defaults it
// sets; with where the first is named, for a reader.
func (t *Tree) productionModules() (map[string]bool, string) {
	refs := slices.Clone(t.refs)
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].file != refs[j].file {
			return refs[i].file < refs[j].file
		}
		return refs[i].line < refs[j].line
	})
	for _, explicit := range []bool{true, false} {
		out := map[string]bool{}
		why := ""
		for _, r := range refs {
			if r.use != useProduction || r.explicit != explicit {
				continue
			}
			for _, p := range t.resolve(r.module) {
				out[p] = true
				if why == "" {
					why = "production loads " + r.module + ", named in " + r.file + ":" + strconv.Itoa(r.line)
				}
			}
		}
		if len(out) > 0 {
			return out, why
		}
	}
	return nil, ""
}

var useNoun = map[refUse]string{useTest: "the test suite", useCI: "CI", useDev: "a developer's environment"}

// namedBy returns, for a settings module of dirs production does not
// load, where it runs: in the test suite or CI when only their
// configuration names it (or a module it imports), else on a
// developer's machine.
func (t *Tree) namedBy(dirs map[string]bool) func(string) Kind {
	reach := map[refUse]map[string]bool{}
	for _, u := range []refUse{useTest, useCI, useDev, useOther} {
		reach[u] = t.closure(t.refModules(u), dirs)
	}
	return func(p string) Kind {
		switch {
		case reach[useDev][p] || reach[useOther][p]:
			return DevEnv
		case reach[useTest][p]:
			return Test
		case reach[useCI][p]:
			return CI
		}
		return DevEnv
	}
}

func (t *Tree) refModules(u refUse) map[string]bool {
	out := map[string]bool{}
	for _, r := range t.refs {
		if r.use == u {
			for _, p := range t.resolve(r.module) {
				out[p] = true
			}
		}
	}
	return out
}

// resolve finds the files a dotted module name is, by the end of their
// path: the tree's Python root may be a folder (src/) the name leaves out.
func (t *Tree) resolve(dotted string) []string {
	return resolvePath(strings.ReplaceAll(dotted, ".", "/"), maps.Keys(t.mods))
}

// resolvePath finds, among the modules given, those a path without
// extension names.
func resolvePath(rel string, mods iter.Seq[string]) []string {
	var out []string
	for p := range mods {
		for _, cand := range []string{rel + ".py", rel + "/__init__.py"} {
			if p == cand || strings.HasSuffix(p, "/"+cand) {
				out = append(out, p)
			}
		}
	}
	return out
}

// importedByCode are the modules of the settings folders dirs that app
// code in another folder imports: a helper beside settings.py that holds
// a constant (an API's URL) is code production loads, no settings module.
func (t *Tree) importedByCode(dirs map[string]bool) map[string]bool {
	var in []string
	for p := range t.mods {
		if dirs[path.Dir(p)] {
			in = append(in, p)
		}
	}
	out := map[string]bool{}
	for q, m := range t.mods {
		if dirs[path.Dir(q)] || RoleOf(q).Kind != App {
			continue
		}
		for _, imp := range m.imports {
			for _, p := range resolvePath(imp, slices.Values(in)) {
				out[p] = true
			}
		}
	}
	return out
}

// closure is every module of the folders dirs that the given ones
// import, themselves included; imports made only when the environment
// says development are not followed. Only the settings folders' own
// modules are classified, so only imports among them are followed.
func (t *Tree) closure(start, dirs map[string]bool) map[string]bool {
	var in []string
	for p := range t.mods {
		if dirs[path.Dir(p)] {
			in = append(in, p)
		}
	}
	seen := map[string]bool{}
	var queue []string
	for p := range start {
		queue = append(queue, p)
	}
	for len(queue) > 0 {
		p := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		m := t.mods[p]
		if m == nil {
			continue
		}
		for _, imp := range m.imports {
			queue = append(queue, resolvePath(imp, slices.Values(in))...)
		}
	}
	return seen
}

// Replacement is a setting a module assigns that the module production
// loads assigns again, after importing it: the first value never runs
// in production (a committed SECRET_KEY in base.py that prod.py reads
// from a file).
type Replacement struct {
	Name       string
	File       string
	Line       int
	By         string
	ByLine     int
	Production string // why the module is production's: "production loads ..."
}

// Replaced lists the settings the production modules assign again.
func (t *Tree) Replaced() []Replacement {
	t.mu.Lock()
	defer t.mu.Unlock()
	prod, why := t.productionModules()
	if len(prod) == 0 {
		return nil
	}
	dirs := map[string]bool{}
	for p := range prod {
		dirs[path.Dir(p)] = true
	}
	var out []Replacement
	for _, p := range slices.Sorted(maps.Keys(prod)) {
		pm := t.mods[p]
		if pm == nil {
			continue
		}
		// The line after which each module's names are in p: the last
		// star import that brings it, itself or through its imports.
		after := map[string]int{}
		for target, line := range pm.stars {
			start := map[string]bool{}
			for _, q := range resolvePath(target, maps.Keys(t.mods)) {
				start[q] = true
			}
			for q := range t.closure(start, dirs) {
				after[q] = max(after[q], line)
			}
		}
		for _, q := range slices.Sorted(maps.Keys(after)) {
			qm := t.mods[q]
			if q == p || qm == nil {
				continue
			}
			for _, name := range slices.Sorted(maps.Keys(qm.sets)) {
				if at, ok := pm.resets[name]; ok && at > after[q] {
					out = append(out, Replacement{Name: name, File: q, Line: qm.sets[name], By: p, ByLine: at, Production: why})
				}
			}
		}
	}
	return out
}
