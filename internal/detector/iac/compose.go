package iac

import (
	"context"
	"net"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/redact"
	"github.com/threatmap/threatmap/internal/yamlnode"
)

// Compose reads docker-compose files for database services: each is a
// store, a published port is reachable from the network (Docker's port
// rules bypass host firewalls such as ufw), and a well-known password is
// the first one an attacker tries.
type Compose struct{}

// NewCompose returns a docker-compose detector.
func NewCompose() *Compose { return &Compose{} }

// Name implements detector.Detector.
func (*Compose) Name() string { return "iac/compose" }

// Match implements detector.Detector.
func (*Compose) Match(p string) bool { return isCompose(path.Base(p)) }

// isCompose matches docker-compose.yml, docker-compose.prod.yaml,
// compose.yaml, compose.override.yml.
func isCompose(base string) bool {
	if lang.Of(base) != lang.YAML {
		return false
	}
	return strings.HasPrefix(base, "docker-compose") || base == "compose.yml" || base == "compose.yaml" || strings.HasPrefix(base, "compose.")
}

// dbImage maps an image repository (without registry, tag or digest)
// to a store kind.
var dbImages = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`^(.*/)?(postgres|postgresql|postgis|timescaledb(-ha)?|pgvector)$`), "postgres"},
	{regexp.MustCompile(`^(.*/)?(mysql|mariadb|mysql-server|percona(-server)?)$`), "mysql"},
	{regexp.MustCompile(`^(.*/)?(mongo|mongodb|mongodb-community-server)$`), "mongodb"},
	{regexp.MustCompile(`^(.*/)?(redis|redis-stack|redis-stack-server|valkey|keydb)$`), "redis"},
	{regexp.MustCompile(`^(.*/)?(elasticsearch|opensearch)$`), "elasticsearch"},
	{regexp.MustCompile(`^(.*/)?meilisearch$`), "meilisearch"},
	{regexp.MustCompile(`^(.*/)?typesense$`), "typesense"},
	{regexp.MustCompile(`^(.*/)?solr$`), "solr"},
	{regexp.MustCompile(`^(mssql/server|.*/mssql/server|mssql-server.*)$`), "mssql"},
}

// imageKind gives the store kind of an image reference, or "".
func imageKind(image string) string {
	// ${DB_IMAGE:-postgres:16}: judge the default.
	ref := strings.ToLower(strings.TrimSpace(expandDefaults(image)))
	ref, _, _ = strings.Cut(ref, "@")
	if i := strings.LastIndex(ref, ":"); i > strings.LastIndex(ref, "/") {
		ref = ref[:i]
	}
	for _, d := range dbImages {
		if d.re.MatchString(ref) {
			return d.kind
		}
	}
	return ""
}

// defaultPasswords are the values tutorials and image docs use; an
// attacker's first guesses.
var defaultPasswords = map[string]bool{
	"postgres": true, "password": true, "example": true, "root": true, "admin": true, "secret": true,
	"changeme": true, "pass": true, "123456": true, "mysql": true, "mongo": true, "redis": true,
	"test": true, "passw0rd": true, "p@ssw0rd": true, "toor": true, "default": true,
}

var passwordVars = map[string]bool{
	"POSTGRES_PASSWORD": true, "MYSQL_ROOT_PASSWORD": true, "MYSQL_PASSWORD": true,
	"MARIADB_ROOT_PASSWORD": true, "MARIADB_PASSWORD": true, "MONGO_INITDB_ROOT_PASSWORD": true,
	"REDIS_PASSWORD": true, "ELASTIC_PASSWORD": true, "SA_PASSWORD": true, "MSSQL_SA_PASSWORD": true,
}

// noPasswordSettings turn authentication off altogether.
var noPasswordSettings = map[string]string{
	"POSTGRES_HOST_AUTH_METHOD":         "trust",
	"MYSQL_ALLOW_EMPTY_PASSWORD":        "",
	"MARIADB_ALLOW_EMPTY_ROOT_PASSWORD": "",
	"ALLOW_EMPTY_PASSWORD":              "",
}

// Detect reads one compose file.
func (*Compose) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	docs, err := yamlnode.Documents(f.Data)
	if err != nil {
		out.Warn(f.Path, "cannot parse YAML: "+err.Error())
	}
	for _, d := range docs {
		for _, svc := range yamlnode.Pairs(yamlnode.Get(d, "services")) {
			composeService(f.Path, svc.Key, svc.KeyNode, svc.Value, out)
		}
	}
	return nil
}

func composeService(file, name string, keyNode, svc *yaml.Node, out *detector.Sink) {
	kind := imageKind(yamlnode.Str(yamlnode.Get(svc, "image")))
	if kind == "" {
		return
	}
	line := yamlnode.Line(keyNode)
	out.AddStore(facts.Store{Kind: kind, Name: "compose service " + name, Evidence: []facts.Evidence{{File: file, Line: line}}})
	for _, p := range yamlnode.Items(yamlnode.Get(svc, "ports")) {
		published, ok := publishedPort(p)
		if !ok {
			continue
		}
		out.AddInfrastructure(facts.Infrastructure{
			ID:       detector.ID("infra", "compose-port", file, name, published),
			Kind:     "compose-port",
			Detail:   name + " (" + kind + "): publishes " + published + " on every network interface",
			Evidence: []facts.Evidence{{File: file, Line: yamlnode.Line(p)}},
		})
	}
	for _, e := range environment(yamlnode.Get(svc, "environment")) {
		why := weakSetting(e.key, e.value)
		if why == "" {
			continue
		}
		out.AddInfrastructure(facts.Infrastructure{
			ID:       detector.ID("infra", "default-password", file, name, e.key),
			Kind:     "default-password",
			Detail:   name + " (" + kind + "): " + why,
			Evidence: []facts.Evidence{{File: file, Line: e.line}},
			Subject:  name + " (" + kind + ")",
		})
	}
}

// weakSetting explains why a variable leaves the database open to a
// guess, or returns "". The value itself is only ever shown redacted.
func weakSetting(key, value string) string {
	// "${POSTGRES_PASSWORD:-postgres}" falls back to a default.
	value = expandDefaults(value)
	if strings.HasPrefix(value, "$") {
		return ""
	}
	if passwordVars[key] && defaultPasswords[strings.ToLower(value)] {
		return key + " is a well-known default password (" + redact.Secret(value) + ")"
	}
	if want, ok := noPasswordSettings[key]; ok && value != "" {
		v := strings.ToLower(value)
		if (want != "" && v == want) || (want == "" && (v == "yes" || v == "true" || v == "1")) {
			return key + "=" + value + " turns off the password"
		}
	}
	return ""
}

type envVar struct {
	key, value string
	line       int
}

// environment reads both shapes: a map, or a list of KEY=value.
func environment(n *yaml.Node) []envVar {
	n = yamlnode.Resolve(n)
	if n == nil {
		return nil
	}
	var out []envVar
	if n.Kind == yaml.MappingNode {
		for _, p := range yamlnode.Pairs(n) {
			out = append(out, envVar{p.Key, yamlnode.Str(p.Value), yamlnode.Line(p.KeyNode)})
		}
		return out
	}
	for _, it := range yamlnode.Items(n) {
		if k, v, ok := strings.Cut(yamlnode.Str(it), "="); ok {
			out = append(out, envVar{strings.TrimSpace(k), strings.TrimSpace(v), yamlnode.Line(it)})
		}
	}
	return out
}

// publishedPort reports a port entry that listens beyond the loopback
// interface, as "host:container" text. "5432" alone publishes on a random
// host port, on every interface.
func publishedPort(p *yaml.Node) (string, bool) {
	if p.Kind == yaml.MappingNode {
		// Long syntax: target, published, host_ip.
		if ip := yamlnode.Str(yamlnode.Get(p, "host_ip")); isLoopback(ip) {
			return "", false
		}
		target := yamlnode.Str(yamlnode.Get(p, "target"))
		if target == "" {
			return "", false
		}
		pub := yamlnode.Str(yamlnode.Get(p, "published"))
		if pub == "" {
			return target, true
		}
		return pub + ":" + target, true
	}
	spec := yamlnode.Str(p)
	if spec == "" {
		return "", false
	}
	s, _, _ := strings.Cut(expandDefaults(spec), "/") // 5432:5432/tcp
	// [::1]:5432:5432 or 127.0.0.1:5432:5432: an address before two ports.
	host := ""
	if strings.HasPrefix(s, "[") {
		end := strings.Index(s, "]")
		if end < 0 {
			return "", false
		}
		host = s[1:end]
	} else if parts := strings.Split(s, ":"); len(parts) == 3 {
		host = parts[0]
	}
	if isLoopback(host) || strings.HasPrefix(host, "$") {
		// A bind address from a variable without a default is unknown.
		return "", false
	}
	return spec, true
}

var composeVar = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}`)

// expandDefaults replaces ${VAR:-default} with its default, and a
// variable without one with $VAR, the way compose would without an .env.
func expandDefaults(s string) string {
	return composeVar.ReplaceAllStringFunc(s, func(m string) string {
		sm := composeVar.FindStringSubmatch(m)
		if strings.Contains(m, "-") {
			return sm[2]
		}
		return "$" + sm[1]
	})
}

func isLoopback(host string) bool {
	if host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
