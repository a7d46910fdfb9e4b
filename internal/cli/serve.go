package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/report"
	"github.com/threatmap/threatmap/internal/serve"
)

type serveOptions struct {
	model  string
	listen string
	// ready, when set (tests), is told the page's URL once it listens.
	ready func(url string)
}

func newServeCmd(e *env) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [DIR]",
		Short: "Review the one page and record decisions in a browser, on this machine",
		Long: `serve opens a review page for the model of DIR (default .) in your browser:
the threat map in priority order, each threat with its evidence and
controls, the decisions so far and the review schedule. From it a person
who would rather not edit YAML can:

  accept     a threat: who, why, and when to look again
  transfer   it: to whom, and how
  eliminate  it: what was removed
  control    set a control's status and evidence, or add a control
  review     record that the model was reviewed

Each form is recorded exactly as the command of the same name records it:
threatmap.yaml is edited in place keeping every comment, under the model's
lock, written atomically, and the THREATMAP.md threatmap rendered beside it
is rendered again. A value the command would refuse is shown on the page
and nothing is written.

The page is for you, on this machine. serve listens on 127.0.0.1 on a
port the system picks and prints a URL with a random token: open it (the
token then moves to a cookie and leaves the address bar). Requests without
the token, naming another host (DNS rebinding) or posted from another site
are refused, and only a form post changes anything. --listen ADDR listens
elsewhere (a fixed port, or beyond this machine, with a warning: anyone who
can reach it and learns the token can record decisions).

The model is DIR/threatmap.yaml, or --model FILE; 'threatmap init' drafts
one. Stop the page with Ctrl-C.`,
		Example: `  # Review the model of the current repository
  threatmap serve

  # A model kept elsewhere, on a port you choose
  threatmap serve --model security/threatmap.yaml --listen 127.0.0.1:8765`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), e, dirArg(args), o)
		},
	}
	cmd.Flags().StringVar(&o.model, "model", "", "the model file (default DIR/"+model.FileName+")")
	cmd.Flags().StringVar(&o.listen, "listen", serve.DefaultListen, "HOST:PORT to listen on (port 0: one the system picks); beyond loopback only if you must")
	return cmd
}

func runServe(ctx context.Context, e *env, dir string, o *serveOptions) error {
	if err := serve.CheckListen(o.listen); err != nil {
		return usageErr("--listen %q: %v\n\thint: HOST:PORT, like 127.0.0.1:8765 (port 0 picks a free one)", o.listen, err)
	}
	path := o.model
	if path == "" {
		path = filepath.Join(dir, model.FileName)
	}
	if _, err := loadModel(".", path); err != nil {
		return err
	}
	token, err := serve.NewToken()
	if err != nil {
		return internalErr("no random token: %v", err)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", o.listen)
	if err != nil {
		return usageErr("--listen %s: %v", o.listen, err)
	}
	defer ln.Close()
	listenHost, _, _ := net.SplitHostPort(o.listen)
	srv, err := serve.New(serve.Config{
		Token:      token,
		Addr:       ln.Addr(),
		Exposed:    serve.Exposed(ln.Addr()),
		ListenHost: listenHost,
		Load: func() (*report.Page, error) {
			doc, err := loadModel(".", path)
			if err != nil {
				return nil, err
			}
			// Every row on the map: the page is where they are decided.
			return report.Build(doc.Model, e.now(), report.Options{Top: len(doc.Model.Threats) + 1}), nil
		},
		Record: func(d serve.Decision) (string, error) { return recordDecision(e, path, d) },
	})
	if err != nil {
		return internalErr("%v", err)
	}
	if w := serve.Warning(ln.Addr()); w != "" {
		fmt.Fprintln(e.stderr, "threatmap: "+w)
	}
	fmt.Fprintf(e.stdout, "threatmap: reviewing %s; open this URL (it carries the page's token):\n\n  %s\n\nStop with Ctrl-C.\n", path, srv.URL())
	if o.ready != nil {
		o.ready(srv.URL())
	}

	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return internalErr("the review page stopped: %v", err)
	case <-ctx.Done():
	}
	// A decision being written finishes first; then the command ends.
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return internalErr("stopping the review page: %v", err)
	}
	fmt.Fprintln(e.stdout, "threatmap: review page stopped")
	return nil
}

// recordDecision records one form from the page through the decision
// commands' own edits and decide: the same checks, lock, atomic write and
// page rendering as 'threatmap accept' and the rest. What it wrote is
// printed on the terminal too, and returned for the page to show.
func recordDecision(e *env, path string, d serve.Decision) (string, error) {
	var out bytes.Buffer
	de := &env{stdout: &out, stderr: e.stderr, now: e.now}
	var err error
	switch d.Kind {
	case serve.Review:
		edit, verr := reviewEdit(de, d.By, "")
		if err = verr; err == nil {
			err = decide(de, path, edit)
		}
	default:
		var edit threatEdit
		switch d.Kind {
		case serve.Accept:
			edit, err = acceptEdit(de, d.By, d.Why, "", d.Revisit)
		case serve.Transfer:
			edit, err = transferEdit(de, d.To, d.How, d.By, "")
		case serve.Eliminate:
			edit, err = eliminateEdit(de, d.Why, d.By, "")
		case serve.Control:
			edit, err = controlEdit(d.Text, d.Status, d.Evidence)
		default:
			return "", fmt.Errorf("%q is not a decision", d.Kind)
		}
		if err == nil {
			err = decideThreat(de, path, d.Threat, edit)
		}
	}
	if err != nil {
		return "", err
	}
	msg := strings.TrimRight(out.String(), "\n")
	fmt.Fprintln(e.stdout, escape.Lines(msg))
	return msg, nil
}
