package check

import (
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/lang"

	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Loosening is one way a threatmap-check.yaml makes the gate less strict
// than another: a pull request can weaken the check that judges it, so
// diff and check --base report each.
type Loosening struct {
	// Setting is what changed: fail-on, levels.<kind>, ignore, exclude, roles.<kind> or auth.guards.
	Setting string `json:"setting"`
	Before  string `json:"before,omitempty"`
	After   string `json:"after"`
	// Line is where the looser setting is in the newer file, when known.
	Line int `json:"line,omitempty"`
}

// String says what the change does, in a line.
func (l Loosening) String() string {
	switch {
	case l.Before == "":
		return fmt.Sprintf("%s added: %s", l.Setting, l.After)
	default:
		return fmt.Sprintf("%s: %s → %s", l.Setting, l.Before, l.After)
	}
}

// failStrictness orders fail-on values: the higher, the more findings fail.
func failStrictness(v string) int {
	switch v {
	case Never:
		return 0
	case "", Error:
		return 1
	case Warning:
		return 2
	}
	return 3 // note
}

// levelStrictness orders levels: off, note, warning, error.
func levelStrictness(v string) int {
	switch v {
	case Off:
		return 0
	case Note:
		return 1
	case Warning:
		return 2
	}
	return 3
}

// Loosenings lists how head makes the gate less strict than base: a
// lower fail-on, a kind's level lowered or turned off, ignores added or
// made to last longer, paths newly excluded from the scan. A nil config
// is the defaults (a deleted file loosens whatever it tightened).
// Tightening is not listed.
func Loosenings(base, head *Config) []Loosening {
	if base == nil {
		base = &Config{}
	}
	if head == nil {
		head = &Config{}
	}
	var out []Loosening
	if failStrictness(head.FailOn) < failStrictness(base.FailOn) {
		out = append(out, Loosening{Setting: "fail-on", Before: orDefault(base.FailOn, Error), After: orDefault(head.FailOn, Error)})
	}
	for _, k := range Kinds {
		b, h := base.level(k.ID, k.Level), head.level(k.ID, k.Level)
		if levelStrictness(h) < levelStrictness(b) {
			out = append(out, Loosening{Setting: "levels." + k.ID, Before: b, After: h})
		}
	}
	for _, ig := range head.Ignore {
		i := slices.IndexFunc(base.Ignore, func(b Ignore) bool { return b.Kind == ig.Kind && b.Path == ig.Path && b.ID == ig.ID })
		if i < 0 {
			out = append(out, Loosening{Setting: "ignore", After: ig.describe() + ", reason: " + ig.Reason, Line: ig.Line})
			continue
		}
		if b := base.Ignore[i]; !b.Until.IsZero() && (ig.Until.IsZero() || b.Until.Before(ig.Until.Time)) {
			out = append(out, Loosening{Setting: "ignore " + ig.describe() + " until", Before: b.Until.String(), After: orDefault(untilText(ig), "no end"), Line: ig.Line})
		}
	}
	for _, ex := range head.Exclude {
		if !slices.Contains(base.Exclude, ex) {
			out = append(out, Loosening{Setting: "exclude", After: ex})
		}
	}
	// A path newly said not to run in production takes its threats off
	// the map: as loose as excluding it.
	for _, r := range head.Roles {
		if r.Kind == lang.App {
			continue
		}
		if !slices.ContainsFunc(base.Roles, func(b RolePattern) bool { return b.Kind == r.Kind && b.Pattern == r.Pattern }) {
			out = append(out, Loosening{Setting: "roles." + r.Kind.String(), After: r.Pattern, Line: r.Line})
		}
	}
	// A function newly named an auth guard makes the routes it is on
	// required: their unauthenticated-write and similar rows go. (A route
	// declared public only adds threats.)
	if head.Auth != nil {
		for _, g := range head.Auth.Guards {
			if base.Auth == nil || !slices.ContainsFunc(base.Auth.Guards, func(b route.TaughtGuard) bool { return b.Name == g.Name }) {
				out = append(out, Loosening{Setting: "auth.guards", After: g.Name, Line: g.Line})
			}
		}
	}
	return out
}

func untilText(ig Ignore) string {
	if ig.Until.IsZero() {
		return ""
	}
	return ig.Until.String()
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// GateFindings turns loosenings into gate-weakened findings about file
// (the config's path relative to the scanned root), compared with the
// config at rev. They are errors, and the config being judged cannot
// turn them off: levels, ignores and fail-on of the newer file do not
// apply to them.
func GateFindings(ls []Loosening, file, rev string) []Finding {
	var out []Finding
	for _, l := range ls {
		h := sha256.Sum256([]byte(strings.Join([]string{"gate-weakened", l.Setting, l.Before, l.After}, "\x00")))
		out = append(out, Finding{
			Kind:    "gate-weakened",
			Level:   Error,
			Message: fmt.Sprintf("the check's configuration is less strict than at %s: %s", rev, l),
			Fix: fmt.Sprintf("undo the change to %s, or have the people who own the gate review it; the finding stays until the change is part of %s",
				file, rev),
			File:        file,
			Line:        l.Line,
			Fingerprint: hex.EncodeToString(h[:8]),
		})
	}
	return out
}
