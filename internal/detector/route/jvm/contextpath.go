package jvm

import (
	"bufio"
	"bytes"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// contextKeys are the Spring Boot settings that serve every controller of
// an app under a prefix: the servlet context path (MVC; server.context-path
// before Boot 2) and WebFlux's base path.
var contextKeys = []string{"server.servlet.context-path", "spring.webflux.base-path", "server.context-path"}

// isAppConfig says p is a Spring Boot app's own configuration file (not a
// profile's: application-dev.yml applies only when that profile is on).
func isAppConfig(p string) bool {
	switch path.Base(p) {
	case "application.properties", "application.yml", "application.yaml":
		return !strings.Contains("/"+p, "/src/test/")
	}
	return false
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
func contextPath(p string, data []byte) string {
	var v string
	if path.Ext(p) == ".properties" {
		v = propertiesValue(data, contextKeys)
	} else {
		var doc map[string]any
		if yaml.Unmarshal(data, &doc) != nil {
			return ""
		}
		for _, k := range contextKeys {
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
	}
	return ""
}

// yamlValue finds a dotted key in a YAML document, nested (server:
// servlet: context-path) or written whole at any level (server:
// servlet.context-path), as Spring's relaxed binding reads it.
func yamlValue(doc map[string]any, key string) (string, bool) {
	if v, ok := doc[key]; ok {
		s, ok := v.(string)
		return s, ok
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
