package credential

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector/code"
)

// A Rails app keeps its secrets in encrypted credentials and reads them
// by path: Rails.application.credentials.dig(:revenue_cat, :api_key),
// credentials[:stripe][:secret_key], credentials.aws[:bucket]. Each path
// is a read named credentials.<path>; its first key names the vendor the
// rest unlocks, as an environment key's prefix does (REVENUECAT_API_KEY).

// credentialsPrefix starts the name of a read from Rails credentials.
const credentialsPrefix = "credentials."

var (
	rbCredentialsRE = regexp.MustCompile(`\b(?:Rails\.)?application\.credentials((?:\s*\.\s*dig\(\s*:\w+(?:\s*,\s*:\w+)*\s*\)|\s*\[\s*:\w+\s*\]|\s*\.\s*fetch\(\s*:\w+\s*\)|\s*\.\s*[a-z_]\w*[!?]?)+)`)
	rbKeyRE         = regexp.MustCompile(`:(\w+)|\.\s*([a-z_]\w*[!?]?)`)
)

// rbMethods are methods called on a credential's value, not keys of it.
var rbMethods = map[string]bool{"dig": true, "fetch": true, "to_s": true, "to_sym": true, "to_i": true, "presence": true,
	"present?": true, "blank?": true, "nil?": true, "config": true, "strip": true, "freeze": true}

// rbCredentialReads are the reads of Rails credentials in Ruby source
// (comments stripped): each path once per place, with its role there.
func rbCredentialReads(src []byte, quoted []code.Span) []Read {
	var out []Read
	for _, m := range rbCredentialsRE.FindAllSubmatchIndex(src, -1) {
		if code.InSpans(quoted, m[0]) {
			continue
		}
		var path []string
		asked := false
		for _, k := range rbKeyRE.FindAllSubmatch(src[m[2]:m[3]], -1) {
			w := string(k[1]) + string(k[2])
			if rbMethods[w] {
				// credentials.ios.present? asks whether a group is set: no value read
				asked = asked || strings.HasSuffix(w, "?")
				continue
			}
			path = append(path, w)
		}
		if len(path) == 0 || asked {
			continue
		}
		out = append(out, Read{Name: credentialsPrefix + strings.Join(path, "."), Line: code.LineAt(src, m[0]), Role: readRole(src, m[0], m[1])})
	}
	return out
}

// ServiceOf is the service a variable or credential unlocks: the
// catalogue's for its name; for a secret, past the app's own prefix
// too (catalog.ForSecretEnv); for a Rails credential, the vendor its
// first key names (revenue_cat is RevenueCat's, as REVENUECAT_ is). A
// top-level credential reads as an environment key of its name
// (postmark_api_token is Postmark's, secret_key_base no one's).
func ServiceOf(name string, secret bool) *catalog.Service {
	if path, ok := strings.CutPrefix(name, credentialsPrefix); ok {
		vendor, rest, ok := strings.Cut(strings.ToUpper(path), ".")
		if !ok {
			return ServiceOf(vendor, secret)
		}
		rest = strings.ReplaceAll(rest, ".", "_")
		if s := catalog.ForEnv(vendor + "_" + rest); s != nil {
			return s
		}
		return catalog.ForEnv(strings.ReplaceAll(vendor, "_", "") + "_" + rest)
	}
	if secret {
		return catalog.ForSecretEnv(strings.ToUpper(name))
	}
	return catalog.ForEnv(strings.ToUpper(name))
}

// keyName is the part of a read's name that says what it holds: a
// Rails credential's path, else the name.
func keyName(name string) string {
	return strings.TrimPrefix(name, credentialsPrefix)
}
