package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/model"
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
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Draft threatmap.yaml and THREATMAP.md from the code",
		Long: `init scans DIR (default .) and writes two files there:

  threatmap.yaml  the model: assets, surfaces, boundaries and threats drafted
                  by the rules, with short comments that teach each field.
                  It is yours: set responses and owners, accept or transfer
                  risks, write controls. threatmap keeps every word.
  THREATMAP.md    the one page rendered from it.

init refuses to overwrite an existing model; --force replaces both files.
To fold a new scan into a model you already edit, use 'threatmap sync'.`,
		Example: `  threatmap init
  threatmap init services/api
  threatmap init --force   # start over`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := dirArg(args)
			path := filepath.Join(dir, model.FileName)
			if _, err := os.Stat(path); err == nil && !force {
				return usageErr("%s already exists; run 'threatmap sync %s' to fold in a new scan, or 'threatmap init --force' to start over", path, dir)
			} else if err != nil && !errors.Is(err, os.ErrNotExist) {
				return usageErr("%v", err)
			}
			m, err := draftFromCode(cmd.Context(), e, dir)
			if err != nil {
				return err
			}
			data, err := reconcile.Encode(m, SchemaURL)
			if err != nil {
				return err
			}
			if _, err := model.Parse(path, data); err != nil {
				return internalErr("the drafted model does not validate, so nothing was written: %v", err)
			}
			if err := reconcile.WriteFile(path, data); err != nil {
				return err
			}
			page, err := renderPage(m, e, false)
			if err != nil {
				return err
			}
			if err := reconcile.WriteFile(filepath.Join(dir, PageName), page); err != nil {
				return err
			}
			open := 0
			for _, t := range m.Threats {
				if t.IsOpen() {
					open++
				}
			}
			fmt.Fprintf(e.stdout, "wrote %s (%d assets, %d surfaces, %d threats, %d open) and %s\n",
				path, len(m.Assets), len(m.Surfaces), len(m.Threats), open, filepath.Join(dir, PageName))
			fmt.Fprintln(e.stdout, "next: read the page, decide on the top rows (threatmap accept / control ...), then 'threatmap review --by NAME'")
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing threatmap.yaml and THREATMAP.md")
	return cmd
}

func newSyncCmd(e *env) *cobra.Command {
	var modelPath string
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

The file is written atomically. THREATMAP.md, if present, is re-rendered.`,
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
			existing, err := source.ReadInput(dir, path, model.MaxFileSize)
			if err != nil {
				return usageErr("%v", err)
			}
			m, err := draftFromCode(cmd.Context(), e, dir)
			if err != nil {
				return err
			}
			out, summary, err := reconcile.Merge(existing, m, path)
			if err != nil {
				return err
			}
			doc, err := model.Parse(path, out)
			if err != nil {
				return internalErr("the merged model does not validate, so nothing was written: %v", err)
			}
			if dryRun || bytes.Equal(out, existing) {
				fmt.Fprintf(e.stdout, "%s: %s%s\n", path, summary, map[bool]string{true: " (dry run: nothing written)", false: ""}[dryRun])
				return nil
			}
			if err := reconcile.WriteFile(path, out); err != nil {
				return err
			}
			pagePath := filepath.Join(filepath.Dir(path), PageName)
			if _, err := os.Stat(pagePath); err == nil {
				page, err := renderPage(doc.Model, e, false)
				if err != nil {
					return err
				}
				if err := reconcile.WriteFile(pagePath, page); err != nil {
					return err
				}
			}
			fmt.Fprintf(e.stdout, "%s: %s\n", path, summary)
			return nil
		},
	}
	cmd.Flags().StringVar(&modelPath, "model", "", "the model file (default DIR/threatmap.yaml)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would change without writing")
	return cmd
}

func renderPage(m *model.Model, e *env, drafted bool) ([]byte, error) {
	var b bytes.Buffer
	if err := (report.Markdown{}).Write(&b, report.Build(m, e.now(), report.Options{Drafted: drafted})); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
