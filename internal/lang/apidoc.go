package lang

import (
	"bytes"
	"regexp"
)

var (
	// A YAML document's root keys sit at the start of a line.
	yamlVersionKey = regexp.MustCompile(`(?m)^(?:openapi|swagger)\s*:`)
	yamlPathsKey   = regexp.MustCompile(`(?m)^paths\s*:`)
	jsonVersionKey = regexp.MustCompile(`"(?:openapi|swagger)"\s*:\s*"`)
	jsonPathsKey   = regexp.MustCompile(`"paths"\s*:\s*\{`)
)

// APIDocument reports a YAML or JSON file whose content is an OpenAPI or
// Swagger document (an openapi or swagger root key, and paths), whatever
// its name or folder: it describes an API for the API's callers, and the
// values it holds (an example response's session key) are examples. A
// framework may serve its routes from it (connexion), so the file keeps
// its role; what it says about values is the document's.
func APIDocument(p string, src []byte) bool {
	switch Of(p) {
	case YAML:
		return yamlVersionKey.Match(src) && yamlPathsKey.Match(src)
	case JSON:
		t := bytes.TrimSpace(src)
		return len(t) > 0 && t[0] == '{' && jsonVersionKey.Match(t) && jsonPathsKey.Match(t)
	}
	return false
}
