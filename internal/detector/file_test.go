package detector

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

type countKey struct{}
type otherKey struct{}

func TestMemo(t *testing.T) {
	for _, tt := range []struct {
		name    string
		calls   int // Memo calls with countKey
		workers int // goroutines making them
	}{
		{"one caller", 1, 1},
		{"three detectors in turn", 3, 1},
		{"concurrent callers", 64, 8},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := &File{Path: "app/main.go", Data: []byte("package main")}
			var computed atomic.Int32
			compute := func() []string {
				computed.Add(1)
				return []string{f.Path}
			}
			var wg sync.WaitGroup
			for w := range tt.workers {
				wg.Go(func() {
					for i := w; i < tt.calls; i += tt.workers {
						got := Memo(f, countKey{}, compute)
						if len(got) != 1 || got[0] != "app/main.go" {
							t.Errorf("Memo = %v", got)
						}
					}
				})
			}
			wg.Wait()
			if n := computed.Load(); n != 1 {
				t.Errorf("computed %d times, want 1", n)
			}
		})
	}
}

func TestMemoKeysAndFilesAreSeparate(t *testing.T) {
	a, b := &File{Path: "a.py"}, &File{Path: "b.py"}
	path := func(f *File) func() string { return func() string { return f.Path } }
	if got := Memo(a, countKey{}, path(a)); got != "a.py" {
		t.Errorf("a = %q", got)
	}
	if got := Memo(b, countKey{}, path(b)); got != "b.py" {
		t.Errorf("b = %q, another file's value", got)
	}
	if got := Memo(a, otherKey{}, func() int { return 7 }); got != 7 {
		t.Errorf("other key = %d", got)
	}
	// A nil interface value is a value like any other.
	calls := 0
	for range 2 {
		if err := Memo(a, struct{ k string }{"err"}, func() error { calls++; return nil }); err != nil {
			t.Errorf("err = %v", err)
		}
	}
	if calls != 1 {
		t.Errorf("nil result computed %d times, want 1", calls)
	}
}

func TestMemoPanicStoresNothing(t *testing.T) {
	f := &File{Path: "x.js"}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the caller")
			}
		}()
		Memo(f, countKey{}, func() int { panic(errors.New("boom")) })
	}()
	if got := Memo(f, countKey{}, func() int { return 2 }); got != 2 {
		t.Errorf("after a panic Memo = %d, want a fresh compute (2)", got)
	}
}

func TestMemoOneKeyTwoTypesPanics(t *testing.T) {
	f := &File{Path: "x.js"}
	Memo(f, countKey{}, func() int { return 1 })
	defer func() {
		if recover() == nil {
			t.Error("want a panic for a key reused with another type")
		}
	}()
	Memo(f, countKey{}, func() string { return "" })
}

// Different files on different goroutines, each with its detectors in
// turn: the shape of a scan, for -race.
func TestMemoManyFilesConcurrently(t *testing.T) {
	files := make([]*File, 100)
	for i := range files {
		files[i] = &File{Path: string(rune('a'+i%26)) + ".go"}
	}
	var computed atomic.Int32
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(files); i += 4 {
				f := files[i]
				for range 3 {
					if got := Memo(f, countKey{}, func() string { computed.Add(1); return f.Path }); got != f.Path {
						t.Errorf("%s: Memo = %q", f.Path, got)
					}
				}
			}
		})
	}
	wg.Wait()
	if n := computed.Load(); n != int32(len(files)) {
		t.Errorf("computed %d times for %d files", n, len(files))
	}
}
