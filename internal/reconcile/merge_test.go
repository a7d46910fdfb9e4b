package reconcile

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/golden"
	"github.com/threatmap/threatmap/internal/model"
)

func readDraft(t testing.TB, path string) *model.Model {
	t.Helper()
	doc, err := model.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Model
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// lineDiff returns the lines only in a and only in b, as multisets.
func lineDiff(a, b []byte) (onlyA, onlyB []string) {
	count := map[string]int{}
	for _, l := range strings.Split(string(b), "\n") {
		count[l]++
	}
	for _, l := range strings.Split(string(a), "\n") {
		if count[l] > 0 {
			count[l]--
		} else {
			onlyA = append(onlyA, l)
		}
	}
	for _, l := range strings.Split(string(b), "\n") {
		if count[l] > 0 {
			count[l]--
			onlyB = append(onlyB, l)
		}
	}
	return onlyA, onlyB
}

func TestMergeHandEdited(t *testing.T) {
	dir := filepath.Join("testdata", "merge")
	existing := readFile(t, filepath.Join(dir, "existing.yaml"))
	draft := readDraft(t, filepath.Join(dir, "draft.yaml"))
	if _, err := model.Parse("existing.yaml", existing); err != nil {
		t.Fatalf("fixture is not valid: %v", err)
	}

	out, sum, err := Merge(existing, draft, "existing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join(dir, "merged.golden.yaml"), out)

	// (a) every original line that was not meant to change is still there.
	removed, added := lineDiff(existing, out)
	wantRemoved := []string{
		"        status: planned   # Alex is on it",
	}
	if !slices.Equal(removed, wantRemoved) {
		t.Errorf("lines removed or changed:\n%s\nwant:\n%s", strings.Join(removed, "\n"), strings.Join(wantRemoved, "\n"))
	}
	// (b) exactly the new rows.
	for _, want := range []string{
		"        status: implemented   # Alex is on it",
		"        evidence: [api/limits.py:12]",
		"      - text: A hard monthly budget cap at the provider",
		"  - id: user-notes",
		"  - {id: api-llm, name: API to the LLM, from: api, to: llm}",
		"  - id: post-api-notes-id-share",
		"  - id: post-api-notes-id-share-idor",
		"    surface: post-api-notes-id-share",
	} {
		if !slices.Contains(added, want) {
			t.Errorf("output lacks the new line %q", want)
		}
	}
	if n := strings.Count(strings.Join(added, "\n"), "state: gone"); n != 2 {
		t.Errorf("%d lines say state: gone, want 2 (the DELETE route and its threat)", n)
	}
	if n := strings.Count(strings.Join(added, "\n"), "state: new"); n != 3 {
		t.Errorf("%d lines say state: new, want 3 (asset, surface, threat)", n)
	}
	want := Summary{
		AddedAssets:     []string{"user-notes"},
		AddedBoundaries: []string{"api-llm"},
		AddedSurfaces:   []string{"post-api-notes-id-share"},
		GoneSurfaces:    []string{"delete-api-notes-id"},
		AddedThreats:    []string{"post-api-notes-id-share-idor"},
		GoneThreats:     []string{"notes-delete-idor"},
		Controls:        []string{"summarise-credit-drain/rate-limit", "summarise-credit-drain/budget-cap"},
	}
	if sum.String() != want.String() {
		t.Errorf("summary:\n %s\nwant:\n %s", sum, want)
	}

	// (c) the result is a valid model that says what was meant.
	doc, err := model.Parse("merged.yaml", out)
	if err != nil {
		t.Fatalf("merged file is not valid: %v\n%s", err, out)
	}
	m := doc.Model
	if c := m.Threats[0].Controls[0]; c.Status != model.Implemented || len(c.Evidence) != 1 {
		t.Errorf("rate-limit control = %+v, want implemented with evidence", c)
	}
	// The scan does not see the ownership check; the person's status and
	// evidence stand as written (check reports the control if the evidence
	// does not hold up).
	if c := m.Threats[1].Controls[0]; c.Status != model.Implemented || !slices.Equal(c.Evidence, []model.Evidence{{File: "api/notes.py", Line: 40}}) {
		t.Errorf("owner-filter control = %+v, want implemented with the evidence as written", c)
	}

	// (d) merging the same draft again changes nothing.
	again, sum2, err := Merge(out, draft, "merged.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(out) || sum2.Changed() {
		t.Errorf("second merge is not a no-op: %s\n%s", sum2, again)
	}
}

// A model drafted before threatmap recorded the exposure the code shows
// gains it in each match on sync (flow or block), so that an exposure a
// person changed re-rates its threats; the person's exposure, and a hand-
// written match in another shape, stay as written. Merging again changes
// nothing.
func TestMergeRecordsDraftedExposure(t *testing.T) {
	existing := []byte(`version: 1
product: {name: notes}
surfaces:
  - id: post-notes
    kind: endpoint
    direction: entry
    name: POST /notes
    exposure: internal # only the VPN reaches it
    match: {method: POST, path: /notes}
  - id: db
    kind: store
    direction: store
    name: Postgres
    exposure: public
    match:
      fact: store:postgres:db # the primary
  - id: known
    kind: endpoint
    direction: entry
    name: GET /known
    match: {method: GET, path: /known, exposure: public}
threats: []
`)
	draft := &model.Model{Version: 1, Product: model.Product{Name: "notes"}, Surfaces: []model.Surface{
		{ID: "post-notes", Kind: model.KindEndpoint, Direction: model.Entry, Name: "POST /notes", Exposure: model.Public,
			Match: &model.SurfaceMatch{Method: "POST", Path: "/notes", Exposure: model.Public}},
		{ID: "db", Kind: model.KindStore, Direction: model.Store, Name: "Postgres", Exposure: model.Internal,
			Match: &model.SurfaceMatch{Fact: "store:postgres:db", Exposure: model.Internal}},
		{ID: "known", Kind: model.KindEndpoint, Direction: model.Entry, Name: "GET /known", Exposure: model.Authenticated,
			Match: &model.SurfaceMatch{Method: "GET", Path: "/known", Exposure: model.Authenticated}},
	}}
	out, s, err := Merge(existing, draft, "threatmap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Exposures, " "); got != "post-notes db" {
		t.Errorf("recorded for %q, want post-notes db", got)
	}
	for _, want := range []string{
		"    exposure: internal # only the VPN reaches it\n    match: {method: POST, path: /notes, exposure: public}\n",
		"    exposure: public\n    match:\n      fact: store:postgres:db # the primary\n      exposure: internal\n",
		"match: {method: GET, path: /known, exposure: public}\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("merged file lacks %q:\n%s", want, out)
		}
	}
	again, s2, err := Merge(out, draft, "threatmap.yaml")
	if err != nil || string(again) != string(out) || s2.Changed() {
		t.Errorf("a second merge changed %s (%v)", s2, err)
	}
}
