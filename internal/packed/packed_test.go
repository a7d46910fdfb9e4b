package packed

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	cases := map[string][]byte{
		"empty":  {},
		"small":  []byte("package main\n"),
		"source": []byte(strings.Repeat("func handler(w http.ResponseWriter, r *http.Request) {}\n", 5000)),
		"binary": func() []byte {
			b := make([]byte, 70000)
			for i := range b {
				b[i] = byte(i*7919 + i>>3)
			}
			return b
		}(),
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			p := Pack(src)
			if p.Len() != len(src) {
				t.Fatalf("Len = %d, want %d", p.Len(), len(src))
			}
			if got := p.Bytes(); !bytes.Equal(got, src) {
				t.Fatalf("Bytes differ from the packed input (%d vs %d bytes)", len(got), len(src))
			}
			if again := p.Bytes(); !bytes.Equal(again, src) {
				t.Fatal("second Bytes call differs")
			}
		})
	}
}

func TestPackCopies(t *testing.T) {
	src := []byte("route source")
	p := Pack(src)
	copy(src, "XXXXX")
	if got := string(p.Bytes()); got != "route source" {
		t.Fatalf("Pack kept a reference to its input: %q", got)
	}
}

func TestSourceShrinks(t *testing.T) {
	src := []byte(strings.Repeat("\tr.HandleFunc(\"/users/{id}\", s.getUser).Methods(\"GET\")\n", 2000))
	if p := Pack(src); len(p.deflated)*4 > len(src) {
		t.Fatalf("deflated %d of %d bytes: less than fourfold on repetitive source", len(p.deflated), len(src))
	}
}

// Detect packs from every worker at once.
func TestPackConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			src := []byte(strings.Repeat(string(rune('a'+i)), 1000+i))
			if got := Pack(src).Bytes(); !bytes.Equal(got, src) {
				t.Errorf("worker %d: round trip failed", i)
			}
		})
	}
	wg.Wait()
}

func TestNil(t *testing.T) {
	var p *Bytes
	if p.Bytes() != nil {
		t.Fatal("nil Bytes must unpack to nil")
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("package main"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, src []byte) {
		if got := Pack(src).Bytes(); !bytes.Equal(got, src) {
			t.Fatal("round trip differs")
		}
	})
}
