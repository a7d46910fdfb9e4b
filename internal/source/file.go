package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The reasons a file is refused. They come wrapped in an *fs.PathError
// that names the file, and errors.Is finds them.
var (
	// ErrLink: the file, or a folder on the way to it, is a symbolic link.
	// Inside the scanned folder links are never followed: a committed
	// link survives git clone and can point at /dev/zero or /etc/passwd.
	ErrLink = errors.New("is a symbolic link, and threatmap does not follow links inside the scanned folder")
	// ErrNotRegular: a named pipe would block the read forever, a device
	// would never end, a folder is no file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file is over the size the caller accepts.
	ErrTooLarge = errors.New("file too large")
)

// ReadFile reads rel, a path inside root, as the walk reads the tree: no
// part of rel may be a symbolic link, the file must be a regular file, and
// it must be at most maxSize bytes. It is how every file of the scanned
// folder is read (.gitignore, threatmap.yaml, threatmap-check.yaml,
// evidence), so that none of them can block, flood memory or lead out.
func ReadFile(root, rel string, maxSize int64) ([]byte, error) {
	return readIn(root, rel, filepath.Join(root, filepath.FromSlash(rel)), maxSize)
}

// ReadNamed reads a file a person named on the command line (--model,
// --config): links are followed, since the person chose the path, but only
// a regular file of at most maxSize bytes is read.
func ReadNamed(path string, maxSize int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := regular(f, path)
	if err != nil {
		return nil, err
	}
	return readCapped(f, path, info.Size(), maxSize)
}

// ReadInput reads one of the tool's own inputs (the model, the check
// configuration) at path, relative to the working folder or absolute. A
// file inside root is part of the scanned tree and is read as ReadFile
// reads it; one outside can only have been named by a person, and is read
// as ReadNamed reads it.
func ReadInput(root, path string, maxSize int64) ([]byte, error) {
	rel, inside := Within(root, path)
	if !inside {
		return ReadNamed(path, maxSize)
	}
	return readIn(root, rel, path, maxSize)
}

// StatFile reports on rel, a path inside root, under ReadFile's rules (no
// links, a regular file) without reading it: evidence a person cites must
// be a file of the tree, not a link out of it.
func StatFile(root, rel string) (fs.FileInfo, error) {
	name := filepath.Join(root, filepath.FromSlash(rel))
	f, info, err := openIn(root, rel, name)
	if err != nil {
		return nil, err
	}
	f.Close()
	return info, nil
}

// Within reports whether path lies inside root, judged from the names
// alone, and if so its slash path relative to root.
func Within(root, path string) (string, bool) {
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func readIn(root, rel, name string, maxSize int64) ([]byte, error) {
	f, info, err := openIn(root, rel, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCapped(f, name, info.Size(), maxSize)
}

// openIn opens rel inside root for reading. Every part of rel is checked
// not to be a link; os.Root keeps the open itself inside root even if the
// tree changes meanwhile, and the opened file must be the one checked.
func openIn(root, rel, name string) (*os.File, fs.FileInfo, error) {
	fail := func(err error) (*os.File, fs.FileInfo, error) {
		return nil, nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	rel = filepath.FromSlash(rel)
	if !filepath.IsLocal(rel) {
		return fail(errors.New("not a path inside the scanned folder"))
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	parts := strings.Split(rel, string(filepath.Separator))
	var checked fs.FileInfo
	for i := range parts {
		prefix := filepath.Join(parts[:i+1]...)
		info, err := r.Lstat(prefix)
		if err != nil {
			return fail(unwrapPath(err))
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			if i < len(parts)-1 {
				return fail(fmt.Errorf("%s %w", filepath.ToSlash(prefix), ErrLink))
			}
			return fail(ErrLink)
		}
		checked = info
	}
	f, err := r.OpenFile(rel, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return fail(unwrapPath(err))
	}
	info, err := regular(f, name)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !os.SameFile(info, checked) {
		f.Close()
		return fail(errors.New("changed while being opened"))
	}
	return f, info, nil
}

// regular stats the open file (not the name, which may have changed) and
// refuses anything but a regular file.
func regular(f *os.File, name string) (fs.FileInfo, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w (%s)", ErrNotRegular, modeName(info.Mode()))}
	}
	return info, nil
}

func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a file"
}

// readCapped reads all of f, which stat said holds size bytes, refusing it
// once it is past maxSize (a file can grow after its stat).
func readCapped(f *os.File, name string, size, maxSize int64) ([]byte, error) {
	tooLarge := &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: larger than %s", ErrTooLarge, sizeText(maxSize))}
	if size > maxSize {
		return nil, tooLarge
	}
	// One byte over the size stat gave, so a file that has not grown is
	// read without growing the buffer, and one that has is noticed.
	data := make([]byte, 0, size+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > maxSize {
			return nil, tooLarge
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// unwrapPath keeps the reason of an *fs.PathError, whose path is the one
// os.Root saw, so the caller's name for the file can be given instead.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Read reads the file the walk found, under the walk's size cap, refusing
// it if it is no longer the regular file the walk saw (a link or a pipe
// put in its place since).
func (e Entry) Read() ([]byte, error) {
	maxSize := e.maxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	return readOpen(e.Abs, e.Path, maxSize)
}

// readOpen reads abs, a file the walk has reached through real folders,
// without following a link in its place; name is how errors call it.
func readOpen(abs, name string, maxSize int64) ([]byte, error) {
	f, err := os.OpenFile(abs, os.O_RDONLY|openNoBlock|openNoFollow, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrapPath(err)}
	}
	defer f.Close()
	info, err := regular(f, name)
	if err != nil {
		return nil, err
	}
	return readCapped(f, name, info.Size(), maxSize)
}
