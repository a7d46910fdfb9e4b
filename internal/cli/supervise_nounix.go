//go:build !unix

package cli

import "os"

var forwarded = []os.Signal{os.Interrupt}

func signalled(ps *os.ProcessState) (int, bool) { return 0, false }
