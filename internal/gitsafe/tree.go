package gitsafe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Entry is one file of a commit's tree, as git ls-tree -r -l -z lists it.
type Entry struct {
	Mode string // 100644, 100755 (regular files), 120000 (link), 160000 (submodule)
	Type string // blob or commit
	OID  string
	Size int64  // -1 when git gives none (a submodule, a missing blob)
	Path string // relative to the repository's folder, slash-separated, exactly as stored
}

// Regular reports whether the entry is a regular file (not a link, not a
// submodule).
func (e Entry) Regular() bool { return e.Type == "blob" && RegularMode(e.Mode) }

// RegularMode reports whether a tree mode is a regular file's.
func RegularMode(mode string) bool {
	return mode == "100644" || mode == "100755" || mode == "100664"
}

// Tree lists the files of commit under the repository's folder (Prefix),
// with paths relative to it. Nothing is filtered: callers decide what to
// read. The tree is read as stored: no .gitattributes applies.
func (r *Repo) Tree(ctx context.Context, commit string) ([]Entry, error) {
	entries, err := r.lsTree(ctx, commit, strings.TrimSuffix(r.Prefix, "/"))
	if err != nil {
		return nil, err
	}
	out := entries[:0]
	for _, e := range entries {
		if p, ok := strings.CutPrefix(e.Path, r.Prefix); ok && p != "" {
			e.Path = p
			out = append(out, e)
		}
	}
	return out, nil
}

// ErrNotRegular is a path a commit has as something else than a regular
// file: a link or a submodule.
var ErrNotRegular = errors.New("not a regular file")

// File reads the regular file at path (slash-separated, from the top of
// the repository) in commit, up to max bytes. A path the commit does not
// have as a file (nothing, or a folder) is os.ErrNotExist; a link or a
// submodule is ErrNotRegular.
func (r *Repo) File(ctx context.Context, commit, path string, max int64) ([]byte, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: no path", os.ErrNotExist)
	}
	entries, err := r.lsTree(ctx, commit, path)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(entries, func(e Entry) bool { return e.Path == path })
	if i < 0 {
		return nil, fmt.Errorf("%s at %s: %w", path, commit, os.ErrNotExist)
	}
	if !entries[i].Regular() {
		return nil, fmt.Errorf("%s at %s: %w", path, commit, ErrNotRegular)
	}
	blobs, err := r.Blobs(ctx)
	if err != nil {
		return nil, err
	}
	defer blobs.Close()
	return blobs.Read(entries[i].OID, max)
}

// lsTree lists commit's files under path ("" for all), with paths from
// the top of the repository.
func (r *Repo) lsTree(ctx context.Context, commit, path string) ([]Entry, error) {
	if !ValidOID(commit) {
		return nil, fmt.Errorf("not a commit id: %q", commit)
	}
	args := []string{"ls-tree", "-r", "-l", "-z", "--full-tree", commit}
	if path != "" {
		args = append(args, "--", path)
	}
	var entries []Entry
	err := r.Stream(ctx, func(out io.Reader) error {
		br := bufio.NewReaderSize(out, 64<<10)
		for {
			rec, err := ReadToken(br)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			e, err := ParseTreeEntry(rec)
			if err != nil {
				return err
			}
			entries = append(entries, e)
		}
	}, args...)
	return entries, err
}

// ParseTreeEntry reads one record of git ls-tree -l -z:
// "<mode> SP <type> SP <oid> SP+ <size> TAB <path>". The path is
// everything after the first tab, byte for byte.
func ParseTreeEntry(rec string) (Entry, error) {
	meta, path, ok := strings.Cut(rec, "\t")
	if !ok || path == "" {
		return Entry{}, fmt.Errorf("git ls-tree: unexpected record %q", clip(rec))
	}
	f := strings.Fields(meta)
	if len(f) != 4 || !ValidMode(f[0]) || !ValidOID(f[2]) {
		return Entry{}, fmt.Errorf("git ls-tree: unexpected record %q", clip(rec))
	}
	e := Entry{Mode: f[0], Type: f[1], OID: f[2], Size: -1, Path: path}
	// "-" for a submodule, "BAD" for a blob the repository lacks.
	if f[3] != "-" && f[3] != "BAD" {
		n, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil || n < 0 {
			return Entry{}, fmt.Errorf("git ls-tree: unexpected size in %q", clip(rec))
		}
		e.Size = n
	}
	return e, nil
}

// ValidMode reports whether s is a tree entry mode as git prints it: six
// octal digits.
func ValidMode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '7' {
			return false
		}
	}
	return true
}

// clip shortens text quoted in an error.
func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}
