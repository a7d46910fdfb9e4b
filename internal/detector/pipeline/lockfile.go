package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// Lockfiles finds dependency manifests that install whatever version is
// newest on the day: a package.json, pyproject.toml or Pipfile with
// dependencies and no lockfile, and requirements files with unpinned lines.
// A lockfile in the manifest's folder or any folder above it counts, since
// workspaces (npm, yarn, pnpm, uv) keep one lockfile at their root.
type Lockfiles struct {
	mu        sync.Mutex
	locks     map[string][]string // folder → lockfile names seen there
	manifests []manifest
	pinnedReq map[string]bool // folders with a fully pinned requirements file
}

type manifest struct {
	file, ecosystem string
	line            int
}

// NewLockfiles returns a lockfile detector for one scan.
func NewLockfiles() *Lockfiles {
	return &Lockfiles{locks: map[string][]string{}, pinnedReq: map[string]bool{}}
}

// Name implements detector.Detector.
func (*Lockfiles) Name() string { return "pipeline/lockfile" }

var nodeLocks = []string{"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock"}
var pythonLocks = []string{"poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock", "pylock.toml"}

var lockNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range append(append([]string{}, nodeLocks...), pythonLocks...) {
		m[n] = true
	}
	return m
}()

// Match records lockfiles by path alone (bun.lockb is binary and lockfiles
// can be large: none needs reading) and takes the manifests, which do.
func (l *Lockfiles) Match(p string) bool {
	base := path.Base(p)
	if lockNames[base] {
		l.mu.Lock()
		l.locks[path.Dir(p)] = append(l.locks[path.Dir(p)], base)
		l.mu.Unlock()
		return false
	}
	return base == "package.json" || base == "pyproject.toml" || base == "Pipfile" || isRequirements(base)
}

func isRequirements(base string) bool {
	return strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt")
}

// Detect reads one manifest.
func (l *Lockfiles) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	base := path.Base(f.Path)
	switch {
	case isRequirements(base):
		unpinned, total := unpinnedRequirements(f.Data)
		if len(unpinned) == 0 {
			if total > 0 {
				l.mu.Lock()
				l.pinnedReq[path.Dir(f.Path)] = true
				l.mu.Unlock()
			}
			return nil
		}
		names := make([]string, len(unpinned))
		ev := make([]facts.Evidence, len(unpinned))
		for i, u := range unpinned {
			names[i], ev[i] = u.name, facts.Evidence{File: f.Path, Line: u.line}
		}
		out.AddPipeline(facts.Pipeline{
			ID:       detector.ID("pipeline", "unpinned-requirements", f.Path),
			Kind:     "unpinned-requirements",
			Detail:   fmt.Sprintf("%s: %d of %d requirements not pinned with == (%s)", f.Path, len(unpinned), total, strings.Join(names, ", ")),
			Evidence: ev,
		})
		return nil
	case base == "package.json":
		has, line, err := nodeDependencies(f.Data)
		if err != nil {
			out.Warn(f.Path, "cannot parse package.json: "+err.Error())
			return nil
		}
		if has {
			l.addManifest(manifest{f.Path, "node", line})
		}
	default:
		has, err := pythonDependencies(base, f.Data)
		if err != nil {
			out.Warn(f.Path, "cannot parse "+base+": "+err.Error())
			return nil
		}
		if has {
			l.addManifest(manifest{f.Path, "python", 1})
		}
	}
	return nil
}

func (l *Lockfiles) addManifest(m manifest) {
	l.mu.Lock()
	l.manifests = append(l.manifests, m)
	l.mu.Unlock()
}

// Finish reports manifests that no lockfile covers.
func (l *Lockfiles) Finish(_ context.Context, out *detector.Sink) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	sort.Slice(l.manifests, func(i, j int) bool { return l.manifests[i].file < l.manifests[j].file })
	for _, m := range l.manifests {
		want := nodeLocks
		if m.ecosystem == "python" {
			want = pythonLocks
			if l.pinnedReq[path.Dir(m.file)] {
				continue // a pinned requirements.txt beside it is the lock
			}
		}
		if l.covered(path.Dir(m.file), want) {
			continue
		}
		out.AddPipeline(facts.Pipeline{
			ID:       detector.ID("pipeline", "missing-lockfile", m.file),
			Kind:     "missing-lockfile",
			Detail:   m.file + ": dependencies without a lockfile (" + strings.Join(want, ", ") + "); every install takes the newest versions",
			Evidence: []facts.Evidence{{File: m.file, Line: m.line}},
		})
	}
	return nil
}

// covered reports a lockfile of the ecosystem in dir or any folder above.
func (l *Lockfiles) covered(dir string, want []string) bool {
	for {
		for _, n := range l.locks[dir] {
			for _, w := range want {
				if n == w {
					return true
				}
			}
		}
		if dir == "." || dir == "/" || dir == "" {
			return false
		}
		dir = path.Dir(dir)
	}
}

// nodeDependencies reports whether a package.json declares packages to
// install, and the line of the first dependency block.
func nodeDependencies(data []byte) (bool, int, error) {
	var pkg map[string]json.RawMessage
	if err := json.Unmarshal(data, &pkg); err != nil {
		return false, 0, err
	}
	// Development tools only, and no script that runs them in a build or
	// a start (a formatter a developer runs by hand): nothing installed
	// from it is built into or run by the app.
	toolsOnly := !nonEmptyObject(pkg["dependencies"]) && !nonEmptyObject(pkg["optionalDependencies"]) && !nonEmptyObject(pkg["scripts"])
	for _, key := range []string{"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"} {
		raw, ok := pkg[key]
		if !ok || key == "peerDependencies" || key == "devDependencies" && toolsOnly {
			continue
		}
		var deps map[string]any
		if json.Unmarshal(raw, &deps) == nil && len(deps) > 0 {
			return true, lineOf(data, `"`+key+`"`), nil
		}
	}
	return false, 0, nil
}

// nonEmptyObject: raw is a JSON object with at least one key.
func nonEmptyObject(raw json.RawMessage) bool {
	var m map[string]any
	return raw != nil && json.Unmarshal(raw, &m) == nil && len(m) > 0
}

func lineOf(data []byte, needle string) int {
	i := bytes.Index(data, []byte(needle))
	if i < 0 {
		return 1
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// pythonDependencies reports whether a pyproject.toml or Pipfile declares
// packages to install (a pyproject.toml may only configure tools).
func pythonDependencies(base string, data []byte) (bool, error) {
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return false, tomlError(err)
	}
	nonEmpty := func(v any) bool {
		switch x := v.(type) {
		case []any:
			return len(x) > 0
		case map[string]any:
			n := len(x)
			if _, ok := x["python"]; ok {
				n-- // poetry's python = "^3.11" is not a package
			}
			return n > 0
		}
		return false
	}
	table := func(v any) map[string]any { m, _ := v.(map[string]any); return m }
	if base == "Pipfile" {
		return nonEmpty(doc["packages"]) || nonEmpty(doc["dev-packages"]), nil
	}
	project := table(doc["project"])
	poetry := table(table(doc["tool"])["poetry"])
	if nonEmpty(project["dependencies"]) || nonEmpty(poetry["dependencies"]) {
		return true, nil
	}
	for _, group := range table(doc["dependency-groups"]) {
		if nonEmpty(group) {
			return true, nil
		}
	}
	return false, nil
}

// tomlError keeps go-toml's position and drops the rest.
func tomlError(err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return fmt.Errorf("line %d column %d: %s", row, col, de.Error())
	}
	return err
}

type requirement struct {
	name string
	line int
}

var reqName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*`)

// unpinnedRequirements lists the requirements not pinned to one version
// with == or ===, and how many requirements there are. Options (-r, -e,
// --hash), URLs, local paths and "name @ url" references are not counted.
func unpinnedRequirements(data []byte) ([]requirement, int) {
	var out []requirement
	total := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	lineNo, cont := 0, false
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		wasCont := cont
		cont = strings.HasSuffix(strings.TrimSpace(line), "\\")
		if wasCont {
			continue // a continuation (--hash=...) of the line above
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), "\\"))
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "-") || strings.Contains(line, "://") ||
			strings.HasPrefix(line, ".") || strings.HasPrefix(line, "/") {
			continue
		}
		spec, _, _ := strings.Cut(line, ";") // environment markers
		name := reqName.FindString(spec)
		if name == "" {
			continue
		}
		rest := strings.TrimSpace(spec[len(name):])
		if strings.HasPrefix(rest, "[") { // extras
			if i := strings.Index(rest, "]"); i >= 0 {
				rest = strings.TrimSpace(rest[i+1:])
			}
		}
		if strings.HasPrefix(rest, "@") {
			continue // a direct reference pins by URL
		}
		total++
		if pinned(rest) {
			continue
		}
		out = append(out, requirement{name, lineNo})
	}
	return out, total
}

func pinned(spec string) bool {
	if !strings.HasPrefix(spec, "==") || strings.Contains(spec, ",") {
		return false
	}
	v := strings.TrimLeft(spec, "=")
	return v != "" && !strings.Contains(v, "*")
}
