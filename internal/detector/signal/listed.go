package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A record the app shows whole to the same callers is no other user's
// secret: where a route lists every record of a model with no owner
// condition (GET /posts: Post.query.paginate(...)), or a page open to
// all serves it by a public name (/user/{username}), reading one of them
// by id (GET /posts/{id}) shows nothing the list did not. Only reads: a
// write by id still changes another user's record.

// listCall is a statement that reads many records, not one: a query
// builder, a page, every row.
var listCall = regexp.MustCompile(`(?i)\.(?:query|objects|all|paginate|order_?by|list\w*|find_?all|findMany|find\(\s*\)|select|scan|fetch_?all|get_?all\w*)\b|\bSELECT\b[^;\n]*\bFROM\b`)

// listFilter narrows a list: a where clause, a filter.
var listFilter = regexp.MustCompile(`(?i)\b(?:filter\w*|where\w*|exclude|having)\b`)

// conditionObject is a query condition built as an object from values
// (new CustomerOrdersSpec(userName), new OrderFilter(status)): a list
// given it is narrowed as by a where clause. One built from nothing
// (new AllOrdersSpec()) narrows nothing.
var conditionObject = regexp.MustCompile(`\bnew\s+[\w.]*(?:Spec|Specification|Filter|Criteria|Predicate|Query)(?:<[^>()]*>)?\s*\(\s*[^)\s]`)

// conditionVars are the variables body assigns a condition object, and
// those assigned what reads one (the list it narrowed: orders =
// repo.ListAsync(spec), whose projection orders.Select(...) lists no
// more).
func conditionVars(body string) []string {
	return assignedVars(body, nil, func(rhs string, out []string) bool {
		return conditionObject.MatchString(rhs) || readsAnyWord(rhs, out)
	})
}

// audience is who may call a route: anyone, or any signed-in caller (no
// role demanded). Routes behind a role or of an admin area reach every
// record by design and show nobody else anything.
type audience int

const (
	audienceNone audience = iota
	audienceSignedIn
	audienceAnyone
)

func audienceOf(r *facts.Route) audience {
	switch {
	case r.AuthRole != "" || hasTag(r, facts.TagAdmin):
		return audienceNone
	case r.Auth == facts.AuthNone:
		return audienceAnyone
	case r.Auth == facts.AuthRequired:
		return audienceSignedIn
	}
	return audienceNone
}

func hasTag(r *facts.Route, tag string) bool {
	for _, t := range r.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// listedModels maps each model to the widest audience a route shows its
// records to whole: a GET with no path parameter whose handler lists
// them with no condition on the caller, or a GET open to all that looks
// one up by a public name (facts.PublicName), its path naming nothing
// private.
func listedModels(routes []facts.Route, models []string) map[string]audience {
	out := map[string]audience{}
	for i := range routes {
		r := &routes[i]
		if r.Method != "GET" || r.Body == "" {
			continue
		}
		who := audienceOf(r)
		if who == audienceNone {
			continue
		}
		byName := len(r.Params) > 0 && who == audienceAnyone && facts.PublicName.MatchString(r.Params[len(r.Params)-1].Name) &&
			!facts.PrivateWords.MatchString(r.Path)
		if len(r.Params) > 0 && !byName {
			continue
		}
		body := methodView(string(lang.StripComments(lang.Of(r.File), []byte(r.Body))), "GET")
		conds := conditionVars(body)
		for _, line := range strings.Split(blankStrings(body), "\n") {
			// A list narrowed by any condition (published only, one
			// category, a specification object built from a value) may
			// leave out what an id still reaches.
			if !byName && (!listCall.MatchString(line) || listFilter.MatchString(line) || conditionObject.MatchString(line) || readsAnyWord(line, conds)) || callerID.MatchString(line) || callerSource.MatchString(line) {
				continue
			}
			for _, m := range models {
				if out[m] < who && (modelIndex(line, m) >= 0 || calleeNames(line, m)) {
					out[m] = who
				}
			}
		}
	}
	return out
}

// listedRecords are the listed-record signals of a GET route: a path
// parameter every lookup of which loads a model that another route shows
// whole to callers at least as wide as this route's.
func listedRecords(r *facts.Route, models []string, listed map[string]audience) []facts.Signal {
	who := audienceOf(r)
	if r.Method != "GET" || r.Body == "" || who == audienceNone || len(listed) == 0 {
		return nil
	}
	body := methodView(string(lang.StripComments(lang.Of(r.File), []byte(r.Body))), "GET")
	code := blankStrings(body)
	var out []facts.Signal
	for _, p := range r.Params {
		if p.In != "" && p.In != "path" {
			continue
		}
		all, owner := paramLookupsIn(body, code, p.Name, r.Scope, otherParams(r.Params, p.Name))
		if len(all) == 0 || owner >= 0 {
			continue
		}
		shown := true
		for _, j := range all {
			call := code[j:]
			if end := strings.IndexByte(call, '('); end >= 0 {
				if c := closing(call, end); c > 0 {
					end = c + 1
				}
				call = call[:end]
			}
			named := false
			for _, m := range models {
				if modelIndex(call, m) >= 0 || calleeNames(call, m) {
					named = true
					shown = shown && listed[m] >= who
				}
			}
			shown = shown && named
		}
		if shown {
			out = append(out, facts.Signal{Kind: facts.SignalListedRecord, Detail: p.Name, Route: r.Key(),
				In: facts.SignalInHandler, Evidence: handlerLine(r, all[0])})
		}
	}
	return out
}
