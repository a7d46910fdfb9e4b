package threat

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// checkWords maps the words people use for a control to the check that
// verifies it, so a control written by hand ("Rate limit /api/chat") is
// verified like a drafted one.
var checkWords = []struct {
	re    *regexp.Regexp
	check string
}{
	{regexp.MustCompile(`(?i)rate.?limit|throttl`), "rate-limit"},
	{regexp.MustCompile(`(?i)budget|quota|spend`), "budget"},
	{regexp.MustCompile(`(?i)e-?mail verification|verify (the )?e-?mail`), "email-verification"},
	{regexp.MustCompile(`(?i)webhook.*signature|signature.*webhook|construct_?event`), "webhook-signature"},
	{regexp.MustCompile(`(?i)idempoten|replay`), "idempotency"},
	{regexp.MustCompile(`(?i)mime|file (type|signature)|content.?type|magic bytes`), "upload-type-check"},
	{regexp.MustCompile(`(?i)uuid|opaque`), "opaque-keys"},
	{regexp.MustCompile(`(?i)signed url|presigned`), "signed-urls"},
	{regexp.MustCompile(`(?i)public access|private bucket`), "private-bucket"},
	{regexp.MustCompile(`(?i)access logging`), "bucket-logging"},
	{regexp.MustCompile(`(?i)ownership|owner_id|owner id`), "ownership-check"},
	{regexp.MustCompile(`(?i)audit`), "audit-log"},
	{regexp.MustCompile(`(?i)\bmfa\b|multi.?factor|two.?factor|totp`), "mfa"},
	{regexp.MustCompile(`(?i)ssrf|(private|internal|loopback) (and metadata )?addresses`), "ssrf-guard"},
	{regexp.MustCompile(`(?i)allow.?list|vpn|internal network`), "ip-allowlist"},
	{regexp.MustCompile(`(?i)gitleaks|secret scan|trufflehog`), "secret-scanning"},
	{regexp.MustCompile(`(?i)\.gitignore`), "env-ignored"},
	{regexp.MustCompile(`(?i)secret (store|manager)|vault|doppler`), "secret-store"},
	{regexp.MustCompile(`(?i)depth|query cost`), "graphql-limit"},
	{regexp.MustCompile(`(?i)content.security.policy|\bcsp\b`), "csp"},
	{regexp.MustCompile(`(?i)bcrypt|argon|scrypt|slow hash`), "slow-password-hash"},
}

// CheckFor names the evidence check for a control: its own, or the one
// its words describe; "" when no check in code can verify it.
func CheckFor(c model.Control) string {
	if c.Check != "" {
		return c.Check
	}
	for _, w := range checkWords {
		if w.re.MatchString(c.Text) {
			return w.check
		}
	}
	return ""
}

// Verify looks for a threat's control in the scanned code. It returns the
// evidence found, and whether any check applies at all (a policy such as
// "require MFA for staff" may have none).
func Verify(f facts.Facts, s *model.Surface, ctl model.Control) ([]model.Evidence, bool) {
	id := CheckFor(ctl)
	fn, ok := checks[id]
	if !ok {
		return nil, false
	}
	c := &Context{F: f}
	return fn(c, Hit{Route: routeFor(f, s), Store: storeFor(f, s)}), true
}

// storeFor finds the scanned store a model surface stands for.
func storeFor(f facts.Facts, s *model.Surface) *facts.Store {
	if s == nil || s.Match == nil || !strings.HasPrefix(s.Match.Fact, "store:") {
		return nil
	}
	for i := range f.Stores {
		if st := &f.Stores[i]; "store:"+st.Kind+":"+st.Name == s.Match.Fact {
			return st
		}
	}
	return nil
}

// routeFor finds the scanned route a model surface stands for.
func routeFor(f facts.Facts, s *model.Surface) *facts.Route {
	if s == nil || s.Match == nil || s.Match.Path == "" {
		return nil
	}
	var best *facts.Route
	for i := range f.Surfaces {
		r := &f.Surfaces[i]
		m := &model.SurfaceMatch{Method: r.Method, Path: r.Path}
		if !s.Match.Covers(m) {
			continue
		}
		if best == nil || len(r.Path) < len(best.Path) || (strings.EqualFold(r.Method, s.Match.Method) && r.Path == s.Match.Path) {
			best = r
		}
	}
	return best
}

// vocabulary is what a check looks for: control facts and route signals by
// kind.
type vocabulary struct{ Controls, Signals []string }

func (v *vocabulary) add(list *[]string, kind string) {
	if !slices.Contains(*list, kind) {
		*list = append(*list, kind)
	}
}

// Vocabulary lists the control and signal kinds the evidence check id
// looks for, found by running it over no facts with a route, a store and
// a file, so every way it can find the control is asked for once. A
// person's evidence for the control must show one of them.
func Vocabulary(id string) (controls, signals []string) {
	fn, ok := checks[id]
	if !ok {
		return nil, nil
	}
	v := &vocabulary{}
	c := &Context{asked: v}
	fn(c, Hit{Route: &facts.Route{File: "probe", Line: 1}, Store: &facts.Store{}})
	fn(c, Hit{File: "probe"})
	fn(c, Hit{})
	return v.Controls, v.Signals
}
