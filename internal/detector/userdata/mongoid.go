package userdata

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/code"
)

// Mongoid keeps no schema file: a Ruby class that includes
// Mongoid::Document is the collection, its field calls are the document's
// fields, and belongs_to / embedded_in say which document it belongs to
// (a belongs_to stores the other's key in <name>_id; an embedded
// document lives inside its parent's). has_many and embeds_many name the
// other side's key, so they give this model no relation.

var (
	mongoidDocRE = regexp.MustCompile(`(?m)^[ \t]*include[ \t]+Mongoid::Document\b`)
	// mongoidFieldRE is a field call: field :email, type: String.
	mongoidFieldRE = regexp.MustCompile(`(?m)^[ \t]*field[ \t(]+:(\w+)([^\n]*)`)
	// mongoidBelongsRE is a reference this document holds, or the parent
	// it is embedded in.
	mongoidBelongsRE = regexp.MustCompile(`(?m)^[ \t]*(belongs_to|embedded_in|has_and_belongs_to_many)[ \t(]+:(\w+)([^\n]*)`)
	mongoidTypeRE    = regexp.MustCompile(`\btype:\s*(?:::)?((?:\w+::)*\w+)`)
	mongoidClassRE   = regexp.MustCompile(`\bclass_name:\s*["'](?:::)?(?:\w+::)*(\w+)["']`)
	mongoidOptRE     = regexp.MustCompile(`\boptional:\s*true\b`)
)

// mongoidModels reads the Mongoid document class a model file declares;
// nil when the file declares none.
func mongoidModels(src []byte) []Model {
	inc := mongoidDocRE.FindIndex(src)
	if inc == nil {
		return nil
	}
	// The document is the last class opened before the include.
	var name string
	var at int
	for _, c := range rbClassRE.FindAllSubmatchIndex(src[:inc[0]], -1) {
		if string(src[c[2]:c[3]]) == "class" {
			name, at = string(src[c[4]:c[5]]), c[4]
		}
	}
	if i := strings.LastIndex(name, "::"); i >= 0 {
		name = name[i+2:]
	}
	if name == "" {
		return nil
	}
	lines := code.NewLines(src)
	// Every document has an _id, a BSON ObjectId unless a field says
	// otherwise: opaque, never a counter.
	m := Model{Name: name, Line: lines.At(at), Fields: []Field{{Name: "id", Type: "objectid"}}}
	for _, f := range mongoidFieldRE.FindAllSubmatch(src, -1) {
		n, typ := string(f[1]), "string"
		if t := mongoidTypeRE.FindSubmatch(f[2]); t != nil {
			typ = strings.ToLower(string(t[1]))
		}
		if n == "_id" {
			m.Fields[0].Type = typ
			continue
		}
		m.Fields = append(m.Fields, Field{Name: n, Type: typ})
	}
	for _, b := range mongoidBelongsRE.FindAllSubmatchIndex(src, -1) {
		kind, n, opts := string(src[b[2]:b[3]]), string(src[b[4]:b[5]]), src[b[6]:b[7]]
		target := n
		if kind == "has_and_belongs_to_many" {
			target = rbSingular(n)
		}
		if c := mongoidClassRE.FindSubmatch(opts); c != nil {
			target = string(c[1])
		}
		r := Relation{Target: target, Line: lines.At(b[0]), Optional: mongoidOptRE.Match(opts)}
		switch kind {
		case "belongs_to":
			r.Field = n + "_id"
			m.Fields = append(m.Fields, Field{Name: r.Field, Type: "objectid"})
		case "has_and_belongs_to_many":
			// A list of keys: membership, not one owner.
			r.Field = rbSingular(n) + "_ids"
			r.Optional = true
			m.Fields = append(m.Fields, Field{Name: r.Field, Type: "array"})
		}
		m.Relations = append(m.Relations, r)
	}
	return []Model{m}
}
