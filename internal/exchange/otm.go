package exchange

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/model"
)

// OTMVersion is the Open Threat Model version written and read.
const OTMVersion = "0.2.0"

// The OTM document, as far as threatmap writes and reads it. Field order
// is the spec's; optional fields are omitted when empty.
type (
	OTM struct {
		OTMVersion      string          `json:"otmVersion"`
		Project         OTMProject      `json:"project"`
		Representations []OTMRepr       `json:"representations,omitempty"`
		Assets          []OTMAsset      `json:"assets,omitempty"`
		TrustZones      []OTMTrustZone  `json:"trustZones"`
		Components      []OTMComponent  `json:"components,omitempty"`
		Dataflows       []OTMDataflow   `json:"dataflows"`
		Threats         []OTMThreat     `json:"threats,omitempty"`
		Mitigations     []OTMMitigation `json:"mitigations,omitempty"`
	}
	OTMProject struct {
		Name        string   `json:"name"`
		ID          string   `json:"id"`
		Description string   `json:"description,omitempty"`
		Owner       string   `json:"owner,omitempty"`
		Tags        []string `json:"tags,omitempty"`
		Attributes  Attrs    `json:"attributes,omitempty"`
	}
	OTMRepr struct {
		Name        string `json:"name"`
		ID          string `json:"id"`
		Type        string `json:"type"`
		Description string `json:"description,omitempty"`
		Attributes  Attrs  `json:"attributes,omitempty"`
	}
	OTMAsset struct {
		Name        string       `json:"name"`
		ID          string       `json:"id"`
		Description string       `json:"description,omitempty"`
		Risk        OTMAssetRisk `json:"risk"`
		Attributes  Attrs        `json:"attributes,omitempty"`
	}
	OTMAssetRisk struct {
		Confidentiality float64 `json:"confidentiality"`
		Integrity       float64 `json:"integrity"`
		Availability    float64 `json:"availability"`
		Comment         string  `json:"comment,omitempty"`
	}
	OTMTrustZone struct {
		ID          string       `json:"id"`
		Name        string       `json:"name"`
		Type        string       `json:"type,omitempty"`
		Description string       `json:"description,omitempty"`
		Risk        OTMTrustRisk `json:"risk"`
		Parent      *OTMParent   `json:"parent,omitempty"`
		Attributes  Attrs        `json:"attributes,omitempty"`
	}
	OTMTrustRisk struct {
		TrustRating float64 `json:"trustRating"`
	}
	// OTMParent is one trust zone or one component. The README's
	// examples write {id, type} instead, which is read too.
	OTMParent struct {
		TrustZone string `json:"trustZone,omitempty"`
		Component string `json:"component,omitempty"`
		ID        string `json:"id,omitempty"`
		Type      string `json:"type,omitempty"`
	}
	OTMComponent struct {
		ID              string               `json:"id"`
		Name            string               `json:"name"`
		Type            string               `json:"type"`
		Description     string               `json:"description,omitempty"`
		Parent          OTMParent            `json:"parent"`
		Representations list[OTMReprElement] `json:"representations,omitempty"`
		Assets          *OTMAssetInstance    `json:"assets,omitempty"`
		Threats         []OTMThreatInstance  `json:"threats,omitempty"`
		Tags            []string             `json:"tags,omitempty"`
		Attributes      Attrs                `json:"attributes,omitempty"`
	}
	OTMReprElement struct {
		Representation string  `json:"representation"`
		Name           string  `json:"name,omitempty"`
		ID             string  `json:"id"`
		File           string  `json:"file,omitempty"`
		Line           float64 `json:"line,omitempty"`
		Attributes     Attrs   `json:"attributes,omitempty"`
	}
	OTMAssetInstance struct {
		Processed []string `json:"processed,omitempty"`
		Stored    []string `json:"stored,omitempty"`
	}
	OTMThreatInstance struct {
		Threat      string                  `json:"threat"`
		State       string                  `json:"state"`
		Mitigations []OTMMitigationInstance `json:"mitigations,omitempty"`
	}
	OTMMitigationInstance struct {
		Mitigation string `json:"mitigation"`
		State      string `json:"state"`
	}
	OTMDataflow struct {
		ID            string              `json:"id"`
		Name          string              `json:"name"`
		Description   string              `json:"description,omitempty"`
		Bidirectional bool                `json:"bidirectional,omitempty"`
		Source        string              `json:"source"`
		Destination   string              `json:"destination"`
		Assets        []string            `json:"assets,omitempty"`
		Threats       []OTMThreatInstance `json:"threats,omitempty"`
		Tags          []string            `json:"tags,omitempty"`
		Attributes    Attrs               `json:"attributes,omitempty"`
	}
	OTMThreat struct {
		ID          string        `json:"id"`
		Name        string        `json:"name"`
		Description string        `json:"description,omitempty"`
		Categories  []string      `json:"categories,omitempty"`
		CWEs        []string      `json:"cwes,omitempty"`
		Risk        OTMThreatRisk `json:"risk"`
		Tags        []string      `json:"tags,omitempty"`
		Attributes  Attrs         `json:"attributes,omitempty"`
	}
	OTMThreatRisk struct {
		Likelihood        *float64 `json:"likelihood"`
		LikelihoodComment string   `json:"likelihoodComment,omitempty"`
		Impact            float64  `json:"impact"`
		ImpactComment     string   `json:"impactComment,omitempty"`
	}
	OTMMitigation struct {
		ID            string  `json:"id"`
		Name          string  `json:"name"`
		Description   string  `json:"description,omitempty"`
		RiskReduction float64 `json:"riskReduction"`
		Attributes    Attrs   `json:"attributes,omitempty"`
	}
)

// The representation every code location refers to.
const codeRepr = "code"

// Component types threatmap writes besides its surface kinds.
const contextType = "threatmap-context"

// Threat states, as IriusRisk names them (OTM leaves the values open).
const (
	stateExposed       = "exposed"
	stateMitigated     = "mitigated"
	statePartly        = "partly-mitigated"
	stateAccepted      = "accepted"
	stateTransferred   = "transferred"
	stateNotApplicable = "not-applicable"
)

// Mitigation states.
const (
	mitigationRequired    = "required"
	mitigationImplemented = "implemented"
)

// attribute keys: what OTM has no field for, kept so that import can
// restore it. Each starts with "threatmap.".
const attr = "threatmap."

// zoneID and contextID keep the ids of zones and of the components that
// stand for a whole context apart from surface ids, which hold no ':'.
func zoneID(c string) string    { return "zone:" + c }
func contextID(c string) string { return "context:" + c }

// NewOTM maps m to an Open Threat Model document.
func NewOTM(m *model.Model) *OTM {
	l := newLayout(m)
	o := &OTM{OTMVersion: OTMVersion, TrustZones: []OTMTrustZone{}, Dataflows: []OTMDataflow{}}
	// The generator attribute tells threatmap's own files from others', so
	// -o replaces only what threatmap wrote (internal/output).
	o.Project = OTMProject{Name: m.Product.Name, ID: symbol(m.Product.Name), Description: m.Product.Description,
		Attributes: map[string]string{Generator: "threatmap"}}
	if r := m.Review; r.Last != nil || !r.Every.IsZero() {
		if r.Last != nil {
			o.Project.Attributes[attr+"review.last.on"] = r.Last.On.String()
			o.Project.Attributes[attr+"review.last.by"] = r.Last.By
		}
		if !r.Every.IsZero() {
			o.Project.Attributes[attr+"review.every"] = r.Every.String()
		}
	}
	o.Representations = []OTMRepr{{Name: "Source code", ID: codeRepr, Type: "code",
		Description: "The repository threatmap read: file and line of each component's evidence."}}

	for _, a := range m.Assets {
		o.Assets = append(o.Assets, otmAsset(a))
	}
	for _, c := range l.contexts {
		name := c
		if c == unplaced {
			name = "No trust boundary recorded"
		}
		o.TrustZones = append(o.TrustZones, OTMTrustZone{ID: zoneID(c), Name: name, Risk: OTMTrustRisk{TrustRating: float64(l.trust(c))}})
	}

	// A component for each context that is only ever the far end of a
	// flow (a browser, a provider calling a webhook), so every flow joins
	// two components.
	needContext := map[string]bool{}
	for _, s := range m.Surfaces {
		if p := l.place[s.ID]; p.other != "" {
			needContext[p.other] = true
		}
	}
	// A boundary no surface names is still a crossing: a flow between
	// the components of its two sides.
	named := map[string]bool{}
	for _, s := range m.Surfaces {
		named[s.Boundary] = true
	}
	for _, b := range m.Boundaries {
		if !named[b.ID] {
			needContext[b.From], needContext[b.To] = true, true
		}
	}
	flows := map[string][]OTMDataflow{} // boundary id → its flows
	for _, c := range l.contexts {
		if needContext[c] {
			o.Components = append(o.Components, OTMComponent{ID: contextID(c), Name: c, Type: contextType,
				Description: "The " + c + " side of the model's trust boundaries.", Parent: OTMParent{TrustZone: zoneID(c)}})
		}
	}

	mitigationIDs := map[string][]string{} // threat id → its controls' mitigation ids
	for _, t := range m.Threats {
		ot, ms := otmThreat(t)
		o.Threats = append(o.Threats, ot)
		o.Mitigations = append(o.Mitigations, ms...)
		for _, x := range ms {
			mitigationIDs[t.ID] = append(mitigationIDs[t.ID], x.ID)
		}
	}
	for _, s := range m.Surfaces {
		p := l.place[s.ID]
		c := OTMComponent{ID: s.ID, Name: s.Name, Type: string(s.Kind), Parent: OTMParent{TrustZone: zoneID(p.zone)},
			Attributes: surfaceAttributes(s)}
		for _, ev := range s.Evidence {
			c.Representations = append(c.Representations, OTMReprElement{Representation: codeRepr,
				ID: s.ID + "@" + ev.String(), Name: ev.String(), File: ev.File, Line: float64(ev.Line)})
		}
		if len(s.Assets) > 0 {
			if s.Direction == model.Store {
				c.Assets = &OTMAssetInstance{Stored: s.Assets}
			} else {
				c.Assets = &OTMAssetInstance{Processed: s.Assets}
			}
		}
		for _, t := range m.Threats {
			if t.Surface != s.ID {
				continue
			}
			inst := OTMThreatInstance{Threat: t.ID, State: threatState(&t)}
			for i, ctl := range t.Controls {
				inst.Mitigations = append(inst.Mitigations, OTMMitigationInstance{Mitigation: mitigationIDs[t.ID][i], State: mitigationState(ctl.Status)})
			}
			c.Threats = append(c.Threats, inst)
		}
		o.Components = append(o.Components, c)
		if p.other == "" {
			continue
		}
		b := l.boundary[s.Boundary]
		f := OTMDataflow{ID: "flow:" + s.ID, Name: boundaryName(b) + ": " + s.Name, Assets: s.Assets,
			Attributes: map[string]string{attr + "boundary": b.ID}}
		if b.Name != "" {
			f.Attributes[attr+"boundary.name"] = b.Name
		}
		if p.inbound {
			f.Source, f.Destination = contextID(p.other), s.ID
		} else {
			f.Source, f.Destination = s.ID, contextID(p.other)
		}
		if s.Exposure != "" {
			f.Tags = []string{string(s.Exposure)}
		}
		flows[b.ID] = append(flows[b.ID], f)
	}
	// Flows in the order of their boundaries, so the boundaries read back
	// in the model's order.
	for _, b := range m.Boundaries {
		if !named[b.ID] {
			f := OTMDataflow{ID: "boundary:" + b.ID, Name: boundaryName(b), Source: contextID(b.From), Destination: contextID(b.To),
				Attributes: Attrs{attr + "boundary": b.ID}}
			if b.Name != "" {
				f.Attributes[attr+"boundary.name"] = b.Name
			}
			flows[b.ID] = append(flows[b.ID], f)
		}
		o.Dataflows = append(o.Dataflows, flows[b.ID]...)
		delete(flows, b.ID)
	}
	return o
}

func boundaryName(b model.Boundary) string {
	if b.Name != "" {
		return b.Name
	}
	return b.From + " to " + b.To
}

// otmAsset rates an asset's confidentiality, integrity and availability
// from its one impact: the bucket says which of the three it is about.
func otmAsset(a model.Asset) OTMAsset {
	score := float64(impactScore[a.Impact])
	risk := OTMAssetRisk{Comment: "threatmap rates one impact per asset (" + string(a.Impact) + "), on what its bucket (" + string(a.Kind) + ") puts at stake."}
	switch a.Kind {
	case model.Integrity:
		risk.Integrity = score
	case model.Credentials:
		risk.Confidentiality, risk.Integrity = score, score
	default:
		risk.Confidentiality = score
	}
	out := OTMAsset{Name: a.Name, ID: a.ID, Description: a.Description, Risk: risk,
		Attributes: map[string]string{attr + "kind": string(a.Kind), attr + "impact": string(a.Impact)}}
	if len(a.Fields) > 0 {
		out.Attributes[attr+"fields"] = strings.Join(a.Fields, ", ")
	}
	return out
}

func surfaceAttributes(s model.Surface) map[string]string {
	a := map[string]string{attr + "direction": string(s.Direction)}
	set := func(k, v string) {
		if v != "" {
			a[attr+k] = v
		}
	}
	set("exposure", string(s.Exposure))
	set("boundary", s.Boundary)
	if s.Owned != nil && !*s.Owned {
		a[attr+"owned"] = "false"
	}
	if mt := s.Match; mt != nil {
		set("match.method", mt.Method)
		set("match.path", mt.Path)
		set("match.fact", mt.Fact)
		set("match.exposure", string(mt.Exposure))
	}
	return a
}

// otmThreat is a threat and its controls, one mitigation each.
func otmThreat(t model.Threat) (OTMThreat, []OTMMitigation) {
	name := t.Title
	if name == "" {
		name = t.Abuse
	}
	if name == "" {
		name = t.Statement
	}
	like := float64(likelihood[t.Difficulty])
	out := OTMThreat{ID: t.ID, Name: name, Description: t.Statement, CWEs: t.CWE,
		Risk: OTMThreatRisk{Likelihood: &like, LikelihoodComment: t.DifficultyReason,
			Impact: float64(impactScore[t.Impact]), ImpactComment: t.ImpactReason}}
	for _, l := range t.Stride {
		if n, ok := strideNames[l]; ok {
			out.Categories = append(out.Categories, n)
		}
	}
	a := map[string]string{
		attr + "surface": t.Surface, attr + "difficulty": string(t.Difficulty), attr + "impact": string(t.Impact),
		attr + "response": string(t.EffectiveResponse()), attr + "stride": t.Stride.String(),
	}
	set := func(k, v string) {
		if v != "" {
			a[attr+k] = v
		}
	}
	set("rule", t.Rule)
	set("title", t.Title)
	set("abuse", t.Abuse)
	set("owner", t.Owner)
	set("where", t.Where)
	set("assets", strings.Join(t.Assets, ", "))
	set("evidence", evidenceList(t.Evidence))
	set("sites", sitesAttr(t.Sites))
	if x := t.Acceptance; x != nil {
		set("acceptance.by", x.By)
		set("acceptance.on", x.On.String())
		set("acceptance.why", x.Why)
		set("acceptance.revisit", x.Revisit.String())
	}
	if x := t.Transfer; x != nil {
		set("transfer.to", x.To)
		set("transfer.how", x.How)
		set("transfer.by", x.By)
		set("transfer.on", x.On.String())
	}
	if x := t.Elimination; x != nil {
		set("elimination.why", x.Why)
		set("elimination.by", x.By)
		set("elimination.on", x.On.String())
	}
	out.Attributes = a
	if t.Rule != "" {
		out.Tags = []string{t.Rule}
	}
	var ms []OTMMitigation
	for i, c := range t.Controls {
		share := 100 / float64(len(t.Controls))
		mx := OTMMitigation{ID: t.ID + "/control-" + strconv.Itoa(i+1), Name: c.Text,
			RiskReduction: float64(int(share + 0.5)), Attributes: map[string]string{attr + "status": string(c.Status)}}
		if len(c.Evidence) > 0 {
			mx.Attributes[attr+"evidence"] = evidenceList(c.Evidence)
			mx.Description = "Evidence: " + evidenceList(c.Evidence)
		}
		if c.Check != "" {
			mx.Attributes[attr+"check"] = c.Check
		}
		if x := c.External; x != nil {
			mx.Attributes[attr+"external.what"] = x.What
			mx.Attributes[attr+"external.where"] = x.Where
			mx.Attributes[attr+"external.by"] = x.By
			mx.Attributes[attr+"external.date"] = x.Date.String()
			mx.Description = "Outside the repository: " + x.What + " (" + x.Where + "), attested by " + x.By + " on " + x.Date.String()
		}
		ms = append(ms, mx)
	}
	return out, ms
}

// sitesAttr is a grouped threat's sites as one attribute: OTM's attributes
// are text, and a site's name may hold any character, so the list is JSON
// ([{"surface":...,"name":...,"evidence":[{"file":...,"line":...}]}]).
func sitesAttr(sites []model.Site) string {
	if len(sites) == 0 {
		return ""
	}
	b, err := json.Marshal(sites)
	if err != nil {
		return "" // a Site is strings and numbers: it always marshals
	}
	return string(b)
}

func evidenceList(ev []model.Evidence) string {
	s := make([]string, len(ev))
	for i, e := range ev {
		s[i] = e.String()
	}
	return strings.Join(s, ", ")
}

// threatState is the threat's state as IriusRisk names them.
func threatState(t *model.Threat) string {
	switch t.EffectiveResponse() {
	case model.Accept:
		return stateAccepted
	case model.TransferRisk:
		return stateTransferred
	case model.Eliminate:
		return stateNotApplicable
	}
	done := 0
	for _, c := range t.Controls {
		if c.Status == model.Implemented {
			done++
		}
	}
	switch {
	case len(t.Controls) > 0 && done == len(t.Controls):
		return stateMitigated
	case done > 0:
		return statePartly
	}
	return stateExposed
}

func mitigationState(s model.ControlStatus) string {
	if s == model.Implemented {
		return mitigationImplemented
	}
	return mitigationRequired
}

// Generator is the OTM project attribute that names the tool that wrote
// the file.
const Generator = attr + "generator"

// WriteOTM writes m as indented OTM JSON.
func WriteOTM(w io.Writer, m *model.Model) error { return writeJSON(w, NewOTM(m)) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
