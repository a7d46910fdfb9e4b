package diff

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/threatmap/threatmap/internal/source"
)

// Error is a problem with the repository or a revision, worded for the
// person who ran the command.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// Repo is a git repository read through the git binary. It never touches
// the work tree: revisions are read with git archive.
type Repo struct {
	Dir string // a folder inside the repository; revisions are read from it down
	git string
}

// Open finds git and checks that dir is inside a repository.
func Open(ctx context.Context, dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, errorf("git is not installed (or not on PATH): threatmap diff reads revisions with it")
	}
	r := &Repo{Dir: dir, git: git}
	if _, err := r.run(ctx, "rev-parse", "--git-dir"); err != nil {
		return nil, errorf("%s is not a git repository: threatmap diff compares two of its revisions", dir)
	}
	return r, nil
}

// Resolve turns a revision (a branch, tag, HEAD~1, a hash) into its commit.
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", errorf("%q is not a revision", rev)
	}
	out, err := r.run(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err == nil {
		return strings.TrimSpace(out), nil
	}
	if shallow, _ := r.run(ctx, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(shallow) == "true" {
		return "", errorf("revision %s is not in this shallow clone: fetch more history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)", rev)
	}
	return "", errorf("unknown revision %s: name a branch, tag or commit of this repository", rev)
}

// Extract writes the tree of commit into dest (an empty folder). Only
// regular files and folders are written: links, and any name that would
// land outside dest, are skipped. Files over maxSize, and folders no scan
// reads (dependencies, build output), are skipped too.
func (r *Repo) Extract(ctx context.Context, commit, dest string, maxSize int64) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.git, "-C", r.Dir, "archive", "--format=tar", commit)
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git archive: %w", err)
	}
	untarErr := Untar(out, dest, maxSize)
	if untarErr != nil {
		cancel() // stop git rather than wait for it to write everything
	}
	_, _ = io.Copy(io.Discard, out)
	waitErr := cmd.Wait()
	if untarErr != nil {
		return untarErr
	}
	if waitErr != nil {
		return fmt.Errorf("git archive %s: %v: %s", commit, waitErr, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// Untar writes a tar stream into dest, safely: see Extract.
func Untar(r io.Reader, dest string, maxSize int64) error {
	if maxSize <= 0 {
		maxSize = source.DefaultMaxFileSize
	}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read archive: %w", err)
		}
		name := path.Clean(strings.TrimPrefix(h.Name, "./"))
		local := filepath.FromSlash(name)
		if name == "." || !filepath.IsLocal(local) || skipped(name) {
			continue
		}
		target := filepath.Join(dest, local)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if h.Size > maxSize {
				continue
			}
			if err := writeFile(target, tr, h.Size); err != nil {
				return err
			}
		}
		// Links and special files are never written: the scan would not
		// follow them, and a link is how an archive escapes its folder.
	}
}

// skipped reports whether a path lies in a folder no scan reads.
func skipped(name string) bool {
	dirs := strings.Split(name, "/")
	for _, d := range dirs[:len(dirs)-1] {
		if source.SkipDir(d) {
			return true
		}
	}
	return false
}

func writeFile(target string, r io.Reader, size int64) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	// O_EXCL: a name met twice in one archive is written once.
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, io.LimitReader(r, size)); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", target, err)
	}
	return f.Close()
}

func (r *Repo) run(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, r.git, append([]string{"-C", r.Dir}, args...)...)
	cmd.Env = gitEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

// gitEnv keeps git from prompting or paging: diff runs unattended in CI.
func gitEnv() []string {
	return append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat", "LC_ALL=C")
}
