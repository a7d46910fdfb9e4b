package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/redact/redacttest"
)

// The hostile repository: a webhook route whose path holds a Stripe key
// and one holding a Slack bot token, a route with ESC and BEL in it, a
// file whose name forges a GitHub workflow command, and a compose service
// named to inject Markdown into a pull-request comment. Keys are built at
// run time (redacttest), so this file holds none.
var (
	hostileKeys = []string{redacttest.StripeKey, redacttest.SlackBot}
	forgingFile = "app/x\n::error file=x::FORGED.js"
	// brokenForgingFile cannot be parsed: its name is in a warning.
	brokenForgingFile = "app/z\n::error file=z::FORGED\x1b[31m.py"
	markdownName      = "![x](http://evil/x.png) @admin #1 [link](http://e)"
	hostileCompose    = "services:\n  web:\n    build: .\n  \"" + markdownName + "\":\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n    ports:\n      - \"5432:5432\"\n"
)

func expressApp(routes ...string) string {
	var b strings.Builder
	b.WriteString("const express = require('express');\nconst app = express();\n")
	for _, r := range routes {
		b.WriteString(r + "\n")
	}
	return b.String()
}

// writeHostileTree writes the hostile files into dir.
func writeHostileTree(t *testing.T, dir string) {
	t.Helper()
	files := map[string]string{
		"app/server.js": expressApp(
			"app.post('/hooks/"+redacttest.StripeKey+"', (req, res) => res.send('ok'));",
			"app.post('/slack/"+redacttest.SlackBot+"/events', (req, res) => res.send('ok'));",
			"app.get('/esc\x1b[31mred\a', (req, res) => res.send('ok'));"),
		forgingFile:          expressApp("app.get('/forged', (req, res) => res.send('ok'));"),
		brokenForgingFile:    "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/broken'\ndef broken(:\n",
		"docker-compose.yml": hostileCompose,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, content)
	}
}

// TestHostileRepositoryOutputs runs every command that prints what the
// code holds, in every format, on the hostile repository: no output holds
// a key, a raw control character, a line that starts a workflow command,
// or live Markdown.
func TestHostileRepositoryOutputs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file names with line breaks")
	}
	t.Setenv("THREATMAP_NOW", "2026-06-15")
	tree := t.TempDir()
	writeHostileTree(t, tree)

	// A model that knows the tree so far; a later file is drift, so
	// check has findings about the forging file name.
	modeled := t.TempDir()
	writeHostileTree(t, modeled)
	if out, code := run(t, "init", modeled); code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, out)
	}
	writeFile(t, filepath.Join(modeled, "app", "y\n::error file=y::FORGED2.js"), expressApp("app.get('/new', (req, res) => res.send('ok'));"))

	type output struct{ name, text string }
	tests := []struct {
		name     string
		args     []string
		kind     string // human, github, markdown or json: what to check
		files    []string
		wantCode int
	}{
		{"scan json", []string{"scan", tree, "--format", "json"}, "json", nil, ExitOK},
		{"scan table", []string{"scan", tree, "--format", "table"}, "human", nil, ExitOK},
		{"report md", []string{"report", tree}, "markdown", nil, ExitOK},
		{"report md warns", []string{"report", tree}, "warning", nil, ExitOK},
		{"report html", []string{"report", tree, "--format", "html"}, "json", nil, ExitOK},
		{"report json", []string{"report", tree, "--format", "json"}, "json", nil, ExitOK},
		{"check human", []string{"check", modeled}, "human", nil, ExitFindings},
		{"check json", []string{"check", modeled, "--format", "json"}, "json", nil, ExitFindings},
		{"check sarif", []string{"check", modeled, "--format", "sarif"}, "json", nil, ExitFindings},
		{"check github", []string{"check", modeled, "--format", "github"}, "github", nil, ExitFindings},
		{"check md", []string{"check", modeled, "--format", "md"}, "markdown", nil, ExitFindings},
		{"init", []string{"init", tree}, "human", []string{"threatmap.yaml", "THREATMAP.md"}, ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run(tt.args, &stdout, &stderr); code != tt.wantCode {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.wantCode, stdout.String(), stderr.String())
			}
			if tt.kind == "warning" {
				if !strings.Contains(stderr.String(), "warning: app/z\\n") {
					t.Fatalf("no warning names the broken file:\n%s", stderr.String())
				}
				tt.kind = "markdown"
			}
			outs := []output{{"stdout", stdout.String()}, {"stderr", stderr.String()}}
			for _, f := range tt.files {
				data, err := os.ReadFile(filepath.Join(tree, f))
				if err != nil {
					t.Fatal(err)
				}
				outs = append(outs, output{f, string(data)})
			}
			for _, o := range outs {
				kind := tt.kind
				if o.name == "stderr" {
					kind = "human"
				} else if strings.HasSuffix(o.name, ".md") {
					kind = "markdown"
				} else if strings.HasSuffix(o.name, ".yaml") {
					kind = "json"
				}
				assertSafe(t, o.name, kind, o.text)
			}
		})
	}
}

// TestHostileDiff is diff's share: the pull request adds the hostile files.
func TestHostileDiff(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file names with line breaks")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	writeFile(t, filepath.Join(repo, "server.js"), expressApp("app.get('/ok', (req, res) => res.send('ok'));"))
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	writeHostileTree(t, repo)
	git("add", ".")
	git("commit", "-q", "-m", "head")
	t.Chdir(repo)
	for _, format := range []string{"md", "json"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run([]string{"diff", "HEAD~1", "--format", format}, &stdout, &stderr); code != ExitOK {
				t.Fatalf("exit %d\n%s", code, stderr.String())
			}
			kind := "markdown"
			if format == "json" {
				kind = "json"
			}
			assertSafe(t, "stdout", kind, stdout.String())
			assertSafe(t, "stderr", "human", stderr.String())
			if format == "md" && !strings.Contains(stdout.String(), "/hooks/") {
				t.Errorf("the webhook route is missing:\n%s", stdout.String())
			}
		})
	}
}

// codeSpans are fenced blocks and inline code spans: Markdown is inert
// inside them, so live Markdown is looked for in the rest.
var codeSpans = regexp.MustCompile("(?s)```.*?```|``[^`].*?``|`[^`]*`")

// assertSafe checks one output of one kind.
func assertSafe(t *testing.T, name, kind, text string) {
	t.Helper()
	for _, key := range hostileKeys {
		if strings.Contains(text, key) {
			t.Errorf("%s holds a key in full", name)
		}
	}
	// A redacted key must still be visible as such where the route is.
	for _, c := range []string{"\x1b", "\a", "\r"} {
		if strings.Contains(text, c) {
			t.Errorf("%s holds %q:\n%s", name, c, text)
		}
	}
	switch kind {
	case "human", "markdown":
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
				t.Errorf("%s has a line that starts a workflow command: %q", name, line)
			}
		}
	case "github":
		for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
			if !strings.HasPrefix(line, "::error file=") && !strings.HasPrefix(line, "::warning file=") &&
				!strings.HasPrefix(line, "::notice file=") && !strings.HasPrefix(line, "threatmap check ") {
				t.Errorf("%s has a line threatmap did not write: %q", name, line)
			}
			if strings.Contains(line, "\n::") {
				t.Errorf("%s: %q", name, line)
			}
		}
	}
	if kind == "markdown" {
		prose := codeSpans.ReplaceAllString(text, "")
		for _, live := range []string{"![x](", "[link](", "http://", "@admin", "#1 "} {
			if strings.Contains(prose, live) {
				t.Errorf("%s holds live Markdown %q:\n%s", name, live, prose)
			}
		}
		if !strings.Contains(text, "evil") {
			t.Errorf("%s lost the service name", name)
		}
	}
}
