package jvm

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/lang"
)

// contextKeys are the Spring Boot settings that serve every controller of
// an app under a prefix: the servlet context path (MVC; server.context-path
// before Boot 2) and WebFlux's base path.
// Quarkus's root path serves everything of the app under a prefix too.
var contextKeys = []string{"server.servlet.context-path", "spring.webflux.base-path", "server.context-path", "quarkus.http.root-path", "micronaut.server.context-path"}

// restKeys are the settings that serve an app's JAX-RS resources under a
// prefix of their own (Quarkus REST and RESTEasy), as @ApplicationPath
// does.
var restKeys = []string{"quarkus.rest.path", "quarkus.resteasy-reactive.path", "quarkus.resteasy.path"}

// isAppConfig says p is a Spring Boot app's own configuration file (not a
// profile's: application-dev.yml applies only when that profile is on).
func isAppConfig(p string) bool {
	switch path.Base(p) {
	case "application.properties", "application.yml", "application.yaml":
		return !strings.Contains("/"+p, "/src/test/")
	}
	return false
}

// isBootstrap says p is a Spring Cloud app's bootstrap configuration, read
// before the app's own: where it names itself and its config server.
func isBootstrap(p string) bool {
	switch path.Base(p) {
	case "bootstrap.properties", "bootstrap.yml", "bootstrap.yaml":
		return !strings.Contains("/"+p, "/src/test/")
	}
	return false
}

// isSettings says p is a properties or YAML file outside the tests: one
// a config server may hand to an app by the app's name.
func isSettings(p string) bool {
	switch path.Ext(p) {
	case ".properties", ".yml", ".yaml":
		return !strings.Contains("/"+p, "/src/test/") && !lang.IsTest(p)
	}
	return false
}

// configClient is the name an app's configuration gives it
// (spring.application.name) when the app takes its settings from a Spring
// Cloud config server: a bootstrap file (which only Spring Cloud reads),
// or spring.cloud.config.uri, or spring.config.import of configserver:.
// The server then serves it the files named after it. "" otherwise.
func configClient(p string, data []byte) string {
	vals, ok := settingValues(p, data, "spring.application.name", "spring.cloud.config.uri", "spring.config.import", "spring.cloud.config.discovery.enabled")
	if !ok {
		return ""
	}
	name := strings.TrimSpace(vals["spring.application.name"])
	if name == "" || strings.Contains(name, "${") {
		return ""
	}
	if isBootstrap(p) || vals["spring.cloud.config.uri"] != "" || vals["spring.cloud.config.discovery.enabled"] == "true" ||
		strings.Contains(vals["spring.config.import"], "configserver:") {
		return name
	}
	return ""
}

// moduleRoot is the build module a source or resource file belongs to:
// the folder that holds its src/main.
func moduleRoot(p string) string {
	if i := strings.Index("/"+p, "/src/main/"); i >= 0 {
		return p[:i]
	}
	return ""
}

// contextPath is the prefix a Spring Boot configuration file serves its
// app's controllers under, "" when it sets none (or only through a
// placeholder, which is known at run time).
func contextPath(p string, data []byte) string { return prefixSetting(p, data, contextKeys) }

// prefixSetting is the first of keys a settings file sets, as a path
// prefix ("" when unset, the root, or left to a placeholder).
func prefixSetting(p string, data []byte, keys []string) string {
	var v string
	if path.Ext(p) == ".properties" {
		v = propertiesValue(data, keys)
	} else if namesAny(data, keys) {
		var doc map[string]any
		if yaml.Unmarshal(data, &doc) != nil {
			return ""
		}
		for _, k := range keys {
			if s, ok := yamlValue(doc, k); ok {
				v = s
				break
			}
		}
	}
	v = strings.TrimSpace(v)
	if v == "" || v == "/" || strings.Contains(v, "${") {
		return ""
	}
	return "/" + strings.Trim(v, "/")
}

// settingValues reads each of keys from a Spring Boot configuration file
// (.properties, or YAML; "" where unset); false when the YAML does not
// parse.
func settingValues(p string, data []byte, keys ...string) (map[string]string, bool) {
	vals := map[string]string{}
	if path.Ext(p) == ".properties" {
		for _, k := range keys {
			vals[k] = propertiesValue(data, []string{k})
		}
		return vals, true
	}
	if !namesAny(data, keys) {
		return vals, true
	}
	var doc map[string]any
	if yaml.Unmarshal(data, &doc) != nil {
		return nil, false
	}
	for _, k := range keys {
		vals[k], _ = yamlValue(doc, k)
	}
	return vals, true
}

// namesAny says the text holds the last part of one of keys: a YAML file
// that names none sets none (its keys are matched exactly), so it need
// not be parsed. Every settings file is asked, a Kubernetes manifest
// with anchors too, and parsing one costs more than its size.
func namesAny(data []byte, keys []string) bool {
	for _, k := range keys {
		if bytes.Contains(data, []byte(k[strings.LastIndexByte(k, '.')+1:])) {
			return true
		}
	}
	return false
}

// propertiesValue is the value of the first of keys a .properties file
// sets (key=value, key: value or key value; # and ! open comments).
func propertiesValue(data []byte, keys []string) string {
	got := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == '!' {
			continue
		}
		i := strings.IndexAny(line, "=: \t")
		if i < 0 {
			continue
		}
		got[line[:i]] = strings.TrimLeft(line[i+1:], "=: \t")
	}
	for _, k := range keys {
		if v, ok := got[k]; ok {
			return v
		}
		// A list written item by item: key[0]=health, key[1]=env.
		var items []string
		for i := 0; ; i++ {
			v, ok := got[k+"["+strconv.Itoa(i)+"]"]
			if !ok {
				break
			}
			items = append(items, v)
		}
		if len(items) > 0 {
			return strings.Join(items, ",")
		}
	}
	return ""
}

// yamlValue finds a dotted key in a YAML document, nested (server:
// servlet: context-path) or written whole at any level (server:
// servlet.context-path), as Spring's relaxed binding reads it.
// A list (include: [health, env], or an item a line) is its items
// joined with commas, as Spring binds it; a number or a flag is its text
// (port: 8081).
func yamlValue(doc map[string]any, key string) (string, bool) {
	if v, ok := doc[key]; ok {
		return yamlScalar(v)
	}
	for i := 0; i < len(key); i++ {
		if key[i] != '.' {
			continue
		}
		if sub, ok := doc[key[:i]].(map[string]any); ok {
			if s, ok := yamlValue(sub, key[i+1:]); ok {
				return s, true
			}
		}
	}
	return "", false
}

// yamlScalar is a YAML value as text: a string, a number or a flag, or a
// list of them joined with commas.
func yamlScalar(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v), true
	case []any:
		items := make([]string, 0, len(v))
		for _, it := range v {
			s, ok := yamlScalar(it)
			if !ok {
				return "", false
			}
			items = append(items, s)
		}
		return strings.Join(items, ","), true
	}
	return "", false
}

// revealing are the Actuator endpoints that hand out the service's
// internals: its environment and configuration (secrets among them), its
// memory, threads, beans, mappings and logs. health and info are left
// out: they say little, and are what a probe needs.
var revealing = []string{"env", "configprops", "heapdump", "threaddump", "beans", "mappings", "loggers", "logfile",
	"metrics", "conditions", "scheduledtasks", "httpexchanges", "httptrace", "sessions", "caches", "auditevents",
	"prometheus", "jolokia", "startup", "shutdown", "flyway", "liquibase", "quartz", "integrationgraph"}

// byWildcard are those "*" exposes in a plain Boot app: each on by
// default (shutdown is not) and needing no extra dependency.
var byWildcard = []string{"env", "configprops", "heapdump", "threaddump", "beans", "mappings", "loggers", "metrics", "conditions", "scheduledtasks"}

// actuator reads the Actuator endpoints a Spring Boot configuration
// exposes over HTTP (management.endpoints.web.exposure.include), those
// that reveal internals, with the path they are served under and the
// setting's line. None when the management server listens on a port of
// its own (an internal port, or -1: off).
func actuator(p string, data []byte) (paths []string, line int) {
	const includeKey = "management.endpoints.web.exposure.include"
	vals, ok := settingValues(p, data, includeKey, "management.endpoints.web.exposure.exclude", "management.endpoints.web.base-path", "management.server.port")
	if !ok {
		return nil, 0
	}
	include := strings.TrimSpace(vals[includeKey])
	if include == "" || strings.TrimSpace(vals["management.server.port"]) != "" {
		return nil, 0
	}
	base := strings.TrimSpace(vals["management.endpoints.web.base-path"])
	if base == "" || strings.Contains(base, "${") {
		base = "/actuator"
	}
	excluded := map[string]bool{}
	for _, e := range strings.Split(vals["management.endpoints.web.exposure.exclude"], ",") {
		excluded[strings.TrimSpace(e)] = true
	}
	var eps []string
	for _, e := range strings.Split(include, ",") {
		e = strings.Trim(strings.TrimSpace(e), `"'`)
		switch {
		case e == "*":
			eps = append(eps, byWildcard...)
		case slices.Contains(revealing, e):
			eps = append(eps, e)
		}
	}
	for _, e := range eps {
		if ep := "/" + strings.Trim(base, "/") + "/" + e; !excluded[e] && !excluded["*"] && !slices.Contains(paths, ep) {
			paths = append(paths, ep)
		}
	}
	return paths, settingLine(data, "include")
}

// settingLine is the 1-based line of the first line that sets key (key=,
// key: or a dotted key ending in it), 1 if none does.
func settingLine(data []byte, key string) int {
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' || l[0] == '!' {
			continue
		}
		if j := strings.IndexAny(l, "=:"); j > 0 {
			k := strings.TrimSpace(l[:j])
			if b := strings.IndexByte(k, '['); b > 0 {
				k = k[:b] // key[0]=health
			}
			if k == key || strings.HasSuffix(k, "."+key) {
				return i + 1
			}
		}
	}
	return 1
}

// jaxrsRoots are the prefixes each module serves its JAX-RS resources
// under: the value of its one @ApplicationPath (on the Application
// subclass), else its configuration's REST path setting.
func (ix *index) jaxrsRoots(files []*file) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		if f.restPath != "" && !f.served {
			out[moduleRoot(f.path)] = f.restPath
		}
	}
	seen := map[string]bool{}
	for _, f := range files {
		for _, c := range f.classes {
			a := hasAnn(c.anns, "ApplicationPath")
			if a == nil {
				continue
			}
			m := moduleRoot(c.file)
			ps, ok := ix.eval(f, c.name, a.arg("", "value"), 0)
			if seen[m] || !ok || len(ps) != 1 {
				// Two applications in one module: which resource is whose
				// is not known, so neither prefix is taken.
				delete(out, m)
				continue
			}
			seen[m] = true
			if p := strings.Trim(ps[0], "/"); p != "" {
				out[m] = "/" + p
			} else {
				delete(out, m)
			}
		}
	}
	return out
}
