package all

import (
	"slices"
	"testing"
)

// TestFlowFinishOrder: the JavaScript and Python flow frontends finish
// before the Go one, which lowers in its Finish: the other order kept
// their lowered functions live through it (round 6 in bench/README.md).
func TestFlowFinishOrder(t *testing.T) {
	var names []string
	for _, d := range New() {
		names = append(names, d.Name())
	}
	at := func(n string) int {
		i := slices.Index(names, n)
		if i < 0 {
			t.Fatalf("no detector %s in %v", n, names)
		}
		return i
	}
	if g := at("flow/go"); at("flow/js") > g || at("flow/python") > g {
		t.Errorf("flow/go finishes before flow/js or flow/python: %v", names)
	}
}
