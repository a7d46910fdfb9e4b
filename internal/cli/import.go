package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/exchange"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/reconcile"
	"github.com/threatmap/threatmap/internal/source"
)

func newImportCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Bring a threat model drawn in another tool into threatmap.yaml",
		Long: `import reads a threat model another tool wrote and folds it into
threatmap.yaml, so a team moving from a drawn model keeps its decisions.

  threatmap import otm FILE [DIR]   an Open Threat Model file (IriusRisk,
                                    OWASP Threat Dragon, threatcl, StartLeft,
                                    or 'threatmap export')`,
		Example: `  threatmap import otm iriusrisk-export.otm.json`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("import needs a format: threatmap import otm FILE [DIR]\nRun 'threatmap import --help' for usage.")
		},
	}
	cmd.AddCommand(newImportOTMCmd(e))
	return cmd
}

func newImportOTMCmd(e *env) *cobra.Command {
	var modelPath string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "otm FILE [DIR]",
		Short: "Fold an Open Threat Model (OTM) file into threatmap.yaml",
		Long: `import otm reads FILE, an Open Threat Model (0.x, JSON or YAML), and folds
what threatmap can hold faithfully into DIR/threatmap.yaml (default .), or
--model FILE. Without a model there, it writes a new one.

What is imported:
  assets       with their impact (the highest of confidentiality, integrity
               and availability) and bucket;
  trust zones  as the boundaries the file's data flows cross (from zone,
               to zone);
  components   as surfaces, with their file:line where the file gives one;
  threats      on each component (or data flow), with difficulty from
               likelihood, impact, STRIDE letters from their categories,
               and their state as the response: accepted, transferred,
               not-applicable (eliminated), mitigated;
  mitigations  as controls: implemented, or planned (required,
               recommended); rejected ones are left out.

Everything imported is written as a person's: no rule drafted it and no
check verifies it, so a later 'threatmap sync' adds what the code shows
beside it and never overwrites it. A threat the model already has (same
id, same surface) gets the file's decision and control statuses, through
the same edits 'threatmap accept', 'transfer', 'eliminate' and 'control'
make; an undecided threat in the file never clears a decision. Every
comment in the model is kept, the write is atomic, and the model's lock
is held, as for every command that edits it.

Whatever cannot be brought over is listed, with why: a threat none of
whose categories is a STRIDE question, a rejected mitigation, a reference
to nothing. A decision the file records without what threatmap requires
(an acceptance with no reason or revisit date) is written with a
placeholder that says it was imported, and listed, so a person fills it
in. docs/formats.md has the mapping field by field.`,
		Example: `  # A model exported from IriusRisk or Threat Dragon, into a new threatmap.yaml
  threatmap import otm payments.otm.json

  # Into the model of a service, saying first what would change
  threatmap import otm payments.otm.json services/payments --dry-run

  # Round trip: what threatmap exported comes back with every decision
  threatmap export -o model.otm.json && threatmap import otm model.otm.json --model fresh.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageErr("%s needs FILE and at most one DIR, got %d arguments\nRun '%s --help' for usage.", cmd.CommandPath(), len(args), cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 2 {
				dir = args[1]
			}
			path := modelPath
			if path == "" {
				path = filepath.Join(dir, model.FileName)
			}
			data, err := source.ReadInput(dir, args[0], exchange.MaxOTMSize+1)
			if err != nil {
				return usageErr("%v", err)
			}
			o, err := exchange.ParseOTM(args[0], data)
			if err != nil {
				return usageErr("%v", err)
			}
			im := exchange.FromOTM(o, model.NewDate(e.now()))
			for _, s := range im.Skipped {
				fmt.Fprintf(e.stderr, "threatmap: not imported: %s\n", escape.Terminal(s))
			}
			for _, s := range im.Filled {
				fmt.Fprintf(e.stderr, "threatmap: imported with a placeholder to fill in: %s\n", escape.Terminal(s))
			}
			if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
				return importNew(e, path, args[0], im.Model, dryRun)
			}
			if dryRun {
				if _, err := loadModel(".", path); err != nil {
					return err
				}
				existing, err := source.ReadInput(".", path, model.MaxFileSize)
				if err != nil {
					return usageErr("%v", err)
				}
				_, summary, err := reconcile.Import(existing, im.Model)
				if err != nil {
					return usageErr("%s: %v", path, err)
				}
				fmt.Fprintf(e.stdout, "%s: %s (dry run: nothing written)\n", path, summary)
				return nil
			}
			return decide(e, path, func(data []byte, _ *model.Model) ([]byte, string, error) {
				out, summary, err := reconcile.Import(data, im.Model)
				return out, "imported " + args[0] + ": " + summary.String(), err
			})
		},
	}
	cmd.Flags().StringVar(&modelPath, "model", "", "the model file (default DIR/"+model.FileName+")")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would change without writing")
	return cmd
}

// importNew writes the model imported from file as a new threatmap.yaml,
// as init writes a drafted one: checked, under the model's lock,
// atomically. Its header names the file (by its base name when the path
// is absolute: the model is committed, the machine's paths are not).
func importNew(e *env, path, file string, m *model.Model, dryRun bool) error {
	if filepath.IsAbs(file) {
		file = filepath.Base(file)
	}
	data, err := reconcile.EncodeImported(m, SchemaURL, filepath.ToSlash(file))
	if err != nil {
		return err
	}
	doc, err := model.Parse(path, data)
	if err != nil {
		return internalErr("the imported model does not validate, so nothing was written: %v", err)
	}
	// A grouped threat's cause surface is no way in: its routes are
	// counted in their own right, as init and the page count them.
	summary := fmt.Sprintf("%d assets, %d boundaries, %d surfaces, %d threats", len(m.Assets), len(m.Boundaries), m.WaysIn(), len(m.Threats))
	if dryRun {
		fmt.Fprintf(e.stdout, "%s: would be written (%s) (dry run: nothing written)\n", path, summary)
		return nil
	}
	if err := reconcile.CanReplace(path); err != nil {
		return usageErr("%v; nothing was written", err)
	}
	page := pagePath(path)
	state, err := checkPage(page)
	if err != nil {
		return usageErr("%v; nothing was written", err)
	}
	unlock, err := reconcile.Lock(path)
	if err != nil {
		return usageErr("%v", err)
	}
	defer unlock()
	// Again under the lock: another command may have written meanwhile.
	if _, err := os.Lstat(path); err == nil {
		return usageErr("%s appeared while importing; run the import again to fold into it", path)
	}
	var rendered []byte
	if state == pageOurs {
		if rendered, err = renderPage(doc.Model, e, false); err != nil {
			return err
		}
	}
	if err := reconcile.WriteFile(path, data); err != nil {
		return usageErr("%v", err)
	}
	if rendered != nil {
		if err := reconcile.WriteFile(page, rendered); err != nil {
			return usageErr("%s written; %v", path, err)
		}
	}
	fmt.Fprintf(e.stdout, "wrote %s (%s)\n", path, summary)
	if rendered != nil {
		fmt.Fprintf(e.stdout, "%s: rendered again\n", page)
	}
	return nil
}
