package cli

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the child killed if Main is killed first, so a
// cancelled CI job leaves no scan running.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
