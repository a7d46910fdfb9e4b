package diff

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/source"
)

// Error is a problem with the repository or a revision, worded for the
// person who ran the command.
type Error = gitsafe.Error

// Open finds git and the repository that holds dir (see gitsafe.Open).
func Open(ctx context.Context, dir string) (*gitsafe.Repo, error) {
	repo, err := gitsafe.Open(ctx, dir)
	if err == gitsafe.ErrNoGit {
		return nil, &Error{Msg: err.Error() + ": threatmap diff reads revisions with it"}
	}
	var ge *Error
	if errors.As(err, &ge) && strings.HasSuffix(ge.Msg, "is not a git repository") {
		return nil, &Error{Msg: ge.Msg + ": threatmap diff compares two of its revisions"}
	}
	return repo, err
}

// Extract writes the files of commit, from the repository's folder down,
// into dest (an empty folder). The tree and its blobs are read as stored:
// no .gitattributes applies (export-ignore cannot hide a file, no filter
// runs). Only regular files and folders are written: links, submodules
// and any name that would land outside dest or in a .git folder are
// skipped, as are files over maxSize and folders no scan reads
// (dependencies, build output).
func Extract(ctx context.Context, repo *gitsafe.Repo, commit, dest string, maxSize int64) error {
	if maxSize <= 0 {
		maxSize = source.DefaultMaxFileSize
	}
	entries, err := repo.Tree(ctx, commit)
	if err != nil {
		return err
	}
	blobs, err := repo.Blobs(ctx)
	if err != nil {
		return err
	}
	defer blobs.Close()
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		name, ok := localName(e.Path)
		if !ok || !e.Regular() || e.Size > maxSize || skipped(name) {
			continue
		}
		data, err := blobs.Read(e.OID, maxSize)
		if errors.Is(err, gitsafe.ErrMissing) {
			return &Error{Msg: fmt.Sprintf("%s at %s is not in this clone (a partial clone?): threatmap never fetches; fetch the revision's files first", e.Path, short(commit))}
		}
		if errors.Is(err, gitsafe.ErrTooLarge) {
			continue
		}
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dest, filepath.FromSlash(name)), data); err != nil {
			return err
		}
	}
	return nil
}

// localName cleans a path from a tree and says whether it may be written:
// inside the destination, and in no .git folder (a crafted tree can hold
// names git itself would never check out).
func localName(p string) (string, bool) {
	name := path.Clean(p)
	if name == "." || strings.ContainsRune(name, 0) || !filepath.IsLocal(filepath.FromSlash(name)) {
		return "", false
	}
	for _, part := range strings.Split(name, "/") {
		if strings.EqualFold(part, ".git") {
			return "", false
		}
	}
	return name, true
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

// writeFile creates target with data. A name met twice is written once,
// and one that clashes with a folder or a file already written (a file
// "a" and a file "a/b" in a crafted tree) is skipped.
func writeFile(target string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		if clash(err) {
			return nil
		}
		return err
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if clash(err) {
			return nil
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", target, err)
	}
	return f.Close()
}

func clash(err error) bool {
	return errors.Is(err, os.ErrExist) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.EISDIR)
}
