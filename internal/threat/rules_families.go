package threat

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// Rule families: rules that fire on every fact of their kinds with a fixed
// rating, each declared as one keyed literal.

// weaknessRule fires on every weakness fact of its kind (ID): on the route
// whose handler holds it, else on a surface named for it (Surface).
type weaknessRule struct {
	ID, Title   string
	Stride, CWE []string
	Fires       string
	Difficulty  model.Difficulty
	Reason      string // why that difficulty; it is also what the attack requires
	Level       model.Level
	Impact      string // the one-liner's "an attacker could ..."
	Method      string // "... by ..."
	Abuse       string // the threat map's "What happens if abused"
	Controls    []Suggestion
	Surface     string // the surface's name outside a handler: "Database queries"
	Direction   model.Direction
	// Gate is the check of the rule's own control that, found at the
	// weakness (a fetch whose client refuses internal addresses), drafts
	// the row mitigated with its evidence (Hit.Gate).
	Gate string
	// Browser: the weakness is as real in a page's script (a redirect to
	// a URL from the page's address, eval of it): kept there. Without it,
	// a page's script holds none (its fetch is the user's browser's).
	Browser bool
	// Reflected: the weakness answers the request that carries the
	// attacker's value, so it is real only on a request a victim's
	// browser can be made to send (reflected XSS): see victimCanSend.
	Reflected bool
	// Easier, when set, says why the weakness at hand is easier than the
	// rule's rating (a library that runs code with no gadget chain): its
	// row is rated easy with that reason.
	Easier func(f facts.Weakness) string
	// Stored, when set, is the wording of a weakness whose value a user
	// saved earlier (Source facts.SourceStored): stored XSS is not a
	// crafted link but a record shown unescaped to everyone who views it.
	Stored *storedWords
}

// storedWords replace a weaknessRule's reason, method and abuse for a
// stored source.
type storedWords struct{ Reason, Method, Abuse string }

// forSource is the rule as it reads for one weakness: its stored wording
// when the value was saved earlier, which no longer needs the victim to
// send the request (Reflected off).
func (w weaknessRule) forSource(f facts.Weakness) weaknessRule {
	if w.Stored == nil || f.Source != facts.SourceStored {
		return w
	}
	w.Reason, w.Method, w.Abuse, w.Reflected = w.Stored.Reason, w.Stored.Method, w.Stored.Abuse, false
	return w
}

// rate is the difficulty of one weakness and why.
func (w weaknessRule) rate(f facts.Weakness) (model.Difficulty, string) {
	if w.Easier != nil {
		if why := w.Easier(f); why != "" {
			return model.Easy, why
		}
	}
	return w.Difficulty, w.Reason
}

func (w weaknessRule) rule() *Rule {
	kind := model.KindExit
	exposure := model.Public
	switch w.Direction {
	case model.Store:
		kind, exposure = model.KindStore, model.Internal
	case model.Entry:
		kind = model.KindEndpoint
	}
	return &Rule{
		ID: w.ID, Title: w.Title, Stride: w.Stride, CWE: w.CWE, Fires: w.Fires,
		Rating:   fmt.Sprintf("%s: %s; impact %s", w.Difficulty, w.Reason, w.Level),
		Controls: w.Controls,
		fire: func(c *Context) []Hit {
			var hits []Hit
			// Sites outside any handler are one cause: one row per rule
			// and place the code runs (served, a script, a migration),
			// with every file's evidence, its id the same whichever files
			// hold it.
			outside := map[string]int{} // role kind → index in hits
			files := map[int][]string{} // index in hits → its files' names
			for _, f := range c.F.Weaknesses {
				if f.Kind != w.ID || len(f.Evidence) == 0 || !w.Browser && c.inBrowser(f.Evidence) {
					continue
				}
				w := w.forSource(f)
				// Request data followed from a route to the sink: a row on
				// every route that reaches it, its evidence the path.
				if len(f.Routes) > 0 {
					var rs []*facts.Route
					for _, id := range f.Routes {
						if r := c.routeByID(id); r != nil {
							rs = append(rs, r)
						}
					}
					// Routes that reach one sink share its fix: one row,
					// the routes its sites, as the pattern rules group a
					// missing control.
					cause := sinkCause(w, f)
					if len(rs) < 2 {
						cause = nil
					}
					for _, r := range rs {
						if w.Reflected && !c.victimCanSend(r, f.Source) {
							continue
						}
						difficulty, reason := w.rate(f)
						hits = append(hits, Hit{
							Route: r, File: r.File, Assets: c.DataIn(r),
							Impact: w.Impact, Method: w.Method, Requires: reason, Abuse: w.Abuse,
							Difficulty: difficulty, DifficultyReason: reason, Level: w.Level, ImpactReason: flowReason(f),
							Evidence: pathEvidence(f), Sink: sinkOf(f), Cause: cause, Gate: w.Gate,
						})
					}
					continue
				}
				if r := c.routeAt(f.Evidence[0].File, f.Evidence[0].Line); r != nil && f.Reach == "" {
					if w.Reflected && !c.victimCanSend(r, f.Source) {
						continue
					}
					difficulty, reason := w.rate(f)
					hits = append(hits, Hit{
						Route: r, File: r.File, Assets: c.DataIn(r),
						Impact: w.Impact, Method: w.Method, Requires: reason, Abuse: w.Abuse,
						Difficulty: difficulty, DifficultyReason: reason, Level: w.Level, ImpactReason: f.Detail,
						Evidence: toModel(f.Evidence), Gate: w.Gate,
					})
					continue
				}
				role := c.RoleAt(f.Evidence[0].File, f.Evidence[0].Line)
				where := "app"
				if !role.Served() {
					where = role.Kind.String()
				} else if f.Reach == facts.ReachNone {
					// Served code that no route the scan found reaches: not
					// what a bot finds first.
					where = "unreached"
				} else if f.Source == facts.SourceStored && w.Stored != nil {
					// Its own row: the reflected rows' link is not how it is abused.
					where = "stored"
				}
				if i, ok := outside[where]; ok {
					hits[i].Evidence = append(hits[i].Evidence, toModel(f.Evidence)...)
					hits[i].New.Evidence = hits[i].Evidence
					files[i] = appendNew(files[i], path.Base(f.Evidence[0].File))
					continue
				}
				id := w.ID + "-code"
				if where != "app" {
					id = w.ID + "-" + where
				}
				outside[where] = len(hits)
				files[len(hits)] = []string{path.Base(f.Evidence[0].File)}
				ev := toModel(f.Evidence)
				difficulty, reason, requires := w.Difficulty, w.Reason, w.Reason
				if where == "unreached" {
					difficulty = harder(w.Difficulty)
					reason = "no route the scan found reaches this code: it needs a way in the map lacks, or it is dead code"
					requires = "a way in the map does not show"
				}
				hits = append(hits, Hit{
					New: &NewSurface{ID: id, Kind: kind, Direction: w.Direction, Name: w.Surface, Exposure: exposure,
						Evidence: ev, Fact: "weakness:" + w.ID + ":" + where},
					File: f.Evidence[0].File, Assets: c.AllUserData(),
					Impact: w.Impact, Method: w.Method, Requires: requires, Abuse: w.Abuse,
					Difficulty: difficulty, DifficultyReason: reason, Level: w.Level, ImpactReason: f.Detail,
					Evidence: ev, Gate: w.Gate,
				})
			}
			// The name says which files, as the page has room for.
			for i, names := range files {
				hits[i].New.Name = fmt.Sprintf("%s (%s)", w.Surface, joinMax(names, 2))
			}
			return hits
		},
	}
}

// sinkCause is the cause of the routes that reach one followed sink: its
// id keyed by the weakness's (the sink's code, not its line, so an edit
// above it keeps what a person decided), its name the sink's place.
func sinkCause(w weaknessRule, f facts.Weakness) *Cause {
	sink := sinkOf(f)
	if sink == nil {
		return nil
	}
	key := strings.TrimPrefix(f.ID, "weakness-")
	if len(key) > 6 {
		key = key[:6]
	}
	base := path.Base(sink.File)
	return &Cause{ID: slug(strings.TrimSuffix(base, path.Ext(base))) + "-sink-" + key,
		Name: fmt.Sprintf("%s (%s:%d)", w.Surface, base, sink.Line)}
}

// harder is the next difficulty up.
func harder(d model.Difficulty) model.Difficulty {
	if d == model.Easy {
		return model.Moderate
	}
	return model.Hard
}

// flowReason says what a followed weakness is and how the data gets
// there: "SQL built from request data: the query string reaches
// pool.query(sql) at lib/db.js:6".
func flowReason(f facts.Weakness) string {
	if len(f.Path) == 0 {
		return f.Detail
	}
	sink := f.Path[len(f.Path)-1]
	return fmt.Sprintf("%s: %s reaches %s at %s:%d", f.Detail, sourceWords[f.Source], sink.Note, sink.File, sink.Line)
}

// sinkOf is a followed weakness's sink: its path's last step.
func sinkOf(f facts.Weakness) *facts.Step {
	if len(f.Path) == 0 {
		return nil
	}
	s := f.Path[len(f.Path)-1]
	return &s
}

// sourceWords name each facts.Source* in a sentence.
var sourceWords = map[string]string{
	facts.SourceParam: "a path parameter", facts.SourceQuery: "the query string", facts.SourceBody: "the request body",
	facts.SourceHeader: "a request header", facts.SourceCookie: "a cookie", facts.SourceFileName: "an uploaded file's name",
	facts.SourceGraphQLArg: "a GraphQL argument", facts.SourceMessage: "a socket message", facts.SourceURL: "the request URL",
	facts.SourceStored: "what a user saved earlier",
	"":                 "request data",
}

// pathEvidence is a followed weakness's path as evidence, the route's
// own line left out (the row is the route's), at most five places: where
// the data is read, the last calls, the sink.
func pathEvidence(f facts.Weakness) []model.Evidence {
	var out []model.Evidence
	for i, s := range f.Path {
		if i == 0 && len(f.Path) > 1 {
			continue
		}
		e := model.Evidence{File: s.File, Line: s.Line}
		if len(out) > 0 && out[len(out)-1] == e {
			continue
		}
		out = append(out, e)
	}
	if len(out) > 5 {
		out = append(out[:1], out[len(out)-4:]...)
	}
	if len(out) == 0 {
		return toModel(f.Evidence)
	}
	return out
}

// routeByID is the route with this id.
func (c *Context) routeByID(id string) *facts.Route {
	for i := range c.F.Surfaces {
		if c.F.Surfaces[i].ID == id {
			return &c.F.Surfaces[i]
		}
	}
	return nil
}

func appendNew(xs []string, x string) []string {
	if has(xs, x) {
		return xs
	}
	return append(xs, x)
}

// exitRule fires on every exit fact of its kind (Exit). An exit whose
// detail matches Escalate has high impact (a debugger that runs code, not
// only a traceback).
type exitRule struct {
	ID, Exit, Title string
	Stride, CWE     []string
	Difficulty      model.Difficulty
	Reason          string
	Level           model.Level
	Impact, Method  string
	Abuse           string
	Controls        []Suggestion
	Surface         string
	Escalate        *regexp.Regexp
	// Group: the same exit in N places is one cause, one row: the
	// handlers' sites one row, the code outside handlers another.
	Group bool
}

func (x exitRule) rule() *Rule {
	return &Rule{
		ID: x.ID, Title: x.Title, Stride: x.Stride, CWE: x.CWE, Fires: "an exit of kind " + x.Exit,
		Rating:   fmt.Sprintf("%s: %s; impact %s", x.Difficulty, x.Reason, x.Level),
		Controls: x.Controls,
		fire: func(c *Context) []Hit {
			var hits []Hit
			outside := -1 // the grouped rule's one hit outside handlers
			var files []string
			for _, f := range c.F.Exits {
				// Error responses, debug modes and logs are the server's.
				if f.Kind != x.Exit || c.inBrowser(f.Evidence) {
					continue
				}
				detail := f.Detail
				if d, ok := strings.CutPrefix(detail, facts.ExitReturnsError+": "); ok {
					// A value returned is an answer only from a handler: a
					// plugin's or a task's return goes to its caller.
					if len(f.Evidence) == 0 || c.routeAt(f.Evidence[0].File, f.Evidence[0].Line) == nil {
						continue
					}
					detail = d
				}
				ns := NewSurface{ID: x.Exit, Kind: model.KindExit, Direction: model.Exit, Name: x.Surface,
					Exposure: model.Public, Fact: "exit:" + x.Exit + ":" + firstFile(f.Evidence)}
				if x.Group {
					ns.Fact = "exit:" + x.Exit
				}
				if x.Group && outside >= 0 && c.routeAt(f.Evidence[0].File, f.Evidence[0].Line) == nil {
					// One pattern in N files is one cause: one row.
					hits[outside].Evidence = append(hits[outside].Evidence, toModel(f.Evidence)...)
					hits[outside].New.Evidence = hits[outside].Evidence
					files = appendNew(files, path.Base(f.Evidence[0].File))
					continue
				}
				var route *facts.Route
				var surface *NewSurface
				var file string
				if x.Group {
					if route = c.routeAt(f.Evidence[0].File, f.Evidence[0].Line); route == nil {
						ns.Evidence = toModel(f.Evidence)
						surface, file = &ns, f.Evidence[0].File
						outside = len(hits)
						files = []string{path.Base(file)}
					} else {
						file = route.File
					}
				} else {
					route, surface, file = c.codeSite(f.Evidence, ns)
				}
				level := x.Level
				if x.Escalate != nil && x.Escalate.MatchString(detail) {
					level = model.High
				}
				h := Hit{
					New: surface, Route: route, File: file, Assets: c.AllUserData(),
					Impact: x.Impact, Method: x.Method, Requires: x.Reason, Abuse: x.Abuse,
					Difficulty: x.Difficulty, DifficultyReason: x.Reason, Level: level, ImpactReason: detail,
					Evidence: toModel(f.Evidence),
				}
				if x.Group && route != nil {
					h.Cause = &Cause{ID: x.Exit + "-handlers", Name: x.Surface + " from handlers"}
				}
				hits = append(hits, h)
			}
			if outside >= 0 {
				hits[outside].New.Name = fmt.Sprintf("%s (%s)", x.Surface, joinMax(files, 2))
			}
			// One handler is its own row, its id its route's.
			if n := len(hits) - min(outside+1, 1); n < 2 {
				for i := range hits {
					hits[i].Cause = nil
				}
			}
			return hits
		},
	}
}

// infraRule fires on every infrastructure fact of its kinds, each on a
// surface of its own.
type infraRule struct {
	ID          string
	Kinds       []string
	Title       string
	Stride, CWE []string
	Difficulty  model.Difficulty
	Reason      string
	Level       model.Level
	Impact      string
	Method      string
	Abuse       string
	Controls    []Suggestion
}

func (in infraRule) rule() *Rule {
	return &Rule{
		ID: in.ID, Title: in.Title, Stride: in.Stride, CWE: in.CWE, Fires: "infrastructure facts: " + strings.Join(in.Kinds, ", "),
		Rating:   fmt.Sprintf("%s: %s; impact %s", in.Difficulty, in.Reason, in.Level),
		Controls: in.Controls,
		fire: func(c *Context) []Hit {
			var hits []Hit
			// subjects: the hit of each thing facts are about (a compose
			// service), so its facts of a kind (the root and the user
			// password of one database) are one row with every line: one
			// service to fix. Its surface is named for the thing, so the
			// row keeps its id when a fact joins or leaves it.
			subjects := map[string]int{}
			// files: the files each subject is in; one in two compose
			// files is named with its file too, as two rows.
			files := map[string]map[string]bool{}
			for _, f := range c.F.Infrastructure {
				if f.Subject != "" && len(f.Evidence) > 0 {
					k := f.Kind + "\x00" + f.Subject
					if files[k] == nil {
						files[k] = map[string]bool{}
					}
					files[k][f.Evidence[0].File] = true
				}
			}
			for _, f := range c.F.Infrastructure {
				if !has(in.Kinds, f.Kind) || len(f.Evidence) == 0 {
					continue
				}
				key := f.Kind + "\x00" + f.Evidence[0].File + "\x00" + f.Subject
				if i, ok := subjects[key]; ok && f.Subject != "" {
					h := &hits[i]
					h.Evidence = append(h.Evidence, toModel(f.Evidence)...)
					h.New.Evidence = h.Evidence
					why := strings.TrimPrefix(f.Detail, f.Subject+": ")
					h.New.Name += "; " + why
					h.ImpactReason = h.New.Name
					continue
				}
				assets := []string{assetAllCredentials}
				if f.Kind != "default-password" {
					assets = c.AllUserData()
				}
				id, fact := "infra-"+f.Kind+"-"+f.Detail, "infra:"+f.Kind+":"+f.Detail
				if f.Subject != "" {
					subjects[key] = len(hits)
					id, fact = "infra-"+f.Kind+"-"+f.Subject, "infra:"+f.Kind+":"+f.Evidence[0].File+":"+f.Subject
					if len(files[f.Kind+"\x00"+f.Subject]) > 1 {
						id = "infra-" + f.Kind + "-" + f.Evidence[0].File + "-" + f.Subject
					}
				}
				hits = append(hits, Hit{
					New: &NewSurface{ID: id, Kind: model.KindInfrastructure, Direction: model.Entry, Name: f.Detail,
						Exposure: model.Public, Evidence: toModel(f.Evidence), Fact: fact},
					File: f.Evidence[0].File, Assets: assets,
					Impact: in.Impact, Method: in.Method, Requires: in.Reason, Abuse: in.Abuse,
					Difficulty: in.Difficulty, DifficultyReason: in.Reason, Level: in.Level, ImpactReason: f.Detail,
					Evidence: toModel(f.Evidence),
				})
			}
			return hits
		},
	}
}

// pipelineRule groups every pipeline fact of its kinds into one threat on
// the CI/CD surface: one row per cause, however many workflows share it.
type pipelineRule struct {
	ID          string
	Kinds       []string
	Title       string
	Stride, CWE []string
	Difficulty  model.Difficulty
	Reason      string
	Level       model.Level
	Impact      string
	Method      string
	Abuse       string
	Controls    []Suggestion
}

func (p pipelineRule) rule() *Rule {
	return &Rule{
		ID: p.ID, Title: p.Title, Stride: p.Stride, CWE: p.CWE, Fires: "pipeline facts: " + strings.Join(p.Kinds, ", "),
		Rating:   fmt.Sprintf("%s: %s; impact %s", p.Difficulty, p.Reason, p.Level),
		Controls: p.Controls,
		fire: func(c *Context) []Hit {
			var ev []model.Evidence
			var details []string
			for _, f := range c.F.Pipeline {
				if has(p.Kinds, f.Kind) {
					ev = append(ev, toModel(f.Evidence)...)
					details = append(details, f.Detail)
				}
			}
			if len(ev) == 0 {
				return nil
			}
			surface := NewSurface{ID: "ci-pipeline", Kind: model.KindPipeline, Direction: model.Entry, Name: "CI/CD pipeline", Exposure: model.Internal, Fact: "pipeline:ci"}
			if has(p.Kinds, "missing-lockfile") {
				surface = NewSurface{ID: "dependencies", Kind: model.KindPipeline, Direction: model.Entry, Name: "Dependencies (package manifests)", Exposure: model.Internal, Fact: "pipeline:dependencies"}
			}
			return []Hit{{
				New: &surface, File: ev[0].File, Assets: []string{assetAllCredentials},
				Impact: p.Impact, Method: p.Method, Requires: p.Reason, Abuse: p.Abuse,
				Difficulty: p.Difficulty, DifficultyReason: p.Reason, Level: p.Level, ImpactReason: joinMax(details, 3),
				Evidence: ev,
			}}
		},
	}
}

// routeAt finds the route whose handler spans file:line, so a weakness
// inside a handler lands on that route's row.
func (c *Context) routeAt(file string, line int) *facts.Route {
	for i := range c.F.Surfaces {
		r := &c.F.Surfaces[i]
		end := r.EndLine
		if end == 0 {
			end = r.Line + strings.Count(r.Body, "\n")
		}
		if r.File == file && line >= r.Line && line <= end {
			return r
		}
	}
	for i := range c.F.Surfaces {
		if slices.Contains(c.F.Surfaces[i].Runs, file) {
			return &c.F.Surfaces[i]
		}
	}
	return nil
}

// codeSite places a finding at the route whose handler holds it, or on a
// surface of its own named after what it is and where (ns completed with
// the file). It also returns the finding's file.
func (c *Context) codeSite(ev []facts.Evidence, ns NewSurface) (*facts.Route, *NewSurface, string) {
	if len(ev) == 0 {
		return nil, nil, ""
	}
	if r := c.routeAt(ev[0].File, ev[0].Line); r != nil {
		return r, nil, r.File
	}
	file := ev[0].File
	ns.ID += "-" + file
	ns.Name = fmt.Sprintf("%s (%s)", ns.Name, path.Base(file))
	ns.Evidence = toModel(ev)
	return nil, &ns, file
}

func firstFile(ev []facts.Evidence) string {
	if len(ev) == 0 {
		return ""
	}
	return ev[0].File
}
