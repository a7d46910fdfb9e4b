package reconcile

import (
	"path/filepath"
	"testing"
)

func BenchmarkMerge(b *testing.B) {
	existing := readFile(b, filepath.Join("testdata", "merge", "existing.yaml"))
	draft := readDraft(b, filepath.Join("testdata", "merge", "draft.yaml"))
	for b.Loop() {
		if _, _, err := Merge(existing, draft, "threatmap.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
