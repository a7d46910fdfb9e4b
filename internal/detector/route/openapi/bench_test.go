package openapi_test

import (
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/detector/route/openapi"
)

// BenchmarkDetect measures the OpenAPI detectors on their own fixtures.
func BenchmarkDetect(b *testing.B) {
	detectortest.Bench(b, "testdata", func() []detector.Detector { return []detector.Detector{openapi.New()} })
}
