package source

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// maxIndexSize caps the git index read: a large monorepo's is tens of MiB;
// a bigger one is not read, and .gitignore applies as if there were none.
var maxIndexSize int64 = 256 << 20

// tracked is the paths in the git index of the scanned root, sorted. Git
// ignores only untracked files: a file committed despite .gitignore (a
// force-added key) is in the repository, so the walk reads it.
type tracked []string

// readTracked reads the index of the repository whose work tree is root
// (root/.git a folder, or a file naming the git folder of a linked worktree
// or submodule). No index, or no repository at root, is nil with no warning:
// then .gitignore alone decides, as before. Only names are taken from the
// index; the walk still reads only what it finds in the tree, so an index
// cannot lead it elsewhere.
func readTracked(root string, warn func(Warning)) tracked {
	gitDir := filepath.Join(root, ".git")
	info, err := os.Lstat(gitDir)
	if err != nil {
		return nil
	}
	switch {
	case info.IsDir():
	case info.Mode().IsRegular():
		data, err := readOpen(gitDir, ".git", 4096)
		if err != nil {
			return nil
		}
		dir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
		if dir = strings.TrimSpace(dir); !ok || dir == "" {
			return nil
		}
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, dir)
		}
		gitDir = dir
	default:
		return nil // a link or a device: not the folder's own repository
	}
	f, err := os.OpenFile(filepath.Join(gitDir, "index"), os.O_RDONLY|openNoBlock|openNoFollow, 0)
	if err != nil {
		return nil
	}
	defer f.Close()
	corrupt := func(why string) tracked {
		warn(Warning{Path: ".git/index", Message: "git index " + why + "; files .gitignore lists are skipped even if committed"})
		return nil
	}
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil
	case !fi.Mode().IsRegular():
		return corrupt("is not a regular file")
	case fi.Size() > maxIndexSize:
		return corrupt("is larger than " + sizeText(maxIndexSize))
	}
	var idx index.Index
	if err := index.NewDecoder(bufio.NewReader(io.LimitReader(f, maxIndexSize))).Decode(&idx); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return corrupt("cannot be read (" + err.Error() + ")")
	}
	t := make(tracked, 0, len(idx.Entries))
	for _, e := range idx.Entries {
		if e.Name != "" && !e.IntentToAdd {
			t = append(t, e.Name)
		}
	}
	slices.Sort(t)
	return slices.Compact(t)
}

// file reports whether rel, a file path relative to the root, is tracked.
func (t tracked) file(rel string) bool {
	_, found := slices.BinarySearch(t, rel)
	return found
}

// under reports whether the folder rel holds a tracked file at any depth.
func (t tracked) under(rel string) bool {
	prefix := rel + "/"
	i, _ := slices.BinarySearch(t, prefix)
	return i < len(t) && strings.HasPrefix(t[i], prefix)
}
