// Package detectortest turns a fixture folder into facts and checks them
// against expectations written inline in the fixtures, so every detector
// family is held to them the same way: exactly, every expectation found and
// nothing else reported.
//
// An expectation is a comment containing "want:" followed by what the
// fixture should produce, e.g. `# want: GET /users/{id}` or
// `// want: route POST /api/chat`. A line may carry several, separated by
// ";". What a want means (a route, a secret rule, a store kind) is the
// detector's test's business: it maps facts to the same strings.
//
// A fact the detector should produce but does not yet is written
// "knownmiss: TEXT -- REASON" instead (one per line, the reason required):
// it is left out of the expectations, so the test passes while the miss
// lasts and fails, as an extra, once the detector finds it. The known
// misses are counted in one place (knownMisses in this package's test), so
// adding or fixing one shows in review.
package detectortest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/scan"
	"github.com/threatmap/threatmap/internal/source"
)

// Scan runs the detectors over dir exactly as a real scan does.
func Scan(t testing.TB, dir string, dets ...detector.Detector) facts.Facts {
	t.Helper()
	f, err := scan.Run(context.Background(), dir, dets, scan.Options{})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	return f
}

// A want may end a JSON string ("_comment": "want: x",) or a block comment
// (/* */, Razor's @* *@, JSP's <%-- --%>, HTML's <!-- -->).
var wantRE = regexp.MustCompile(`\b(want|knownmiss):\s*(.+?)\s*(?:\*/|\*@|--%>|-->|",?)?\s*$`)

// knownMissSep separates a known miss from its reason.
const knownMissSep = " -- "

// knownMissed holds every known miss the wants read so far left out, by
// its text, so that Check can say which extras are known misses now found.
var knownMissed sync.Map // text -> "file:line"

// Wants collects every "want:" expectation under dir whose text starts
// with prefix (pass "" for all), with the prefix removed.
func Wants(t testing.TB, dir, prefix string) []string {
	t.Helper()
	var out []string
	eachWant(t, dir, prefix, func(_ string, _ int, want string) { out = append(out, want) }, nil)
	sort.Strings(out)
	return out
}

// WantsAt is Wants with the place of each expectation: "TEXT @file:line".
// A want on a line of its own (a comment with no code before it) is about
// the next line, for formats where a comment cannot share the line (PEM,
// JSON-like files).
func WantsAt(t testing.TB, dir, prefix string) []string {
	t.Helper()
	var out []string
	eachWant(t, dir, prefix, func(rel string, line int, want string) {
		out = append(out, fmt.Sprintf("%s @%s:%d", want, rel, line))
	}, func(rel string, line int, miss string) string {
		return fmt.Sprintf("%s @%s:%d", miss, rel, line)
	})
	sort.Strings(out)
	return out
}

// KnownMiss is one "knownmiss:" annotation.
type KnownMiss struct {
	File   string // slash path below the folder read
	Line   int    // the line it is about
	Text   string // the expectation, prefix included
	Reason string
}

// KnownMisses returns every "knownmiss:" annotation under dir, failing the
// test for one without a reason.
func KnownMisses(t testing.TB, dir string) []KnownMiss {
	t.Helper()
	var out []KnownMiss
	for _, e := range expectations(t, dir) {
		if e.kind == "knownmiss" {
			miss, reason := splitKnownMiss(t, e)
			out = append(out, KnownMiss{File: e.file, Line: e.line, Text: miss, Reason: reason})
		}
	}
	return out
}

// splitKnownMiss cuts "TEXT -- REASON", failing the test without a reason.
func splitKnownMiss(t testing.TB, e expectation) (miss, reason string) {
	t.Helper()
	miss, reason, _ = strings.Cut(e.text, knownMissSep)
	miss, reason = strings.TrimSpace(miss), strings.TrimSpace(reason)
	if miss == "" || reason == "" {
		t.Errorf("%s:%d: write a known miss as \"knownmiss: TEXT%sREASON\"", e.file, e.line, knownMissSep)
	}
	return miss, reason
}

// eachWant calls found for every want under dir with prefix, and logs and
// records every known miss with prefix (as key makes it, when not nil: the
// form the wants take).
func eachWant(t testing.TB, dir, prefix string, found func(rel string, line int, want string), key func(rel string, line int, miss string) string) {
	t.Helper()
	for _, e := range expectations(t, dir) {
		if e.kind == "knownmiss" {
			miss, reason := splitKnownMiss(t, e)
			m, ok := strings.CutPrefix(miss, prefix)
			if !ok {
				continue
			}
			m = strings.TrimSpace(m)
			t.Logf("known miss: %s @%s:%d (%s)", m, e.file, e.line, reason)
			if key != nil {
				m = key(e.file, e.line, m)
			}
			knownMissed.Store(m, fmt.Sprintf("%s:%d", filepath.ToSlash(filepath.Join(dir, e.file)), e.line))
			continue
		}
		for _, w := range strings.Split(e.text, ";") {
			w = strings.TrimSpace(w)
			if w == "" || !strings.HasPrefix(w, prefix) {
				continue
			}
			found(e.file, e.line, strings.TrimSpace(strings.TrimPrefix(w, prefix)))
		}
	}
}

// An expectation is one want: or knownmiss: comment.
type expectation struct {
	file string // slash path below the folder read
	line int    // the line it is about
	kind string // "want" or "knownmiss"
	text string // what follows the colon
}

// expectations reads every want and knownmiss under dir, with the line
// each is about: a comment on a line of its own is about the next line, for
// formats where a comment cannot share the line (PEM, JSON-like files).
func expectations(t testing.TB, dir string) []expectation {
	t.Helper()
	var out []expectation
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		n := 0
		for sc.Scan() {
			n++
			line := sc.Text()
			m := wantRE.FindStringSubmatchIndex(line)
			if m == nil {
				continue
			}
			at := n
			if code := strings.Trim(line[:m[0]], " \t#/<!-;"); code == "" {
				at = n + 1
			}
			out = append(out, expectation{file: rel, line: at, kind: line[m[2]:m[3]], text: line[m[4]:m[5]]})
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatalf("read wants in %s: %v", dir, err)
	}
	return out
}

// Score compares what was found with what was wanted (multisets) and
// returns precision, recall, and the misses and extras for the log.
func Score(got, want []string) (precision, recall float64, missed, extra []string) {
	left := map[string]int{}
	for _, w := range want {
		left[w]++
	}
	hits := 0
	for _, g := range got {
		if left[g] > 0 {
			left[g]--
			hits++
		} else {
			extra = append(extra, g)
		}
	}
	for w, n := range left {
		for range n {
			missed = append(missed, w)
		}
	}
	sort.Strings(missed)
	sort.Strings(extra)
	precision, recall = 1, 1
	if len(got) > 0 {
		precision = float64(hits) / float64(len(got))
	}
	if len(want) > 0 {
		recall = float64(hits) / float64(len(want))
	}
	return precision, recall, missed, extra
}

// Check fails the test unless got is exactly want (as multisets): every
// expectation found and nothing else reported. The failure lists every miss
// and every extra; an extra that a fixture marks as a known miss says so.
func Check(t testing.TB, name string, got, want []string) {
	t.Helper()
	p, r, missed, extra := Score(got, want)
	t.Logf("%s: precision %.2f recall %.2f (%d found, %d wanted)", name, p, r, len(got), len(want))
	if len(missed) == 0 && len(extra) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d missed, %d extra (%d found, %d wanted); the facts must match the fixture's wants exactly", name, len(missed), len(extra), len(got), len(want))
	for _, m := range missed {
		fmt.Fprintf(&b, "\n  missed: %s", m)
	}
	for _, x := range extra {
		fmt.Fprintf(&b, "\n  extra:  %s", x)
		if at, ok := knownMissed.Load(x); ok {
			fmt.Fprintf(&b, " (found now: turn the knownmiss at %s into a want)", at)
		}
	}
	t.Error(b.String())
}

// Bench measures detectors on the files under dir, read once into memory
// before the clock starts: each iteration hands every file to the fresh
// detectors that want it (by Match and by keyword, as a scan does) and
// runs their Finish step. Bytes per second count the files handed over.
func Bench(b *testing.B, dir string, newDets func() []detector.Detector) {
	b.Helper()
	type file struct {
		path string
		data []byte
	}
	var files []file
	err := source.Walk(context.Background(), dir, source.Options{}, func(e source.Entry) error {
		data, err := os.ReadFile(e.Abs)
		if err == nil && !source.IsBinary(data) && !source.IsMinified(e.Path, data) {
			files = append(files, file{e.Path, data})
		}
		return err
	}, func(source.Warning) {})
	if err != nil {
		b.Fatalf("read %s: %v", dir, err)
	}
	var size int64
	for _, f := range files {
		size += int64(len(f.data))
	}
	b.SetBytes(size)
	ctx := context.Background()
	for b.Loop() {
		sink := detector.NewSink()
		dets := newDets()
		for _, f := range files {
			df := &detector.File{Path: f.path, Data: f.data}
			for _, d := range dets {
				if d.Match(f.path) && wants(d, f.path, f.data) {
					_ = d.Detect(ctx, df, sink)
				}
			}
			df.Release()
		}
		for _, d := range dets {
			if fin, ok := d.(detector.Finisher); ok {
				_ = fin.Finish(ctx, sink)
			}
		}
	}
}

// wants is the keyword prefilter, as the scan applies it.
func wants(d detector.Detector, path string, data []byte) bool {
	k, ok := d.(detector.Keyworded)
	if !ok || len(k.Keywords()) == 0 {
		return true
	}
	if x, ok := d.(detector.PrefilterExempt); ok && x.Exempt(path) {
		return true
	}
	for _, kw := range k.Keywords() {
		if bytes.Contains(data, []byte(kw)) {
			return true
		}
	}
	return false
}

// missedCount reads the count a routes-missed warning states.
var missedCount = regexp.MustCompile(`\b(\d+|a) (?:routes? registered|routers? mounted)`)

// Missed lists a scan's routes-missed warnings as wants read them with
// WantsAt(t, dir, "missed"): "N @file:line", for `want: missed N` on the
// line of a file's first registration that could not be composed.
func Missed(f facts.Facts) []string {
	var out []string
	for _, w := range f.Warnings {
		if w.Kind != facts.WarnRoutesMissed {
			continue
		}
		n := "?"
		if m := missedCount.FindStringSubmatch(w.Message); m != nil {
			n = strings.Replace(m[1], "a", "1", 1)
		}
		out = append(out, fmt.Sprintf("%s @%s:%d", n, w.File, w.Line))
	}
	sort.Strings(out)
	return out
}

// WeaknessKinds lists each weakness's kind once per evidence site, as a
// fixture's "want: weakness KIND" lines count them.
func WeaknessKinds(f facts.Facts) []string {
	var out []string
	for _, w := range f.Weaknesses {
		for range w.Evidence {
			out = append(out, w.Kind)
		}
	}
	return out
}

// ControlKinds lists each control's kind once per evidence site.
func ControlKinds(f facts.Facts) []string {
	var out []string
	for _, c := range f.Controls {
		for range c.Evidence {
			out = append(out, c.Kind)
		}
	}
	return out
}

// FlowWeaknesses lists a data-flow frontend's weaknesses as a fixture's
// wants read them with WantsAt(t, dir, ""): "KIND via=SOURCE @file:line"
// for a sink a route reaches with request data, "KIND reach=ROLE
// @file:line" for one only a function's parameter reaches.
func FlowWeaknesses(f facts.Facts) []string {
	var got []string
	for _, w := range f.Weaknesses {
		if w.Reach != facts.ReachRoute {
			got = append(got, fmt.Sprintf("%s reach=%s @%s:%d", w.Kind, w.Reach, w.Evidence[0].File, w.Evidence[0].Line))
			continue
		}
		got = append(got, fmt.Sprintf("%s via=%s @%s:%d", w.Kind, w.Source, w.Evidence[0].File, w.Evidence[0].Line))
	}
	return got
}
