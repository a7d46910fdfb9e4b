package model

import (
	"fmt"
	"slices"
)

// Rerating is a drafted threat whose difficulty moved because a person
// changed its surface's exposure between internal and reachable from the
// internet.
type Rerating struct {
	Threat  string
	Surface string
	From    Difficulty
	To      Difficulty
	// Exposure is the surface's exposure as written; Drafted the one its
	// threats were rated for.
	Exposure Exposure
	Drafted  Exposure
}

// DraftedExposure is the exposure threatmap found in the code for a
// surface when it drafted it (match.exposure), or "" when unknown.
func DraftedExposure(s *Surface) Exposure {
	if s == nil || s.Match == nil {
		return ""
	}
	return s.Match.Exposure
}

// Rerated is m with each drafted threat re-rated whose surface's exposure
// was changed by hand across the line that matters to an automated
// attacker: an internal-only surface cannot be reached from the internet
// without a foothold inside first, so its threats are one step harder,
// and a surface opened to the internet one step easier. drafted gives the
// exposure a surface's threats were rated for ("" unknown: no change).
// The file's own difficulty is never rewritten: m is not modified, and
// when nothing moves it is returned as it is.
func Rerated(m *Model, drafted func(*Surface) Exposure) (*Model, []Rerating) {
	if m == nil {
		return m, nil
	}
	surfaces := map[string]*Surface{}
	for i := range m.Surfaces {
		surfaces[m.Surfaces[i].ID] = &m.Surfaces[i]
	}
	var out []Rerating
	var threats []Threat
	for i, t := range m.Threats {
		s := surfaces[t.Surface]
		if s == nil || t.Rule == "" || t.Where != "" {
			continue // a hand-written rating, or code that does not serve anyone
		}
		was := drafted(s)
		if was == "" || (was == Internal) == (s.Exposure == Internal) {
			continue
		}
		var to Difficulty
		var reason string
		if s.Exposure == Internal {
			to = harder(t.Difficulty)
			reason = fmt.Sprintf("internal only (exposure set by hand; the code showed %s): an automated attacker on the internet cannot reach it without a foothold inside first; %s if reachable", was, t.Difficulty)
		} else {
			to = easier(t.Difficulty)
			reason = fmt.Sprintf("reachable from the internet (exposure %s set by hand; the code showed internal): automated attackers find it without a foothold inside; %s as internal only", orPublic(s.Exposure), t.Difficulty)
		}
		if to == t.Difficulty {
			continue
		}
		if t.DifficultyReason != "" {
			reason += " (" + t.DifficultyReason + ")"
		}
		if threats == nil {
			threats = slices.Clone(m.Threats)
		}
		threats[i].Difficulty, threats[i].DifficultyReason = to, reason
		out = append(out, Rerating{Threat: t.ID, Surface: s.ID, From: t.Difficulty, To: to, Exposure: s.Exposure, Drafted: was})
	}
	if threats == nil {
		return m, nil
	}
	c := *m
	c.Threats = threats
	return &c, out
}

func harder(d Difficulty) Difficulty {
	switch d {
	case Easy:
		return Moderate
	case Moderate:
		return Hard
	}
	return d
}

func easier(d Difficulty) Difficulty {
	switch d {
	case Hard:
		return Moderate
	case Moderate:
		return Easy
	}
	return d
}

func orPublic(e Exposure) Exposure {
	if e == "" {
		return Public
	}
	return e
}
