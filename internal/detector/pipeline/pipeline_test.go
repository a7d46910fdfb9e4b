package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// Expectations in the fixtures are comments, one per evidence line:
//
//	# want: pipeline <kind> <subject>   a Pipeline fact
//	# want: control <kind> <subject>    a Control fact
//
// The subject is the start of the fact's Detail, up to the first ": ":
// the workflow's name, the action reference or the manifest's path.
// package.json cannot hold comments: its expectations sit in a README
// beside it as <!-- want: ... -->.

func found(f facts.Facts) []string {
	var out []string
	for _, x := range f.Pipeline {
		for range x.Evidence {
			out = append(out, "pipeline "+x.Kind+" "+subject(x.Detail))
		}
	}
	for _, x := range f.Controls {
		for range x.Evidence {
			out = append(out, "control "+x.Kind+" "+subject(x.Detail))
		}
	}
	return out
}

func subject(detail string) string {
	s, _, _ := strings.Cut(detail, ": ")
	return s
}

func check(t *testing.T, name, dir string, f facts.Facts, categories ...string) {
	t.Helper()
	got := found(f)
	for _, cat := range categories {
		var g, w []string
		for _, x := range got {
			if strings.HasPrefix(x, cat+" ") {
				g = append(g, x)
			}
		}
		for _, x := range detectortest.Wants(t, dir, cat+" ") {
			w = append(w, cat+" "+x)
		}
		detectortest.Check(t, name+" "+cat, g, w)
	}
}

func assertWarned(t *testing.T, f facts.Facts, files ...string) {
	t.Helper()
	for _, file := range files {
		if !slices.ContainsFunc(f.Warnings, func(w facts.Warning) bool { return w.File == file }) {
			t.Errorf("no warning for %s; warnings: %+v", file, f.Warnings)
		}
	}
}

func TestGitHubActionsFixtures(t *testing.T) {
	const dir = "testdata/actions"
	f := detectortest.Scan(t, dir, NewCI())
	check(t, "github-actions", dir, f, "pipeline", "control")
	assertWarned(t, f, ".github/workflows/broken.yml")
}

func TestNoSecretScanning(t *testing.T) {
	const dir = "testdata/noscan"
	check(t, "no-secret-scanning", dir, detectortest.Scan(t, dir, NewCI()), "pipeline", "control")
}

func TestGitLabFixtures(t *testing.T) {
	const dir = "testdata/gitlab"
	check(t, "gitlab-ci", dir, detectortest.Scan(t, dir, NewCI()), "pipeline", "control")
}

func TestLockfileFixtures(t *testing.T) {
	const dir = "testdata/lockfiles"
	f := detectortest.Scan(t, dir, NewLockfiles())
	check(t, "lockfiles", dir, f, "pipeline")
	assertWarned(t, f, "broken/package.json", "broken/pyproject.toml")
}

func TestEchoedSecrets(t *testing.T) {
	env := map[string]string{"TOKEN": "API_TOKEN"}
	tests := []struct {
		line string
		want []string
	}{
		{`echo ${{ secrets.KEY }}`, []string{"KEY"}},
		{`echo "key=${{ secrets['KEY'] }}"`, []string{"KEY"}},
		{`echo "$TOKEN"`, []string{"API_TOKEN"}},
		{`printf '%s\n' "${TOKEN}"`, []string{"API_TOKEN"}},
		{`echo '${{ toJSON(secrets) }}'`, []string{"* (toJSON(secrets))"}},
		{`echo ${{ secrets.KEY }} | docker login --password-stdin`, nil},
		{`echo "$TOKEN" > .npmrc`, nil},
		{`echo "::add-mask::${{ secrets.KEY }}"`, nil},
		{`echo done && deploy --key ${{ secrets.KEY }}`, nil},
		{`curl -H "Authorization: ${{ secrets.KEY }}" https://api.example`, nil},
		{`echo "$TOKENIZER"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := echoedSecrets(tt.line, env); !slices.Equal(got, tt.want) {
				t.Errorf("echoedSecrets = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestScannerCommand(t *testing.T) {
	tests := map[string]string{
		"gitleaks detect --source .":                                  "gitleaks",
		"trufflehog git file://. --only-verified":                     "trufflehog",
		"detect-secrets-hook --baseline .secrets.baseline":            "detect-secrets",
		"pip install ggshield && ggshield secret scan ci":             "ggshield",
		"docker run -v $PWD:/repo zricethezav/gitleaks:latest detect": "gitleaks",
		"sudo git-secrets --scan":                                     "git-secrets",
		`echo "run gitleaks locally"`:                                 "",
		"pip install trufflehog3":                                     "",
		"npm test":                                                    "",
	}
	for line, want := range tests {
		if got := scannerCommand(line); got != want {
			t.Errorf("scannerCommand(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestUnpinnedRequirements(t *testing.T) {
	got, total := unpinnedRequirements([]byte("flask\nrequests==2.31.0\nnumpy>=1.26,<2\nDjango==5.*\n# c\n-r base.txt\n"))
	var names []string
	for _, r := range got {
		names = append(names, r.name)
	}
	if want := []string{"flask", "numpy", "Django"}; !slices.Equal(names, want) || total != 4 {
		t.Errorf("unpinned = %v of %d, want %v of 4", names, total, want)
	}
}
