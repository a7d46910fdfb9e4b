package graphql

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
)

var (
	// gqlgen's generated resolvers: func (r *mutationResolver) CreateUser(ctx ...
	gqlgenResolver = regexp.MustCompile(`(?m)^func \(\w+ \*(\w+)Resolver\) ([A-Z]\w*)\(`)
	// http.Handle("/query", srv) in a file that builds a gqlgen server;
	// the playground is not the endpoint.
	gqlgenHandle = regexp.MustCompile(`\.Handle\(\s*"(/[^"]*)"\s*,\s*([\w.]+)`)
)

func (d *Detector) golang(f *detector.File) {
	src := f.Data
	if bytes.Contains(src, []byte("gqlgen/graphql/handler")) {
		for _, m := range gqlgenHandle.FindAllSubmatch(src, -1) {
			if !bytes.HasPrefix(m[2], []byte("playground")) {
				d.addEndpoint(strings.TrimRight(string(m[1]), "/"))
			}
		}
	}
	all := gqlgenResolver.FindAllSubmatchIndex(src, -1)
	for i, m := range all {
		recv := string(src[m[2]:m[3]])
		if recv == "" {
			continue
		}
		// The method ends at the first closing brace at the start of a
		// line, looked for only up to the next resolver.
		start, limit := m[0], len(src)
		if i+1 < len(all) {
			limit = all[i+1][0]
		}
		end := bytes.Index(src[start:limit], []byte("\n}"))
		if end < 0 {
			end = limit - start
		} else {
			end += 2
		}
		body := string(src[start : start+end])
		line := 1 + bytes.Count(src[:start], []byte("\n"))
		name := string(src[m[4]:m[5]])
		d.addResolver(resolver{
			typeName: strings.ToUpper(recv[:1]) + recv[1:], name: lowerFirst(name), handler: recv + "Resolver." + name,
			file: f.Path, line: line, endLine: line + strings.Count(body, "\n"), body: body, framework: "gqlgen",
		})
	}
}
