package secret

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// Fixture expectations: a comment "want: secret <rule>" on the line where
// the secret is (for a JSON file, a "_want" member on that line). A
// comment alone on its line applies to the next line (a PEM block cannot
// carry a comment of its own). Scoring is by rule, file and line.

// wantsAt reads the "want:" expectations under dir that start with
// prefix, as "<rest> @<file>:<line>".

func gotSecrets(f facts.Facts) []string {
	var out []string
	for _, s := range f.Secrets {
		out = append(out, fmt.Sprintf("%s @%s:%d", s.Rule, s.File, s.Line))
	}
	return out
}

func TestFixtures(t *testing.T) {
	for _, eco := range []string{"python", "js", "go", "config", "php", "csharp"} {
		t.Run(eco, func(t *testing.T) {
			dir := filepath.Join("testdata", eco)
			f := detectortest.Scan(t, dir, New())
			detectortest.Check(t, "secrets/"+eco, gotSecrets(f), detectortest.WantsAt(t, dir, "secret "))
			for _, s := range f.Secrets {
				t.Logf("%s %s:%d %s var=%s", s.Rule, s.File, s.Line, s.Redacted, s.Variable)
			}
			for _, w := range f.Warnings {
				t.Logf("warning %s: %s", w.File, w.Message)
			}
		})
	}
}

// fixtureSecrets are the fake secrets of the fixtures, none of which may
// appear whole in any output.
var fixtureSecrets = []string{
	"sk-proj-FAKERHtUVQcDMpg0TMkxpdzPaEMM1ZA7V0FhHVJWDBt2hWdQZUm14QhoxhT3BlbkFJLPAbQcEFUV2fsjGHb6HrlEOS47WgjKCu-0xxKhg5QjWV1mKaUyvBPs0jSO",
	"ioVMEuUYMjPeFXsRgZzCYTHY2IvGYF0e", "notes-db-pw", "Pg-r4nd0m-pw",
	"f1ask-s3ssion-k3y-9c2d", "jwt-Qm4vX8rT2pLs", "dev-secret", "insecure-fallback", "hs256-s1gning-k3y",
	"django-insecure-8fk2x9wq7z3m1p0vl5r", "postgres", "Adm1n-Passw0rd!",
	"sk_live_FAKEBY6rfNcAKEIOUttYpATIk27f4t3tGo", "DVbpag1xYKiuMw7TpHD8BHbN", "c00kie-s1gning-secret",
	"keyboard-cat-7781", "refresh-fallback", "sup3r-s3cret-signing", "ts-jwt-s1gning-k3y", "fallback-s3ss", "Sup3rAdm1n!",
	"g0-jwt-s1gning-k3y-2024", "ghp_FAKEdZU0NYJ2gClNbc7Hrd0APsmYaUSRCsll", "inline-hmac-k3y-77", "local-dev-secret",
	"sQa6gMJvocDDCFAAauVnBMG", "cVliK7Y84noiLEuw2wKrNCe5hQrrlc6p9f-xmHUJery88AWj-R-5vcQ4QTACqmV7",
	"SG.FAKEGWfvmaQtKnP-VSGVBr.YSuIb9OZiFZ3HLKv797TPNbpjava1bMZwIMlvdp5gjT", "example",
	"AIzaSyFAKE1server-Lm4Tx8Rb3Nc6Yd1HqZ7Wv", "AIzaSyFAKE2config-Wp8Zc3Nb9Xv2Lr7Tk4Qm0", "AIzaSyFAKE3mobile-Hd5Rt2Qx8Vb1Nz6Lk3Wc7", "AIzaSyFAKE4server-Tn3Wq8Zr5Lx2Mc9Vb6Hd1", "changeme", "relay-pass-81", "Rq7vK2mX9pL4tW8zN3bC", "k3y-s1gns-every-t0ken", "our signing words", "7d1a3f86c24e90b5d7e31a4c8f06b29e5d73c18a4f2b96e0", "c5e08a2f7b314d96e1a7c3f50b82d94e6a1f37c05d8b2e49", "9f2c4e71a0b83d56e18f7c92b4a05d3e6f81c27a94b0e35d",
	"4e7b20c9d1f85a36e0b49c27f1d83a5e6c02b97d4f18e3a5", "plain_s3cret", "k9Vq2Lr7Tx4Nw8Zc3Mb6Hp1Jd5Fg0Sa2", "Wz4qP8vL2nR6tY0m", "6d2f0a9c81e4b7d35f0c92a1e8b47d60", "0b7e4d19a2c58f36e1d09b74a3c62f58",
	"n0tes-jwt-h4mac-k3y-written-in", "n0tes-jwt-encod3d-k3y-in-code",
}

// TestMasterKey: a committed Rails master key (config/master.key,
// config/credentials/<env>.key) opens the encrypted credentials beside
// it; a file of that name holding a note is no key.
func TestMasterKey(t *testing.T) {
	f := detectortest.Scan(t, filepath.Join("testdata", "masterkey"), New())
	got := gotSecrets(f)
	want := []string{"hardcoded-signing-key @app/config/credentials/staging.key:1", "hardcoded-signing-key @app/config/master.key:1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	out, _ := json.Marshal(f)
	for _, s := range fixtureSecrets[len(fixtureSecrets)-2:] {
		if strings.Contains(string(out), s) {
			t.Errorf("output shows %q", s)
		}
	}
}

func TestNoSecretInOutput(t *testing.T) {
	for _, eco := range []string{"python", "js", "go", "config", "php"} {
		f := detectortest.Scan(t, filepath.Join("testdata", eco), New())
		out, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range fixtureSecrets {
			// Short words ("postgres", "example") may appear in file names
			// or descriptions; they are checked only against redactions.
			if len(s) >= 12 && strings.Contains(string(out), s) {
				t.Errorf("%s: output contains fixture secret %q", eco, s)
			}
		}
		for _, sec := range f.Secrets {
			for _, s := range fixtureSecrets {
				if strings.Contains(sec.Redacted, s) || strings.Contains(sec.Variable, s) {
					t.Errorf("%s: secret fact %+v shows %q", eco, sec, s)
				}
			}
		}
	}
}

func TestEnvNotIgnored(t *testing.T) {
	tests := []struct {
		dir  string
		want bool
	}{
		{"ignored", false},
		{"notignored", true},
		{"none", true},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			f := detectortest.Scan(t, filepath.Join("testdata", "hygiene", tt.dir), New())
			got := false
			for _, p := range f.Pipeline {
				if p.Kind == KindEnvNotIgnored {
					got = true
					t.Logf("%s %v", p.Detail, p.Evidence)
				}
			}
			if got != tt.want {
				t.Errorf("env-not-ignored = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSQLRowKey: a key-value row's name names the value an INSERT writes;
// a users row's earlier value, an UPDATE and a comment name nothing.
func TestSQLRowKey(t *testing.T) {
	const v = "6d2f0a9c81e4b7d35f0c92a1e8b47d60"
	for _, tc := range []struct{ sql, want string }{
		{"SET NAMES utf8;\nINSERT INTO `settings` VALUES ('app_name','Shelf',0),('api_token','" + v + "',0);", "api_token"},
		{"INSERT INTO public.settings (option, value) VALUES ('webhook_token', '" + v + "');", "webhook_token"},
		{"/* seed */\nINSERT INTO config VALUES (\"mail.smtp_password\", \"" + v + "\");", "mail.smtp_password"},
		{"INSERT INTO members (name, token) VALUES ('alice', '" + v + "');", ""},
		{"UPDATE settings SET value = 'x' WHERE option = 'api_token';\nSELECT 'api_token', '" + v + "';", ""},
	} {
		off := strings.Index(tc.sql, v)
		if got := sqlRowKey([]byte(tc.sql), off); got != tc.want {
			t.Errorf("sqlRowKey(%q) = %q, want %q", tc.sql, got, tc.want)
		}
	}
}
