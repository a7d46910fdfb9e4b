package helpers

import (
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
)

// Fixtures mark each expected fact inline: "want: weakness KIND" at a
// call that hashes a password through a helper, "want: control
// admin-guard" at a middleware that lets only admins through.
func TestFixtures(t *testing.T) {
	dir := "testdata/app"
	f := detectortest.Scan(t, dir, New())
	var weaknesses, controls []string
	for _, w := range f.Weaknesses {
		for range w.Evidence {
			weaknesses = append(weaknesses, w.Kind)
		}
	}
	for _, c := range f.Controls {
		for range c.Evidence {
			controls = append(controls, c.Kind)
		}
	}
	detectortest.Check(t, "weaknesses", weaknesses, detectortest.Wants(t, dir, "weakness "))
	detectortest.Check(t, "controls", controls, detectortest.Wants(t, dir, "control "))
}
