package cli

import (
	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/output"
	"github.com/threatmap/threatmap/internal/report"
)

func newExportCmd(e *env) *cobra.Command {
	var out outputFlags
	var modelPath string
	cmd := &cobra.Command{
		Use:   "export [DIR]",
		Short: "Write the model for another threat modelling tool: OTM (IriusRisk, Threat Dragon) or TM-BOM",
		Long: `export writes the threat model of DIR (default .) in a format other threat
modelling tools read, so a security team keeps working where it works:

  otm    the Open Threat Model 0.2.0 (JSON): IriusRisk imports it natively,
         OWASP Threat Dragon imports it, threatcl and StartLeft write it.
  tmbom  the OWASP Threat Model Library's TM-BOM 1.0.2 (JSON).

What goes where, field by field, and what each format cannot hold, is in
docs/formats.md. In short: each side of a trust boundary is a trust zone,
each surface a component (a store is a data store in TM-BOM) with its
file:line, each boundary crossing a data flow, each asset an asset (OTM)
or data set (TM-BOM); threats keep their difficulty as likelihood and
their impact, controls keep their status, and accepted, transferred and
eliminated threats keep their decision. 'threatmap import otm' reads an
OTM file back.

The model is DIR/threatmap.yaml, or --model FILE; without one the model is
drafted in memory from the code, as 'threatmap report' does. Secrets are
redacted. The output is deterministic: the same model exports to the same
bytes, so the file can be committed and diffed. 'threatmap report --format
otm' writes the same.

` + formatsHelp(output.Export),
		Example: `  # The model as OTM, for IriusRisk or OWASP Threat Dragon
  threatmap export > threatmap.otm.json

  # TM-BOM for the OWASP Threat Model Library, and OTM, in one run
  threatmap export -o tmbom=threat-model.tmbom.json -o otm=threat-model.otm.json

  # The threats and their states, for a script
  threatmap export . | jq -r '.components[].threats[]? | "\(.state) \(.threat)"'`,
		Args: maxOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			targets, err := out.targets(e)
			if err != nil {
				return err
			}
			m, drafted, err := reportModel(cmd.Context(), e, dirArg(args), modelPath)
			if err != nil {
				return err
			}
			page := report.Build(m, e.now(), report.Options{Drafted: drafted})
			return out.write(e, targets, &output.Result{Page: page})
		},
	}
	out.add(cmd, output.Export, "otm", "")
	cmd.Flags().StringVar(&modelPath, "model", "", "the model file (default DIR/"+model.FileName+")")
	return cmd
}
