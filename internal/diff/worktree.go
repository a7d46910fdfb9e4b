package diff

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"

	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/source"
)

// Changed reports whether the files a scan reads in the repository's
// folder differ from commit's: a file edited, added (and not ignored) or
// removed. It compares each file's git blob id, computed from its bytes as
// they stand, with the tree's, and runs no git command that could apply
// the repository's filters or hooks (git status would run a clean filter
// that .gitattributes names). A file git stores converted (line endings,
// a filter) counts as changed: the work tree is then scanned as it is,
// which is what a person with uncommitted changes wants anyway.
func Changed(ctx context.Context, repo *gitsafe.Repo, commit string, maxSize int64) (bool, error) {
	if maxSize <= 0 {
		maxSize = source.DefaultMaxFileSize
	}
	entries, err := repo.Tree(ctx, commit)
	if err != nil {
		return false, err
	}
	inTree := map[string]gitsafe.Entry{}
	for _, e := range entries {
		name, ok := localName(e.Path)
		if !ok || !e.Regular() || e.Size > maxSize || skipped(name) {
			continue
		}
		inTree[name] = e
	}
	changed := errors.New("changed")
	seen := map[string]bool{}
	err = source.Walk(ctx, repo.Dir, source.Options{MaxFileSize: maxSize}, func(f source.Entry) error {
		e, ok := inTree[f.Path]
		if !ok {
			return changed // a file the commit does not have
		}
		seen[f.Path] = true
		data, err := f.Read()
		if err != nil {
			return changed
		}
		if blobID(data, len(e.OID)) != e.OID {
			return changed
		}
		return nil
	}, func(source.Warning) {})
	if errors.Is(err, changed) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	// A committed file the walk did not meet was removed, unless the walk
	// does not read it anyway (ignored, a link now): then it is no change
	// to what a scan reads.
	for name := range inTree {
		if seen[name] {
			continue
		}
		if _, err := source.StatFile(repo.Dir, name); err != nil {
			return true, nil
		}
	}
	return false, nil
}

// blobID is git's object id of a blob holding data: SHA-1, or SHA-256 in
// a repository that uses it (its ids are 64 hex digits).
func blobID(data []byte, idLen int) string {
	var h hash.Hash
	if idLen == 64 {
		h = sha256.New()
	} else {
		h = sha1.New()
	}
	fmt.Fprintf(h, "blob %d\x00", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}
