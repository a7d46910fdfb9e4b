// Package noir reads the endpoints OWASP Noir found (`noir -f json`, or
// `-f jsonl`), so that a stack threatmap does not parse yet still joins the
// map: each HTTP or WebSocket endpoint becomes a route fact with source
// "noir", its framework as Noir names it (go_gin, python_flask, ...), its
// first code path as evidence, and auth required where a Noir tagger saw
// a guard. The scan merges them with its own routes (scan.Options.Routes):
// a route threatmap found itself wins.
package noir

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/redact"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Source marks a route read from Noir's output.
const Source = "noir"

// MaxSize caps the file read: Noir's output for a very large monorepo is
// a few megabytes.
const MaxSize = 64 << 20

// The parts of Noir's output threatmap reads; every other field is
// ignored.
type (
	output struct {
		Endpoints []endpoint `json:"endpoints"`
	}
	endpoint struct {
		URL      string  `json:"url"`
		Method   string  `json:"method"`
		Params   []param `json:"params"`
		Protocol string  `json:"protocol"`
		Details  details `json:"details"`
		Tags     []tag   `json:"tags"`
	}
	param struct {
		Name string `json:"name"`
		Type string `json:"param_type"`
	}
	details struct {
		CodePaths  []codePath `json:"code_paths"`
		Technology string     `json:"technology"`
	}
	codePath struct {
		Path string `json:"path"`
		Line *int   `json:"line"`
	}
	tag struct {
		Name        string `json:"name"`
		Description string `json:"description"`
		Tagger      string `json:"tagger"`
	}
)

// Result is what a Noir file holds for the scan.
type Result struct {
	Routes []facts.Route
	// Skipped counts endpoints that are no web surface (a command line,
	// a mobile deep link) or name no URL.
	Skipped int
}

// Parse reads Noir's JSON (an object with "endpoints") or JSON Lines (one
// endpoint per line). root is the scanned folder: code paths are made
// relative to it. A file that is neither is an error at name:line:col.
func Parse(name string, data []byte, root string) (*Result, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d MB; not Noir output threatmap reads", name, MaxSize>>20)
	}
	var eps []endpoint
	dec := json.NewDecoder(bytes.NewReader(data))
	first := true
	for {
		var raw json.RawMessage
		start := dec.InputOffset()
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, at(name, data, err, start)
		}
		// The value starts after the white space before it.
		for start < int64(len(data)) && strings.ContainsRune(" \t\r\n", rune(data[start])) {
			start++
		}
		trimmed := bytes.TrimSpace(raw)
		if len(trimmed) == 0 || trimmed[0] != '{' {
			return nil, posErr(name, data, start, "want an object: Noir's JSON output (noir -f json) or one endpoint per line (-f jsonl)")
		}
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(raw, &probe); err != nil {
			return nil, at(name, data, err, start)
		}
		if _, whole := probe["endpoints"]; whole && first {
			var o output
			if err := json.Unmarshal(raw, &o); err != nil {
				return nil, at(name, data, err, start)
			}
			eps = append(eps, o.Endpoints...)
		} else {
			if _, ok := probe["url"]; !ok {
				return nil, posErr(name, data, start, "no \"endpoints\" and no \"url\": not Noir's output (noir -f json)")
			}
			var e endpoint
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, at(name, data, err, start)
			}
			eps = append(eps, e)
		}
		first = false
	}
	if first {
		return nil, fmt.Errorf("%s: empty: not Noir's output (noir -f json)", name)
	}
	res := &Result{}
	seen := map[string]bool{}
	for _, e := range eps {
		r, ok := route(e, root)
		if !ok {
			res.Skipped++
			continue
		}
		key := r.Method + " " + urlpath.Shape(r.Path)
		if seen[key] {
			continue
		}
		seen[key] = true
		res.Routes = append(res.Routes, redact.Copy(r))
	}
	return res, nil
}

// at places a decoding error: a syntax error at its offset, a type error
// at the value's, anything else at the start of the object.
func at(name string, data []byte, err error, start int64) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return posErr(name, data, se.Offset, se.Error())
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "the value"
		}
		return posErr(name, data, start+te.Offset, fmt.Sprintf("%s is a JSON %s, want %s", field, te.Value, kind(te.Type.String())))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return posErr(name, data, int64(len(data)), "unexpected end of JSON input")
	}
	return posErr(name, data, start, err.Error())
}

func kind(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case goType == "string":
		return "a string"
	case goType == "int", goType == "*int":
		return "a whole number"
	}
	return "an object"
}

func posErr(name string, data []byte, off int64, msg string) error {
	line, col := lineCol(data, off)
	return fmt.Errorf("%s:%d:%d: %s", name, line, col, msg)
}

// lineCol is the 1-based line and column of the byte just before offset
// off (encoding/json reports offsets past the bad byte).
func lineCol(data []byte, off int64) (int, int) {
	off = min(max(off, 1), int64(len(data)))
	if off > 0 {
		off--
	}
	before := data[:off]
	return bytes.Count(before, []byte("\n")) + 1, int(off) - bytes.LastIndexByte(before, '\n')
}

// route maps one endpoint; ok is false for what is no web surface.
func route(e endpoint, root string) (facts.Route, bool) {
	kind := "endpoint"
	switch strings.ToLower(e.Protocol) {
	case "", "http", "https":
	case "ws", "wss":
		kind = "websocket"
	default: // cli, mobile deep links: no surface a browser or a bot reaches
		return facts.Route{}, false
	}
	p, ok := pathOf(e.URL)
	if !ok {
		return facts.Route{}, false
	}
	if strings.HasPrefix(e.URL, "ws://") || strings.HasPrefix(e.URL, "wss://") {
		kind = "websocket"
	}
	method := strings.ToUpper(strings.TrimSpace(e.Method))
	if method == "" {
		method = "GET"
	}
	r := facts.Route{Kind: kind, Method: method, Path: p, Framework: e.Details.Technology, Source: Source,
		Auth: facts.AuthUnknown, Params: []facts.Param{}, Tags: []string{}}
	if r.Framework == "" {
		r.Framework = Source
	}
	if kind == "websocket" {
		r.Tags = append(r.Tags, facts.TagWebsocket)
	}
	if len(e.Details.CodePaths) > 0 {
		cp := e.Details.CodePaths[0]
		r.File = relPath(cp.Path, root)
		if cp.Line != nil && *cp.Line > 0 {
			r.Line = *cp.Line
		}
	}
	for _, t := range e.Tags {
		if strings.EqualFold(t.Name, "auth") {
			r.Auth = facts.AuthRequired
			r.AuthEvidence = strings.TrimSpace(t.Description + " (OWASP Noir, " + t.Tagger + ")")
			break
		}
	}
	for _, name := range pathParams(r.Path) {
		r.Params = append(r.Params, facts.Param{Name: name, In: "path", Type: facts.TypeUnknown})
	}
	for _, x := range e.Params {
		if strings.EqualFold(x.Type, "query") && x.Name != "" && !slices.ContainsFunc(r.Params, func(p facts.Param) bool { return p.Name == x.Name }) {
			r.Params = append(r.Params, facts.Param{Name: x.Name, In: "query", Type: facts.TypeUnknown})
		}
	}
	r.ID = detector.RouteID(r.Method, r.Path)
	return r, true
}

// pathOf is an endpoint's path in threatmap's form: a full URL loses its
// scheme, host and query; :id, <int:id> and {id:[0-9]+} become {id}.
func pathOf(raw string) (string, bool) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", false
	}
	if i := strings.Index(s, "://"); i > 0 {
		if u, err := url.Parse(s); err == nil {
			s = u.EscapedPath()
			if uq, err := url.PathUnescape(s); err == nil {
				s = uq
			}
		} else {
			rest := s[i+3:]
			if j := strings.IndexByte(rest, '/'); j >= 0 {
				s = rest[j:]
			} else {
				s = "/"
			}
		}
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	return urlpath.Canonical(s), true
}

func pathParams(p string) []string {
	var out []string
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && len(seg) > 2 {
			out = append(out, seg[1:len(seg)-1])
		}
	}
	return out
}

// relPath makes a code path relative to the scanned folder, slash
// separated. Noir writes paths as it was given them: relative to where it
// ran, or absolute. A path that does not resolve inside root is kept as
// written, cleaned.
func relPath(p, root string) string {
	if p == "" {
		return ""
	}
	clean := filepath.Clean(filepath.FromSlash(p))
	if !filepath.IsAbs(clean) {
		if _, err := os.Lstat(filepath.Join(root, clean)); err == nil {
			return filepath.ToSlash(clean)
		}
	}
	absRoot, err1 := filepath.Abs(root)
	absP, err2 := filepath.Abs(clean)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absRoot, absP); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return path.Clean(filepath.ToSlash(p))
}
