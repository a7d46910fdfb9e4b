package scan

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// stuckDetector notes every .txt file it reads, and on stuck.txt notes it
// too, then hangs without looking at its context until release closes: a
// detector no budget can interrupt.
type stuckDetector struct{ release chan struct{} }

func (*stuckDetector) Name() string        { return "test/stuck" }
func (*stuckDetector) Match(p string) bool { return strings.HasSuffix(p, ".txt") }
func (d *stuckDetector) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	out.AddControl(facts.Control{Kind: "read-by-stuck", Detail: f.Path, Evidence: []facts.Evidence{{File: f.Path, Line: 1}}})
	if f.Path == "stuck.txt" {
		<-d.release
	}
	return nil
}

// slowDetector spins on slow.txt until its context ends: a detector that
// checks it, as the parsers and long loops do.
type slowDetector struct{ stopped chan struct{} }

func (*slowDetector) Name() string        { return "test/slow" }
func (*slowDetector) Match(p string) bool { return p == "slow.txt" }
func (d *slowDetector) Detect(ctx context.Context, _ *detector.File, _ *detector.Sink) error {
	<-ctx.Done()
	close(d.stopped)
	return ctx.Err()
}

// afterDetector notes every .txt file: it runs after the stuck one.
type afterDetector struct{}

func (afterDetector) Name() string        { return "test/after" }
func (afterDetector) Match(p string) bool { return strings.HasSuffix(p, ".txt") }
func (afterDetector) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	out.AddControl(facts.Control{Kind: "read-by-after", Detail: f.Path, Evidence: []facts.Evidence{{File: f.Path, Line: 1}}})
	return nil
}

// TestFileBudget: a detector over budget on one file costs a warning that
// names the file and the detector, and adds nothing; the scan does not
// wait for it, the file's other detectors still read it, and so do the
// stuck detector and the others for every other file.
func TestFileBudget(t *testing.T) {
	root := t.TempDir()
	names := []string{"a.txt", "b.txt", "stuck.txt", "slow.txt", "c.txt", "d.txt"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(root, n), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stuck := &stuckDetector{release: make(chan struct{})}
	defer close(stuck.release)
	slow := &slowDetector{stopped: make(chan struct{})}
	const budget = 50 * time.Millisecond
	start := time.Now()
	res, err := Run(context.Background(), root, []detector.Detector{stuck, slow, afterDetector{}}, Options{FileBudget: budget, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("the scan took %v: it waited for the stuck detector", took)
	}
	var warned []string
	for _, w := range res.Warnings {
		warned = append(warned, w.File+": "+w.Message)
	}
	slices.Sort(warned)
	want := []string{
		"slow.txt: test/slow: skipped after 50ms, the time one detector may spend on a file this size",
		"stuck.txt: test/stuck: skipped after 50ms, the time one detector may spend on a file this size",
	}
	if !slices.Equal(warned, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warned, "\n"), strings.Join(want, "\n"))
	}
	read := map[string]bool{}
	for _, c := range res.Controls {
		read[c.Kind+" "+c.Detail] = true
	}
	for _, n := range names {
		if want := n != "stuck.txt"; read["read-by-stuck "+n] != want {
			t.Errorf("test/stuck's note on %s kept: %v, want %v", n, !want, want)
		}
		if !read["read-by-after "+n] {
			t.Errorf("test/after did not read %s", n)
		}
	}
	select {
	case <-slow.stopped:
	case <-time.After(5 * time.Second):
		t.Error("the slow detector's context was not cancelled")
	}
}

// TestLimitFor: the budget is per 100 KiB of the file.
func TestLimitFor(t *testing.T) {
	for _, tt := range []struct {
		size int
		want time.Duration
	}{
		{0, 2 * time.Second},
		{100 << 10, 2 * time.Second},
		{150 << 10, 3 * time.Second},
		{1 << 20, 20500 * time.Millisecond},
	} {
		if got := limitFor(DefaultFileBudget, tt.size); got != tt.want {
			t.Errorf("limitFor(%d) = %v, want %v", tt.size, got, tt.want)
		}
	}
}

// TestNoFileBudget: a negative budget waits for every read.
func TestNoFileBudget(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "stuck.txt"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stuck := &stuckDetector{release: make(chan struct{})}
	time.AfterFunc(100*time.Millisecond, func() { close(stuck.release) })
	res, err := Run(context.Background(), root, []detector.Detector{stuck}, Options{FileBudget: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 0 || len(res.Controls) != 1 {
		t.Errorf("warnings %v, controls %v: want the read waited for", res.Warnings, res.Controls)
	}
}

// napDetector waits on nap.txt, computing nothing, for longer than the
// budget, then notes the file: a read slowed by a busy machine.
type napDetector struct{ nap time.Duration }

func (*napDetector) Name() string        { return "test/nap" }
func (*napDetector) Match(p string) bool { return p == "nap.txt" }
func (d *napDetector) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	time.Sleep(d.nap)
	out.AddControl(facts.Control{Kind: "read-by-nap", Detail: f.Path, Evidence: []facts.Evidence{{File: f.Path, Line: 1}}})
	return nil
}

// spinDetector computes on spin.txt until its context ends.
type spinDetector struct{}

func (spinDetector) Name() string        { return "test/spin" }
func (spinDetector) Match(p string) bool { return p == "spin.txt" }
func (spinDetector) Detect(ctx context.Context, _ *detector.File, _ *detector.Sink) error {
	n := 0
	for ctx.Err() == nil {
		n++
	}
	_ = n
	return ctx.Err()
}

// TestFileBudgetIsCPUTime: where a thread's CPU time can be read, the
// budget is CPU time: a read that waits two and a half budgets on the
// clock (as on a machine busy with other work) is kept, one that computes
// past its budget is skipped. The wait stays well under the clock's own
// bound (wallFactor budgets), so a loaded test machine does not trip it.
func TestFileBudgetIsCPUTime(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("no thread CPU clock on " + runtime.GOOS)
	}
	root := t.TempDir()
	for _, n := range []string{"nap.txt", "spin.txt"} {
		if err := os.WriteFile(filepath.Join(root, n), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const budget = 200 * time.Millisecond
	res, err := Run(context.Background(), root, []detector.Detector{&napDetector{nap: 5 * budget / 2}, spinDetector{}}, Options{FileBudget: budget, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, w := range res.Warnings {
		warned = append(warned, w.File+": "+w.Message)
	}
	want := []string{"spin.txt: test/spin: skipped after 200ms, the time one detector may spend on a file this size"}
	if !slices.Equal(warned, want) {
		t.Errorf("warnings %q, want %q", warned, want)
	}
	if len(res.Controls) != 1 || res.Controls[0].Kind != "read-by-nap" {
		t.Errorf("controls %v, want the napping read kept", res.Controls)
	}
}
