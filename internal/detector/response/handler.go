package response

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// finders find, in a handler, a secret-bearing model looked up into a
// variable and that variable sent back whole.
type finders struct {
	names          []string
	js, py, golang *regexp.Regexp
}

func newFinders(names []string) *finders {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	alt := strings.Join(quoted, "|")
	return &finders{
		names: names,
		// const user = await User.findOne(...), db.User.findByPk, this.userRepository.findOne, prisma.user.findUnique.
		js: regexp.MustCompile(`(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?[\w.()]*?(?i:` + alt + `)\w*\s*\.\s*(?:findOne|findById|findByPk|findUnique|findFirst|findOneBy|findAll|findMany|find|get)\w*\(`),
		// user = User.query.get(id), User.objects.get(...), db.session.get(User, id), get_object_or_404(User, ...).
		py: regexp.MustCompile(`(?m)^\s*(\w+)\s*=\s*(?:await\s+)?[^\n]*?(?:\b(?:` + alt + `)\.(?:query|objects)\b|(?:get_object_or_404|get_or_404|\.get|\.query|\bselect)\(\s*(?:` + alt + `)\b)`),
		// var u User; u := &User{...}; u, err := store.GetUser(id).
		golang: regexp.MustCompile(`\bvar\s+(\w+)\s+\[?\]?\*?(?:\w+\.)?(?:` + alt + `)\b|\b(\w+)\s*:=\s*&?\[?\]?(?:\w+\.)?(?:` + alt + `)\{|\b(\w+)(?:\s*,\s*\w+)?\s*:?=\s*[\w.]*\.(?:Get|Find|Load|Fetch|Lookup)\w*?(?:` + alt + `)\w*\(`),
	}
}

// filtered: the handler picks or drops fields on the way out, or
// declares what the response holds.
var filtered = regexp.MustCompile(`(?i)\.select\(|\bselect\s*:|\battributes\s*:|\bexclude\b|projection|['"]-\w*password|\bomit\(|\bpick\(|` +
	`delete\s+\w+\.\w*(?:password|token|secret)|\.\w*(?:password|token|secret)\w*\s*=\s*(?:undefined|None|null|nil|""|'')|response_model|serializ|toJSON\(|to_?dto|toResponse`)

// exposed reports the model a route's handler returns whole, and the
// offset in its body of the response.
func (fs *finders) exposed(r *facts.Route) (string, int, bool) {
	l := lang.Of(r.File)
	// Comments blanked, so offsets and lines stay.
	body := string(lang.StripComments(l, []byte(r.Body)))
	if filtered.MatchString(body) {
		return "", 0, false
	}
	var find *regexp.Regexp
	fam := l.Family()
	switch fam {
	case lang.JavaScript:
		find = fs.js
	case lang.Python:
		find = fs.py
	case lang.Go:
		find = fs.golang
	default:
		return "", 0, false
	}
	minted := mintedForCaller(r, body)
	for _, m := range find.FindAllStringSubmatchIndex(body, -1) {
		name := lastGroup(body, m)
		if name == "" {
			continue
		}
		// A value the handler builds (var dto SecretDto) on a route that
		// creates the secret answers its creator: the one time it is
		// shown. A record looked up is someone's stored secret.
		if minted && fam == lang.Go && m[6] < 0 {
			continue
		}
		if i := sendsWhole(fam, body[m[1]:], name); i >= 0 {
			return fs.modelIn(body[m[0]:m[1]]), m[1] + i, true
		}
	}
	return "", 0, false
}

// creates is a call that makes a new secret or record, its answer kept:
// created, secret, err := svc.CreateClientSecret(...), key := GenerateAPIKey().
var creates = regexp.MustCompile(`(?m)^\s*[\w, ]+:?=\s*(?:await\s+)?(?:[\w.]*\.)?(?:[Cc]reate|[Gg]enerate|[Ii]ssue|[Mm]int|[Rr]egenerate|[Rr]otate)\w*\(`)

// mintedForCaller says a route exists to make a secret and hand it to
// the caller who asked: a POST whose handler creates one, on a route not
// known to be open to anyone (a public route that mints secrets hands
// them to whoever calls).
func mintedForCaller(r *facts.Route, body string) bool {
	return strings.EqualFold(r.Method, "POST") && r.Auth != facts.AuthNone && creates.MatchString(body)
}

// sendsWhole is the offset in rest where the variable name is sent to the
// client as it is, or -1.
func sendsWhole(fam lang.Lang, rest, name string) int {
	v := regexp.QuoteMeta(name)
	var re string
	switch fam {
	case lang.JavaScript:
		// res.json(user), res.send({ user }), res.json({ ok: true, user: user }),
		// ctx.body = user, Response.json(user), return user (a controller).
		re = `\.(?:json|send|jsonp)\(\s*(?:\{[^}\n]*?(?:\w+\s*:\s*)?)?\b` + v + `\s*[,})]|\bctx\.body\s*=\s*` + v + `\s*;?\s*$|` +
			`\b(?:Response|NextResponse)\.json\(\s*` + v + `\s*[,)]|\breturn\s+` + v + `\s*;?\s*$`
	case lang.Python:
		// return user (FastAPI with no response model), jsonify(user.__dict__), vars(user), model_to_dict(user).
		re = `\breturn\s+` + v + `\s*$|\b(?:jsonify|JSONResponse|JsonResponse)\(\s*(?:vars\(\s*` + v + `\s*\)|` + v + `\.(?:__dict__|to_dict\(\)|dict\(\)|model_dump\(\))|model_to_dict\(\s*` + v + `\s*\))|` +
			`\breturn\s+(?:vars\(\s*` + v + `\s*\)|` + v + `\.(?:__dict__|to_dict\(\)|dict\(\)|model_dump\(\))|model_to_dict\(\s*` + v + `\s*\))\s*$`
	case lang.Go:
		// json.NewEncoder(w).Encode(user), c.JSON(200, user), json.Marshal(user).
		re = `json\.NewEncoder\(\w+\)\.Encode\(\s*&?` + v + `\s*\)|\bc\.(?:JSON|IndentedJSON|JSONP|PureJSON)\(\s*[\w.]+\s*,\s*&?` + v + `\s*\)|json\.Marshal\(\s*&?` + v + `\s*\)|render\.JSON\(\s*\w+\s*,\s*\w+\s*,\s*&?` + v + `\s*\)`
	}
	loc := regexp.MustCompile(`(?m)` + re).FindStringIndex(rest)
	if loc == nil {
		return -1
	}
	return loc[0]
}

// modelIn names the model a lookup's text mentions, the longest name
// first (UserToken before User).
func (fs *finders) modelIn(text string) string {
	low, best := strings.ToLower(text), ""
	for _, n := range fs.names {
		if strings.Contains(low, strings.ToLower(n)) && len(n) > len(best) {
			best = n
		}
	}
	return best
}

// lastGroup is the text of the last submatch that took part in the match.
func lastGroup(text string, loc []int) string {
	for k := len(loc) - 2; k >= 2; k -= 2 {
		if loc[k] >= 0 {
			return text[loc[k]:loc[k+1]]
		}
	}
	return ""
}
