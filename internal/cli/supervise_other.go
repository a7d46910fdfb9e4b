//go:build !linux

package cli

import "os/exec"

// dieWithParent has no portable way to tie the child's life to Main's
// outside Linux; the forwarded signals end it.
func dieWithParent(cmd *exec.Cmd) {}
