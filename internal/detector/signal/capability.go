package signal

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Capability keys. An app that mints a random key for what it stores
// (an upload's token, a share link's id, a deletion secret) and later
// looks the object up by that key when it comes back in a URL hands out
// capability links: whoever holds the URL may act, and nobody guesses the
// next one as they would the next id. The key is judged by where its
// value comes from, never by its name: the app's own code writes the
// value a random generator drew at one argument of a store's write
// (s.storage.Put(ctx, token, name, ...)), and a route's path parameter
// reaches the same argument of a lookup on that store
// (s.storage.Get(ctx, token, name)). A key the client chooses, or a
// sequential id, was drawn by no generator.

var (
	// randomDraw draws a value from a random generator: a CSPRNG's bytes
	// or number (Go's rand.Int), a UUID, a generator's next number, a
	// framework's random string.
	randomDraw = regexp.MustCompile(`(?i)\b\w*rand\w*\.(?:Read|Intn|Int|Int63n?|Int31n?|Uint32|Uint64|Perm|Text)\(|\bcrypto\.getRandomValues\(|\brandom_?bytes\(|\bsecrets\.(?:token_\w+|choice)\(|\brandom\.(?:choice|choices|randint|getrandbits)\(|\bSecureRandom\b|\bRandomStringUtils\.|\bStr::random\(|\bbin2hex\(|` + opaqueKeyCall.String())
	// storeWrite is the last name of a call that keeps a value.
	storeWrite = regexp.MustCompile(`(?i)^(?:put|save|set|store|create|insert|write|upload|add|persist)\w*$`)
	// storeRead is the last name of a call that loads or removes by key.
	storeRead = regexp.MustCompile(`(?i)^(?:get|head|open|read|load|fetch|find|stat|delete|remove|exists)\w*$`)
)

// keySlot is one argument position of one store's calls: s.storage's
// second argument.
type keySlot struct {
	recv string
	arg  int
}

// capabilitySlots are the store arguments the app writes a randomly drawn
// value at, read from every handler (routes' bodies) and the functions
// they call that draw one (mints: a function of the repository whose
// body draws from a random generator).
func capabilitySlots(routes []facts.Route, mints func(name string) bool) map[keySlot]bool {
	out := map[keySlot]bool{}
	for i := range routes {
		r := &routes[i]
		if strings.TrimSpace(r.Body) == "" {
			continue
		}
		code := blankStrings(string(lang.StripComments(lang.Of(r.File), []byte(r.Body))))
		drawn := drawnVars(code, mints)
		if len(drawn) == 0 {
			continue
		}
		for _, c := range storeCalls(code, storeWrite) {
			for j, a := range c.args {
				if slices.Contains(drawn, a) {
					out[keySlot{c.recv, j}] = true
				}
			}
		}
	}
	return out
}

// drawnVars are the variables a handler assigns a randomly drawn value:
// token := token(n), where token's body draws; id = uuid.uuid4().hex.
func drawnVars(code string, mints func(string) bool) []string {
	return assignedVars(code, nil, func(rhs string, _ []string) bool {
		if randomDraw.MatchString(rhs) {
			return true
		}
		for _, m := range callStart.FindAllStringSubmatch(rhs, -1) {
			callee := strings.ReplaceAll(m[1], " ", "")
			if mints(callee[strings.LastIndex(callee, ".")+1:]) {
				return true
			}
		}
		return false
	})
}

// storeCall is a method call on a store: its receiver and its arguments,
// each as written when it is a plain name ("" otherwise).
type storeCall struct {
	recv  string
	args  []string
	at    int
	drawn bool // a write given a value this handler drew
}

// storeCalls are code's method calls whose name names matches.
func storeCalls(code string, names *regexp.Regexp) []*storeCall {
	var out []*storeCall
	for _, m := range callStart.FindAllStringSubmatchIndex(code, -1) {
		callee := strings.ReplaceAll(code[m[2]:m[3]], " ", "")
		dot := strings.LastIndex(callee, ".")
		if dot < 0 || !names.MatchString(callee[dot+1:]) {
			continue
		}
		end := closing(code, m[1]-1)
		if end < 0 {
			continue
		}
		var args []string
		for _, a := range lang.SplitTopLevel(code[m[1]:end]) {
			a = strings.TrimSpace(a)
			if identRE.FindString(a) != a {
				a = ""
			}
			args = append(args, a)
		}
		out = append(out, &storeCall{recv: callee[:dot], args: args, at: m[0]})
	}
	return out
}

// capabilityKeys are the capability-key signals of r: each path
// parameter whose value reaches a store's lookup in the same call as a
// key argument the app wrote a random value at (slots), the parameter
// itself at it or beside it (a file's name under its random token).
func capabilityKeys(r *facts.Route, slots map[keySlot]bool, mints func(string) bool) []facts.Signal {
	if len(slots) == 0 || strings.TrimSpace(r.Body) == "" {
		return nil
	}
	code := blankStrings(string(lang.StripComments(lang.Of(r.File), []byte(r.Body))))
	drawn := drawnVars(code, mints)
	type param struct {
		name    string
		aliases []string
	}
	var ps []param
	for _, p := range r.Params {
		if (p.In == "" || p.In == "path") && p.Type != facts.TypeInt {
			ps = append(ps, param{p.Name, aliasesOf(code, p.Name)})
		}
	}
	if len(ps) == 0 {
		return nil
	}
	var out []facts.Signal
	seen := map[string]bool{}
	// A lookup keyed by the parameter at a random key's argument; or a
	// write under a key this handler drew (an upload stored under a fresh
	// token, its name beside it), which reaches no existing object.
	calls := storeCalls(code, storeRead)
	writes := storeCalls(code, storeWrite)
	for _, c := range writes {
		c.drawn = slices.ContainsFunc(c.args, func(a string) bool { return a != "" && slices.Contains(drawn, a) })
	}
	for _, c := range append(calls, writes...) {
		keyed := c.drawn
		for j, a := range c.args {
			if a != "" && slots[keySlot{c.recv, j}] && slices.ContainsFunc(ps, func(p param) bool { return slices.Contains(p.aliases, a) }) {
				keyed = true
			}
		}
		if !keyed {
			continue
		}
		for _, p := range ps {
			if seen[p.name] || !slices.ContainsFunc(c.args, func(a string) bool { return a != "" && slices.Contains(p.aliases, a) }) {
				continue
			}
			seen[p.name] = true
			out = append(out, facts.Signal{Kind: facts.SignalCapability, Detail: p.name, Route: r.Key(),
				In: facts.SignalInHandler, Evidence: handlerLine(r, c.at)})
		}
	}
	return out
}

// mints reports whether the repository's one function of that name
// draws from a random generator: token(n) whose body picks each
// character with rand.Intn.
func (d *Calls) mints(name string) bool {
	if d == nil || len(name) < 2 || d.allDefs[name] != 1 {
		return false
	}
	fn, ok := d.code[name]
	return ok && randomDraw.MatchString(fn.code)
}
