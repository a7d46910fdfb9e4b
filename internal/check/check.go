// Package check compares the code with its threat model and says where the
// model has stopped being true: surfaces the model does not know (drift),
// items whose code is gone, urgent threats nobody decided on, controls
// called implemented with no evidence in the code (the wishlist problem),
// threats marked eliminated whose surface is still there, acceptances past
// their revisit date, an overdue review, committed secrets, and a
// THREATMAP.md older than the model; and, about its own configuration,
// ignores expired or unused and a change that weakens the gate. Every
// finding says what to do about it.
package check

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/threatmap/threatmap/internal/detector/signal"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/source"
	"github.com/threatmap/threatmap/internal/threat"
)

// Levels, from most to least severe. By default an error fails the check.
const (
	Error   = "error"
	Warning = "warning"
	Note    = "note"
)

// LevelRank orders levels: error 0, warning 1, note 2.
func LevelRank(l string) int {
	switch l {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Kind is what a finding is about; each kind is a SARIF rule.
type Kind struct {
	ID    string
	Title string
	Help  string
	Level string // the default level
	CWE   []string
}

// Kinds is every kind of finding, in the order they are reported.
var Kinds = []Kind{
	{"drift", "The code has a surface the model does not know", "A route, store, third party or secret appeared in the code and no row of threatmap.yaml stands for it. Run `threatmap sync` to add it (marked new), then decide on the threats it brings.", Error, []string{"CWE-1059"}},
	{"site-added", "Decided threat that gained a site", "A threat that stands for one cause on several routes (the same missing control on each) was accepted or transferred, and the code adds a route to it that the decision did not cover: with --base, one the threat did not list at the base revision; without, one threatmap.yaml does not list yet. A decision about some routes is not one about the next. Decide again for the routes it lists now (accept or transfer again, after threatmap sync records the site), or give the new route the control.", Error, nil},
	{"undecided", "Urgent threat without a decision", "A threat that bots find easily (low difficulty) with high or critical impact has no response. Mitigate it, or record a deliberate accept / transfer / eliminate decision.", Error, nil},
	{"unverified-control", "Control marked implemented with no evidence in the code", "A threat model that describes intended mitigations without tracking their status is a wishlist. threatmap looked for this control in the code and did not find it, or the evidence given (file:line) shows nothing its check recognises within 5 lines: fix the code, point the evidence at the code that applies the control, or set the control back to planned or in-progress.", Error, nil},
	{"attested-control", "Control outside the repository: attested, not verified", "The control lives outside the code (a WAF, a gateway, a provider setting) and a person attests it is in place (external: {what, where, by, date}). threatmap cannot see it: keep the attestation current, and look again when the date gets old.", Note, nil},
	{"not-eliminated", "Threat marked eliminated whose surface is still in the code", "Eliminating a threat means removing the surface behind it (a route, a feature, a stored field). The scan still finds it, so the threat is still there: remove it, or record what was decided instead (mitigate with controls, accept, transfer).", Error, nil},
	{"acceptance-expired", "Accepted risk past its revisit date", "An acceptance is a decision with an expiry. Revisit it: accept again with a new date, or change the response.", Error, nil},
	{"review-overdue", "Threat model review overdue", "Review the model when you add an integration or an endpoint, and at least every review.every days. Then record it with `threatmap review --by NAME`.", Error, nil},
	{"secret-committed", "Secret committed to the repository", "Committed keys are found by automated scanners within minutes of a push to a public repository. Rotate it, remove it from the code and from history, and read it from the environment or a secret store.", Error, []string{"CWE-798"}},
	{"stale", "Model item whose code is gone", "The model names code that the scan no longer finds. Run `threatmap sync` to mark it gone, or remove the row.", Warning, nil},
	{"re-rated", "Threat re-rated for an exposure set by hand", "A surface's exposure in threatmap.yaml differs from what the code shows across the line that matters to an automated attacker: an internal-only surface cannot be reached from the internet without a foothold inside, so its drafted threats are one step harder; a surface opened to the internet, one step easier. The page and the check use the new rating; threatmap.yaml keeps the exposure as written. Nothing to do if the exposure is right.", Note, nil},
	{"stale-page", "THREATMAP.md does not show the model as it is", "The page beside threatmap.yaml was rendered by threatmap before the model last changed (a decision or an edit made by hand), so whoever reads it reads an old map. Run `threatmap sync` to render it again; the decision commands render it as they write.", Warning, nil},
	// Findings about threatmap-check.yaml itself.
	{"ignore-expired", "Ignore past its until date", "An ignore in " + ConfigFile + " has an until date that has passed, so the findings it hid are reported again. Fix them, or extend the date with a reason.", Warning, nil},
	{"unused-ignore", "Ignore that matches no finding", "An ignore in " + ConfigFile + " hides nothing: what it was written for is fixed or gone. Remove it so it cannot hide a future finding by accident.", Note, nil},
	{"gate-weakened", "Change that weakens the check itself", "A change to " + ConfigFile + " makes the check less strict than at the base revision (check --base): a lower fail-on, a kind's level lowered or off, an ignore added or extended, a path excluded. A pull request could otherwise switch off the gate that judges it, so these are errors that the changed file's own levels, ignores and fail-on cannot silence.", Error, []string{"CWE-693"}},
}

// KindByID finds a kind.
func KindByID(id string) (Kind, bool) {
	for _, k := range Kinds {
		if k.ID == id {
			return k, true
		}
	}
	return Kind{}, false
}

// Finding is one thing that makes the model untrue.
type Finding struct {
	Kind    string `json:"kind"`
	Level   string `json:"level"`
	Message string `json:"message"`
	// Fix is the command or YAML that resolves it.
	Fix string `json:"fix"`
	// File and Line point at the code (drift, secrets) or at the model item.
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	// ID names the model item (threat, surface) when there is one.
	ID string `json:"id,omitempty"`
	// Fingerprint is stable across edits elsewhere in the files: it is
	// built from the kind and the item's identity, never from line numbers.
	Fingerprint string `json:"fingerprint"`
}

// Input is everything check compares.
type Input struct {
	Root      string     // the scanned folder, to resolve evidence paths
	ModelPath string     // the model file, relative to the working folder
	ModelRel  string     // the model file relative to Root, for findings
	Doc       *model.Doc // the model, with positions
	Facts     facts.Facts
	Draft     *model.Model // drafted from Facts
	Now       time.Time
	// Excluded says whether the scan left a file out (threatmap-check.yaml
	// exclude, --exclude); nil excludes nothing. A surface whose code is
	// all excluded, and the threats on it, are left out of the check as
	// the scan left out its code.
	Excluded func(file string) bool
	// Base is the model at the base revision (check --base), nil without:
	// a site a decided grouped threat gained since is reported even once
	// sync has recorded it.
	Base *model.Model
	// StalePage names the page threatmap rendered beside the model
	// (relative to Root, or as given) when it no longer shows the model.
	StalePage string
}

// Run returns every finding, sorted by level, kind and place.
func Run(in Input) []Finding {
	r := &runner{in: in, m: in.Doc.Model, excluded: excludedSurfaces(in)}
	r.rerate()
	r.drift()
	r.sitesAdded()
	r.stale()
	r.undecided()
	r.controls()
	r.eliminations()
	r.acceptances()
	r.review()
	r.secrets()
	if in.StalePage != "" {
		r.add("stale-page", fmt.Sprintf("%s does not show %s as it is: it was rendered before the model last changed", in.StalePage, in.ModelRel),
			"threatmap sync   # renders it again", in.StalePage, 1, "", in.StalePage)
	}
	SortFindings(r.out)
	return r.out
}

// SortFindings puts findings in report order: level, kind, file, line, id.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(LevelRank(a.Level), LevelRank(b.Level)), cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)),
			cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.ID, b.ID))
	})
}

func kindRank(id string) int {
	return slices.IndexFunc(Kinds, func(k Kind) bool { return k.ID == id })
}

type runner struct {
	in  Input
	m   *model.Model
	out []Finding
	// excluded holds the ids of surfaces whose code the scan left out.
	excluded map[string]bool
}

// rerate rates the model's threats for their surfaces' exposure as
// written (the rest of the check judges those ratings), and says which
// moved. A surface's drafted exposure is the one recorded in its match,
// else the one the scan shows for it now.
func (r *runner) rerate() {
	m, moved := model.Rerated(r.m, func(s *model.Surface) model.Exposure {
		if e := model.DraftedExposure(s); e != "" {
			return e
		}
		for i := range r.in.Draft.Surfaces {
			if d := &r.in.Draft.Surfaces[i]; s.Match.Covers(d.Match) {
				return d.Exposure
			}
		}
		return ""
	})
	r.m = m
	for _, rr := range moved {
		k := slices.IndexFunc(m.Surfaces, func(s model.Surface) bool { return s.ID == rr.Surface })
		t := slices.IndexFunc(m.Threats, func(t model.Threat) bool { return t.ID == rr.Threat })
		if r.skipThreat(&m.Threats[t]) {
			continue
		}
		file, line := r.at(fmt.Sprintf("surfaces[%d].exposure", k))
		why := "an internal-only surface is out of reach of an automated attacker on the internet without a foothold inside"
		if rr.Exposure != model.Internal {
			why = "automated attackers on the internet reach it without a foothold inside"
		}
		r.add("re-rated", fmt.Sprintf("threat %s re-rated from difficulty %s to %s: surface %s is %s in %s, where the code shows %s, and %s",
			rr.Threat, rr.From, rr.To, rr.Surface, orPublic(rr.Exposure), r.in.ModelRel, rr.Drafted, why),
			fmt.Sprintf("nothing to do if that is right; otherwise set surfaces[%d].exposure back to %s", k, rr.Drafted),
			file, line, rr.Threat, rr.Threat, string(rr.Exposure))
	}
}

func orPublic(e model.Exposure) model.Exposure {
	if e == "" {
		return model.Public
	}
	return e
}

// excludedSurfaces lists the model surfaces whose evidence is all in
// excluded paths. A surface without evidence names no code to exclude.
func excludedSurfaces(in Input) map[string]bool {
	out := map[string]bool{}
	if in.Excluded == nil {
		return out
	}
	for _, s := range in.Doc.Model.Surfaces {
		if len(s.Evidence) > 0 && !slices.ContainsFunc(s.Evidence, func(e model.Evidence) bool { return !in.Excluded(e.File) }) {
			out[s.ID] = true
		}
	}
	return out
}

// skipThreat says whether the check leaves a threat out: its code is gone
// or excluded from the scan.
func (r *runner) skipThreat(t *model.Threat) bool {
	return t.State == model.StateGone || r.excluded[t.Surface]
}

func (r *runner) add(kind, msg, fix, file string, line int, id string, identity ...string) {
	k, _ := KindByID(kind)
	h := sha256.Sum256([]byte(strings.Join(append([]string{kind}, identity...), "\x00")))
	r.out = append(r.out, Finding{Kind: kind, Level: k.Level, Message: msg, Fix: fix, File: file, Line: line, ID: id,
		Fingerprint: hex.EncodeToString(h[:8])})
}

// at is where a model path stands, for findings about the model.
func (r *runner) at(path string) (string, int) {
	return r.in.ModelRel, r.in.Doc.At(path).Line
}

func (r *runner) drift() {
	for i := range r.in.Draft.Surfaces {
		s := &r.in.Draft.Surfaces[i]
		// A grouped threat's surface stands for its sites: a site the
		// model does not know is drift of its own route, below.
		if r.m.FindSurface(s) >= 0 || len(r.grouped(s)) > 0 {
			continue
		}
		file, line := "", 0
		if len(s.Evidence) > 0 {
			file, line = s.Evidence[0].File, s.Evidence[0].Line
		}
		var rows []string
		for _, t := range r.in.Draft.Threats {
			if t.Surface == s.ID {
				rows = append(rows, fmt.Sprintf("%s (difficulty %s, impact %s)", t.ID, t.Difficulty, t.Impact))
			}
			if slices.ContainsFunc(t.Sites, func(x model.Site) bool { return x.Surface == s.ID }) {
				rows = append(rows, fmt.Sprintf("%s as a site (difficulty %s, impact %s)", t.ID, t.Difficulty, t.Impact))
			}
		}
		msg := fmt.Sprintf("the code has a surface the model does not know: %s", s.Name)
		if len(rows) > 0 {
			msg += "; it would add the rows " + strings.Join(rows, ", ")
		}
		fix := "threatmap sync   # adds it to threatmap.yaml, marked new:\n" + surfaceYAML(s)
		r.add("drift", msg, fix, file, line, s.ID, matchKey(s))
	}
}

// grouped lists the drafted grouped threats on the draft's surface s.
func (r *runner) grouped(s *model.Surface) []*model.Threat {
	var out []*model.Threat
	for i := range r.in.Draft.Threats {
		if t := &r.in.Draft.Threats[i]; t.Surface == s.ID && len(t.Sites) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// ownRow is the model's row of rule about a drafted site's route alone.
func (r *runner) ownRow(rule string, site model.Site) int {
	ds := r.in.Draft.SurfaceByID(site.Surface)
	if ds == nil {
		return -1
	}
	return r.m.OwnRow(rule, ds)
}

// groupRow is m's row of a drafted grouped threat: its rule on the surface
// that stands for the group's, or -1.
func groupRow(m *model.Model, draft *model.Model, t *model.Threat) int {
	ds := draft.SurfaceByID(t.Surface)
	if ds == nil {
		return -1
	}
	i := m.FindSurface(ds)
	if i < 0 {
		return -1
	}
	return slices.IndexFunc(m.Threats, func(x model.Threat) bool { return x.Rule == t.Rule && x.Surface == m.Surfaces[i].ID })
}

// sitesAdded reports the routes a decided grouped threat gained that its
// decision did not cover: the sites the model lists (or, with a base,
// listed at the base, when the decision was made before it), less those
// with a row of their own.
func (r *runner) sitesAdded() {
	for i := range r.in.Draft.Threats {
		dt := &r.in.Draft.Threats[i]
		if len(dt.Sites) == 0 {
			continue
		}
		k := groupRow(r.m, r.in.Draft, dt)
		if k < 0 {
			continue
		}
		t := &r.m.Threats[k]
		resp := t.EffectiveResponse()
		if r.skipThreat(t) || resp != model.Accept && resp != model.TransferRisk {
			continue
		}
		known, in, since := t.Sites, r.m, "threatmap.yaml does not list it yet"
		if b := r.in.Base; b != nil {
			if j := groupRow(b, r.in.Draft, dt); j >= 0 && sameDecision(&b.Threats[j], t) {
				known, in, since = b.Threats[j].Sites, b, "it was not among them at the base revision"
			}
		}
		who := "accepted"
		switch {
		case resp == model.TransferRisk && t.Transfer == nil:
			who = "transferred"
		case resp == model.Accept && t.Acceptance != nil:
			who = fmt.Sprintf("accepted by %s on %s", t.Acceptance.By, t.Acceptance.On)
		case resp == model.TransferRisk && t.Transfer != nil:
			who = "transferred to " + t.Transfer.To
		}
		for _, site := range dt.Sites {
			if in.SiteIn(r.in.Draft, site, known) || r.ownRow(dt.Rule, site) >= 0 {
				continue
			}
			file, line := "", 0
			if len(site.Evidence) > 0 {
				file, line = site.Evidence[0].File, site.Evidence[0].Line
			}
			r.add("site-added", fmt.Sprintf("threat %s was %s for the routes it listed; the code adds %s to it, and %s: the decision did not cover it", t.ID, who, site.Name, since),
				fmt.Sprintf("decide again for every route it lists now (threatmap sync records the new one first):\n  threatmap accept %s --by NAME --why TEXT --revisit YYYY-MM-DD\nor give %s the control the threat asks for", t.ID, site.Name),
				file, line, t.ID, t.ID, site.Name)
		}
	}
}

// siteNames lists a grouped threat's routes by name.
func siteNames(sites []model.Site) string {
	names := make([]string, len(sites))
	for i, s := range sites {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// sameDecision reports whether two versions of a threat record the same
// decision: a decision made again since the base covers what it lists now.
func sameDecision(a, b *model.Threat) bool {
	return a.EffectiveResponse() == b.EffectiveResponse() && reflect.DeepEqual(a.Acceptance, b.Acceptance) && reflect.DeepEqual(a.Transfer, b.Transfer)
}

func matchKey(s *model.Surface) string {
	if s.Match == nil {
		return s.ID
	}
	return s.Match.Method + " " + s.Match.Path + " " + s.Match.Fact
}

func surfaceYAML(s *model.Surface) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  - id: %s\n    kind: %s\n    direction: %s\n    name: %q\n", s.ID, s.Kind, s.Direction, s.Name)
	if s.Exposure != "" {
		fmt.Fprintf(&b, "    exposure: %s\n", s.Exposure)
	}
	if m := s.Match; m != nil {
		switch {
		case m.Fact != "":
			fmt.Fprintf(&b, "    match: {fact: %q}\n", m.Fact)
		case m.Method != "":
			fmt.Fprintf(&b, "    match: {method: %s, path: %q}\n", m.Method, m.Path)
		default:
			fmt.Fprintf(&b, "    match: {path: %q}\n", m.Path)
		}
	}
	return b.String()
}

// stale reports model surfaces tied to code (they have a match) that no
// scanned surface answers to any more.
func (r *runner) stale() {
	for i, s := range r.m.Surfaces {
		if s.Match == nil || s.State == model.StateGone || r.excluded[s.ID] {
			continue
		}
		found := false
		for j := range r.in.Draft.Surfaces {
			if s.Match.Covers(r.in.Draft.Surfaces[j].Match) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		file, line := r.at(fmt.Sprintf("surfaces[%d]", i))
		r.add("stale", fmt.Sprintf("surface %s (%s) is no longer in the code", s.ID, s.Name),
			"threatmap sync   # marks it gone; or delete the row and its threats", file, line, s.ID, s.ID)
	}
}

func (r *runner) undecided() {
	for i, t := range r.m.Threats {
		if r.skipThreat(&t) || t.EffectiveResponse() != model.Undecided {
			continue
		}
		if t.Difficulty != model.Easy || (t.Impact != model.High && t.Impact != model.Critical) {
			continue
		}
		file, line := r.at(fmt.Sprintf("threats[%d]", i))
		r.add("undecided", fmt.Sprintf("threat %s is easy for bots (difficulty low) with %s impact, and nobody decided what to do: %s", t.ID, t.Impact, t.Statement),
			fmt.Sprintf("set `response: mitigate` with its controls in threatmap.yaml, or record a decision:\n  threatmap accept %s --by NAME --why TEXT --revisit YYYY-MM-DD\n  threatmap transfer %s --to WHOM --how TEXT\n  threatmap eliminate %s --why TEXT", t.ID, t.ID, t.ID),
			file, line, t.ID, t.ID)
	}
}

// controls reports controls called implemented that the code does not show.
func (r *runner) controls() {
	surfaces := map[string]*model.Surface{}
	for i := range r.m.Surfaces {
		surfaces[r.m.Surfaces[i].ID] = &r.m.Surfaces[i]
	}
	for i, t := range r.m.Threats {
		if r.skipThreat(&t) {
			continue
		}
		for j, c := range t.Controls {
			if c.Status != model.Implemented {
				continue
			}
			if x := c.External; x != nil {
				file, line := r.at(fmt.Sprintf("threats[%d].controls[%d]", i, j))
				r.add("attested-control", fmt.Sprintf("threat %s: control %q is outside the repository: %s, set in %s, attested by %s on %s; not verified", t.ID, c.Text, x.What, x.Where, x.By, x.Date),
					"nothing to do while it holds; when it changes, update external: {what, where, by, date} in threatmap.yaml",
					file, line, t.ID, t.ID, c.Text, "external")
				continue
			}
			ev, checkable := r.verify(t, surfaces, c)
			if len(ev) > 0 {
				continue
			}
			// Evidence a person gave stands while the files it names exist
			// and, when a check applies, the lines it names show something
			// that check recognises: threatmap's checks cannot see every
			// way to wire a control to a route, but they know what one
			// looks like.
			if len(c.Evidence) > 0 && r.evidenceExists(c.Evidence) {
				if !checkable {
					continue
				}
				id := threat.CheckFor(c)
				controls, signals := threat.Vocabulary(id)
				if r.evidenceShows(c.Evidence, controls, signals) {
					continue
				}
				file, line := r.at(fmt.Sprintf("threats[%d].controls[%d]", i, j))
				r.add("unverified-control", fmt.Sprintf("threat %s: control %q is marked implemented, but its evidence does not show the control: %s has, within %d lines, none of what the %s check looks for (%s)",
					t.ID, c.Text, evidenceList(c.Evidence), nearLines, id, lookedFor(controls, signals)),
					fmt.Sprintf("point the evidence at the code that applies the control, or say where it stands:\n  threatmap control %s --text %q --status implemented --evidence FILE:LINE\n  threatmap control %s --text %q --status in-progress", t.ID, c.Text, t.ID, c.Text),
					file, line, t.ID, t.ID, c.Text, "evidence")
				continue
			}
			if !checkable && len(c.Evidence) == 0 {
				file, line := r.at(fmt.Sprintf("threats[%d].controls[%d]", i, j))
				r.add("unverified-control", fmt.Sprintf("threat %s: control %q is marked implemented, but threatmap cannot see it in code and no evidence is given", t.ID, c.Text),
					fmt.Sprintf("add the file:line that implements it:\n  threatmap control %s --text %q --status implemented --evidence FILE:LINE", t.ID, c.Text),
					file, line, t.ID, t.ID, c.Text)
				continue
			}
			file, line := r.at(fmt.Sprintf("threats[%d].controls[%d]", i, j))
			r.add("unverified-control", fmt.Sprintf("threat %s: control %q is marked implemented, but the code shows no evidence of it", t.ID, c.Text),
				fmt.Sprintf("implement it, or say where it stands:\n  threatmap control %s --text %q --status in-progress", t.ID, c.Text),
				file, line, t.ID, t.ID, c.Text)
		}
	}
}

// verify looks for a threat's control in the code: at its surface, or,
// for a grouped threat, at every site, as the draft does.
func (r *runner) verify(t model.Threat, surfaces map[string]*model.Surface, c model.Control) ([]model.Evidence, bool) {
	if len(t.Sites) == 0 {
		return threat.Verify(r.in.Facts, surfaces[t.Surface], c)
	}
	var all []model.Evidence
	for _, site := range t.Sites {
		ev, checkable := threat.Verify(r.in.Facts, surfaces[site.Surface], c)
		if !checkable || len(ev) == 0 {
			return nil, checkable
		}
		all = append(all, ev...)
	}
	return all, true
}

// nearLines is how far from the line a person cites the control may be.
const nearLines = 5

// maxEvidenceFile caps a cited file read for its lines.
const maxEvidenceFile = 4 << 20

// evidenceShows reports whether one of the cited lines, or the lines near
// it, shows a control or signal of the kinds given (the whole file when no
// line is cited).
func (r *runner) evidenceShows(ev []model.Evidence, controls, signals []string) bool {
	for _, e := range ev {
		data, err := source.ReadFile(r.in.Root, e.File, maxEvidenceFile)
		if err != nil {
			continue
		}
		text := string(data)
		if e.Line > 0 {
			lines := strings.Split(text, "\n")
			from, to := max(e.Line-1-nearLines, 0), min(e.Line+nearLines, len(lines))
			if from >= to {
				continue
			}
			text = strings.Join(lines[from:to], "\n")
		}
		if signal.Recognises(text, controls, signals) {
			return true
		}
	}
	return false
}

func evidenceList(ev []model.Evidence) string {
	parts := make([]string, len(ev))
	for i, e := range ev {
		parts[i] = e.String()
	}
	return strings.Join(parts, ", ")
}

// lookedFor says in words what a check looks for.
func lookedFor(controls, signals []string) string {
	var parts []string
	if len(controls) > 0 {
		parts = append(parts, "controls: "+strings.Join(controls, ", "))
	}
	if len(signals) > 0 {
		parts = append(parts, "in a route's code or middleware: "+strings.Join(signals, ", "))
	}
	return strings.Join(parts, "; ")
}

func (r *runner) evidenceExists(ev []model.Evidence) bool {
	for _, e := range ev {
		// A file of the tree, reached without a link: a link can point
		// anywhere, so what it leads to proves nothing about this code.
		if _, err := source.StatFile(r.in.Root, e.File); err != nil {
			return false
		}
	}
	return true
}

// eliminations reports threats marked eliminated whose surface the scan
// still finds, with the rule that drafted the threat still firing on it (a
// threat written by hand stands while its surface does).
func (r *runner) eliminations() {
	for _, t := range r.m.Threats {
		if t.EffectiveResponse() != model.Eliminate || r.skipThreat(&t) {
			continue
		}
		k := slices.IndexFunc(r.m.Surfaces, func(s model.Surface) bool { return s.ID == t.Surface })
		if k < 0 || r.m.Surfaces[k].Match == nil || r.m.Surfaces[k].State == model.StateGone {
			continue // no code to look for
		}
		ms := &r.m.Surfaces[k]
		for i := range r.in.Draft.Surfaces {
			ds := &r.in.Draft.Surfaces[i]
			if !ms.Match.Covers(ds.Match) || (t.Rule != "" && !r.drafts(t.Rule, ds.ID)) {
				continue
			}
			file, line := "", 0
			if len(ds.Evidence) > 0 {
				file, line = ds.Evidence[0].File, ds.Evidence[0].Line
			} else {
				file, line = r.at(fmt.Sprintf("surfaces[%d]", k))
			}
			why := ""
			if t.Elimination != nil && t.Elimination.Why != "" {
				why = fmt.Sprintf(" (%q)", t.Elimination.Why)
			}
			what := "its surface " + ds.Name + " is"
			if dt := slices.IndexFunc(r.in.Draft.Threats, func(x model.Threat) bool { return x.Surface == ds.ID && x.Rule == t.Rule && len(x.Sites) > 0 }); dt >= 0 {
				what = "its routes " + siteNames(r.in.Draft.Threats[dt].Sites) + " are"
			}
			r.add("not-eliminated", fmt.Sprintf("threat %s is marked eliminated%s, but %s still in the code", t.ID, why, what),
				fmt.Sprintf("remove the surface, or record what was decided instead:\n  threatmap control %s --text TEXT --status planned\n  threatmap accept %s --by NAME --why TEXT --revisit YYYY-MM-DD", t.ID, t.ID),
				file, line, t.ID, t.ID)
			break
		}
	}
}

// drafts reports whether the rule drafts a threat on the scanned surface.
func (r *runner) drafts(rule, surface string) bool {
	return slices.ContainsFunc(r.in.Draft.Threats, func(t model.Threat) bool { return t.Rule == rule && t.Surface == surface })
}

func (r *runner) acceptances() {
	today := model.NewDate(r.in.Now)
	for i, t := range r.m.Threats {
		if t.EffectiveResponse() != model.Accept || t.Acceptance == nil || r.skipThreat(&t) {
			continue
		}
		if t.Acceptance.Revisit.IsZero() || !t.Acceptance.Revisit.Before(today.Time) {
			continue
		}
		file, line := r.at(fmt.Sprintf("threats[%d].acceptance.revisit", i))
		r.add("acceptance-expired", fmt.Sprintf("threat %s was accepted by %s on %s until %s; that date has passed", t.ID, t.Acceptance.By, t.Acceptance.On, t.Acceptance.Revisit),
			fmt.Sprintf("revisit it: threatmap accept %s --by NAME --why TEXT --revisit YYYY-MM-DD, or change its response", t.ID),
			file, line, t.ID, t.ID, t.Acceptance.Revisit.String())
	}
}

func (r *runner) review() {
	due, ever := r.m.ReviewDue()
	today := model.NewDate(r.in.Now)
	file, line := r.at("review")
	switch {
	case !ever:
		r.add("review-overdue", "the threat model has never been reviewed",
			"read it through with the team, then: threatmap review --by NAME", file, line, "", "never")
	case due.Before(today.Time):
		r.add("review-overdue", fmt.Sprintf("the last review was on %s by %s; the next was due on %s", r.m.Review.Last.On, r.m.Review.Last.By, due.Format(model.DateLayout)),
			"check the model still reflects what you run, then: threatmap review --by NAME", file, line, "", "overdue")
	}
}

// secrets reports committed secrets, unless the model records a decision
// on the surface that holds them (an accepted sample key, say).
func (r *runner) secrets() {
	decided := map[string]bool{}
	for _, t := range r.m.Threats {
		if t.EffectiveResponse() == model.Accept || t.EffectiveResponse() == model.TransferRisk || t.EffectiveResponse() == model.Eliminate {
			for _, s := range r.m.Surfaces {
				if s.ID == t.Surface && s.Match != nil && strings.HasPrefix(s.Match.Fact, model.SecretsFact) {
					// A surface of copies names each file that holds one.
					for _, f := range strings.Split(strings.TrimPrefix(s.Match.Fact, model.SecretsFact), ",") {
						decided[f] = true
					}
				}
			}
		}
	}
	for _, s := range r.in.Facts.Secrets {
		if decided[s.File] {
			continue
		}
		what := s.Rule
		if s.Variable != "" {
			what = s.Variable + " (" + s.Rule + ")"
		}
		if s.Commit != "" {
			r.add("secret-committed", fmt.Sprintf("secret in git history (commit %.12s): %s = %s", s.Commit, what, s.Redacted),
				"rotate it: it is in every clone until history is rewritten, and rewriting does not reach clones already made",
				s.File, s.Line, "", s.File, s.Rule, s.Variable, s.Redacted, s.Commit)
			continue
		}
		r.add("secret-committed", fmt.Sprintf("secret committed: %s = %s", what, s.Redacted),
			"rotate it, remove it from the code and from git history, and read it from the environment or a secret store",
			s.File, s.Line, "", s.File, s.Rule, s.Variable, s.Redacted)
	}
}
