package flow

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// Report gathers what a frontend finds as weaknesses, the same way in
// every language: one weakness per sink (a kind of weakness at one
// call), naming every route that reaches it, its path the first found.
// Two sinks one route reaches are two weaknesses, each with its own
// evidence and path.
type Report struct {
	byKey map[string]*reported
}

type reported struct {
	w    facts.Weakness
	sink facts.Step
}

// NewReport is an empty report.
func NewReport() *Report { return &Report{byKey: map[string]*reported{}} }

func sinkKey(kind string, at facts.Step) string {
	return kind + "\x00" + at.File + "\x00" + strconv.Itoa(at.Line)
}

// Has reports whether a weakness of this kind is already reported at
// this sink.
func (r *Report) Has(kind string, at facts.Step) bool { return r.byKey[sinkKey(kind, at)] != nil }

// Route adds what a route's entry reaches: a new sink is a weakness, a
// sink already reported gains the route.
func (r *Report) Route(fd Finding) {
	w := facts.Weakness{Kind: fd.Kind, Detail: Detail[fd.Kind], Source: fd.Source, Path: fd.Path, Reach: facts.ReachRoute}
	if fd.Source == facts.SourceStored {
		w.Detail = "a record users saved, read back and written into an HTML page unescaped"
	}
	if fd.Route != "" {
		w.Routes = []string{fd.Route}
	}
	r.Add(w, fd.Sink)
}

// Add adds a weakness at a sink (its evidence is the sink's place)
// unless one of its kind is there already, whose routes it then joins.
// It reports whether the weakness is new.
func (r *Report) Add(w facts.Weakness, at facts.Step) bool {
	key := sinkKey(w.Kind, at)
	if w.Source == facts.SourceStored {
		// What users saved, shown to every viewer, is its own weakness
		// beside a link's reflected one at the same sink.
		key += "\x00" + facts.SourceStored
	}
	if old := r.byKey[key]; old != nil {
		for _, id := range w.Routes {
			if !slices.Contains(old.w.Routes, id) {
				old.w.Routes = append(old.w.Routes, id)
			}
		}
		if old.w.Reach != facts.ReachRoute && w.Reach == facts.ReachRoute {
			old.w = w
		}
		return false
	}
	w.Evidence = []facts.Evidence{{File: at.File, Line: at.Line}}
	r.byKey[key] = &reported{w: w, sink: at}
	return true
}

// Weaknesses is every weakness, in order of kind, file and line, each
// with its id. The id is keyed by the sink's code, not its line, so an
// edit above a sink keeps what a person decided about it: the kind,
// the file and the call as written, and, for the second and later
// sinks with the same code in one file, which one it is in the file.
func (r *Report) Weaknesses() []facts.Weakness {
	all := make([]*reported, 0, len(r.byKey))
	for _, x := range r.byKey {
		all = append(all, x)
	}
	slices.SortFunc(all, func(a, b *reported) int {
		return cmp.Or(cmp.Compare(a.w.Kind, b.w.Kind), cmp.Compare(a.sink.File, b.sink.File), cmp.Compare(a.sink.Line, b.sink.Line),
			cmp.Compare(a.w.Source, b.w.Source))
	})
	out := make([]facts.Weakness, 0, len(all))
	seen := map[string]int{}
	for _, x := range all {
		w := x.w
		slices.Sort(w.Routes)
		parts := []string{w.Kind, x.sink.File, x.sink.Note}
		if w.Source == facts.SourceStored {
			parts = append(parts, facts.SourceStored)
		}
		k := strings.Join(parts, "\x00")
		if n := seen[k]; n > 0 {
			parts = append(parts, strconv.Itoa(n+1))
		}
		seen[k]++
		w.ID = detector.ID("weakness", parts...)
		out = append(out, w)
	}
	return out
}

// UnreachedPath is the path of a sink no route reaches: the function
// holding the way in (start), each step of the hit's trail, and the sink
// last, saying what it is even where the data is read on its line.
func UnreachedPath(start facts.Step, h Hit) []facts.Step {
	path := []facts.Step{start}
	for _, st := range h.Origin.Trail {
		path = addStepLoose(path, st)
	}
	if n := len(path); n > 1 && path[n-1].File == h.At.File && path[n-1].Line == h.At.Line {
		path[n-1].Note = h.At.Note
		return path
	}
	return append(path, h.At)
}
