// Package threat turns what a scan found into a threat map: assets in the
// three buckets, surfaces with their trust boundaries, and threats drafted
// by rules, each with its one-liner, a difficulty for a zero-knowledge
// automated attacker, an impact, and suggested controls whose status is
// checked against the code. Rules read the scan's facts, never the code:
// each returns hits naming the surface and assets it needs, and the
// drafter creates them (docs/adding-a-rule.md).
package threat

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/redact"
)

// Options tune a draft.
type Options struct {
	Product string // the product's name; defaults to the scanned folder's
	// Roles, when set, says where a path's code runs before the scan's
	// classification does (threatmap-check.yaml's roles); false leaves
	// the path to the scan.
	Roles func(path string) (lang.Role, bool)
}

// Draft builds a model from a scan. It is deterministic: the same facts
// give the same model, byte for byte once encoded.
func Draft(f facts.Facts, opt Options) *model.Model {
	d := newDrafter(f)
	d.c.roles = opt.Roles
	d.surfaces()
	d.threats()
	d.finish()
	name := opt.Product
	if name == "" {
		name = f.Root
	}
	if name == "" {
		name = "product"
	}
	d.m.Version = model.CurrentVersion
	d.m.Product = model.Product{Name: name, Description: "Drafted by threatmap from the code; edit to taste."}
	d.m.Review = model.Review{Every: model.DefaultReviewEvery}
	return d.m
}

// drafter holds one draft in progress.
type drafter struct {
	f facts.Facts
	m *model.Model

	assets     map[string]*model.Asset
	boundaries map[string]*model.Boundary
	surfaceIdx map[string]int // surface id → index in m.Surfaces
	routeSurf  map[string]string
	usedAssets map[string]bool
	threatIdx  map[string]int          // threat id → index in m.Threats
	sinks      map[string][]facts.Step // threat id → the sinks its row names
	reasons    map[string]string       // threat id → its first sink's reason
	c          *Context
}

func newDrafter(f facts.Facts) *drafter {
	d := &drafter{
		f: f, m: &model.Model{},
		assets: map[string]*model.Asset{}, boundaries: map[string]*model.Boundary{},
		surfaceIdx: map[string]int{}, routeSurf: map[string]string{},
		usedAssets: map[string]bool{}, threatIdx: map[string]int{}, sinks: map[string][]facts.Step{}, reasons: map[string]string{},
	}
	d.c = newContext(f)
	return d
}

// ---- assets ----------------------------------------------------------------

// Asset ids drafted from code. Rules name them in their hits by these
// ids, and by dataAsset and creditsAsset.
const (
	assetAllCredentials = "all-credentials"
	assetUploadedFiles  = "uploaded-files"
	assetBillingState   = "billing-state"
	assetOutgoingEmail  = "outgoing-email"
	assetUserData       = "user-data"
	assetCreditsModel   = "credits-llm" // credits of a model the code does not name
)

// draftAsset drafts the asset a hit names, on first use, and returns its
// id: a model's asset is drafted with the surfaces, and an id that names
// no asset of the scan is the generic user data.
func (d *drafter) draftAsset(id string) string {
	switch id {
	case assetAllCredentials:
		return d.allCredentials()
	case assetUploadedFiles:
		return d.uploadedFiles()
	case assetBillingState:
		return d.billingState()
	case assetOutgoingEmail:
		return d.outgoingEmail()
	case assetUserData:
		return d.genericUserData()
	case assetCreditsModel:
		return d.asset(id, func() model.Asset {
			return model.Asset{Name: "Credits (model tokens)", Kind: model.Credentials, Impact: model.High,
				Description: "Every model call is billed to the product."}
		})
	}
	for _, tp := range d.f.ThirdParties {
		if creditsAsset(tp.Service) == id {
			return d.credits(tp)
		}
	}
	return d.asset(id, nil)
}

var criticalFields = regexp.MustCompile(`(?i)(password|passwd|card|iban|ssn|social_security|national_id|passport|tax_id|health|diagnos|medical)`)

// asset returns the asset with id, creating it on first use.
func (d *drafter) asset(id string, make func() model.Asset) string {
	if _, ok := d.assets[id]; !ok {
		if make == nil {
			return d.genericUserData()
		}
		a := make()
		a.ID = id
		d.assets[id] = &a
	}
	d.usedAssets[id] = true
	return id
}

func (d *drafter) allCredentials() string {
	return d.asset(assetAllCredentials, func() model.Asset {
		var names []string
		var ev []model.Evidence
		for _, c := range d.f.Credentials {
			if c.Secret {
				names = append(names, c.Name)
				ev = append(ev, firstEvidence(c.Evidence)...)
			}
		}
		desc := "Every secret the code reads: API keys, database URLs, signing keys."
		if len(names) > 0 {
			desc = "The secrets the code reads: " + joinMax(names, 8) + "."
		}
		return model.Asset{Name: "Credentials (all of them)", Kind: model.Credentials, Impact: model.Critical,
			Description: desc, Evidence: capEvidence(ev, 5)}
	})
}

func (d *drafter) credits(tp facts.ThirdParty) string {
	return d.asset(creditsAsset(tp.Service), func() model.Asset {
		return model.Asset{Name: fmt.Sprintf("Credits (%s tokens)", tp.Name), Kind: model.Credentials, Impact: model.High,
			Description: fmt.Sprintf("Every call to %s is billed to the product; a stolen key or an abused route spends it.", tp.Name),
			Fields:      tp.Credentials, Evidence: capEvidence(toModel(tp.Evidence), 3)}
	})
}

// storedCredentials drafts the credentials a model keeps for the app (an
// OAuth client's secret, a storage disk's keys): no person's data, the
// app's own way into a service, as a secret the code reads is.
func (d *drafter) storedCredentials(a facts.Asset) string {
	return d.asset(storedAsset(a.Name), func() model.Asset {
		return model.Asset{Name: fmt.Sprintf("Credentials (stored in %s)", a.Name), Kind: model.Credentials, Impact: model.High,
			Description: "The app's own credentials for a service, kept in its database: " + joinMax(classedFields(a), 8) + ".",
			Fields:      a.Fields, Evidence: capEvidence(toModel(a.Evidence), 3)}
	})
}

func (d *drafter) uploadedFiles() string {
	return d.asset(assetUploadedFiles, func() model.Asset {
		return model.Asset{Name: "User data (uploaded files)", Kind: model.UserData, Impact: model.High,
			Description: "The files users upload, and what is extracted from them."}
	})
}

// billingState is the one integrity asset for billing: the models that hold
// plans, subscriptions or credits fold into it.
func (d *drafter) billingState() string {
	return d.asset(assetBillingState, func() model.Asset {
		a := model.Asset{Name: "Product integrity (billing state)", Kind: model.Integrity, Impact: model.High,
			Description: "Who has paid, for what plan, and how many credits each account holds."}
		var ev []model.Evidence
		for _, f := range d.f.Assets {
			if f.Kind == string(model.Integrity) {
				a.Fields = append(a.Fields, f.Fields...)
				ev = append(ev, toModel(f.Evidence)...)
			}
		}
		slices.Sort(a.Fields)
		a.Fields = slices.Compact(a.Fields)
		a.Evidence = capEvidence(ev, 3)
		return a
	})
}

func (d *drafter) outgoingEmail() string {
	return d.asset(assetOutgoingEmail, func() model.Asset {
		return model.Asset{Name: "Product integrity (e-mail sent in your name)", Kind: model.Integrity, Impact: model.Medium,
			Description: "Mail the product sends: abused, it phishes your users from your domain and burns its reputation."}
	})
}

func (d *drafter) genericUserData() string {
	return d.asset(assetUserData, func() model.Asset {
		return model.Asset{Name: "User data (accounts and content)", Kind: model.UserData, Impact: model.High,
			Description: "What users hand the product: accounts, content, history."}
	})
}

// userDataAssets drafts one asset per model that holds sensitive fields.
func (d *drafter) userDataAssets() {
	for _, a := range d.f.Assets {
		switch a.Kind {
		case string(model.UserData):
			d.asset(dataAsset(a.Name), func() model.Asset {
				impact := model.High
				if criticalFields.MatchString(strings.Join(a.Fields, " ")) {
					impact = model.Critical
				}
				desc := "Sensitive fields: " + joinMax(classedFields(a), 8) + "."
				if a.Owner != nil {
					// Its fields name nothing personal: the relation says whose it is.
					desc = fmt.Sprintf("Belongs to a user (references %s at %s:%d)", a.Owner.Model, a.Owner.File, a.Owner.Line)
					if len(a.Fields) > 0 {
						desc += "; holds " + joinMax(a.Fields, 8)
					}
					desc += "."
				}
				return model.Asset{Name: fmt.Sprintf("User data (%s)", a.Name), Kind: model.UserData, Impact: impact,
					Description: desc,
					Fields:      a.Fields, Evidence: capEvidence(toModel(a.Evidence), 3)}
			})
		case string(model.Integrity):
			d.billingState()
		case string(model.Credentials):
			if len(a.Fields) > 0 {
				d.storedCredentials(a)
			}
		}
	}
	for _, c := range d.f.Credentials {
		if c.Secret {
			d.allCredentials()
			break
		}
	}
}

// ---- boundaries ------------------------------------------------------------

func (d *drafter) boundary(from, to, name string) string {
	id := slug(from) + "-" + slug(to)
	if _, ok := d.boundaries[id]; !ok {
		d.boundaries[id] = &model.Boundary{ID: id, Name: name, From: from, To: to}
	}
	return id
}

// ---- surfaces --------------------------------------------------------------

func (d *drafter) addSurface(s model.Surface) string {
	base := s.ID
	for n := 2; ; n++ {
		if _, taken := d.surfaceIdx[s.ID]; !taken {
			break
		}
		s.ID = fmt.Sprintf("%s-%d", base, n)
	}
	d.surfaceIdx[s.ID] = len(d.m.Surfaces)
	d.m.Surfaces = append(d.m.Surfaces, s)
	return s.ID
}

func (d *drafter) surface(id string) *model.Surface {
	if i, ok := d.surfaceIdx[id]; ok {
		return &d.m.Surfaces[i]
	}
	return nil
}

// RouteName is how a route is named on the page: "POST /api/chat".
func RouteName(r facts.Route) string {
	if r.Method == "" || r.Method == "ANY" {
		return r.Path
	}
	return r.Method + " " + r.Path
}

// RouteSurfaceID is the drafted surface id of a route: its method and path.
func RouteSurfaceID(r facts.Route) string {
	m := strings.ToLower(r.Method)
	if m == "" {
		m = "any"
	}
	s := slug(m + " " + r.Path)
	if r.Path == "/" {
		s = m + "-root"
	}
	return s
}

func (d *drafter) surfaces() {
	d.userDataAssets()
	for i := range d.f.Surfaces {
		r := &d.f.Surfaces[i]
		kind := model.KindEndpoint
		switch {
		case has(r.Tags, facts.TagWebhook):
			kind = model.KindWebhook
		case has(r.Tags, facts.TagUpload):
			kind = model.KindUpload
		case has(r.Tags, facts.TagAdmin):
			kind = model.KindAdmin
		}
		dir := model.Entry
		if (r.Method == "GET" || r.Method == "HEAD") && len(r.Params) > 0 {
			dir = model.Exit
		}
		exposure := model.Public
		if r.Auth == facts.AuthRequired {
			exposure = model.Authenticated
		}
		if r.Condition != "" {
			exposure = model.Internal // served only in development or tests
		}
		boundary := d.boundary("browser", "api", "Browser to API")
		if kind == model.KindWebhook {
			if p := d.c.webhookProvider(r); p != "" {
				boundary = d.boundary(p, "api", titleCase(p)+" to API")
			}
		}
		id := d.addSurface(model.Surface{
			ID: RouteSurfaceID(*r), Kind: kind, Direction: dir, Name: RouteName(*r),
			Evidence: []model.Evidence{{File: r.File, Line: r.Line}}, Exposure: exposure, Assets: d.modelsOf(r),
			Boundary: boundary, Match: &model.SurfaceMatch{Method: r.Method, Path: r.Path, Exposure: exposure},
		})
		d.routeSurf[r.ID] = id
	}
	for _, s := range storesToMap(d.f) {
		exposure := model.Internal
		var assets []string
		switch {
		case isBucket(s.Kind) || s.Kind == "filesystem":
			assets = []string{d.uploadedFiles()}
			exposure = model.Authenticated
		default:
			for _, a := range d.f.Assets {
				switch {
				case a.Kind == string(model.UserData):
					assets = append(assets, d.asset(dataAsset(a.Name), nil))
				case a.Kind == string(model.Credentials) && len(a.Fields) > 0:
					assets = append(assets, d.storedCredentials(a))
				}
			}
		}
		d.addSurface(model.Surface{
			ID: storeSurfaceID(s), Kind: model.KindStore, Direction: model.Store, Name: s.Name,
			Evidence: capEvidence(toModel(s.Evidence), 3), Exposure: exposure, Assets: assets,
			Boundary: d.boundary("api", storeSide(s.Kind), "API to "+storeSide(s.Kind)),
			Match:    &model.SurfaceMatch{Fact: "store:" + s.Kind + ":" + s.Name, Exposure: exposure},
		})
	}
	for _, tp := range d.f.ThirdParties {
		owned := false
		var assets []string
		switch tp.Category {
		case "llm":
			assets = append(assets, d.credits(tp))
		case "payments":
			assets = append(assets, d.billingState())
		case "email":
			assets = append(assets, d.outgoingEmail())
		}
		d.addSurface(model.Surface{
			ID: "third-party-" + slug(tp.Service), Kind: model.KindThirdParty, Direction: model.Exit, Name: tp.Name + " API",
			Evidence: capEvidence(toModel(tp.Evidence), 3), Exposure: model.Internal, Assets: assets, Owned: &owned,
			Boundary: d.boundary("api", slug(tp.Service), "API to "+tp.Name),
			Match:    &model.SurfaceMatch{Fact: "third-party:" + tp.Service, Exposure: model.Internal},
		})
	}
	for _, g := range d.c.secretFiles() {
		name := "Secrets committed in " + g.file
		if isDotenv(g.file) {
			name = "Environment variables / " + path.Base(g.file) + " in repo"
		}
		if n := len(g.copies); n > 0 {
			files := "files"
			if n == 1 {
				files = "file"
			}
			name += fmt.Sprintf(" (and copied into %d other %s)", n, files)
		}
		exposure, boundary := model.Internal, d.boundary("repository", "readers", "Repository to whoever can read it")
		if r := d.c.servedAt(g); r != nil {
			// A static mount serves the file: it is on the internet too.
			name += " (served at GET " + r.Path + ")"
			exposure, boundary = model.Public, d.boundary("browser", "api", "Browser to API")
		}
		d.addSurface(model.Surface{
			ID: secretsSurfaceID(g.file), Kind: model.KindSecret, Direction: model.Store, Name: name,
			Evidence: g.evidence, Exposure: exposure, Assets: []string{d.allCredentials()},
			Boundary: boundary,
			Match:    &model.SurfaceMatch{Fact: g.matchFact(), Exposure: exposure},
		})
	}
}

// modelsOf is the user-data assets whose models a route's handler
// reads or writes: the surfaces an asset row names.
func (d *drafter) modelsOf(r *facts.Route) []string {
	var out []string
	named := d.c.Named(facts.SignalNamesModel, r)
	for _, a := range d.f.Assets {
		if a.Kind == string(model.UserData) && slices.Contains(named, a.Name) {
			out = append(out, d.asset(dataAsset(a.Name), nil))
		}
	}
	return out
}

// storesToMap picks the stores to draw: buckets declared in infrastructure
// code stand for the ones the application code opens, so one bucket is
// not drawn twice.
func storesToMap(f facts.Facts) []facts.Store {
	declared := map[string]bool{}
	for _, s := range f.Stores {
		if fromIaC(s.Evidence) {
			declared[s.Kind] = true
		}
	}
	var out []facts.Store
	for _, s := range f.Stores {
		if declared[s.Kind] && !fromIaC(s.Evidence) && isBucket(s.Kind) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// storeSurfaceID names a store's surface after the store: store-s3-bucket-uploads.
func storeSurfaceID(s facts.Store) string {
	id := slug(s.Name)
	if !strings.HasPrefix(id, slug(s.Kind)) {
		id = slug(s.Kind) + "-" + id
	}
	return "store-" + id
}

func isBucket(kind string) bool {
	return kind == "r2" || catalog.BucketService(kind) != nil
}

func fromIaC(ev []facts.Evidence) bool {
	for _, e := range ev {
		if l := lang.Of(e.File); l == lang.Terraform || l == lang.TerraformJSON {
			return true
		}
	}
	return false
}

func storeSide(kind string) string {
	switch kind {
	case "s3":
		return "aws-s3" // the same node as the aws-s3 third party
	case "r2":
		return "cloudflare-r2"
	case "gcs", "azure-blob":
		return kind
	case "filesystem":
		return "disk"
	case "redis", "memcached":
		return "cache"
	case "sqs", "rabbitmq", "kafka", "nats":
		return "queue"
	}
	if s := catalog.BucketService(kind); s != nil {
		return s.ID // the same node as the vendor's third-party row
	}
	return "database"
}

type secretFile struct {
	file     string
	evidence []model.Evidence
	secrets  []facts.Secret
	// copies are the other files that hold the same secrets and nothing
	// else: one value pasted into many files is one finding.
	copies []string
}

// matchFact is what the group's surface is matched by: its file, and the
// files holding copies of its secrets, comma-separated.
func (g secretFile) matchFact() string {
	return model.SecretsFact + strings.Join(append([]string{g.file}, g.copies...), ",")
}

// secretFiles groups committed secrets by file: one surface per file. A
// default password that infrastructure facts already report (a compose
// file) is left to the default-credentials rule, so it is one row. A
// secret that only looks like one by where it sits (a generic or literal
// rule) in a test, fixture, example or documentation file is placeholder
// data, not a credential: it is left out.
func (c *Context) secretFiles() []secretFile {
	f := c.F
	var out []secretFile
	idx := map[string]int{}
	infraDefaults := map[string]bool{}
	for _, in := range f.Infrastructure {
		if in.Kind == "default-password" {
			for _, e := range in.Evidence {
				infraDefaults[e.File] = true
			}
		}
	}
	for _, s := range f.Secrets {
		if s.Rule == "default-password" && infraDefaults[s.File] {
			continue
		}
		if genericSecret(s) && placeholderKinds[c.RoleOf(s.File).Kind] {
			continue
		}
		i, ok := idx[s.File]
		if !ok {
			i = len(out)
			idx[s.File] = i
			out = append(out, secretFile{file: s.File})
		}
		out[i].secrets = append(out[i].secrets, s)
		if len(out[i].evidence) < 5 {
			out[i].evidence = append(out[i].evidence, model.Evidence{File: s.File, Line: s.Line})
		}
	}
	return mergeCopies(out)
}

// maxCopySites is how many files' sites a group of copies lists.
const maxCopySites = 10

// mergeCopies joins the files that hold the same secrets, and nothing
// else, into the first of them: one key pasted into every page of a theme
// or every service's config is one finding with its sites, not a row per
// file. A file that holds another secret too keeps its own row. The value
// never leaves the detector: secrets are the same by rule and by the
// value's fingerprint (redact.Same), whatever name each file gives it (a
// JWT key "secret" signed with in one file and checked in another);
// without one, by rule, name and redacted form, where a value redacted
// to nothing (under 8 characters) is no evidence of sameness and is never
// merged.
func mergeCopies(groups []secretFile) []secretFile {
	var out []secretFile
	first := map[string]int{}
	for _, g := range groups {
		k, ok := valuesKey(g.secrets)
		if !ok {
			out = append(out, g)
			continue
		}
		i, seen := first[k]
		if !seen {
			first[k] = len(out)
			out = append(out, g)
			continue
		}
		out[i].copies = append(out[i].copies, g.file)
		out[i].secrets = append(out[i].secrets, g.secrets...)
		if len(out[i].copies) < maxCopySites {
			out[i].evidence = append(out[i].evidence, g.evidence[0])
		}
	}
	return out
}

// valuesKey names the set of secrets a file holds; false when one of them
// is redacted to nothing.
func valuesKey(ss []facts.Secret) (string, bool) {
	var ks []string
	for _, s := range ss {
		switch {
		case s.Commit != "":
			return "", false
		case s.Same != "":
			ks = append(ks, s.Rule+"\x00"+s.Same)
		case s.Redacted == "" || s.Redacted == redact.Ellipsis:
			return "", false
		default:
			ks = append(ks, s.Rule+"\x00"+s.Variable+"\x00"+s.Redacted)
		}
	}
	slices.Sort(ks)
	return strings.Join(slices.Compact(ks), "\x01"), len(ks) > 0
}

// placeholderKinds are where code keeps sample data: tests, fixtures,
// examples and documentation; and the settings of a run that is not
// production: a CI job's environment (.env.ci, a workflow's env block),
// a developer's (application-dev.yml, appsettings.Development.json). A
// key there opens the job's or the laptop's throwaway services; a
// provider's key (AKIA..., sk_live_...) is real wherever it sits.
var placeholderKinds = map[lang.Kind]bool{lang.Test: true, lang.Fixture: true, lang.Example: true, lang.Docs: true,
	lang.CI: true, lang.DevEnv: true}

// genericSecret is a secret found by where it sits or by a generic
// pattern, not by a provider's key format (AKIA..., sk_live_...): in
// sample code it is a sample.
func genericSecret(s facts.Secret) bool {
	switch s.Rule {
	case "hardcoded-signing-key", "secret-env-fallback", "default-password", "dotenv":
		return true
	}
	return strings.Contains(s.Rule, "generic")
}

// secretsSurfaceID names the surface of the secrets committed in a file.
func secretsSurfaceID(file string) string { return "secrets-" + slug(file) }

func isDotenv(file string) bool {
	b := path.Base(file)
	return b == ".env" || strings.HasPrefix(b, ".env.")
}

// webhookProvider is who posts to a webhook route, when the code says.
func (c *Context) webhookProvider(r *facts.Route) string {
	if p := c.Named(facts.SignalWebhookProvider, r); len(p) > 0 {
		return p[0]
	}
	return ""
}

// ---- threats ---------------------------------------------------------------

func (d *drafter) threats() {
	for _, r := range Rules() {
		var groups []*group
		idx := map[string]int{}
		// Open sites of a cause that groups them (one resource's routes)
		// wait until every hit is read: one alone keeps its own row.
		var pendingKeys []string
		pending := map[string][]drafted{}
		for _, h := range sharedHandlers(r.fire(d.c)) {
			t, ok := d.draftThreat(r, h)
			if !ok {
				continue
			}
			c := h.Cause
			open := !t.threat.FullyMitigated()
			if c != nil && c.MitigatedOnly && open && c.Open != nil && h.Route != nil && t.threat.Where == "" {
				d.threatIdx[t.threat.ID] = -1
				if _, ok := pending[c.Open.ID]; !ok {
					pendingKeys = append(pendingKeys, c.Open.ID)
				}
				pending[c.Open.ID] = append(pending[c.Open.ID], t)
				if len(pending[c.Open.ID]) == 2 {
					idx[c.Open.ID] = len(groups)
					groups = append(groups, &group{id: c.Open.ID, cause: *c.Open})
				}
				continue
			}
			if c == nil || h.Route == nil && h.Store == nil || t.threat.Where != "" || c.MitigatedOnly && open {
				d.threatIdx[t.threat.ID] = len(d.m.Threats)
				d.m.Threats = append(d.m.Threats, t.threat)
				continue
			}
			d.threatIdx[t.threat.ID] = -1
			key := c.ID
			if !open && !c.MitigatedOnly {
				key += "-mitigated"
			}
			i, seen := idx[key]
			if !seen {
				i = len(groups)
				idx[key] = i
				groups = append(groups, &group{id: key, cause: *c, stores: h.Route == nil})
			}
			groups[i].sites = append(groups[i].sites, t)
		}
		for _, k := range pendingKeys {
			if ts := pending[k]; len(ts) == 1 {
				d.threatIdx[ts[0].threat.ID] = len(d.m.Threats)
				d.m.Threats = append(d.m.Threats, ts[0].threat)
			} else {
				groups[idx[k]].sites = ts
			}
		}
		for _, g := range groups {
			d.addGroup(r, g)
		}
	}
}

// sharedHandlers gives the hits whose routes one handler serves (a view
// mounted at two paths, a class answering GET and DELETE) one cause: the
// weakness is in that handler and so is its fix, so they are one row with
// each route a site. A handler serving one route keeps its route's row.
func sharedHandlers(hits []Hit) []Hit {
	key := func(h Hit) string {
		r := h.Route
		if r == nil || h.Cause != nil && !h.Cause.MitigatedOnly {
			return ""
		}
		// A handler is known by its file and name (the name keeps the
		// row's id through edits above it); an anonymous one only where
		// the detector says where its code starts. A route registered in
		// a loop shares its line with other handlers, so a line alone
		// names none.
		switch {
		case r.HandlerFile != "":
			return r.HandlerFile + "#" + cmp.Or(r.Handler, strconv.Itoa(r.HandlerLine))
		case r.Handler != "" && r.File != "":
			return r.File + "#" + r.Handler
		}
		return ""
	}
	routes := map[string]map[string]bool{}
	// resources: the resource causes of a handler's routes. Where all
	// its routes look up one resource, the resource's row gathers them
	// (with the resource's other handlers): no row of the handler's own.
	resources := map[string]map[string]bool{}
	for _, h := range hits {
		if k := key(h); k != "" {
			if routes[k] == nil {
				routes[k] = map[string]bool{}
				resources[k] = map[string]bool{}
			}
			routes[k][h.Route.ID] = true
			open := ""
			if h.Cause != nil && h.Cause.Open != nil {
				open = h.Cause.Open.ID
			}
			resources[k][open] = true
		}
	}
	for i, h := range hits {
		k := key(h)
		if len(routes[k]) < 2 || len(resources[k]) == 1 && !resources[k][""] {
			continue
		}
		r := h.Route
		file := k[:strings.LastIndexByte(k, '#')]
		name := "Routes served by one handler (" + path.Base(file) + ")"
		if r.Handler != "" {
			name = "Routes served by " + r.Handler + " (" + path.Base(file) + ")"
		}
		// The id names the handler by its file's folder, base name and
		// function: short, and the same after edits elsewhere.
		file = strings.TrimSuffix(file, path.Ext(file))
		if dir := path.Base(path.Dir(file)); dir != "." && dir != "/" {
			file = dir + "-" + path.Base(file)
		} else {
			file = path.Base(file)
		}
		hits[i].Cause = &Cause{ID: "handler-" + slug(file+"-"+k[strings.LastIndexByte(k, '#')+1:]), Name: name}
	}
	return hits
}

// drafted is one hit's threat before it is added, with the parts of its
// one-liner a grouped row rewrites.
type drafted struct {
	threat  model.Threat
	surface *model.Surface
	// tail is the one-liner after "If [surface] is abused, ".
	tail string
}

// group is the hits of one rule that share a cause.
type group struct {
	id     string
	cause  Cause
	stores bool // its sites are stores, not routes
	sites  []drafted
}

// addGroup adds one threat for a group of routes that share a cause, on
// a surface named for the cause: its rating is its worst site's, its
// assets and evidence every site's, and a control is implemented only
// where it is found at every site.
func (d *drafter) addGroup(r *Rule, g *group) {
	slices.SortStableFunc(g.sites, func(a, b drafted) int {
		return cmp.Or(cmp.Compare(a.threat.Difficulty.Rank(), b.threat.Difficulty.Rank()), cmp.Compare(a.threat.Impact.Rank(), b.threat.Impact.Rank()),
			cmp.Compare(a.surface.Name, b.surface.Name))
	})
	worst := g.sites[0]
	exposure := worst.surface.Exposure
	var ev, siteEv []model.Evidence
	var assets []string
	var names []string
	sites := make([]model.Site, 0, len(g.sites))
	for _, m := range g.sites {
		if m.surface.Exposure.Rank() < exposure.Rank() {
			exposure = m.surface.Exposure
		}
		ev = append(ev, m.threat.Evidence...)
		siteEv = append(siteEv, m.surface.Evidence...)
		for _, a := range m.threat.Assets {
			if !slices.Contains(assets, a) {
				assets = append(assets, a)
			}
		}
		sites = append(sites, model.Site{Surface: m.surface.ID, Name: m.surface.Name, Evidence: capEvidence(slices.Clone(m.surface.Evidence), 1)})
	}
	slices.SortFunc(sites, func(a, b model.Site) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Surface, b.Surface))
	})
	for _, s := range sites {
		names = append(names, s.Name)
	}
	fact := model.GroupFact + r.ID + ":" + g.id
	sid := slug(g.id)
	if s := d.surface(sid); s == nil || s.Match == nil || s.Match.Fact != fact {
		kind, dir, boundary := model.KindEndpoint, model.Entry, ""
		if g.stores {
			// Stores: the group is what its sites are, behind their boundary.
			kind, dir, boundary = worst.surface.Kind, worst.surface.Direction, worst.surface.Boundary
		} else {
			boundary = d.boundary("browser", "api", "Browser to API")
		}
		sid = d.addSurface(model.Surface{ID: sid, Kind: kind, Direction: dir, Name: g.cause.Name,
			Evidence: capEvidence(siteEv, 3), Exposure: exposure, Boundary: boundary,
			Match: &model.SurfaceMatch{Fact: fact, Exposure: exposure}})
	}
	s := d.surface(sid)
	for _, a := range assets {
		if !slices.Contains(s.Assets, a) {
			s.Assets = append(s.Assets, a)
		}
	}
	t := worst.threat
	t.ID = r.ID + "." + sid
	t.Surface = sid
	t.Assets = assets
	t.Evidence = capEvidence(ev, 5)
	t.Sites = sites
	label := names[0]
	if len(names) > 1 {
		label = fmt.Sprintf("any of %d %s (%s)", len(names), cmp.Or(g.cause.Sites, "routes"), joinMax(names, 2))
	}
	t.Statement = "If " + label + " is abused, " + worst.tail
	t.Controls = nil
	mitigated := !worst.threat.IsOpen()
	for _, sc := range r.Controls {
		var found, inProgress int
		var cev []model.Evidence
		present := false
		for _, m := range g.sites {
			for _, c := range m.threat.Controls {
				if c.Text != sc.Text {
					continue
				}
				present = true
				switch c.Status {
				case model.Implemented:
					found++
					cev = append(cev, c.Evidence...)
				case model.InProgress:
					inProgress++
					cev = append(cev, c.Evidence...)
				}
			}
		}
		ctl := model.Control{Text: sc.Text, Status: model.Planned, Check: sc.Check}
		switch {
		case found == len(g.sites):
			ctl.Status, ctl.Evidence = model.Implemented, capEvidence(cev, 3)
		case found+inProgress == len(g.sites):
			// In the code at every site, but not in effect everywhere.
			ctl.Status, ctl.Evidence = model.InProgress, capEvidence(cev, 3)
		}
		// A mitigated group keeps what answers it at every site, as one
		// mitigated site keeps only what was found.
		if !present || mitigated && ctl.Status != model.Implemented {
			continue
		}
		t.Controls = append(t.Controls, ctl)
	}
	t.Response = model.Undecided
	if t.FullyMitigated() {
		t.Response = model.Mitigate
	}
	d.threatIdx[t.ID] = len(d.m.Threats)
	d.m.Threats = append(d.m.Threats, t)
}

// hitSurface drafts, when it is new, the surface a hit names, and returns
// its id.
func (d *drafter) hitSurface(h Hit) string {
	switch {
	case h.New != nil:
		return d.newSurface(*h.New)
	case h.Secrets != "":
		return secretsSurfaceID(h.Secrets)
	case h.Store != nil:
		return storeSurfaceID(*h.Store)
	case h.Route != nil:
		return d.routeSurf[h.Route.ID]
	}
	return ""
}

// newSurface adds a rule's surface once per id.
func (d *drafter) newSurface(ns NewSurface) string {
	id := slug(ns.ID)
	if d.surface(id) != nil {
		return id
	}
	var b string
	switch ns.Kind {
	case model.KindPipeline:
		b = d.boundary("ci", "repository", "CI to repository")
	case model.KindInfrastructure:
		b = d.boundary("internet", "cloud", "Internet to cloud")
	default:
		b = d.boundary("browser", "api", "Browser to API")
	}
	return d.addSurface(model.Surface{ID: id, Kind: ns.Kind, Direction: ns.Direction, Name: ns.Name, Exposure: ns.Exposure,
		Evidence: capEvidence(ns.Evidence, 3), Boundary: b, Match: &model.SurfaceMatch{Fact: ns.Fact, Exposure: ns.Exposure}})
}

// draftThreat drafts a hit's surface and assets and its threat, once per
// rule and surface, with each suggested control checked in the code.
func (d *drafter) draftThreat(r *Rule, h Hit) (drafted, bool) {
	role, served := d.c.hitRole(h)
	if !served && localKinds[role.Kind] && h.Secrets == "" {
		// A test suite or a developer's own machine is no surface: a
		// devcontainer's database is not an exposed one.
		return drafted{}, false
	}
	sid := d.hitSurface(h)
	assets := make([]string, len(h.Assets))
	for i, a := range h.Assets {
		assets[i] = d.draftAsset(a)
	}
	s := d.surface(sid)
	if s == nil {
		return drafted{}, false
	}
	id := r.ID + "." + s.ID
	if i, ok := d.threatIdx[id]; ok {
		if i >= 0 { // a grouped route's threat has no row of its own
			d.addSink(&d.m.Threats[i], h)
		}
		return drafted{}, false
	}
	if h.Sink != nil {
		d.sinks[id] = []facts.Step{*h.Sink}
	}
	requires := h.Requires
	if requires == "" {
		requires = h.DifficultyReason
	}
	// "this would require needs a token" reads badly: the phrase after
	// "require" is what is needed, not a sentence about it.
	for _, verb := range []string{"needs ", "requires ", "require "} {
		requires = strings.TrimPrefix(requires, verb)
	}
	// A pipeline's own files run in CI, where its threats are; a
	// pipeline fact found in a developer's tooling is outside it.
	outside := !served && (s.Kind != model.KindPipeline || role.Kind == lang.Tooling)
	if outside {
		// Code that does not run in production is out of a bot's reach:
		// whoever can change or run it is the attacker, so the threat is
		// hard, and its own section of the page says why.
		requires = role.Requires()
		h.Difficulty, h.DifficultyReason = model.Hard, role.Reason()
	}
	tail := fmt.Sprintf("an attacker could %s by %s, and this would require %s.", h.Impact, h.Method, requires)
	statement := "If " + s.Name + " is abused, " + tail
	t := model.Threat{
		ID: id, Rule: r.ID, Title: r.Title, Surface: s.ID, Assets: assets, Stride: model.Stride(r.Stride), CWE: r.CWE,
		Statement: statement, Abuse: h.Abuse, Difficulty: h.Difficulty, DifficultyReason: h.DifficultyReason,
		Impact: h.Level, ImpactReason: h.ImpactReason, Evidence: capEvidence(h.Evidence, 5), Response: model.Undecided,
	}
	gated := h.Gate != "" && h.Gate != h.Conditional && len(d.c.verify(h.Gate, h)) > 0
	for _, sc := range r.Controls {
		ctl := model.Control{Text: sc.Text, Status: model.Planned, Check: sc.Check}
		if sc.Check != "" {
			if ev := d.c.verify(sc.Check, h); len(ev) > 0 {
				ctl.Status = model.Implemented
				if sc.Check == h.Conditional {
					ctl.Status = model.InProgress
				}
				ctl.Evidence = capEvidence(ev, 3)
			}
		}
		if gated && ctl.Status != model.Implemented {
			continue
		}
		t.Controls = append(t.Controls, ctl)
	}
	if outside {
		t.Where = role.Reason()
	}
	if t.FullyMitigated() {
		t.Response = model.Mitigate
	}
	for _, a := range assets {
		d.usedAssets[a] = true
		if !slices.Contains(s.Assets, a) {
			s.Assets = append(s.Assets, a)
		}
	}
	return drafted{threat: t, surface: s, tail: tail}, true
}

// maxSinksNamed is how many more sinks a row's reason names, after the
// first, before it counts the rest.
const maxSinksNamed = 3

// addSink adds another sink of the same rule on the same surface to its
// row: each sink a route reaches is evidence (kept before the steps on
// the way to the first when the evidence is capped), and the reason
// names it. Other repeated hits add nothing: the first one says it.
func (d *drafter) addSink(t *model.Threat, h Hit) {
	if h.Sink == nil {
		return
	}
	sinks := d.sinks[t.ID]
	if slices.Contains(sinks, *h.Sink) {
		return
	}
	if len(sinks) == 1 {
		d.reasons[t.ID] = t.ImpactReason
	}
	sinks = append(sinks, *h.Sink)
	d.sinks[t.ID] = sinks
	reason := d.reasons[t.ID]
	for i, s := range sinks[1:] {
		if i == maxSinksNamed {
			reason += fmt.Sprintf("; and %d more", len(sinks)-1-maxSinksNamed)
			break
		}
		reason += fmt.Sprintf("; also %s at %s:%d", s.Note, s.File, s.Line)
	}
	t.ImpactReason = reason
	ev := make([]model.Evidence, 0, len(sinks)+len(t.Evidence))
	for _, s := range sinks {
		ev = append(ev, model.Evidence{File: s.File, Line: s.Line})
	}
	for _, e := range t.Evidence {
		if !slices.Contains(ev, e) {
			ev = append(ev, e)
		}
	}
	t.Evidence = capEvidence(ev[:min(len(ev), 5)], 5)
}

// finish orders everything deterministically and keeps only the assets and
// boundaries something refers to (plus every asset found in the code).
func (d *drafter) finish() {
	for id, a := range d.assets {
		if d.usedAssets[id] || len(a.Evidence) > 0 {
			d.m.Assets = append(d.m.Assets, *a)
		}
	}
	slices.SortFunc(d.m.Assets, func(a, b model.Asset) int {
		return cmp.Or(cmp.Compare(bucketRank(a.Kind), bucketRank(b.Kind)), cmp.Compare(a.Impact.Rank(), b.Impact.Rank()), cmp.Compare(a.ID, b.ID))
	})
	for _, b := range d.boundaries {
		d.m.Boundaries = append(d.m.Boundaries, *b)
	}
	slices.SortFunc(d.m.Boundaries, func(a, b model.Boundary) int { return cmp.Compare(a.ID, b.ID) })
	known := map[string]bool{}
	for _, a := range d.m.Assets {
		known[a.ID] = true
	}
	for i := range d.m.Surfaces {
		s := &d.m.Surfaces[i]
		s.Assets = slices.DeleteFunc(s.Assets, func(a string) bool { return !known[a] })
		slices.Sort(s.Assets)
		s.Assets = slices.Compact(s.Assets)
	}
	ranked := model.Rank(d.m)
	order := map[string]int{}
	for _, r := range ranked {
		order[r.Threat.ID] = r.Priority
	}
	slices.SortFunc(d.m.Threats, func(a, b model.Threat) int { return cmp.Compare(order[a.ID], order[b.ID]) })
}

func bucketRank(k model.AssetKind) int { return slices.Index(model.AssetKinds, k) }

// ---- helpers ---------------------------------------------------------------

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "{", "")
	s = strings.ReplaceAll(s, "}", "")
	s = nonSlug.ReplaceAllString(s, "-")
	s = strings.Trim(s, "-")
	if len(s) > 60 {
		s = strings.Trim(s[:60], "-")
	}
	if s == "" {
		s = "x"
	}
	return s
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func has(xs []string, x string) bool { return slices.Contains(xs, x) }

func toModel(ev []facts.Evidence) []model.Evidence {
	out := make([]model.Evidence, 0, len(ev))
	for _, e := range ev {
		out = append(out, model.Evidence{File: e.File, Line: e.Line})
	}
	return out
}

func firstEvidence(ev []facts.Evidence) []model.Evidence {
	if len(ev) == 0 {
		return nil
	}
	return toModel(ev[:1])
}

// capEvidence sorts a copy: callers hand the same slice to a surface and its
// threat, and compacting in place zeroes the tail the other still reads (an
// empty file in the model, which init then refuses to write).
func capEvidence(ev []model.Evidence, n int) []model.Evidence {
	ev = slices.Clone(ev)
	slices.SortFunc(ev, func(a, b model.Evidence) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line)) })
	ev = slices.Compact(ev)
	if len(ev) > n {
		ev = ev[:n]
	}
	return ev
}

// classedFields names each field with what it holds: "email (contact)".
func classedFields(a facts.Asset) []string {
	out := make([]string, len(a.Fields))
	for i, f := range a.Fields {
		out[i] = f
		if c := a.Classes[f]; c != "" {
			out[i] += " (" + strings.ReplaceAll(c, "-", " ") + ")"
		}
	}
	return out
}

func joinMax(xs []string, n int) string {
	if len(xs) <= n {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:n], ", ") + fmt.Sprintf(" and %d more", len(xs)-n)
}
