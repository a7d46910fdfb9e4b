package store

import (
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/yamlnode"
)

// Spring Boot names its stores in settings, not in code that opens them:
// application.yml / application.properties (and bootstrap.*) give the
// JDBC URL of spring.datasource (any pool's sub-key:
// spring.datasource.druid.url, spring.datasource.hikari.jdbc-url) or,
// when the URL comes from the environment, its driver class; Redis under
// spring.redis (Boot 2) or spring.data.redis (Boot 3); MongoDB,
// RabbitMQ, Kafka and Elasticsearch under their own prefixes. Keys bind
// relaxed (driver-class-name, driverClassName and driver_class_name are
// one key). A profile's file (application-prod.yml) or document
// (spring.config.activate.on-profile: prod) adds its stores, except a
// test or CI profile's, and a file under src/test is the test suite's.
// An embedded database (SQLite, H2, HSQLDB, Derby) never counts from a
// development profile: a developer's SQLite file says nothing about
// production (as for Rails' development block), and
// H2 has no store kind here: in memory it keeps nothing, on a file it is
// a developer's database.

var (
	// springSettingsRE is a Spring Boot settings file and its profile.
	springSettingsRE = regexp.MustCompile(`^(?:application|bootstrap)(?:-([\w.-]+))?\.(?:ya?ml|properties)$`)
	// springJDBCRE is the engine of a JDBC or R2DBC URL, past a wrapper
	// driver's prefix (jdbc:p6spy:mysql:, jdbc:log4jdbc:postgresql:,
	// r2dbc:pool:postgresql:); the URL may sit in a placeholder's default
	// (${DB_URL:jdbc:mysql://localhost/app}).
	springJDBCRE = regexp.MustCompile(`\b(?:jdbc|r2dbc):(?:(?:p6spy|log4jdbc|tc|otel|pool|proxy|aws-wrapper):)*([a-z0-9]+)`)
	// springPlaceholderRE is a setting read from the environment:
	// ${DB_HOST:localhost}.
	springPlaceholderRE = regexp.MustCompile(`\$\{([A-Z][A-Z0-9_]*)`)
	// springPropertyRE is one line of a .properties file.
	springPropertyRE = regexp.MustCompile(`^([\w.\-\[\]]+)[ \t]*[=:][ \t]*(.*?)$`)
)

// springEngines are JDBC subprotocols as store kinds.
var springEngines = map[string]string{"mysql": "mysql", "mariadb": "mysql", "postgresql": "postgres", "sqlserver": "mssql",
	"sqlite": "sqlite", "mongodb": "mongodb", "clickhouse": "clickhouse", "ch": "clickhouse"}

// springDrivers are JDBC driver classes as store kinds.
var springDrivers = map[string]string{
	"com.mysql.cj.jdbc.driver": "mysql", "com.mysql.jdbc.driver": "mysql", "org.mariadb.jdbc.driver": "mysql",
	"org.postgresql.driver": "postgres", "com.microsoft.sqlserver.jdbc.sqlserverdriver": "mssql", "org.sqlite.jdbc": "sqlite",
}

// springServers are the settings that point Spring at a store's server,
// by key prefix, with the key endings that name where it is (a
// repositories.enabled flag or a pool size names nothing).
var springServers = []struct {
	prefix string
	ends   []string
	kind   string
}{
	{"spring.redis.", []string{"host", "url", "cluster.nodes", "sentinel.nodes"}, "redis"},
	{"spring.data.redis.", []string{"host", "url", "cluster.nodes", "sentinel.nodes"}, "redis"},
	{"spring.data.mongodb.", []string{"uri", "host"}, "mongodb"},
	{"spring.rabbitmq.", []string{"host", "addresses"}, "rabbitmq"},
	{"spring.kafka.", []string{"bootstrapservers"}, "kafka"},
	{"spring.elasticsearch.", []string{"uris"}, "elasticsearch"},
	{"spring.data.elasticsearch.", []string{"clusternodes"}, "elasticsearch"},
}

// springSetting is one setting: its relaxed key, value and line.
type springSetting struct {
	key, value string
	line       int
}

// springProfile is a settings file's profile ("" for the file every
// profile reads), or ok false for a file that is not Spring's settings or
// is the test suite's.
func springProfile(p string) (profile string, ok bool) {
	m := springSettingsRE.FindStringSubmatch(path.Base(p))
	if m == nil || lang.IsTest(p) || strings.Contains("/"+p, "/src/test/") {
		return "", false
	}
	return strings.ToLower(m[1]), true
}

// isSpringSettings: a Spring Boot settings file outside the test suite.
func isSpringSettings(p string) bool {
	_, ok := springProfile(p)
	return ok
}

// servedSettingsRE is a settings file a Spring Cloud config server serves
// an app by the app's name ({name}.yml, {name}-{profile}.yml), kept in a
// folder of the server's resources (its native search location).
var servedSettingsRE = regexp.MustCompile(`/src/main/resources/(?:[\w.-]+/)+[\w.-]+\.(?:ya?ml|properties)$`)

// servedProfile is the profile of a file a config server serves, as
// springProfile is for the app's own: its name's last dashed part when
// that names a test, CI or development profile (account-service-dev.yml),
// "" otherwise (account-service.yml: the name itself has dashes). ok false
// for a file that is not one.
func servedProfile(p string) (profile string, ok bool) {
	if springSettingsRE.MatchString(path.Base(p)) || !servedSettingsRE.MatchString("/"+p) || lang.IsTest(p) || strings.Contains("/"+p, "/src/test/") {
		return "", false
	}
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if i := strings.LastIndexByte(name, '-'); i >= 0 && springProfileRole(name[i+1:]) != lang.App {
		return strings.ToLower(name[i+1:]), true
	}
	return "", true
}

// isServedSettings: a settings file a config server serves an app.
func isServedSettings(p string) bool {
	_, ok := servedProfile(p)
	return ok
}

// springProfileRole is what a profile (or a profile expression, "test |
// ci") is for, as the file it names is classified (lang's profile
// roles: application-test.yml is the test suite's, application-dev.yml a
// developer's machine): Test, CI or DevEnv when any of its words is.
func springProfileRole(p string) lang.Kind {
	role := lang.App
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune(",|&!() ", r) }) {
		switch k := lang.RoleOf("application-" + w + ".yml").Kind; k {
		case lang.Test, lang.Fixture, lang.CI:
			return k
		case lang.DevEnv:
			role = k
		}
	}
	return role
}

// springTestProfile: a profile only the test suite or CI runs.
func springTestProfile(p string) bool {
	k := springProfileRole(p)
	return k == lang.Test || k == lang.Fixture || k == lang.CI
}

// springRelaxed is a key as Spring binds it: lower case, no dashes or
// underscores.
func springRelaxed(k string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(k))
}

// readSpring records the stores a Spring Boot settings file names.
func (d *Detector) readSpring(f *detector.File) {
	fileProfile, ok := springProfile(f.Path)
	if !ok {
		fileProfile, ok = servedProfile(f.Path)
	}
	if !ok || springTestProfile(fileProfile) {
		return
	}
	// A document of its own profile: spring.profiles (Boot 2) or
	// spring.config.activate.on-profile (Boot 2.4+).
	for _, doc := range springDocuments(f) {
		profile := docProfile(fileProfile, doc)
		if springTestProfile(profile) {
			continue
		}
		d.springDocument(f.Path, profile, doc)
	}
}

// docProfile is the profile a settings document runs under: the file's,
// unless the document names its own.
func docProfile(fileProfile string, doc []springSetting) string {
	profile := fileProfile
	for _, s := range doc {
		if s.key == "spring.profiles" || s.key == "spring.config.activate.onprofile" {
			profile = strings.ToLower(s.value)
		}
	}
	return profile
}

// SpringSettingLine is the line of the first setting under a dotted key
// (spring.mail.host) in a Spring Boot settings file, as Spring binds it
// (relaxed), in a document the app runs with (not a test profile's), or
// 0.
func SpringSettingLine(f *detector.File, key string) int {
	fileProfile, ok := springProfile(f.Path)
	if !ok || springTestProfile(fileProfile) {
		return 0
	}
	key = springRelaxed(key)
	for _, doc := range springDocuments(f) {
		if springTestProfile(docProfile(fileProfile, doc)) {
			continue
		}
		for _, s := range doc {
			if s.key == key {
				return s.line
			}
		}
	}
	return 0
}

// springDocument adds the stores one document's settings name.
func (d *Detector) springDocument(file, profile string, doc []springSetting) {
	ev := func(s springSetting) facts.Evidence { return facts.Evidence{File: file, Line: s.line} }
	// embedded: an engine in the app's process, a store only from the
	// settings every profile reads.
	// The environment variables of the setting that names a store name
	// it (Redis (REDIS_HOST)); a pool size's variable does not.
	add := func(kind string, s springSetting) {
		if kind == "sqlite" && springProfileRole(profile) == lang.DevEnv {
			return
		}
		d.add(kind, ev(s))
		for _, m := range springPlaceholderRE.FindAllStringSubmatch(s.value, -1) {
			d.envs[m[1]] = append(d.envs[m[1]], ev(s))
		}
	}
	urlKind := false
	var driver *springSetting
	for i, s := range doc {
		switch {
		case strings.HasPrefix(s.key, "spring.datasource.") || strings.HasPrefix(s.key, "spring.r2dbc."):
			switch {
			case strings.HasSuffix(s.key, "url"):
				if m := springJDBCRE.FindStringSubmatch(s.value); m != nil {
					urlKind = true // an engine named, even one with no kind here (h2)
					if kind := springEngines[m[1]]; kind != "" {
						add(kind, s)
					}
				}
			case strings.HasSuffix(s.key, "driverclassname"):
				driver = &doc[i]
			}
			continue
		}
		for _, srv := range springServers {
			if !strings.HasPrefix(s.key, srv.prefix) || s.value == "" {
				continue
			}
			for _, end := range srv.ends {
				if strings.HasSuffix(s.key, "."+end) {
					add(srv.kind, s)
				}
			}
		}
	}
	// The driver class tells the engine when the URL does not (it comes
	// from the environment: url: ${DATABASE_URL}).
	if driver != nil && !urlKind {
		if kind := springDrivers[strings.ToLower(driver.value)]; kind != "" {
			add(kind, *driver)
		}
	}
}

// springDocuments flattens a settings file into its documents'
// settings, keys relaxed and joined with dots.
func springDocuments(f *detector.File) [][]springSetting {
	if strings.HasSuffix(f.Path, ".properties") {
		// #--- alone on its line separates documents (Boot 2.4+).
		docs := [][]springSetting{nil}
		for i, line := range strings.Split(string(f.Data), "\n") {
			line = strings.TrimSpace(line)
			if line == "#---" || line == "!---" {
				docs = append(docs, nil)
				continue
			}
			if m := springPropertyRE.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "!") {
				docs[len(docs)-1] = append(docs[len(docs)-1], springSetting{key: springRelaxed(m[1]), value: m[2], line: i + 1})
			}
		}
		return docs
	}
	nodes, _ := yamlnode.Documents(f.Data)
	docs := make([][]springSetting, 0, len(nodes))
	for _, n := range nodes {
		var doc []springSetting
		springFlatten(n, "", 0, &doc)
		docs = append(docs, doc)
	}
	return docs
}

// springFlatten adds a YAML mapping's scalars under their dotted keys.
func springFlatten(n *yaml.Node, prefix string, depth int, out *[]springSetting) {
	if depth > 32 {
		return
	}
	for _, p := range yamlnode.Pairs(n) {
		key := springRelaxed(p.Key)
		if prefix != "" {
			key = prefix + "." + key
		}
		switch {
		case p.Value == nil:
		case p.Value.Kind == yaml.MappingNode:
			springFlatten(p.Value, key, depth+1, out)
		case p.Value.Kind == yaml.ScalarNode:
			*out = append(*out, springSetting{key: key, value: p.Value.Value, line: yamlnode.Line(p.Value)})
		case p.Value.Kind == yaml.SequenceNode:
			var vals []string
			for _, c := range yamlnode.Items(p.Value) {
				vals = append(vals, yamlnode.Str(c))
			}
			*out = append(*out, springSetting{key: key, value: strings.Join(vals, ","), line: yamlnode.Line(p.Value)})
		}
	}
}
