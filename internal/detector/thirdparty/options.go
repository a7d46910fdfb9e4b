package thirdparty

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector/code"
)

// A framework or SDK switches an integration on by an option named for
// the service: Docusaurus's themeConfig.algolia: {appId, apiKey} makes
// every docs page query Algolia, a CMS's sentry: {dsn} reports to Sentry.
// So an object key that is a catalogue service's id, whose value is an
// object that gives the service a credential or an account (apiKey,
// appId, dsn, token, clientId, ...) that is set, uses the service. A key
// whose object sets no such thing (algolia: {enabled: false}), or whose
// value is no object (google: true), is a switch or a label.

// optionKeyRE is an object key, quoted or not, opening an object.
var optionKeyRE = regexp.MustCompile(`(?:^|[\s,{(])["']?([A-Za-z][\w-]*)["']?\s*:\s*\{`)

// accountKeyRE is a key inside the object that names the account the
// service is reached with, and the start of its value.
var accountKeyRE = regexp.MustCompile(`(?i)["']?\b(api_?key|app_?id|application_?id|dsn|token|access_?token|client_?id|project_?id|site_?id|write_?key|publishable_?key|public_?key|search_?key|secret_?key)\b["']?\s*[:=]\s*(\S[^,\n}]*)`)

// optionUses lists the services a file switches on by a keyed option,
// with the key's offset.
func optionUses(src []byte) []embedUse {
	var out []embedUse
	s := string(src)
	for _, m := range optionKeyRE.FindAllStringSubmatchIndex(s, -1) {
		sv := serviceByKey(s[m[2]:m[3]])
		if sv == nil {
			continue
		}
		open := m[1] - 1
		end := code.BlockEnd(s, open, 4000)
		if end <= open {
			continue
		}
		for _, a := range accountKeyRE.FindAllStringSubmatch(s[open:end], -1) {
			if setValue(a[2]) {
				out = append(out, embedUse{sv, m[2]})
				break
			}
		}
	}
	return out
}

// serviceByKey is the third-party service whose id the key spells
// (algolia, "google-analytics", googleAnalytics folded), or nil.
func serviceByKey(key string) *catalog.Service {
	k := catalog.SignInKey(key)
	for _, sv := range catalog.All() {
		if catalog.SignInKey(sv.ID) == k && sv.ThirdParty() {
			return sv
		}
	}
	return nil
}

// setValue reports whether an option's value gives something: not empty,
// not a null, not false.
func setValue(v string) bool {
	v = strings.TrimSpace(v)
	switch v {
	case `""`, `''`, "``", "null", "undefined", "None", "false", "False", "nil":
		return false
	}
	return v != ""
}
