package lang

import (
	"bytes"
	"go/build/constraint"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Kind is where a file's code runs, or that it runs nowhere.
type Kind uint8

// Kinds. The zero Kind is App.
const (
	App       Kind = iota // served or run in production
	Test                  // test code: runs in the test suite
	Fixture               // data only tests read
	Example               // examples and samples, not the product as deployed
	Docs                  // documentation
	Script                // scripts someone runs by hand or in a release
	Migration             // database migrations and seeds
	Tooling               // build and developer tooling
	CI                    // CI configuration and its scripts
	DevEnv                // a developer's local environment: devcontainers, compose overrides
	Vendored              // a third-party library copied into the tree: the team did not write it
	// Browser is the product's code that runs in its users' browsers (a
	// page's script): served, so a weakness of the page is the product's,
	// but no request, command or query the server makes starts there.
	Browser
)

var kindNames = [...]string{App: "app", Test: "test", Fixture: "fixture", Example: "example", Docs: "docs",
	Script: "script", Migration: "migration", Tooling: "tooling", CI: "ci", DevEnv: "dev-env", Vendored: "vendored", Browser: "browser"}

// String is the kind's name as configuration spells it: "app", "dev-env".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "app"
}

// KindNames are every kind's name, as configuration spells them.
func KindNames() []string { return slices.Clone(kindNames[:]) }

// ParseKind reads a kind's name, as String writes it.
func ParseKind(s string) (Kind, bool) {
	for k, n := range kindNames {
		if n == s {
			return Kind(k), true
		}
	}
	return App, false
}

// needs says, per kind, what it takes for the code to run: what an
// attacker would need before a weakness there matters.
var needs = [...]string{
	App:       "served or run in production",
	Test:      "runs only in the test suite",
	Fixture:   "read only by tests",
	Example:   "not part of the product as deployed",
	Docs:      "never runs",
	Script:    "needs commit access",
	Migration: "runs at deploy time; needs commit access",
	Tooling:   "needs commit access",
	CI:        "runs in CI; needs commit access or a pull request",
	DevEnv:    "runs on a developer's machine, not in production",
	Vendored:  "a third-party library's own code, fixed by upgrading it",
	Browser:   "runs in the user's browser, not on the server",
}

// requires says, per kind, what an attacker needs before a weakness in
// such code is theirs to use, as the end of "this would require ...".
var requires = [...]string{
	App:       "",
	Test:      "a change to the test suite, which never runs in production",
	Fixture:   "a change to test data, which never runs in production",
	Example:   "someone deploying the example as it is",
	Docs:      "someone copying the documentation into production",
	Script:    "commit access, or the one who runs the script",
	Migration: "commit access (it runs at deploy time)",
	Tooling:   "commit access, or a developer who runs the tool",
	CI:        "commit access or a pull request",
	DevEnv:    "a developer's machine",
	Vendored:  "a flaw in the library itself, fixed upstream",
	Browser:   "",
}

// Role is where a file's code runs, with the convention that says so.
type Role struct {
	Kind Kind
	noun string // "test", "release script"
	why  string // the convention: "under tests/", "named *_test.go"
	// need and req, when set, say what it takes for the code to run and
	// what an attacker needs, where the kind's own words do not fit (a
	// CLI command needs shell access to the server, not commit access).
	need, req string
}

// Reason says where the file sits and what it takes for its code to run,
// for a reader deciding how much a finding there matters: "in a release
// script (under scripts/): needs commit access".
func (r Role) Reason() string {
	noun := r.noun
	if noun == "" {
		noun = defaultNoun[r.Kind]
	}
	s := "in " + article(noun) + " " + noun
	if r.why != "" {
		s += " (" + r.why + ")"
	}
	if r.need != "" {
		return s + ": " + r.need
	}
	return s + ": " + needs[r.Kind]
}

// String is the kind's name.
func (r Role) String() string { return r.Kind.String() }

// Requires is what an attacker needs before a weakness in the file is
// theirs to use, as the end of "this would require ...": "commit
// access (it runs at deploy time)". Empty for App: the rule says.
func (r Role) Requires() string {
	if r.req != "" {
		return r.req
	}
	return requires[r.Kind]
}

// Served reports whether the file is the product as it runs in
// production: what a bot on the internet can reach (a page's script is
// served too).
func (r Role) Served() bool { return r.Kind == App || r.Kind == Browser }

// Seeds says the file fills a database with seed data (db/seeds/,
// database/seeders/, seed.sql): run when someone seeds it, often only in
// development, unlike a migration every deploy runs.
func (r Role) Seeds() bool { return strings.Contains(r.noun, "seed") }

// Configured is the role a person gave a path (in threatmap-check.yaml),
// naming where they said so.
func Configured(k Kind, where string) Role {
	return Role{Kind: k, why: "set in " + where}
}

var defaultNoun = [...]string{App: "application file", Test: "test", Fixture: "test fixture", Example: "example",
	Docs: "documentation file", Script: "script", Migration: "database migration", Tooling: "tooling file",
	CI: "CI configuration file", DevEnv: "development environment file", Vendored: "vendored library", Browser: "browser script"}

func article(noun string) string {
	if strings.IndexByte("aeiouAEIOU", noun[0]) >= 0 {
		return "an"
	}
	return "a"
}

// IsTest reports whether a path is test code or data only tests read
// (Role Test or Fixture): what a test does or imports is not what the
// product does.
func IsTest(p string) bool {
	k := RoleOf(p).Kind
	return k == Test || k == Fixture
}

// RoleOf classifies a file by its path alone, before it is read. In
// order: the test-file names of its language (x_test.go, test_x.py,
// x.spec.ts); CI and local-environment files by name (.gitlab-ci.yml,
// docker-compose.override.yml); then the deepest folder that follows a
// convention (tests/, migrations/, scripts/, .github/, .devcontainer/);
// then tooling and documentation by name (Makefile, README.md) and shell
// scripts. Anything else is App.
func RoleOf(p string) Role {
	l := Of(p)
	base := path.Base(p)
	if why, ok := table[l].tests.match(base); ok {
		return Role{Kind: Test, why: why}
	}
	if strings.Contains(base, ".test.") {
		return Role{Kind: Test, why: "named *.test.*"}
	}
	if r, ok := roleFirst(base); ok {
		return r
	}
	if r, ok := roleOfDirs(p, l); ok {
		return r
	}
	if l == SQL && strings.Contains(strings.ToLower(base), "seed") {
		return Role{Kind: Migration, noun: "seed data", why: "named " + base}
	}
	if l.IsProgram() && seedName(base) {
		// A script that fills an empty database (db:seed): run by hand.
		// What app code imports is app code all the same (Tree.Roles).
		return Role{Kind: Script, noun: "seed script", why: "named " + base}
	}
	if r, ok := laterNames.role(base); ok {
		return r
	}
	if path.Ext(base) == ".rake" {
		// A Rails rake task: run from a shell (rails x:y), never by a request.
		return Role{Kind: Script, noun: "rake task", why: "a .rake file", need: cliNeed, req: cliRequires}
	}
	switch l {
	case Markdown, RST, AsciiDoc:
		return Role{Kind: Docs, why: "a " + l.String() + " file"}
	case Shell:
		return Role{Kind: Script, noun: scriptNoun(base), why: "a shell script"}
	}
	return Role{Kind: App}
}

// Classify is RoleOf, refined by the file's content where a path
// convention is ambiguous: a Go command (package main) under cmd/ is
// App; a Go program built only by go generate (//go:build ignore) is
// Tooling; a server started from bin/ (bin/www) is App; a file with a
// shebang and no extension, outside any convention, is a Script; a
// compose file that mounts the source, runs a development server or
// publishes only on loopback is DevEnv; a browser script that opens with
// a library's licence banner and version and names itself there, or
// wraps itself for every module system (UMD), is Vendored; any other
// script that reads the page's globals and imports nothing only a server
// has is Browser.
func Classify(p string, src []byte) Role {
	r := RoleOf(p)
	if r.Kind == Test || r.Kind == Fixture {
		return r
	}
	l := OfFile(p, src)
	switch {
	case l == Go && goBuildIgnore(src) && goPackage(src) == "main":
		return Role{Kind: Tooling, noun: "go generate program", why: "//go:build ignore"}
	case l == Go && goBuildTag(src, "mage") && goPackage(src) == "main":
		return Role{Kind: Tooling, noun: "mage build script", why: "//go:build mage"}
	case l == Go && GoDevBuild(src) != "":
		return Role{Kind: DevEnv, noun: "development build file", why: GoDevBuild(src) + ": a release build leaves it out"}
	case r.Kind == Migration && importsFromService(l, src):
		return Role{Kind: App, why: "calls another service and changes no schema: an import feature, not a migration"}
	case l == Go && hasSegment(p, "cmd") && goPackage(src) == "main":
		return Role{Kind: App, why: "a command under cmd/"}
	case r.Kind == Tooling && hasSegment(p, "bin") && startsServer(l, src):
		return Role{Kind: App, why: "starts the server from bin/"}
	case r.Kind == App && path.Ext(p) == "" && len(shebang(src)) > 0:
		return Role{Kind: Script, noun: scriptNoun(path.Base(p)), why: "a file with a shebang line"}
	case r.Kind == App && l == JavaScript:
		if why, ok := vendoredLibrary(p, src); ok {
			return Role{Kind: Vendored, why: why}
		}
	}
	if r.Kind == App && l.Family() == JavaScript {
		if why := browserScript(l, src); why != "" {
			return Role{Kind: Browser, why: why}
		}
	}
	if r.Kind == App {
		if cr, ok := composeByContent(p, src); ok {
			return cr
		}
	}
	return r
}

// tests are a language's test-file conventions.
type tests struct {
	prefixes []string // of the file name: test_ (pytest)
	suffixes []string // of the file name, case as written: _test.go, Test.java
	names    []string // whole file names: conftest.py
	marks    []string // inside the file name: .spec. (x.spec.ts)
	// dirs are folders that hold tests in this language only (Ruby's
	// spec/): a Go package named spec is code.
	dirs []string
}

var jsTests = tests{marks: []string{".spec.", ".e2e.", ".cy.", ".stories."}, dirs: []string{"spec", "specs"}}

// match reports whether a file name follows the conventions, and which.
func (t *tests) match(base string) (string, bool) {
	for _, n := range t.names {
		if base == n {
			return "named " + n, true
		}
	}
	for _, s := range t.suffixes {
		// The whole suffix must follow a name (Test.java is no test of
		// anything), and a CamelCase one a lower-case letter or digit
		// (FooTest.java, not ABTest.java's "BTest").
		if len(base) > len(s) && strings.HasSuffix(base, s) {
			if c := base[len(base)-len(s)-1]; isUpper(s[0]) && isUpper(c) {
				continue
			}
			return "named *" + s, true
		}
	}
	for _, pre := range t.prefixes {
		if strings.HasPrefix(base, pre) && len(base) > len(pre) {
			return "named " + pre + "*", true
		}
	}
	for _, m := range t.marks {
		if strings.Contains(base, m) {
			return "named *" + m + "*", true
		}
	}
	return "", false
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// dirRole is what a folder name says about the files under it.
type dirRole struct {
	kind Kind
	noun string
}

// dirRoles maps folder names (lower-cased) to the role of what they hold.
var dirRoles = map[string]dirRole{
	// Tests, in every language.
	"test": {Test, ""}, "tests": {Test, ""}, "__tests__": {Test, ""}, "__mocks__": {Test, "test mock"},
	"mocks": {Test, "test mock"}, "testing": {Test, "test helper"}, "e2e": {Test, "end-to-end test"},
	"cypress": {Test, "end-to-end test"}, "playwright": {Test, "end-to-end test"},
	"testutil": {Test, "test helper"}, "testutils": {Test, "test helper"}, "testhelpers": {Test, "test helper"},
	"androidtest": {Test, ""}, "integrationtest": {Test, ""},
	// Test data.
	"testdata": {Fixture, ""}, "fixtures": {Fixture, ""}, "fixture": {Fixture, ""}, "__fixtures__": {Fixture, ""},
	"__snapshots__": {Fixture, "test snapshot"}, "testfixtures": {Fixture, ""},
	// Examples and docs.
	"examples": {Example, ""}, "example": {Example, ""}, "_examples": {Example, ""}, "samples": {Example, "sample"},
	"sample": {Example, "sample"}, "demo": {Example, "demo"}, "demos": {Example, "demo"},
	"docs": {Docs, ""}, "doc": {Docs, ""}, "documentation": {Docs, ""}, "_docs": {Docs, ""},
	// Scripts, migrations, tooling.
	"scripts": {Script, ""}, "script": {Script, ""},
	"migrations": {Migration, ""}, "migration": {Migration, ""}, "migrate": {Migration, ""},
	"alembic": {Migration, ""}, "seeds": {Migration, "seed script"}, "seeders": {Migration, "seed script"},
	// Seed data: rows a developer or a demo mode loads into an empty
	// database (a demo dump, sample users), not what production serves.
	"seed": {Migration, "seed data"}, "seed-data": {Migration, "seed data"}, "seed_data": {Migration, "seed data"},
	// Benchmarks: load generators and their harness, run by a developer.
	"benchmarks": {Tooling, "benchmark"}, "benchmark": {Tooling, "benchmark"}, "bench": {Tooling, "benchmark"},
	"bin": {Tooling, ""}, "tools": {Tooling, ""}, "tool": {Tooling, ""}, "hack": {Tooling, ""}, ".husky": {Tooling, "git hook"},
	"githooks": {Tooling, "git hook"}, ".githooks": {Tooling, "git hook"},
	// CI.
	".github": {CI, ""}, ".circleci": {CI, ""}, ".buildkite": {CI, ""}, ".woodpecker": {CI, ""},
	".gitlab": {CI, ""}, ".tekton": {CI, ""}, "ci": {CI, "CI script"}, ".ci": {CI, "CI script"},
	// Local environments.
	".devcontainer": {DevEnv, "devcontainer file"}, ".vscode": {DevEnv, "editor setting"}, ".idea": {DevEnv, "editor setting"},
}

// roleOfDirs is the role the deepest conventional folder of p gives it.
// It runs for every file and detector: no allocation unless a folder
// name has upper-case letters.
func roleOfDirs(p string, l Lang) (Role, bool) {
	end := strings.LastIndexByte(p, '/')
	// Under a Maven or Gradle source set's language folder
	// (src/main/java/, src/test/kotlin/) the folders are a package's
	// name, not a convention: io/acme/sample/web/ is the product's code
	// in a package named sample. The source set decides (test/ is tests),
	// then the folders above src/.
	if i := sourceSetRoot(p); i >= 0 {
		end = i
	}
	for end > 0 {
		start := strings.LastIndexByte(p[:end], '/') + 1
		seg := p[start:end]
		end = start - 1
		lower := strings.ToLower(seg)
		if d, ok := dirRoles[lower]; ok {
			return dirReason(d.kind, d.noun, seg, p), true
		}
		// drizzle-kit writes its migrations to drizzle/ unless told
		// otherwise: numbered SQL files (0003_brave_name.sql) beside
		// meta/_journal.json. Only such files are steps; a drizzle/
		// folder of code is the product's.
		if lower == "drizzle" && !strings.Contains(p[start+len(seg)+1:], "/") && drizzleStep(p[start+len(seg)+1:]) {
			return Role{Kind: Migration, why: "a drizzle-kit migration under drizzle/"}, true
		}
		// A dev/ folder at the top holds a developer's tools (generators,
		// stress tests); one inside the code may be a package of it. What
		// app code imports is app code all the same (Tree.Roles).
		if start == 0 && lower == "dev" {
			return Role{Kind: Tooling, noun: "developer tool", why: "under dev/"}, true
		}
		// Django's management commands run from manage.py, by an
		// operator or a scheduler: app/management/commands/x.py.
		if parent := p[:max(start-1, 0)]; lower == "commands" && l == Python && (parent == "management" || strings.HasSuffix(parent, "/management")) {
			return Role{Kind: Script, noun: "management command", why: "under management/commands/"}, true
		}
		for _, td := range table[l].tests.dirs {
			if lower == td {
				return Role{Kind: Test, why: "under " + seg + "/"}, true
			}
		}
		if k, ok := testDirPattern(lower); ok {
			return Role{Kind: k, why: "under " + seg + "/"}, true
		}
	}
	return Role{}, false
}

// jvmSourceLangs are the folders a Maven or Gradle source set keeps its
// code and resources in.
var jvmSourceLangs = []string{"java", "kotlin", "scala", "groovy", "resources"}

// sourceSetRoot is where the source-set folder of p ends (the index of the
// slash after src/<set>), when p lies under src/<set>/<language>/; else -1.
func sourceSetRoot(p string) int {
	for from := 0; from < len(p); {
		i := strings.Index(p[from:], "src/")
		if i < 0 {
			return -1
		}
		i += from
		from = i + 4
		if i > 0 && p[i-1] != '/' {
			continue
		}
		rest := p[i+4:]
		slash := strings.IndexByte(rest, '/')
		if slash <= 0 {
			continue
		}
		after := rest[slash+1:]
		for _, l := range jvmSourceLangs {
			if strings.HasPrefix(after, l+"/") {
				return i + 4 + slash
			}
		}
	}
	return -1
}

// drizzleStep: a file name drizzle-kit gives a migration, four digits,
// an underscore and a name, in SQL.
func drizzleStep(base string) bool {
	if len(base) < 6 || !strings.HasSuffix(base, ".sql") || base[4] != '_' {
		return false
	}
	for _, c := range base[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func dirReason(k Kind, noun, seg, p string) Role {
	if k == Script && noun == "" {
		noun = scriptNoun(path.Base(p))
	}
	return Role{Kind: k, noun: noun, why: "under " + seg + "/"}
}

// testDirPattern matches folder names that say test without being one of
// the fixed names: test_data/ and test-fixtures/ hold fixtures,
// integration_tests/, api-tests/, test_helpers/ and MyApp.Tests/ tests.
// The separator is required: testimonials/ and contest/ are no tests.
func testDirPattern(seg string) (Kind, bool) {
	if !strings.Contains(seg, "test") && !strings.Contains(seg, "spec") {
		return App, false
	}
	for _, pre := range []string{"test_", "test-"} {
		if rest, ok := strings.CutPrefix(seg, pre); ok && rest != "" {
			if strings.HasPrefix(rest, "data") || strings.HasPrefix(rest, "fixture") {
				return Fixture, true
			}
			return Test, true
		}
	}
	for _, suf := range []string{"_tests", "-tests", ".tests", ".test", ".unittests", ".integrationtests", ".unittest", ".integrationtest", ".functionaltests", "_spec", "-spec"} {
		if len(seg) > len(suf) && strings.HasSuffix(seg, suf) {
			return Test, true
		}
	}
	return App, false
}

// nameRole is what a file name says about the file.
type nameRole struct {
	name string // the whole name; a trailing * matches a prefix
	kind Kind
	noun string
}

// nameRolesFirst are names that decide before any folder does: CI
// definitions and local compose overrides are what they are wherever
// they sit.
var nameRolesFirst = []nameRole{
	{".gitlab-ci.yml", CI, ""}, {".travis.yml", CI, ""}, {"Jenkinsfile", CI, ""},
	{"azure-pipelines.yml", CI, ""}, {"bitbucket-pipelines.yml", CI, ""}, {".drone.yml", CI, ""},
	{"appveyor.yml", CI, ""}, {".appveyor.yml", CI, ""}, {"cloudbuild.yaml", CI, ""}, {"cloudbuild.yml", CI, ""},
	{".woodpecker.yml", CI, ""}, {"codecov.yml", CI, ""}, {".goreleaser.yml", CI, "release configuration"},
	{".goreleaser.yaml", CI, "release configuration"},
	{"Vagrantfile", DevEnv, ""}, {"Tiltfile", DevEnv, ""}, {"devbox.json", DevEnv, ""},
	{"devcontainer.json", DevEnv, "devcontainer file"}, {".devcontainer.json", DevEnv, "devcontainer file"},
	// Environment files named for a place other than production.
	{".env.test*", Test, "test environment file"}, {".env.dusk*", Test, "test environment file"},
	{".env.e2e*", Test, "test environment file"}, {".env.ci", CI, "CI environment file"},
	{"phpunit.xml", Test, "test configuration"}, {"phpunit.xml.dist", Test, "test configuration"},
	{"phpunit.dist.xml", Test, "test configuration"},
	{".env.development*", DevEnv, "development environment file"}, {".env.dev", DevEnv, "development environment file"},
	{".env.local", DevEnv, "development environment file"},
	{".env.example", Example, "sample environment file"}, {".env.sample", Example, "sample environment file"},
	{".env.template", Example, "sample environment file"}, {".env.dist", Example, "sample environment file"},
}

// nameRoles are names that decide when no folder has.
var nameRoles = []nameRole{
	{"Makefile", Tooling, "Makefile"}, {"makefile", Tooling, "Makefile"}, {"GNUmakefile", Tooling, "Makefile"},
	{"Rakefile", Tooling, ""}, {"Justfile", Tooling, ""}, {"justfile", Tooling, ""},
	{"Taskfile.yml", Tooling, ""}, {"Taskfile.yaml", Tooling, ""}, {"magefile.go", Tooling, ""},
	{"Gruntfile.js", Tooling, ""}, {"Gulpfile.js", Tooling, ""}, {"gulpfile.js", Tooling, ""}, {"gulpfile.ts", Tooling, ""},
	{"noxfile.py", Tooling, ""}, {"setup.py", Tooling, "packaging script"}, {"manage.py", Tooling, "management script"},
	{"fabfile.py", Script, "deploy script"}, {".pre-commit-config.yaml", Tooling, "git hook"},
	{"jest.config.*", Test, "test configuration"}, {"vitest.config.*", Test, "test configuration"},
	{"playwright.config.*", Test, "test configuration"}, {"cypress.config.*", Test, "test configuration"},
	{"karma.conf.*", Test, "test configuration"}, {"jest.setup.*", Test, "test setup"},
	{"webpack.config.*", Tooling, "build configuration"}, {"rollup.config.*", Tooling, "build configuration"},
	{"vite.config.*", Tooling, "build configuration"}, {"babel.config.*", Tooling, "build configuration"},
	{"esbuild.config.*", Tooling, "build configuration"}, {"eslint.config.*", Tooling, "lint configuration"},
	{".eslintrc*", Tooling, "lint configuration"}, {".prettierrc*", Tooling, "lint configuration"},
	// A migration tool's own configuration: the CLI reads it to migrate,
	// the running app does not (if the app imports it, Tree.Roles makes
	// it App), so a placeholder key it sets to pass validation is no key
	// of the app's.
	{"knexfile.*", Tooling, "migration tool configuration"}, {"ormconfig.*", Tooling, "migration tool configuration"},
	{"drizzle.config.*", Tooling, "migration tool configuration"}, {"alembic.ini", Tooling, "migration tool configuration"},
	{".sequelizerc", Tooling, "migration tool configuration"},
	{"README*", Docs, ""}, {"CHANGELOG*", Docs, ""}, {"CONTRIBUTING*", Docs, ""}, {"LICENSE*", Docs, ""},
}

// nameTable indexes name rules: whole names in a map, prefixes (a
// trailing *) in a list.
type nameTable struct {
	exact    map[string]nameRole
	prefixes []nameRole
}

func indexNames(rs []nameRole) nameTable {
	t := nameTable{exact: map[string]nameRole{}}
	for _, r := range rs {
		if pre, ok := strings.CutSuffix(r.name, "*"); ok {
			r.name = pre
			t.prefixes = append(t.prefixes, r)
			continue
		}
		t.exact[r.name] = r
	}
	return t
}

var (
	firstNames = indexNames(nameRolesFirst)
	laterNames = indexNames(nameRoles)
)

func (t *nameTable) role(base string) (Role, bool) {
	r, ok := t.exact[base]
	for i := 0; !ok && i < len(t.prefixes); i++ {
		r, ok = t.prefixes[i], strings.HasPrefix(base, t.prefixes[i].name)
	}
	if ok {
		return Role{Kind: r.kind, noun: r.noun, why: "named " + base}, true
	}
	return Role{}, false
}

// roleFirst is the role a file name gives before any folder is read: CI
// definitions and compose overrides.
func roleFirst(base string) (Role, bool) {
	if r, ok := firstNames.role(base); ok {
		return r, true
	}
	if strings.HasSuffix(base, ".gitlab-ci.yml") {
		return Role{Kind: CI, why: "named " + base}, true
	}
	if k, ok := profileRole(base); ok {
		return Role{Kind: k, noun: profileNoun[k], why: "named " + base}, true
	}
	if k, ok := composeRole(base); ok {
		noun := "compose override"
		if k == CI {
			noun = "CI compose file"
		}
		return Role{Kind: k, noun: noun, why: "named " + base}, true
	}
	return Role{}, false
}

// profileRole reads the profile a settings file is named for: Spring's
// application-dev.yml and application-test.properties, ASP.NET's
// appsettings.Development.json. The framework loads it only when that
// profile or environment is active: a developer's machine, the test
// suite or a CI job. The production profile (application-prod.yml,
// appsettings.Production.json) and the base file stay App.
func profileRole(base string) (Kind, bool) {
	lower := strings.ToLower(base)
	var profile string
	switch {
	case strings.HasPrefix(lower, "application-"):
		stem := strings.TrimPrefix(lower, "application-")
		ext := path.Ext(stem)
		if ext != ".yml" && ext != ".yaml" && ext != ".properties" {
			return App, false
		}
		profile = strings.TrimSuffix(stem, ext)
	case strings.HasPrefix(lower, "appsettings.") && strings.HasSuffix(lower, ".json"):
		profile = strings.TrimSuffix(strings.TrimPrefix(lower, "appsettings."), ".json")
	default:
		return App, false
	}
	switch profile {
	case "dev", "development", "local":
		return DevEnv, true
	case "test", "tests", "testing", "it", "integration", "e2e":
		return Test, true
	case "ci":
		return CI, true
	}
	return App, false
}

var profileNoun = map[Kind]string{DevEnv: "development profile", Test: "test profile", CI: "CI profile"}

// composeRole reads a compose file's name: docker-compose.override.yml,
// compose.dev.yaml and docker-compose.local.yml set up a developer's
// machine, docker-compose.ci.yml a CI job. (docker-compose.test.yml is a
// test by the .test. mark.)
func composeRole(base string) (Kind, bool) {
	stem, ok := strings.CutSuffix(base, ".yml")
	if !ok {
		if stem, ok = strings.CutSuffix(base, ".yaml"); !ok {
			return App, false
		}
	}
	parts := strings.Split(stem, ".")
	if parts[0] != "docker-compose" && parts[0] != "compose" {
		return App, false
	}
	for _, part := range parts[1:] {
		switch strings.ToLower(part) {
		case "override", "dev", "development", "local", "devcontainer":
			return DevEnv, true
		case "ci":
			return CI, true
		}
	}
	return App, false
}

// seedName reports a file named for seeding a database: seed.ts,
// seeds.py, seed_users.py, demo-seed.js; not seedling.ts or reseed.go.
func seedName(base string) bool {
	stem := strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))
	if stem == "seed" || stem == "seeds" {
		return true
	}
	for _, pre := range []string{"seed_", "seed-", "seeds_", "seeds-"} {
		if strings.HasPrefix(stem, pre) {
			return true
		}
	}
	return strings.HasSuffix(stem, "_seed") || strings.HasSuffix(stem, "-seed") || strings.HasSuffix(stem, ".seed")
}

// scriptNoun names a script by what it is for, when its name says.
func scriptNoun(base string) string {
	lower := strings.ToLower(base)
	for _, w := range []string{"release", "deploy", "publish", "install", "setup", "build", "seed", "backup"} {
		if strings.Contains(lower, w) {
			return w + " script"
		}
	}
	return "script"
}

func hasSegment(p, seg string) bool {
	for _, s := range strings.Split(path.Dir(p), "/") {
		if s == seg {
			return true
		}
	}
	return false
}

// goPackage is the name in a Go file's package clause, found after the
// comments and build constraints that may precede it.
func goPackage(src []byte) string {
	stripped := StripComments(Go, src[:min(len(src), 64<<10)])
	for len(stripped) > 0 {
		line := stripped
		if i := bytes.IndexByte(stripped, '\n'); i >= 0 {
			line, stripped = stripped[:i], stripped[i+1:]
		} else {
			stripped = nil
		}
		f := bytes.Fields(line)
		if len(f) == 0 {
			continue
		}
		if string(f[0]) == "package" && len(f) > 1 {
			return string(f[1])
		}
		return ""
	}
	return ""
}

// goBuildIgnore reports a //go:build ignore (or // +build ignore)
// constraint above the package clause.
func goBuildIgnore(src []byte) bool { return goBuildTag(src, "ignore") }

// goBuildTag reports a build constraint above the package clause that
// names tag (//go:build mage, // +build ignore).
func goBuildTag(src []byte, tag string) bool {
	head := src[:min(len(src), 4<<10)]
	if i := bytes.Index(head, []byte("\npackage ")); i >= 0 {
		head = head[:i]
	}
	for _, line := range bytes.Split(head, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if bytes.HasPrefix(line, []byte("//go:build ")) || bytes.HasPrefix(line, []byte("// +build ")) {
			for _, f := range bytes.Fields(line[bytes.IndexByte(line, ' '):]) {
				if string(f) == tag {
					return true
				}
			}
		}
	}
	return false
}

// GoDevBuild is the build constraint of a Go file no release build
// compiles (//go:build dev, // +build debug && !release), or "": it
// needs a tag of the project's own, which only a developer's or a test
// run's -tags sets (its routes, middleware and debug handlers are not
// production). A constraint met on some platform with only the tags the
// toolchain sets (GOOS, GOARCH, unix, cgo, go1.N) is app code: linux,
// !dev, !windows && cgo. A file marked ignore is go generate's (see
// Classify), not this.
func GoDevBuild(src []byte) string {
	head := src[:min(len(src), 4<<10)]
	if i := bytes.Index(head, []byte("\npackage ")); i >= 0 {
		head = head[:i]
	}
	var expr constraint.Expr
	var line string
	for _, l := range bytes.Split(head, []byte("\n")) {
		t := string(bytes.TrimSpace(l))
		if !constraint.IsGoBuild(t) && !constraint.IsPlusBuild(t) {
			continue
		}
		x, err := constraint.Parse(t)
		if err != nil {
			continue
		}
		switch {
		case constraint.IsGoBuild(t):
			expr, line = x, t // the go:build line wins over plus-build ones
		case expr == nil:
			expr, line = x, t
		case !strings.HasPrefix(line, "//go:build"):
			expr = &constraint.AndExpr{X: expr, Y: x} // several plus-build lines all hold
		}
	}
	if expr == nil || goBuildIgnore(src) {
		return ""
	}
	// The toolchain's tags the constraint names, each tried on and off
	// (GOOS values exclude each other, but ignoring that only errs
	// towards app code); every other tag is off in a release build.
	var free []string
	expr.Eval(func(tag string) bool {
		if toolchainTag(tag) && !slices.Contains(free, tag) {
			free = append(free, tag)
		}
		return false
	})
	if len(free) > 10 {
		return ""
	}
	for set := 0; set < 1<<len(free); set++ {
		if expr.Eval(func(tag string) bool {
			i := slices.Index(free, tag)
			return i >= 0 && set&(1<<i) != 0
		}) {
			return ""
		}
	}
	return line
}

// toolchainTag is a build tag a release build may have without anyone
// asking for it: an operating system or architecture, unix, cgo, the
// compiler, a Go release, or a standard library build mode.
func toolchainTag(tag string) bool {
	if strings.HasPrefix(tag, "go1.") || strings.HasPrefix(tag, "goexperiment.") {
		return true
	}
	return platformTags[tag]
}

var platformTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd
		openbsd plan9 solaris wasip1 windows zos unix 386 amd64 amd64p32 arm armbe arm64 arm64be loong64
		mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc
		sparc64 wasm cgo gc gccgo netgo osusergo timetzdata purego boringcrypto`) {
		m[t] = true
	}
	return m
}()

var (
	// schemaChange is what a database migration does: DDL, or a
	// migration framework's steps (goose, golang-migrate, xormigrate,
	// gormigrate, xorm's Sync, Alembic, Django, knex, Sequelize, TypeORM).
	schemaChange = regexp.MustCompile(`(?i)\b(?:create|alter|drop)\s+(?:table|index|view|column)\b|\badd\s+column\b|` +
		`\b(?:goose|migrate|xormigrate|gormigrate)\.|\bSync2?\(|\bAutoMigrate\(|\bop\.(?:add|drop|alter|create)_|` +
		`\bdef (?:upgrade|downgrade)\(|migrations\.(?:Migration|RunPython|AddField|CreateModel)\b|` +
		`\b(?:exports\.|async\s+)(?:up|down)\b|queryInterface\.|MigrationInterface\b`)
	// outboundCall is code that calls another service over HTTP, or
	// makes a Go SDK's client for one (trello.NewClient(key, token)).
	outboundCall = regexp.MustCompile(`"net/http"|\b[a-z]\w*\.NewClient\(|\bhttp\.(?:Get|Post|NewRequest(?:WithContext)?)\(|^\s*(?:import|from)\s+(?:requests|httpx|aiohttp)\b|\bfetch\(|\baxios\b`)
)

// importsFromService: a program under a migration folder that calls
// another service over HTTP and changes no schema is a feature that
// moves a user's data in from that service (an import from another
// product), not a migration of the database.
func importsFromService(l Lang, src []byte) bool {
	if !l.IsProgram() {
		return false
	}
	head := src[:min(len(src), 64<<10)]
	return outboundCall.Match(head) && !schemaChange.Match(head)
}

// startsServer reports code that listens for requests: what bin/www of
// an Express app does.
func startsServer(l Lang, src []byte) bool {
	var marks []string
	switch l.Family() {
	case JavaScript:
		marks = []string{"createServer(", ".listen("}
	case Python:
		marks = []string{".run(", "uvicorn.run(", "serve_forever("}
	default:
		return false
	}
	stripped := StripComments(l, src)
	for _, m := range marks {
		if bytes.Contains(stripped, []byte(m)) {
			return true
		}
	}
	return false
}

// Generated reports a file a tool wrote from another source: a comment
// line near its top, before any code, that says "Code generated ... DO
// NOT EDIT." (Go's convention, which protoc, buf, sqlc, ent and most
// generators follow, in // and # comments alike) or "@generated" (the
// JS generators' mark). Its names are the generator's (a service's RPC
// method paths), not values a person chose; what it serves is still
// served.
func Generated(src []byte) bool {
	head := src[:min(len(src), 4<<10)]
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var text []byte
		for _, mark := range []string{"//", "#", "--", "/*", "*"} {
			if rest, ok := bytes.CutPrefix(line, []byte(mark)); ok {
				text = rest
				break
			}
		}
		if text == nil {
			return false // code: the mark comes before any
		}
		if bytes.Contains(text, []byte("Code generated ")) && bytes.Contains(text, []byte("DO NOT EDIT")) {
			return true
		}
		if bytes.Contains(text, []byte("@generated")) {
			return true
		}
	}
	return false
}
