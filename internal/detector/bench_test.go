package detector_test

import (
	"strconv"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/scan/process"
)

// BenchmarkSink is the sink alone: the adds of a mid-sized scan (routes,
// third parties and credentials seen in many files and merged, controls,
// signals, warnings) from two goroutines, then Result and the scan's
// post-scan processors.
func BenchmarkSink(b *testing.B) {
	const files = 2000
	for b.Loop() {
		s := detector.NewSink()
		done := make(chan struct{})
		for w := range 2 {
			go func() {
				defer func() { done <- struct{}{} }()
				for i := w; i < files; i += 2 {
					file := "src/f" + strconv.Itoa(i) + ".ts"
					ev := []facts.Evidence{{File: file, Line: i % 97}}
					s.AddRoute(facts.Route{Method: "get", Path: "/api/r" + strconv.Itoa(i%700), File: file, Line: i % 50, Tags: []string{"b", "a"}})
					s.AddThirdParty(facts.ThirdParty{Service: "svc" + strconv.Itoa(i%40), Evidence: ev, Credentials: []string{"KEY"}})
					s.AddCredential(facts.Credential{Name: "ENV_" + strconv.Itoa(i%120), Evidence: ev})
					s.AddControl(facts.Control{Kind: "rate-limit", Detail: "x", Evidence: ev})
					s.AddSignal(facts.Signal{Kind: "writes-state", Route: "GET /api/r" + strconv.Itoa(i%700), Evidence: ev[0]})
					if i%50 == 0 {
						s.Warn(file, "cannot parse")
					}
				}
			}()
		}
		<-done
		<-done
		f := s.Result()
		process.Run(&f, process.Default)
	}
}
