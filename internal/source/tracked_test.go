package source

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/gitsafe/gitsafetest"
)

// A file committed although .gitignore lists it (git add -f) is in the
// repository, so the walk reads it; an untracked file the same pattern
// lists is still skipped, as is everything untracked in an ignored folder.
func TestWalkReadsTrackedIgnoredFiles(t *testing.T) {
	gitsafetest.Available(t)
	root := t.TempDir()
	for _, f := range []string{
		"app/main.rb", "config/master.key", "config/other.key", "log/keep.txt", "log/run.log", "log/deep/x.txt", ".env",
	} {
		write(t, root, f, "x")
	}
	write(t, root, ".gitignore", "/config/*.key\n/log/\n.env\n")
	gitsafetest.Git(t, root, "init", "-q")
	gitsafetest.Git(t, root, "add", ".")
	gitsafetest.Git(t, root, "add", "-f", "config/master.key", "log/keep.txt")

	files, warnings := walk(t, root, Options{})
	want := []string{".gitignore", "app/main.rb", "config/master.key", "log/keep.txt"}
	if !slices.Equal(files, want) {
		t.Errorf("walked %v\nwant   %v", files, want)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}

	// The person's own exclusions still apply to tracked files.
	files, _ = walk(t, root, Options{Exclude: []string{"config/"}})
	if slices.Contains(files, "config/master.key") {
		t.Errorf("an excluded tracked file was walked: %v", files)
	}
}

// A corrupt index is warned about and .gitignore decides alone; a
// repository with no index yet (nothing added) is no warning.
func TestWalkIndexFallback(t *testing.T) {
	gitsafetest.Available(t)
	root := t.TempDir()
	write(t, root, "app/main.rb", "x")
	write(t, root, "secret.key", "x")
	write(t, root, ".gitignore", "*.key\n")
	gitsafetest.Git(t, root, "init", "-q")

	files, warnings := walk(t, root, Options{})
	if want := []string{".gitignore", "app/main.rb"}; !slices.Equal(files, want) || len(warnings) != 0 {
		t.Errorf("no index: walked %v, warnings %v; want %v and none", files, warnings, want)
	}

	if err := os.WriteFile(filepath.Join(root, ".git", "index"), []byte("DIRC\x00\x00\x00\x02garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, warnings = walk(t, root, Options{})
	if want := []string{".gitignore", "app/main.rb"}; !slices.Equal(files, want) {
		t.Errorf("corrupt index: walked %v, want %v", files, want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Message, "git index") {
		t.Errorf("corrupt index: warnings %v, want one about the index", warnings)
	}
}

// The index names paths; it never leads the walk out of the tree: a
// tracked path that is a link to a file outside is not read.
func TestWalkTrackedLinkNotFollowed(t *testing.T) {
	gitsafetest.Available(t)
	outside := t.TempDir()
	write(t, outside, "host.key", "x")
	root := t.TempDir()
	write(t, root, ".gitignore", "*.key\n")
	if err := os.Symlink(filepath.Join(outside, "host.key"), filepath.Join(root, "link.key")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	gitsafetest.Git(t, root, "init", "-q")
	gitsafetest.Git(t, root, "add", "-f", "link.key", ".gitignore")

	files, _ := walk(t, root, Options{})
	if slices.Contains(files, "link.key") {
		t.Errorf("a tracked link out of the tree was read: %v", files)
	}
}
