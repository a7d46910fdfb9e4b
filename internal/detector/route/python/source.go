package python

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// packedSource is the part of a file that its functions and classes
// span, deflated. Finish needs the text of the few functions and classes
// that turn out to be handlers, views or guards, but which ones is only
// known once every file is read (a view is named in another file), and
// the plain text of every function is about the size of the source
// itself: deflated, it is a fraction of that until Finish asks.
type packedSource struct {
	packed []byte
	base   int // offset in the file of the first packed byte
	size   int
	raw    []byte // inflated on first use, in Finish
	// texts are the spans read so far: the routes of one handler share
	// its text.
	texts map[span]string
}

// span is a byte range of a file (tree-sitter's offsets are 32-bit too).
type span struct{ start, end uint32 }

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

// pack deflates src[lo:hi].
func pack(src []byte, lo, hi int) *packedSource {
	d := deflaters.Get().(*deflater)
	defer deflaters.Put(d)
	d.buf.Reset()
	d.w.Reset(&d.buf)
	_, _ = d.w.Write(src[lo:hi]) // writes to a bytes.Buffer do not fail
	_ = d.w.Close()
	return &packedSource{packed: bytes.Clone(d.buf.Bytes()), base: lo, size: hi - lo}
}

// text returns a copy of the source in s ("" if s is outside what was
// packed, which extract never asks for). Finish only: it is not safe for
// concurrent use.
func (p *packedSource) text(s span) string {
	if p == nil {
		return ""
	}
	if t, ok := p.texts[s]; ok {
		return t
	}
	if p.raw == nil {
		raw := make([]byte, p.size)
		if err := inflate(p.packed, raw); err != nil {
			return ""
		}
		p.raw = raw
	}
	start, end := int(s.start)-p.base, int(s.end)-p.base
	if start < 0 || end > len(p.raw) || start > end {
		return ""
	}
	if p.texts == nil {
		p.texts = map[span]string{}
	}
	t := string(p.raw[start:end])
	p.texts[s] = t
	return t
}

// inflate fills raw from a flate stream.
func inflate(packed, raw []byte) error {
	r, _ := inflaters.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(bytes.NewReader(packed))
	} else if err := r.(flate.Resetter).Reset(bytes.NewReader(packed), nil); err != nil {
		return err
	}
	defer inflaters.Put(r)
	_, err := io.ReadFull(r, raw)
	return err
}
