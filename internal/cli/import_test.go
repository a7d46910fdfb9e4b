package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// TestImportRoundTrip: examples/docqa with a decision of every kind,
// exported as OTM and imported into a fresh model, keeps every decision:
// accepted, transferred, eliminated, and each control's status and
// evidence. Importing it again into the model it came from changes
// nothing.
func TestImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/docqa/threatmap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig := filepath.Join(dir, "threatmap.yaml")
	writeFile(t, orig, string(src))
	otm := filepath.Join(dir, "docqa.otm.json")
	fresh := filepath.Join(dir, "fresh", "threatmap.yaml")
	if err := os.Mkdir(filepath.Dir(fresh), 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Run(args, &out, &errOut); code != ExitOK {
			t.Fatalf("threatmap %v: exit %d\n%s%s", args, code, out.String(), errOut.String())
		}
		if errOut.Len() > 0 {
			t.Errorf("threatmap %v wrote to stderr:\n%s", args, errOut.String())
		}
		return out.String()
	}
	run("accept", "documents-idor", "--by", "sam", "--why", "ids are UUIDv4", "--on", "2026-10-01", "--revisit", "2027-01-15", "--model", orig)
	run("transfer", "stripe-webhook-forgery", "--to", "Stripe", "--how", "Stripe Checkout verifies", "--by", "sam", "--on", "2026-10-01", "--model", orig)
	run("eliminate", "admin-exposed", "--why", "admin panel removed", "--by", "sam", "--on", "2026-10-01", "--model", orig)
	run("control", "chat-credit-drain", "--text", "Budget alerts with automatic throttling", "--status", "in-progress", "--model", orig)
	run("control", "chat-credit-drain", "--text", "Per-account and per-IP rate limiting on token-consuming routes", "--status", "implemented", "--evidence", "backend/app/limits.py:12", "--model", orig)
	run("control", "env-committed", "--text", "Run gitleaks in CI on every PR", "--status", "implemented", "--model", orig)

	run("export", "--model", orig, "-o", otm)
	run("import", "otm", otm, "--model", fresh)

	want, got := loadDecisions(t, orig), loadDecisions(t, fresh)
	if len(got) != len(want) {
		t.Errorf("%d threats after the round trip, want %d", len(got), len(want))
	}
	for id, w := range want {
		if w != got[id] {
			t.Errorf("threat %s:\n got %s\nwant %s", id, got[id], w)
		}
	}
	// The fixture holds a decision of every kind, so none can go missing
	// unnoticed.
	for id, kind := range map[string]string{"documents-idor": `"Response":"accept"`, "stripe-webhook-forgery": `"Response":"transfer"`,
		"admin-exposed": `"Response":"eliminate"`, "chat-credit-drain": `"status":"in-progress"`, "env-committed": `"status":"implemented"`} {
		if !bytes.Contains([]byte(want[id]), []byte(kind)) {
			t.Errorf("the fixture's %s lacks %s: %s", id, kind, want[id])
		}
	}

	before, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	if out := run("import", "otm", otm, "--model", orig); !bytes.Contains([]byte(out), []byte("no changes")) {
		t.Errorf("importing a model's own export into it: %s", out)
	}
	after, _ := os.ReadFile(orig)
	if !bytes.Equal(before, after) {
		t.Error("importing a model's own export changed it")
	}
}

// loadDecisions is each threat's decision and controls, as JSON.
func loadDecisions(t *testing.T, path string) map[string]string {
	t.Helper()
	doc, err := model.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, th := range doc.Model.Threats {
		b, err := json.Marshal(struct {
			Response    model.Response
			Owner       string
			Acceptance  *model.Acceptance
			Transfer    *model.Transfer
			Elimination *model.Decision
			Controls    []model.Control
		}{th.EffectiveResponse(), th.Owner, th.Acceptance, th.Transfer, th.Elimination, th.Controls})
		if err != nil {
			t.Fatal(err)
		}
		out[th.ID] = string(b)
	}
	return out
}
