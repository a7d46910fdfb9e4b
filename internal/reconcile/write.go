package reconcile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// CanReplace says whether WriteFile may replace path: it is missing, or a
// regular file that can be written. A symbolic link, a device, a folder or
// a read-only file is refused: threatmap never writes through a link, never
// replaces what is not a plain file, and never overrides a file someone
// made read-only. Callers that write several files check them all before
// writing any.
func CanReplace(path string) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("write %s: %w", path, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("write %s: it is a symbolic link; threatmap does not write through links (replace the link with the file itself)", path)
	case !st.Mode().IsRegular():
		return fmt.Errorf("write %s: not a regular file", path)
	case st.Mode().Perm()&0o222 == 0 || !writable(path):
		return fmt.Errorf("write %s: the file is read-only; threatmap will not replace it (make it writable to let threatmap change it)", path)
	}
	return nil
}

// writable reports whether this process may open path for writing. Opening
// does not truncate or change it.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return !errors.Is(err, fs.ErrPermission)
	}
	f.Close()
	return true
}

// WriteFile replaces path with data atomically: a temporary file in the
// same folder is written, synced and renamed over path, so a reader sees
// the old file or the new one, never half of either. On any error the old
// file is intact and the temporary file is gone. The old file's mode is
// kept; a new file gets 0644. What CanReplace refuses is refused.
//
// A temporary file is named after path and the process writing it
// (.threatmap.yaml.PID.RANDOM.tmp), so one that a killed process left
// behind is recognised and removed by the next write.
func WriteFile(path string, data []byte) error {
	p, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := p.Write(data); err != nil {
		p.Abort()
		return err
	}
	return p.Commit()
}

// Pending is a replacement for a file, written to a temporary file beside
// it: Commit renames it over the file, Abort removes it. It lets a caller
// stream a large output, or write several files and replace them only
// once all are written.
type Pending struct {
	path string
	mode fs.FileMode
	tmp  *os.File
}

// Create starts replacing path as WriteFile does. What CanReplace refuses
// is refused.
func Create(path string) (*Pending, error) {
	if err := CanReplace(path); err != nil {
		return nil, err
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Lstat(path); err == nil {
		mode = st.Mode().Perm()
	}
	removeStaleTemps(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix(path)+strconv.Itoa(os.Getpid())+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &Pending{path: path, mode: mode, tmp: tmp}, nil
}

// Write writes to the temporary file.
func (p *Pending) Write(b []byte) (int, error) {
	n, err := p.tmp.Write(b)
	if err != nil {
		err = fmt.Errorf("write %s: %w", p.path, err)
	}
	return n, err
}

// Abort removes the temporary file; the file it was to replace is as it
// was.
func (p *Pending) Abort() {
	p.tmp.Close()
	os.Remove(p.tmp.Name())
}

// Commit syncs the temporary file and renames it over the file. On an
// error the temporary file is removed and the old file is intact.
func (p *Pending) Commit() (err error) {
	defer func() {
		if err != nil {
			p.Abort()
			err = fmt.Errorf("write %s: %w", p.path, err)
		}
	}()
	if err = p.tmp.Chmod(p.mode); err != nil {
		return err
	}
	if err = p.tmp.Sync(); err != nil {
		return err
	}
	if err = p.tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(p.tmp.Name(), p.path); err != nil {
		return err
	}
	// The rename is durable once the folder itself is synced; not every
	// system can sync a folder, and the data is already safe, so a failure
	// here is not an error.
	if dir, derr := os.Open(filepath.Dir(p.path)); derr == nil {
		dir.Sync()
		dir.Close()
	}
	return nil
}

// tempPrefix starts the name of every temporary file written for path.
func tempPrefix(path string) string { return "." + filepath.Base(path) + "." }

// removeStaleTemps removes the temporary files for path that a process no
// longer running left behind (killed between writing and renaming). A file
// whose writer may still run is left alone.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), tempPrefix(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !strings.HasSuffix(rest, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		pid, _, ok := strings.Cut(rest, ".")
		n, err := strconv.Atoi(pid)
		if !ok || err != nil || n <= 0 || n == os.Getpid() || running(n) {
			continue
		}
		os.Remove(filepath.Join(dir, name))
	}
}
