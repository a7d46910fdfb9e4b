package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/secret"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// A key committed and then deleted is still in history: --history finds it
// at the commit that added it, at its line there, redacted.
func TestDeletedSecretIsFound(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	key := "sk_live_51Hq8ZtLk2JvX9mRw4PbN7cYs3DfG6hK1aE0uQiToVnBxMzWl"
	git(t, dir, "init", "-q")
	if err := os.WriteFile(filepath.Join(dir, "config.env"), []byte("# settings\nDEBUG=false\nSTRIPE_SECRET_KEY="+key+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-qm", "add config")
	git(t, dir, "rm", "-q", "config.env")
	git(t, dir, "commit", "-qm", "remove config")

	found, err := Secrets(context.Background(), dir, secret.New())
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 {
		t.Fatalf("found %d secrets, want the one deleted key: %+v", len(found), found)
	}
	s := found[0]
	if s.File != "config.env" || s.Line != 3 || len(s.Commit) != 40 || s.Variable != "STRIPE_SECRET_KEY" {
		t.Errorf("got %+v, want config.env:3 with the adding commit", s)
	}
	if strings.Contains(s.Redacted, key) || strings.Contains(s.ID, key) {
		t.Errorf("the secret is not redacted: %+v", s)
	}
}

func TestNotARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if _, err := Secrets(context.Background(), dir, secret.New()); err == nil || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("want a clear error outside a repository, got %v", err)
	}
}

func TestHunkStart(t *testing.T) {
	for h, want := range map[string]int{"@@ -0,0 +1,3 @@": 1, "@@ -5 +7 @@ func x": 7, "@@ -1,2 +10,0 @@": 10, "@@ junk": 1} {
		if got := hunkStart(h); got != want {
			t.Errorf("hunkStart(%q) = %d, want %d", h, got, want)
		}
	}
}
