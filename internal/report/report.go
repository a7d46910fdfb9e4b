package report

import "io"

// Writer renders a page in one format. The formats are listed, with those
// of the other commands, in internal/output.
type Writer interface {
	Write(w io.Writer, p *Page) error
}
