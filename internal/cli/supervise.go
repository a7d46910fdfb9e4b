package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// childEnv marks the process Main runs threatmap in.
const childEnv = "THREATMAP_SUPERVISED"

// supervise runs run in a child process (this program again, with
// childEnv set), or runs it directly in that child. A crash the Go runtime
// cannot recover from (out of memory, a panic on another goroutine) ends a
// Go program with exit code 2, which would read as bad usage; the child's
// runtime writes any such crash to a pipe as well as to stderr, and
// anything in the pipe makes the exit code ExitInternal, with a request to
// report it. Otherwise the child's exit code passes through. Where no child
// can be started, run runs in this process.
func supervise(args []string, run func() int) int {
	if os.Getenv(childEnv) != "" {
		// Descriptor 3 is the pipe the supervisor passed; anything else
		// there is not ours to write to.
		if f := os.NewFile(3, "crash output"); f != nil {
			if st, err := f.Stat(); err == nil && st.Mode()&fs.ModeNamedPipe != 0 && debug.SetCrashOutput(f, debug.CrashOptions{}) == nil {
				f.Close() // the runtime keeps its own copy
			}
		}
		return run()
	}
	exe, err := os.Executable()
	if err != nil {
		return run()
	}
	r, w, err := os.Pipe()
	if err != nil {
		return run()
	}
	defer r.Close()
	cmd := exec.Command(exe, args...)
	cmd.Args[0] = os.Args[0]
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.ExtraFiles = []*os.File{w}
	dieWithParent(cmd)
	// The child is tied to this thread's life (dieWithParent): keep it.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := cmd.Start(); err != nil {
		w.Close()
		return run()
	}
	w.Close()

	// Drain the pipe as the child writes (a long crash report must not
	// block it), and pass on the signals meant for threatmap.
	var crash atomic.Int64
	drained := make(chan struct{})
	go func() {
		n, _ := io.Copy(io.Discard, r)
		crash.Store(n)
		close(drained)
	}()
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, forwarded...)
	go func() {
		for s := range sigs {
			cmd.Process.Signal(s)
		}
	}()
	err = cmd.Wait()
	signal.Stop(sigs)
	close(sigs)
	// A program the child started may still hold the pipe open; what a
	// crash writes is there by the time the child has exited.
	r.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	<-drained

	if crash.Load() > 0 {
		fmt.Fprintln(os.Stderr, "threatmap: internal error: threatmap crashed (out of memory, or a bug); "+reportBug)
		return ExitInternal
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &exit):
		if sig, ok := signalled(exit.ProcessState); ok {
			return 128 + sig
		}
		return exit.ExitCode()
	}
	fmt.Fprintln(os.Stderr, "threatmap: internal error: "+err.Error()+"; "+reportBug)
	return ExitInternal
}
