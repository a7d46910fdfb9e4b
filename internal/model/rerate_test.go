package model

import (
	"strings"
	"testing"
)

func TestRerated(t *testing.T) {
	surface := func(exposure, drafted Exposure) Surface {
		return Surface{ID: "s", Kind: KindEndpoint, Direction: Entry, Name: "POST /x", Exposure: exposure,
			Match: &SurfaceMatch{Method: "POST", Path: "/x", Exposure: drafted}}
	}
	tests := []struct {
		name     string
		surface  Surface
		threat   Threat
		want     Difficulty
		reason   string // a part of the new reason; "" for no change
		reratedN int
	}{
		{"public made internal", surface(Internal, Public), Threat{Rule: "r", Difficulty: Easy, DifficultyReason: "the route has no authentication"}, Moderate,
			"internal only (exposure set by hand; the code showed public): an automated attacker on the internet cannot reach it without a foothold inside first; low if reachable (the route has no authentication)", 1},
		{"authenticated made internal", surface(Internal, Authenticated), Threat{Rule: "r", Difficulty: Moderate}, Hard, "the code showed authenticated", 1},
		{"internal made public", surface(Public, Internal), Threat{Rule: "r", Difficulty: Hard, DifficultyReason: "needs a foothold"}, Moderate,
			"reachable from the internet (exposure public set by hand; the code showed internal): automated attackers find it without a foothold inside; high as internal only (needs a foothold)", 1},
		{"internal with exposure removed counts as public", surface("", Internal), Threat{Rule: "r", Difficulty: Moderate}, Easy, "exposure public set by hand", 1},
		{"public made authenticated: auth is the code's to judge", surface(Authenticated, Public), Threat{Rule: "r", Difficulty: Easy}, Easy, "", 0},
		{"as drafted", surface(Internal, Internal), Threat{Rule: "r", Difficulty: Moderate}, Moderate, "", 0},
		{"already as hard as it gets", surface(Internal, Public), Threat{Rule: "r", Difficulty: Hard}, Hard, "", 0},
		{"already as easy as it gets", surface(Public, Internal), Threat{Rule: "r", Difficulty: Easy}, Easy, "", 0},
		{"drafted exposure unknown", surface(Internal, ""), Threat{Rule: "r", Difficulty: Easy}, Easy, "", 0},
		{"hand-written threat keeps its rating", surface(Internal, Public), Threat{Difficulty: Easy}, Easy, "", 0},
		{"code that does not run in production", surface(Internal, Public), Threat{Rule: "r", Difficulty: Hard, Where: "in a script"}, Hard, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.threat.ID, tt.threat.Surface = "t", "s"
			m := &Model{Surfaces: []Surface{tt.surface}, Threats: []Threat{tt.threat}}
			got, moved := Rerated(m, DraftedExposure)
			if g := got.Threats[0]; g.Difficulty != tt.want || !strings.Contains(g.DifficultyReason, tt.reason) {
				t.Errorf("difficulty %s (%q), want %s (with %q)", g.Difficulty, g.DifficultyReason, tt.want, tt.reason)
			}
			if len(moved) != tt.reratedN {
				t.Errorf("%d re-ratings, want %d", len(moved), tt.reratedN)
			}
			if m.Threats[0].Difficulty != tt.threat.Difficulty {
				t.Error("the model itself was changed")
			}
			if tt.reratedN == 0 && got != m {
				t.Error("a copy was made with nothing to re-rate")
			}
		})
	}
}
