//go:build !linux

package scan

import "time"

// threadClock gives no reading where the platform has no clock of one
// thread's CPU time that another may read: the budget is wall time there.
func threadClock() func() (time.Duration, bool) { return nil }
