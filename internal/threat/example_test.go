package threat_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/scan"
	"github.com/threatmap/threatmap/internal/threat"
)

func draft(t *testing.T, dir string) *model.Model {
	t.Helper()
	f, err := scan.Run(context.Background(), dir, all.New(), scan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return threat.Draft(f, threat.Options{})
}

// threatBy finds the rule's threat on the surface named surfaceName, or
// the grouped one that lists it as a site.
func threatBy(m *model.Model, rule, surfaceName string) (*model.Threat, *model.Surface) {
	for i := range m.Threats {
		t := &m.Threats[i]
		if t.Rule != rule {
			continue
		}
		for j := range m.Surfaces {
			s := &m.Surfaces[j]
			if s.Name != surfaceName {
				continue
			}
			if s.ID == t.Surface || slices.ContainsFunc(t.Sites, func(x model.Site) bool { return x.Surface == s.ID }) {
				return t, s
			}
		}
	}
	return nil, nil
}

func assetKinds(m *model.Model, ids []string) []model.AssetKind {
	var out []model.AssetKind
	for _, a := range m.Assets {
		if slices.Contains(ids, a.ID) {
			out = append(out, a.Kind)
		}
	}
	return out
}

// The source's table, row by row: the drafted map must hold each row with
// the same surface, asset bucket and difficulty.
var sourceTable = []struct {
	rule, surface string
	bucket        model.AssetKind
	difficulty    model.Difficulty
}{
	{"credit-drain", "POST /api/chat", model.Credentials, model.Easy},
	{"upload-unsafe", "POST /api/upload", model.UserData, model.Moderate},
	{"idor", "GET /api/documents/{id}", model.UserData, model.Easy},
	{"webhook-forgery", "POST /webhook/stripe", model.Integrity, model.Easy},
	{"bucket-exposure", "S3 bucket docqa-uploads", model.UserData, model.Moderate},
	{"admin-exposed", "GET /admin", model.Credentials, model.Moderate},
	{"secrets-committed", "Environment variables / .env in repo", model.Credentials, model.Moderate},
}

func TestDocqaReproducesTheSourceTable(t *testing.T) {
	m := draft(t, filepath.Join("..", "..", "examples", "docqa"))
	for _, row := range sourceTable {
		th, _ := threatBy(m, row.rule, row.surface)
		if th == nil {
			t.Errorf("no %s threat on %q", row.rule, row.surface)
			continue
		}
		if th.Difficulty != row.difficulty {
			t.Errorf("%s on %s: difficulty %s, the source says %s", row.rule, row.surface, th.Difficulty, row.difficulty)
		}
		if !slices.Contains(assetKinds(m, th.Assets), row.bucket) {
			t.Errorf("%s on %s: assets %v are not in the %s bucket", row.rule, row.surface, th.Assets, row.bucket)
		}
		if !th.IsOpen() {
			t.Errorf("%s on %s: the vulnerable example has no controls, yet the threat is answered", row.rule, row.surface)
		}
	}
	// "The /api/chat endpoint and the Stripe webhook are both low-difficulty,
	// high-impact surfaces ... The IDOR on document retrieval is equally urgent."
	ranked := model.Rank(m)
	var top []string
	for _, r := range ranked[:3] {
		top = append(top, r.Threat.Rule)
	}
	slices.Sort(top)
	if want := []string{"credit-drain", "idor", "webhook-forgery"}; !slices.Equal(top, want) {
		t.Errorf("top three = %v, want the chat route, the Stripe webhook and the document IDOR", top)
	}
}

// The hand-written model and the drafted one agree on every row.
func TestDocqaHandWrittenModelAgrees(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "docqa")
	doc, err := model.Load(filepath.Join(dir, model.FileName))
	if err != nil {
		t.Fatal(err)
	}
	drafted := draft(t, dir)
	hand := doc.Model
	for _, ht := range hand.Threats {
		hs := hand.Surfaces[slices.IndexFunc(hand.Surfaces, func(s model.Surface) bool { return s.ID == ht.Surface })]
		found := false
		for _, dt := range drafted.Threats {
			on := []string{dt.Surface}
			for _, site := range dt.Sites {
				on = append(on, site.Surface)
			}
			covered := slices.ContainsFunc(drafted.Surfaces, func(s model.Surface) bool { return slices.Contains(on, s.ID) && hs.Match.Covers(s.Match) })
			if dt.Rule == ht.Rule && covered {
				found = true
				if dt.Difficulty != ht.Difficulty {
					t.Errorf("%s: drafted difficulty %s, hand-written %s", ht.ID, dt.Difficulty, ht.Difficulty)
				}
			}
		}
		if !found {
			t.Errorf("hand-written threat %s (rule %s on %s) has no drafted counterpart", ht.ID, ht.Rule, hs.Name)
		}
	}
}

func TestHardenedShowsEveryControl(t *testing.T) {
	m := draft(t, filepath.Join("..", "..", "examples", "docqa-hardened"))
	rows := append(sourceTable[:6:6], struct {
		rule, surface string
		bucket        model.AssetKind
		difficulty    model.Difficulty
	}{"env-exposure", "Environment variables / .env", model.Credentials, model.Hard})
	for _, row := range rows {
		th, _ := threatBy(m, row.rule, row.surface)
		if th == nil {
			t.Errorf("no %s threat on %q", row.rule, row.surface)
			continue
		}
		for _, c := range th.Controls {
			if c.Status != model.Implemented || len(c.Evidence) == 0 {
				t.Errorf("%s on %s: control %q is %s with evidence %v; the hardened twin implements it", row.rule, row.surface, c.Text, c.Status, c.Evidence)
			}
		}
		if th.IsOpen() {
			t.Errorf("%s on %s is still open", row.rule, row.surface)
		}
	}
	for _, th := range m.Threats {
		if th.IsOpen() {
			t.Errorf("hardened twin has an open threat: %s (%s)", th.ID, th.Statement)
		}
	}
}
