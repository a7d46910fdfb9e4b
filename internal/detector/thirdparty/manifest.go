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
)

// Dep is one direct dependency a manifest declares.
type Dep struct {
	Ecosystem string // npm, pypi or go
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
	return isRequirements(p)
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
	if isRequirements(p) {
		deps := parseRequirements(data)
		if devName(strings.TrimSuffix(path.Base(p), path.Ext(p))) {
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
				if devName(group) {
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

// devName: a dependency group or requirements file named for
// development (dev, test, lint, docs, typing; requirements-dev.txt).
func devName(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		switch w {
		case "dev", "develop", "development", "test", "tests", "testing", "lint", "linting", "docs", "doc", "typing", "types", "ci":
			return true
		}
	}
	return false
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
