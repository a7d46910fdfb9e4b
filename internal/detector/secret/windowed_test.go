package secret

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/regexgate"
)

// envCallPattern is what envCallParens replaces: the same calls, found by
// running the pattern over every byte.
var envCallPattern = regexp.MustCompile(`(?i)\b[\w.]*?(?:getenv|get_env|environ\.get|environ\.setdefault|envor|getenvor\w*|env\.str|env|config)\s*\(`)

func envCallParensByPattern(src string) []int {
	var out []int
	for _, m := range envCallPattern.FindAllStringIndex(src, -1) {
		out = append(out, m[1]-1)
	}
	return out
}

// literalsWhole are the location rules as they ran before windows: every
// pattern over the whole file.
func literalsWhole(src string) []candidate {
	var out []candidate
	out = append(out, refSigningAssignmentsIn(src, span{0, len(src)})...)
	return out
}

// envCallParensOf is envCallParens with the words found in src.
func envCallParensOf(src string) []int {
	lower := regexgate.Lower(src)
	words := findCodeWords(src, lower)
	return envCallParens(lower, words.envs, words.configs)
}

func TestEnvCallParens(t *testing.T) {
	for _, src := range envCallSeeds {
		got, want := envCallParensOf(src), envCallParensByPattern(src)
		if !slices.Equal(got, want) {
			t.Errorf("%q: parens %v, pattern finds %v", src, got, want)
		}
	}
}

var envCallSeeds = []string{
	`key = os.getenv("JWT_SECRET", "dev")`,
	`os.environ.get('A') or "x"; os.environ.setdefault("B", "y")`,
	`env.str("SECRET_KEY", default="z"); env("X"); config('Y', default='q')`,
	`getenvOrDefault ("K", "v"); GetEnvOr("K", "v"); envor("a")`,
	`environment("x"); myenv (1); $env(2); (env(3)); .env(4); env`,
	"CONFIG\n(\"A\") get_env(\"B\") Environ.Get(\"C\")",
	"",
}

// FuzzEnvCallParens: the call finder and the pattern it replaces agree
// on any text (ASCII case folding: the pattern's Unicode folds of k and s
// are no variable names).
func FuzzEnvCallParens(f *testing.F) {
	for _, s := range envCallSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, r := range src {
			if r == '\u212a' || r == '\u017f' {
				return
			}
		}
		got, want := envCallParensOf(src), envCallParensByPattern(src)
		if !slices.Equal(got, want) {
			t.Errorf("%q: parens %v, pattern finds %v", src, got, want)
		}
	})
}

// TestSigningWindows: running the assignment pattern only around "key"
// and "secret" finds what running it over whole files finds, on the
// fixtures and on any tree named by THREATMAP_PARITY_ROOT.
func TestSigningWindows(t *testing.T) {
	roots := []string{"testdata"}
	if r := os.Getenv("THREATMAP_PARITY_ROOT"); r != "" {
		roots = append(roots, r)
	}
	for _, root := range roots {
		files := 0
		err := filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || !isCodePath(p) {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			src := string(data)
			lower := regexgate.Lower(src)
			if got, want := signingAssignments(src, lower, findCodeWords(src, lower)), literalsWhole(src); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: windows find %v, whole file %v", p, got, want)
			}
			if got, want := envCallParensOf(src), envCallParensByPattern(src); !slices.Equal(got, want) {
				t.Errorf("%s: parens %v, pattern finds %v", p, got, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d code files", root, files)
	}
}
