package gitsafe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
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
	if !ValidOID(commit) {
		return nil, fmt.Errorf("not a commit id: %q", commit)
	}
	args := []string{"ls-tree", "-r", "-l", "-z", "--full-tree", commit}
	if r.Prefix != "" {
		args = append(args, "--", strings.TrimSuffix(r.Prefix, "/"))
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
			p, ok := strings.CutPrefix(e.Path, r.Prefix)
			if !ok || p == "" {
				continue
			}
			e.Path = p
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
