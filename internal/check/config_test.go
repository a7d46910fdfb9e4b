package check

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/model"
)

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig("threatmap-check.yaml", []byte(`# how strict check is here
fail-on: warning
levels:
  stale: error
  review-overdue: off
ignore:
  - kind: secret-committed
    path: tests/fixtures/
    reason: fake keys for the parser tests
  - id: post-api-debug
    reason: removed next sprint
    until: 2026-07-01
exclude:
  - docs/
  - "*.generated.go"
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != Warning || c.Levels["stale"] != Error || c.Levels["review-overdue"] != Off {
		t.Errorf("fail-on %q, levels %v", c.FailOn, c.Levels)
	}
	if len(c.Ignore) != 2 || c.Ignore[0].Path != "tests/fixtures/" || c.Ignore[0].Line != 7 || c.Ignore[1].Until.String() != "2026-07-01" {
		t.Errorf("ignore = %+v", c.Ignore)
	}
	if strings.Join(c.Exclude, " ") != "docs/ *.generated.go" {
		t.Errorf("exclude = %v", c.Exclude)
	}
	for _, empty := range []string{"", "# nothing yet\n", "~\n"} {
		if c, err := ParseConfig("x.yaml", []byte(empty)); err != nil || c == nil {
			t.Errorf("ParseConfig(%q) = %v, %v; want an empty config", empty, c, err)
		}
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"unknown key", "fail-on: error\nignores: []\n", `c.yaml:2:1: top level: unknown key "ignores"`},
		{"hint", "fail-onn: error\n", `did you mean "fail-on"?`},
		{"bad fail-on", "fail-on: sometimes\n", `c.yaml:1:10: fail-on: "sometimes" is not allowed`},
		{"unknown kind in levels", "levels:\n  drfit: note\n", `c.yaml:2:3: levels: unknown kind "drfit"`},
		{"bad level", "levels:\n  drift: loud\n", `c.yaml:2:10: levels.drift: "loud" is not allowed`},
		{"reason missing", "ignore:\n  - kind: drift\n", `c.yaml:2:5: ignore[0]: reason is missing`},
		{"blank reason", "ignore:\n  - {kind: drift, reason: \"  \"}\n", `ignore[0]: reason is missing`},
		{"no selector", "ignore:\n  - reason: because\n", `ignore[0]: give kind, path or id`},
		{"unknown role", "roles:\n  scripts: [deploy/]\n", `c.yaml:2:3: roles: unknown key "scripts"`},
		{"role hint", "roles:\n  scripts: [deploy/]\n", `did you mean "script"?`},
		{"role not a list", "roles:\n  app: worker.js\n", `c.yaml:2:8: roles.app: want a list`},
		{"role pattern not a value", "roles:\n  app: [[x]]\n", `c.yaml:2:9: roles.app[0]: want a value`},
		{"unknown key in ignore", "ignore:\n  - {kind: drift, reason: x, why: y}\n", `c.yaml:2:30: ignore[0]: unknown key "why"`},
		{"unknown kind in ignore", "ignore:\n  - {kind: secret, reason: x}\n", `ignore[0].kind: unknown kind "secret"`},
		{"bad date", "ignore:\n  - {kind: drift, reason: x, until: 1/2/2026}\n", `ignore[0].until: "1/2/2026" is not a date`},
		{"not a mapping", "- drift\n", `c.yaml:1:1: top level: want a mapping`},
		{"ignore not a list", "ignore: drift\n", `ignore: want a list`},
		{"exclude item not a value", "exclude:\n  - {a: b}\n", `exclude[0]: want a value`},
		{"duplicate key", "fail-on: error\nfail-on: note\n", `key "fail-on" appears twice`},
		{"not yaml", "fail-on: [error\n", `not valid YAML`},
		{"bad id glob", "ignore:\n  - {id: \"idor[\", reason: x}\n", `c.yaml:2:10: ignore[0].id: "idor[" is not a valid glob`},
		{"unknown key in auth", "auth:\n  guard: [requireUser]\n", `c.yaml:2:3: auth: unknown key "guard"`},
		{"auth hint", "auth:\n  guard: [requireUser]\n", `did you mean "guards"?`},
		{"auth not a mapping", "auth: [requireUser]\n", `c.yaml:1:7: auth: want a mapping`},
		{"empty guard name", "auth:\n  guards: [requireUser, \"\"]\n", `c.yaml:2:25: auth.guards[1]: empty guard name`},
		{"guard with arguments", "auth:\n  guards: [\"requireRole('admin')\"]\n", `c.yaml:2:12: auth.guards[0]: "requireRole('admin')" is not a function name`},
		{"guard twice", "auth:\n  guards: [a, a]\n", `c.yaml:2:15: auth.guards[1]: "a" is listed twice`},
		{"guard not a value", "auth:\n  guards: [{a: b}]\n", `c.yaml:2:12: auth.guards[0]: want a value`},
		{"public without slash", "auth:\n  public: [\"GET health\"]\n", `c.yaml:2:12: auth.public[0]: "GET health": the path must start with /`},
		{"public bad method", "auth:\n  public: [\"FETCH /health\"]\n", `auth.public[0]: "FETCH /health": unknown method "FETCH"`},
		{"public three words", "auth:\n  public: [\"GET /a /b\"]\n", `want "METHOD /path" or "/path"`},
		{"public empty", "auth:\n  public: [\"\"]\n", `c.yaml:2:12: auth.public[0]: "": want "METHOD /path"`},
		{"public bad glob", "auth:\n  public: [\"GET /a/[b\"]\n", `auth.public[0]: "GET /a/[b": bad pattern "[b"`},
		{"public partial double star", "auth:\n  public: [\"GET /a/b**\"]\n", `** must be a whole path segment`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig("c.yaml", []byte(tt.yaml))
			var ps model.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v, want model.Problems", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err =\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// auth: names guards and public routes; the scan is taught them with the
// file's name as findings give it, and each line for evidence.
func TestConfigAuth(t *testing.T) {
	c, err := ParseConfig("threatmap-check.yaml", []byte(`auth:
  guards:
    - parseRequest
    - auth.require_user
  public: ["GET /health", "POST /api/webhooks/*", "/status/**"]
`))
	if err != nil {
		t.Fatal(err)
	}
	c.File = "svc/threatmap-check.yaml"
	tg := c.Taught()
	if tg.File != "svc/threatmap-check.yaml" || len(tg.Guards) != 2 || tg.Guards[1].Name != "auth.require_user" || tg.Guards[1].Line != 4 {
		t.Errorf("guards = %+v in %s", tg.Guards, tg.File)
	}
	if len(tg.Public) != 3 || tg.Public[0].Method != "GET" || tg.Public[0].Line != 5 || tg.Public[2].Method != "" {
		t.Errorf("public = %+v", tg.Public)
	}
	var none *Config
	if none.Taught() != nil {
		t.Error("a missing config taught something")
	}
	if c, _ := ParseConfig("c.yaml", []byte("fail-on: error\n")); c.Taught() != nil {
		t.Error("a config without auth: taught something")
	}
}

// Roles say where code runs where the path conventions guess wrong; the
// last pattern that matches a path decides, and a folder pattern matches
// every file under it.
func TestConfigRoles(t *testing.T) {
	c, err := ParseConfig("threatmap-check.yaml", []byte(`roles:
  script: [deploy/]
  app: [scripts/worker.js, deploy/server.js]
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, want string
		ok         bool
	}{
		{"scripts/worker.js", "in an application file (set in threatmap-check.yaml): served or run in production", true},
		{"deploy/release/tag.sh", "in a script (set in threatmap-check.yaml): needs commit access", true},
		{"deploy/server.js", "in an application file (set in threatmap-check.yaml): served or run in production", true},
		{"scripts/release.js", "", false},
	} {
		r, ok := c.Role(tt.path)
		if ok != tt.ok || ok && r.Reason() != tt.want {
			t.Errorf("Role(%q) = %q, %v; want %q, %v", tt.path, r.Reason(), ok, tt.want, tt.ok)
		}
	}
	var none *Config
	if _, ok := none.Role("scripts/worker.js"); ok {
		t.Error("a missing config gave a role")
	}
}

func TestLoadConfig(t *testing.T) {
	if _, err := LoadConfig(filepath.Join(t.TempDir(), "none.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want ErrNotExist", err)
	}
	path := filepath.Join(t.TempDir(), ConfigFile)
	if err := os.WriteFile(path, []byte("fail-on: never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(path)
	if err != nil || c.FailOn != Never {
		t.Errorf("LoadConfig = %+v, %v", c, err)
	}
}

func TestApply(t *testing.T) {
	now := time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC)
	findings := func() []Finding {
		return []Finding{
			{Kind: "stale", Level: Warning, File: "threatmap.yaml", Line: 40, ID: "get-old", Fingerprint: "f-stale"},
			{Kind: "secret-committed", Level: Error, File: "tests/fixtures/keys.py", Line: 2, Fingerprint: "f-fixture"},
			{Kind: "secret-committed", Level: Error, File: "app/config.py", Line: 8, Fingerprint: "f-config"},
			{Kind: "drift", Level: Error, File: "app/debug.py", Line: 3, ID: "post-api-debug", Fingerprint: "f-debug"},
			{Kind: "review-overdue", Level: Error, File: "threatmap.yaml", Line: 5, Fingerprint: "f-review"},
		}
	}
	parse := func(t *testing.T, y string) *Config {
		t.Helper()
		c, err := ParseConfig(ConfigFile, []byte(y))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	type got struct{ kind, level, file, fp string }
	summarize := func(fs []Finding) []got {
		var out []got
		for _, f := range fs {
			out = append(out, got{f.Kind, f.Level, f.File, f.Fingerprint})
		}
		return out
	}
	tests := []struct {
		name, yaml string
		want       []string // kind level file-or-fingerprint, in order
	}{
		{"nil config sorts", "", []string{
			"drift error app/debug.py", "review-overdue error threatmap.yaml", "secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py", "stale warning threatmap.yaml",
		}},
		{"levels raise, lower and turn off", "levels: {stale: error, drift: note, review-overdue: off}\n", []string{
			"secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py", "stale error threatmap.yaml", "drift note app/debug.py",
		}},
		{"ignore by kind and path", "ignore:\n  - {kind: secret-committed, path: tests/, reason: fake keys}\n", []string{
			"drift error app/debug.py", "review-overdue error threatmap.yaml", "secret-committed error app/config.py", "stale warning threatmap.yaml",
		}},
		{"ignore by glob", "ignore:\n  - {path: \"*.py\", reason: all python}\n", []string{
			"review-overdue error threatmap.yaml", "stale warning threatmap.yaml",
		}},
		{"ignore by id and by fingerprint", "ignore:\n  - {id: post-api-debug, reason: goes next sprint, until: 2026-06-15}\n  - {id: f-review, reason: reviewed offline}\n", []string{
			"secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py", "stale warning threatmap.yaml",
		}},
		{"ignore by id glob", "ignore:\n  - {id: \"post-*\", reason: the debug routes go next sprint}\n  - {id: \"get-?ld\", reason: removed in the next release}\n", []string{
			"review-overdue error threatmap.yaml", "secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py",
		}},
		{"id glob matches no finding without an id", "ignore:\n  - {id: \"*\", kind: review-overdue, reason: never matches}\n", []string{
			"drift error app/debug.py", "review-overdue error threatmap.yaml", "secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py", "stale warning threatmap.yaml", "unused-ignore note threatmap-check.yaml",
		}},
		{"expired ignore stops applying", "ignore:\n  - {id: post-api-debug, reason: goes next sprint, until: 2026-06-14}\n", []string{
			"drift error app/debug.py", "review-overdue error threatmap.yaml", "secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py", "stale warning threatmap.yaml", "ignore-expired warning threatmap-check.yaml",
		}},
		{"unused ignore is a note", "ignore:\n  - {kind: drift, path: legacy/, reason: old code}\n", []string{
			"drift error app/debug.py", "review-overdue error threatmap.yaml", "secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py", "stale warning threatmap.yaml", "unused-ignore note threatmap-check.yaml",
		}},
		{"config kinds obey levels", "levels: {unused-ignore: off}\nignore:\n  - {kind: drift, path: legacy/, reason: old code}\n", []string{
			"drift error app/debug.py", "review-overdue error threatmap.yaml", "secret-committed error app/config.py", "secret-committed error tests/fixtures/keys.py", "stale warning threatmap.yaml",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c *Config
			if tt.yaml != "" {
				c = parse(t, tt.yaml)
			}
			var lines []string
			for _, g := range summarize(c.Apply(findings(), now)) {
				lines = append(lines, g.kind+" "+g.level+" "+g.file)
			}
			if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestApplyConfigFindings(t *testing.T) {
	c, err := ParseConfig(ConfigFile, []byte("ignore:\n  - kind: drift\n    reason: old\n    until: 2026-01-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	out := c.Apply(nil, time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC))
	if len(out) != 1 {
		t.Fatalf("%d findings, want 1", len(out))
	}
	f := out[0]
	if f.Line != 2 || f.Fingerprint == "" || !strings.Contains(f.Message, "expired on 2026-01-01") || !strings.Contains(f.Message, "(kind drift)") {
		t.Errorf("finding = %+v", f)
	}
}

// FuzzParseConfig: any bytes give a config or problems, never a panic.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("fail-on: error\nlevels: {drift: note}\nignore:\n  - {kind: drift, reason: x, until: 2026-01-01}\nexclude: [docs/]\n"))
	f.Add([]byte("ignore:\n  - &a {kind: drift, reason: x}\n  - *a\n"))
	f.Add([]byte("levels: [1, 2]\nignore: {}\n"))
	f.Add([]byte("\xff\xfe"))
	f.Add([]byte("ignore:\n  - kind: drift\n    path: a\n   reason: b\n"))
	f.Add([]byte("fail-on: [error\nexclude: 'x\n"))
	f.Add([]byte("auth:\n  guards: [parseRequest, a.b]\n  public: [\"GET /health\", \"POST /api/**\", \"/x/{id}/*\"]\n"))
	f.Add([]byte("auth:\n  guards: [\"\", \"x(\"]\n  public: [\"GET /[\", \"get\", \"A B C\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig("c.yaml", data)
		if err == nil && c == nil {
			t.Fatal("nil config without an error")
		}
		if err != nil {
			var ps model.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %v is not model.Problems", err)
			}
			for _, p := range ps {
				// Every line break YAML may count: CR LF, LF, CR, NEL, LS, PS.
				breaks := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + bytes.Count(data, []byte("\u0085")) +
					bytes.Count(data, []byte("\u2028")) + bytes.Count(data, []byte("\u2029"))
				if p.Line < 1 || p.Col < 1 || p.Line > breaks {
					t.Fatalf("%s is not a place in the file", p)
				}
			}
		}
		if c != nil {
			c.Apply([]Finding{{Kind: "drift", Level: Error, File: "a/b.py", ID: "x"}}, time.Now())
		}
	})
}
