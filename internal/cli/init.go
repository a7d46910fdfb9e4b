package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/output"
	"github.com/threatmap/threatmap/internal/reconcile"
	"github.com/threatmap/threatmap/internal/report"
	"github.com/threatmap/threatmap/internal/source"
)

// SchemaURL is where editors find the model's schema: the
// yaml-language-server line of every file threatmap writes points here.
const SchemaURL = "https://raw.githubusercontent.com/threatmap/threatmap/main/schema/threatmap.schema.json"

// PageName is the one page init writes beside the model.
const PageName = "THREATMAP.md"

func newInitCmd(e *env) *cobra.Command {
	var force bool
	var routesFrom string
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Draft threatmap.yaml and THREATMAP.md from the code",
		Long: `init scans DIR (default .) and writes two files there:

  threatmap.yaml  the model: assets, surfaces, boundaries and threats drafted
                  by the rules, with short comments that teach each field.
                  It is yours: set responses and owners, accept or transfer
                  risks, write controls. threatmap keeps every word.
  THREATMAP.md    the one page rendered from it.

init refuses to overwrite an existing model, or a THREATMAP.md it did not
write; --force replaces both. It never writes through a symbolic link or over
a read-only file, and it checks both files before writing either.
To fold a new scan into a model you already edit, use 'threatmap sync'.`,
		Example: `  threatmap init
  threatmap init services/api
  threatmap init --force   # start over`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := dirArg(args)
			path := filepath.Join(dir, model.FileName)
			pagePath := filepath.Join(dir, PageName)
			// Both files are checked before either is written.
			check := func() error {
				if _, err := os.Lstat(path); err == nil && !force {
					return usageErr("%s already exists; run 'threatmap sync %s' to fold in a new scan, or 'threatmap init --force' to start over", path, dir)
				} else if err != nil && !errors.Is(err, os.ErrNotExist) {
					return usageErr("%v", err)
				}
				if err := reconcile.CanReplace(path); err != nil {
					return usageErr("%v; nothing was written", err)
				}
				state, err := checkPage(pagePath)
				if err != nil {
					return usageErr("%v; nothing was written", err)
				}
				if state == pageTheirs && !force {
					return usageErr("%s exists and threatmap did not write it; threatmap will not replace it: move it away, or run 'threatmap init --force' to replace it (nothing was written)", pagePath)
				}
				return nil
			}
			if err := check(); err != nil {
				return err
			}
			m, err := draftWith(cmd.Context(), e, dir, routesFrom)
			if err != nil {
				return err
			}
			m = m.WithValidText()
			data, err := reconcile.Encode(m, SchemaURL)
			if err != nil {
				return err
			}
			doc, err := model.Parse(path, data)
			if err != nil {
				return internalErr("the drafted model does not validate, so nothing was written: %v", err)
			}
			// The page shows the model as written and read back, as check
			// reads it when it asks whether the page is current.
			page, err := renderPage(doc.Model, e, false)
			if err != nil {
				return err
			}
			unlock, err := reconcile.Lock(path)
			if err != nil {
				return usageErr("%v", err)
			}
			defer unlock()
			// Again under the lock: another command may have written meanwhile.
			if err := check(); err != nil {
				return err
			}
			if err := reconcile.WriteFile(path, data); err != nil {
				return usageErr("%v", err)
			}
			if err := reconcile.WriteFile(pagePath, page); err != nil {
				return usageErr("%v", err)
			}
			open := 0
			for _, t := range m.Threats {
				if t.IsOpen() {
					open++
				}
			}
			fmt.Fprintf(e.stdout, "wrote %s (%d assets, %d surfaces, %d threats, %d open) and %s\n",
				path, len(m.Assets), m.WaysIn(), len(m.Threats), open, filepath.Join(dir, PageName))
			fmt.Fprintln(e.stdout, "next: read the page, decide on the top rows (threatmap accept / control ...), then 'threatmap review --by NAME'")
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing threatmap.yaml and THREATMAP.md")
	cmd.Flags().StringVar(&routesFrom, "routes-from", "", routesFromHelp)
	return cmd
}

func newSyncCmd(e *env) *cobra.Command {
	var modelPath, routesFrom string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "sync [DIR]",
		Short: "Fold a new scan into threatmap.yaml, keeping every human word",
		Long: `sync scans DIR (default .) again and merges what it finds into the model:

  - new surfaces and threats are added, marked 'state: new';
  - items whose code is gone are marked 'state: gone', never deleted;
  - controls threatmap can see in the code get 'status: implemented' with
    their evidence;
  - every field and comment a person wrote stays exactly as written.

The file is written atomically. THREATMAP.md, if present and written by
threatmap, is re-rendered; one a person wrote is left as it is. sync checks
every file it will write before writing any, and holds the model's lock
while it reads and writes it, so a decision recorded meanwhile is kept.`,
		Example: `  threatmap sync
  threatmap sync --dry-run   # say what would change`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := dirArg(args)
			path := modelPath
			if path == "" {
				path = filepath.Join(dir, model.FileName)
			}
			if _, err := loadModel(dir, path); err != nil {
				return err
			}
			pagePath := pagePath(path)
			// Every file sync may write is checked before the scan, and
			// again before anything is written.
			check := func() (pageState, error) {
				if err := reconcile.CanReplace(path); err != nil {
					return 0, usageErr("%v; nothing was written", err)
				}
				state, err := checkPage(pagePath)
				if err != nil {
					return 0, usageErr("%v; nothing was written", err)
				}
				return state, nil
			}
			if _, err := check(); err != nil && !dryRun {
				return err
			}
			m, err := draftWith(cmd.Context(), e, dir, routesFrom)
			if err != nil {
				return err
			}
			if !dryRun {
				unlock, err := reconcile.Lock(path)
				if err != nil {
					return usageErr("%v", err)
				}
				defer unlock()
			}
			// Read under the lock: a decision recorded during the scan is
			// merged, not overwritten.
			if _, err := loadModel(dir, path); err != nil {
				return err
			}
			existing, err := source.ReadInput(dir, path, model.MaxFileSize)
			if err != nil {
				return usageErr("%v", err)
			}
			out, summary, err := reconcile.Merge(existing, m, path)
			if err != nil {
				return usageErr("%v", err)
			}
			doc, err := model.Parse(path, out)
			if err != nil {
				return internalErr("the merged model does not validate, so nothing was written: %v", err)
			}
			if dryRun {
				fmt.Fprintf(e.stdout, "%s: %s (dry run: nothing written)\n", path, summary)
				return nil
			}
			if bytes.Equal(out, existing) {
				// Nothing to merge, but the page may not show the model
				// as it is (a decision written by hand, say).
				if state, err := check(); err == nil && state == pageOurs && !pageIsCurrent(dir, pagePath, doc.Model) {
					page, err := renderPage(doc.Model, e, false)
					if err != nil {
						return err
					}
					if err := reconcile.WriteFile(pagePath, page); err != nil {
						return usageErr("%v", err)
					}
					fmt.Fprintf(e.stdout, "%s: %s; %s rendered again: it did not show the model as it is\n", path, summary, pagePath)
					return nil
				}
				fmt.Fprintf(e.stdout, "%s: %s\n", path, summary)
				return nil
			}
			state, err := check()
			if err != nil {
				return err
			}
			var page []byte
			if state == pageOurs {
				if page, err = renderPage(doc.Model, e, false); err != nil {
					return err
				}
			}
			if err := reconcile.WriteFile(path, out); err != nil {
				return usageErr("%v", err)
			}
			switch state {
			case pageOurs:
				if err := reconcile.WriteFile(pagePath, page); err != nil {
					return usageErr("%s written; %v", path, err)
				}
			case pageTheirs:
				fmt.Fprintf(e.stderr, "threatmap: warning: %s was not written by threatmap; left as it is\n", pagePath)
			}
			fmt.Fprintf(e.stdout, "%s: %s\n", path, summary)
			return nil
		},
	}
	cmd.Flags().StringVar(&modelPath, "model", "", "the model file (default DIR/threatmap.yaml)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would change without writing")
	cmd.Flags().StringVar(&routesFrom, "routes-from", "", routesFromHelp)
	return cmd
}

// pageMarker opens every THREATMAP.md threatmap writes, so that it can tell
// its own page from a file a person wrote, and never replace the latter.
const pageMarker = "<!-- Rendered by threatmap from threatmap.yaml: edit the model, not this page ('threatmap sync' rewrites it). -->\n"

func renderPage(m *model.Model, e *env, drafted bool) ([]byte, error) {
	return renderPageAt(m, e.now(), drafted)
}

func renderPageAt(m *model.Model, now time.Time, drafted bool) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(pageMarker)
	if err := (report.Markdown{}).Write(&b, report.Build(m, now, report.Options{Drafted: drafted})); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// generatedAt finds the date a page says it was rendered on.
var generatedAt = regexp.MustCompile(`\bGenerated (\d{4}-\d{2}-\d{2})\.`)

// pageCurrent reports whether page, one threatmap wrote, shows the model m
// as it is: it is what m renders as of the day the page was generated. A
// page rendered before a decision was recorded in the model, or before a
// hand edit, is not; a page that is only older (its overdue dates and
// "Generated" line are of its day) still is.
func pageCurrent(page []byte, m *model.Model) bool {
	at := generatedAt.FindSubmatch(page)
	if at == nil {
		return false
	}
	day, err := model.ParseDate(string(at[1]))
	if err != nil {
		return false
	}
	want, err := renderPageAt(m, day.Time, false)
	return err == nil && bytes.Equal(want, page)
}

// pageIsCurrent reads the page at path (threatmap's own) and says whether
// it shows m as it is; a page it cannot read is not current.
func pageIsCurrent(root, path string, m *model.Model) bool {
	page, err := source.ReadInput(root, path, maxPageSize)
	return err == nil && pageCurrent(page, m)
}

// maxPageSize caps the page read back: a one-page report is far smaller.
const maxPageSize = 64 << 20

// pagePath is the page that goes with the model at modelPath: beside it.
func pagePath(modelPath string) string {
	return filepath.Join(filepath.Dir(modelPath), PageName)
}

// pageState is what threatmap may do with THREATMAP.md.
type pageState int

const (
	pageMissing pageState = iota
	pageOurs              // threatmap wrote it: it may be rendered again
	pageTheirs            // a person wrote it: it stays as it is
)

// checkPage says what the page at path is. What threatmap never replaces
// (a link, a device, a read-only file) is an error.
func checkPage(path string) (pageState, error) {
	if err := reconcile.CanReplace(path); err != nil {
		return 0, err
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return pageMissing, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	if ownPage(head[:n]) {
		return pageOurs, nil
	}
	return pageTheirs, nil
}

// ownPage reports whether a page starting with head is one threatmap
// wrote: it has the marker, or is a page written before the marker was,
// or any other output of threatmap's (output.Ours, which -o follows too).
func ownPage(head []byte) bool {
	return bytes.HasPrefix(head, []byte(pageMarker)) || len(head) > 0 && output.Ours(head)
}
