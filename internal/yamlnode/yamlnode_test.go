package yamlnode

import (
	"slices"
	"testing"
)

func TestPairsMerge(t *testing.T) {
	docs, err := Documents([]byte("base: &b {a: 1, b: 2}\nsvc:\n  <<: *b\n  b: 3\n"))
	if err != nil || len(docs) != 1 {
		t.Fatalf("Documents: %v, %d docs", err, len(docs))
	}
	svc := Get(docs[0], "svc")
	var keys []string
	for _, p := range Pairs(svc) {
		keys = append(keys, p.Key+"="+Str(p.Value))
	}
	if want := []string{"b=3", "a=1"}; !slices.Equal(keys, want) {
		t.Errorf("Pairs = %v, want %v", keys, want)
	}
}

func TestShapes(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"on: push", []string{"push"}},
		{"on: [push, pull_request]", []string{"push", "pull_request"}},
		{"on:\n  push:\n  pull_request_target:\n    types: [opened]", []string{"push", "pull_request_target"}},
	}
	for _, tt := range tests {
		docs, err := Documents([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := Keys(Get(docs[0], "on")); !slices.Equal(got, tt.want) {
			t.Errorf("Keys(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestSelfAlias(t *testing.T) {
	// An alias may name its own ancestor; lookups must still end.
	docs, err := Documents([]byte("a: &a\n  b: *a\n  <<: *a\n"))
	if err != nil {
		t.Skipf("yaml.v3 rejects this document: %v", err)
	}
	a := Get(docs[0], "a")
	if got := Path(docs[0], "a", "b", "b", "b"); got != a {
		t.Errorf("a.b.b.b is %v, want the node a names", got)
	}
	if got := Path(docs[0], "a", "b", "b", "b", "c"); got != nil {
		t.Errorf("a.b.b.b.c is %v, want nil", got)
	}
	// The merge of a into itself adds no key a does not have already.
	if got := Keys(a); !slices.Equal(got, []string{"b"}) {
		t.Errorf("keys of a: %v, want [b]", got)
	}
}

func TestErrorKeepsEarlierDocuments(t *testing.T) {
	docs, err := Documents([]byte("a: 1\n---\nb: [\n"))
	if err == nil || len(docs) != 1 {
		t.Errorf("got %d docs, err %v; want 1 doc and an error", len(docs), err)
	}
}
