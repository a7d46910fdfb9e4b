//go:build unix

package source

import "syscall"

// Opening without blocking makes a named pipe with no writer open at once,
// so the stat that follows can refuse it instead of hanging; opening
// without following refuses a link swapped in after the walk saw a file.
const (
	openNoBlock  = syscall.O_NONBLOCK
	openNoFollow = syscall.O_NOFOLLOW
)
