package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/reconcile"
	"github.com/threatmap/threatmap/internal/source"
)

// The decision commands record what a person decided about one threat (or
// the whole model, for review) in threatmap.yaml, changing only the lines
// the decision is about: every other byte and comment stays as written.

func newAcceptCmd(e *env) *cobra.Command {
	var by, why, revisit, on, path string
	cmd := &cobra.Command{
		Use:   "accept THREAT --by NAME --why TEXT --revisit YYYY-MM-DD",
		Short: "Record a decision to live with a risk: who, when, why, and when to look again",
		Long: `accept sets the threat's response to accept and records the acceptance:
who accepted it (--by), when (--on, default today), why living with it is
cheaper than fixing it (--why), and when to look again (--revisit, a future
date). 'threatmap check' fails once the revisit date has passed.

THREAT is a threat id, or the start of one when only one id starts that way.
The model is ./threatmap.yaml unless --model says otherwise.`,
		Example: `  threatmap accept chat-credit-drain --by sam \
    --why "Beta with ten invited users; budget alert at 50 USD" --revisit 2026-12-01
  threatmap accept documents-idor --by sam --why "ids are UUIDv4" --revisit 2027-01-15 --model ops/threatmap.yaml`,
		Args: oneThreat,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := need(cmd, "by", by, "NAME: who accepts the risk", "why", why, "TEXT: why living with it is cheaper than fixing it", "revisit", revisit, "YYYY-MM-DD: when to look again"); err != nil {
				return err
			}
			edit, err := acceptEdit(e, by, why, on, revisit)
			if err != nil {
				return err
			}
			return decideThreat(e, path, args[0], edit)
		},
	}
	cmd.Flags().StringVar(&by, "by", "", "who accepts the risk (required)")
	cmd.Flags().StringVar(&why, "why", "", "why living with it is cheaper than fixing it (required)")
	cmd.Flags().StringVar(&revisit, "revisit", "", "when to look again, YYYY-MM-DD, in the future (required)")
	cmd.Flags().StringVar(&on, "on", "", "when it was accepted, YYYY-MM-DD (default today)")
	modelFlag(cmd, &path)
	return cmd
}

func newTransferCmd(e *env) *cobra.Command {
	var to, how, by, on, path string
	cmd := &cobra.Command{
		Use:   "transfer THREAT --to WHOM --how TEXT",
		Short: "Record that someone else carries a risk now: an insurer, a provider, a contract",
		Long: `transfer sets the threat's response to transfer and records to whom (--to)
and how (--how): insurance, a managed service, terms of service. --by and
--on (default today) say who decided and when.

THREAT is a threat id, or the start of one when only one id starts that way.`,
		Example: `  threatmap transfer stripe-webhook-forgery --to Stripe --how "Stripe Checkout handles card data and disputes" --by sam
  threatmap transfer env-committed --to "our cyber insurer" --how "policy 4411 covers credential leaks"`,
		Args: oneThreat,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := need(cmd, "to", to, "WHOM: who carries the risk now", "how", how, "TEXT: insurance, a managed service, terms of service..."); err != nil {
				return err
			}
			edit, err := transferEdit(e, to, how, by, on)
			if err != nil {
				return err
			}
			return decideThreat(e, path, args[0], edit)
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "who carries the risk now (required)")
	cmd.Flags().StringVar(&how, "how", "", "how: insurance, a managed service, terms of service (required)")
	cmd.Flags().StringVar(&by, "by", "", "who decided")
	cmd.Flags().StringVar(&on, "on", "", "when, YYYY-MM-DD (default today)")
	modelFlag(cmd, &path)
	return cmd
}

func newEliminateCmd(e *env) *cobra.Command {
	var why, by, on, path string
	cmd := &cobra.Command{
		Use:   "eliminate THREAT --why TEXT",
		Short: "Record that the surface behind a threat was removed",
		Long: `eliminate sets the threat's response to eliminate and records why: what was
removed so the threat no longer exists (a route, a feature, a stored field).
--by and --on (default today) say who decided and when. 'threatmap check'
reports the threat while the scan still finds its surface.

THREAT is a threat id, or the start of one when only one id starts that way.`,
		Example: `  threatmap eliminate admin-exposed --why "The admin panel was removed; we use the database console" --by sam`,
		Args:    oneThreat,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := need(cmd, "why", why, "TEXT: what was removed"); err != nil {
				return err
			}
			edit, err := eliminateEdit(e, why, by, on)
			if err != nil {
				return err
			}
			return decideThreat(e, path, args[0], edit)
		},
	}
	cmd.Flags().StringVar(&why, "why", "", "what was removed (required)")
	cmd.Flags().StringVar(&by, "by", "", "who decided")
	cmd.Flags().StringVar(&on, "on", "", "when, YYYY-MM-DD (default today)")
	modelFlag(cmd, &path)
	return cmd
}

func newControlCmd(e *env) *cobra.Command {
	var text, status, path string
	var evidence []string
	cmd := &cobra.Command{
		Use:   "control THREAT --text TEXT --status planned|in-progress|implemented",
		Short: "Set how far a control has got, or add one",
		Long: `control sets the status of the threat's control whose text (ignoring case)
or check id is --text, or adds the control when there is none. --evidence
(file:line, repeatable) says where the code shows it; 'threatmap check'
reports an implemented control it cannot verify, and evidence whose line
(or the 5 lines around it) shows nothing the control's check recognises.
A control outside the repository (a WAF, a gateway) is recorded in
threatmap.yaml as external: {what, where, by, date}, shown as attested.

A threat still undecided becomes mitigate; an accepted, transferred or
eliminated one keeps its recorded decision.`,
		Example: `  threatmap control chat-credit-drain --text "Per-account rate limiting" --status implemented --evidence api/limits.py:12
  threatmap control documents-idor --text "Use UUIDs instead of sequential IDs" --status in-progress`,
		Args: oneThreat,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := need(cmd, "text", text, "TEXT: what the control does", "status", status, strings.Join(model.Names(model.ControlStatuses), "|")); err != nil {
				return err
			}
			edit, err := controlEdit(text, status, evidence)
			if err != nil {
				return err
			}
			return decideThreat(e, path, args[0], edit)
		},
	}
	cmd.Flags().StringVar(&text, "text", "", "the control's text, or its check id (required)")
	cmd.Flags().StringVar(&status, "status", "", "planned, in-progress or implemented (required)")
	cmd.Flags().StringArrayVar(&evidence, "evidence", nil, "where the code shows it, file:line (repeatable)")
	modelFlag(cmd, &path)
	return cmd
}

func newReviewCmd(e *env) *cobra.Command {
	var by, on, path string
	cmd := &cobra.Command{
		Use:   "review --by NAME",
		Short: "Record that the model was reviewed against what runs",
		Long: `review sets review.last: who looked at the model against the running product
(--by) and when (--on, default today). 'threatmap check' fails when the last
review is older than review.every (default 90 days).`,
		Example: `  threatmap review --by sam
  threatmap review --by sam --on 2026-10-01 --model ops/threatmap.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := need(cmd, "by", by, "NAME: who reviewed the model"); err != nil {
				return err
			}
			edit, err := reviewEdit(e, by, on)
			if err != nil {
				return err
			}
			return decide(e, path, edit)
		},
	}
	cmd.Flags().StringVar(&by, "by", "", "who reviewed the model (required)")
	cmd.Flags().StringVar(&on, "on", "", "when, YYYY-MM-DD (default today)")
	modelFlag(cmd, &path)
	return cmd
}

// threatEdit changes one threat (its full id) in the model's bytes and says
// what it did.
type threatEdit = func(data []byte, id string) ([]byte, string, error)

// The *Edit functions check a decision's values as the commands take them
// (dates, statuses, evidence) and return the edit that records it: the
// commands and the review page ('threatmap serve') both record decisions
// through them and decide, so there is one way a decision is written.

func acceptEdit(e *env, by, why, on, revisit string) (threatEdit, error) {
	today := model.NewDate(e.now())
	onDate, err := dateFlag("on", on, today)
	if err != nil {
		return nil, err
	}
	revisitDate, err := dateFlag("revisit", revisit, model.Date{})
	if err != nil {
		return nil, err
	}
	if !revisitDate.After(today.Time) {
		return nil, usageErr("--revisit %s is not in the future (today is %s)\n\thint: pick the date by which this decision must be looked at again", revisitDate, today)
	}
	return func(data []byte, id string) ([]byte, string, error) {
		out, err := reconcile.Accept(data, id, by, why, onDate, revisitDate)
		return out, fmt.Sprintf("accepted %s (by %s, revisit by %s)", id, by, revisitDate), err
	}, nil
}

func transferEdit(e *env, to, how, by, on string) (threatEdit, error) {
	onDate, err := dateFlag("on", on, model.NewDate(e.now()))
	if err != nil {
		return nil, err
	}
	return func(data []byte, id string) ([]byte, string, error) {
		out, err := reconcile.Transfer(data, id, to, how, by, onDate)
		return out, fmt.Sprintf("transferred %s to %s", id, to), err
	}, nil
}

func eliminateEdit(e *env, why, by, on string) (threatEdit, error) {
	onDate, err := dateFlag("on", on, model.NewDate(e.now()))
	if err != nil {
		return nil, err
	}
	return func(data []byte, id string) ([]byte, string, error) {
		out, err := reconcile.Eliminate(data, id, why, by, onDate)
		return out, "eliminated " + id, err
	}, nil
}

func controlEdit(text, status string, evidence []string) (threatEdit, error) {
	st := model.ControlStatus(strings.ToLower(status))
	if !slices.Contains(model.ControlStatuses, st) {
		return nil, usageErr("--status %q: use %s", status, strings.Join(model.Names(model.ControlStatuses), ", "))
	}
	var ev []model.Evidence
	for _, s := range evidence {
		x, err := model.ParseEvidence(s)
		if err != nil {
			return nil, usageErr("--evidence: %v\n\thint: evidence is file:line, like api/limits.py:12", err)
		}
		ev = append(ev, x)
	}
	return func(data []byte, id string) ([]byte, string, error) {
		out, err := reconcile.SetControl(data, id, text, st, ev)
		return out, fmt.Sprintf("%s: control %q is %s", id, text, st), err
	}, nil
}

func reviewEdit(e *env, by, on string) (func(data []byte, m *model.Model) ([]byte, string, error), error) {
	onDate, err := dateFlag("on", on, model.NewDate(e.now()))
	if err != nil {
		return nil, err
	}
	if onDate.After(e.now()) {
		return nil, usageErr("--on %s is in the future\n\thint: record a review once it has happened", onDate)
	}
	return func(data []byte, m *model.Model) ([]byte, string, error) {
		out, err := reconcile.Review(data, by, onDate)
		every := m.Review.Every
		if every.IsZero() {
			every = model.DefaultReviewEvery
		}
		next := model.NewDate(onDate.AddDate(0, 0, every.Days))
		return out, fmt.Sprintf("reviewed by %s on %s; next review due by %s", by, onDate, next), err
	}, nil
}

func modelFlag(cmd *cobra.Command, path *string) {
	cmd.Flags().StringVar(path, "model", model.FileName, "the model file")
}

func oneThreat(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageErr("%s needs one THREAT id, got %d\n\thint: 'threatmap report' lists the ids\nRun '%s --help' for usage.", cmd.CommandPath(), len(args), cmd.CommandPath())
	}
	return nil
}

// need refuses missing required flags, given as name, value, what pairs.
func need(cmd *cobra.Command, kv ...string) error {
	for i := 0; i+2 < len(kv); i += 3 {
		if strings.TrimSpace(kv[i+1]) == "" {
			return usageErr("%s needs --%s %s\nRun '%s --help' for usage.", cmd.CommandPath(), kv[i], kv[i+2], cmd.CommandPath())
		}
	}
	return nil
}

// dateFlag parses a YYYY-MM-DD flag, or returns def when it is empty.
func dateFlag(name, value string, def model.Date) (model.Date, error) {
	if value == "" {
		return def, nil
	}
	d, err := model.ParseDate(value)
	if err != nil {
		return model.Date{}, usageErr("--%s: %v", name, err)
	}
	return d, nil
}

// decideThreat resolves the threat id first, so a typo is refused with the
// ids the person may have meant, then runs the edit.
func decideThreat(e *env, path, id string, edit threatEdit) error {
	return decide(e, path, func(data []byte, m *model.Model) ([]byte, string, error) {
		i, err := reconcile.FindThreat(m, id)
		if err != nil {
			return nil, "", err
		}
		return edit(data, m.Threats[i].ID)
	})
}

// decide loads the model strictly (an invalid file is refused with
// file:line:col and left alone), runs the edit, checks the result is a
// valid model, writes it atomically, renders THREATMAP.md beside it again
// when threatmap wrote that page, and prints what changed. It holds the
// model's lock from the read to the write, so decisions recorded at the
// same time are all kept.
func decide(e *env, path string, edit func(data []byte, m *model.Model) ([]byte, string, error)) error {
	if _, err := loadModel(".", path); err != nil {
		return err
	}
	if err := reconcile.CanReplace(path); err != nil {
		return usageErr("%v", err)
	}
	page := pagePath(path)
	// The page is checked before anything is written, as sync does.
	if _, err := checkPage(page); err != nil {
		return usageErr("%v; nothing was written", err)
	}
	unlock, err := reconcile.Lock(path)
	if err != nil {
		return usageErr("%v", err)
	}
	defer unlock()
	doc, err := loadModel(".", path)
	if err != nil {
		return err
	}
	data, err := source.ReadInput(".", path, model.MaxFileSize)
	if err != nil {
		return usageErr("%v", err)
	}
	out, msg, err := edit(data, doc.Model)
	var idErr *reconcile.IDError
	if errors.As(err, &idErr) {
		return usageErr("%s: %v\n\thint: 'threatmap report --model %s' lists the threats", path, idErr, path)
	}
	if err != nil {
		// The edits name the file by its default name, with the line.
		if msg, ok := strings.CutPrefix(err.Error(), model.FileName+":"); ok {
			return usageErr("%s:%s", path, msg)
		}
		return usageErr("%s: %v", path, err)
	}
	after, err := model.Parse(path, out)
	if err != nil {
		return usageErr("%s: not written, the result would not be valid:\n%v", path, err)
	}
	// The page threatmap wrote beside the model shows the decision too; one
	// a person wrote is left as it is.
	state, err := checkPage(page)
	if err != nil {
		return usageErr("%v; nothing was written", err)
	}
	var rendered []byte
	if state == pageOurs {
		if rendered, err = renderPage(after.Model, e, false); err != nil {
			return err
		}
	}
	if err := reconcile.WriteFile(path, out); err != nil {
		return usageErr("%v", err)
	}
	if rendered != nil {
		if err := reconcile.WriteFile(page, rendered); err != nil {
			return usageErr("%s written; %v", path, err)
		}
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", path, msg)
	if rendered != nil {
		fmt.Fprintf(e.stdout, "%s: rendered again\n", page)
	}
	return nil
}
