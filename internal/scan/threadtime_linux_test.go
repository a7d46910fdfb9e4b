package scan

import (
	"syscall"
	"time"
	"unsafe"
)

// clockThreadCPUTime is CLOCK_THREAD_CPUTIME_ID of <time.h>.
const clockThreadCPUTime = 3

// threadTime is the CPU time of the calling OS thread (the caller locks
// it), to the nanosecond: unlike wall time, it does not count other
// processes on a busy machine, and unlike getrusage it is not counted in
// scheduler ticks.
func threadTime() time.Duration {
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		panic(errno)
	}
	return time.Duration(ts.Nano())
}
