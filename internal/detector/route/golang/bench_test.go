package golang

import (
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
)

// BenchmarkDetect measures the Go route detectors on their own fixtures.
func BenchmarkDetect(b *testing.B) {
	detectortest.Bench(b, "testdata", func() []detector.Detector { return []detector.Detector{New()} })
}
