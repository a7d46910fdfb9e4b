package check

import (
	"slices"
	"strings"
	"testing"
)

func mustConfig(t *testing.T, yaml string) *Config {
	t.Helper()
	if yaml == "<none>" {
		return nil
	}
	c, err := ParseConfig(ConfigFile, []byte(yaml))
	if err != nil {
		t.Fatalf("%q: %v", yaml, err)
	}
	return c
}

func TestLoosenings(t *testing.T) {
	const strict = "fail-on: warning\nlevels: {stale: error}\nignore:\n  - {kind: drift, path: legacy/, reason: old code, until: 2026-07-01}\nexclude: [docs/]\n"
	tests := []struct {
		name, base, head string
		want             []string
	}{
		{"same", strict, strict, nil},
		{"fail-on never", "", "fail-on: never\n", []string{"fail-on: error → never"}},
		{"fail-on from warning to error", strict, strings.Replace(strict, "warning", "error", 1), []string{"fail-on: warning → error"}},
		{"a stricter fail-on still adds ignores", "", strict, []string{"exclude added: docs/", "ignore added: (kind drift, path legacy/), reason: old code"}},
		{"a kind off", "", "levels: {secret-committed: off, drift: warning}\n", []string{"levels.drift: error → warning", "levels.secret-committed: error → off"}},
		{"gate-weakened itself off", "", "levels: {gate-weakened: off}\n", []string{"levels.gate-weakened: error → off"}},
		{"a level raised is fine", "", "levels: {stale: error}\n", nil},
		{"exclude everything", strict, strings.Replace(strict, "exclude: [docs/]", "exclude: [docs/, \"/*\"]", 1), []string{"exclude added: /*"}},
		{"ignore added", "", "ignore:\n  - {kind: secret-committed, reason: test keys}\n", []string{"ignore added: (kind secret-committed), reason: test keys"}},
		{"ignore extended", strict, strings.Replace(strict, "2026-07-01", "2099-01-01", 1), []string{"ignore (kind drift, path legacy/) until: 2026-07-01 → 2099-01-01"}},
		{"ignore made endless", strict, strings.Replace(strict, ", until: 2026-07-01", "", 1), []string{"ignore (kind drift, path legacy/) until: 2026-07-01 → no end"}},
		{"ignore shortened is fine", strict, strings.Replace(strict, "2026-07-01", "2026-06-20", 1), nil},
		{"config deleted", strict, "<none>", []string{"fail-on: warning → error", "levels.stale: error → warning"}},
		{"server code called a script", "", "roles:\n  script: [server/]\n  app: [scripts/worker.js]\n", []string{"roles.script added: server/"}},
		{"a guard named", "auth:\n  guards: [a]\n", "auth:\n  guards: [a, requireUser]\n  public: [\"GET /health\"]\n", []string{"auth.guards added: requireUser"}},
		{"a route declared public is stricter", "", "auth:\n  public: [\"GET /health\"]\n", nil},
		{"a role already there", "roles: {script: [deploy/]}\n", "roles: {script: [deploy/]}\n", nil},
		{"config added loose", "<none>", "fail-on: never\nexclude: [\"/*\"]\n", []string{"exclude added: /*", "fail-on: error → never"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range Loosenings(mustConfig(t, tt.base), mustConfig(t, tt.head)) {
				got = append(got, l.String())
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGateFindings: the findings are errors about the config file, with
// the line of an added ignore, and the newer config cannot hide them.
func TestGateFindings(t *testing.T) {
	head := mustConfig(t, "fail-on: never\nlevels: {gate-weakened: off}\nignore:\n  - {kind: gate-weakened, reason: trust me}\n")
	fs := GateFindings(Loosenings(nil, head), ConfigFile, "origin/main")
	if len(fs) != 3 {
		t.Fatalf("findings %+v", fs)
	}
	for _, f := range fs {
		if f.Kind != "gate-weakened" || f.Level != Error || f.File != ConfigFile || !strings.Contains(f.Message, "less strict than at origin/main") || f.Fingerprint == "" {
			t.Errorf("finding %+v", f)
		}
	}
	if fs[2].Line != 4 {
		t.Errorf("the added ignore is at line %d, want 4", fs[2].Line)
	}
	if fs[0].Fingerprint == fs[1].Fingerprint {
		t.Error("two loosenings share a fingerprint")
	}
	if _, ok := KindByID("gate-weakened"); !ok {
		t.Error("gate-weakened is not a kind")
	}
}
