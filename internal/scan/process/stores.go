package process

import (
	"cmp"
	"slices"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// bucketKinds hold many named stores (one per bucket or queue): a bucket
// declared in Terraform and one the code names cannot be told to be the
// same by kind alone.
var bucketKinds = map[string]bool{"s3": true, "gcs": true, "azure-blob": true, "oci-bucket": true, "sqs": true}

// serverKinds are the database servers a generic DATABASE_URL may name.
var serverKinds = map[string]bool{"postgres": true, "mysql": true, "mssql": true, "mongodb": true}

// FoldDeclaredStores folds a store that infrastructure only declares
// (a compose service, a Kubernetes workload, a Terraform resource) into
// the store the code opens, when the code opens exactly one of that
// kind: the database in docker-compose.yml and the one DATABASE_URL
// names are one store, with the evidence of both. A code store whose
// engine the code does not say (kind "database") takes the kind of the
// one database server the infrastructure declares.
func FoldDeclaredStores(f *facts.Facts) {
	f.Stores = foldDeclaredStores(f.Stores)
	// Back in the sink's order: a store's evidence by place, the stores
	// by kind and name (a store may have taken a kind).
	for i := range f.Stores {
		f.Stores[i].Evidence = detector.SortEvidence(f.Stores[i].Evidence)
	}
	slices.SortStableFunc(f.Stores, func(a, b facts.Store) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name)) })
}

func foldDeclaredStores(stores []facts.Store) []facts.Store {
	// A store is only declared when all its evidence is in compose,
	// Kubernetes or Terraform files; code, Prisma schemas and .env files
	// say what the product opens.
	inCode := func(s facts.Store) bool {
		return slices.ContainsFunc(s.Evidence, func(e facts.Evidence) bool {
			switch lang.Of(e.File) {
			case lang.YAML, lang.Terraform, lang.TerraformJSON:
				return false
			}
			return true
		})
	}
	byKind := map[string][]int{} // kind -> indexes of code stores
	var declared []int
	for i, s := range stores {
		if inCode(s) {
			byKind[s.Kind] = append(byKind[s.Kind], i)
		} else {
			declared = append(declared, i)
		}
	}
	// The kinds of database server declared, for a code store of unknown engine.
	servers := map[string]bool{}
	for _, i := range declared {
		if serverKinds[stores[i].Kind] {
			servers[stores[i].Kind] = true
		}
	}
	if generic := byKind["database"]; len(generic) == 1 && len(servers) == 1 {
		for k := range servers {
			if len(byKind[k]) == 0 {
				stores[generic[0]].Kind = k
				byKind[k] = generic
				delete(byKind, "database")
			}
		}
	}
	gone := map[int]bool{}
	for _, i := range declared {
		s := stores[i]
		into := byKind[s.Kind]
		if bucketKinds[s.Kind] || len(into) != 1 {
			continue
		}
		stores[into[0]].Evidence = append(slices.Clone(stores[into[0]].Evidence), s.Evidence...)
		gone[i] = true
	}
	// The same engine declared in different files (a production compose
	// file's "database", a development one's "db") is one store the
	// deployment runs, one row. Two services of a kind in one file are
	// two databases.
	files := func(s facts.Store) map[string]bool {
		out := map[string]bool{}
		for _, e := range s.Evidence {
			out[e.File] = true
		}
		return out
	}
	first := map[string]int{}
	for _, i := range declared {
		s := stores[i]
		if gone[i] || bucketKinds[s.Kind] || len(byKind[s.Kind]) > 0 {
			continue
		}
		j, ok := first[s.Kind]
		if !ok {
			first[s.Kind] = i
			continue
		}
		into := files(stores[j])
		if slices.ContainsFunc(s.Evidence, func(e facts.Evidence) bool { return into[e.File] }) {
			continue
		}
		stores[j].Evidence = append(slices.Clone(stores[j].Evidence), s.Evidence...)
		gone[i] = true
	}
	out := stores[:0]
	for i, s := range stores {
		if !gone[i] {
			out = append(out, s)
		}
	}
	return out
}
