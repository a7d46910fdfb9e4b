package process

import (
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// DefaultStaticLimit is how many files ListStatic lists per mount: enough
// for an app's own pages, scripts and images; a folder of thousands of
// generated assets is counted in a warning instead.
const DefaultStaticLimit = 300

// projectMarkers are files that make a folder a program's root: a
// process started for that program runs there, so a folder named
// relative to the working folder is looked for no higher.
var projectMarkers = []string{"go.mod", "package.json", "pyproject.toml", "setup.py", "setup.cfg", "manage.py", "requirements.txt", "Pipfile"}

// ListStatic lists, as routes of their own in f.StaticFiles, the files
// each static mount of f.Surfaces serves (Route.Served), when its folder
// resolves to one the walk went into: files are the paths the walk
// passed (its skip and .gitignore rules, no link followed), so nothing
// outside the tree or outside the folder is listed. A mount whose folder
// does not resolve keeps its one route. At most limit files per mount
// (<= 0: DefaultStaticLimit); the rest are counted in a warning.
func ListStatic(f *facts.Facts, files []string, limit int) {
	if limit <= 0 {
		limit = DefaultStaticLimit
	}
	var mounts []int
	for i, r := range f.Surfaces {
		if r.Served != nil {
			mounts = append(mounts, i)
		}
	}
	if len(mounts) == 0 {
		return
	}
	// Sorted: the walk's order puts a folder's files before a sibling
	// file whose name sorts first.
	t := tree(slices.Clone(files))
	slices.Sort(t)
	originals := serverFiles(t)
	taken, drop := map[string]string{}, map[string]bool{}
	for _, r := range f.Surfaces {
		taken[r.ID] = r.File
	}
	for _, i := range mounts {
		m := f.Surfaces[i]
		dir, ok := t.resolve(m.File, m.Served)
		if !ok {
			if m.Served.IfPresent {
				drop[m.ID] = true
			}
			continue
		}
		mount := mountBase(m.Path)
		base := mount
		if m.Served.HasURL {
			base = m.Served.URL
		}
		listed, more := 0, 0
		for _, file := range t.under(dir) {
			rel := strings.TrimPrefix(file, dir+"/")
			if dir == "." {
				rel = file
			}
			if !m.Served.Dotfiles && hidden(rel) {
				continue
			}
			p := path.Join("/", base, rel)
			if m.Served.HasURL && !under(p, mount) {
				continue // the URL is not one the mount receives
			}
			// As DedupeRoutes: a route of the mount's file at this path
			// wins; one of another file (another program of the tree)
			// leaves this file's its own id.
			id := detector.RouteID("GET", p)
			if file, ok := taken[id]; ok {
				if file == m.File {
					continue
				}
				id = detector.ID("route", "GET", p, m.File)
				if _, dup := taken[id]; dup {
					continue
				}
			}
			if listed == limit {
				more++
				continue
			}
			taken[id] = m.File
			listed++
			f.StaticFiles = append(f.StaticFiles, facts.Route{
				ID: id, Kind: m.Kind, Method: "GET", Path: p, Framework: m.Framework,
				File: m.File, Line: m.Line, Handler: m.Handler,
				Auth: m.Auth, AuthEvidence: m.AuthEvidence, AuthRole: m.AuthRole,
				Params: []facts.Param{}, Tags: staticFileTags(m.Tags, originals.copied(file, dir)), Middleware: m.Middleware,
				Condition: m.Condition, StaticMount: m.ID, StaticFile: file,
			})
		}
		if more > 0 {
			f.Warnings = append(f.Warnings, facts.Warning{File: m.File, Line: m.Line, Kind: facts.WarnStaticCapped,
				Message: "static folder " + dir + " serves " + strconv.Itoa(listed+more) + " files at " + m.Path +
					"; the scan lists the first " + strconv.Itoa(listed)})
		}
	}
	if len(drop) > 0 {
		f.Surfaces = slices.DeleteFunc(f.Surfaces, func(r facts.Route) bool { return drop[r.ID] })
	}
}

func staticFileTags(mount []string, serverCopy bool) []string {
	tags := append([]string{}, mount...)
	tags = append(tags, facts.TagStaticFile)
	if serverCopy {
		tags = append(tags, facts.TagServerFileCopy)
	}
	sort.Strings(tags)
	return tags
}

// hidden says a path has a segment that begins with a dot: servers that
// ignore dotfiles by default (serve-static, send) answer 404 for it.
func hidden(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// under says URL path p is prefix or below it.
func under(p, prefix string) bool {
	prefix = strings.TrimSuffix(prefix, "/")
	return prefix == "" || p == prefix || strings.HasPrefix(p, prefix+"/")
}

// mountBase is a mount's path without the parameter that stands for the
// file, its last segment (/assets/*filepath, /static/<path:filename>,
// Flask's /static/{filename}, /files/{path...}).
func mountBase(p string) string {
	dir, last := path.Split(p)
	if last != "" && strings.ContainsAny(last[:1], "*{<:") {
		return dir
	}
	return p
}

// tree is the walk's files, sorted.
type tree []string

// under is the files below dir ("." is every file).
func (t tree) under(dir string) []string {
	if dir == "." {
		return t
	}
	lo := sort.SearchStrings(t, dir+"/")
	hi := lo
	for hi < len(t) && strings.HasPrefix(t[hi], dir+"/") {
		hi++
	}
	return t[lo:hi]
}

func (t tree) has(file string) bool {
	i := sort.SearchStrings(t, file)
	return i < len(t) && t[i] == file
}

// resolve finds the folder a mount registered in file serves: beside the
// file when the code says so, otherwise the working folder's, looked for
// in its program's root (the nearest folder above with a project marker)
// first, then from the file's folder up to that root, or to the tree's
// when there is none. An absolute folder or one that leaves the tree is not in it.
func (t tree) resolve(file string, s *facts.Served) (string, bool) {
	d := strings.TrimSpace(s.Dir)
	if d == "" || path.IsAbs(d) || strings.Contains(d, `\`) || len(d) > 1 && d[1] == ':' {
		return "", false
	}
	in := func(b string) (string, bool) {
		c := path.Join(b, d)
		if c == ".." || strings.HasPrefix(c, "../") {
			return "", false
		}
		return c, len(t.under(c)) > 0
	}
	b := path.Dir(file)
	if s.InFile && s.From != "" {
		b = path.Dir(s.From)
	}
	if s.InFile {
		return in(b)
	}
	// The program's root is where it is usually started from (npm start,
	// go run ., the project's folder): tried first, then each folder from
	// the file's up to it.
	var folders []string
	for d := b; ; d = path.Dir(d) {
		folders = append(folders, d)
		if d == "." || t.root(d) {
			break
		}
	}
	if root := folders[len(folders)-1]; t.root(root) {
		folders = append([]string{root}, folders...)
	}
	for _, d := range folders {
		if c, ok := in(d); ok {
			return c, true
		}
	}
	return "", false
}

// root says folder b holds a program's root marker.
func (t tree) root(b string) bool {
	for _, m := range projectMarkers {
		if t.has(path.Join(b, m)) {
			return true
		}
	}
	return false
}

// serverExts are the extensions of files a server reads and a browser
// never needs: settings and server code. A copy of one in a static folder
// was meant for the server.
var serverExts = map[string]bool{
	".json": true, ".yml": true, ".yaml": true, ".xml": true, ".config": true, ".ini": true, ".env": true,
	".properties": true, ".toml": true, ".conf": true, ".cfg": true,
	".php": true, ".py": true, ".rb": true, ".cs": true, ".java": true, ".go": true,
}

// originalsByName is the tree's settings and server-code files by base name.
type originalsByName map[string][]string

func serverFiles(t tree) originalsByName {
	o := originalsByName{}
	for _, f := range t {
		if b := path.Base(f); serverExts[strings.ToLower(path.Ext(b))] {
			o[b] = append(o[b], f)
		}
	}
	return o
}

// copied says the static file file, in the served folder dir, is another
// name for a settings or server-code file outside dir: that name with
// something added after it (config.php.bak, .env.old, settings.json~) or
// before its extension (appsettings_backup.json, config-old.yml).
func (o originalsByName) copied(file, dir string) bool {
	n := path.Base(file)
	outside := func(cand string) bool {
		if cand == n || cand == "" || cand[0] == '.' && len(cand) == 1 {
			return false
		}
		for _, f := range o[cand] {
			if dir != "." && !strings.HasPrefix(f, dir+"/") {
				return true
			}
		}
		return false
	}
	for k := 1; k < len(n); k++ {
		if strings.IndexByte(".~_- ", n[k]) >= 0 && outside(n[:k]) {
			return true
		}
	}
	ext := path.Ext(n)
	stem := n[:len(n)-len(ext)]
	for k := 1; k < len(stem); k++ {
		if strings.IndexByte("._- ", stem[k]) >= 0 && outside(stem[:k]+ext) {
			return true
		}
	}
	return false
}
