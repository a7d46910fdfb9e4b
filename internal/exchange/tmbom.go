package exchange

import (
	"io"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/model"
)

// TMBOMSchema is the TM-BOM schema version written: its $schema value.
const TMBOMSchema = "https://github.com/OWASP/www-project-threat-model-library/blob/v1.0.2/threat-model.schema.json"

// Extension keys: threatmap's non-standard data in a TM-BOM document. The
// generator key tells threatmap's own files from others' (so -o replaces
// only what threatmap wrote) and sorts first, before the threats' decisions
// the schema has no field for.
const (
	GeneratorKey = "github.com/threatmap/threatmap/generator"
	extensionKey = "github.com/threatmap/threatmap/threats"
	// sitesKey holds, by threat symbolic name, the routes a grouped
	// threat stands for (threats[] admits no field of its own).
	sitesKey = "github.com/threatmap/threatmap/sites"
)

// The TM-BOM document as threatmap writes it. Every object in the schema
// forbids properties it does not define, so these hold exactly its fields.
type (
	TMBOM struct {
		Schema string `json:"$schema"`
		// Extensions come second, so the first bytes say who wrote the
		// file (output.Ours); JSON objects have no order to keep.
		Extensions      map[string]any   `json:"extensions"`
		Version         string           `json:"version"`
		Scope           TMBOMScope       `json:"scope"`
		Description     string           `json:"description,omitempty"`
		ReviewedAt      string           `json:"reviewed_at,omitempty"`
		Diagrams        []TMBOMDiagram   `json:"diagrams,omitempty"`
		TrustZones      []TMBOMTrustZone `json:"trust_zones"`
		TrustBoundaries []TMBOMBoundary  `json:"trust_boundaries"`
		Actors          []TMBOMActor     `json:"actors"`
		Components      []TMBOMComponent `json:"components"`
		DataStores      []TMBOMDataStore `json:"data_stores"`
		DataSets        []TMBOMDataSet   `json:"data_sets"`
		DataFlows       []TMBOMDataFlow  `json:"data_flows"`
		ThreatPersonas  []TMBOMPersona   `json:"threat_personas,omitempty"`
		Threats         []TMBOMThreat    `json:"threats,omitempty"`
		Controls        []TMBOMControl   `json:"controls,omitempty"`
		Risks           []TMBOMRisk      `json:"risks,omitempty"`
	}
	TMBOMScope struct {
		Title               string   `json:"title"`
		Description         string   `json:"description"`
		BusinessCriticality string   `json:"business_criticality"`
		DataSensitivity     []string `json:"data_sensitivity"`
		Exposure            string   `json:"exposure"`
		Tier                string   `json:"tier"`
	}
	TMBOMDiagram struct {
		Title       string `json:"title"`
		Description string `json:"description,omitempty"`
		Type        string `json:"type"`
		Source      string `json:"source"`
	}
	TMBOMTrustZone struct {
		SymbolicName string `json:"symbolic_name"`
		Title        string `json:"title"`
		Description  string `json:"description"`
	}
	TMBOMBoundary struct {
		TrustZoneA string `json:"trust_zone_a"`
		TrustZoneB string `json:"trust_zone_b"`
	}
	TMBOMActor struct {
		SymbolicName string `json:"symbolic_name"`
		Title        string `json:"title"`
		Description  string `json:"description"`
		Type         string `json:"type"`
		TrustZone    string `json:"trust_zone"`
	}
	TMBOMComponent struct {
		SymbolicName string `json:"symbolic_name"`
		Title        string `json:"title"`
		Description  string `json:"description"`
		TrustZone    string `json:"trust_zone"`
	}
	TMBOMDataStore struct {
		SymbolicName string `json:"symbolic_name"`
		Title        string `json:"title"`
		Description  string `json:"description"`
		Type         string `json:"type"`
		TrustZone    string `json:"trust_zone"`
	}
	TMBOMDataSet struct {
		SymbolicName    string           `json:"symbolic_name"`
		Title           string           `json:"title"`
		Description     string           `json:"description"`
		Placements      []TMBOMPlacement `json:"placements"`
		DataSensitivity []string         `json:"data_sensitivity"`
	}
	TMBOMPlacement struct {
		DataStore string `json:"data_store"`
	}
	TMBOMRef struct {
		Type   string `json:"type"`
		Object string `json:"object"`
	}
	TMBOMDataFlow struct {
		SymbolicName     string   `json:"symbolic_name"`
		Title            string   `json:"title"`
		Description      string   `json:"description"`
		Source           TMBOMRef `json:"source"`
		Destination      TMBOMRef `json:"destination"`
		HasSensitiveData bool     `json:"has_sensitive_data"`
		Encrypted        bool     `json:"encrypted"`
	}
	TMBOMPersona struct {
		SymbolicName       string `json:"symbolic_name"`
		Title              string `json:"title"`
		Description        string `json:"description"`
		IsPerson           bool   `json:"is_person"`
		SkillLevel         string `json:"skill_level"`
		AccessLevel        string `json:"access_level"`
		MaliciousIntent    bool   `json:"malicious_intent"`
		ApplicabilityToOrg string `json:"applicability_to_org"`
	}
	TMBOMThreat struct {
		SymbolicName       string     `json:"symbolic_name"`
		Title              string     `json:"title"`
		Description        string     `json:"description"`
		ComponentsAffected []string   `json:"components_affected,omitempty"`
		ThreatPersona      string     `json:"threat_persona"`
		Event              string     `json:"event"`
		Sources            []string   `json:"sources"`
		Weaknesses         []TMBOMCWE `json:"weaknesses,omitempty"`
	}
	TMBOMCWE struct {
		CWEID int `json:"cwe_id"`
	}
	TMBOMControl struct {
		SymbolicName  string         `json:"symbolic_name"`
		Title         string         `json:"title"`
		Description   string         `json:"description"`
		Threats       []string       `json:"threats"`
		TrustBoundary *TMBOMBoundary `json:"trust_boundary,omitempty"`
		Status        string         `json:"status"`
		Priority      string         `json:"priority"`
	}
	TMBOMRisk struct {
		SymbolicName      string   `json:"symbolic_name"`
		Title             string   `json:"title"`
		Description       string   `json:"description"`
		Threats           []string `json:"threats"`
		Likelihood        string   `json:"likelihood"`
		Impact            string   `json:"impact"`
		ImpactDescription string   `json:"impact_description"`
		Score             int      `json:"score"`
		Level             string   `json:"level"`
	}
)

// TM-BOM's five-step scales, 1 to 5, and threatmap's levels on them.
var (
	tmLikelihood = []string{"rare", "unlikely", "possible", "likely", "certain"}
	tmImpact     = []string{"negligible", "minor", "moderate", "major", "severe"}
	// difficulty → likelihood step: easy for a bot is likely.
	likelihoodStep = map[model.Difficulty]int{model.Easy: 4, model.Moderate: 3, model.Hard: 2}
	impactStep     = map[model.Level]int{model.Low: 2, model.Medium: 3, model.High: 4, model.Critical: 5}
)

// riskLevel is the spec's band for a score (likelihood × impact, 1-25).
func riskLevel(score int) string {
	switch {
	case score <= 2:
		return "very_low"
	case score <= 4:
		return "low"
	case score <= 9:
		return "medium"
	case score <= 12:
		return "high"
	case score <= 16:
		return "very_high"
	}
	return "critical"
}

// priorityOf is a control's priority: its threat's risk band, on the
// priority scale.
func priorityOf(level string) string {
	switch level {
	case "very_low", "low":
		return "low"
	case "medium":
		return "medium"
	case "high", "very_high":
		return "high"
	}
	return "critical"
}

// The threat personas: threatmap rates every threat for a zero-knowledge,
// automated attacker, who reaches a surface as its exposure allows.
var personas = []TMBOMPersona{
	{SymbolicName: "automated-attacker", Title: "Automated attacker",
		Description: "A zero-knowledge, automated attacker on the internet: scanners and bots that find what is exposed and try it.",
		SkillLevel:  "script_kid", AccessLevel: "anonymous", MaliciousIntent: true, ApplicabilityToOrg: "maximal"},
	{SymbolicName: "automated-attacker-with-account", Title: "Automated attacker with an account",
		Description: "The same attacker after a free signup: it holds a valid session.",
		SkillLevel:  "script_kid", AccessLevel: "user", MaliciousIntent: true, ApplicabilityToOrg: "high"},
	{SymbolicName: "insider", Title: "Attacker with a foothold inside",
		Description: "An attacker who already reaches the internal network, the repository or CI.",
		SkillLevel:  "insider", AccessLevel: "user", MaliciousIntent: true, ApplicabilityToOrg: "moderate"},
}

func personaFor(e model.Exposure) string {
	switch e {
	case model.Authenticated:
		return "automated-attacker-with-account"
	case model.Internal:
		return "insider"
	}
	return "automated-attacker"
}

// sensitivity is what an asset's bucket holds, in TM-BOM's terms.
var sensitivity = map[model.AssetKind]string{model.UserData: "pii", model.Credentials: "cred", model.Integrity: "biz"}

// storeType is TM-BOM's data store type for a scanned store's kind (the
// second part of a store fact's id, store:KIND:name).
func storeType(s model.Surface) string {
	kind := ""
	if s.Match != nil {
		if rest, ok := strings.CutPrefix(s.Match.Fact, "store:"); ok {
			kind, _, _ = strings.Cut(rest, ":")
		}
	}
	switch kind {
	case "postgres", "mysql", "sqlite", "mssql", "mariadb", "oracle", "cockroachdb":
		return "sql"
	case "mongodb", "dynamodb", "firestore", "couchdb", "elasticsearch":
		return "document"
	case "redis", "memcached", "kv":
		return "key_value"
	case "neo4j":
		return "graph"
	case "influxdb", "timescaledb":
		return "time_series"
	}
	return "object"
}

// NewTMBOM maps m to a TM-BOM document.
func NewTMBOM(m *model.Model) *TMBOM {
	l := newLayout(m)
	n := newNames()
	zone := func(c string) string { return n.get("zone\x00"+c, symbol(c)) }
	doc := &TMBOM{Schema: TMBOMSchema, Version: strconv.Itoa(m.Version), Description: m.Product.Description,
		TrustZones: []TMBOMTrustZone{}, TrustBoundaries: []TMBOMBoundary{}, Actors: []TMBOMActor{},
		Components: []TMBOMComponent{}, DataStores: []TMBOMDataStore{}, DataSets: []TMBOMDataSet{}, DataFlows: []TMBOMDataFlow{}}
	if doc.Version == "0" {
		doc.Version = "1"
	}
	if m.Review.Last != nil {
		doc.ReviewedAt = m.Review.Last.On.String()
	}
	doc.Scope = tmbomScope(m)

	for _, c := range l.contexts {
		desc := "The " + c + " side of the model's trust boundaries."
		title := c
		if c == unplaced {
			title, desc = "No trust boundary recorded", "Surfaces whose trust boundary the model does not record."
		}
		doc.TrustZones = append(doc.TrustZones, TMBOMTrustZone{SymbolicName: zone(c), Title: title, Description: desc})
	}
	for _, b := range m.Boundaries {
		doc.TrustBoundaries = append(doc.TrustBoundaries, TMBOMBoundary{TrustZoneA: zone(b.From), TrustZoneB: zone(b.To)})
	}

	// Actors: the contexts no surface sits in, that data comes from or
	// goes to (a browser, a provider calling a webhook, whoever reads the
	// repository).
	actor := map[string]string{}
	for _, c := range l.contexts {
		if l.populated(c) {
			continue
		}
		typ := "user"
		for _, s := range m.Surfaces {
			if p := l.place[s.ID]; p.other == c && (s.Kind == model.KindWebhook || !s.IsOwned()) {
				typ = "third_party"
			}
		}
		actor[c] = n.get("actor\x00"+c, symbol(c))
		doc.Actors = append(doc.Actors, TMBOMActor{SymbolicName: actor[c], Title: c,
			Description: "Who or what is on the " + c + " side of the model's trust boundaries.", Type: typ, TrustZone: zone(c)})
	}

	// Components and data stores: one per surface. A context that is the
	// far end of a flow and holds surfaces of its own is reached through
	// a component standing for it.
	ref := map[string]TMBOMRef{}
	storeOf := map[string][]string{} // asset id → data stores holding it
	for _, s := range m.Surfaces {
		p := l.place[s.ID]
		name := n.get("surface\x00"+s.ID, symbol(s.ID))
		desc := string(s.Kind) + " surface (" + string(s.Direction) + ")"
		if s.Exposure != "" {
			desc += ", " + string(s.Exposure)
		}
		if ev := evidenceList(s.Evidence); ev != "" {
			desc += "; evidence: " + ev
		}
		if s.Kind == model.KindStore {
			doc.DataStores = append(doc.DataStores, TMBOMDataStore{SymbolicName: name, Title: s.Name, Description: desc, Type: storeType(s), TrustZone: zone(p.zone)})
			ref[s.ID] = TMBOMRef{Type: "data-store", Object: name}
			for _, a := range s.Assets {
				storeOf[a] = append(storeOf[a], name)
			}
			continue
		}
		doc.Components = append(doc.Components, TMBOMComponent{SymbolicName: name, Title: s.Name, Description: desc, TrustZone: zone(p.zone)})
		ref[s.ID] = TMBOMRef{Type: "component", Object: name}
	}
	end := func(c string) TMBOMRef {
		if a, ok := actor[c]; ok {
			return TMBOMRef{Type: "actor", Object: a}
		}
		key := "context\x00" + c
		if _, made := n.byKey[key]; !made {
			doc.Components = append(doc.Components, TMBOMComponent{SymbolicName: n.get(key, symbol(c)+"-context"), Title: c,
				Description: "The " + c + " side of the model's trust boundaries.", TrustZone: zone(c)})
		}
		return TMBOMRef{Type: "component", Object: n.byKey[key]}
	}

	sensitiveAsset := map[string]bool{}
	for _, a := range m.Assets {
		sensitiveAsset[a.ID] = a.Kind == model.UserData || a.Kind == model.Credentials
		ds := TMBOMDataSet{SymbolicName: n.get("asset\x00"+a.ID, symbol(a.ID)), Title: a.Name, Description: a.Description,
			Placements: []TMBOMPlacement{}, DataSensitivity: []string{sensitivity[a.Kind]}}
		if ds.Description == "" {
			ds.Description = a.Kind.Title() + ", impact " + string(a.Impact)
		}
		for _, st := range storeOf[a.ID] {
			ds.Placements = append(ds.Placements, TMBOMPlacement{DataStore: st})
		}
		if ds.DataSensitivity[0] == "" {
			ds.DataSensitivity = []string{}
		}
		doc.DataSets = append(doc.DataSets, ds)
	}

	for _, s := range m.Surfaces {
		p := l.place[s.ID]
		if p.other == "" {
			continue
		}
		b := l.boundary[s.Boundary]
		f := TMBOMDataFlow{SymbolicName: n.get("flow\x00"+s.ID, symbol(s.ID)+"-flow"), Title: boundaryName(b) + ": " + s.Name,
			Description: "Data crossing " + boundaryName(b) + " at " + s.Name + "."}
		if p.inbound {
			f.Source, f.Destination = end(p.other), ref[s.ID]
		} else {
			f.Source, f.Destination = ref[s.ID], end(p.other)
		}
		for _, a := range s.Assets {
			f.HasSensitiveData = f.HasSensitiveData || sensitiveAsset[a]
		}
		doc.DataFlows = append(doc.DataFlows, f)
	}

	surfaces := map[string]model.Surface{}
	for _, s := range m.Surfaces {
		surfaces[s.ID] = s
	}
	usedPersona := map[string]bool{}
	decisions := map[string]any{}
	sites := map[string][]model.Site{}
	for _, t := range m.Threats {
		tn := n.get("threat\x00"+t.ID, symbol(t.ID))
		s, known := surfaces[t.Surface]
		persona := personaFor(s.Exposure)
		usedPersona[persona] = true
		th := TMBOMThreat{SymbolicName: tn, Title: firstOf(t.Title, t.Abuse, t.Statement), Description: t.Statement,
			ThreatPersona: persona, Event: firstOf(t.Abuse, t.Statement), Sources: []string{"adversary"}}
		if known {
			th.ComponentsAffected = []string{ref[s.ID].Object}
		}
		for _, c := range t.CWE {
			if id, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(c), "CWE-")); err == nil {
				th.Weaknesses = append(th.Weaknesses, TMBOMCWE{CWEID: id})
			}
		}
		doc.Threats = append(doc.Threats, th)

		li, im := likelihoodStep[t.Difficulty], impactStep[t.Impact]
		if li == 0 {
			li = 3
		}
		if im == 0 {
			im = 3
		}
		level := riskLevel(li * im)
		doc.Risks = append(doc.Risks, TMBOMRisk{SymbolicName: n.get("risk\x00"+t.ID, tn+"-risk"), Title: th.Title,
			Description: firstOf(t.DifficultyReason, "difficulty "+string(t.Difficulty)) + " (difficulty " + string(t.Difficulty) + " for an automated attacker)",
			Threats:     []string{tn}, Likelihood: tmLikelihood[li-1], Impact: tmImpact[im-1],
			ImpactDescription: firstOf(t.ImpactReason, "impact "+string(t.Impact)), Score: li * im, Level: level})

		var tb *TMBOMBoundary
		if b, ok := l.boundary[s.Boundary]; ok && known {
			tb = &TMBOMBoundary{TrustZoneA: zone(b.From), TrustZoneB: zone(b.To)}
		}
		for i, c := range t.Controls {
			desc := c.Text
			if ev := evidenceList(c.Evidence); ev != "" {
				desc += " Evidence: " + ev + "."
			}
			if x := c.External; x != nil {
				desc += " Outside the repository: " + x.What + " (" + x.Where + "), attested by " + x.By + " on " + x.Date.String() + "."
			}
			doc.Controls = append(doc.Controls, TMBOMControl{SymbolicName: n.get("control\x00"+t.ID+"\x00"+strconv.Itoa(i), tn+"-control-"+strconv.Itoa(i+1)),
				Title: c.Text, Description: desc, Threats: []string{tn}, TrustBoundary: tb, Status: controlStatus(c), Priority: priorityOf(level)})
		}
		if d := decision(t); d != nil {
			decisions[tn] = d
		}
		if len(t.Sites) > 0 {
			sites[tn] = t.Sites
		}
	}
	for _, p := range personas {
		if usedPersona[p.SymbolicName] {
			doc.ThreatPersonas = append(doc.ThreatPersonas, p)
		}
	}
	doc.Extensions = map[string]any{GeneratorKey: "threatmap"}
	if len(decisions) > 0 {
		doc.Extensions[extensionKey] = decisions
	}
	if len(sites) > 0 {
		doc.Extensions[sitesKey] = sites
	}
	return doc
}

func tmbomScope(m *model.Model) TMBOMScope {
	s := TMBOMScope{Title: m.Product.Name, Description: m.Product.Description, DataSensitivity: []string{}, Exposure: "internal"}
	if s.Description == "" {
		s.Description = "The threat model of " + m.Product.Name + ", drafted from its code by threatmap."
	}
	top := model.Low
	seen := map[string]bool{}
	for _, a := range m.Assets {
		if a.Impact.Rank() < top.Rank() {
			top = a.Impact
		}
		if v := sensitivity[a.Kind]; v != "" && !seen[v] {
			seen[v] = true
			s.DataSensitivity = append(s.DataSensitivity, v)
		}
	}
	for _, x := range m.Surfaces {
		if x.Exposure != model.Internal && x.Direction == model.Entry {
			s.Exposure = "external"
		}
	}
	switch top {
	case model.Critical:
		s.BusinessCriticality, s.Tier = "maximal", "mission_critical"
	case model.High:
		s.BusinessCriticality, s.Tier = "high", "business_critical"
	case model.Medium:
		s.BusinessCriticality, s.Tier = "moderate", "important"
	default:
		s.BusinessCriticality, s.Tier = "low", "non_critical"
	}
	return s
}

// controlStatus maps a control's status: a plan is a suggestion until it
// is worked on, and a control outside the repository is attested, so
// assumed, not verified.
func controlStatus(c model.Control) string {
	switch {
	case c.External != nil && c.Status == model.Implemented:
		return "assumed"
	case c.Status == model.Implemented:
		return "active"
	case c.Status == model.InProgress:
		return "scheduled"
	}
	return "suggested"
}

// decision is a threat's response and its record, for the extension.
func decision(t model.Threat) map[string]any {
	r := t.EffectiveResponse()
	if r == model.Undecided && t.Owner == "" {
		return nil
	}
	d := map[string]any{"response": string(r)}
	if t.Owner != "" {
		d["owner"] = t.Owner
	}
	if x := t.Acceptance; x != nil {
		d["acceptance"] = map[string]string{"by": x.By, "on": x.On.String(), "why": x.Why, "revisit": x.Revisit.String()}
	}
	if x := t.Transfer; x != nil {
		d["transfer"] = omitEmpty(map[string]string{"to": x.To, "how": x.How, "by": x.By, "on": x.On.String()})
	}
	if x := t.Elimination; x != nil {
		d["elimination"] = omitEmpty(map[string]string{"why": x.Why, "by": x.By, "on": x.On.String()})
	}
	return d
}

func omitEmpty(m map[string]string) map[string]string {
	for k, v := range m {
		if v == "" {
			delete(m, k)
		}
	}
	return m
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// WriteTMBOM writes m as indented TM-BOM JSON. mermaid, when set, is the
// page's data-flow diagram (report.Flow), kept as the model's diagram.
func WriteTMBOM(w io.Writer, m *model.Model, mermaid string) error {
	doc := NewTMBOM(m)
	if mermaid != "" {
		doc.Diagrams = []TMBOMDiagram{{Title: "Data flow across trust boundaries", Type: "mermaid", Source: mermaid,
			Description: "Each trust boundary with the surfaces where data crosses it, as threatmap's page draws it."}}
	}
	return writeJSON(w, doc)
}
