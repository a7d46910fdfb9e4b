package check

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/source"
)

// ConfigFile is the check configuration's name at the scanned root.
const ConfigFile = "threatmap-check.yaml"

// maxConfigSize caps the config file: it is a few lines.
const maxConfigSize = 1 << 20

// Off is the level that turns a kind of finding off.
const Off = "off"

// Never is the fail-on value that never fails the check.
const Never = "never"

// Config is threatmap-check.yaml: how strict check is for this repository.
type Config struct {
	// File names the config in findings (relative to the scanned root).
	File string
	// FailOn is the lowest level that fails the check; "" leaves the
	// default (or the --fail-on flag) in charge.
	FailOn string
	// Levels changes a kind's level, or turns it off.
	Levels map[string]string
	Ignore []Ignore
	// Exclude is paths the scan skips, in .gitignore syntax.
	Exclude []string
	// Roles say where the code under some paths runs, where the path
	// conventions guess wrong (a worker under scripts/ that production
	// runs, a deploy folder of release scripts): in file order, the last
	// pattern that matches a path decides.
	Roles []RolePattern
	// Auth names auth guards and public routes the analysis cannot see
	// (auth: {guards: [...], public: [...]}); nil when the file has none.
	Auth *route.Taught
}

// Taught is what the file teaches the scan about auth, naming the file as
// it is named in findings. A nil config, or one without auth:, teaches
// nothing.
func (c *Config) Taught() *route.Taught {
	if c == nil || c.Auth == nil {
		return nil
	}
	c.Auth.File = c.File
	return c.Auth
}

// RolePattern gives the files a .gitignore-style pattern matches a role.
type RolePattern struct {
	Kind    lang.Kind
	Pattern string
	Line    int // where it is written
	pattern gitignore.Pattern
}

// Role is where the code of path runs as the roles say, and whether any
// pattern matched. A nil config matches nothing.
func (c *Config) Role(path string) (lang.Role, bool) {
	if c == nil {
		return lang.Role{}, false
	}
	parts := strings.Split(path, "/")
	for i := len(c.Roles) - 1; i >= 0; i-- {
		if matchesPath(c.Roles[i].pattern, parts) {
			return lang.Configured(c.Roles[i].Kind, c.File), true
		}
	}
	return lang.Role{}, false
}

// matchesPath says whether a pattern matches a file or a folder above it
// ("legacy/").
func matchesPath(p gitignore.Pattern, parts []string) bool {
	for i := 1; i <= len(parts); i++ {
		if p.Match(parts[:i], i < len(parts)) == gitignore.Exclude {
			return true
		}
	}
	return false
}

// Ignore hides the findings it matches: every field set must match.
type Ignore struct {
	Kind   string
	Path   string // a .gitignore-style glob over the finding's file
	ID     string // the model item's id (a glob: "idor.*"), or the finding's fingerprint
	Reason string
	Until  model.Date // zero: no end
	Line   int        // where the entry is, for findings about it
	Col    int

	path gitignore.Pattern
}

// LoadConfig reads and validates a config file a person named: links are
// followed, but only a regular file of at most 1 MiB is read. Its error,
// when the file is wrong, is model.Problems: every problem with
// file:line:col.
func LoadConfig(path string) (*Config, error) {
	return loadConfig(path, source.ReadNamed)
}

// LoadConfigIn is LoadConfig for the scanned folder root: a path inside it
// is read as the walk reads the tree (no symbolic link, a regular file).
func LoadConfigIn(root, path string) (*Config, error) {
	return loadConfig(path, func(path string, maxSize int64) ([]byte, error) {
		return source.ReadInput(root, path, maxSize)
	})
}

func loadConfig(path string, read func(string, int64) ([]byte, error)) (*Config, error) {
	data, err := read(path, maxConfigSize)
	if errors.Is(err, source.ErrTooLarge) {
		return nil, model.Problems{tooLarge(path)}
	}
	if err != nil {
		return nil, err
	}
	return ParseConfig(path, data)
}

func tooLarge(name string) model.Problem {
	return model.Problem{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf("file is larger than %d MiB", maxConfigSize>>20)}
}

// ParseConfig decodes a config strictly: unknown keys, unknown kinds and
// levels, ignores without a reason and malformed dates are errors.
func ParseConfig(name string, data []byte) (*Config, error) {
	p := &configParser{file: name}
	c := &Config{File: name, Levels: map[string]string{}}
	if len(data) > maxConfigSize {
		return nil, model.Problems{tooLarge(name)}
	}
	if ps := model.UTF8Problems(name, data); len(ps) > 0 {
		return nil, ps // yaml.v3 would say where only as line 1
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil // an empty file configures nothing
		}
		return nil, model.Problems{model.SyntaxProblem(name, data, err)}
	}
	body := &root
	if body.Kind == yaml.DocumentNode && len(body.Content) == 1 {
		body = body.Content[0]
	}
	if body.Kind == yaml.ScalarNode && body.Tag == "!!null" {
		return c, nil
	}
	p.mapping(body, "", []string{"fail-on", "levels", "ignore", "exclude", "roles", "auth"}, func(key string, v *yaml.Node) {
		switch key {
		case "fail-on":
			if s, ok := p.oneOf(v, key, Error, Warning, Note, Never); ok {
				c.FailOn = s
			}
		case "levels":
			p.mapping(v, "levels", nil, func(kind string, lv *yaml.Node) {
				if _, ok := KindByID(kind); !ok {
					return
				}
				if s, ok := p.oneOf(lv, "levels."+kind, Error, Warning, Note, Off); ok {
					c.Levels[kind] = s
				}
			})
		case "ignore":
			p.sequence(v, key, func(i int, item *yaml.Node) {
				if ig, ok := p.ignore(item, fmt.Sprintf("ignore[%d]", i)); ok {
					c.Ignore = append(c.Ignore, ig)
				}
			})
		case "exclude":
			p.sequence(v, key, func(i int, item *yaml.Node) {
				if s, ok := p.str(item, fmt.Sprintf("exclude[%d]", i)); ok {
					c.Exclude = append(c.Exclude, s)
				}
			})
		case "auth":
			c.Auth = p.auth(v)
		case "roles":
			p.mapping(v, "roles", lang.KindNames(), func(name string, list *yaml.Node) {
				kind, _ := lang.ParseKind(name)
				p.sequence(list, "roles."+name, func(i int, item *yaml.Node) {
					if s, ok := p.str(item, fmt.Sprintf("roles.%s[%d]", name, i)); ok {
						c.Roles = append(c.Roles, RolePattern{Kind: kind, Pattern: s, Line: item.Line, pattern: gitignore.ParsePattern(s, nil)})
					}
				})
			})
		}
	})
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	return c, nil
}

type configParser struct {
	file     string
	problems model.Problems
}

func (p *configParser) errorf(n *yaml.Node, hint, format string, args ...any) {
	p.problems = append(p.problems, model.Problem{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// mapping calls each for every key of n; with known set, other keys are
// errors. Levels pass known nil and check keys themselves (kind ids).
func (p *configParser) mapping(n *yaml.Node, path string, known []string, each func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "", "%s: want a mapping", orTop(path))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if seen[key] {
			p.errorf(k, "", "%s: key %q appears twice", orTop(path), key)
			continue
		}
		seen[key] = true
		candidates := known
		if known == nil {
			candidates = kindIDs()
		}
		if !slices.Contains(candidates, key) {
			hint := "known keys: " + strings.Join(candidates, ", ")
			if c := model.Closest(key, candidates); c != "" {
				hint = fmt.Sprintf("did you mean %q?", c)
			}
			what := "unknown key"
			if known == nil {
				what = "unknown kind"
			}
			p.errorf(k, hint, "%s: %s %q", orTop(path), what, key)
			continue
		}
		each(key, v)
	}
}

func (p *configParser) sequence(n *yaml.Node, path string, each func(i int, item *yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "", "%s: want a list", path)
		return
	}
	for i, item := range n.Content {
		each(i, item)
	}
}

func (p *configParser) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "", "%s: want a value", path)
		return "", false
	}
	return n.Value, true
}

func (p *configParser) oneOf(n *yaml.Node, path string, allowed ...string) (string, bool) {
	s, ok := p.str(n, path)
	if !ok {
		return "", false
	}
	if !slices.Contains(allowed, s) {
		p.errorf(n, "use "+strings.Join(allowed, ", "), "%s: %q is not allowed", path, s)
		return "", false
	}
	return s, true
}

func (p *configParser) ignore(n *yaml.Node, path string) (Ignore, bool) {
	ig := Ignore{Line: n.Line, Col: n.Column}
	before := len(p.problems)
	p.mapping(n, path, []string{"kind", "path", "id", "reason", "until"}, func(key string, v *yaml.Node) {
		s, ok := p.str(v, path+"."+key)
		if !ok {
			return
		}
		switch key {
		case "kind":
			if _, known := KindByID(s); !known {
				hint := ""
				if c := model.Closest(s, kindIDs()); c != "" {
					hint = fmt.Sprintf("did you mean %q?", c)
				}
				p.errorf(v, hint, "%s.kind: unknown kind %q", path, s)
				return
			}
			ig.Kind = s
		case "path":
			ig.Path = s
			ig.path = gitignore.ParsePattern(s, nil)
		case "id":
			if err := validGlob(s); err != nil {
				p.errorf(v, `an id glob takes *, ? and [a-z]; write \* for a literal *`, "%s.id: %q is not a valid glob: %v", path, s, err)
				return
			}
			ig.ID = s
		case "reason":
			ig.Reason = strings.TrimSpace(s)
		case "until":
			d, err := model.ParseDate(s)
			if err != nil {
				p.errorf(v, "", "%s.until: %v", path, err)
				return
			}
			ig.Until = d
		}
	})
	if n.Kind != yaml.MappingNode {
		return ig, false
	}
	if ig.Reason == "" {
		p.errorf(n, "say why it is safe to ignore, for whoever reads this next", "%s: reason is missing", path)
	}
	if ig.Kind == "" && ig.Path == "" && ig.ID == "" && len(p.problems) == before {
		p.errorf(n, "an ignore with none of them would hide every finding", "%s: give kind, path or id", path)
	}
	return ig, len(p.problems) == before
}

// auth reads auth: guards (function names) and public (route patterns).
func (p *configParser) auth(n *yaml.Node) *route.Taught {
	t := &route.Taught{File: p.file}
	p.mapping(n, "auth", []string{"guards", "public"}, func(key string, v *yaml.Node) {
		seen := map[string]bool{}
		p.sequence(v, "auth."+key, func(i int, item *yaml.Node) {
			at := fmt.Sprintf("auth.%s[%d]", key, i)
			s, ok := p.str(item, at)
			if !ok {
				return
			}
			s = strings.TrimSpace(s)
			if seen[s] {
				p.errorf(item, "", "%s: %q is listed twice", at, s)
				return
			}
			seen[s] = true
			switch key {
			case "guards":
				if err := route.ValidGuardName(s); err != nil {
					p.errorf(item, "", "%s: %v", at, err)
					return
				}
				t.Guards = append(t.Guards, route.TaughtGuard{Name: s, Line: item.Line})
			case "public":
				r, err := route.ParsePublic(s)
				if err != nil {
					p.errorf(item, `write "METHOD /path", with * for one path segment and ** for any number`, "%s: %v", at, err)
					return
				}
				r.Line = item.Line
				t.Public = append(t.Public, r)
			}
		})
	})
	return t
}

func kindIDs() []string {
	ids := make([]string, len(Kinds))
	for i, k := range Kinds {
		ids[i] = k.ID
	}
	return ids
}

func orTop(path string) string {
	if path == "" {
		return "top level"
	}
	return path
}

// Apply runs the configuration over the findings, in order: levels (a
// kind's level changed, or the kind off), then ignores (matching findings
// dropped; expired and unused ignores reported), then the report order.
// A nil config only sorts.
func (c *Config) Apply(findings []Finding, now time.Time) []Finding {
	out := findings
	if c != nil {
		out = c.applyLevels(findings)
		out = c.applyIgnores(out, now)
	}
	SortFindings(out)
	return out
}

func (c *Config) level(kind, def string) string {
	if l, ok := c.Levels[kind]; ok {
		return l
	}
	return def
}

func (c *Config) applyLevels(findings []Finding) []Finding {
	out := make([]Finding, 0, len(findings))
	for _, f := range findings {
		f.Level = c.level(f.Kind, f.Level)
		if f.Level != Off {
			out = append(out, f)
		}
	}
	return out
}

func (c *Config) applyIgnores(findings []Finding, now time.Time) []Finding {
	today := model.NewDate(now)
	used := make([]bool, len(c.Ignore))
	expired := make([]bool, len(c.Ignore))
	for i, ig := range c.Ignore {
		expired[i] = !ig.Until.IsZero() && ig.Until.Before(today.Time)
	}
	out := findings[:0:0]
	for _, f := range findings {
		hidden := false
		for i := range c.Ignore {
			if !expired[i] && c.Ignore[i].matches(f) {
				used[i], hidden = true, true
			}
		}
		if !hidden {
			out = append(out, f)
		}
	}
	for i, ig := range c.Ignore {
		switch {
		case expired[i]:
			out = c.add(out, "ignore-expired", ig, fmt.Sprintf("ignore %s expired on %s, so what it hid is reported again (reason given: %s)", ig.describe(), ig.Until, ig.Reason),
				"fix what it hid, or set a later until date in "+c.File+" with a reason that still holds")
		case !used[i]:
			out = c.add(out, "unused-ignore", ig, fmt.Sprintf("unused ignore %s: it matches no finding", ig.describe()),
				"remove it from "+c.File+" so it cannot hide a future finding by accident")
		}
	}
	return out
}

func (c *Config) add(out []Finding, kind string, ig Ignore, msg, fix string) []Finding {
	k, _ := KindByID(kind)
	level := c.level(kind, k.Level)
	if level == Off {
		return out
	}
	h := sha256.Sum256([]byte(strings.Join([]string{kind, ig.Kind, ig.Path, ig.ID}, "\x00")))
	return append(out, Finding{Kind: kind, Level: level, Message: msg, Fix: fix, File: c.File, Line: ig.Line,
		Fingerprint: hex.EncodeToString(h[:8])})
}

func (ig *Ignore) matches(f Finding) bool {
	if ig.Kind != "" && ig.Kind != f.Kind {
		return false
	}
	if ig.ID != "" && !globMatch(ig.ID, f.ID) && ig.ID != f.Fingerprint {
		return false
	}
	if ig.Path != "" {
		if f.File == "" || ig.path == nil {
			return false
		}
		return matchesPath(ig.path, strings.Split(f.File, "/"))
	}
	return true
}

// globMatch matches an id glob: "idor.*" matches every threat the idor
// rule drafted. An empty id (a finding about no item) matches nothing.
func globMatch(glob, id string) bool {
	if id == "" {
		return false
	}
	ok, err := path.Match(glob, id)
	return ok && err == nil
}

func validGlob(glob string) error {
	_, err := path.Match(glob, "")
	return err
}

// describe names an ignore by what it matches.
func (ig *Ignore) describe() string {
	var parts []string
	for _, kv := range [][2]string{{"kind", ig.Kind}, {"path", ig.Path}, {"id", ig.ID}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
