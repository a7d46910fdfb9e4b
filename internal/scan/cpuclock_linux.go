//go:build linux

package scan

import (
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// threadClock locks the calling goroutine to its thread for the rest of
// its life and returns a reading of the CPU time that thread has used,
// which another goroutine may take: a read's budget is the CPU it spends,
// so a machine busy with other work slows a read without cutting it short.
func threadClock() func() (time.Duration, bool) {
	runtime.LockOSThread()
	// The kernel's clock id for one thread's CPU time: its tid, inverted,
	// shifted past the clock type (CPUCLOCK_SCHED) and the per-thread flag.
	id := int32(^unix.Gettid()<<3 | 6)
	return func() (time.Duration, bool) {
		var ts unix.Timespec
		if err := unix.ClockGettime(id, &ts); err != nil {
			return 0, false
		}
		return time.Duration(ts.Nano()), true
	}
}
