package threat

import (
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/redact"
)

// A control on one bucket does not answer another bucket's threat: a
// bucket whose declaration blocks public access is drafted mitigated, on
// a row of its own, and the ones that lack the block share the open row.
// A bucket known only from application code, with nothing making it
// public, is a store and no row.
func TestBucketControlsPerBucket(t *testing.T) {
	tf := func(line int) []facts.Evidence { return []facts.Evidence{{File: "infra/main.tf", Line: line}} }
	uploads := facts.Store{Kind: "s3", Name: "S3 bucket acme-uploads", Evidence: tf(1)}
	exports := facts.Store{Kind: "s3", Name: "S3 bucket acme-exports", Evidence: tf(20)}
	archive := facts.Store{Kind: "s3", Name: "S3 bucket acme-archive", Evidence: tf(40)}
	media := facts.Store{Kind: "gcs", Name: "GCS bucket media", Evidence: []facts.Evidence{{File: "app/media.py", Line: 4}}}
	controls := []facts.Control{
		{Kind: "bucket-public-access-block", Detail: "aws_s3_bucket.uploads (acme-uploads): all public access blocked by aws_s3_bucket_public_access_block.uploads", Evidence: tf(5)},
		{Kind: "bucket-logging", Detail: "bucket access logging for aws_s3_bucket.uploads (acme-uploads)", Evidence: tf(12)},
	}
	for _, tc := range []struct {
		name            string
		stores          []facts.Store
		open, mitigated int // sites of each row; 0: no such row
	}{
		{"every bucket blocked", []facts.Store{uploads, media}, 0, 1},
		{"one bucket not", []facts.Store{uploads, exports, media}, 1, 1},
		{"two not", []facts.Store{exports, archive}, 2, 0},
		{"a bucket the code only names", []facts.Store{media}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Draft(facts.Facts{Stores: tc.stores, Controls: controls}, Options{})
			open := threatByID(m, "bucket-exposure.buckets")
			mitigated := threatByID(m, "bucket-exposure.buckets-mitigated")
			for _, row := range []struct {
				th    *model.Threat
				sites int
				open  bool
			}{{open, tc.open, true}, {mitigated, tc.mitigated, false}} {
				switch {
				case row.sites == 0 && row.th != nil:
					t.Errorf("row %s with %d sites, want none", row.th.ID, len(row.th.Sites))
				case row.sites > 0 && row.th == nil:
					t.Errorf("no row with %d sites (open %v); rows: %v", row.sites, row.open, ruleThreats(m, "bucket-exposure"))
				case row.th != nil && (len(row.th.Sites) != row.sites || row.th.IsOpen() != row.open):
					t.Errorf("%s: %d sites, open %v; want %d, %v", row.th.ID, len(row.th.Sites), row.th.IsOpen(), row.sites, row.open)
				}
			}
		})
	}
}

// A bucket's exposure is its own: a policy that makes one bucket of a
// file public leaves the others private, and a policy that only lets
// anyone fetch objects by key publishes the bucket (a lower rating, a row
// of its own) rather than leaving it open to listing.
func TestBucketExposureByBucket(t *testing.T) {
	tf := func(lines ...int) []facts.Evidence {
		var ev []facts.Evidence
		for _, l := range lines {
			ev = append(ev, facts.Evidence{File: "infra/s3.tf", Line: l})
		}
		return ev
	}
	f := facts.Facts{
		Stores: []facts.Store{
			{Kind: "s3", Name: "S3 bucket invoices", Evidence: tf(1)},
			{Kind: "s3", Name: "S3 bucket receipts", Evidence: tf(10)},
			{Kind: "s3", Name: "S3 bucket assets", Evidence: tf(20)},
			{Kind: "s3", Name: "S3 bucket images", Evidence: tf(40)},
			{Kind: "s3", Name: "S3 bucket shares", Evidence: tf(60)},
		},
		Infrastructure: []facts.Infrastructure{
			{Kind: "published-bucket", Detail: "aws_s3_bucket.assets: publishes its objects", Evidence: tf(30, 20)},
			{Kind: "published-bucket", Detail: "aws_s3_bucket.images: publishes its objects", Evidence: tf(50, 40)},
			{Kind: "public-bucket", Detail: "aws_s3_bucket.shares: public to the internet", Evidence: tf(70, 60)},
		},
	}
	m := Draft(f, Options{})
	for _, tc := range []struct {
		id         string
		sites      int
		difficulty model.Difficulty
		impact     model.Level
	}{
		{"bucket-exposure.buckets", 2, model.Moderate, model.Critical},
		{"bucket-exposure.published-buckets", 2, model.Moderate, model.Medium},
		{"bucket-exposure.public-buckets", 1, model.Easy, model.Critical},
	} {
		th := threatByID(m, tc.id)
		if th == nil {
			t.Errorf("no threat %s", tc.id)
			continue
		}
		if len(th.Sites) != tc.sites || th.Difficulty != tc.difficulty || th.Impact != tc.impact {
			t.Errorf("%s: %d sites, %s/%s; want %d, %s/%s", tc.id, len(th.Sites), th.Difficulty, th.Impact, tc.sites, tc.difficulty, tc.impact)
		}
	}
	if n := len(ruleThreats(m, "bucket-exposure")); n != 3 {
		t.Errorf("%d bucket-exposure rows, want 3", n)
	}
}

func TestNamesBucket(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		want       bool
	}{
		{"aws_s3_bucket.uploads (acme-uploads): blocked", "uploads", true},
		{"aws_s3_bucket.uploads (acme-uploads): blocked", "acme-uploads", true},
		{"aws_s3_bucket.old_uploads (old-uploads)", "uploads", false},
		{"anything", "", false},
	} {
		if got := namesBucket(tc.text, tc.name); got != tc.want {
			t.Errorf("namesBucket(%q, %q) = %v, want %v", tc.text, tc.name, got, tc.want)
		}
	}
}

// One finding, one row: a file whose only secret is a signing key gets a
// hardcoded-signing-key row and no secrets-committed row; a file with
// another secret beside it keeps both.
func TestSigningKeyFileHasOneRow(t *testing.T) {
	f := facts.Facts{Secrets: []facts.Secret{
		{Rule: "hardcoded-signing-key", File: "config/session.js", Line: 3, Redacted: "s3cr…"},
		{Rule: "hardcoded-signing-key", File: "app/settings.py", Line: 10, Redacted: "dj…"},
		{Rule: "aws-access-key", File: "app/settings.py", Line: 12, Redacted: "AKIA…"},
	}}
	m := Draft(f, Options{})
	rows := map[string]bool{}
	for _, th := range m.Threats {
		rows[th.ID] = true
	}
	for id, want := range map[string]bool{
		"hardcoded-signing-key.secrets-config-session-js": true,
		"secrets-committed.secrets-config-session-js":     false,
		"hardcoded-signing-key.secrets-app-settings-py":   true,
		"secrets-committed.secrets-app-settings-py":       true,
	} {
		if rows[id] != want {
			t.Errorf("row %s: present %v, want %v", id, rows[id], want)
		}
	}
}

// A rule checks its own control at the surface before the row stands
// open: /metrics behind basic auth is drafted mitigated, with the
// evidence; the same route with nothing in front of it is open.
func TestDebugEndpointGate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		signals []string
		want    model.Response
	}{
		{"basic auth in the handler", []string{"basic-auth"}, model.Mitigate},
		{"an allow-list guard", []string{"guards:ip-allowlist"}, model.Mitigate},
		{"nothing in front", nil, model.Undecided},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Draft(scan(facts.Facts{}, rt("GET", "/metrics", facts.AuthUnknown, nil, nil, tc.signals...)), Options{})
			got := ruleThreat(m, "debug-endpoint")
			if got == nil {
				t.Fatal("no debug-endpoint threat")
			}
			if got.Response != tc.want {
				t.Errorf("response = %s, want %s", got.Response, tc.want)
			}
			if tc.want == model.Mitigate && len(got.Controls[0].Evidence) == 0 {
				t.Error("mitigated without evidence")
			}
		})
	}
}

// Credential stuffing is a route without a limiter: one in front of the
// login drafts the row mitigated with it (MFA would only deepen the
// defence); a login with none, or a limiter on another route, stays open.
func TestCredentialStuffingGate(t *testing.T) {
	login := withBody(rt("POST", "/login", facts.AuthNone, tags(facts.TagAuth), nil), "check_password(form.password)")
	limited := withBody(rt("POST", "/login", facts.AuthNone, tags(facts.TagAuth), nil, "guards:rate-limit"), "check_password(form.password)")
	for _, tc := range []struct {
		name  string
		facts facts.Facts
		want  model.Response
	}{
		{"a limiter among the login's guards", scan(facts.Facts{}, limited), model.Mitigate},
		{"no limiter", scan(facts.Facts{}, login), model.Undecided},
		{"a limiter on another route", scan(facts.Facts{}, login, rt("POST", "/search", facts.AuthNone, nil, nil, "guards:rate-limit")), model.Undecided},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ruleThreat(Draft(tc.facts, Options{}), "credential-stuffing")
			if got == nil {
				t.Fatal("no credential-stuffing threat")
			}
			if got.Response != tc.want {
				t.Errorf("response = %s, want %s", got.Response, tc.want)
			}
			if tc.want == model.Mitigate && (len(got.Controls) != 1 || len(got.Controls[0].Evidence) == 0) {
				t.Errorf("mitigated with controls %+v, want the limiter with its evidence", got.Controls)
			}
		})
	}
}

// A route that sends mail with a limiter of its own is drafted mitigated;
// one behind only the app-wide limiter (sized for page views) stays open.
func TestMessagePumpingGate(t *testing.T) {
	appWide := facts.Facts{Controls: []facts.Control{{Kind: "rate-limit", Scope: "app", Evidence: []facts.Evidence{{File: "app/main.py", Line: 3}}}}}
	for _, tc := range []struct {
		name  string
		facts facts.Facts
		want  model.Response
	}{
		{"a limiter among the route's guards", scan(appWide, rt("POST", "/invite", facts.AuthNone, nil, nil, "sends-message", "guards:rate-limit")), model.Mitigate},
		{"only the app-wide limiter", scan(appWide, rt("POST", "/invite", facts.AuthNone, nil, nil, "sends-message")), model.Undecided},
		// The app's limiter listed on every route of the file is not the
		// route's own; one only this route carries is.
		{"the app's limiter on every route", scan(appWide,
			withMiddleware(rt("POST", "/invite", facts.AuthNone, nil, nil, "sends-message", "guards:rate-limit=limiter"), "limiter"),
			withMiddleware(rt("GET", "/home", facts.AuthNone, nil, nil, "guards:rate-limit=limiter"), "limiter")), model.Undecided},
		{"a limiter of its own after the app's", scan(appWide,
			withMiddleware(rt("POST", "/invite", facts.AuthNone, nil, nil, "sends-message", "guards:rate-limit=inviteLimiter"), "limiter", "inviteLimiter"),
			withMiddleware(rt("GET", "/home", facts.AuthNone, nil, nil, "guards:rate-limit=limiter"), "limiter")), model.Mitigate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ruleThreat(Draft(tc.facts, Options{}), "message-pumping")
			if got == nil {
				t.Fatal("no message-pumping threat")
			}
			if got.Response != tc.want {
				t.Errorf("response = %s, want %s", got.Response, tc.want)
			}
		})
	}
}

// ruleThreat is the draft's last threat of a rule, or nil.
func ruleThreat(m *model.Model, rule string) *model.Threat {
	var got *model.Threat
	for i := range m.Threats {
		if m.Threats[i].Rule == rule {
			got = &m.Threats[i]
		}
	}
	return got
}

func threatByID(m *model.Model, id string) *model.Threat {
	for i := range m.Threats {
		if m.Threats[i].ID == id {
			return &m.Threats[i]
		}
	}
	return nil
}

func ruleThreats(m *model.Model, rule string) []model.Threat {
	var out []model.Threat
	for _, th := range m.Threats {
		if th.Rule == rule {
			out = append(out, th)
		}
	}
	return out
}

// One value copied into many files is one row with all its sites; a file
// holding another secret beside the copy, a different value, or a value
// too short to tell apart by its redaction keeps its own row.
func TestCopiedSecretIsOneRow(t *testing.T) {
	f := facts.Facts{Secrets: []facts.Secret{
		{Rule: "stripe-access-token", File: "web/a.conf", Line: 3, Redacted: "sk…Qa"},
		{Rule: "stripe-access-token", File: "web/b.conf", Line: 7, Redacted: "sk…Qa"},
		{Rule: "stripe-access-token", File: "web/c.conf", Line: 9, Redacted: "sk…Qa"},
		// Lookalikes: the copy beside another secret; another value; a short one.
		{Rule: "stripe-access-token", File: "svc/d.conf", Line: 2, Redacted: "sk…Qa"},
		{Rule: "aws-access-key", File: "svc/d.conf", Line: 4, Redacted: "AK…LE"},
		{Rule: "stripe-access-token", File: "svc/e.conf", Line: 5, Redacted: "sk…Zz"},
		{Rule: "default-password", File: "svc/f.yml", Line: 1, Redacted: "…", Variable: "PASSWORD"},
		{Rule: "default-password", File: "svc/g.yml", Line: 1, Redacted: "…", Variable: "PASSWORD"},
	}}
	m := Draft(f, Options{})
	rows := map[string]*model.Threat{}
	for i := range m.Threats {
		if m.Threats[i].Rule == "secrets-committed" {
			rows[m.Threats[i].ID] = &m.Threats[i]
		}
	}
	want := []string{"secrets-committed.secrets-web-a-conf", "secrets-committed.secrets-svc-d-conf",
		"secrets-committed.secrets-svc-e-conf", "secrets-committed.secrets-svc-f-yml", "secrets-committed.secrets-svc-g-yml"}
	if len(rows) != len(want) {
		t.Errorf("%d secrets-committed rows, want %d: %v", len(rows), len(want), rows)
	}
	for _, id := range want {
		if rows[id] == nil {
			t.Errorf("no row %s", id)
		}
	}
	if th := rows["secrets-committed.secrets-web-a-conf"]; th != nil {
		var files []string
		for _, e := range th.Evidence {
			files = append(files, e.File)
		}
		if !slices.Equal(files, []string{"web/a.conf", "web/b.conf", "web/c.conf"}) {
			t.Errorf("copied key's sites = %v, want all three files", files)
		}
	}
	for _, s := range m.Surfaces {
		if s.ID == "secrets-web-a-conf" && (s.Match == nil || s.Match.Fact != "secrets:web/a.conf,web/b.conf,web/c.conf") {
			t.Errorf("copies' surface match = %+v", s.Match)
		}
	}
}

// A short key is one value by its fingerprint, not its redaction: a JWT
// key "secret" that one file signs with and another checks with is one
// row with both sites, whatever each file calls it; another short key of
// the same length is another row.
func TestSameShortKeyIsOneRow(t *testing.T) {
	f := facts.Facts{Secrets: []facts.Secret{
		{Rule: "hardcoded-signing-key", File: "api/login.js", Line: 33, Redacted: "…", Same: redact.Same("secret")},
		{Rule: "hardcoded-signing-key", File: "mw/verify.js", Line: 28, Redacted: "…", Variable: "KEY", Same: redact.Same("secret")},
		// Lookalike: another value, redacted alike.
		{Rule: "hardcoded-signing-key", File: "admin/token.js", Line: 5, Redacted: "…", Same: redact.Same("s3cret")},
	}}
	m := Draft(f, Options{})
	rows := map[string][]string{}
	for _, th := range m.Threats {
		if th.Rule == "hardcoded-signing-key" {
			for _, e := range th.Evidence {
				rows[th.ID] = append(rows[th.ID], e.File)
			}
		}
	}
	want := map[string][]string{
		"hardcoded-signing-key.secrets-admin-token-js": {"admin/token.js"},
		"hardcoded-signing-key.secrets-api-login-js":   {"api/login.js", "mw/verify.js"},
	}
	if len(rows) != len(want) {
		t.Errorf("rows = %v, want %v", rows, want)
	}
	for id, files := range want {
		if !slices.Equal(rows[id], files) {
			t.Errorf("%s sites = %v, want %v", id, rows[id], files)
		}
	}
}

// A compose service's default passwords (its root and its user's) are
// one row with both lines, named for the service; another service's, or
// the same service name in another compose file, is another row.
func TestServiceDefaultPasswordsAreOneRow(t *testing.T) {
	infra := func(file string, line int, svc, v string) facts.Infrastructure {
		return facts.Infrastructure{Kind: "default-password", Subject: svc, Detail: svc + ": " + v + " is a well-known default password (p…d)",
			Evidence: []facts.Evidence{{File: file, Line: line}}}
	}
	f := facts.Facts{Infrastructure: []facts.Infrastructure{
		infra("api/docker-compose.yml", 16, "db (mysql)", "MYSQL_ROOT_PASSWORD"),
		infra("api/docker-compose.yml", 17, "db (mysql)", "MYSQL_PASSWORD"),
		// Lookalikes: another service; one of the same name elsewhere.
		infra("api/docker-compose.yml", 30, "cache (redis)", "REDIS_PASSWORD"),
		infra("ops/docker-compose.yml", 8, "db (mysql)", "MYSQL_PASSWORD"),
	}}
	m := Draft(f, Options{})
	rows := map[string][]int{}
	for _, th := range m.Threats {
		if th.Rule == "default-credentials" {
			for _, e := range th.Evidence {
				rows[th.ID] = append(rows[th.ID], e.Line)
			}
		}
	}
	if len(rows) != 3 {
		t.Errorf("rows = %v, want 3", rows)
	}
	if got := rows["default-credentials.infra-default-password-api-docker-compose-yml-db-mysql"]; !slices.Equal(got, []int{16, 17}) {
		t.Errorf("the service's row has lines %v, want [16 17] (rows %v)", got, rows)
	}
}

// An account a migration creates with a constant password is on every
// deployment: its row is a default credential anyone can try, drafted in
// reach. A migration's other secret, and a seed file's password (seeding is
// often for development only), keep the rating of code that runs at
// deploy time.
func TestMigrationDefaultAccount(t *testing.T) {
	f := facts.Facts{Secrets: []facts.Secret{
		{Rule: "default-password", File: "database/migrations/2014_create_users_table.php", Line: 29, Redacted: "pa…", Variable: "password"},
		{Rule: "aws-access-key", File: "app/migrations/0004_backfill.py", Line: 7, Redacted: "AK…LE"},
		{Rule: "default-password", File: "db/seeds/admins.rb", Line: 4, Redacted: "pa…", Variable: "password"},
		// The script that creates the database inserts its accounts.
		{Rule: "default-password", File: "db/init/schema.sql", Line: 40, Redacted: "ch…me", Variable: "password"},
		// Lookalike: a key pasted into a dump is a secret read from the repository.
		{Rule: "generic-api-key", File: "db/dump.sql", Line: 12, Redacted: "k9…a2", Variable: "api_key"},
	}}
	m := Draft(f, Options{})
	got := map[string]model.Difficulty{}
	for _, th := range m.Threats {
		if th.Rule == "secrets-committed" {
			got[th.ID] = th.Difficulty
		}
	}
	for id, want := range map[string]model.Difficulty{
		"secrets-committed.secrets-database-migrations-2014-create-users-table-php": model.Easy,
		"secrets-committed.secrets-app-migrations-0004-backfill-py":                 model.Hard,
		"secrets-committed.secrets-db-init-schema-sql":                              model.Easy,
		"secrets-committed.secrets-db-dump-sql":                                     model.Moderate,
	} {
		if d, ok := got[id]; !ok || d != want {
			t.Errorf("row %s: difficulty %q (drafted %v), want %q; rows %v", id, d, ok, want, got)
		}
	}
	if d := got["secrets-committed.secrets-db-seeds-admins-rb"]; d == model.Easy {
		t.Errorf("the seed file's password drafted as a default account on every deployment")
	}
}

// A database's SQL script that writes a token into a named row (a
// settings table's api_token) gives every database it makes that token:
// the row says installs loaded from it share the value. A seed file's
// token, and a script's value no row names, keep the repository's words.
func TestScriptSharedValues(t *testing.T) {
	f := facts.Facts{Secrets: []facts.Secret{
		{Rule: "generic-api-key", File: "app/Schema/schema.sql", Line: 80, Redacted: "0f…97", Variable: "api_token"},
		{Rule: "generic-api-key", File: "db/seeds/settings.sql", Line: 3, Redacted: "b6…32", Variable: "api_token"},
		{Rule: "generic-api-key", File: "db/notes.sql", Line: 9, Redacted: "9a…1c"},
	}}
	m := Draft(f, Options{})
	got := map[string]string{}
	for _, th := range m.Threats {
		if th.Rule == "secrets-committed" {
			got[th.ID] = th.Abuse
		}
	}
	const shared = "Every install whose database was loaded from this script shares"
	for id, want := range map[string]bool{
		"secrets-committed.secrets-app-schema-schema-sql": true,
		"secrets-committed.secrets-db-seeds-settings-sql": false,
		"secrets-committed.secrets-db-notes-sql":          false,
	} {
		abuse, ok := got[id]
		if !ok {
			t.Errorf("no row %s; rows %v", id, got)
			continue
		}
		if strings.HasPrefix(abuse, shared) != want {
			t.Errorf("row %s: abuse %q, want shared values %v", id, abuse, want)
		}
	}
}
