package gitsafe

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/gitsafe/gitsafetest"
)

// TestVectors: for every way a repository's config (or the environment)
// can make git run a program, plain git runs it, and nothing gitsafe runs
// does: opening, resolving, listing the tree and reading every blob.
func TestVectors(t *testing.T) {
	for _, v := range gitsafetest.Vectors() {
		t.Run(v.Name, func(t *testing.T) {
			r := gitsafetest.Hostile(t, v)
			if v.Trigger != nil && !r.Live(t) {
				t.Fatalf("plain git %v did not run the program: the vector is not live", v.Trigger)
			}
			ctx := context.Background()
			repo, err := Open(ctx, r.Dir)
			if err != nil {
				t.Fatal(err)
			}
			head, err := repo.Resolve(ctx, "HEAD")
			if err != nil {
				t.Fatal(err)
			}
			entries, err := repo.Tree(ctx, head)
			if err != nil {
				t.Fatal(err)
			}
			blobs, err := repo.Blobs(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				_, err := blobs.Read(e.OID, 1<<20)
				if err != nil && !(errors.Is(err, ErrMissing) && e.OID == r.Missing) {
					t.Errorf("read %s: %v", e.Path, err)
				}
			}
			if err := blobs.Close(); err != nil {
				t.Error(err)
			}
			// A diff of every commit, which would run drivers and verifiers.
			if _, err := repo.Output(ctx, "log", "-p", "--format=%H %G?", "HEAD"); err != nil && r.Missing == "" {
				t.Error(err)
			}
			r.AssertNotRun(t)
		})
	}
}

func TestOpenSubfolder(t *testing.T) {
	gitsafetest.Available(t)
	dir := t.TempDir()
	gitsafetest.Git(t, dir, "init", "-q")
	names := []string{"top.txt", "sub/a.txt", "sub/we\tird\nname\"q\\ é.txt", "sub/deep/b.txt", "subway/c.txt"}
	for _, n := range names {
		gitsafetest.Write(t, dir, n, n+"\n")
	}
	gitsafetest.Git(t, dir, "add", ".")
	gitsafetest.Git(t, dir, "commit", "-qm", "x")

	ctx := context.Background()
	repo, err := Open(ctx, filepath.Join(dir, "sub"))
	if err != nil {
		t.Fatal(err)
	}
	if repo.Prefix != "sub/" {
		t.Errorf("Prefix = %q, want sub/", repo.Prefix)
	}
	head, err := repo.Resolve(ctx, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := repo.Tree(ctx, head)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	blobs, err := repo.Blobs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer blobs.Close()
	for _, e := range entries {
		got = append(got, e.Path)
		data, err := blobs.Read(e.OID, 1<<20)
		if err != nil || string(data) != "sub/"+e.Path+"\n" {
			t.Errorf("%q: read %q, %v", e.Path, data, err)
		}
		if !e.Regular() || e.Size != int64(len(data)) {
			t.Errorf("%q: %+v", e.Path, e)
		}
	}
	for _, p := range []string{"top.txt", "sub/deep/b.txt"} {
		if data, err := repo.File(ctx, head, p, 1<<20); err != nil || string(data) != p+"\n" {
			t.Errorf("File(%s) = %q, %v", p, data, err)
		}
	}
	for _, p := range []string{"sub", "nope.txt", "", "sub/deep"} {
		if _, err := repo.File(ctx, head, p, 1<<20); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("File(%q): %v, want not found", p, err)
		}
	}
	want := []string{"a.txt", "deep/b.txt", "we\tird\nname\"q\\ é.txt"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("tree of sub = %q, want %q", got, want)
	}
}

func TestOpenErrors(t *testing.T) {
	gitsafetest.Available(t)
	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	if _, err := Open(context.Background(), outside); err == nil || !strings.Contains(err.Error(), "is not a git repository") {
		t.Errorf("outside a repository: %v", err)
	}
	if _, err := Open(context.Background(), filepath.Join(outside, "nope")); err == nil || !strings.Contains(err.Error(), "no such folder") {
		t.Errorf("missing folder: %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := Open(context.Background(), outside); err != ErrNoGit {
		t.Errorf("without git: %v", err)
	}
}

// TestOpenForeignGitdir: a .git file may only lead to a repository that
// links back (a worktree, a submodule); one naming any other repository on
// the machine is refused, and GIT_DIR in the environment is ignored.
func TestOpenForeignGitdir(t *testing.T) {
	gitsafetest.Available(t)
	root := t.TempDir()
	other := filepath.Join(root, "other")
	gitsafetest.Git(t, root, "init", "-q", other)
	gitsafetest.Write(t, other, "secret.txt", "private\n")
	gitsafetest.Git(t, other, "add", ".")
	gitsafetest.Git(t, other, "commit", "-qm", "private")

	scanned := filepath.Join(root, "scanned")
	gitsafetest.Write(t, scanned, ".git", "gitdir: "+filepath.Join(other, ".git")+"\n")
	gitsafetest.Write(t, scanned, "app.py", "print(1)\n")
	_, err := Open(context.Background(), scanned)
	if err == nil || !strings.Contains(err.Error(), "points at a repository outside the folder") {
		t.Errorf("a .git file naming another repository: %v", err)
	}
	// Relative, from a subfolder.
	gitsafetest.Write(t, scanned, ".git", "gitdir: ../other/.git\n")
	if _, err := Open(context.Background(), filepath.Join(scanned)); err == nil {
		t.Error("a relative .git file naming another repository was accepted")
	}

	// A linked worktree's .git file points into the main repository, which
	// links back.
	wt := filepath.Join(root, "wt")
	gitsafetest.Git(t, other, "worktree", "add", "-q", wt)
	repo, err := Open(context.Background(), wt)
	if err != nil {
		t.Fatalf("linked worktree: %v", err)
	}
	if want, _ := filepath.EvalSymlinks(wt); repo.Top != want {
		t.Errorf("worktree top = %s, want %s", repo.Top, want)
	}

	// A submodule's git folder names its work tree in core.worktree.
	super := filepath.Join(root, "super")
	gitsafetest.Git(t, root, "init", "-q", super)
	gitsafetest.Git(t, super, "-c", "protocol.file.allow=always", "submodule", "add", "-q", other, "mod")
	if _, err := Open(context.Background(), filepath.Join(super, "mod")); err != nil {
		t.Errorf("submodule: %v", err)
	}

	// GIT_DIR in the environment does not redirect git.
	plain := filepath.Join(root, "plain")
	gitsafetest.Git(t, root, "init", "-q", plain)
	t.Setenv("GIT_DIR", filepath.Join(other, ".git"))
	t.Setenv("GIT_WORK_TREE", other)
	repo, err = Open(context.Background(), plain)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := filepath.EvalSymlinks(plain); repo.Top != want {
		t.Errorf("with GIT_DIR set: top = %s, want %s", repo.Top, want)
	}
}

// TestSafeDirectory: the person's own safe.directory still lets threatmap
// read a checkout owned by another user (a CI container); the
// repository's own config cannot grant it.
func TestSafeDirectory(t *testing.T) {
	gitsafetest.Available(t)
	if os.Geteuid() != 0 {
		t.Skip("needs root to give the repository to another user")
	}
	dir := t.TempDir()
	gitsafetest.Git(t, dir, "init", "-q")
	gitsafetest.Write(t, dir, ".git/config", "[core]\n\trepositoryformatversion = 0\n[safe]\n\tdirectory = *\n")
	if err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, 65534, 65534)
	}); err != nil {
		t.Skip(err)
	}
	global := filepath.Join(t.TempDir(), "gitconfig")
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	if _, err := Open(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "belongs to another user") {
		t.Errorf("another user's repository, no safe.directory: %v", err)
	}
	gitsafetest.Write(t, filepath.Dir(global), "gitconfig", "[safe]\n\tdirectory = "+dir+"\n")
	if _, err := Open(context.Background(), dir); err != nil {
		t.Errorf("with the person's safe.directory: %v", err)
	}
}

// bigRepo commits one file holding a single 5 MiB line.
func bigRepo(t *testing.T) (*Repo, string) {
	gitsafetest.Available(t)
	dir := t.TempDir()
	gitsafetest.Git(t, dir, "init", "-q")
	gitsafetest.Write(t, dir, "big.txt", strings.Repeat("x", 5<<20))
	gitsafetest.Git(t, dir, "add", ".")
	gitsafetest.Git(t, dir, "commit", "-qm", "big")
	repo, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return repo, gitsafetest.Git(t, dir, "rev-parse", "HEAD:big.txt")
}

// TestStreamNeverBlocks: a reader that stops early, output over the cap,
// and a cancelled context all end promptly, with git reaped.
func TestStreamNeverBlocks(t *testing.T) {
	repo, oid := bigRepo(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	stop := errors.New("stop")
	err := repo.Stream(ctx, func(r io.Reader) error {
		_, _ = io.ReadFull(r, make([]byte, 10))
		return stop
	}, "cat-file", "blob", oid)
	if err != stop {
		t.Errorf("early stop: %v", err)
	}
	// A reader that returns without reading: Stream drains git.
	if err := repo.Stream(ctx, func(io.Reader) error { return nil }, "cat-file", "blob", oid); err != nil {
		t.Errorf("reader that reads nothing: %v", err)
	}
	out, err := repo.Output(ctx, "cat-file", "blob", oid)
	if err != nil || len(out) != maxOutput {
		t.Errorf("Output kept %d bytes, %v; want the first %d", len(out), err, maxOutput)
	}
	done, stopNow := context.WithCancel(ctx)
	stopNow()
	if err := repo.Stream(done, func(r io.Reader) error { _, err := io.Copy(io.Discard, r); return err }, "cat-file", "blob", oid); err == nil {
		t.Error("a cancelled context gave no error")
	}
	if ctx.Err() != nil {
		t.Fatal("took longer than the timeout")
	}
	var ee *ExitError
	if err := repo.Stream(ctx, func(r io.Reader) error { return nil }, "cat-file", "blob", strings.Repeat("0", 40)); !errors.As(err, &ee) || !strings.Contains(err.Error(), "git cat-file") {
		t.Errorf("git failing: %v", err)
	}
}

// TestBlobs: a missing object and one over the cap leave the reader
// usable; the 5 MiB line is read whole when the cap allows.
func TestBlobs(t *testing.T) {
	repo, oid := bigRepo(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	b, err := repo.Blobs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Read(strings.Repeat("1", 40), 1<<30); !errors.Is(err, ErrMissing) {
		t.Errorf("missing: %v", err)
	}
	if _, err := b.Read(oid, 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the cap: %v", err)
	}
	data, err := b.Read(oid, 1<<30)
	if err != nil || len(data) != 5<<20 {
		t.Errorf("read %d bytes, %v", len(data), err)
	}
	tree, _ := repo.Resolve(ctx, "HEAD")
	if _, err := b.Read(tree, 1<<30); err == nil || !strings.Contains(err.Error(), "is a commit") {
		t.Errorf("a commit read as a blob: %v", err)
	}
	if _, err := b.Read("HEAD", 1<<30); err == nil {
		t.Error("a revision name was passed to cat-file")
	}
	if err := b.Close(); err != nil {
		t.Error(err)
	}
}

func TestParseTreeEntry(t *testing.T) {
	oid := strings.Repeat("a", 40)
	tests := []struct {
		rec  string
		want Entry
		ok   bool
	}{
		{"100644 blob " + oid + "      12\ta.txt", Entry{"100644", "blob", oid, 12, "a.txt"}, true},
		{"100755 blob " + oid + " 0\tdir/we\tird\nname", Entry{"100755", "blob", oid, 0, "dir/we\tird\nname"}, true},
		{"160000 commit " + oid + "       -\tmod", Entry{"160000", "commit", oid, -1, "mod"}, true},
		{"120000 blob " + oid + "  7\tlink", Entry{"120000", "blob", oid, 7, "link"}, true},
		{"100644 blob " + oid + "     BAD\tgone", Entry{"100644", "blob", oid, -1, "gone"}, true},
		{"100644 blob " + oid + " 12", Entry{}, false},
		{"100644 blob " + oid + " 12\t", Entry{}, false},
		{"100644 blob xyz 12\ta", Entry{}, false},
		{"10064 blob " + oid + " 12\ta", Entry{}, false},
		{"100644 blob " + oid + " -3\ta", Entry{}, false},
		{"100644 " + oid + " 3\ta", Entry{}, false},
	}
	for _, tt := range tests {
		got, err := ParseTreeEntry(tt.rec)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseTreeEntry(%q) = %+v, %v", tt.rec, got, err)
		}
	}
	if (Entry{Mode: "120000", Type: "blob"}).Regular() || !(Entry{Mode: "100755", Type: "blob"}).Regular() {
		t.Error("Regular")
	}
}

func TestParseBatchHeader(t *testing.T) {
	oid := strings.Repeat("b", 40)
	tests := []struct {
		line string
		want BatchHeader
		ok   bool
	}{
		{oid + " blob 12\n", BatchHeader{OID: oid, Type: "blob", Size: 12}, true},
		{oid + " missing\n", BatchHeader{OID: oid, Missing: true}, true},
		{oid + " blob 12", BatchHeader{}, false},
		{oid + " blob -1\n", BatchHeader{}, false},
		{oid + " blob\n", BatchHeader{}, false},
		{"HEAD ambiguous\n", BatchHeader{}, false},
		{"\n", BatchHeader{}, false},
	}
	for _, tt := range tests {
		got, err := ParseBatchHeader(tt.line)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseBatchHeader(%q) = %+v, %v", tt.line, got, err)
		}
	}
}

func TestValidOID(t *testing.T) {
	for s, want := range map[string]bool{strings.Repeat("a", 40): true, strings.Repeat("0", 64): true, strings.Repeat("A", 40): false, "abc": false, strings.Repeat("g", 40): false} {
		if ValidOID(s) != want {
			t.Errorf("ValidOID(%q) != %v", s, want)
		}
	}
}

func TestReadToken(t *testing.T) {
	r := bufio.NewReader(strings.NewReader("a\x00\x00b\nc\x00tail"))
	var got []string
	for {
		tok, err := ReadToken(r)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tok)
	}
	if want := []string{"a", "", "b\nc", "tail"}; !slices.Equal(got, want) {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

func FuzzParseTreeEntry(f *testing.F) {
	oid := strings.Repeat("a", 40)
	f.Add("100644 blob " + oid + "      12\ta.txt")
	f.Add("160000 commit " + oid + " -\tm\to\nd")
	f.Add("\t")
	f.Fuzz(func(t *testing.T, rec string) {
		e, err := ParseTreeEntry(rec)
		if err != nil {
			return
		}
		if !ValidOID(e.OID) || !ValidMode(e.Mode) || e.Path == "" || e.Size < -1 || !strings.HasSuffix(rec, "\t"+e.Path) {
			t.Errorf("ParseTreeEntry(%q) = %+v", rec, e)
		}
	})
}

func FuzzParseBatchHeader(f *testing.F) {
	f.Add(strings.Repeat("b", 40) + " blob 12\n")
	f.Add("x missing\n")
	f.Fuzz(func(t *testing.T, line string) {
		h, err := ParseBatchHeader(line)
		if err != nil {
			return
		}
		if !h.Missing && (!ValidOID(h.OID) || h.Size < 0 || h.Type == "") {
			t.Errorf("ParseBatchHeader(%q) = %+v", line, h)
		}
	})
}

func TestMain(m *testing.M) {
	// The vectors' programs are shell scripts.
	if _, err := exec.LookPath("sh"); err != nil {
		os.Exit(0)
	}
	os.Exit(m.Run())
}
