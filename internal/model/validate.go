package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// Validate checks what the decoder cannot: required fields, enum values,
// unique ids, references that resolve, and decisions that are complete.
// Every problem is reported, each at its place in the file.
func Validate(doc *Doc) Problems {
	v := validator{doc: doc}
	m := doc.Model
	if m.Version == 0 {
		v.add("version", "version is missing", "start the file with `version: 1`")
	} else if m.Version != CurrentVersion {
		v.add("version", fmt.Sprintf("version %d is not supported", m.Version), "this threatmap reads version 1")
	}
	if strings.TrimSpace(m.Product.Name) == "" {
		v.add("product", "product.name is missing", "name the product: `product: {name: My App}`")
	}
	if m.Review.Last != nil {
		v.required("review.last.on", !m.Review.Last.On.IsZero(), "when the model was last reviewed (YYYY-MM-DD)")
		v.required("review.last.by", m.Review.Last.By != "", "who reviewed it")
	}

	assets := v.ids("assets", len(m.Assets), func(i int) string { return m.Assets[i].ID })
	boundaries := v.ids("boundaries", len(m.Boundaries), func(i int) string { return m.Boundaries[i].ID })
	surfaces := v.ids("surfaces", len(m.Surfaces), func(i int) string { return m.Surfaces[i].ID })
	v.ids("threats", len(m.Threats), func(i int) string { return m.Threats[i].ID })

	for i, a := range m.Assets {
		p := fmt.Sprintf("assets[%d]", i)
		v.required(p+".name", a.Name != "", "what the asset is, in a few words")
		v.enum(p+".kind", string(a.Kind), Names(AssetKinds), true)
		v.enum(p+".impact", string(a.Impact), Names(Levels), true)
		v.enum(p+".state", string(a.State), Names(States), false)
	}
	for i, b := range m.Boundaries {
		p := fmt.Sprintf("boundaries[%d]", i)
		v.required(p+".from", b.From != "", "the side data comes from (browser, api, ...)")
		v.required(p+".to", b.To != "", "the side data goes to (api, database, openai, ...)")
	}
	for i, s := range m.Surfaces {
		p := fmt.Sprintf("surfaces[%d]", i)
		v.required(p+".name", s.Name != "", `what it is, as a person says it: "POST /api/chat", "S3 bucket uploads"`)
		v.enum(p+".kind", string(s.Kind), Names(SurfaceKinds), true)
		v.enum(p+".direction", string(s.Direction), Names(Directions), true)
		v.enum(p+".exposure", string(s.Exposure), Names(Exposures), false)
		if s.Match != nil {
			v.enum(p+".match.exposure", string(s.Match.Exposure), Names(Exposures), false)
		}
		v.enum(p+".state", string(s.State), Names(States), false)
		v.refs(p+".assets", s.Assets, assets, "asset")
		if s.Boundary != "" {
			v.refs(p+".boundary", []string{s.Boundary}, boundaries, "boundary")
		}
	}
	for i, t := range m.Threats {
		p := fmt.Sprintf("threats[%d]", i)
		if v.required(p+".surface", t.Surface != "", "the id of the surface this threat is about") {
			v.refs(p+".surface", []string{t.Surface}, surfaces, "surface")
		}
		v.refs(p+".assets", t.Assets, assets, "asset")
		for j, site := range t.Sites {
			sp := fmt.Sprintf("%s.sites[%d].surface", p, j)
			if v.required(sp, site.Surface != "", "the id of the route's surface") {
				v.refs(sp, []string{site.Surface}, surfaces, "surface")
			}
		}
		v.required(p+".stride", len(t.Stride) > 0, "which of the six questions it answers: [S, T, R, I, D, E]")
		v.required(p+".statement", t.Statement != "", "If [surface] is abused, an attacker could [impact] by [method], and this would require [difficulty].")
		v.enum(p+".difficulty", string(t.Difficulty), Names(Difficulties), true)
		v.enum(p+".impact", string(t.Impact), Names(Levels), true)
		v.enum(p+".response", string(t.Response), Names(Responses), false)
		v.enum(p+".state", string(t.State), Names(States), false)
		for j, c := range t.Controls {
			cp := fmt.Sprintf("%s.controls[%d]", p, j)
			v.required(cp+".text", c.Text != "", "what the control does")
			v.enum(cp+".status", string(c.Status), Names(ControlStatuses), true)
			if x := c.External; x != nil {
				xp := cp + ".external"
				v.required(xp+".what", x.What != "", "what the control is: a WAF rate rule, an API gateway key check")
				v.required(xp+".where", x.Where != "", "where it is set: the console, account or file that holds it")
				v.required(xp+".by", x.By != "", "who attests it is in place")
				v.required(xp+".date", !x.Date.IsZero(), "when it was last seen in place (YYYY-MM-DD)")
			}
		}
		switch t.Response {
		case Accept:
			if t.Acceptance == nil {
				v.add(p+".response", "accepted without an acceptance", "record who accepted it, when, why and when to revisit: `threatmap accept "+t.ID+" --by NAME --why TEXT --revisit YYYY-MM-DD`")
			} else {
				a := t.Acceptance
				ap := p + ".acceptance"
				v.required(ap+".by", a.By != "", "who accepted the risk")
				v.required(ap+".on", !a.On.IsZero(), "when it was accepted (YYYY-MM-DD)")
				v.required(ap+".why", a.Why != "", "why living with it is cheaper than fixing it")
				v.required(ap+".revisit", !a.Revisit.IsZero(), "when to look again (YYYY-MM-DD)")
			}
		case TransferRisk:
			if t.Transfer == nil {
				v.add(p+".response", "transferred without saying to whom", "add `transfer: {to: WHOM, how: TEXT}`")
			} else {
				v.required(p+".transfer.to", t.Transfer.To != "", "who carries the risk now")
				v.required(p+".transfer.how", t.Transfer.How != "", "how: insurance, a managed service, terms of service...")
			}
		case Eliminate:
			if t.Elimination == nil || t.Elimination.Why == "" {
				v.add(p+".response", "eliminated without saying how", "add `elimination: {why: TEXT}`: what was removed")
			}
		}
	}
	return v.problems.sorted()
}

type validator struct {
	doc      *Doc
	problems Problems
}

func (v *validator) add(path, msg, hint string) {
	p := v.doc.At(path)
	v.problems = append(v.problems, Problem{File: v.doc.File, Line: p.Line, Col: p.Col, Msg: msg, Hint: hint})
}

func (v *validator) required(path string, ok bool, hint string) bool {
	if !ok {
		v.add(path, path+" is missing", hint)
	}
	return ok
}

// Names lists an enum's values as strings.
func Names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func (v *validator) enum(path, value string, names []string, required bool) {
	if value == "" {
		if required {
			v.add(path, path+" is missing", "one of: "+strings.Join(names, ", "))
		}
		return
	}
	if !slices.Contains(names, value) {
		hint := "one of: " + strings.Join(names, ", ")
		if c := closest(value, names); c != "" {
			hint = fmt.Sprintf("did you mean %q? (one of: %s)", c, strings.Join(names, ", "))
		}
		v.add(path, fmt.Sprintf("%s: %q is not allowed", path, value), hint)
	}
}

// ids checks that each item has a well-formed, unique id and returns them.
func (v *validator) ids(section string, n int, id func(int) string) []string {
	seen := map[string]int{}
	var out []string
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("%s[%d].id", section, i)
		s := id(i)
		if s == "" {
			v.add(fmt.Sprintf("%s[%d]", section, i), p+" is missing", "give it a short, lower-case id such as chat-credits")
			continue
		}
		if !idRE.MatchString(s) {
			v.add(p, fmt.Sprintf("%s: %q is not a valid id", p, s), "ids are lower-case letters, digits, dots, dashes and underscores")
		}
		if first, dup := seen[s]; dup {
			v.add(p, fmt.Sprintf("duplicate id %q (first at %s[%d])", s, section, first), "every id in a section must be unique")
			continue
		}
		seen[s] = i
		out = append(out, s)
	}
	return out
}

func (v *validator) refs(path string, refs, known []string, what string) {
	for i, r := range refs {
		if slices.Contains(known, r) {
			continue
		}
		p := path
		if !strings.HasSuffix(path, ".surface") && !strings.HasSuffix(path, ".boundary") {
			p = fmt.Sprintf("%s[%d]", path, i)
		}
		hint := fmt.Sprintf("no %s has id %q", what, r)
		if c := closest(r, known); c != "" {
			hint += fmt.Sprintf("; did you mean %q?", c)
		}
		v.add(p, fmt.Sprintf("%s: unknown %s %q", path, what, r), hint)
	}
}
