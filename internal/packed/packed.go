// Package packed holds bytes deflated until they are needed.
//
// Cross-file detectors meet this in every scan: Finish needs the text of
// a few functions (the handlers a route carries, the setup code it reads
// again) but which ones is only known once every file is in, and keeping
// every candidate plain costs memory in proportion to the tree. Source
// code deflates four- to sevenfold at flate's fastest level, for a few
// milliseconds a megabyte.
package packed

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// Bytes is a byte slice kept deflated. Pack is safe for concurrent use;
// Bytes is not (Finish steps run on one goroutine).
type Bytes struct {
	deflated []byte
	size     int
	raw      []byte // inflated on first use
}

type deflater struct {
	w   *flate.Writer
	buf bytes.Buffer
}

// deflaters are reused: a flate.Writer holds hundreds of KB of state.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return &deflater{w: w}
}}

// inflaters are reused too: each holds a 32 KB window.
var inflaters sync.Pool

// Pack deflates a copy of src; src may be reused after.
func Pack(src []byte) *Bytes {
	d := deflaters.Get().(*deflater)
	defer deflaters.Put(d)
	d.buf.Reset()
	d.w.Reset(&d.buf)
	_, _ = d.w.Write(src) // writes to a bytes.Buffer do not fail
	_ = d.w.Close()
	return &Bytes{deflated: bytes.Clone(d.buf.Bytes()), size: len(src)}
}

// Len is the length of the bytes unpacked.
func (b *Bytes) Len() int { return b.size }

// Bytes returns the bytes, inflating them on the first call and keeping
// them after: a Finish step asks for the same file many times. The result
// must not be modified. It is nil only if the stream is corrupt, which
// Pack never makes.
func (b *Bytes) Bytes() []byte {
	if b == nil {
		return nil
	}
	if b.raw == nil {
		raw := make([]byte, b.size)
		if err := inflate(b.deflated, raw); err != nil {
			return nil
		}
		b.raw = raw
	}
	return b.raw
}

func inflate(deflated, raw []byte) error {
	r, _ := inflaters.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(bytes.NewReader(deflated))
	} else if err := r.(flate.Resetter).Reset(bytes.NewReader(deflated), nil); err != nil {
		return err
	}
	defer inflaters.Put(r)
	_, err := io.ReadFull(r, raw)
	return err
}
