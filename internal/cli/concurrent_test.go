package cli

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// TestConcurrentDecisions: decisions recorded at the same moment, by
// separate processes, are all kept (issue 16: one was lost in 23 of 30
// runs, each process writing back the file it had read).
func TestConcurrentDecisions(t *testing.T) {
	t.Setenv("THREATMAP_NOW", "2026-06-15")
	const start = `version: 1
product: {name: Tiny chat}
surfaces:
  - {id: chat, kind: endpoint, direction: entry, name: POST /api/chat}
threats:
  - {id: chat-drain, surface: chat, stride: [D], statement: Drains credits., difficulty: low, impact: high}
  - {id: chat-upload, surface: chat, stride: [T], statement: Plants malware., difficulty: medium, impact: high}
  - {id: chat-log, surface: chat, stride: [R], statement: Nobody can tell who asked what., difficulty: low, impact: low}
`
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "threatmap.yaml")
		writeFile(t, path, start)
		decisions := [][]string{
			{"accept", "chat-drain", "--by", "sam", "--why", "beta", "--revisit", "2027-01-01", "--model", path},
			{"eliminate", "chat-upload", "--why", "uploads removed", "--model", path},
			{"control", "chat-log", "--text", "Log every request", "--status", "planned", "--model", path},
			{"review", "--by", "mia", "--model", path},
		}
		var wg sync.WaitGroup
		for _, args := range decisions {
			wg.Go(func() {
				if out, code := runAs(t, "threatmap", args...); code != ExitOK {
					t.Errorf("round %d: %v: exit %d\n%s", round, args, code, out)
				}
			})
		}
		wg.Wait()
		doc, err := model.Load(path)
		if err != nil {
			data, _ := os.ReadFile(path)
			t.Fatalf("round %d: %v\n%s", round, err, data)
		}
		m := doc.Model
		if m.Threats[0].Response != model.Accept || m.Threats[1].Response != model.Eliminate ||
			len(m.Threats[2].Controls) != 1 || m.Review.Last == nil {
			data, _ := os.ReadFile(path)
			t.Fatalf("round %d: a decision was lost:\n%s", round, data)
		}
	}
}
