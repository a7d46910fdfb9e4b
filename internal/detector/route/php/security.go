package php

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/yamlnode"
	"go.yaml.in/yaml/v3"
)

// Symfony's security configuration (config/packages/security.yaml):
// the firewall's access_control rules, read in order, demand a role of
// every request whose path matches the first rule that does; a rule
// granting PUBLIC_ACCESS (or IS_AUTHENTICATED_ANONYMOUSLY) lets it
// through. The firewalls say whether a path no rule guards is open: a
// firewall that lets guests in (anonymous, lazy, security: false, or
// any firewall of the authenticator system, which authenticates but
// never refuses on its own) leaves it open; a legacy firewall without
// anonymous refuses a guest, so such a path stays unknown.

// security is one security configuration file.
type security struct {
	file      string
	rules     []accessRule
	firewalls []firewall
	// authenticators is enable_authenticator_manager: true.
	authenticators bool
}

// accessRule is one access_control entry.
type accessRule struct {
	raw     string
	pattern *regexp.Regexp // nil: every path
	methods []string
	roles   []string
	line    int
}

// firewall is one firewall: its path pattern and whether it lets a guest
// through.
type firewall struct {
	pattern *regexp.Regexp // nil: every path
	guests  bool
}

// securityConfig is a Symfony security configuration the detector reads:
// security.yaml (or .yml) under a config folder, not an environment's
// override (config/packages/test/...).
func securityConfig(p string) bool {
	base := path.Base(p)
	if base != "security.yaml" && base != "security.yml" {
		return false
	}
	dir := "/" + path.Dir(p) + "/"
	if !strings.Contains(dir, "/config/") {
		return false
	}
	for _, env := range []string{"/test/", "/dev/", "/tests/"} {
		if strings.Contains(dir, env) {
			return false
		}
	}
	return true
}

// readSecurity reads the security: block of a configuration file (nil
// when it has none).
func readSecurity(p string, data []byte) *security {
	docs, err := yamlnode.Documents(data)
	if err != nil {
		return nil
	}
	for _, d := range docs {
		sec := yamlnode.Get(yamlnode.Root(d), "security")
		if sec == nil {
			continue
		}
		s := &security{file: p, authenticators: yamlnode.Str(yamlnode.Get(sec, "enable_authenticator_manager")) == "true"}
		for _, it := range yamlnode.Items(yamlnode.Get(sec, "access_control")) {
			// A rule limited to some hosts, addresses or an expression
			// is not a rule for every request to its paths.
			if yamlnode.Get(it, "ips") != nil || yamlnode.Get(it, "host") != nil || yamlnode.Get(it, "allow_if") != nil || yamlnode.Get(it, "requires_channel") != nil && yamlnode.Get(it, "roles") == nil {
				continue
			}
			r := accessRule{raw: yamlnode.Str(yamlnode.Get(it, "path")), line: yamlnode.Line(it)}
			if r.raw != "" {
				re, err := regexp.Compile(r.raw)
				if err != nil {
					continue
				}
				r.pattern = re
			}
			r.roles = listOrOne(yamlnode.Get(it, "roles"))
			r.methods = listOrOne(yamlnode.Get(it, "methods"))
			for i := range r.methods {
				r.methods[i] = strings.ToUpper(r.methods[i])
			}
			s.rules = append(s.rules, r)
		}
		for _, fw := range yamlnode.Pairs(yamlnode.Get(sec, "firewalls")) {
			v := fw.Value
			w := firewall{}
			if raw := yamlnode.Str(yamlnode.Get(v, "pattern")); raw != "" {
				re, err := regexp.Compile(raw)
				if err != nil {
					continue
				}
				w.pattern = re
			}
			w.guests = yamlnode.Str(yamlnode.Get(v, "security")) == "false" || yamlnode.Get(v, "anonymous") != nil || yamlnode.Str(yamlnode.Get(v, "lazy")) == "true"
			s.firewalls = append(s.firewalls, w)
		}
		return s
	}
	return nil
}

// listOrOne is a YAML list of strings or one string.
func listOrOne(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if s := yamlnode.Strings(n); len(s) > 0 {
		return s
	}
	if s := yamlnode.Str(n); s != "" {
		var out []string
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	return nil
}

// placeholder stands for a path parameter when a pattern is matched.
var placeholder = regexp.MustCompile(`\{[^}]*\}`)

// accessControl is the guard the security configuration puts on a
// route, and whether a route it does not guard is open.
func (ix *index) accessControl(method, p string) (gs []router.Guard, complete bool) {
	if ix.security == nil {
		return nil, false
	}
	s := ix.security
	concrete := placeholder.ReplaceAllString(p, "1")
	for _, r := range s.rules {
		if r.pattern != nil && !r.pattern.MatchString(concrete) {
			continue
		}
		if len(r.methods) > 0 && method != "ANY" && !containsFold(r.methods, method) {
			continue
		}
		role, public := "", true
		for _, x := range r.roles {
			if !publicRole(x) {
				public = false
				if strings.HasPrefix(x, "ROLE_") && role == "" {
					role = strings.ToLower(strings.TrimPrefix(x, "ROLE_"))
				}
			}
		}
		if !public {
			gs = append(gs, router.Guard{Name: "access_control(" + r.raw + ")", Applied: facts.Evidence{File: s.file, Line: r.line},
				Verdict: router.Verdict{Auth: facts.AuthRequired, Role: role,
					Evidence: "Symfony's access_control demands " + strings.Join(r.roles, ", ") + " of paths matching " + strconv.Quote(r.raw)}})
		}
		break
	}
	for _, w := range s.firewalls {
		if w.pattern != nil && !w.pattern.MatchString(concrete) {
			continue
		}
		return gs, w.guests || s.authenticators
	}
	// No firewall covers the path: nothing signs anyone in there.
	return gs, true
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
