package cli

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/threatmap/threatmap/internal/gitsafe/gitsafetest"
)

// TestDiffCancelledRemovesRevisions: a context cancelled while diff has a
// revision on disk (what SIGINT and SIGTERM do) ends the command with 130
// and leaves nothing in the temporary folder.
func TestDiffCancelledRemovesRevisions(t *testing.T) {
	gitsafetest.Available(t)
	dir := t.TempDir()
	gitsafetest.Git(t, dir, "init", "-q")
	gitsafetest.Write(t, dir, ".env", "STRIPE_SECRET_KEY="+gitsafetest.Key+"\n")
	gitsafetest.Git(t, dir, "add", ".")
	gitsafetest.Git(t, dir, "commit", "-qm", "one")
	gitsafetest.Git(t, dir, "commit", "-q", "--allow-empty", "-m", "two")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)

	for _, at := range []string{"base", "head"} {
		t.Run("cancelled after "+at, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			saw := false
			afterExtract = func(_ context.Context, name, path string) {
				if _, err := os.Stat(path + "/.env"); err == nil {
					saw = true
				}
				if name == at {
					cancel()
				}
			}
			t.Cleanup(func() { afterExtract = nil })
			var out, errOut bytes.Buffer
			if code := RunContext(ctx, []string{"diff", "HEAD~1", "-C", dir}, &out, &errOut); code != ExitInterrupted {
				t.Errorf("exit %d, want %d; stderr %s", code, ExitInterrupted, errOut.String())
			}
			if !saw {
				t.Error("the revision was never on disk: the test shows nothing")
			}
			if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
				t.Errorf("left in the temporary folder: %v", entries)
			}
		})
	}
	// Cancelled before it starts: nothing is written at all.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if code := RunContext(ctx, []string{"diff", "HEAD~1", "-C", dir}, &bytes.Buffer{}, &bytes.Buffer{}); code != ExitInterrupted {
		t.Errorf("cancelled before: exit %d", code)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in the temporary folder: %v", entries)
	}
}
