package threat

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/model"
)

// Where code runs decides how a threat ranks: a weakness in served code
// is on the map; the same weakness in a release script or a migration is
// hard (whoever runs the script is the attacker) and says where it runs;
// in a test it is no threat; a placeholder secret in sample code is no
// secret, a provider's key there still is.
func TestWhereCodeRuns(t *testing.T) {
	// A manifest the tree reads as a developer's tools (or one in a
	// tooling folder, as here) is outside production.
	devTools := lang.RoleOf("tools/format/package.json")
	if devTools.Kind != lang.Tooling {
		t.Fatalf("tools/format/package.json: %v, want tooling", devTools.Kind)
	}
	weak := func(file string) facts.Weakness {
		return facts.Weakness{ID: "w-" + file, Kind: "command-injection", Detail: "exec", Evidence: []facts.Evidence{{File: file, Line: 3}}}
	}
	for _, tc := range []struct {
		name  string
		f     facts.Facts
		opt   Options
		rule  string
		want  bool // a threat of rule is drafted
		where string
		diff  model.Difficulty
	}{
		{name: "served code", f: facts.Facts{Weaknesses: []facts.Weakness{weak("server/exec.js")}},
			rule: "command-injection", want: true, diff: model.Easy},
		{name: "release script", f: facts.Facts{Weaknesses: []facts.Weakness{weak("scripts/release.js")}},
			rule: "command-injection", want: true, diff: model.Hard,
			where: "in a release script (under scripts/): needs commit access"},
		{name: "migration", f: facts.Facts{Weaknesses: []facts.Weakness{weak("server/migrations/2023-emoji.js")}},
			rule: "command-injection", want: true, diff: model.Hard,
			where: "in a database migration (under migrations/): runs at deploy time; needs commit access"},
		{name: "test", f: facts.Facts{Weaknesses: []facts.Weakness{weak("server/exec.test.js")}},
			rule: "command-injection", want: false},
		{name: "a devcontainer's database is not exposed", f: facts.Facts{Infrastructure: []facts.Infrastructure{
			{Kind: "public-database", Detail: "db (postgres): publishes 5432:5432", Evidence: []facts.Evidence{{File: ".devcontainer/docker-compose.yml", Line: 24}}}}},
			rule: "public-database", want: false},
		{name: "a deployed compose file's database is", f: facts.Facts{Infrastructure: []facts.Infrastructure{
			{Kind: "public-database", Detail: "db (postgres): publishes 5432:5432", Evidence: []facts.Evidence{{File: "deploy/docker-compose.yml", Line: 24}}}}},
			rule: "public-database", want: true, diff: model.Moderate},
		{name: "credentials named in a sample env file are still the product's", f: facts.Facts{Credentials: []facts.Credential{
			{Name: "OPENAI_API_KEY", Secret: true, Evidence: []facts.Evidence{{File: ".env.example", Line: 2}}}},
			Controls: []facts.Control{{Kind: facts.ControlEnvFileUsed, Evidence: []facts.Evidence{{File: ".env.example", Line: 1}}}}},
			rule: "env-exposure", want: true, diff: model.Moderate},
		{name: "served and script: the served site decides", f: facts.Facts{Weaknesses: []facts.Weakness{
			{Kind: "command-injection", Evidence: []facts.Evidence{{File: "scripts/a.js", Line: 1}, {File: "server/b.js", Line: 2}}}}},
			rule: "command-injection", want: true, diff: model.Easy},
		{name: "configured as served", f: facts.Facts{Weaknesses: []facts.Weakness{weak("scripts/worker.js")}},
			opt: Options{Roles: func(p string) (lang.Role, bool) {
				return lang.Configured(lang.App, "threatmap-check.yaml"), strings.HasPrefix(p, "scripts/")
			}},
			rule: "command-injection", want: true, diff: model.Easy},
		{name: "content refines the path: a server started from bin/", f: facts.Facts{
			Weaknesses: []facts.Weakness{weak("bin/www")},
			Roles:      map[string]lang.Role{"bin/www": lang.Classify("bin/www", []byte("#!/usr/bin/env node\nhttp.createServer(app).listen(3000)\n"))}},
			rule: "command-injection", want: true, diff: model.Easy},
		{name: "placeholder secret in a test", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "generic-api-key", File: "backend/tests/test_element.py", Line: 9, Redacted: "ch…23"}}},
			rule: "secrets-committed", want: false},
		{name: "placeholder secret in a sample env file", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "generic-api-key", File: ".env.sample", Line: 9, Redacted: "ch…23"}}},
			rule: "secrets-committed", want: false},
		{name: "provider key in a test is still a leak, outside the map", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "stripe-access-token", File: "tests/test_billing.py", Line: 9, Redacted: "sk_live…"}}},
			rule: "secrets-committed", want: true, diff: model.Hard,
			where: "in a test (named test_*): runs only in the test suite"},
		{name: "CI job's environment file", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "dotenv", File: ".env.ci", Line: 21, Redacted: "…", Variable: "DB_PASSWORD"}}},
			rule: "secrets-committed", want: false},
		{name: "dev profile's signing key", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "hardcoded-signing-key", File: "src/main/resources/config/application-dev.yml", Line: 4, Redacted: "bX…o="}}},
			rule: "hardcoded-signing-key", want: false},
		{name: "production profile's signing key", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "hardcoded-signing-key", File: "src/main/resources/config/application-prod.yml", Line: 4, Redacted: "bX…o="}}},
			rule: "hardcoded-signing-key", want: true, diff: model.Moderate},
		{name: "production env file", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "dotenv", File: ".env.production", Line: 3, Redacted: "…", Variable: "DB_PASSWORD"}}},
			rule: "secrets-committed", want: true, diff: model.Moderate},
		{name: "provider key in a CI environment file is still a leak", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "stripe-access-token", File: ".env.ci", Line: 9, Redacted: "sk_live…"}}},
			rule: "secrets-committed", want: true, diff: model.Hard,
			where: "in a CI environment file (named .env.ci): runs in CI; needs commit access or a pull request"},
		{name: "a developer tools' manifest without a lockfile is outside production", f: facts.Facts{
			Pipeline: []facts.Pipeline{{Kind: "missing-lockfile", Detail: "tools/format/package.json: no lockfile", Evidence: []facts.Evidence{{File: "tools/format/package.json", Line: 5}}}}},
			rule: "unpinned-dependencies", want: true, diff: model.Hard, where: devTools.Reason()},
		{name: "the product's manifest without a lockfile stays on the map", f: facts.Facts{
			Pipeline: []facts.Pipeline{{Kind: "missing-lockfile", Detail: "package.json: no lockfile", Evidence: []facts.Evidence{{File: "package.json", Line: 5}}}}},
			rule: "unpinned-dependencies", want: true, diff: model.Hard},
		{name: "provider key in served code", f: facts.Facts{Secrets: []facts.Secret{
			{Rule: "stripe-access-token", File: "app/billing.py", Line: 9, Redacted: "sk_live…"}}},
			rule: "secrets-committed", want: true, diff: model.Moderate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Draft(tc.f, tc.opt)
			var got *model.Threat
			for i := range m.Threats {
				if m.Threats[i].Rule == tc.rule {
					got = &m.Threats[i]
				}
			}
			if (got != nil) != tc.want {
				t.Fatalf("threat of %s drafted: %v, want %v", tc.rule, got != nil, tc.want)
			}
			if got == nil {
				return
			}
			if got.Where != tc.where {
				t.Errorf("where = %q, want %q", got.Where, tc.where)
			}
			if got.Difficulty != tc.diff {
				t.Errorf("difficulty = %s, want %s", got.Difficulty, tc.diff)
			}
			if tc.where != "" && !strings.Contains(got.Statement, "would require "+lang.RoleOf(got.Evidence[0].File).Requires()) {
				t.Errorf("statement %q does not say what reaching the code takes", got.Statement)
			}
		})
	}
}

// Threats in code that does not run in production rank after every threat
// in served code, whatever their difficulty.
func TestWhereRanksLast(t *testing.T) {
	m := &model.Model{Threats: []model.Threat{
		{ID: "a", Difficulty: model.Easy, Impact: model.Critical, Where: "in a release script (under scripts/): needs commit access"},
		{ID: "b", Difficulty: model.Hard, Impact: model.Low},
	}}
	if r := model.Rank(m); r[0].Threat.ID != "b" {
		t.Errorf("first ranked %s, want the served threat b", r[0].Threat.ID)
	}
}
