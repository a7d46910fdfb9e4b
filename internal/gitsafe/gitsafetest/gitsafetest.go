// Package gitsafetest builds hostile git repositories for tests: each one's
// own config (or the environment) names a program that, if git ever runs
// it, leaves a marker file. Tests of every package that runs git use them
// to show that nothing the repository configures is ever run.
package gitsafetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Key is the secret every hostile repository commits (a Stripe-shaped
// test key, built at run time so no scanner flags this file).
var Key = "sk_live_" + "51Hq8ZtLk2JvX9mRw4PbN7cYs3DfG6hK1aE0uQiToVnBxMzWl"

// Vector is one way a repository can make git run a program.
type Vector struct {
	Name string
	// Config is appended to .git/config; $PROG is the program's path,
	// $DIR the repository's.
	Config string
	// Attributes is committed as .gitattributes.
	Attributes string
	// Env is set while the code under test runs, as if the person's
	// environment held it.
	Env map[string]string
	// Signed makes HEAD a commit signed in this format: openpgp, ssh or
	// x509.
	Signed string
	// Hooks writes every hook into .git/hooks.
	Hooks bool
	// Trigger is a plain git command that runs the program when nothing
	// is neutralised: it shows the vector is live. Nil when only a
	// terminal would trigger it.
	Trigger []string
}

// Vectors is every vector threatmap defends against.
func Vectors() []Vector {
	return []Vector{
		{Name: "log.showSignature with gpg.program", Config: "[log]\n\tshowSignature = true\n[gpg]\n\tprogram = $PROG\n", Signed: "openpgp", Trigger: []string{"log", "-1"}},
		{Name: "gpg.openpgp.program", Config: "[log]\n\tshowSignature = true\n[gpg \"openpgp\"]\n\tprogram = $PROG\n", Signed: "openpgp", Trigger: []string{"log", "-1"}},
		{Name: "gpg.ssh.program", Config: "[log]\n\tshowSignature = true\n[gpg]\n\tformat = ssh\n[gpg \"ssh\"]\n\tprogram = $PROG\n\tallowedSignersFile = $DIR/.git/config\n", Signed: "ssh", Trigger: []string{"log", "-1"}},
		{Name: "gpg.x509.program", Config: "[log]\n\tshowSignature = true\n[gpg \"x509\"]\n\tprogram = $PROG\n", Signed: "x509", Trigger: []string{"log", "-1"}},
		{Name: "config included from a file", Config: "[include]\n\tpath = $DIR/.git/extra\n", Signed: "openpgp", Trigger: []string{"log", "-1"}},
		{Name: "core.fsmonitor", Config: "[core]\n\tfsmonitor = $PROG\n", Trigger: []string{"status"}},
		{Name: "core.pager and pager.log", Config: "[core]\n\tpager = $PROG\n[pager]\n\tlog = $PROG\n\tls-tree = $PROG\n\tcat-file = $PROG\n"},
		{Name: "diff.external", Config: "[diff]\n\texternal = $PROG\n", Trigger: []string{"diff", "HEAD~1", "HEAD"}},
		{Name: "GIT_EXTERNAL_DIFF in the environment", Env: map[string]string{"GIT_EXTERNAL_DIFF": "$PROG"}, Trigger: []string{"diff", "HEAD~1", "HEAD"}},
		{Name: "diff driver command", Config: "[diff \"x\"]\n\tcommand = $PROG\n", Attributes: "* diff=x\n", Trigger: []string{"diff", "HEAD~1", "HEAD"}},
		{Name: "diff driver textconv", Config: "[diff \"x\"]\n\ttextconv = $PROG\n", Attributes: "* diff=x\n", Trigger: []string{"log", "-p", "-1"}},
		{Name: "filter smudge and clean", Config: "[filter \"x\"]\n\tsmudge = $PROG\n\tclean = $PROG\n", Attributes: "* filter=x\n", Trigger: []string{"archive", "HEAD"}},
		{Name: "filter process", Config: "[filter \"x\"]\n\tprocess = $PROG\n", Attributes: "* filter=x\n", Trigger: []string{"archive", "HEAD"}},
		{Name: "hooks and core.hooksPath", Config: "[core]\n\thooksPath = $DIR/.git/hooks\n", Hooks: true, Trigger: []string{"checkout", "-q", "HEAD~1"}},
		{Name: "lazy fetch through ext:: in a partial clone", Config: "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tpartialClone = origin\n[remote \"origin\"]\n\turl = ext::$PROG\n\tpromisor = true\n[protocol \"ext\"]\n\tallow = always\n", Trigger: []string{"cat-file", "-p", "$MISSING"}},
		{Name: "lazy fetch through core.sshCommand", Config: "[core]\n\trepositoryformatversion = 1\n\tsshCommand = $PROG\n[extensions]\n\tpartialClone = origin\n[remote \"origin\"]\n\turl = ssh://example.invalid/x\n\tpromisor = true\n", Trigger: []string{"cat-file", "-p", "$MISSING"}},
		{Name: "GIT_DIR and GIT_CONFIG_PARAMETERS in the environment", Env: map[string]string{"GIT_CONFIG_PARAMETERS": "'log.showsignature'='true' 'gpg.program'='$PROG'"}, Signed: "openpgp", Trigger: []string{"log", "-1"}},
	}
}

// Available skips the test when git is not installed.
func Available(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// Git runs plain git in dir for a test's setup, isolated from the
// person's own config, with fixed names and dates.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := gitCmd(dir, nil, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// GitInput is Git with stdin.
func GitInput(t testing.TB, dir, stdin string, args ...string) string {
	t.Helper()
	cmd := gitCmd(dir, nil, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func gitCmd(dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z")
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// Write writes a file under dir, making its folders.
func Write(t testing.TB, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Repo is a hostile repository built by Hostile.
type Repo struct {
	Dir    string
	Marker string // the file the program leaves when it runs
	// Missing is a blob HEAD names that the repository lacks (for the
	// lazy-fetch vectors; "" otherwise).
	Missing string
	v       Vector
	prog    string
}

// Hostile builds a repository for v in a temp folder: a first commit with
// a Flask app and a config file holding Key, a second adding a route,
// and, per v, a signed head, hooks, attributes, a missing blob, and the
// config naming the program. The environment variables of v are set for
// the rest of the test.
func Hostile(t *testing.T, v Vector) *Repo {
	t.Helper()
	Available(t)
	root := t.TempDir()
	dir := filepath.Join(root, "repo")
	r := &Repo{Dir: dir, Marker: filepath.Join(root, "marker"), v: v, prog: filepath.Join(root, "prog")}
	// The program records that it ran, then behaves like cat so that a
	// filter or textconv would not fail loudly.
	if err := os.WriteFile(r.prog, []byte("#!/bin/sh\necho \"$0 $*\" >> '"+r.Marker+"'\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	Git(t, root, "init", "-q", dir)
	Write(t, dir, "app.py", "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n")
	Write(t, dir, "config.env", "# settings\nDEBUG=false\nSTRIPE_SECRET_KEY="+Key+"\n")
	if v.Attributes != "" {
		Write(t, dir, ".gitattributes", v.Attributes)
	}
	Git(t, dir, "add", ".")
	Git(t, dir, "commit", "-qm", "first")
	Write(t, dir, "app.py", "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n\n@app.route('/admin/users', methods=['DELETE'])\ndef delete_users():\n    return 'gone'\n")
	Git(t, dir, "commit", "-qam", "second")
	if v.Signed != "" {
		signedHead(t, dir, v.Signed)
	}
	if strings.Contains(v.Config, "partialClone") {
		r.Missing = missingBlob(t, dir)
	}
	if v.Hooks {
		for _, h := range []string{"post-checkout", "pre-commit", "post-commit", "post-merge", "reference-transaction", "pre-auto-gc", "post-index-change", "fsmonitor-watchman"} {
			if err := os.WriteFile(filepath.Join(dir, ".git", "hooks", h), []byte("#!/bin/sh\n'"+r.prog+"' "+h+"\nexit 0\n"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	expand := strings.NewReplacer("$PROG", r.prog, "$DIR", dir).Replace
	if strings.Contains(v.Config, ".git/extra") {
		Write(t, dir, ".git/extra", expand("[log]\n\tshowSignature = true\n[gpg]\n\tprogram = $PROG\n"))
	}
	if v.Config != "" {
		f, err := os.OpenFile(filepath.Join(dir, ".git", "config"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString(expand(v.Config)); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for k, val := range v.Env {
		t.Setenv(k, expand(val))
	}
	return r
}

// signedHead replaces HEAD with a copy carrying a signature header in the
// given format: verifying it runs that format's program.
func signedHead(t *testing.T, dir, format string) {
	t.Helper()
	armor := map[string]string{"openpgp": "PGP SIGNATURE", "ssh": "SSH SIGNATURE", "x509": "SIGNED MESSAGE"}[format]
	body := Git(t, dir, "cat-file", "commit", "HEAD")
	head, msg, _ := strings.Cut(body, "\n\n")
	sig := "gpgsig -----BEGIN " + armor + "-----\n \n AAAA\n -----END " + armor + "-----"
	signed := GitInput(t, dir, head+"\n"+sig+"\n\n"+msg+"\n", "hash-object", "-t", "commit", "-w", "--stdin")
	Git(t, dir, "update-ref", "HEAD", signed)
}

// missingBlob commits a file and deletes its object, as in a partial
// clone that never fetched it, and returns its id.
func missingBlob(t *testing.T, dir string) string {
	t.Helper()
	Write(t, dir, "notes/lazy.env", "TOKEN=fetched-on-demand\n")
	Git(t, dir, "add", "notes/lazy.env")
	Git(t, dir, "commit", "-qm", "lazy")
	oid := Git(t, dir, "rev-parse", "HEAD:notes/lazy.env")
	if err := os.Remove(filepath.Join(dir, ".git", "objects", oid[:2], oid[2:])); err != nil {
		t.Fatal(err)
	}
	return oid
}

// Live runs the vector's trigger with plain git and reports whether the
// program ran: a test that asserts it never runs first shows it can.
// The marker is removed again.
func (r *Repo) Live(t *testing.T) bool {
	t.Helper()
	if r.v.Trigger == nil {
		return false
	}
	args := make([]string, len(r.v.Trigger))
	for i, a := range r.v.Trigger {
		args[i] = strings.ReplaceAll(a, "$MISSING", r.Missing)
	}
	_ = gitCmd(r.Dir, nil, args...).Run()
	ran := r.Ran()
	_ = os.Remove(r.Marker)
	if r.v.Name == "hooks and core.hooksPath" {
		Git(t, r.Dir, "checkout", "-q", "main")
		_ = os.Remove(r.Marker)
	}
	return ran
}

// Ran reports whether the program has run.
func (r *Repo) Ran() bool {
	_, err := os.Stat(r.Marker)
	return err == nil
}

// AssertNotRun fails the test when the program ran, naming how.
func (r *Repo) AssertNotRun(t *testing.T) {
	t.Helper()
	if b, err := os.ReadFile(r.Marker); err == nil {
		t.Errorf("vector %q: the repository's program ran: %s", r.v.Name, b)
	}
}
