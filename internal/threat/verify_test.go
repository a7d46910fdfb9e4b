package threat

import (
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// TestVocabulary: every check names what it looks for, so evidence a
// person writes for its control can be judged by the same patterns.
func TestVocabulary(t *testing.T) {
	for _, id := range CheckIDs() {
		controls, signals := Vocabulary(id)
		if len(controls)+len(signals) == 0 {
			t.Errorf("check %s looks for nothing", id)
		}
	}
	controls, signals := Vocabulary("rate-limit")
	if !slices.Equal(controls, []string{"rate-limit"}) || !slices.Equal(signals, []string{facts.SignalRateLimit}) {
		t.Errorf("rate-limit: controls %q, signals %q", controls, signals)
	}
	if c, s := Vocabulary("no-such-check"); c != nil || s != nil {
		t.Errorf("unknown check: %q %q", c, s)
	}
}
