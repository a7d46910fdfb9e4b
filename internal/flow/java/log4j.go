package java

import (
	"path"
	"regexp"
	"strconv"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
)

// sinkLog4Shell is request data in a message log4j 2 formats, in a
// version that resolves ${jndi:ldap://...} lookups in it: the server
// loads and runs a class from the attacker's host (CVE-2021-44228).
var sinkLog4Shell = &flow.Sink{Kind: flow.CodeInjection, Name: "logged by log4j 2 before 2.15 (JNDI lookup)"}

// logMethods are a Logger's methods that format a message.
var logMethods = map[string]bool{"trace": true, "debug": true, "info": true, "warn": true, "error": true, "fatal": true, "log": true}

var (
	loggingImport = regexp.MustCompile(`(?m)^\s*import\s+(?:static\s+)?org\.(?:apache\.logging\.log4j|slf4j)\.`)
	// log4jCore is a build's dependency on log4j-core at a version:
	// Gradle's "org.apache.logging.log4j:log4j-core:2.11.2", Maven's
	// <artifactId>log4j-core</artifactId> then <version>2.11.2</version>.
	log4jCore = regexp.MustCompile(`log4j-core(?::|</artifactId>\s*<version>)\s*2\.(\d+)`)
)

// isBuildFile reports a build file that may declare log4j-core.
func isBuildFile(p string) bool {
	switch path.Base(p) {
	case "pom.xml", "build.gradle", "build.gradle.kts":
		return true
	}
	return false
}

// vulnerableLog4j reports a build file that depends on log4j-core 2.x
// before 2.15, which resolves lookups in logged messages. A version set
// elsewhere (a property, a BOM) is not read: no sink is kept for it.
func vulnerableLog4j(data []byte) bool {
	for _, m := range log4jCore.FindAllSubmatch(data, -1) {
		if minor, err := strconv.Atoi(string(m[1])); err == nil && minor < 15 {
			return true
		}
	}
	return false
}

// dropLog4Shell takes the log sinks back where no build depends on a
// vulnerable log4j-core.
func dropLog4Shell(classes []*oo.Class) {
	for _, c := range classes {
		for _, m := range c.Methods {
			for _, ci := range m.Calls {
				keep := ci.Sinks[:0]
				for _, u := range ci.Sinks {
					if u.Sink != sinkLog4Shell {
						keep = append(keep, u)
					}
				}
				ci.Sinks = keep
			}
		}
	}
}
