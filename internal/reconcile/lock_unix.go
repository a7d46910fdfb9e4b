//go:build unix

package reconcile

import (
	"errors"
	"os"
	"syscall"
)

// tryLock locks the file at lock with flock, which the system releases
// when the holder exits, however it exits: a killed command never leaves
// the model locked. held reports that another process holds it.
func tryLock(lock string) (unlock func(), held bool, err error) {
	for {
		f, err := os.OpenFile(lock, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
		if err != nil {
			return nil, false, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, true, nil
			}
			return nil, false, err
		}
		// The holder before us removes the file as it unlocks; a file we
		// locked after that is no longer the lock, so take the one there now.
		mine, err1 := f.Stat()
		there, err2 := os.Lstat(lock)
		if err1 != nil || err2 != nil || !os.SameFile(mine, there) {
			f.Close()
			continue
		}
		return func() {
			os.Remove(lock)
			f.Close()
		}, false, nil
	}
}

// running reports whether a process with this id exists.
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
