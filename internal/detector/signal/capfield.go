package signal

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Capability fields. An app with accounts may still hand out capability
// links: a record gets a second key the app draws at random (a dial's
// invite code, a document's share token: dial.InviteCode =
// hex.EncodeToString(b) after io.ReadFull(rand.Reader, b)), and a route
// looks the record up by that field, equal to its path parameter
// (FindDials(ctx, DialFilter{InviteCode: &code})). Holding the link is
// the permission the product grants; nobody guesses the next one. The
// field is judged by where its value comes from, never by its name; a
// record's own id drawn at random (a UUID key) is still its id, listed
// and shared, and keeps its row.

var (
	// randomFill fills a buffer from a random generator: rand.Read(b),
	// io.ReadFull(rand.Reader, b), crypto.getRandomValues(b).
	randomFill = regexp.MustCompile(`\b\w*rand\.Read\(\s*&?(\w+)|\bio\.ReadFull\(\s*\w*rand\.Reader\s*,\s*(\w+)|\bgetRandomValues\(\s*(\w+)`)
	// fieldSet gives a record's field a value: obj.Field = v, a struct
	// or object literal's Field: v, a keyword argument's field=v.
	fieldSet = regexp.MustCompile(`\.\s*(\w+)\s*=\s*([^=\n][^\n]*)|\b(\w+)\s*:\s*([^=\n,}][^,}\n]*)|[(,]\s*(\w+)\s*=\s*([^=,)\n][^,)\n]*)`)
	// randomGate is what a file that draws a random value holds.
	randomGate = regexp.MustCompile(`(?i)rand|uuid|secrets\.|ulid|nanoid|cuid|bin2hex`)
)

// fieldKey is a field's name as columns and struct fields spell it
// alike: InviteCode, invite_code and inviteCode are one.
func fieldKey(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, "_", ""))
}

// idFields are a record's own key, whatever draws it.
var idFields = map[string]bool{"id": true, "uuid": true, "pk": true, "guid": true}

// randomFieldsIn are the fields each function of a file sets to a value a
// random generator drew, by fieldKey, with where.
func randomFieldsIn(path, text string, defs []fnDef) map[string]facts.Evidence {
	if !randomGate.MatchString(text) {
		return nil
	}
	out := map[string]facts.Evidence{}
	never := func(string) bool { return false }
	for _, sp := range fnSpans(text, defs) {
		code, line := sp.code, sp.line
		if !randomDraw.MatchString(code) && !randomFill.MatchString(code) {
			continue
		}
		drawn := drawnVars(code, never)
		for _, m := range randomFill.FindAllStringSubmatch(code, -1) {
			for _, v := range m[1:] {
				if v != "" && !slices.Contains(drawn, v) {
					drawn = append(drawn, v)
				}
			}
		}
		for _, m := range fieldSet.FindAllStringSubmatchIndex(code, -1) {
			var name, rhs string
			for g := 2; g+3 < len(m)+1; g += 4 {
				if m[g] >= 0 {
					name, rhs = code[m[g]:m[g+1]], code[m[g+2]:m[g+3]]
					break
				}
			}
			k := fieldKey(name)
			if k == "" || idFields[k] {
				continue
			}
			if _, ok := out[k]; ok {
				continue
			}
			if randomDraw.MatchString(rhs) || slices.ContainsFunc(drawn, func(v string) bool { return readsWord(rhs, v) }) {
				out[k] = facts.Evidence{File: path, Line: line + strings.Count(code[:m[0]], "\n")}
			}
		}
	}
	return out
}

// capabilityFields are the capability-key signals of r whose path
// parameter is handed as the value of a field the app draws at random
// (DialFilter{InviteCode: &code}, filter_by(share_token=token)).
func (d *Calls) capabilityFields(r *facts.Route) []facts.Signal {
	if d == nil || len(d.randomFields) == 0 || strings.TrimSpace(r.Body) == "" {
		return nil
	}
	code := string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
	var out []facts.Signal
	for _, p := range r.Params {
		if p.In != "" && p.In != "path" || p.Type == facts.TypeInt {
			continue
		}
		aliases := aliasesOf(code, p.Name)
		for _, m := range fieldSet.FindAllStringSubmatch(code, -1) {
			// Only a literal's field or a keyword argument: obj.Field = v
			// sets a record, it looks nothing up.
			name, rhs := m[3], m[4]
			if name == "" {
				name, rhs = m[5], m[6]
			}
			at, ok := d.randomFields[fieldKey(name)]
			if name == "" || !ok || !slices.ContainsFunc(aliases, func(a string) bool {
				return strings.TrimLeft(strings.TrimSpace(rhs), "&*") == a
			}) {
				continue
			}
			out = append(out, facts.Signal{Kind: facts.SignalCapability, Detail: p.Name, Route: r.Key(), In: facts.SignalInHandler, Evidence: at})
			break
		}
	}
	return out
}
