package thirdparty

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector/code"
)

// Dep is one direct dependency a manifest declares.
type Dep struct {
	Ecosystem string // npm, pypi, go, maven, rubygems, composer or nuget
	Name      string
	Line      int
	// Dev: declared only for development (devDependencies, a dev or
	// test group, requirements-dev.txt): the product does not ship it.
	Dev bool
}

// IsManifest reports whether a path is a manifest ParseManifest reads.
func IsManifest(p string) bool {
	base := path.Base(p)
	switch base {
	case "package.json", "go.mod", "pyproject.toml", "Pipfile":
		return true
	}
	return isRequirements(p) || sdkManifest(p)
}

// isRequirements: requirements.txt, requirements-dev.txt, requirements.in,
// requirements/base.txt.
func isRequirements(p string) bool {
	base := path.Base(p)
	ext := path.Ext(base)
	if ext != ".txt" && ext != ".in" {
		return false
	}
	return strings.HasPrefix(base, "requirements") || path.Base(path.Dir(p)) == "requirements"
}

// ParseManifest lists the direct dependencies of a manifest (runtime and
// development: both run with the team's credentials). A manifest that
// cannot be read is an error, for the caller to report as a warning.
func ParseManifest(p string, data []byte) ([]Dep, error) {
	deps, err := parseManifest(p, data)
	return slices.DeleteFunc(deps, func(d Dep) bool { return strings.TrimSpace(d.Name) == "" }), err
}

func parseManifest(p string, data []byte) ([]Dep, error) {
	switch path.Base(p) {
	case "package.json":
		return parsePackageJSON(data)
	case "go.mod":
		return parseGoMod(data), nil
	case "pyproject.toml":
		return parsePyproject(data)
	case "Pipfile":
		return parsePipfile(data)
	}
	if sdkManifest(p) {
		return parseSDKManifest(p, data)
	}
	if isRequirements(p) {
		deps := parseRequirements(data)
		if code.DevName(strings.TrimSuffix(path.Base(p), path.Ext(p))) {
			for i := range deps {
				deps[i].Dev = true
			}
		}
		return deps, nil
	}
	return nil, nil
}

func parsePackageJSON(data []byte) ([]Dep, error) {
	var pkg struct {
		Dependencies         map[string]any `json:"dependencies"`
		DevDependencies      map[string]any `json:"devDependencies"`
		PeerDependencies     map[string]any `json:"peerDependencies"`
		OptionalDependencies map[string]any `json:"optionalDependencies"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, fmt.Errorf("package.json is not valid JSON: %w", err)
	}
	var out []Dep
	for _, m := range []map[string]any{pkg.Dependencies, pkg.DevDependencies, pkg.PeerDependencies, pkg.OptionalDependencies} {
		for _, name := range sortedKeys(m) {
			_, shipped := pkg.Dependencies[name]
			_, peer := pkg.PeerDependencies[name]
			_, optional := pkg.OptionalDependencies[name]
			dev := !shipped && !peer && !optional
			out = append(out, Dep{Ecosystem: catalog.NPM, Name: name, Line: jsonKeyLine(data, name), Dev: dev})
		}
	}
	return out, nil
}

// jsonKeyLine finds the line of "name": in a JSON document (1 when the
// key cannot be found, which a valid document rules out).
func jsonKeyLine(data []byte, name string) int {
	key := []byte(`"` + name + `"`)
	for from := 0; ; {
		i := bytes.Index(data[from:], key)
		if i < 0 {
			return 1
		}
		i += from
		rest := bytes.TrimLeft(data[i+len(key):], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			return bytes.Count(data[:i], []byte{'\n'}) + 1
		}
		from = i + len(key)
	}
}

var reqNameRE = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*)`)

// parseRequirements reads pip requirement lines; options (-r, -e, --hash)
// and URLs without a name are skipped.
func parseRequirements(data []byte) []Dep {
	var out []Dep
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "-") || strings.Contains(line, "://") && !strings.Contains(line, "@") {
			continue
		}
		if m := reqNameRE.FindString(line); m != "" {
			out = append(out, Dep{Ecosystem: catalog.PyPI, Name: m, Line: n})
		}
	}
	return out
}

// parseGoMod reads the require directives of a go.mod, single-line and
// blocks, skipping "// indirect" requirements (dependencies of
// dependencies). Malformed lines are skipped: go.mod is written by tools.
func parseGoMod(data []byte) []Dep {
	var out []Dep
	inBlock := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		indirect := strings.Contains(line, "// indirect")
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			continue
		case inBlock && f[0] == ")":
			inBlock = false
			continue
		case f[0] == "require" && len(f) >= 2 && f[1] == "(":
			inBlock = true
			continue
		case f[0] == "require" && len(f) >= 3:
			f = f[1:]
		case !inBlock:
			continue
		}
		if len(f) >= 2 && !indirect {
			out = append(out, Dep{Ecosystem: catalog.Go, Name: strings.Trim(f[0], `"`), Line: n})
		}
	}
	return out
}

// parsePyproject reads PEP 621 ([project] dependencies and optional
// dependencies), PEP 735 dependency groups and Poetry's tables.
func parsePyproject(data []byte) ([]Dep, error) {
	var doc struct {
		Project struct {
			Dependencies         []string            `toml:"dependencies"`
			OptionalDependencies map[string][]string `toml:"optional-dependencies"`
		} `toml:"project"`
		DependencyGroups map[string][]any `toml:"dependency-groups"`
		Tool             struct {
			Poetry struct {
				Dependencies    map[string]any `toml:"dependencies"`
				DevDependencies map[string]any `toml:"dev-dependencies"`
				Group           map[string]struct {
					Dependencies map[string]any `toml:"dependencies"`
				} `toml:"group"`
			} `toml:"poetry"`
		} `toml:"tool"`
	}
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("pyproject.toml is not valid TOML: %s", tomlError(err))
	}
	var names, dev []string
	add := func(group string, specs []string) {
		for _, s := range specs {
			if m := reqNameRE.FindString(strings.TrimSpace(s)); m != "" {
				names = append(names, m)
				if code.DevName(group) {
					dev = append(dev, m)
				}
			}
		}
	}
	add("", doc.Project.Dependencies)
	for _, k := range sortedKeys(doc.Project.OptionalDependencies) {
		add(k, doc.Project.OptionalDependencies[k])
	}
	for _, k := range sortedKeys(doc.DependencyGroups) {
		var specs []string
		for _, v := range doc.DependencyGroups[k] {
			if s, ok := v.(string); ok { // tables are {include-group = ...}
				specs = append(specs, s)
			}
		}
		add(k, specs)
	}
	poetry := doc.Tool.Poetry
	add("", sortedKeys(poetry.Dependencies))
	add("dev", sortedKeys(poetry.DevDependencies))
	for _, g := range sortedKeys(poetry.Group) {
		add(g, sortedKeys(poetry.Group[g].Dependencies))
	}
	return markDev(pypiDeps(data, names), dev), nil
}

// parsePipfile reads [packages] and [dev-packages].
func parsePipfile(data []byte) ([]Dep, error) {
	var doc struct {
		Packages    map[string]any `toml:"packages"`
		DevPackages map[string]any `toml:"dev-packages"`
	}
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not valid TOML (Pipfile): %s", tomlError(err))
	}
	return markDev(pypiDeps(data, append(sortedKeys(doc.Packages), sortedKeys(doc.DevPackages)...)), sortedKeys(doc.DevPackages)), nil
}

// markDev marks the deps named only in dev groups: a name also declared
// for the product (in any non-dev group) ships.
func markDev(deps []Dep, dev []string) []Dep {
	devs := map[string]int{}
	for _, n := range dev {
		devs[normalizePyPI(n)]++
	}
	all := map[string]int{}
	for _, d := range deps {
		all[normalizePyPI(d.Name)]++
	}
	for i, d := range deps {
		n := normalizePyPI(d.Name)
		deps[i].Dev = devs[n] > 0 && devs[n] == all[n]
	}
	return deps
}

// tomlError keeps the position go-toml reports and drops its verbose
// context, which would quote the file (and a secret in it) back.
func tomlError(err error) string {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return fmt.Sprintf("line %d, column %d", row, col)
	}
	return "cannot decode"
}

var tokenRE = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._-]*`)

// pypiDeps places PyPI names on the first non-comment line that names
// them (PEP 503 comparison), skipping "python" itself.
func pypiDeps(data []byte, names []string) []Dep {
	lines := strings.Split(string(data), "\n")
	var out []Dep
	for _, name := range names {
		if strings.EqualFold(name, "python") {
			continue
		}
		want := normalizePyPI(name)
		line := 1
	search:
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "#") {
				continue
			}
			for _, tok := range tokenRE.FindAllString(l, -1) {
				if normalizePyPI(tok) == want {
					line = i + 1
					break search
				}
			}
		}
		out = append(out, Dep{Ecosystem: catalog.PyPI, Name: name, Line: line})
	}
	return out
}

func normalizePyPI(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer("_", "-", ".", "-").Replace(s)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// The manifests of the ecosystems whose code threatmap reads for routes
// only (Java and Kotlin, Ruby, PHP, C#). Their code is not searched for
// imports, so a dependency they declare for the product is taken as used:
// Bundler requires every gem of the default group, Composer autoloads
// every package, and a Maven, Gradle or NuGet dependency is on the
// product's class path.

// sdkManifest reports whether a path is one of those manifests.
func sdkManifest(p string) bool {
	base := path.Base(p)
	switch base {
	case "pom.xml", "build.gradle", "build.gradle.kts", "Gemfile", "composer.json", "packages.config":
		return true
	}
	return strings.HasSuffix(base, ".csproj") || strings.HasSuffix(base, ".fsproj") || strings.HasSuffix(base, ".vbproj")
}

func parseSDKManifest(p string, data []byte) ([]Dep, error) {
	base := path.Base(p)
	switch base {
	case "pom.xml":
		return parsePom(data), nil
	case "build.gradle", "build.gradle.kts":
		return parseGradle(data), nil
	case "Gemfile":
		return parseGemfile(data), nil
	case "composer.json":
		return parseComposer(data)
	case "packages.config":
		return parseNuGet(data, packagesConfigRE), nil
	}
	return parseNuGet(data, packageReferenceRE), nil
}

var (
	pomDepRE   = regexp.MustCompile(`(?s)<dependency>(.*?)</dependency>`)
	pomFieldRE = regexp.MustCompile(`<(groupId|artifactId|scope)>\s*([^<\s]+)\s*</`)
	xmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// blankComments replaces what re matches with spaces, keeping newlines,
// so offsets and line numbers stay put.
func blankComments(data []byte, re *regexp.Regexp) []byte {
	return re.ReplaceAllFunc(data, func(m []byte) []byte {
		return bytes.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			return ' '
		}, m)
	})
}

// parsePom reads a pom.xml's <dependency> elements, those of
// <dependencyManagement> too (a version pinned there is declared for the
// product's modules); scope test is development, and so is a dependency
// of a build <plugin> (it runs at build time).
func parsePom(data []byte) []Dep {
	data = blankComments(data, xmlComment)
	plugins := regexp.MustCompile(`(?s)<plugins>.*?</plugins>`).FindAllIndex(data, -1)
	var out []Dep
	for _, loc := range pomDepRE.FindAllSubmatchIndex(data, -1) {
		body := data[loc[2]:loc[3]]
		f := map[string]string{}
		at := loc[2]
		for _, m := range pomFieldRE.FindAllSubmatchIndex(body, -1) {
			k := string(body[m[2]:m[3]])
			f[k] = string(body[m[4]:m[5]])
			if k == "artifactId" {
				at = loc[2] + m[0]
			}
		}
		if f["groupId"] == "" || f["artifactId"] == "" {
			continue
		}
		dev := f["scope"] == "test"
		for _, pl := range plugins {
			if loc[0] >= pl[0] && loc[1] <= pl[1] {
				dev = true
			}
		}
		out = append(out, Dep{Ecosystem: catalog.Maven, Name: f["groupId"] + ":" + f["artifactId"], Line: bytes.Count(data[:at], []byte{'\n'}) + 1, Dev: dev})
	}
	return out
}

var (
	// gradleDepRE: implementation("g:a:v"), api 'g:a:v', testImplementation(platform("g:a:v")).
	gradleDepRE = regexp.MustCompile(`^\s*([A-Za-z]+)\s*[( ]\s*(?:(?:platform|enforcedPlatform)\s*\(\s*)?["']([A-Za-z0-9_.\-]+):([A-Za-z0-9_.\-]+)(?::[^"']*)?["']`)
	// gradleMapRE: implementation group: 'g', name: 'a'.
	gradleMapRE  = regexp.MustCompile(`^\s*([A-Za-z]+)\s*\(?\s*group\s*[:=]\s*["']([A-Za-z0-9_.\-]+)["']\s*,\s*name\s*[:=]\s*["']([A-Za-z0-9_.\-]+)["']`)
	slashComment = regexp.MustCompile(`(?s)/\*.*?\*/|//[^\n]*`)
)

// gradleConfigs are the dependency configurations that put a library on
// the product's class path; the test*, androidTest* and annotation
// processor ones do not ship.
func gradleConfig(c string) (dep, dev bool) {
	switch c {
	case "implementation", "api", "compile", "runtimeOnly", "runtime", "compileOnly", "compileOnlyApi", "developmentOnly":
		return true, c == "developmentOnly"
	}
	lc := strings.ToLower(c)
	if strings.HasPrefix(lc, "test") || strings.HasPrefix(lc, "androidtest") || strings.HasPrefix(lc, "integrationtest") {
		return true, true
	}
	return false, false
}

// parseGradle reads build.gradle and build.gradle.kts dependency lines.
func parseGradle(data []byte) []Dep {
	data = blankComments(data, slashComment)
	var out []Dep
	for n, line := range strings.Split(string(data), "\n") {
		m := gradleDepRE.FindStringSubmatch(line)
		if m == nil {
			m = gradleMapRE.FindStringSubmatch(line)
		}
		if m == nil {
			continue
		}
		ok, dev := gradleConfig(m[1])
		if !ok {
			continue
		}
		out = append(out, Dep{Ecosystem: catalog.Maven, Name: m[2] + ":" + m[3], Line: n + 1, Dev: dev})
	}
	return out
}

// parseGemfile reads a Gemfile's gem lines (code.Gemfile).
func parseGemfile(data []byte) []Dep {
	var out []Dep
	for _, g := range code.Gemfile(data) {
		out = append(out, Dep{Ecosystem: catalog.RubyGems, Name: g.Name, Line: g.Line, Dev: g.Dev})
	}
	return out
}

// parseComposer reads composer.json's require and require-dev; php
// itself and its extensions (ext-curl) are no packages.
func parseComposer(data []byte) ([]Dep, error) {
	var doc struct {
		Require    map[string]any `json:"require"`
		RequireDev map[string]any `json:"require-dev"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("composer.json is not valid JSON: %w", err)
	}
	var out []Dep
	for _, m := range []map[string]any{doc.Require, doc.RequireDev} {
		for _, name := range sortedKeys(m) {
			if !strings.Contains(name, "/") {
				continue // php, ext-json, lib-openssl
			}
			_, shipped := doc.Require[name]
			out = append(out, Dep{Ecosystem: catalog.Composer, Name: name, Line: jsonKeyLine(data, name), Dev: !shipped})
		}
	}
	return out, nil
}

var (
	packageReferenceRE = regexp.MustCompile(`<PackageReference\s[^>]*?\bInclude\s*=\s*"([^"]+)"`)
	packagesConfigRE   = regexp.MustCompile(`<package\s[^>]*?\bid\s*=\s*"([^"]+)"`)
	testProjectRE      = regexp.MustCompile(`(?i)<IsTestProject>\s*true\s*</IsTestProject>|Include\s*=\s*"Microsoft\.NET\.Test\.Sdk"`)
)

// parseNuGet reads a project file's PackageReference items or a
// packages.config's package elements. A test project (one that sets
// IsTestProject or references the test SDK) ships nothing it references.
func parseNuGet(data []byte, re *regexp.Regexp) []Dep {
	data = blankComments(data, xmlComment)
	dev := testProjectRE.Match(data)
	var out []Dep
	for _, m := range re.FindAllSubmatchIndex(data, -1) {
		out = append(out, Dep{Ecosystem: catalog.NuGet, Name: string(data[m[2]:m[3]]), Line: bytes.Count(data[:m[0]], []byte{'\n'}) + 1, Dev: dev})
	}
	return out
}
