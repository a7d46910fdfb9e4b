package diff

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/gitsafe/gitsafetest"
)

// extracted lists every file under dest with its content, and fails on
// anything that is not a regular file or folder.
func extracted(t *testing.T, dest string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dest, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		switch {
		case info.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[filepath.ToSlash(rel)] = string(b)
		case !info.IsDir():
			t.Errorf("%s is neither a file nor a folder: %v", rel, info.Mode())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func extract(t *testing.T, dir, rev string, maxSize int64) (map[string]string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	repo, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := repo.Resolve(ctx, rev)
	if err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	err = Extract(ctx, repo, commit, dest, maxSize)
	return extracted(t, dest), err
}

// TestExtract: regular files come out byte for byte, whatever their
// names; links, submodules, big files and dependency folders do not; and
// .gitattributes does not apply (export-ignore cannot hide a file, no
// filter or eol conversion changes one).
func TestExtract(t *testing.T) {
	gitsafetest.Available(t)
	dir := t.TempDir()
	gitsafetest.Git(t, dir, "init", "-q")
	want := map[string]string{
		"app.py":              "print(1)\n", // stored with LF; archive would write CRLF
		"evil.js":             "app.get('/admin', h)\n",
		"we\tird\nname\".py":  "x = 1\n",
		"deep/er/file.txt":    "deep\n",
		".gitattributes":      "evil.js export-ignore\n*.py text eol=crlf filter=x\n",
		"exact/size/fits.txt": strings.Repeat("y", 64),
	}
	for name, content := range want {
		gitsafetest.Write(t, dir, name, content)
	}
	gitsafetest.Write(t, dir, "node_modules/lib/index.js", "module.exports = 1\n")
	gitsafetest.Write(t, dir, "big.bin", strings.Repeat("x", 65))
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	gitsafetest.Git(t, dir, "add", ".")
	gitsafetest.Git(t, dir, "update-index", "--add", "--cacheinfo", "160000,"+strings.Repeat("1", 40)+",mod")
	gitsafetest.Git(t, dir, "commit", "-qm", "x")

	got, err := extract(t, dir, "HEAD", 64)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("extracted %d files, want %d: %q", len(got), len(want), keys(got))
	}
	for name, content := range want {
		if got[name] != content {
			t.Errorf("%q = %q, want %q", name, got[name], content)
		}
	}
}

// TestExtractSubfolder: from a subfolder, only its files, relative to it.
func TestExtractSubfolder(t *testing.T) {
	gitsafetest.Available(t)
	dir := t.TempDir()
	gitsafetest.Git(t, dir, "init", "-q")
	gitsafetest.Write(t, dir, "top.py", "top\n")
	gitsafetest.Write(t, dir, "svc/app.py", "app\n")
	gitsafetest.Write(t, dir, "svcx/other.py", "other\n")
	gitsafetest.Git(t, dir, "add", ".")
	gitsafetest.Git(t, dir, "commit", "-qm", "x")
	got, err := extract(t, filepath.Join(dir, "svc"), "HEAD", 0)
	if err != nil || len(got) != 1 || got["app.py"] != "app\n" {
		t.Errorf("extracted %q, %v; want only app.py", keys(got), err)
	}
}

// TestExtractCraftedTree: a tree built by hand with names git would never
// check out (.git, .., a file and a folder of the same name) writes
// nothing outside dest and nothing into a .git folder.
func TestExtractCraftedTree(t *testing.T) {
	gitsafetest.Available(t)
	root := t.TempDir()
	dir := filepath.Join(root, "repo")
	gitsafetest.Git(t, root, "init", "-q", dir)
	blob := hashObject(t, dir, "[core]\n\tfsmonitor = /bin/false\n")
	mk := func(lines ...string) string {
		cmd := strings.Join(lines, "\n") + "\n"
		return mktree(t, dir, cmd)
	}
	gitDir := mk("100644 blob " + blob + "\tconfig")
	sub := mk("100644 blob "+blob+"\tb", "040000 tree "+gitDir+"\t.GIT")
	top := mk(
		"100644 blob "+blob+"\t..",
		"040000 tree "+gitDir+"\t.git",
		"100644 blob "+blob+"\ta",
		"040000 tree "+sub+"\tdir",
		"100644 blob "+blob+"\tok.txt",
	)
	dup := mk("100644 blob "+blob+"\ta", "040000 tree "+sub+"\ta")
	for _, tree := range []string{top, dup} {
		commit := gitsafetest.Git(t, dir, "commit-tree", tree, "-m", "crafted")
		gitsafetest.Git(t, dir, "update-ref", "refs/heads/crafted", commit)
		got, err := extract(t, dir, "crafted", 0)
		if err != nil {
			t.Fatal(err)
		}
		for name := range got {
			if strings.Contains(strings.ToLower(name), ".git") || strings.Contains(name, "..") {
				t.Errorf("wrote %q", name)
			}
		}
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("something was written beside the repository: %v", entries)
	}
}

func hashObject(t *testing.T, dir, content string) string {
	t.Helper()
	return gitsafetest.GitInput(t, dir, content, "hash-object", "-w", "--stdin")
}

func mktree(t *testing.T, dir, input string) string {
	t.Helper()
	return gitsafetest.GitInput(t, dir, input, "mktree", "--missing")
}

// TestExtractMissingAndCancelled: a blob the clone lacks is a clear error
// (never a fetch); a cancelled context stops the extraction.
func TestExtractMissingAndCancelled(t *testing.T) {
	gitsafetest.Available(t)
	dir := t.TempDir()
	gitsafetest.Git(t, dir, "init", "-q")
	for i := range 50 {
		gitsafetest.Write(t, dir, filepath.Join("f", strings.Repeat("x", i+1)+".py"), "x\n")
	}
	gitsafetest.Write(t, dir, "gone.py", "gone\n")
	gitsafetest.Git(t, dir, "add", ".")
	gitsafetest.Git(t, dir, "commit", "-qm", "x")
	oid := gitsafetest.Git(t, dir, "rev-parse", "HEAD:gone.py")
	if err := os.Remove(filepath.Join(dir, ".git", "objects", oid[:2], oid[2:])); err != nil {
		t.Fatal(err)
	}
	_, err := extract(t, dir, "HEAD", 0)
	var ge *gitsafe.Error
	if !errors.As(err, &ge) || !strings.Contains(err.Error(), "gone.py at") || !strings.Contains(err.Error(), "not in this clone") {
		t.Errorf("missing blob: %v", err)
	}

	repo, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	commit, _ := repo.Resolve(context.Background(), "HEAD")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Extract(ctx, repo, commit, t.TempDir(), 0); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// TestExtractVectors: materialising a revision of a repository whose
// config names a program (filters and attributes above all: git archive
// ran smudge filters) never runs it.
func TestExtractVectors(t *testing.T) {
	for _, v := range gitsafetest.Vectors() {
		t.Run(v.Name, func(t *testing.T) {
			r := gitsafetest.Hostile(t, v)
			if v.Trigger != nil && !r.Live(t) {
				t.Fatalf("plain git %v did not run the program: the vector is not live", v.Trigger)
			}
			got, err := extract(t, r.Dir, "HEAD~1", 0)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got["config.env"], gitsafetest.Key) {
				t.Errorf("config.env = %q", got["config.env"])
			}
			r.AssertNotRun(t)
		})
	}
}

func TestLocalName(t *testing.T) {
	for in, want := range map[string]string{
		"a/b.py": "a/b.py", "./a//b": "a/b", "a/../b": "b", "..": "", "../x": "", "/abs": "", ".git/config": "",
		"x/.GIT/hooks/pre-commit": "", "a/.gitx": "a/.gitx", ".": "", "": "",
	} {
		got, ok := localName(in)
		if got != want || ok != (want != "") {
			t.Errorf("localName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// FuzzLocalName: any name from a tree is written inside dest, outside any
// .git folder, or not at all.
func FuzzLocalName(f *testing.F) {
	for _, s := range []string{"a/b", "../x", ".git/x", "a/./../../b", "C:\\x", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		name, ok := localName(p)
		if !ok {
			return
		}
		dest := filepath.FromSlash("/dest")
		full := filepath.Join(dest, filepath.FromSlash(name))
		rel, err := filepath.Rel(dest, full)
		if err != nil || !filepath.IsLocal(rel) || slices.ContainsFunc(strings.Split(name, "/"), func(s string) bool { return strings.EqualFold(s, ".git") }) {
			t.Errorf("localName(%q) = %q, lands at %s", p, name, full)
		}
	})
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
