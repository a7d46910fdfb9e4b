package signal

import (
	"path"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Capability types. Go apps often give a record's key a type of its own
// and make every new key by converting a random draw to it
// (picoshare.EntryID(random.String(n, chars)), ShareID(uuid.NewString())).
// A path parameter the handler parses or converts to such a type, then
// looks up, is a key the app drew at random for the object: in an app
// with no user model, holding the link is the permission (as
// capabilityKeys reads a key written at a store's argument). The type is
// judged by what its values are made from, never by its name.

var (
	// typeConv converts a call's result to a named type:
	// picoshare.EntryID(random.String(...)), ShareID(uuid.NewString()).
	typeConv = regexp.MustCompile(`\b(?:\w+\.)?([A-Z]\w*)\(\s*((?:\w+\.)*\w+)\s*\(`)
	// goFuncHead is a Go function's head up to its parameter list's
	// opening: func (s Server) parseID(, func parseID[T any](.
	goFuncHead = regexp.MustCompile(`^\s*func\s*(?:\([^)]*\)\s*)?\w+\s*(?:\[[^\]]*\])?\(`)
)

// drawnTypes are the Go types some function makes from a random draw,
// by their last name.
func (d *Calls) drawnTypes() map[string]bool {
	out := map[string]bool{}
	for _, fn := range d.code {
		if !strings.HasSuffix(fn.file, ".go") {
			continue
		}
		for _, m := range typeConv.FindAllStringSubmatch(fn.code, -1) {
			if out[m[1]] {
				continue
			}
			if randomDraw.MatchString(m[2]+"(") || d.mintsQualified(m[2]) {
				out[m[1]] = true
			}
		}
	}
	return out
}

// mintsQualified is mints for a call as written: pkg.Name is the one
// function of that name in a folder called pkg (Go's random.String
// among many String methods), a bare name the repository's one.
func (d *Calls) mintsQualified(callee string) bool {
	last := callee[strings.LastIndexByte(callee, '.')+1:]
	if d.mints(last) {
		return true
	}
	q, _, ok := strings.Cut(callee, ".")
	if !ok || q == last {
		return false
	}
	var found []fnBody
	for _, fn := range d.impls[last] {
		if path.Base(path.Dir(fn.file)) == q {
			found = append(found, fn)
		}
	}
	return len(found) == 1 && randomDraw.MatchString(found[0].code)
}

// returnsType says Go function code's results hold a type of types:
// func parseEntryID(s string) (picoshare.EntryID, error).
func returnsType(code string, types map[string]bool) bool {
	loc := goFuncHead.FindStringIndex(code)
	if loc == nil {
		return false
	}
	end := closing(code, loc[1]-1)
	if end < 0 {
		return false
	}
	results := code[end+1:]
	if i := strings.IndexByte(results, '{'); i >= 0 {
		results = results[:i]
	}
	for _, id := range identRE.FindAllString(results, -1) {
		if types[id] {
			return true
		}
	}
	return false
}

// typedCapabilities are the capability-key signals of r (a Go handler)
// whose path parameter the handler hands to a conversion to a type of
// types, or to a function returning one (id, err := parseEntryID(mux.Vars(r)["id"])).
func (d *Calls) typedCapabilities(r *facts.Route, types map[string]bool) []facts.Signal {
	if len(types) == 0 || strings.TrimSpace(r.Body) == "" || lang.Of(r.File) != lang.Go {
		return nil
	}
	body := string(lang.StripComments(lang.Go, []byte(r.Body)))
	code := blankStrings(body)
	var out []facts.Signal
	for _, p := range r.Params {
		if p.In != "" && p.In != "path" || p.Type == facts.TypeInt {
			continue
		}
		aliases := aliasesOf(code, p.Name)
		reads := readByName(p.Name)
		for _, m := range callStart.FindAllStringSubmatchIndex(code, -1) {
			callee := strings.ReplaceAll(code[m[2]:m[3]], " ", "")
			last := callee[strings.LastIndexByte(callee, '.')+1:]
			end := closing(code, m[1]-1)
			if end < 0 {
				continue
			}
			if !readsAnyWord(code[m[1]:end], aliases) && !reads.MatchString(body[m[1]:end]) {
				continue
			}
			typed := types[last]
			if fn, ok := d.code[last]; !typed && ok && d.allDefs[last] == 1 {
				typed = returnsType(fn.code, types)
			}
			if typed {
				out = append(out, facts.Signal{Kind: facts.SignalCapability, Detail: p.Name, Route: r.Key(),
					In: facts.SignalInHandler, Evidence: handlerLine(r, m[0])})
				break
			}
		}
	}
	return out
}
