// Package gitsafe runs git on a repository that may be hostile: every git
// invocation threatmap makes goes through it. The repository never chooses
// a program to run (signature verifiers, fsmonitor, pagers, external diff,
// textconv and filter drivers, hooks, credential helpers, ssh, transports),
// a repository to read instead of its own, or the form of git's output;
// output is read without a line cap, the child is always drained or
// killed, and the whole run is bounded by the context.
package gitsafe

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Error is a problem with git or the repository, worded for the person who
// ran the command.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// ErrNoGit is returned by Open when git is not on PATH.
var ErrNoGit = &Error{Msg: "git is not installed (or not on PATH)"}

// Repo is the git repository that holds a folder, read through the git
// binary. It only reads: the work tree, the index and refs are never
// written.
type Repo struct {
	// Dir is the folder as the caller named it; Real is its absolute path
	// with links resolved, where git runs.
	Dir, Real string
	// Top is the work tree's top folder.
	Top string
	// Prefix is Real relative to Top, slash-separated: "" at the top,
	// else ending in "/". Trees and history are read from it down.
	Prefix string
	git    string
	safe   []string // the person's own safe.directory entries
}

// Open finds git and the repository that holds dir. It refuses a folder
// whose .git points at a repository elsewhere on the machine, unless that
// repository links back to the folder (a linked worktree, a submodule).
func Open(ctx context.Context, dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, errorf("%s: no such folder", dir)
	}
	r := &Repo{Dir: dir, Real: real, git: git, safe: userSafeDirectories(ctx, git)}
	top, err := r.revParse(ctx, "--show-toplevel")
	if err != nil {
		return nil, err
	}
	gitDir, err := r.revParse(ctx, "--absolute-git-dir")
	if err != nil {
		return nil, err
	}
	if r.Top, err = filepath.EvalSymlinks(top); err != nil {
		return nil, errorf("%s: the repository's top folder %s cannot be read: %v", dir, top, err)
	}
	if !within(r.Top, real) {
		return nil, errorf("%s is outside the work tree of its repository (%s): the repository's core.worktree points elsewhere", dir, r.Top)
	}
	if rel, _ := filepath.Rel(r.Top, real); rel != "." {
		r.Prefix = filepath.ToSlash(rel) + "/"
	}
	if err := r.checkGitDir(gitDir); err != nil {
		return nil, err
	}
	return r, nil
}

// revParse runs git rev-parse for one path-valued option.
func (r *Repo) revParse(ctx context.Context, opt string) (string, error) {
	out, err := r.Output(ctx, "rev-parse", opt)
	if err != nil {
		var ge *ExitError
		if errors.As(err, &ge) {
			switch {
			case strings.Contains(ge.Stderr, "not a git repository"):
				return "", errorf("%s is not a git repository", r.Dir)
			case strings.Contains(ge.Stderr, "dubious ownership"):
				return "", errorf("%s belongs to another user, and git refuses to read it: if you trust it, run git config --global --add safe.directory %s", r.Dir, r.Real)
			case strings.Contains(ge.Stderr, "must be run in a work tree"):
				return "", errorf("%s is inside a bare repository or a .git folder, not a work tree", r.Dir)
			}
		}
		return "", err
	}
	s := strings.TrimSuffix(string(out), "\n")
	if s == "" || strings.ContainsAny(s, "\n\x00") {
		return "", errorf("%s: git reported an unreadable repository path %q", r.Dir, s)
	}
	return s, nil
}

// checkGitDir accepts the repository's git folder when it lies inside the
// work tree, or when it links back to this work tree: a linked worktree's
// git folder names it in its gitdir file, a submodule's in core.worktree.
// A .git file alone (gitdir: /elsewhere) is not enough: any tree can hold
// one, and it would make threatmap read another repository's history.
func (r *Repo) checkGitDir(gitDir string) error {
	real, err := filepath.EvalSymlinks(gitDir)
	if err != nil {
		return errorf("%s: the repository's git folder %s cannot be read: %v", r.Dir, gitDir, err)
	}
	if within(r.Top, real) {
		return nil
	}
	dotGit := filepath.Join(r.Top, ".git")
	if back, err := readSmall(filepath.Join(real, "gitdir")); err == nil {
		if p := strings.TrimSpace(back); p != "" && samePath(p, dotGit, real) {
			return nil
		}
	}
	if wt := configWorktree(filepath.Join(real, "config")); wt != "" && samePath(wt, r.Top, real) {
		return nil
	}
	return errorf("%s/.git points at a repository outside the folder (%s) that does not link back to it: threatmap reads only the folder's own repository", r.Top, real)
}

// within reports whether p is dir or inside it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// samePath reports whether p (relative to base when not absolute) names
// the same existing file as want.
func samePath(p, want, base string) bool {
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	a, err1 := filepath.EvalSymlinks(p)
	b, err2 := filepath.EvalSymlinks(want)
	return err1 == nil && err2 == nil && a == b
}

// readSmall reads a short regular file: a link or a huge file is refused.
func readSmall(path string) (string, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if !st.Mode().IsRegular() || st.Size() > 64<<10 {
		return "", fmt.Errorf("%s is not a small regular file", path)
	}
	b, err := os.ReadFile(path)
	return string(b), err
}

// configWorktree reads core.worktree from a git config file, the way a
// submodule's git folder names its work tree. Only that one key of that
// one section is read.
func configWorktree(path string) string {
	s, err := readSmall(path)
	if err != nil {
		return ""
	}
	section := ""
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = strings.ToLower(strings.Trim(line, "[] \t"))
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if ok && section == "core" && strings.EqualFold(strings.TrimSpace(k), "worktree") {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return ""
}

// overrides are passed as -c to every git command. Command-line config
// wins over the repository's, so these neutralise every setting that can
// run a program, fetch, page, or change the form of the output, for the
// commands threatmap runs (rev-parse, log, ls-tree, cat-file) and any
// other. Keys that cannot be overridden by name (filter.<driver>.*,
// diff.<driver>.command and .textconv) are never reached: cat-file and
// ls-tree apply no attributes, and log always runs with --no-ext-diff and
// --no-textconv (see command).
var overrides = []string{
	"core.fsmonitor=false",
	"core.hooksPath=" + os.DevNull,
	"core.pager=cat",
	"pager.log=false", "pager.ls-tree=false", "pager.cat-file=false", "pager.rev-parse=false",
	"core.sshCommand=",
	"core.gitProxy=",
	"core.askPass=",
	"credential.helper=",
	"core.editor=" + os.DevNull,
	"sequence.editor=" + os.DevNull,
	"gpg.program=" + os.DevNull,
	"gpg.openpgp.program=" + os.DevNull,
	"gpg.ssh.program=" + os.DevNull,
	"gpg.x509.program=" + os.DevNull,
	"gpg.ssh.defaultKeyCommand=",
	"log.showSignature=false",
	"diff.external=",
	"core.alternateRefsCommand=",
	"uploadpack.packObjectsHook=",
	// A partial clone fetches missing objects on demand: no transport may
	// run (a protocol's own allow setting outranks protocol.allow).
	"protocol.allow=never",
	"protocol.file.allow=never", "protocol.ext.allow=never", "protocol.ssh.allow=never",
	"protocol.git.allow=never", "protocol.http.allow=never", "protocol.https.allow=never",
	"submodule.recurse=false",
	"safe.bareRepository=explicit",
	"core.attributesFile=" + os.DevNull,
	"gc.auto=0",
	"maintenance.auto=false",
	// The form of the output threatmap parses.
	"core.quotepath=off",
	"color.ui=false",
	"log.follow=false",
	"log.showRoot=true",
	"diff.orderFile=" + os.DevNull,
	"diff.relative=false",
}

// diffCommands are the subcommands that can show a diff: they always run
// with --no-ext-diff and --no-textconv.
var diffCommands = map[string]bool{"log": true, "show": true, "diff": true, "whatchanged": true}

// environ is the environment git runs in: the person's, without any
// GIT_* variable (GIT_DIR, GIT_CONFIG_*, GIT_EXTERNAL_DIFF and the rest
// can each redirect or run something), with no system or global config,
// and with prompts, pagers, lazy fetches and replace refs off.
func environ() []string {
	keep := map[string]bool{"GIT_CEILING_DIRECTORIES": true, "GIT_DISCOVERY_ACROSS_FILESYSTEM": true}
	drop := map[string]bool{"SSH_ASKPASS": true, "PAGER": true, "EDITOR": true, "VISUAL": true,
		"LC_ALL": true, "HOME": true, "XDG_CONFIG_HOME": true, "EMAIL": true}
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if keep[name] || !drop[name] && !strings.HasPrefix(name, "GIT_") {
			env = append(env, kv)
		}
	}
	return append(env,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL="+os.DevNull,
		"HOME="+os.DevNull, // git before 2.32 reads ~/.gitconfig whatever GIT_CONFIG_GLOBAL says
		"XDG_CONFIG_HOME="+os.DevNull,
		"GIT_ATTR_NOSYSTEM=1",
		"GIT_TERMINAL_PROMPT=0",
		"GIT_PAGER=cat",
		"PAGER=cat",
		"GIT_ASKPASS=", // set but empty: core.askPass and SSH_ASKPASS are not consulted
		"SSH_ASKPASS=",
		"GIT_ALLOW_PROTOCOL=none",
		"GIT_NO_LAZY_FETCH=1",
		"GIT_NO_REPLACE_OBJECTS=1",
		"GIT_OPTIONAL_LOCKS=0",
		"GIT_LITERAL_PATHSPECS=1",
		"LC_ALL=C",
	)
}

// userSafeDirectories reads the safe.directory entries of the person's own
// system and global config, which the isolated environment would
// otherwise drop: CI containers often check out as another user and list
// the checkout there. The repository's own config cannot add any.
func userSafeDirectories(ctx context.Context, git string) []string {
	var dirs []string
	for _, scope := range []string{"--system", "--global"} {
		cmd := exec.CommandContext(ctx, git, "config", scope, "--includes", "--null", "--get-all", "safe.directory")
		cmd.Dir = string(filepath.Separator) // outside any repository
		var out bytes.Buffer
		cmd.Stdout = &limitWriter{w: &out, n: 64 << 10}
		if cmd.Run() != nil {
			continue
		}
		for _, v := range strings.Split(out.String(), "\x00") {
			if v != "" {
				dirs = append(dirs, v)
			}
		}
	}
	return dirs
}

// command builds a git command with the safe config and environment, run
// in the folder. The context kills it.
func (r *Repo) command(ctx context.Context, args ...string) *exec.Cmd {
	full := []string{"--no-pager", "--no-replace-objects", "--literal-pathspecs"}
	for _, o := range overrides {
		full = append(full, "-c", o)
	}
	for _, s := range r.safe {
		full = append(full, "-c", "safe.directory="+s)
	}
	full = append(full, args...)
	if len(args) > 0 && diffCommands[args[0]] {
		// Drivers named in .gitattributes cannot be overridden by name.
		full = slices.Insert(full, len(full)-len(args)+1, "--no-ext-diff", "--no-textconv", "--no-show-signature", "--no-color")
	}
	cmd := exec.CommandContext(ctx, r.git, full...)
	cmd.Dir = r.Real
	cmd.Env = environ()
	// If a killed git leaves a descendant holding its pipes, Wait still
	// returns.
	cmd.WaitDelay = 2 * time.Second
	return cmd
}

// ExitError is git exiting with an error, with the end of its stderr.
type ExitError struct {
	Args   []string
	Err    error
	Stderr string
}

func (e *ExitError) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if msg == "" {
		msg = e.Err.Error()
	}
	name := "git"
	if len(e.Args) > 0 {
		name += " " + e.Args[0]
	}
	return name + ": " + msg
}

func (e *ExitError) Unwrap() error { return e.Err }

// maxStderr is how much of git's stderr is kept for messages.
const maxStderr = 16 << 10

// Stream runs git with args and hands its stdout to read. However read
// ends, git is never left blocked on a full pipe: when read returns early
// (an error, or not reading to the end) git is killed and the rest of its
// output drained, and Stream waits for it. read's error comes first; then
// git's own failure as an *ExitError; then the context's.
func (r *Repo) Stream(ctx context.Context, read func(io.Reader) error, args ...string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := r.command(ctx, args...)
	stderr := &limitWriter{w: &bytes.Buffer{}, n: maxStderr}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	rerr := read(out)
	if rerr != nil {
		cancel()
	}
	_, _ = io.Copy(io.Discard, out)
	werr := cmd.Wait()
	switch {
	case rerr != nil:
		return rerr
	case ctx.Err() != nil && werr != nil:
		return context.Cause(ctx)
	case werr != nil:
		return &ExitError{Args: args, Err: werr, Stderr: stderr.w.(*bytes.Buffer).String()}
	}
	return nil
}

// maxOutput caps what Output keeps: it is for short answers.
const maxOutput = 1 << 20

// Output runs git with args and returns its stdout (at most 1 MiB).
func (r *Repo) Output(ctx context.Context, args ...string) ([]byte, error) {
	var buf bytes.Buffer
	err := r.Stream(ctx, func(out io.Reader) error {
		_, err := io.Copy(&limitWriter{w: &buf, n: maxOutput}, out)
		return err
	}, args...)
	return buf.Bytes(), err
}

// limitWriter keeps the first n bytes written and discards the rest, so
// that a child's output never grows memory without bound.
type limitWriter struct {
	w io.Writer
	n int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	keep := min(len(p), l.n)
	if keep > 0 {
		if _, err := l.w.Write(p[:keep]); err != nil {
			return 0, err
		}
		l.n -= keep
	}
	return len(p), nil
}

// Resolve turns a revision (a branch, tag, HEAD~1, a hash) into its commit.
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return "", errorf("%q is not a revision", rev)
	}
	out, err := r.Output(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err == nil {
		if c := strings.TrimSpace(string(out)); ValidOID(c) {
			return c, nil
		}
	}
	if ctx.Err() != nil {
		return "", context.Cause(ctx)
	}
	if shallow, _ := r.Output(ctx, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(shallow)) == "true" {
		return "", errorf("revision %s is not in this shallow clone: fetch more history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)", rev)
	}
	return "", errorf("unknown revision %s: name a branch, tag or commit of this repository", rev)
}

// ValidOID reports whether s is a full object id: 40 (SHA-1) or 64
// (SHA-256) lower-case hex digits.
func ValidOID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// ZeroOID reports whether s is the all-zero id git prints for "no file".
func ZeroOID(s string) bool { return strings.Trim(s, "0") == "" }

// ReadToken reads one field of git's -z output, up to and without the
// next NUL. At the end of the stream it returns what is left, then io.EOF.
func ReadToken(r *bufio.Reader) (string, error) {
	tok, err := r.ReadString(0)
	if err == nil {
		return tok[:len(tok)-1], nil
	}
	if errors.Is(err, io.EOF) && tok != "" {
		return tok, nil
	}
	return "", err
}
