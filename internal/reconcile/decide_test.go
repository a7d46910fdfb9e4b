package reconcile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

func TestDecisions(t *testing.T) {
	existing := readFile(t, filepath.Join("testdata", "merge", "existing.yaml"))
	on, revisit := date(t, "2026-03-01"), date(t, "2026-09-01")
	tests := []struct {
		name    string
		edit    func(data []byte) ([]byte, error)
		removed []string // original lines that change
		added   []string // new lines
		check   func(t *testing.T, m *model.Model)
	}{
		{
			name: "accept an undecided threat",
			edit: func(d []byte) ([]byte, error) {
				return Accept(d, "notes-delete", "alex", "Deletes are soft: we can restore from the trash.", on, revisit)
			},
			added: []string{"    response: accept", "    acceptance:", "      by: alex", "      on: 2026-03-01",
				"      why: 'Deletes are soft: we can restore from the trash.'", "      revisit: 2026-09-01"},
		},
		{
			name: "accept again keeps the comment beside why",
			edit: func(d []byte) ([]byte, error) {
				return Accept(d, "notes-idor", "sam", "Ids are random UUIDs; revisit when we add sharing.", on, revisit)
			},
			removed: []string{"      on: 2026-02-01", "      revisit: 2026-06-01"},
			added:   []string{"      on: 2026-03-01", "      revisit: 2026-09-01"},
		},
		{
			name: "transfer",
			edit: func(d []byte) ([]byte, error) {
				return Transfer(d, "support-phishing", "our e-mail provider", "Their phishing protection and DMARC", "sam", on)
			},
			removed: []string{"    response: undecided"},
			added: []string{"    response: transfer", "    transfer:", "      to: our e-mail provider",
				"      how: Their phishing protection and DMARC", "      by: sam", "      on: 2026-03-01"},
		},
		{
			name: "eliminate",
			edit: func(d []byte) ([]byte, error) {
				return Eliminate(d, "notes-delete-idor", "The DELETE route was removed.", "", model.Date{})
			},
			added: []string{"    response: eliminate", "    elimination:", "      why: The DELETE route was removed."},
		},
		{
			name: "set a hand-written control's status, keeping the comment",
			edit: func(d []byte) ([]byte, error) {
				return SetControl(d, "summarise-credit-drain", "alert on spend over 50 usd a day", model.Implemented, []model.Evidence{{File: "ops/alerts.tf", Line: 3}})
			},
			removed: []string{"        status: in-progress"},
			added:   []string{"        status: implemented", "        evidence: [ops/alerts.tf:3]"},
		},
		{
			name: "append a control to an undecided threat makes it mitigate",
			edit: func(d []byte) ([]byte, error) {
				return SetControl(d, "support-phishing", "DMARC on our domain", model.Planned, nil)
			},
			removed: []string{"    response: undecided"},
			added:   []string{"    response: mitigate", "    controls:", "      - text: DMARC on our domain", "        status: planned"},
		},
		{
			name: "control by its check",
			edit: func(d []byte) ([]byte, error) {
				return SetControl(d, "summarise-credit-drain", "rate-limit", model.InProgress, nil)
			},
			removed: []string{"        status: planned   # Alex is on it"},
			added:   []string{"        status: in-progress   # Alex is on it"},
		},
		{
			name: "review",
			edit: func(d []byte) ([]byte, error) {
				return Review(d, "alex", on)
			},
			removed: []string{"  last: {on: 2026-02-01, by: sam}"},
			added:   []string{"  last: {on: 2026-03-01, by: alex}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := tt.edit(existing)
			if err != nil {
				t.Fatal(err)
			}
			removed, added := lineDiff(existing, out)
			slices.Sort(added)
			slices.Sort(tt.added)
			if !slices.Equal(removed, tt.removed) {
				t.Errorf("removed lines:\n%q\nwant:\n%q", removed, tt.removed)
			}
			if !slices.Equal(added, tt.added) {
				t.Errorf("added lines:\n%q\nwant:\n%q\n%s", added, tt.added, out)
			}
			if _, err := model.Parse("out", out); err != nil {
				t.Errorf("result is not valid: %v", err)
			}
		})
	}
}

func TestDecisionIDs(t *testing.T) {
	existing := readFile(t, filepath.Join("testdata", "merge", "existing.yaml"))
	on := date(t, "2026-03-01")
	tests := []struct {
		id        string
		ambiguous bool
		mentions  []string
	}{
		{"notes-idr", false, []string{"notes-idor"}},
		{"notes", true, []string{"notes-idor", "notes-delete-idor"}},
		{"drain", false, []string{"summarise-credit-drain"}},
		{"nothing-like-it", false, nil},
		{"", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			_, err := Eliminate(existing, tt.id, "why", "", on)
			var idErr *IDError
			if !errors.As(err, &idErr) {
				t.Fatalf("error %v, want an IDError", err)
			}
			if idErr.Ambiguous != tt.ambiguous {
				t.Errorf("ambiguous = %v, want %v (%v)", idErr.Ambiguous, tt.ambiguous, err)
			}
			for _, m := range tt.mentions {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not mention %q", err, m)
				}
			}
		})
	}
}

func TestDecisionsRefuseMissingFields(t *testing.T) {
	existing := readFile(t, filepath.Join("testdata", "merge", "existing.yaml"))
	if _, err := Accept(existing, "notes-idor", "", "why", date(t, "2026-01-01"), date(t, "2026-02-01")); err == nil {
		t.Error("accept without --by was accepted")
	}
	if _, err := SetControl(existing, "notes-idor", "x", "done", nil); err == nil {
		t.Error("an unknown control status was accepted")
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "threatmap.yaml")
	if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (%v), want 0600 kept", st.Mode(), err)
	}
	if got := string(readFile(t, path)); got != "new\n" {
		t.Errorf("content %q", got)
	}
	assertNoTemp(t, dir)

	// A folder nobody may write to: the write fails, the old file stays.
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only folders")
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	if err := WriteFile(path, []byte("newer\n")); err == nil {
		t.Error("write into a read-only folder succeeded")
	}
	if got := string(readFile(t, path)); got != "new\n" {
		t.Errorf("old file changed to %q", got)
	}
	assertNoTemp(t, dir)
}

func TestWriteFileRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.yaml")
	os.WriteFile(target, []byte("real\n"), 0o644)
	link := filepath.Join(dir, "threatmap.yaml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := WriteFile(link, []byte("x\n")); err == nil {
		t.Error("wrote through a symbolic link")
	}
	if got := string(readFile(t, target)); got != "real\n" {
		t.Errorf("link target changed to %q", got)
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
