//go:build !linux

package scan

import "time"

var clockStart = time.Now()

// threadTime is wall time where the thread's CPU time is not at hand.
func threadTime() time.Duration { return time.Since(clockStart) }
