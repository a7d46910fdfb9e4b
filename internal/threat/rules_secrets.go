package threat

import (
	"fmt"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/model"
)

// Secrets: keys committed to the repository, signing keys written in the
// code, and secrets one commit away from it.

var repoDifficulty = "needs read access to the repository; low if committed to a public repo, where automated scanners find it in minutes"

var secretsCommitted = &Rule{
	ID: "secrets-committed", Title: "Secrets committed to the repository",
	Stride: []string{"I"}, CWE: []string{"CWE-798", "CWE-540"},
	Fires:  "secrets found in the tree: gitleaks patterns, committed .env files, private keys, literal keys",
	Rating: "medium: needs read access to the repository (low if it is public); impact critical for cloud, payment and model keys",
	Controls: []Suggestion{
		{Text: "Run gitleaks in CI on every PR", Check: "secret-scanning"},
		{Text: "Add .env to .gitignore before first commit", Check: "env-ignored"},
		{Text: "Use a secret store (Secrets Manager, Vault, Doppler) for production credentials", Check: "secret-store"},
		{Text: "Rotate anything that may have been exposed"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		for _, g := range c.secretFiles() {
			// A file whose every secret is a signing key has its row
			// under hardcoded-signing-key: one finding, one row.
			if all(g.secrets, isSigningKey) {
				continue
			}
			var names []string
			for _, s := range g.secrets {
				n := s.Variable
				if n == "" {
					n = s.Rule
				}
				if !has(names, n) {
					names = append(names, n)
				}
			}
			what := "the " + joinMax(names, 3)
			abuse := fmt.Sprintf("Attacker gets %s. Full compromise", joinMax(names, 4))
			role := c.RoleOf(g.file)
			// An SQL script's default passwords are the accounts it inserts
			// (the secret detector reads no other): the script that creates
			// the database gives every database it makes those accounts.
			script := lang.Of(g.file) == lang.SQL && !role.Seeds()
			if (role.Kind == lang.Migration && !role.Seeds() || script) && all(g.secrets, func(s facts.Secret) bool { return s.Rule == "default-password" }) {
				// An account a migration creates with a constant password
				// exists on every deployment, since the deploy runs every
				// migration: its password is a default credential, tried at
				// the login page, not a key one needs the repository for.
				by := "the migration"
				if script {
					by = "the database's SQL script"
				}
				hits = append(hits, Hit{
					Secrets: g.file, File: g.file, Assets: []string{assetAllCredentials}, Names: true,
					Impact: "sign in to the account every deployment starts with", Method: "trying the password " + by + " gives it at the login page",
					Requires:   "only the default password, which the code shows",
					Abuse:      "Every install that kept the default account's password is one login away",
					Difficulty: model.Easy, DifficultyReason: "the default password is in the code and is the first one bots try",
					Level: model.Critical, ImpactReason: "the account " + by + " creates is usually the first administrator",
					Evidence: g.evidence,
				})
				continue
			}
			h := Hit{
				Secrets: g.file, File: g.file, Assets: []string{assetAllCredentials},
				Impact: "take " + what, Method: "reading the repository", Requires: "read access to the repository (low if it is public)",
				Abuse:      abuse,
				Difficulty: model.Moderate, DifficultyReason: repoDifficulty,
				Level: model.Critical, ImpactReason: "committed keys are immediately usable: calls, charges and data on your account",
				Evidence: g.evidence,
			}
			// The values a database's SQL script writes into named rows (a
			// settings table's api_token) are what every database it makes
			// starts with: each install loaded from it shares them.
			if script && all(g.secrets, func(s facts.Secret) bool { return s.Variable != "" }) {
				h.Impact = "use " + what + " every database made from this script starts with"
				h.Method = "sending the script's values to an install whose database was loaded from it"
				h.Requires = "the script (public with the code) and an install loaded from it"
				h.Abuse = fmt.Sprintf("Every install whose database was loaded from this script shares %s: the values here open each one until someone regenerates them", joinMax(names, 4))
				h.DifficultyReason = "the same values on every install whose database was loaded from the script; " + repoDifficulty
			}
			c.servedSecret(&h, g)
			hits = append(hits, h)
		}
		return hits
	},
}

var signingKey = &Rule{
	ID: "hardcoded-signing-key", Title: "Signing or session key written in the code",
	Stride: []string{"S", "E"}, CWE: []string{"CWE-798", "CWE-321"},
	Fires:  "a string literal used as a JWT, session or signing key, or as the fallback of a secret variable",
	Rating: "medium: needs the source (low if public); impact critical: forged sessions for any user",
	Controls: []Suggestion{
		{Text: "Read signing keys from the environment or a secret store, with no literal fallback", Check: "secret-store"},
		{Text: "Rotate the key"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		for _, g := range c.secretFiles() {
			var ev []model.Evidence
			for _, s := range g.secrets {
				if isSigningKey(s) {
					ev = append(ev, model.Evidence{File: s.File, Line: s.Line})
				}
			}
			if len(ev) == 0 {
				continue
			}
			// A key the settings production loads set again (from the
			// environment, a file) signs nothing there: the row is drafted
			// mitigated with those lines.
			gate := ""
			if c.replacedInProduction(ev) != nil {
				gate = "secret-store"
			}
			h := Hit{
				Secrets: g.file, File: g.file, Assets: append([]string{assetAllCredentials}, c.AllUserData()...), Gate: gate,
				Impact: "sign in as any user", Method: "signing their own session or token with the key in the code", Requires: "the source code (public repos, leaked images, old forks)",
				Abuse:      "Anyone with the code forges sessions or tokens for any account",
				Difficulty: model.Moderate, DifficultyReason: repoDifficulty,
				Level: model.Critical, ImpactReason: "a forged session is every user's account, admins included",
				Evidence: ev,
			}
			c.servedSecret(&h, g)
			hits = append(hits, h)
		}
		return hits
	},
}

// servedAt is the route of a static mount that serves one of the group's
// files to anyone: a mount of the product as deployed (not one for
// development or tests), with no login in front.
func (c *Context) servedAt(g secretFile) *facts.Route {
	for i := range c.F.StaticFiles {
		r := &c.F.StaticFiles[i]
		if r.Condition == "" && r.Auth != facts.AuthRequired && (r.StaticFile == g.file || slices.Contains(g.copies, r.StaticFile)) {
			return r
		}
	}
	return nil
}

// servedSecret rates a committed secret that a static mount also serves:
// it is on the internet, one request away, and scanners ask for such
// files by name, so no access to the repository is needed.
func (c *Context) servedSecret(h *Hit, g secretFile) {
	r := c.servedAt(g)
	if r == nil {
		return
	}
	h.Method = "requesting GET " + r.Path + ", which the app serves as a static file"
	h.Requires = "only the file's URL"
	h.Difficulty = model.Easy
	h.DifficultyReason = "served as a static file at GET " + r.Path + " with no login: anyone who requests it reads the secrets, and scanners ask for settings and backup files by name"
}

// serverFileServed is a copy of a server's settings or code file that a
// static mount serves (the scan marks it, process.ListStatic): the
// server's configuration, one request away for anyone.
var serverFileServed = &Rule{
	ID: "server-file-served", Title: "Server file served as a static file",
	Stride: []string{"I"}, CWE: []string{"CWE-538", "CWE-530"},
	Fires:  "a static folder the product serves with no login holds a copy of a settings or server-code file the server keeps outside it (appsettings_backup.json beside appsettings.json, config.php.bak)",
	Rating: "low: one request with no login, and scanners ask for backup and settings names; impact medium: the server's configuration (and critical, under secrets-committed, when the copy holds keys)",
	Controls: []Suggestion{
		{Text: "Keep settings files and their backups out of folders served as static files; serve only built assets"},
		{Text: "Refuse backup and settings names (*.bak, *.old, appsettings*, .env*) at the server or the CDN"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		at := map[string]int{} // mount id -> its hit
		for _, r := range c.F.StaticFiles {
			if !has(r.Tags, facts.TagServerFileCopy) || r.Condition != "" || r.Auth == facts.AuthRequired {
				continue
			}
			ev := model.Evidence{File: r.StaticFile, Line: 1}
			if i, ok := at[r.StaticMount]; ok {
				hits[i].Evidence = append(hits[i].Evidence, ev)
				continue
			}
			var mount *facts.Route
			for i := range c.F.Surfaces {
				if c.F.Surfaces[i].ID == r.StaticMount {
					mount = &c.F.Surfaces[i]
				}
			}
			if mount == nil {
				continue
			}
			at[r.StaticMount] = len(hits)
			hits = append(hits, Hit{
				Route: mount, Assets: []string{assetAllCredentials},
				Impact: "read the server's own settings (the database and hosts it uses, and any key the copy holds)", Method: "requesting GET " + r.Path,
				Requires:   "only the file's name, which scanners guess",
				Abuse:      "A backup of the settings served beside the app's assets tells anyone which database and hosts it runs with, and hands over whatever keys it holds",
				Difficulty: model.Easy, DifficultyReason: "served as a static file at GET " + r.Path + " with no login; scanners request backup and settings names",
				Level: model.Medium, ImpactReason: "the server's configuration maps what to attack next; the keys in it are critical on their own (secrets-committed)",
				Evidence: []model.Evidence{ev, {File: mount.File, Line: mount.Line}},
			})
		}
		return hits
	},
}

func isSigningKey(s facts.Secret) bool {
	return s.Rule == "hardcoded-signing-key" || (s.Rule == "secret-env-fallback" && signingName(s.Variable))
}

func all[T any](xs []T, ok func(T) bool) bool {
	for _, x := range xs {
		if !ok(x) {
			return false
		}
	}
	return len(xs) > 0
}

func signingName(v string) bool {
	v = strings.ToUpper(v)
	for _, w := range []string{"JWT", "SESSION", "SECRET_KEY", "SIGNING", "COOKIE", "TOKEN_SECRET", "APP_SECRET"} {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// envExposure is the .env row of the source's table for a product that has
// not leaked yet: the code reads secrets from the environment, and the
// question is whether the next .env or key would be caught.
var envExposure = &Rule{
	ID: "env-exposure", Title: "Environment secrets one commit away from the repository",
	Stride: []string{"I"}, CWE: []string{"CWE-798", "CWE-538"},
	Fires:  "the code reads secrets from the environment, keeps them in a .env file (one is in the tree, or a template for it, or a dotenv loader or compose env_file reads one) and none is committed yet; mitigated when .gitignore keeps .env out (a sample env file holds no secret: a real value in it is a committed secret)",
	Rating: "medium when .env is not ignored; impact critical: every credential",
	Controls: []Suggestion{
		{Text: "Run gitleaks in CI on every PR", Check: "secret-scanning"},
		{Text: "Add .env to .gitignore before first commit", Check: "env-ignored"},
		{Text: "Use a secret store (Secrets Manager, Vault, Doppler) for production credentials", Check: "secret-store"},
	},
	fire: func(c *Context) []Hit {
		if len(c.F.Secrets) > 0 {
			return nil // secrets-committed covers it
		}
		var ev []model.Evidence
		var names []string
		for _, cr := range c.F.Credentials {
			if cr.Secret {
				ev = append(ev, firstEvidence(cr.Evidence)...)
				names = append(names, cr.Name)
			}
		}
		if len(ev) == 0 {
			return nil
		}
		// A .gitignore that keeps .env out answers the row: the next `git
		// add .` leaves the secrets behind, and a sample env file whose
		// values are empty or placeholders (anything real would be a
		// committed secret, secrets-committed's row) holds nothing. The
		// row is drafted mitigated, with the line; scanning and a secret
		// store would only deepen the defence.
		diff, reason, needs := model.Hard, "needs someone to commit a secret first", "a single mistaken commit"
		switch {
		case len(c.Anywhere("env-ignored")) > 0:
		case len(c.Anywhere(facts.ControlEnvFileUsed)) == 0:
			// Settings only in the process's environment (a platform's,
			// a container's) and no .env anywhere, nor anything that
			// loads one: there is no file for a `git add .` to sweep in,
			// and a key committed by hand is secrets-committed's row.
			return nil
		default:
			diff, reason, needs = model.Moderate, ".env is not ignored: the next `git add .` commits it; read access to the repository then suffices", "one `git add .` and read access to the repository"
		}
		// capEvidence sorts ev in place: the surface's evidence is taken
		// first, as it always was.
		surface := NewSurface{ID: "env-file", Kind: model.KindSecret, Direction: model.Store, Name: "Environment variables / .env",
			Exposure: model.Internal, Evidence: capEvidence(ev, 3), Fact: "env:.env"}
		return []Hit{{
			New: &surface, Names: true, Assets: []string{assetAllCredentials},
			Impact: "take " + joinMax(names, 3), Method: "reading a committed .env or key", Requires: needs,
			Abuse:      "Attacker gets " + joinMax(names, 4) + " from a committed .env. Full compromise",
			Difficulty: diff, DifficultyReason: reason,
			Level: model.Critical, ImpactReason: "the code reads secrets that would be immediately usable",
			Evidence: capEvidence(ev, 3), Gate: "env-ignored",
		}}
	},
}
