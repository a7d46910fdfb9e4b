package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return out.String() + errb.String(), code
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The promise of sync: after init and a person's edits, a new route adds
// exactly its rows, and the person's acceptance and comment stay
// byte-for-byte.
func TestInitDecideSync(t *testing.T) {
	t.Setenv("THREATMAP_NOW", "2026-11-29")
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples", "docqa"), dir)
	if err := os.Remove(filepath.Join(dir, model.FileName)); err != nil {
		t.Fatal(err)
	}

	out, code := run(t, "init", dir)
	if code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, out)
	}
	if out, code := run(t, "init", dir); code != ExitUsage || !strings.Contains(out, "already exists") {
		t.Errorf("init over an existing model must refuse; exit %d\n%s", code, out)
	}
	modelPath := filepath.Join(dir, model.FileName)

	// A person decides, and writes a comment by hand.
	if out, code := run(t, "accept", "admin-exposed.get-admin", "--model", modelPath, "--by", "sam", "--why", "admin is on the VPN in production", "--revisit", "2027-03-01"); code != ExitOK {
		t.Fatalf("accept: exit %d\n%s", code, out)
	}
	data, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	const comment = "    # Sam, 2026-11-29: the VPN rule is in the infra repo, ticket SEC-12.\n"
	edited := strings.Replace(string(data), "    acceptance:\n", comment+"    acceptance:\n", 1)
	if edited == string(data) {
		t.Fatal("no acceptance block written by accept")
	}
	if err := os.WriteFile(modelPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	// Sync with no code change is a no-op.
	if out, code := run(t, "sync", dir); code != ExitOK {
		t.Fatalf("sync: exit %d\n%s", code, out)
	}
	again, _ := os.ReadFile(modelPath)
	if string(again) != edited {
		t.Fatalf("sync without a code change changed the file:\n%s", lineDiff(edited, string(again)))
	}

	// The code grows a route.
	route := `from fastapi import APIRouter, Depends

from ..auth import get_current_user

router = APIRouter(prefix="/api")


@router.delete("/documents/{id}")
def delete_document(id: int, user=Depends(get_current_user), db=None):
    db.query(Document).filter(Document.id == id).delete()
    return {"deleted": id}
`
	if err := os.WriteFile(filepath.Join(dir, "backend", "app", "routes", "cleanup.py"), []byte(route), 0o644); err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(dir, "backend", "app", "main.py")
	src, _ := os.ReadFile(main)
	src = bytes.Replace(src, []byte("from .routes import admin, billing, chat, documents"), []byte("from .routes import admin, billing, chat, cleanup, documents"), 1)
	src = bytes.Replace(src, []byte("app.include_router(admin.router)\n"), []byte("app.include_router(admin.router)\napp.include_router(cleanup.router)\n"), 1)
	if err := os.WriteFile(main, src, 0o644); err != nil {
		t.Fatal(err)
	}

	out, code = run(t, "sync", dir)
	if code != ExitOK {
		t.Fatalf("sync: exit %d\n%s", code, out)
	}
	after, _ := os.ReadFile(modelPath)

	// Every line the person had is still there, in order.
	if missing := missingLines(edited, string(after)); len(missing) > 0 {
		t.Errorf("sync lost lines:\n%s", strings.Join(missing, "\n"))
	}
	if !strings.Contains(string(after), comment+"    acceptance:\n") {
		t.Errorf("the hand-written comment above the acceptance moved or changed")
	}
	doc, err := model.Parse(modelPath, after)
	if err != nil {
		t.Fatalf("synced model is invalid: %v", err)
	}
	var newSurfaces, newThreats []string
	for _, s := range doc.Model.Surfaces {
		if s.State == model.StateNew {
			newSurfaces = append(newSurfaces, s.ID)
		}
	}
	for _, th := range doc.Model.Threats {
		if th.State == model.StateNew {
			newThreats = append(newThreats, th.ID)
		}
		if th.ID == "admin-exposed.get-admin" && (th.Acceptance == nil || th.Acceptance.By != "sam") {
			t.Errorf("the acceptance was lost: %+v", th.Acceptance)
		}
	}
	if strings.Join(newSurfaces, ",") != "delete-api-documents-id" {
		t.Errorf("new surfaces = %v, want exactly the new route", newSurfaces)
	}
	for _, id := range newThreats {
		if !strings.HasSuffix(id, ".delete-api-documents-id") {
			t.Errorf("sync added threat %s, which is not about the new route", id)
		}
	}
	if len(newThreats) == 0 {
		t.Errorf("the new route (sequential id, no ownership check) brought no threat")
	}
}

// missingLines returns the lines of before that after lacks, in order.
func missingLines(before, after string) []string {
	al := strings.Split(after, "\n")
	var missing []string
	j := 0
	for _, l := range strings.Split(before, "\n") {
		k := j
		for k < len(al) && al[k] != l {
			k++
		}
		if k == len(al) {
			missing = append(missing, l)
			continue
		}
		j = k + 1
	}
	return missing
}

func lineDiff(a, b string) string {
	return "missing: " + strings.Join(missingLines(a, b), "\n") + "\nadded: " + strings.Join(missingLines(b, a), "\n")
}

// Issue 4's promise, on a copy of the bundled example: check fails on
// drift and undecided threats; after sync and recorded decisions it passes.
func TestDocqaCheckFlow(t *testing.T) {
	t.Setenv("THREATMAP_NOW", "2026-11-29")
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples", "docqa"), dir)
	modelPath := filepath.Join(dir, model.FileName)

	out, code := run(t, "check", dir, "--format", "json")
	if code != ExitFindings {
		t.Fatalf("check on the vulnerable example: exit %d, want 1\n%s", code, out)
	}
	for _, kind := range []string{`"kind": "drift"`, `"kind": "undecided"`, `"kind": "secret-committed"`} {
		if !strings.Contains(out, kind) {
			t.Errorf("check output lacks %s", kind)
		}
	}

	if out, code := run(t, "sync", dir); code != ExitOK {
		t.Fatalf("sync: exit %d\n%s", code, out)
	}
	decide := [][]string{
		{"accept", "stripe-webhook-forgery", "--by", "sam", "--why", "demo app: no real payments", "--revisit", "2027-02-01"},
		{"accept", "env-committed", "--by", "sam", "--why", "the keys are fake, on purpose", "--revisit", "2027-02-01"},
		{"accept", "secrets-committed.secrets-backend-app-config-py", "--by", "sam", "--why", "demo default", "--revisit", "2027-02-01"},
		{"control", "chat-credit-drain", "--text", "Per-account and per-IP rate limiting on token-consuming routes", "--status", "in-progress"},
		{"review", "--by", "sam"},
	}
	for _, args := range decide {
		args = append(args, "--model", modelPath)
		if out, code := run(t, args...); code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, out)
		}
	}
	out, code = run(t, "check", dir)
	if code != ExitOK {
		t.Fatalf("check after sync and decisions: exit %d\n%s", code, out)
	}
}

// Issue 16: a route that is not UTF-8 became !!binary in the model, then a
// "gone" finding, and sync failed. It is stored escaped, and init, sync and
// check agree on it.
func TestInvalidUTF8Route(t *testing.T) {
	t.Setenv("THREATMAP_NOW", "2026-06-15")
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.py"), "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/caf\xe9/menu\")\ndef menu():\n    return {}\n")
	if out, code := run(t, "init", dir); code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, model.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "!!binary") || !strings.Contains(string(data), `/caf\xe9/menu`) {
		t.Fatalf("the route is not stored as escaped text:\n%s", data)
	}
	if out, code := run(t, "sync", dir); code != ExitOK || !strings.Contains(out, "no changes") {
		t.Errorf("sync: exit %d\n%s", code, out)
	}
	out, _ := run(t, "check", dir, "--format", "json")
	for _, kind := range []string{`"kind": "drift"`, `"kind": "stale"`, `no longer in the code`} {
		if strings.Contains(out, kind) {
			t.Errorf("check reports %s for the route it just drafted:\n%s", kind, out)
		}
	}
}
