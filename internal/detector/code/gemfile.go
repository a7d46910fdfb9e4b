package code

import (
	"regexp"
	"slices"
	"strings"
)

// Gem is one gem line of a Gemfile.
type Gem struct {
	Name string
	Line int
	// Dev: declared only in development or test groups; Bundler does not
	// load it in production.
	Dev bool
}

var (
	gemRE      = regexp.MustCompile(`^\s*gem\s*\(?\s*["']([A-Za-z0-9_.\-]+)["'](.*)$`)
	gemGroupRE = regexp.MustCompile(`^\s*group\s*\(?\s*(.*?)\s*\)?\s*do\b`)
	symbolRE   = regexp.MustCompile(`:\s*([a-z_]+)|["']([a-z_]+)["']`)
	gemOptRE   = regexp.MustCompile(`\bgroups?\s*(?::|=>)\s*(\[[^\]]*\]|:[a-z_]+|["'][a-z_]+["'])`)
	// blockRE: a line that opens a block an "end" closes (platforms :jruby
	// do, if ENV["X"], source "..." do).
	blockRE = regexp.MustCompile(`^\s*(?:if|unless|case|begin|def)\b|\bdo\s*(?:\|[^|]*\|)?\s*$`)
)

// DevName: a dependency group or requirements file named for
// development (dev, test, lint, docs, typing; requirements-dev.txt).
func DevName(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		switch w {
		case "dev", "develop", "development", "test", "tests", "testing", "lint", "linting", "docs", "doc", "typing", "types", "ci":
			return true
		}
	}
	return false
}

// devGroups: every group named is a development one (group :development,
// :test); a gem in any other group (:production, a custom one) ships.
func devGroups(spec string) bool {
	ms := symbolRE.FindAllStringSubmatch(spec, -1)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !DevName(m[1] + m[2]) {
			return false
		}
	}
	return true
}

// Gemfile reads a Gemfile's gem lines; those inside a development or
// test group block, or given such groups, are development.
func Gemfile(data []byte) []Gem {
	var out []Gem
	// stack holds, per open block, whether it is a development group.
	var stack []bool
	inDev := func() bool { return slices.Contains(stack, true) }
	for n, line := range strings.Split(string(data), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		trim := strings.TrimSpace(line)
		switch {
		case trim == "end":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		case gemGroupRE.MatchString(line):
			stack = append(stack, devGroups(gemGroupRE.FindStringSubmatch(line)[1]))
			continue
		case blockRE.MatchString(line):
			stack = append(stack, false)
			continue
		}
		m := gemRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		dev := inDev()
		if g := gemOptRE.FindStringSubmatch(m[2]); g != nil && devGroups(g[1]) {
			dev = true
		}
		out = append(out, Gem{Name: m[1], Line: n + 1, Dev: dev})
	}
	return out
}
