//go:build !unix

package reconcile

import (
	"errors"
	"io/fs"
	"os"
)

// tryLock creates the file at lock, failing when it exists: another
// command holds it (or one that was killed left it behind; the message
// names the file to remove).
func tryLock(lock string) (unlock func(), held bool, err error) {
	f, err := os.OpenFile(lock, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	f.Close()
	return func() { os.Remove(lock) }, false, nil
}

// running cannot tell here whether a process exists, so a temporary file
// is never taken for a leftover.
func running(pid int) bool { return true }
