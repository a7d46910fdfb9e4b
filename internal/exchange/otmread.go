package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/model"
)

// MaxOTMSize caps an OTM file read for import: a drawn model is far
// smaller.
const MaxOTMSize = 32 << 20

// ParseOTM reads an OTM document, JSON or YAML (the spec allows both). A
// file that is not one is an error naming name:line:col. Unknown fields
// are ignored: every tool adds its own.
func ParseOTM(name string, data []byte) (*OTM, error) {
	if len(data) > MaxOTMSize {
		return nil, fmt.Errorf("%s: larger than %d MB; not an OTM file threatmap reads", name, MaxOTMSize>>20)
	}
	var o OTM
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if err := json.Unmarshal(data, &o); err != nil {
			return nil, jsonError(name, data, err)
		}
	} else {
		if err := decodeYAML(name, data, &o); err != nil {
			return nil, err
		}
	}
	if strings.TrimSpace(o.OTMVersion) == "" {
		return nil, fmt.Errorf("%s:1:1: no otmVersion: not an Open Threat Model file", name)
	}
	if major, _, _ := strings.Cut(strings.TrimSpace(o.OTMVersion), "."); major != "0" {
		return nil, fmt.Errorf("%s:1:1: otmVersion %q: threatmap reads OTM 0.x", name, o.OTMVersion)
	}
	return &o, nil
}

// jsonError places a decoding error at its line and column.
func jsonError(name string, data []byte, err error) error {
	var off int64 = -1
	msg := err.Error()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		msg = fmt.Sprintf("%s is a JSON %s, want %s", orTop(te.Field), te.Value, jsonKind(te.Type.String()))
	}
	if off < 0 {
		return fmt.Errorf("%s: %s", name, msg)
	}
	line, col := LineCol(data, off)
	return fmt.Errorf("%s:%d:%d: %s", name, line, col, msg)
}

func orTop(field string) string {
	if field == "" {
		return "the document"
	}
	return field
}

// jsonKind names a Go type the way a JSON author thinks of it.
func jsonKind(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"), strings.HasPrefix(goType, "exchange.list"):
		return "an array"
	case goType == "string":
		return "a string"
	case strings.HasPrefix(goType, "float"), strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "*float"):
		return "a number"
	case goType == "bool":
		return "true or false"
	}
	return "an object"
}

// LineCol is the 1-based line and column of byte offset off in data
// (encoding/json reports offsets just past the bad byte).
func LineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off > 0 {
		off--
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// decodeYAML reads YAML into v through JSON, so that one set of struct
// tags serves both; aliases are refused (a few lines could expand to
// gigabytes).
func decodeYAML(name string, data []byte, v any) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return fmt.Errorf("%s: %v", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if n := findAlias(&root); n != nil {
		return fmt.Errorf("%s:%d:%d: aliases are not read in OTM files: write the value out", name, n.Line, n.Column)
	}
	var x any
	if err := root.Decode(&x); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	b, err := json.Marshal(jsonable(x))
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fmt.Errorf("%s: %s is %s, want %s", name, orTop(te.Field), te.Value, jsonKind(te.Type.String()))
		}
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// jsonable turns YAML's map[string]any trees (and any non-string keys)
// into what encoding/json writes.
func jsonable(x any) any {
	switch v := x.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = jsonable(e)
		}
		return v
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[fmt.Sprint(k)] = jsonable(e)
		}
		return out
	case []any:
		for i, e := range v {
			v[i] = jsonable(e)
		}
		return v
	}
	return x
}

// Attrs is OTM's free-form attributes. The spec says strings; tools write
// numbers, booleans and lists too, and the README's own example a list of
// one-key maps: scalars are kept as text, anything else is passed over.
type Attrs map[string]string

// UnmarshalJSON reads any shape of attributes without failing.
func (a *Attrs) UnmarshalJSON(b []byte) error {
	var raw any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	out := Attrs{}
	add := func(m map[string]any) {
		for k, v := range m {
			switch s := v.(type) {
			case string:
				out[k] = s
			case float64:
				out[k] = strconv.FormatFloat(s, 'f', -1, 64)
			case bool:
				out[k] = strconv.FormatBool(s)
			}
		}
	}
	switch v := raw.(type) {
	case map[string]any:
		add(v)
	case []any:
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				add(m)
			}
		}
	}
	*a = out
	return nil
}

// list reads an array, or a single object where the README's examples
// write one, or null.
type list[T any] []T

// UnmarshalJSON accepts an array, one object, or null.
func (l *list[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var one T
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*l = list[T]{one}
		return nil
	}
	var many []T
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*l = many
	return nil
}

// ---- OTM → model ---------------------------------------------------------

// Imported is an OTM file as a threatmap model, with what could not be
// brought over and why.
type Imported struct {
	Model *model.Model
	// Skipped names each element left out, with the reason.
	Skipped []string
	// Filled names each decision that the file recorded without the
	// details threatmap requires (an accepted threat with no reason or
	// revisit date), and what was written in their place.
	Filled []string
}

var idChars = regexp.MustCompile(`[^a-z0-9._-]+`)

// modelID turns any id into the model's id shape.
func modelID(s string) string {
	s = idChars.ReplaceAllString(strings.ToLower(strings.TrimSpace(s)), "-")
	s = strings.TrimLeft(s, "._-")
	if s == "" {
		return "imported"
	}
	return s
}

// FromOTM maps an OTM document to a model: assets, trust zones (as the
// boundaries data flows cross), components (as surfaces), threats and
// mitigations with their states. Everything is written as a person's:
// no rule drafted a threat, no check verifies a control. today dates a
// decision the file recorded without a date.
func FromOTM(o *OTM, today model.Date) *Imported {
	im := &Imported{Model: &model.Model{Version: model.CurrentVersion,
		Product: model.Product{Name: firstOf(o.Project.Name, o.Project.ID, "Imported threat model"), Description: o.Project.Description}}}
	m := im.Model
	project := m.Product.Name
	pa := o.Project.Attributes
	if on, err := model.ParseDate(pa[attr+"review.last.on"]); err == nil && pa[attr+"review.last.by"] != "" {
		m.Review.Last = &model.ReviewEntry{On: on, By: pa[attr+"review.last.by"]}
	}
	if every, err := model.ParseDuration(pa[attr+"review.every"]); err == nil {
		m.Review.Every = every
	}

	ids := func() *names { return newNames() }
	assetIDs, surfaceIDs, threatIDs, boundaryIDs := ids(), ids(), ids(), ids()
	assetOf := map[string]string{}
	for _, a := range o.Assets {
		if a.ID == "" {
			im.Skipped = append(im.Skipped, fmt.Sprintf("asset %q: no id", a.Name))
			continue
		}
		id := assetIDs.get(a.ID, modelID(a.ID))
		assetOf[a.ID] = id
		ma := model.Asset{ID: id, Name: firstOf(a.Name, a.ID), Description: a.Description,
			Kind: model.AssetKind(a.Attributes[attr+"kind"]), Impact: model.Level(a.Attributes[attr+"impact"])}
		if !slices.Contains(model.AssetKinds, ma.Kind) {
			// The bucket is the dimension the file rates highest:
			// integrity first, else what may be read.
			ma.Kind = model.UserData
			if a.Risk.Integrity > a.Risk.Confidentiality && a.Risk.Integrity >= a.Risk.Availability {
				ma.Kind = model.Integrity
			}
		}
		if !slices.Contains(model.Levels, ma.Impact) {
			ma.Impact = levelOf(max(a.Risk.Confidentiality, a.Risk.Integrity, a.Risk.Availability))
		}
		if f := a.Attributes[attr+"fields"]; f != "" {
			ma.Fields = splitList(f)
		}
		m.Assets = append(m.Assets, ma)
	}

	zoneName := map[string]string{}
	for _, z := range o.TrustZones {
		zoneName[z.ID] = firstOf(z.Name, z.ID)
	}
	comp := map[string]*OTMComponent{}
	for i := range o.Components {
		comp[o.Components[i].ID] = &o.Components[i]
	}
	// zoneOf is the trust zone a component is in, through its parents.
	zoneOf := func(id string) string {
		for range len(o.Components) + 1 {
			c, ok := comp[id]
			if !ok {
				return ""
			}
			if z := c.Parent.zone(); z != "" {
				return zoneName[z]
			}
			id = c.Parent.component()
		}
		return ""
	}

	// Boundaries: where a data flow crosses from one zone to another.
	boundaryOf := map[string]string{} // component id → boundary id
	haveBoundary := map[string]bool{}
	for _, f := range o.Dataflows {
		from, to := zoneOf(f.Source), zoneOf(f.Destination)
		if from == "" || to == "" || from == to {
			continue
		}
		key := f.Attributes[attr+"boundary"]
		if key == "" {
			key = from + "\x00" + to
		}
		id := boundaryIDs.get(key, modelID(firstOf(f.Attributes[attr+"boundary"], from+"-"+to)))
		if !haveBoundary[id] {
			haveBoundary[id] = true
			m.Boundaries = append(m.Boundaries, model.Boundary{ID: id, Name: firstOf(f.Attributes[attr+"boundary.name"], from+" to "+to), From: from, To: to})
		}
		for _, end := range []string{f.Source, f.Destination} {
			if _, set := boundaryOf[end]; !set {
				boundaryOf[end] = id
			}
		}
	}

	rootThreat := map[string]*OTMThreat{}
	for i := range o.Threats {
		rootThreat[o.Threats[i].ID] = &o.Threats[i]
	}
	rootMitigation := map[string]*OTMMitigation{}
	for i := range o.Mitigations {
		rootMitigation[o.Mitigations[i].ID] = &o.Mitigations[i]
	}

	surfaceOf := map[string]string{} // component id → surface id
	var instances []struct {
		surface string
		inst    OTMThreatInstance
	}
	for _, c := range o.Components {
		if c.Type == contextType {
			continue
		}
		if c.ID == "" {
			im.Skipped = append(im.Skipped, fmt.Sprintf("component %q: no id", c.Name))
			continue
		}
		// A drawn component that carries no threat, no asset and no code
		// (a web client, a user) is who stands at a boundary, not a
		// surface: its zone still makes the boundary.
		_, ours := c.Attributes[attr+"direction"]
		if !ours && len(c.Threats) == 0 && (c.Assets == nil || len(c.Assets.Processed)+len(c.Assets.Stored) == 0) && !hasCode(c) {
			im.Skipped = append(im.Skipped, fmt.Sprintf("component %q: no threat, asset or code; read as who stands at its zone's boundary", c.ID))
			continue
		}
		s := surfaceFrom(c, assetOf)
		s.ID = surfaceIDs.get(c.ID, modelID(c.ID))
		if b := c.Attributes[attr+"boundary"]; b != "" && haveBoundary[modelID(b)] {
			s.Boundary = modelID(b)
		} else {
			s.Boundary = boundaryOf[c.ID]
		}
		surfaceOf[c.ID] = s.ID
		m.Surfaces = append(m.Surfaces, s)
		for _, ti := range c.Threats {
			instances = append(instances, struct {
				surface string
				inst    OTMThreatInstance
			}{s.ID, ti})
		}
	}
	// A threat on a data flow is about where the flow arrives (or, when
	// that is no surface, where it leaves).
	for _, f := range o.Dataflows {
		at := firstOf(surfaceOf[f.Destination], surfaceOf[f.Source])
		for _, ti := range f.Threats {
			if at == "" {
				im.Skipped = append(im.Skipped, fmt.Sprintf("threat %q on data flow %q: neither end is a component", ti.Threat, f.ID))
				continue
			}
			instances = append(instances, struct {
				surface string
				inst    OTMThreatInstance
			}{at, ti})
		}
	}

	surfaceAssets := map[string][]string{}
	for _, s := range m.Surfaces {
		surfaceAssets[s.ID] = s.Assets
	}
	for _, x := range instances {
		rt, ok := rootThreat[x.inst.Threat]
		if !ok {
			im.Skipped = append(im.Skipped, fmt.Sprintf("threat %q on %s: not among the file's threats", x.inst.Threat, x.surface))
			continue
		}
		t, ok := threatFrom(rt, x.inst, x.surface, project, today, rootMitigation, assetOf, surfaceAssets[x.surface], im)
		if !ok {
			continue
		}
		t.ID = threatIDs.get(rt.ID+"\x00"+x.surface, modelID(rt.ID))
		// A site names a route's own surface: one the file does not
		// carry would leave the model pointing nowhere.
		t.Sites = slices.DeleteFunc(t.Sites, func(st model.Site) bool {
			if _, ok := surfaceAssets[st.Surface]; ok {
				return false
			}
			im.Skipped = append(im.Skipped, fmt.Sprintf("site %q of threat %q: no such surface in the file", st.Surface, rt.ID))
			return true
		})
		m.Threats = append(m.Threats, t)
	}
	return im
}

func hasCode(c OTMComponent) bool {
	for _, r := range c.Representations {
		if r.File != "" {
			return true
		}
	}
	return false
}

func (p OTMParent) zone() string {
	if p.TrustZone != "" {
		return p.TrustZone
	}
	if p.Type == "trustZone" {
		return p.ID
	}
	return ""
}

func (p OTMParent) component() string {
	if p.Component != "" {
		return p.Component
	}
	if p.Type == "component" {
		return p.ID
	}
	return ""
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func surfaceFrom(c OTMComponent, assetOf map[string]string) model.Surface {
	a := c.Attributes
	s := model.Surface{Name: firstOf(c.Name, c.ID), Kind: model.SurfaceKind(firstOf(a[attr+"kind"], c.Type)),
		Direction: model.Direction(a[attr+"direction"]), Exposure: model.Exposure(a[attr+"exposure"])}
	stored := c.Assets != nil && len(c.Assets.Stored) > 0
	if !slices.Contains(model.SurfaceKinds, s.Kind) {
		// A component of a drawn model: what it holds says whether it
		// is a store.
		s.Kind = model.KindEndpoint
		if stored {
			s.Kind = model.KindStore
		}
	}
	if !slices.Contains(model.Directions, s.Direction) {
		switch s.Kind {
		case model.KindStore, model.KindSecret:
			s.Direction = model.Store
		case model.KindExit, model.KindThirdParty:
			s.Direction = model.Exit
		default:
			s.Direction = model.Entry
		}
	}
	if !slices.Contains(model.Exposures, s.Exposure) {
		s.Exposure = ""
	}
	if a[attr+"owned"] == "false" {
		f := false
		s.Owned = &f
	}
	if c.Assets != nil {
		for _, id := range append(slices.Clone(c.Assets.Processed), c.Assets.Stored...) {
			if mid, ok := assetOf[id]; ok && !slices.Contains(s.Assets, mid) {
				s.Assets = append(s.Assets, mid)
			}
		}
	}
	for _, r := range c.Representations {
		if r.File != "" {
			s.Evidence = append(s.Evidence, model.Evidence{File: r.File, Line: max(int(r.Line), 0)})
		}
	}
	mt := model.SurfaceMatch{Method: a[attr+"match.method"], Path: a[attr+"match.path"], Fact: a[attr+"match.fact"],
		Exposure: model.Exposure(a[attr+"match.exposure"])}
	if !slices.Contains(model.Exposures, mt.Exposure) {
		mt.Exposure = ""
	}
	if mt != (model.SurfaceMatch{}) {
		s.Match = &mt
	}
	return s
}

// threatFrom maps one threat instance. ok is false when the threat cannot
// be a model threat (it answers none of the six STRIDE questions).
func threatFrom(rt *OTMThreat, inst OTMThreatInstance, surface, project string, today model.Date,
	mitigations map[string]*OTMMitigation, assetOf map[string]string, surfaceAssets []string, im *Imported) (model.Threat, bool) {
	a := rt.Attributes
	// A threat threatmap wrote names its title apart from the name OTM
	// requires; any other tool's name is the title.
	title := rt.Name
	if _, ours := a[attr+"response"]; ours {
		title = a[attr+"title"]
	}
	t := model.Threat{Surface: surface, Title: title, Statement: firstOf(rt.Description, rt.Name, rt.ID, "imported threat"),
		Abuse: a[attr+"abuse"], Owner: a[attr+"owner"], Where: a[attr+"where"],
		DifficultyReason: rt.Risk.LikelihoodComment, ImpactReason: rt.Risk.ImpactComment}
	for _, l := range strings.Split(a[attr+"stride"], "") {
		if strideNames[l] != "" && !slices.Contains(t.Stride, l) {
			t.Stride = append(t.Stride, l)
		}
	}
	if len(t.Stride) == 0 {
		for _, c := range rt.Categories {
			if l := strideLetter(c); l != "" && !slices.Contains(t.Stride, l) {
				t.Stride = append(t.Stride, l)
			}
		}
		slices.SortFunc(t.Stride, func(x, y string) int {
			return slices.Index(model.StrideLetters, x) - slices.Index(model.StrideLetters, y)
		})
	}
	if len(t.Stride) == 0 {
		im.Skipped = append(im.Skipped, fmt.Sprintf("threat %q on %s: none of its categories (%s) is a STRIDE question; add one and import again",
			rt.ID, surface, strings.Join(rt.Categories, ", ")))
		return t, false
	}
	for _, c := range rt.CWEs {
		if c = strings.TrimSpace(c); c != "" {
			if _, err := strconv.Atoi(c); err == nil {
				c = "CWE-" + c
			}
			t.CWE = append(t.CWE, strings.ToUpper(c))
		}
	}
	t.Difficulty = model.Difficulty(a[attr+"difficulty"])
	if !slices.Contains(model.Difficulties, t.Difficulty) {
		t.Difficulty = model.Moderate
		if rt.Risk.Likelihood != nil {
			t.Difficulty = difficultyOf(*rt.Risk.Likelihood)
		}
	}
	t.Impact = model.Level(a[attr+"impact"])
	if !slices.Contains(model.Levels, t.Impact) {
		t.Impact = levelOf(rt.Risk.Impact)
	}
	if as := a[attr+"assets"]; as != "" {
		for _, id := range splitList(as) {
			if slices.ContainsFunc(surfaceAssets, func(x string) bool { return x == modelID(id) }) || assetOf[id] != "" {
				t.Assets = append(t.Assets, firstOf(assetOf[id], modelID(id)))
			}
		}
	} else {
		t.Assets = slices.Clone(surfaceAssets)
	}
	for _, e := range splitList(a[attr+"evidence"]) {
		if ev, err := model.ParseEvidence(e); err == nil {
			t.Evidence = append(t.Evidence, ev)
		}
	}
	if js := a[attr+"sites"]; js != "" {
		if err := json.Unmarshal([]byte(js), &t.Sites); err != nil {
			t.Sites = nil
			im.Skipped = append(im.Skipped, fmt.Sprintf("attribute %ssites of threat %q: not a list of sites (%v)", attr, rt.ID, err))
		}
	}

	for _, mi := range inst.Mitigations {
		mx, ok := mitigations[mi.Mitigation]
		if !ok {
			im.Skipped = append(im.Skipped, fmt.Sprintf("mitigation %q of threat %q: not among the file's mitigations", mi.Mitigation, rt.ID))
			continue
		}
		c, ok := controlFrom(mx, mi.State)
		if !ok {
			im.Skipped = append(im.Skipped, fmt.Sprintf("mitigation %q of threat %q: state %s", mx.Name, rt.ID, mi.State))
			continue
		}
		t.Controls = append(t.Controls, c)
	}

	t.Response = model.Response(a[attr+"response"])
	if !slices.Contains(model.Responses, t.Response) {
		t.Response = responseOf(inst.State, len(t.Controls) > 0)
	}
	fill := func(what string) {
		im.Filled = append(im.Filled, fmt.Sprintf("threat %s (%s): %s", rt.ID, inst.State, what))
	}
	switch t.Response {
	case model.Accept:
		x := model.Acceptance{By: a[attr+"acceptance.by"], Why: a[attr+"acceptance.why"]}
		x.On, _ = model.ParseDate(a[attr+"acceptance.on"])
		x.Revisit, _ = model.ParseDate(a[attr+"acceptance.revisit"])
		if x.By == "" || x.Why == "" || x.On.IsZero() || x.Revisit.IsZero() {
			x.By = firstOf(x.By, "imported from OTM")
			x.Why = firstOf(x.Why, "accepted in "+project+" (imported from OTM, no reason recorded)")
			x.On = orDay(x.On, today)
			x.Revisit = orDay(x.Revisit, model.NewDate(today.AddDate(0, 0, model.DefaultReviewEvery.Days)))
			fill("accepted without who, why or when to revisit: recorded as by " + x.By + ", revisit " + x.Revisit.String())
		}
		t.Acceptance = &x
	case model.TransferRisk:
		x := model.Transfer{To: a[attr+"transfer.to"], How: a[attr+"transfer.how"], By: a[attr+"transfer.by"]}
		x.On, _ = model.ParseDate(a[attr+"transfer.on"])
		if x.To == "" || x.How == "" {
			x.To = firstOf(x.To, "not recorded in the OTM file")
			x.How = firstOf(x.How, "transferred in "+project+" (imported from OTM)")
			fill("transferred without saying to whom or how")
		}
		t.Transfer = &x
	case model.Eliminate:
		x := model.Decision{Why: a[attr+"elimination.why"], By: a[attr+"elimination.by"]}
		x.On, _ = model.ParseDate(a[attr+"elimination.on"])
		if x.Why == "" {
			x.Why = "not applicable in " + project + " (imported from OTM)"
			fill("not applicable, with no reason recorded")
		}
		t.Elimination = &x
	}
	return t, true
}

func orDay(d, def model.Date) model.Date {
	if d.IsZero() {
		return def
	}
	return d
}

// responseOf reads a threat instance's state: threatmap's own names and
// IriusRisk's.
func responseOf(state string, hasControls bool) model.Response {
	switch norm(state) {
	case "accepted", "accept":
		return model.Accept
	case "transferred", "transfer":
		return model.TransferRisk
	case "not-applicable", "notapplicable", "na", "eliminated", "eliminate":
		return model.Eliminate
	case "mitigated", "mitigate", "partly-mitigated", "partly-mitigate", "partlymitigated":
		return model.Mitigate
	}
	if hasControls {
		return model.Mitigate
	}
	return model.Undecided
}

func norm(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-")
}

// controlFrom maps a mitigation and its state. ok is false for a
// mitigation the file records as rejected or not applicable: no control.
func controlFrom(mx *OTMMitigation, state string) (model.Control, bool) {
	a := mx.Attributes
	c := model.Control{Text: firstOf(mx.Name, mx.ID, "imported mitigation"), Status: model.ControlStatus(a[attr+"status"])}
	switch norm(state) {
	case "rejected", "not-applicable", "notapplicable", "na":
		return c, false
	}
	if !slices.Contains(model.ControlStatuses, c.Status) {
		c.Status = model.Planned
		switch norm(state) {
		case "implemented":
			c.Status = model.Implemented
		case "in-progress", "inprogress":
			c.Status = model.InProgress
		}
	}
	for _, e := range splitList(a[attr+"evidence"]) {
		if ev, err := model.ParseEvidence(e); err == nil {
			c.Evidence = append(c.Evidence, ev)
		}
	}
	if a[attr+"external.what"] != "" {
		x := model.External{What: a[attr+"external.what"], Where: a[attr+"external.where"], By: a[attr+"external.by"]}
		x.Date, _ = model.ParseDate(a[attr+"external.date"])
		if x.Where != "" && x.By != "" && !x.Date.IsZero() {
			c.External = &x
		}
	}
	return c, true
}
