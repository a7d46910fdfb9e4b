// Package model holds the threat model that lives in a repository as
// threatmap.yaml: what you cannot afford to lose (assets), where it is
// exposed (surfaces and trust boundaries), and what can go wrong (threats,
// each with a difficulty, an impact, a response and its controls).
//
// The vocabulary is that of "Threat Modelling for Builders": assets in three
// buckets, surfaces with entry / store / exit points, STRIDE, difficulty for a
// zero-knowledge automated attacker, the one-liner, and the four responses.
package model

// CurrentVersion is the only model file version this build reads and writes.
const CurrentVersion = 1

// FileName is the model's default name at the root of the scanned folder.
const FileName = "threatmap.yaml"

// Model is the whole threatmap.yaml.
type Model struct {
	Version    int        `yaml:"version" json:"version" jsonschema:"enum=1"`
	Product    Product    `yaml:"product" json:"product"`
	Review     Review     `yaml:"review,omitempty" json:"review,omitempty"`
	Assets     []Asset    `yaml:"assets,omitempty" json:"assets,omitempty"`
	Boundaries []Boundary `yaml:"boundaries,omitempty" json:"boundaries,omitempty"`
	Surfaces   []Surface  `yaml:"surfaces,omitempty" json:"surfaces,omitempty"`
	Threats    []Threat   `yaml:"threats,omitempty" json:"threats,omitempty"`
}

// Product names what the model is about.
type Product struct {
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description,omitempty" json:"description,omitempty" jsonschema:"description=One line: what the product does and for whom."`
}

// Review records upkeep: when the model was last checked against what runs,
// and how often it must be.
type Review struct {
	Last  *ReviewEntry `yaml:"last,omitempty" json:"last,omitempty"`
	Every Duration     `yaml:"every,omitempty" json:"every,omitempty" jsonschema:"type=string,pattern=^[0-9]+[dw]$,description=How often the model is reviewed: 90d or 12w. Default 90d."`
}

// ReviewEntry is one review: who looked, and when.
type ReviewEntry struct {
	On Date   `yaml:"on" json:"on" jsonschema:"type=string,format=date"`
	By string `yaml:"by" json:"by"`
}

// Asset is something the product cannot afford to lose.
type Asset struct {
	ID          string     `yaml:"id" json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9._-]*$" redact:"id"`
	Name        string     `yaml:"name" json:"name"`
	Kind        AssetKind  `yaml:"kind" json:"kind" jsonschema:"enum=user-data,enum=credentials,enum=integrity"`
	Impact      Level      `yaml:"impact" json:"impact" jsonschema:"enum=low,enum=medium,enum=high,enum=critical"`
	Description string     `yaml:"description,omitempty" json:"description,omitempty"`
	Fields      []string   `yaml:"fields,omitempty" json:"fields,omitempty" jsonschema:"description=Sensitive fields found in the code (email; password_hash; ...)."`
	Evidence    []Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty" jsonschema:"description=Where the code shows it: file:line."`
	State       State      `yaml:"state,omitempty" json:"state,omitempty" jsonschema:"enum=new,enum=gone"`
}

// Boundary is a trust boundary: where one context hands data to another
// with different privileges.
type Boundary struct {
	ID   string `yaml:"id" json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9._-]*$" redact:"id"`
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
	From string `yaml:"from" json:"from"`
	To   string `yaml:"to" json:"to"`
}

// Surface is where an asset is exposed: an entry, a store or an exit, owned
// by the team or not.
type Surface struct {
	ID        string        `yaml:"id" json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9._-]*$" redact:"id"`
	Kind      SurfaceKind   `yaml:"kind" json:"kind" jsonschema:"enum=endpoint,enum=upload,enum=webhook,enum=admin,enum=store,enum=exit,enum=third-party,enum=pipeline,enum=secret,enum=infrastructure"`
	Direction Direction     `yaml:"direction" json:"direction" jsonschema:"enum=entry,enum=store,enum=exit"`
	Name      string        `yaml:"name" json:"name"`
	Evidence  []Evidence    `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	Exposure  Exposure      `yaml:"exposure,omitempty" json:"exposure,omitempty" jsonschema:"enum=public,enum=authenticated,enum=internal"`
	Assets    []string      `yaml:"assets,omitempty" json:"assets,omitempty" redact:"id"`
	Boundary  string        `yaml:"boundary,omitempty" json:"boundary,omitempty" redact:"id"`
	Owned     *bool         `yaml:"owned,omitempty" json:"owned,omitempty" jsonschema:"description=false for what the team does not own (SDKs; registries; CI; providers). Default true."`
	Match     *SurfaceMatch `yaml:"match,omitempty" json:"match,omitempty" jsonschema:"description=Which scanned code this surface stands for; written by threatmap."`
	State     State         `yaml:"state,omitempty" json:"state,omitempty" jsonschema:"enum=new,enum=gone"`
}

// SurfaceMatch ties a hand-written or drafted surface to the facts a scan
// finds, so that check can tell drift from a known surface. Every field is
// optional; a route matches on method and path.
type SurfaceMatch struct {
	Method string `yaml:"method,omitempty" json:"method,omitempty"`
	Path   string `yaml:"path,omitempty" json:"path,omitempty"`
	// Fact is the content-based id of a scanned fact (a store, a third
	// party, a secret, ...).
	Fact string `yaml:"fact,omitempty" json:"fact,omitempty"`
	// Exposure is the surface's exposure as the code showed it when its
	// threats were drafted: an exposure changed by hand (public to
	// internal, or back) re-rates them.
	Exposure Exposure `yaml:"exposure,omitempty" json:"exposure,omitempty" jsonschema:"enum=public,enum=authenticated,enum=internal,description=The exposure the code showed when threatmap drafted the surface; written by threatmap. An exposure edited by hand re-rates the surface's drafted threats against it."`
}

// IsOwned reports whether the team owns the surface (the default).
func (s Surface) IsOwned() bool { return s.Owned == nil || *s.Owned }

// Threat is one answer to a STRIDE question about a surface.
type Threat struct {
	ID               string     `yaml:"id" json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9._-]*$" redact:"id"`
	Rule             string     `yaml:"rule,omitempty" json:"rule,omitempty" jsonschema:"description=The rule that drafted this threat; empty when written by hand."`
	Title            string     `yaml:"title,omitempty" json:"title,omitempty"`
	Surface          string     `yaml:"surface" json:"surface" redact:"id"`
	Assets           []string   `yaml:"assets,omitempty" json:"assets,omitempty" redact:"id"`
	Stride           Stride     `yaml:"stride" json:"stride"`
	CWE              []string   `yaml:"cwe,omitempty" json:"cwe,omitempty"`
	Statement        string     `yaml:"statement" json:"statement" jsonschema:"description=If [surface] is abused; an attacker could [impact] by [method]; and this would require [difficulty]."`
	Abuse            string     `yaml:"abuse,omitempty" json:"abuse,omitempty" jsonschema:"description=What happens if abused: the threat map's third column. Defaults to the statement."`
	Difficulty       Difficulty `yaml:"difficulty" json:"difficulty" jsonschema:"enum=low,enum=medium,enum=high"`
	DifficultyReason string     `yaml:"difficulty_reason,omitempty" json:"difficulty_reason,omitempty"`
	Impact           Level      `yaml:"impact" json:"impact" jsonschema:"enum=low,enum=medium,enum=high,enum=critical"`
	ImpactReason     string     `yaml:"impact_reason,omitempty" json:"impact_reason,omitempty"`
	Evidence         []Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	// Sites are the places a grouped threat is found: the routes that
	// share its cause (the same missing control, the same guard gap),
	// each its own surface. The threat's id and surface name the cause
	// alone, so a route joining or leaving the group keeps the row and
	// every decision on it. Written by threatmap; refreshed by sync.
	Sites       []Site      `yaml:"sites,omitempty" json:"sites,omitempty" jsonschema:"description=Where a grouped threat is found: one entry per route that shares its cause; written by threatmap and refreshed by sync."`
	Response    Response    `yaml:"response,omitempty" json:"response,omitempty" jsonschema:"enum=undecided,enum=mitigate,enum=eliminate,enum=accept,enum=transfer"`
	Owner       string      `yaml:"owner,omitempty" json:"owner,omitempty"`
	Controls    []Control   `yaml:"controls,omitempty" json:"controls,omitempty"`
	Acceptance  *Acceptance `yaml:"acceptance,omitempty" json:"acceptance,omitempty"`
	Transfer    *Transfer   `yaml:"transfer,omitempty" json:"transfer,omitempty"`
	Elimination *Decision   `yaml:"elimination,omitempty" json:"elimination,omitempty"`
	State       State       `yaml:"state,omitempty" json:"state,omitempty" jsonschema:"enum=new,enum=gone"`
	// Where says where the threat's code runs when that is not the
	// product in production (a release script, a migration, a developer's
	// machine), and what it takes to reach it. Such threats rank after
	// every threat in served code and have their own section of the page.
	Where string `yaml:"where,omitempty" json:"where,omitempty" jsonschema:"description=Set when the code does not run in production: where it runs and what reaching it takes."`
}

// Site is one place a grouped threat is found: a route's surface.
type Site struct {
	Surface  string     `yaml:"surface" json:"surface" jsonschema:"description=The id of the route's own surface." redact:"id"`
	Name     string     `yaml:"name,omitempty" json:"name,omitempty"`
	Evidence []Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty"`
}

// Control is one mitigation and how far it has got.
type Control struct {
	Text     string        `yaml:"text" json:"text"`
	Status   ControlStatus `yaml:"status" json:"status" jsonschema:"enum=planned,enum=in-progress,enum=implemented"`
	Evidence []Evidence    `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	// Check names the rule's evidence check that verifies this control in
	// code; empty for controls a person wrote.
	Check string `yaml:"check,omitempty" json:"check,omitempty"`
	// External records a control outside the repository (a WAF rule, a
	// gateway, a provider setting): attested by a person, not verified in
	// code.
	External *External `yaml:"external,omitempty" json:"external,omitempty" jsonschema:"description=A control outside the repository: what it is; where it is set; who attests it and when. check shows it as attested; not verified."`
}

// External is a control that lives outside the code, as a person attests
// it: what, where it is configured, by whom, and on which date.
type External struct {
	What  string `yaml:"what" json:"what" jsonschema:"description=What the control is: a WAF rate rule; an API gateway key check."`
	Where string `yaml:"where" json:"where" jsonschema:"description=Where it is set: the console; account or file that holds it."`
	By    string `yaml:"by" json:"by" jsonschema:"description=Who attests it is in place."`
	Date  Date   `yaml:"date" json:"date" jsonschema:"type=string,format=date,description=When it was last seen in place (YYYY-MM-DD)."`
}

// Acceptance is a deliberate, recorded decision to live with a risk.
type Acceptance struct {
	By      string `yaml:"by" json:"by"`
	On      Date   `yaml:"on" json:"on" jsonschema:"type=string,format=date"`
	Why     string `yaml:"why" json:"why"`
	Revisit Date   `yaml:"revisit" json:"revisit" jsonschema:"type=string,format=date"`
}

// Transfer records who carries a risk now, and how.
type Transfer struct {
	To  string `yaml:"to" json:"to"`
	How string `yaml:"how" json:"how"`
	By  string `yaml:"by,omitempty" json:"by,omitempty"`
	On  Date   `yaml:"on,omitempty" json:"on,omitzero" jsonschema:"type=string,format=date"`
}

// Decision records an elimination: the surface was removed, by whom, why.
type Decision struct {
	By  string `yaml:"by,omitempty" json:"by,omitempty"`
	On  Date   `yaml:"on,omitempty" json:"on,omitzero" jsonschema:"type=string,format=date"`
	Why string `yaml:"why" json:"why"`
}
