package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/reconcile"
)

// Stdout is the path that names standard output.
const Stdout = "-"

// Target is one output of a run: a format and where it goes.
type Target struct {
	Format *Format
	Path   string // Stdout, a device, or a file
}

// formatName is what may stand before '=' in -o NAME=PATH. Anything else
// (a path with a folder or an extension) is a file name, as -o PATH always
// was.
var formatName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// Targets resolves a run's outputs: each -o value is NAME=PATH (that
// format to PATH) or PATH (the --format output to PATH), and "-" is
// standard output. With no -o, the --format output goes to standard
// output. format "" is the family's default (for scan, a table when
// standard output is a terminal and JSON anywhere else).
func Targets(f Family, format string, outs []string, terminal bool) ([]Target, error) {
	pick := func(path string) (*Format, error) {
		name := format
		if name == "" {
			name = Default(f, path == Stdout && terminal)
		}
		return Lookup(f, name)
	}
	if len(outs) == 0 {
		ft, err := pick(Stdout)
		if err != nil {
			return nil, err
		}
		return []Target{{ft, Stdout}}, nil
	}
	var ts []Target
	seen := map[string]bool{}
	for _, o := range outs {
		var ft *Format
		var err error
		name, path, named := strings.Cut(o, "=")
		if named && formatName.MatchString(name) {
			if ft, err = Lookup(f, name); err != nil {
				return nil, fmt.Errorf("-o %s: %w (a file whose name holds '=' is written as ./%s)", o, err, o)
			}
			if path == "" {
				return nil, fmt.Errorf("-o %s names no file: write -o %s=PATH, or -o %s=- for standard output", o, name, name)
			}
		} else {
			if path = o; path == "" {
				return nil, fmt.Errorf("-o names no file: write -o PATH, -o FORMAT=PATH, or -o - for standard output")
			}
			if ft, err = pick(path); err != nil {
				return nil, err
			}
		}
		if seen[path] {
			if path == Stdout {
				return nil, fmt.Errorf("-o: only one output can go to standard output")
			}
			return nil, fmt.Errorf("-o names %s twice", path)
		}
		seen[path] = true
		ts = append(ts, Target{ft, path})
	}
	return ts, nil
}

// Write renders r to every target. Nothing is replaced until every output
// has rendered: each file is written to a temporary file beside it, and
// all are renamed over their files at the end, so an error leaves every
// file as it was (a reader never sees half an output). Standard output and
// a device or a pipe (-o /dev/null, -o /dev/stdout) are written into, never
// replaced. Before anything is written, every file is checked: a link, a
// folder, a read-only file or a file threatmap did not write is refused.
// o.Color applies to standard output only.
func Write(stdout io.Writer, f Family, targets []Target, r *Result, o Options) (err error) {
	for _, t := range targets {
		if err := CanWrite(t.Path); err != nil {
			return err
		}
	}
	var pending []*reconcile.Pending
	defer func() {
		if err != nil {
			for _, p := range pending {
				p.Abort()
			}
		}
	}()
	var streams []Target // standard output and devices: written after every file rendered
	for _, t := range targets {
		if t.Path == Stdout || isStream(t.Path) {
			streams = append(streams, t)
			continue
		}
		p, err := reconcile.Create(t.Path)
		if err != nil {
			return err
		}
		pending = append(pending, p)
		if err := t.Format.Write(p, f, r, Options{Version: o.Version}); err != nil {
			return fmt.Errorf("render %s to %s: %w", t.Format.Name, t.Path, err)
		}
	}
	for _, t := range streams {
		if err := writeStream(stdout, f, t, r, o); err != nil {
			return err
		}
	}
	for i, p := range pending {
		if err := p.Commit(); err != nil {
			pending = pending[i+1:]
			return err
		}
	}
	pending = nil
	return nil
}

func writeStream(stdout io.Writer, f Family, t Target, r *Result, o Options) error {
	if t.Path == Stdout {
		return t.Format.Write(stdout, f, r, o)
	}
	dev, err := os.OpenFile(t.Path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", t.Path, err)
	}
	if err := t.Format.Write(dev, f, r, Options{Version: o.Version}); err != nil {
		dev.Close()
		return fmt.Errorf("write %s: %w", t.Path, err)
	}
	return dev.Close()
}

// isStream says path is a device or a pipe, perhaps through a link
// (/dev/stdout): it is written into as it stands, never renamed over.
func isStream(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode()&(fs.ModeDevice|fs.ModeNamedPipe) != 0
}

// CanWrite says whether an output may go to path: standard output, a
// device or a pipe, a new file, or a file threatmap wrote (in any
// format) that reconcile.CanReplace allows replacing.
func CanWrite(path string) error {
	if path == Stdout || isStream(path) {
		return nil
	}
	if err := reconcile.CanReplace(path); err != nil {
		return err
	}
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer fh.Close()
	head := make([]byte, headSize)
	n, err := io.ReadFull(fh, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !Ours(head[:n]) {
		return fmt.Errorf("write %s: the file exists and threatmap did not write it; threatmap will not replace it (move it away, or name another file)", path)
	}
	return nil
}
