package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/model"
)

func newValidateCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a threatmap.yaml strictly: keys, values, dates, references, decisions",
		Long: `validate loads a model file the way every other command does, strictly, and
reports every problem at once as file:line:col with a hint: unknown keys,
values outside their lists, dates not written YYYY-MM-DD, threats naming a
surface that does not exist, duplicate ids, and acceptances missing who,
when, why or a revisit date.

FILE defaults to ./threatmap.yaml. Exit code 0 when valid, 2 when not.`,
		Example: `  threatmap validate
  threatmap validate examples/docqa/threatmap.yaml`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, path := ".", model.FileName
			if len(args) == 1 {
				path = args[0]
				if st, err := os.Stat(path); err == nil && st.IsDir() {
					dir, path = path, filepath.Join(path, model.FileName)
				}
			}
			doc, err := loadModel(dir, path)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s: valid (%d assets, %d surfaces, %d threats)\n", path,
				len(doc.Model.Assets), len(doc.Model.Surfaces), len(doc.Model.Threats))
			return nil
		},
	}
}

// loadModel loads and validates the model at path for the folder dir,
// turning problems into exit 2 with every problem listed. A path inside
// dir is read as the walk reads the tree (no links, a regular file); one
// outside it, which only a person can have named, through its links.
func loadModel(dir, path string) (*model.Doc, error) {
	doc, err := model.LoadIn(dir, path)
	if err == nil {
		return doc, nil
	}
	var ps model.Problems
	if errors.As(err, &ps) {
		return nil, &exitError{code: ExitUsage, msg: fmt.Sprintf("%s has %d problem%s:\n%s", path, len(ps), plural(len(ps)), ps.Error())}
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil, usageErr("%s: no such file\n\thint: run 'threatmap init' to draft one from your code", path)
	}
	return nil, usageErr("%v", err)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
