package source

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// reference is go-git's matcher over the same lists: what ignoreStack
// must answer.
func reference(lists [][]string, domains [][]string) gitignore.Matcher {
	var ps []gitignore.Pattern
	for i, list := range lists {
		for _, p := range list {
			ps = append(ps, gitignore.ParsePattern(p, domains[i]))
		}
	}
	return gitignore.NewMatcher(ps)
}

func stack(lists [][]string, domains [][]string) ignoreStack {
	var s ignoreStack
	for i, list := range lists {
		s = append(s, newIgnoreList(list, domains[i]))
	}
	return s
}

func split(p string) []string {
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// compare fails the test where the indexed matcher and go-git's differ.
func compare(t *testing.T, lists [][]string, domains [][]string, paths []string) {
	t.Helper()
	got, want := stack(lists, domains), reference(lists, domains)
	for _, p := range paths {
		for _, isDir := range []bool{false, true} {
			if g, w := got.Match(split(p), isDir), want.Match(split(p), isDir); g != w {
				t.Fatalf("patterns %q in %q, path %q (folder %v): ignored %v, go-git says %v", lists, domains, p, isDir, g, w)
			}
		}
	}
}

func TestIgnoreSemantics(t *testing.T) {
	tests := []struct {
		name     string
		patterns []string
		path     string
		isDir    bool
		want     bool
	}{
		{"name anywhere", []string{"secret.txt"}, "a/b/secret.txt", false, true},
		{"name as a folder above", []string{"logs"}, "logs/x.txt", false, true},
		{"suffix", []string{"*.log"}, "a/debug.log", false, true},
		{"suffix misses", []string{"*.log"}, "a/debug.log.txt", false, false},
		{"prefix", []string{"npm-debug.log*"}, "npm-debug.log.1", false, true},
		{"dir-only skips a file", []string{"build/"}, "build", false, false},
		{"dir-only takes a folder", []string{"build/"}, "build", true, true},
		{"dir-only takes what is under it", []string{"build/"}, "build/out.js", false, true},
		{"anchored at the root", []string{"/docs"}, "docs", true, true},
		{"anchored misses deeper", []string{"/docs"}, "a/docs", true, false},
		{"path pattern", []string{"web/static"}, "web/static/app.js", false, true},
		{"path pattern is anchored", []string{"web/static"}, "x/web/static", true, false},
		{"path with a glob", []string{"web/*.map"}, "web/app.js.map", false, true},
		{"double star", []string{"**/cache"}, "a/b/cache", true, true},
		{"double star in the middle", []string{"a/**/z"}, "a/b/c/z", false, true},
		{"negation wins when later", []string{"*.env", "!example.env"}, "example.env", false, false},
		{"negation loses when earlier", []string{"!example.env", "*.env"}, "example.env", false, true},
		{"character class", []string{"*.py[co]"}, "m.pyc", false, true},
		{"escaped glob", []string{`\*.txt`}, "*.txt", false, true},
		{"question mark", []string{"?.go"}, "a.go", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lists, domains := [][]string{tt.patterns}, [][]string{nil}
			if got := stack(lists, domains).Match(split(tt.path), tt.isDir); got != tt.want {
				t.Errorf("ignored = %v, want %v", got, tt.want)
			}
			compare(t, lists, domains, []string{tt.path})
		})
	}
}

func TestIgnoreNestedLists(t *testing.T) {
	lists := [][]string{{"*.tmp", "gen/", "!keep.tmp"}, {"!*.tmp", "local", "/x/y"}}
	domains := [][]string{nil, {"sub"}}
	s := stack(lists, domains)
	for _, tt := range []struct {
		path string
		want bool
	}{
		{"a.tmp", true}, {"keep.tmp", false}, {"sub/a.tmp", false}, {"sub/local", true},
		{"local", false}, {"sub/x/y", true}, {"x/y", false}, {"sub/gen/a.go", true},
	} {
		if got := s.Match(split(tt.path), false); got != tt.want {
			t.Errorf("%s: ignored = %v, want %v", tt.path, got, tt.want)
		}
	}
	compare(t, lists, domains, []string{"a.tmp", "keep.tmp", "sub/a.tmp", "sub/local", "local", "sub/x/y", "x/y", "sub/gen/a.go", "sub"})
}

// Pieces random patterns and paths are built from: every shape the index
// treats apart, and what go-git treats oddly (empty parts, "**" inside a
// part, bad classes, trailing spaces, escapes).
var (
	patternParts = []string{"a", "b", "ab", "a.go", "*", "**", "?", "*.go", "a*", "*b", "[ab]", "[", `\a`, "", "a**", "b ", `a\ `, "!a"}
	pathParts    = []string{"a", "b", "ab", "a.go", "b.go", "ba", "aa", "*", "[", "a b"}
)

func randomPattern(r *rand.Rand) string {
	var sb strings.Builder
	if r.IntN(5) == 0 {
		sb.WriteString("!")
	}
	if r.IntN(4) == 0 {
		sb.WriteString("/")
	}
	for k := range 1 + r.IntN(3) {
		if k > 0 {
			sb.WriteString("/")
		}
		sb.WriteString(patternParts[r.IntN(len(patternParts))])
	}
	if r.IntN(4) == 0 {
		sb.WriteString("/")
	}
	return sb.String()
}

func randomPath(r *rand.Rand) string {
	parts := make([]string, 1+r.IntN(4))
	for k := range parts {
		parts[k] = pathParts[r.IntN(len(pathParts))]
	}
	return strings.Join(parts, "/")
}

// TestIgnoreMatchesGoGit compares the indexed matcher with go-git's on
// random patterns, folders and paths.
func TestIgnoreMatchesGoGit(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 16))
	for range 3000 {
		var lists, domains [][]string
		for k := range 1 + r.IntN(3) {
			var list []string
			for range 1 + r.IntN(8) {
				list = append(list, randomPattern(r))
			}
			var domain []string
			if k > 0 {
				d := split(randomPath(r))
				domain = d[:1+r.IntN(len(d))]
			}
			lists, domains = append(lists, list), append(domains, domain)
		}
		var paths []string
		for range 20 {
			paths = append(paths, randomPath(r))
		}
		compare(t, lists, domains, paths)
	}
}

// FuzzIgnoreMatch compares the indexed matcher with go-git's: patterns
// one a line, under the folder domain, on paths one a line.
func FuzzIgnoreMatch(f *testing.F) {
	f.Add("*.log\n!keep.log\nbuild/\n/docs\nweb/*.map\n**/cache\na/**/z", "", "a/debug.log\nkeep.log\nbuild\nbuild/x\ndocs/a\nweb/x.map\nq/cache\na/b/z")
	f.Add("x*\n*y\n[a-\n\\*\n**/a*\nb/**\n//c\nd//e/", "sub", "sub/xa\nsub/ay\nsub/b/q\nsub/c\nsub/d/e\nsub/d/e/f")
	f.Add("!\n/\n \n\\ \na/\n", "", "a\n\n/a")
	f.Fuzz(func(t *testing.T, patterns, domain, paths string) {
		lists := [][]string{strings.Split(patterns, "\n")}
		domains := [][]string{split(domain)}
		compare(t, lists, domains, strings.Split(paths, "\n"))
	})
}
