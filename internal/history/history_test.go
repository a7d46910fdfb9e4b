package history

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/detector/secret"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/gitsafe/gitsafetest"
)

var (
	git   = gitsafetest.Git
	write = gitsafetest.Write
	key   = gitsafetest.Key
)

// scanHistory opens dir and reads its history, bounded by a timeout: a
// hang fails the test instead of stalling it.
func scanHistory(t *testing.T, dir string, opt Options) *Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	repo, err := gitsafe.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Secrets(ctx, repo, secret.New(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func newRepo(t *testing.T) string {
	t.Helper()
	gitsafetest.Available(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	return dir
}

func commitAll(t *testing.T, dir, msg string) {
	t.Helper()
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-qm", msg)
}

// A key committed and then deleted is still in history: --history finds it
// at the commit that added it, at its line there, redacted.
func TestDeletedSecretIsFound(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, "config.env", "# settings\nDEBUG=false\nSTRIPE_SECRET_KEY="+key+"\n")
	commitAll(t, dir, "add config")
	adding := git(t, dir, "rev-parse", "HEAD")
	write(t, dir, "config.env", "# settings\nDEBUG=true\nSTRIPE_SECRET_KEY="+key+"\n")
	commitAll(t, dir, "debug on")
	git(t, dir, "rm", "-q", "config.env")
	commitAll(t, dir, "remove config")

	res := scanHistory(t, dir, Options{})
	// Two commits add or change a file; the third only deletes.
	if len(res.Secrets) != 1 {
		t.Fatalf("found %d secrets, want the one deleted key: %+v", len(res.Secrets), res.Secrets)
	}
	s := res.Secrets[0]
	if s.File != "config.env" || s.Line != 3 || s.Commit != adding || s.Variable != "STRIPE_SECRET_KEY" {
		t.Errorf("got %+v, want config.env:3 at the adding commit %s", s, adding)
	}
	if strings.Contains(s.Redacted, key) || strings.Contains(s.ID, key) {
		t.Errorf("the secret is not redacted: %+v", s)
	}
	if res.Commits != 2 || res.Folder != "" || len(res.Warnings) != 0 {
		t.Errorf("commits %d, folder %q, warnings %v", res.Commits, res.Folder, res.Warnings)
	}
}

// TestAddedLinesLikeHeaders: an added line that looks like a diff header
// ("++ b/x" shows as "+++ b/x" in a patch) cannot change which file the
// lines after it belong to, nor hide them.
func TestAddedLinesLikeHeaders(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, "README.md", "docs\n")
	commitAll(t, dir, "first")
	write(t, dir, "notes.env", "++ b/README.md\n+++ b/README.md\ndiff --git a/x b/x\n@@ -1 +1 @@\ncommit 0000000000000000000000000000000000000000\nSTRIPE_SECRET_KEY="+key+"\n")
	commitAll(t, dir, "notes")
	res := scanHistory(t, dir, Options{})
	if len(res.Secrets) != 1 || res.Secrets[0].File != "notes.env" || res.Secrets[0].Line != 6 {
		t.Errorf("got %+v, want the key at notes.env:6", res.Secrets)
	}
}

// TestNamesComeThroughExactly: names with tabs, quotes, newlines and
// non-ASCII are reported as they are, without git's quoting.
func TestNamesComeThroughExactly(t *testing.T) {
	dir := newRepo(t)
	names := []string{"we\tird.env", "quo\"te\\d.env", "new\nline.env", "naïve.env", "commit " + strings.Repeat("a", 40) + ".env"}
	for _, n := range names {
		write(t, dir, n, "STRIPE_SECRET_KEY="+key+"\n")
	}
	commitAll(t, dir, "odd names")
	res := scanHistory(t, dir, Options{})
	var got []string
	for _, s := range res.Secrets {
		got = append(got, s.File)
	}
	slices.Sort(got)
	want := slices.Clone(names)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
}

// TestLongLine: a commit adding one 5 MiB line (over the old 4 MiB line
// cap, where git blocked on a full pipe forever) neither hangs nor hides
// the commits around it.
func TestLongLine(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, "a.env", "STRIPE_SECRET_KEY="+key+"\n")
	commitAll(t, dir, "key")
	write(t, dir, "blob.txt", strings.Repeat("x", 5<<20))
	commitAll(t, dir, "a long line")
	write(t, dir, "b.env", "OTHER=1\nSTRIPE_KEY="+strings.Replace(key, "51H", "52H", 1)+"\n")
	commitAll(t, dir, "second key")
	start := time.Now()
	res := scanHistory(t, dir, Options{MaxFileSize: 8 << 20})
	if len(res.Secrets) != 2 {
		t.Errorf("found %+v, want both keys", res.Secrets)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestOnlyTheScannedFolder: scanning a subfolder reads the history of
// that folder only, with paths relative to it.
func TestOnlyTheScannedFolder(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, "other/prod.env", "STRIPE_SECRET_KEY="+key+"\n")
	write(t, dir, "sub/app.env", "A=1\nSTRIPE_KEY="+strings.Replace(key, "51H", "52H", 1)+"\n")
	write(t, dir, "subway/x.env", "STRIPE_KEY="+strings.Replace(key, "51H", "53H", 1)+"\n")
	commitAll(t, dir, "three")
	write(t, dir, "other/more.env", "STRIPE_KEY="+strings.Replace(key, "51H", "54H", 1)+"\n")
	commitAll(t, dir, "elsewhere only")
	res := scanHistory(t, dir+"/sub", Options{})
	if len(res.Secrets) != 1 || res.Secrets[0].File != "app.env" || res.Secrets[0].Line != 2 {
		t.Errorf("got %+v, want only sub's key, as app.env:2", res.Secrets)
	}
	if res.Folder != "sub/" || res.Commits != 1 {
		t.Errorf("folder %q, %d commits; want sub/ and the one commit touching it", res.Folder, res.Commits)
	}
}

// TestMergesAndRevisions: a key added only in a merge commit (in neither
// parent) is found; Rev limits history to what a revision reaches.
func TestMergesAndRevisions(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, "a.txt", "a\n")
	commitAll(t, dir, "base")
	base := git(t, dir, "rev-parse", "HEAD")
	git(t, dir, "checkout", "-qb", "side")
	write(t, dir, "b.txt", "b\n")
	commitAll(t, dir, "side")
	git(t, dir, "checkout", "-q", "main")
	write(t, dir, "c.txt", "c\n")
	commitAll(t, dir, "main")
	git(t, dir, "merge", "-q", "--no-commit", "side")
	write(t, dir, "merge.env", "STRIPE_SECRET_KEY="+key+"\n")
	git(t, dir, "add", "merge.env")
	git(t, dir, "commit", "-qm", "evil merge")
	merge := git(t, dir, "rev-parse", "HEAD")
	res := scanHistory(t, dir, Options{})
	if len(res.Secrets) != 1 || res.Secrets[0].Commit != merge {
		t.Errorf("got %+v, want the key at the merge %s", res.Secrets, merge)
	}
	if res := scanHistory(t, dir, Options{Rev: base}); len(res.Secrets) != 0 || res.Commits != 1 {
		t.Errorf("history of the base: %+v, %d commits", res.Secrets, res.Commits)
	}
}

// TestUnreadableObjects: a file version the clone lacks, or a broken
// tree, is a warning; the rest of the history is still scanned.
func TestUnreadableObjects(t *testing.T) {
	dir := newRepo(t)
	write(t, dir, "lost.env", "STRIPE_SECRET_KEY="+key+"\n")
	write(t, dir, "kept.env", "STRIPE_KEY="+strings.Replace(key, "51H", "52H", 1)+"\n")
	commitAll(t, dir, "two keys")
	removeObject(t, dir, git(t, dir, "rev-parse", "HEAD:lost.env"))
	res := scanHistory(t, dir, Options{})
	if len(res.Secrets) != 1 || res.Secrets[0].File != "kept.env" {
		t.Errorf("secrets %+v, want kept.env's", res.Secrets)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].File != "lost.env" || !strings.Contains(res.Warnings[0].Message, "not in this clone") {
		t.Errorf("warnings %+v", res.Warnings)
	}

	// A tree git cannot read stops git log: a warning, not a failure.
	write(t, dir, "later/x.txt", "x\n")
	commitAll(t, dir, "later")
	removeObject(t, dir, git(t, dir, "rev-parse", "HEAD:later"))
	res = scanHistory(t, dir, Options{})
	if !slices.ContainsFunc(res.Secrets, func(s facts.Secret) bool { return s.File == "kept.env" }) || !slices.ContainsFunc(res.Warnings, func(w facts.Warning) bool { return strings.Contains(w.Message, "was not scanned") }) {
		t.Errorf("secrets %+v, warnings %+v", res.Secrets, res.Warnings)
	}
}

func removeObject(t *testing.T, dir, oid string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, ".git", "objects", oid[:2], oid[2:])); err != nil {
		t.Fatal(err)
	}
}

// TestVectors: reading the history of a repository whose config names a
// program never runs it, and still finds the key.
func TestVectors(t *testing.T) {
	for _, v := range gitsafetest.Vectors() {
		t.Run(v.Name, func(t *testing.T) {
			r := gitsafetest.Hostile(t, v)
			if v.Trigger != nil && !r.Live(t) {
				t.Fatalf("plain git %v did not run the program: the vector is not live", v.Trigger)
			}
			res := scanHistory(t, r.Dir, Options{})
			if len(res.Secrets) != 1 || res.Secrets[0].File != "config.env" {
				t.Errorf("secrets %+v, want the key in config.env", res.Secrets)
			}
			r.AssertNotRun(t)
		})
	}
}

func TestEmptyRepository(t *testing.T) {
	dir := newRepo(t)
	if res := scanHistory(t, dir, Options{}); len(res.Secrets) != 0 || res.Commits != 0 {
		t.Errorf("empty repository: %+v", res)
	}
	repo, err := gitsafe.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Secrets(context.Background(), repo, secret.New(), Options{Rev: "nope"}); err == nil {
		t.Error("an unknown revision gave no error")
	}
}

func TestAddedLines(t *testing.T) {
	tests := []struct {
		before, after, text string
		lines               []int
	}{
		{"", "a\nb\n", "a\nb\n", []int{1, 2}},
		{"a\nb\n", "a\nx\nb\ny", "x\ny\n", []int{2, 4}},
		{"a\n", "a\n", "", nil},
		{"b\na\n", "a\nb\n", "", nil}, // moved lines are not new
		{"", "", "", nil},
		{"x", "x\n\n", "\n", []int{2}},
	}
	for _, tt := range tests {
		text, lines := addedLines([]byte(tt.before), []byte(tt.after))
		if string(text) != tt.text || !slices.Equal(lines, tt.lines) {
			t.Errorf("addedLines(%q, %q) = %q %v, want %q %v", tt.before, tt.after, text, lines, tt.text, tt.lines)
		}
	}
}

func oid(c byte) string { return strings.Repeat(string(c), 40) }

func TestLogParser(t *testing.T) {
	raw := func(status, path string) string {
		return ":100644 100644 " + oid('a') + " " + oid('b') + " " + status + "\x00" + path + "\x00"
	}
	tests := []struct {
		name, in string
		want     []string // commit[:1] status path
		commits  int
		bad      bool
	}{
		{"two commits", "commit " + oid('1') + "\n" + raw("A", "a.txt") + raw("M", "b\tc") + "\x00commit " + oid('2') + "\n" + raw("M", "new\nline"),
			[]string{"1 A a.txt", "1 M b\tc", "2 M new\nline"}, 2, false},
		{"path like a header", "commit " + oid('1') + "\n" + raw("A", "commit "+oid('9')+"\n:x") + raw("A", ":100644 100644 "+oid('c')+" "+oid('d')+" A"),
			[]string{"1 A commit " + oid('9') + "\n:x", "1 A :100644 100644 " + oid('c') + " " + oid('d') + " A"}, 1, false},
		{"rename takes the new name", "commit " + oid('1') + "\n:100644 100644 " + oid('a') + " " + oid('b') + " R100\x00old\x00new\x00", []string{"1 R new"}, 1, false},
		{"merge header repeated", "commit " + oid('1') + "\n" + raw("A", "x") + "\x00commit " + oid('1') + "\n" + raw("A", "y"), []string{"1 A x", "1 A y"}, 1, false},
		{"header without entries", "commit " + oid('1') + "\x00\x00commit " + oid('2') + "\n" + raw("A", "z"), []string{"2 A z"}, 2, false},
		{"entry before a commit", raw("A", "x"), nil, 0, true},
		{"bad header", "commit xyz\n" + raw("A", "x"), nil, 0, true},
		{"missing path", "commit " + oid('1') + "\n:100644 100644 " + oid('a') + " " + oid('b') + " A", nil, 1, true},
		{"empty path", "commit " + oid('1') + "\n:100644 100644 " + oid('a') + " " + oid('b') + " A\x00\x00", nil, 1, true},
		{"bad status", "commit " + oid('1') + "\n:100644 100644 " + oid('a') + " " + oid('b') + " Q\x00x\x00", nil, 1, true},
		{"empty", "", nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, commits, err := parseAll(tt.in)
			if (err != nil) != tt.bad || !slices.Equal(got, tt.want) || commits != tt.commits {
				t.Errorf("got %q, %d commits, %v; want %q, %d", got, commits, err, tt.want, tt.commits)
			}
		})
	}
}

func parseAll(in string) ([]string, int, error) {
	p := &logParser{r: bufio.NewReader(strings.NewReader(in))}
	var out []string
	for {
		c, err := p.next()
		if err != nil {
			if err.Error() == "EOF" {
				err = nil
			}
			return out, p.commits, err
		}
		out = append(out, c.commit[:1]+" "+string(c.status)+" "+c.path)
	}
}

// FuzzLogParser: any stream parses to well-formed changes or an error,
// never a panic, and never a change without a commit, ids or a path.
func FuzzLogParser(f *testing.F) {
	f.Add("commit " + oid('1') + "\n:100644 100644 " + oid('a') + " " + oid('b') + " M\x00a\tb\x00\x00commit " + oid('2') + "\n:000000 100644 " + oid('0') + " " + oid('c') + " A\x00x\x00")
	f.Add("commit " + oid('1') + "\n:100644 100644 " + oid('a') + " " + oid('b') + " R090\x00a\x00b\x00")
	f.Add("commit \n:")
	f.Add("\x00\x00\x00")
	f.Fuzz(func(t *testing.T, in string) {
		p := &logParser{r: bufio.NewReader(strings.NewReader(in))}
		for range 10000 {
			c, err := p.next()
			if err != nil {
				return
			}
			if !gitsafe.ValidOID(c.commit) || !gitsafe.ValidOID(c.newOID) || !gitsafe.ValidOID(c.oldOID) || c.path == "" || strings.Contains(c.path, "\x00") {
				t.Fatalf("malformed change %+v from %q", c, in)
			}
		}
	})
}
