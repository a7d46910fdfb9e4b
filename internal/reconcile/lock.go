package reconcile

import (
	"fmt"
	"path/filepath"
	"time"
)

// LockWait is how long Lock waits for another threatmap command to finish
// with the file.
var LockWait = 10 * time.Second

// lockPath is the lock file for path: a hidden file beside it, there only
// while a command holds it.
func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// Lock takes path's lock for a read-modify-write: a command that reads the
// model, changes it and writes it back holds it from before the read to
// after the write, so two commands at once (two decisions recorded in
// parallel, a decision during a sync) never write back what the other one
// did not see. It waits up to LockWait for a holder to finish, then fails
// naming the lock file. unlock releases the lock and removes the file.
func Lock(path string) (unlock func(), err error) {
	deadline := time.Now().Add(LockWait)
	for {
		unlock, held, err := tryLock(lockPath(path))
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !held {
			return unlock, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is being changed by another threatmap command (it holds %s); try again once it is done", path, lockPath(path))
		}
		time.Sleep(20 * time.Millisecond)
	}
}
