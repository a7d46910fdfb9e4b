//go:build unix

package cli

import (
	"os"
	"syscall"
)

var oomSink [][]byte

func init() {
	testCommands["crash-oom"] = func() {
		os.Exit(supervise(os.Args[1:], func() int {
			// A real out-of-memory crash, in a space small enough to
			// reach at once.
			syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: 1 << 30, Max: 1 << 30})
			for {
				oomSink = append(oomSink, make([]byte, 64<<20))
			}
		}))
	}
}

var platformCrashes = []exitCase{
	{"out of memory", "crash-oom", nil, ExitInternal, "out of memory"},
}
