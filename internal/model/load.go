package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/source"
)

// MaxFileSize caps a model file. A real one-page model is a few KiB; the cap
// keeps a stray or hostile file from eating memory.
const MaxFileSize = 4 << 20

// maxNodes caps how many YAML nodes decoding may visit, counting every
// expansion of an alias: it is what stops a "billion laughs" file.
const maxNodes = 200_000

// Pos is a 1-based line and column in the model file. Columns count
// characters, as yaml.v3 and editors do, not bytes.
type Pos struct{ Line, Col int }

// Doc is a loaded model with where each of its values stands in the file,
// so that validation and later commands can point at the exact place.
type Doc struct {
	File  string
	Model *Model
	// Pos maps a value's path ("threats[2].acceptance.by") to where it is.
	Pos map[string]Pos
}

// At returns the position of path, or of its nearest ancestor written in
// the file.
func (d *Doc) At(path string) Pos {
	for {
		if p, ok := d.Pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return d.Pos[""]
		}
		path = path[:i]
	}
}

// Load reads and validates a model file a person named: links are
// followed, but only a regular file is read, and at most MaxFileSize
// bytes, so a pipe or a device can neither block nor flood. The error, if
// any, is Problems: every problem in the file, each with file:line:col.
func Load(path string) (*Doc, error) {
	return load(path, source.ReadNamed)
}

// LoadIn is Load for the model of the scanned folder root: a path inside
// root is read as the walk reads the tree (no symbolic link, a regular
// file), since the repository, not a person, chose what is there.
func LoadIn(root, path string) (*Doc, error) {
	return load(path, func(path string, maxSize int64) ([]byte, error) {
		return source.ReadInput(root, path, maxSize)
	})
}

func load(path string, read func(string, int64) ([]byte, error)) (*Doc, error) {
	data, err := read(path, MaxFileSize)
	if errors.Is(err, source.ErrTooLarge) {
		return nil, Problems{tooLarge(path)}
	}
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

func tooLarge(name string) Problem {
	return Problem{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf("file is larger than %d MiB", MaxFileSize>>20), Hint: "a threat model is one page; is this the right file?"}
}

// Parse decodes and validates a model from data; name is used in messages.
func Parse(name string, data []byte) (*Doc, error) {
	doc, err := Decode(name, data)
	if doc == nil {
		return nil, err
	}
	// Report everything at once: what the decoder refused, and what the
	// rest of the file gets wrong.
	var ps Problems
	errors.As(err, &ps)
	decoded := ps
	for _, v := range Validate(doc) {
		if !decoded.hasAt(v.Line, v.Col) || !strings.HasSuffix(v.Msg, " is missing") {
			ps = append(ps, v)
		}
	}
	if len(ps) > 0 {
		return doc, ps.sorted()
	}
	return doc, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// Decode reads the file strictly (unknown keys, wrong types) without the
// semantic checks of Validate.
func Decode(name string, data []byte) (*Doc, error) {
	// Bytes that are not UTF-8 are reported where they are; the rest of
	// the file is still read, so that its problems come at once.
	var encoding Problems
	fail := func(line, col int, msg, hint string) (*Doc, error) {
		return nil, append(Problems{{File: name, Line: line, Col: col, Msg: msg, Hint: hint}}, encoding...).sorted()
	}
	if len(data) > MaxFileSize {
		return nil, Problems{tooLarge(name)}
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return fail(1, 1, "file is UTF-16", "save it as UTF-8")
	}
	// A UTF-8 byte order mark is legal YAML and common from Windows editors.
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(data, 0) >= 0 {
		return fail(1, 1, "file is binary, not YAML", "")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(1, 1, "file is empty", "start it with `version: 1`, or run `threatmap init` to draft one")
	}
	if encoding = UTF8Problems(name, data); len(encoding) > 0 {
		// yaml.v3 refuses the whole file at "line 1"; a replacement
		// character per stray byte keeps every column where it was.
		data = replaceInvalidUTF8(data)
	}
	if ps := scanLines(name, data); len(ps) > 0 {
		return nil, append(ps, encoding...).sorted()
	}

	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		p := SyntaxProblem(name, data, err)
		return fail(p.Line, p.Col, p.Msg, "")
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return fail(extra.Line, extra.Column, "a second YAML document", "a model file holds one document: remove the `---` and what follows, or merge it")
	} else if !errors.Is(err, io.EOF) {
		return fail(1, 1, "not valid YAML: "+err.Error(), "")
	}

	if n := expandedSize(&root, map[*yaml.Node]int{}); n > maxNodes {
		return fail(1, 1, fmt.Sprintf("file expands to more than %d values through aliases", maxNodes), "this looks like a YAML bomb; a model file needs no deeply nested aliases (*name)")
	}
	d := &decoder{file: name, pos: map[string]Pos{}}
	m := &Model{}
	body := &root
	if body.Kind == yaml.DocumentNode && len(body.Content) == 1 {
		body = body.Content[0]
	}
	d.pos[""] = Pos{body.Line, body.Column}
	d.decode(body, reflect.ValueOf(m).Elem(), "")
	doc := &Doc{File: name, Model: m, Pos: d.pos}
	if ps := append(d.problems, encoding...); len(ps) > 0 {
		return doc, ps.sorted()
	}
	return doc, nil
}

// expandedSize counts the nodes a full expansion of aliases would visit,
// without expanding them, stopping early once past the cap.
func expandedSize(n *yaml.Node, memo map[*yaml.Node]int) int {
	if v, ok := memo[n]; ok {
		return v
	}
	memo[n] = maxNodes + 1 // a cycle counts as too large
	size := 1
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		size += expandedSize(n.Alias, memo)
	}
	for _, c := range n.Content {
		size += expandedSize(c, memo)
		if size > maxNodes {
			break
		}
	}
	memo[n] = size
	return size
}

// UTF8Problems places each line's first byte that is not UTF-8, the column
// counted in characters as everywhere else (a stray byte counts as one).
func UTF8Problems(name string, data []byte) Problems {
	if utf8.Valid(data) {
		return nil
	}
	var ps Problems
	for i, line := range bytes.Split(data, []byte("\n")) {
		col := 1
		for rest := line; len(rest) > 0; col++ {
			r, size := utf8.DecodeRune(rest)
			if r == utf8.RuneError && size == 1 {
				ps = append(ps, Problem{File: name, Line: i + 1, Col: col, Msg: fmt.Sprintf("byte 0x%02X is not UTF-8", rest[0]), Hint: "save the file as UTF-8"})
				break
			}
			rest = rest[size:]
		}
		if len(ps) >= 20 {
			break
		}
	}
	return ps
}

// replaceInvalidUTF8 puts U+FFFD, one character, for each byte that is not
// UTF-8 (bytes.ToValidUTF8 puts one for a run, which would move columns).
func replaceInvalidUTF8(data []byte) []byte {
	out := make([]byte, 0, len(data)+16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, data[:size]...)
		}
		data = data[size:]
	}
	return out
}

// scanLines catches what the YAML parser reports badly: merge-conflict
// markers and tab indentation.
func scanLines(name string, data []byte) Problems {
	var ps Problems
	for i, line := range bytes.Split(data, []byte("\n")) {
		n := i + 1
		for _, marker := range []string{"<<<<<<< ", "=======", ">>>>>>> "} {
			if bytes.HasPrefix(line, []byte(marker)) || (marker == "=======" && bytes.Equal(bytes.TrimRight(line, "\r"), []byte(marker))) {
				ps = append(ps, Problem{File: name, Line: n, Col: 1, Msg: "merge-conflict marker " + strings.TrimSpace(marker),
					Hint: "resolve the conflict (keep both sides' decisions), then run `threatmap validate`"})
			}
		}
		indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		if j := bytes.IndexByte(indent, '\t'); j >= 0 && len(bytes.TrimSpace(line)) > 0 {
			ps = append(ps, Problem{File: name, Line: n, Col: j + 1, Msg: "tab used for indentation", Hint: "YAML indents with spaces only"})
		}
		if len(ps) >= 20 {
			break
		}
	}
	return ps
}

type decoder struct {
	file     string
	pos      map[string]Pos
	problems Problems
	visited  int
	tooDeep  bool
}

func (d *decoder) errorf(n *yaml.Node, hint, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

var (
	dateType     = reflect.TypeOf(Date{})
	durationType = reflect.TypeOf(Duration{})
	evidenceType = reflect.TypeOf(Evidence{})
	strideType   = reflect.TypeOf(Stride{})
)

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return "a value"
	}
	return "something else"
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	d.visited++
	if d.visited > maxNodes {
		if !d.tooDeep {
			d.tooDeep = true
			d.errorf(n, "remove the aliases (*name) that expand into each other", "file expands to more than %d values", maxNodes)
		}
		return
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if path != "" {
		d.pos[path] = Pos{n.Line, n.Column}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" && v.Kind() != reflect.Struct {
		return // an empty value is the zero value; Validate says if it is required
	}
	switch v.Type() {
	case dateType:
		if d.scalar(n, path, "a date") {
			t, err := ParseDate(n.Value)
			if err != nil {
				d.errorf(n, "dates look like 2026-03-31", "%s: %v", path, err)
				return
			}
			v.Set(reflect.ValueOf(t))
		}
		return
	case durationType:
		if d.scalar(n, path, "an interval") {
			t, err := ParseDuration(n.Value)
			if err != nil {
				d.errorf(n, "", "%s: %v", path, err)
				return
			}
			v.Set(reflect.ValueOf(t))
		}
		return
	case evidenceType:
		if n.Kind == yaml.MappingNode {
			var e struct {
				File string `yaml:"file"`
				Line int    `yaml:"line"`
			}
			d.decode(n, reflect.ValueOf(&e).Elem(), path)
			v.Set(reflect.ValueOf(Evidence{File: e.File, Line: e.Line}))
			return
		}
		if d.scalar(n, path, "file:line") {
			e, err := ParseEvidence(n.Value)
			if err != nil {
				d.errorf(n, "evidence is file:line, like backend/app.py:42", "%s: %v", path, err)
				return
			}
			v.Set(reflect.ValueOf(e))
		}
		return
	case strideType:
		d.decodeStride(n, v, path)
		return
	}

	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "write a list with one `- item` per line", "%s: expected a list, found %s", path, kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case reflect.String:
		if d.scalar(n, path, "text") {
			v.SetString(n.Value)
		}
	case reflect.Int:
		if d.scalar(n, path, "a number") {
			i, err := strconv.Atoi(n.Value)
			if err != nil {
				d.errorf(n, "", "%s: %q is not a whole number", path, n.Value)
				return
			}
			v.SetInt(int64(i))
		}
	case reflect.Bool:
		if d.scalar(n, path, "true or false") {
			switch strings.ToLower(n.Value) {
			case "true", "yes":
				v.SetBool(true)
			case "false", "no":
				v.SetBool(false)
			default:
				d.errorf(n, "", "%s: %q is not true or false", path, n.Value)
			}
		}
	default:
		d.errorf(n, "", "%s: cannot hold this value", path)
	}
}

func (d *decoder) scalar(n *yaml.Node, path, want string) bool {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "", "%s: expected %s, found %s", path, want, kindName(n))
		return false
	}
	return true
}

// decodeStride accepts a list of letters ([S, T]) or one word ("ST").
func (d *decoder) decodeStride(n *yaml.Node, v reflect.Value, path string) {
	var raw []string
	switch n.Kind {
	case yaml.ScalarNode:
		for _, r := range strings.ToUpper(strings.ReplaceAll(n.Value, ",", "")) {
			if r != ' ' {
				raw = append(raw, string(r))
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			for c.Kind == yaml.AliasNode {
				c = c.Alias
			}
			if c.Kind != yaml.ScalarNode {
				d.errorf(c, "", "%s: expected a STRIDE letter, found %s", path, kindName(c))
				return
			}
			raw = append(raw, strings.ToUpper(strings.TrimSpace(c.Value)))
		}
	default:
		d.errorf(n, "write the letters as a list: [S, T]", "%s: expected STRIDE letters, found %s", path, kindName(n))
		return
	}
	seen := map[string]bool{}
	for _, l := range raw {
		if !strings.Contains("STRIDE", l) || len(l) != 1 {
			d.errorf(n, "the six letters are S T R I D E (spoofing, tampering, repudiation, information disclosure, denial of service, elevation of privilege)", "%s: %q is not a STRIDE letter", path, l)
			return
		}
		seen[l] = true
	}
	var out Stride
	for _, l := range StrideLetters {
		if seen[l] {
			out = append(out, l)
		}
	}
	v.Set(reflect.ValueOf(out))
}

func yamlKey(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		what := "this section"
		if path != "" {
			what = path
		}
		d.errorf(n, "", "%s: expected a mapping of key: value, found %s", what, kindName(n))
		return
	}
	t := v.Type()
	fields := map[string]int{}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if !t.Field(i).IsExported() || t.Field(i).Tag.Get("yaml") == "-" {
			continue
		}
		k := yamlKey(t.Field(i))
		fields[k] = i
		keys = append(keys, k)
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key := kn.Value
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		if kn.Kind != yaml.ScalarNode {
			d.errorf(kn, "", "%s: keys must be plain words", path)
			continue
		}
		if seen[key] {
			d.errorf(kn, "remove one of them", "%s: key %q appears twice", orRoot(path), key)
			continue
		}
		seen[key] = true
		fi, ok := fields[key]
		if !ok {
			hint := "known keys here: " + strings.Join(keys, ", ")
			if c := closest(key, keys); c != "" {
				hint = fmt.Sprintf("did you mean %q?", c)
			}
			d.errorf(kn, hint, "%s: unknown key %q", orRoot(path), key)
			continue
		}
		d.decode(vn, v.Field(fi), sub)
	}
}

func orRoot(path string) string {
	if path == "" {
		return "top level"
	}
	return path
}
