package gitsafe

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrMissing is a blob the repository does not have (a partial or broken
// clone). It is never fetched.
var ErrMissing = errors.New("object missing from the repository")

// ErrTooLarge is a blob over the size asked for; its content was skipped.
var ErrTooLarge = errors.New("object larger than the size cap")

// Blobs reads blobs through one long-lived git cat-file --batch, which
// applies no filter, textconv or attribute: the bytes are as committed.
// One request is in flight at a time, so neither side can block the other.
type Blobs struct {
	cancel context.CancelFunc
	wait   func() error
	in     io.WriteCloser
	out    *bufio.Reader
	broken error
}

// Blobs starts the reader. Close it when done.
func (r *Repo) Blobs(ctx context.Context) (*Blobs, error) {
	ctx, cancel := context.WithCancel(ctx)
	cmd := r.command(ctx, "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		cancel()
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		cancel()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	return &Blobs{cancel: cancel, wait: cmd.Wait, in: in, out: bufio.NewReaderSize(out, 64<<10)}, nil
}

// Read returns the content of blob oid. A blob larger than max is not
// kept (ErrTooLarge); one the repository lacks is ErrMissing. Either
// leaves the reader usable; any other error ends it.
func (b *Blobs) Read(oid string, max int64) ([]byte, error) {
	if b.broken != nil {
		return nil, b.broken
	}
	if !ValidOID(oid) {
		return nil, fmt.Errorf("not an object id: %q", oid)
	}
	data, err := b.read(oid, max)
	if err != nil && !errors.Is(err, ErrMissing) && !errors.Is(err, ErrTooLarge) {
		b.broken = err
		b.cancel()
	}
	return data, err
}

func (b *Blobs) read(oid string, max int64) ([]byte, error) {
	if _, err := io.WriteString(b.in, oid+"\n"); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	line, err := b.out.ReadSlice('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	h, err := ParseBatchHeader(string(line))
	if err != nil {
		return nil, err
	}
	if h.Missing {
		return nil, fmt.Errorf("%s: %w", oid, ErrMissing)
	}
	if h.OID != oid {
		return nil, fmt.Errorf("git cat-file: answered %s for %s", h.OID, oid)
	}
	if h.Type != "blob" || h.Size > max {
		if _, err := io.CopyN(io.Discard, b.out, h.Size+1); err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		if h.Type != "blob" {
			return nil, fmt.Errorf("%s is a %s, not a file", oid, h.Type)
		}
		return nil, fmt.Errorf("%s (%d bytes): %w", oid, h.Size, ErrTooLarge)
	}
	data := make([]byte, h.Size+1)
	if _, err := io.ReadFull(b.out, data); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	if data[h.Size] != '\n' {
		return nil, errors.New("git cat-file: object not followed by a newline")
	}
	return data[:h.Size], nil
}

// Close ends git cat-file and waits for it.
func (b *Blobs) Close() error {
	b.in.Close()
	_, _ = io.Copy(io.Discard, b.out)
	err := b.wait()
	b.cancel()
	if b.broken != nil {
		return nil // already reported by Read
	}
	return err
}

// BatchHeader is the line git cat-file --batch prints before an object.
type BatchHeader struct {
	OID     string
	Type    string
	Size    int64
	Missing bool
}

// ParseBatchHeader reads "<oid> <type> <size>\n" or "<name> missing\n".
func ParseBatchHeader(line string) (BatchHeader, error) {
	body, ok := strings.CutSuffix(line, "\n")
	if !ok {
		return BatchHeader{}, fmt.Errorf("git cat-file: unexpected header %q", clip(line))
	}
	f := strings.Split(body, " ")
	switch {
	case len(f) == 2 && f[1] == "missing":
		return BatchHeader{OID: f[0], Missing: true}, nil
	case len(f) == 3 && ValidOID(f[0]) && f[1] != "":
		n, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || n < 0 {
			break
		}
		return BatchHeader{OID: f[0], Type: f[1], Size: n}, nil
	}
	return BatchHeader{}, fmt.Errorf("git cat-file: unexpected header %q", clip(line))
}

// Binary reports whether data looks binary the way git decides it: a NUL
// in the first 8000 bytes.
func Binary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
}
