//go:build unix

package cli

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnSignal runs the binary as a person does and stops it as
// a terminal (Ctrl-C) or a service manager (SIGTERM) would: the page stops
// listening and the command ends with 0, saying so.
func TestServeStopsOnSignal(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			_, modelPath, _ := writeServeModel(t)
			link := filepath.Join(t.TempDir(), "threatmap")
			if err := os.Symlink(exe, link); err != nil {
				t.Skip(err)
			}
			// The bound only keeps a broken run from hanging the tests.
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, link, "serve", "--model", modelPath)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waited := false
			defer func() {
				if !waited {
					cmd.Process.Kill()
					cmd.Wait()
				}
			}()
			lines := bufio.NewScanner(out)
			var printed []string
			var pageURL string
			for pageURL == "" && lines.Scan() {
				printed = append(printed, lines.Text())
				if u, ok := strings.CutPrefix(strings.TrimSpace(lines.Text()), "http://"); ok {
					pageURL = "http://" + u
				}
			}
			if pageURL == "" {
				t.Fatalf("no URL printed:\n%s", strings.Join(printed, "\n"))
			}
			jar, _ := cookiejar.New(nil)
			resp, err := (&http.Client{Jar: jar}).Get(pageURL)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %s", pageURL, resp.Status)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			for lines.Scan() {
				printed = append(printed, lines.Text())
			}
			err = cmd.Wait()
			waited = true
			if err != nil {
				t.Errorf("after %s: %v, want exit 0", sig, err)
			}
			if last := printed[len(printed)-1]; last != "threatmap: review page stopped" {
				t.Errorf("last line %q, want the page to say it stopped", last)
			}
			u, _ := url.Parse(pageURL)
			if c, err := net.Dial("tcp", u.Host); err == nil {
				c.Close()
				t.Errorf("%s still accepts connections", u.Host)
			}
		})
	}
}
