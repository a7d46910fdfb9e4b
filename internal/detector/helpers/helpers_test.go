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
	weaknesses, controls := detectortest.WeaknessKinds(f), detectortest.ControlKinds(f)
	detectortest.Check(t, "weaknesses", weaknesses, detectortest.Wants(t, dir, "weakness "))
	detectortest.Check(t, "controls", controls, detectortest.Wants(t, dir, "control "))
}
