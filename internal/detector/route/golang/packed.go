package golang

import (
	"bytes"
	"compress/flate"
	"io"
)

// packed is a file's source held compressed between Detect and Finish.
// Finish needs the bytes of few files (the setup code it parses again, the
// handlers whose text a route carries) but cannot know which until every
// file is in; Go source compresses about fivefold at flate's fastest level,
// for a few milliseconds a megabyte.
type packed struct {
	data []byte // flate stream
	size int    // of the source
	src  []byte // the source, once unpacked in Finish
}

func pack(src []byte) *packed {
	var buf bytes.Buffer
	buf.Grow(len(src) / 4)
	w, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err == nil {
		_, err = w.Write(src)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		// Writes to a bytes.Buffer do not fail; keep the bytes as they are
		// if something ever does.
		return &packed{src: src, size: len(src)}
	}
	return &packed{data: bytes.Clone(buf.Bytes()), size: len(src)}
}

// bytes is the source. The first call decompresses it and keeps it: Finish
// asks for the same file many times, and frees the whole detector after.
func (p *packed) bytes() []byte {
	if p.src == nil && p.data != nil {
		src := make([]byte, 0, p.size)
		r := flate.NewReader(bytes.NewReader(p.data))
		buf := bytes.NewBuffer(src)
		if _, err := io.Copy(buf, r); err != nil {
			return nil
		}
		p.src = buf.Bytes()
	}
	return p.src
}
