package thirdparty

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/detector/roles"
	"github.com/threatmap/threatmap/internal/facts"
)

// The fixtures under testdata/<ecosystem> carry their expectations on the
// line that is evidence (JSON manifests, which cannot hold comments, list
// theirs in a wants.txt beside them):
//
//	# want: third-party SERVICE            one per evidence line
//	# want: uses-secret SERVICE VARIABLE   a secret the service's fact lists
//
// Lookalikes carry no want: a package whose name contains a service's
// (not-openai-helper), commented-out imports, imports in docstrings, in
// Markdown and in tests, an "// indirect" go.mod requirement, a host that
// only starts like an API's. Each tree has a malformed manifest or file
// that must cost a warning, not the scan.
func TestFixtures(t *testing.T) {
	tests := []struct {
		eco    string
		broken string // a file that must be reported as a warning
	}{
		{"python", "broken/pyproject.toml"},
		{"js", "packages/broken/package.json"},
		{"go", ""},
		{"awsv1", ""},
		{"redirect", ""},
		{"django-s3", ""},
		{"django-azure", ""},
		// Django settings that set EMAIL_HOST send through SMTP, Django's
		// default backend; lookalike: a console backend for every run.
		{"django-mail", ""},
		{"pages", ""},
		{"ownproduct", ""},
		{"ownsubdomain", ""},
		// A docs site's configuration reads a search vendor's keys: no
		// third party; lookalike: the app's own client of that vendor.
		{"docs-site", ""},
		{"docs-site-lookalike", ""},
		// Maven, Gradle, Gemfile, Composer and NuGet manifests; their
		// test-scoped dependencies (scope test, testImplementation, group
		// :test, require-dev, a test project) are no third parties.
		{"sdk", "api-php/broken/composer.json"},
		// PHP, Ruby, Java and C# code, server templates (Blade, ERB,
		// Razor) and settings files (Laravel's config, Spring's
		// application.yml, appsettings.json): SDK names, catalogue hosts,
		// Socialite, OmniAuth and Spring Security providers. Lookalikes:
		// the app's own classes named like a vendor's, hosts in comments,
		// page text and links, test doubles and test profiles.
		{"stacks", ""},
		// Scripts and stylesheets pages load from hosts the catalogue
		// does not list, in every template language read; lookalikes:
		// comments, links, images, local, example and own hosts, and the
		// pages of tests, docs and examples.
		{"pageloads", ""},
		// A module that makes a client and only hands out values counts
		// when some file imports it (or might: an alias not resolved);
		// lookalikes: one no file imports, one only a test imports.
		{"unimported", ""},
		// Ruby's geocoder gem asks Nominatim by default (an ip_lookup
		// changes nothing); lookalike: a configuration that picks
		// another lookup.
		// A Java S3 builder always handed its endpoint from settings is
		// the operator's S3-compatible storage, no Amazon S3;
		// lookalikes: the builder handed an Amazon host in code, or in
		// the settings it reads.
		{"java-s3/compat", ""},
		// SDK v1 with no S3 artifact in a manifest: the shared packages
		// that build the client go where it goes, no "AWS".
		{"java-s3/compat-v1", ""},
		{"java-s3/amazon", ""},
		{"java-s3/amazon-settings", ""},
		// Java's mail senders are SMTP (Spring's JavaMailSender, hutool's
		// Mail, JavaMail's Transport); lookalike: JavaMail's address
		// class, which sends nothing.
		{"java-mail", ""},
		// Spring's spring.mail.host is where the SMTP row's mail goes;
		// lookalike: the setting alone, with nothing that sends mail.
		{"java-mail-settings", ""},
		// An environment template's URL value names the service code
		// calls through the variable (a settings field with no default);
		// lookalikes: a value no code reads, one only a script reads.
		{"envhosts", ""},
		// A service's bare root (a default server of
		// https://www.gravatar.com/) where its catalogue hosts carry a
		// path; lookalikes: another path of that host, and the bare root
		// of a host several services share.
		{"bareroot/fire", ""},
		{"bareroot/lookalike", ""},
		// Ruby's HTTP clients (HTTParty, Faraday, Net::HTTP, Graphlient)
		// called with a fixed host, with or without parentheses;
		// lookalikes: a host the caller names, a log line, a link, a
		// cache key, a comment and a test's call.
		{"ruby-hosts", ""},
		// PHP's (cURL, file_get_contents, Guzzle, Laravel's Http, a
		// Guzzle client's base_uri); lookalikes: a host a variable fills
		// in, a URL the caller names, a cache key, a log line, a link, a
		// comment and a test's call.
		{"php-hosts", ""},
		// Variables read through a table of names (entries naming them,
		// one process.env[e.env] loop); lookalike: upper-snake message keys
		// in a file that reads no computed name.
		{"env-table", ""},
		{"geocoder/default", ""},
		{"geocoder/lookup", ""},
	}
	for _, tt := range tests {
		t.Run(tt.eco, func(t *testing.T) {
			dir := filepath.Join("testdata", tt.eco)
			res := detectortest.Scan(t, dir, New(), roles.New())
			var got, secrets []string
			for _, p := range res.ThirdParties {
				if p.ID == "" || p.Name == "" || p.Category == "" || p.Asset == "" || p.Credentials == nil {
					t.Errorf("incomplete fact %+v", p)
				}
				for _, e := range p.Evidence {
					got = append(got, p.Service)
					if e.Line < 1 {
						t.Errorf("%s: evidence %+v has no line", p.Service, e)
					}
				}
				for _, c := range p.Credentials {
					secrets = append(secrets, p.Service+" "+c)
				}
			}
			detectortest.Check(t, tt.eco+" third parties", got, detectortest.Wants(t, dir, "third-party "))
			detectortest.Check(t, tt.eco+" credentials", secrets, detectortest.Wants(t, dir, "uses-secret "))
			if tt.broken != "" && !slices.ContainsFunc(res.Warnings, func(w facts.Warning) bool { return w.File == tt.broken }) {
				t.Errorf("no warning for %s; warnings: %+v", tt.broken, res.Warnings)
			}
		})
	}
}
