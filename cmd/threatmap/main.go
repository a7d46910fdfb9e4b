// Command threatmap drafts a one-page threat model from a repository's
// code, keeps it in the repository as threatmap.yaml, and checks it in CI.
package main

import (
	"os"
	"runtime/debug"

	"github.com/threatmap/threatmap/internal/cli"
)

// softMemoryLimit is the memory the Go runtime works to stay under when
// GOMEMLIMIT does not say otherwise. A scan's live heap is small and grows
// slowly with the tree (about 250 MB on a 1 GB tree), but by default the
// collector lets the heap grow to twice the live data before it runs; with
// a limit it runs sooner near the limit instead, so a scan fits a small CI
// runner. It is soft: a tree whose live data needs more still gets it, at
// the cost of more collection.
const softMemoryLimit = 400 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
