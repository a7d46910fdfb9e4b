package signal

import (
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
)

// A request's whole input is mass assignment only where an Eloquent model
// takes it and its lists let an owner or role column through; the app's
// own repositories and actions, and models that leave those columns out,
// are the lookalikes.
func TestMassAssignmentPHPModels(t *testing.T) {
	dir := "testdata/massphp"
	calls := NewCalls()
	f := detectortest.Scan(t, dir, New().Following(calls), calls)
	detectortest.Check(t, "weaknesses", detectortest.WeaknessKinds(f), detectortest.Wants(t, dir, "weakness "))
}
