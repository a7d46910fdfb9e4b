package process

import (
	"cmp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// MergeModels makes one asset of one model declared several ways: the
// Prisma model User and the users table of its migrations, the
// WebsiteEvent model and the website_event table of another database's
// schema. Two assets of one kind are one model when their names are the
// same words, a plural s aside. The merged asset has the evidence and
// fields of both (a field spelled two ways, referrerPath and
// referrer_path, once) and the name the code uses over the table's.
func MergeModels(f *facts.Facts) {
	type group struct{ idx []int }
	groups := map[string]*group{}
	var order []string
	// A table a model maps to, or a copy of a model's table, is that
	// model (the user-data detector's model-table signals).
	alias := map[string]string{}
	for _, sg := range f.Signals {
		if sg.Kind != facts.SignalModelTable {
			continue
		}
		if model, table, ok := strings.Cut(sg.Detail, " "); ok {
			alias[code.ModelKey(table)] = code.ModelKey(model)
		}
	}
	aliased := func(a facts.Asset) int {
		if _, ok := alias[code.ModelKey(modelName(a))]; ok {
			return 1
		}
		return 0
	}
	for i, a := range f.Assets {
		// A model that keeps the app's credentials has fields; a secret the
		// code reads has none, and is one setting already.
		if a.Kind != facts.AssetUserData && a.Kind != facts.AssetIntegrity && (a.Kind != facts.AssetCredentials || len(a.Fields) == 0) {
			continue
		}
		mk := code.ModelKey(modelName(a))
		if to, ok := alias[mk]; ok {
			mk = to
		}
		k := a.Kind + "\x00" + mk
		if groups[k] == nil {
			groups[k] = &group{}
			order = append(order, k)
		}
		groups[k].idx = append(groups[k].idx, i)
	}
	drop := map[int]bool{}
	renamed := map[string]string{} // a dropped model's name -> the merged one's
	for _, k := range order {
		g := groups[k]
		if len(g.idx) < 2 {
			continue
		}
		// The name the code declares wins over a table's in SQL.
		best := slices.MinFunc(g.idx, func(i, j int) int {
			return cmp.Or(cmp.Compare(aliased(f.Assets[i]), aliased(f.Assets[j])), cmp.Compare(fromSQL(f.Assets[i]), fromSQL(f.Assets[j])), cmp.Compare(i, j))
		})
		merged := f.Assets[best]
		seen := map[string]bool{}
		var fields []string
		var ev []facts.Evidence
		rest := slices.DeleteFunc(slices.Clone(g.idx), func(i int) bool { return i == best })
		for _, i := range append([]int{best}, rest...) {
			for _, field := range f.Assets[i].Fields {
				if w := strings.Join(code.Words(field), " "); !seen[w] {
					seen[w] = true
					fields = append(fields, field)
				}
			}
			ev = append(ev, f.Assets[i].Evidence...)
			if merged.Owner == nil {
				merged.Owner = f.Assets[i].Owner
			}
			for field, c := range f.Assets[i].Classes {
				if merged.Classes == nil {
					merged.Classes = map[string]string{}
				}
				if _, ok := merged.Classes[field]; !ok && slices.Contains(fields, field) {
					merged.Classes[field] = c
				}
			}
			if i != best {
				drop[i] = true
				if f.Assets[i].Kind == facts.AssetUserData {
					renamed[f.Assets[i].Name] = merged.Name
				}
			}
		}
		slices.Sort(fields)
		merged.Fields = fields
		merged.Evidence = dedupeEvidence(detector.SortEvidence(ev))
		f.Assets[best] = merged
	}
	if len(drop) == 0 {
		return
	}
	// A handler that names the table names the merged model.
	for i, sg := range f.Signals {
		if to, ok := renamed[sg.Detail]; ok && sg.Kind == facts.SignalNamesModel {
			f.Signals[i].Detail = to
		}
	}
	out := f.Assets[:0]
	for i, a := range f.Assets {
		if !drop[i] {
			out = append(out, a)
		}
	}
	f.Assets = out
}

// modelName is the model an asset stands for (the integrity asset of a
// model's billing state names it in parentheses).
func modelName(a facts.Asset) string {
	if m, ok := facts.BilledModel(a.Name); ok {
		return m
	}
	return a.Name
}

// fromSQL is 1 when all of an asset's evidence is SQL (a table), 0 when
// code declares it.
func fromSQL(a facts.Asset) int {
	for _, e := range a.Evidence {
		if lang.Of(e.File) != lang.SQL {
			return 0
		}
	}
	return 1
}

func dedupeEvidence(ev []facts.Evidence) []facts.Evidence {
	return slices.Compact(ev)
}
