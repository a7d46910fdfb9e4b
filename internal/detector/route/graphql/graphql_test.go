package graphql

import (
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

var (
	_ detector.Finisher        = (*Detector)(nil)
	_ detector.Keyworded       = (*Detector)(nil)
	_ detector.PrefilterExempt = (*Detector)(nil)
)

// Each app carries its operations inline: `want: POST /graphql#Query.me`.
func TestFixtures(t *testing.T) {
	for _, app := range []struct{ dir, fw string }{
		{"apollo", "apollo"}, {"yoga", "graphql-yoga"}, {"gqlgen", "gqlgen"}, {"graphene", "graphene"}, {"strawberry", "strawberry"},
	} {
		t.Run(app.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", app.dir)
			f := detectortest.Scan(t, dir, New())
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path)
				if r.Kind != Kind || r.Framework != app.fw {
					t.Errorf("%s %s: kind %q framework %q, want %q %q", r.Method, r.Path, r.Kind, r.Framework, Kind, app.fw)
				}
			}
			detectortest.Check(t, app.dir, got, detectortest.Wants(t, dir, ""))
		})
	}
}

// An operation points at its resolver when one is found, else at its
// declaration, and is judged by the resolver's code.
func TestResolverPlaces(t *testing.T) {
	tests := []struct {
		dir, path, file string
		line            int
		auth            string
	}{
		{"apollo", "/api/graphql#Mutation.createUser", "src/resolvers/index.js", 17, ""},
		{"apollo", "/api/graphql#Subscription.orderPlaced", "src/resolvers/index.js", 26, ""},
		{"gqlgen", "/query#Mutation.markDone", "graph/schema.resolvers.go", 14, ""},
		{"gqlgen", "/query#Query.todos", "graph/schema.resolvers.go", 21, ""},
		{"graphene", "/api/graphql#Mutation.cancelOrder", "shop/orders/schema.py", 30, ""},
		{"graphene", "/api/graphql#Query.viewer", "shop/accounts/schema.py", 7, ""},
		{"strawberry", "/graphql#Query.books", "app/schema.py", 12, ""},
		{"strawberry", "/graphql#Query.version", "app/schema.py", 19, ""},
		{"strawberry", "/graphql#Mutation.addBook", "app/schema.py", 29, ""},
	}
	scans := map[string]facts.Facts{}
	for _, tc := range tests {
		f, ok := scans[tc.dir]
		if !ok {
			f = detectortest.Scan(t, filepath.Join("testdata", tc.dir), New())
			scans[tc.dir] = f
		}
		var found bool
		for _, r := range f.Surfaces {
			if r.Path != tc.path {
				continue
			}
			found = true
			if r.File != tc.file || r.Line != tc.line {
				t.Errorf("%s: at %s:%d, want %s:%d", tc.path, r.File, r.Line, tc.file, tc.line)
			}
		}
		if !found {
			t.Errorf("%s: not found", tc.path)
		}
	}
}

func TestCamel(t *testing.T) {
	for in, want := range map[string]string{"all_orders": "allOrders", "me": "me", "_private": "_private", "a_b_c": "aBC", "user2_id": "user2Id"} {
		if got := camel(in); got != want {
			t.Errorf("camel(%q) = %q, want %q", in, got, want)
		}
	}
}
