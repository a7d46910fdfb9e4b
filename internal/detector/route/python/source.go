package python

import "github.com/threatmap/threatmap/internal/packed"

// packedSource is the part of a file that its functions and classes
// span, deflated. Finish needs the text of the few functions and classes
// that turn out to be handlers, views or guards, but which ones is only
// known once every file is read (a view is named in another file), and
// the plain text of every function is about the size of the source
// itself: deflated, it is a fraction of that until Finish asks.
type packedSource struct {
	src  *packed.Bytes
	base int // offset in the file of the first packed byte
	// texts are the spans read so far: the routes of one handler share
	// its text.
	texts map[span]string
}

// span is a byte range of a file (tree-sitter's offsets are 32-bit too).
type span struct{ start, end uint32 }

// pack deflates src[lo:hi].
func pack(src []byte, lo, hi int) *packedSource {
	return &packedSource{src: packed.Pack(src[lo:hi]), base: lo}
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
	raw := p.src.Bytes()
	start, end := int(s.start)-p.base, int(s.end)-p.base
	if start < 0 || end > len(raw) || start > end {
		return ""
	}
	if p.texts == nil {
		p.texts = map[span]string{}
	}
	t := string(raw[start:end])
	p.texts[s] = t
	return t
}
