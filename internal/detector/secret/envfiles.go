package secret

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// KindEnvNotIgnored is the pipeline fact for a repository whose root
// .gitignore does not keep .env files out of git while the code reads its
// configuration from the environment (or a .env file is already there).
// It is a Pipeline fact, not a Secret: it names a habit that will leak
// the next secret, and there is no value to redact.
const KindEnvNotIgnored = "env-not-ignored"

// envReads are the ways code reads its environment or a .env file.
var envReads = [][]byte{
	[]byte("process.env"), []byte("import.meta.env"), []byte("os.getenv"), []byte("os.environ"),
	[]byte("os.Getenv"), []byte("os.LookupEnv"), []byte("load_dotenv"), []byte("dotenv"), []byte("Deno.env"),
}

// envLoader is code or configuration that fills the environment from a
// .env file: a dotenv library, Docker Compose's env_file.
var envLoader = regexp.MustCompile(`(?m)\bdotenv\b|\bload_dotenv\b|\bgodotenv\b|\bDotenv::|\bDotNetEnv\b|\bread_env\(|^\s*env_file\s*:`)

// envHygiene is what the Finish step needs to know about .env files.
type envHygiene struct {
	// used is where the tree shows a .env file in use: the file or a
	// template for it, or a loader.
	used       *facts.Evidence
	gitignore  bool // a root .gitignore exists
	ignoresEnv bool // and it ignores .env
	envFiles   []facts.Evidence
	reader     *facts.Evidence // the first file (by path) that reads the environment
}

func (d *Detector) observeEnv(f *detector.File) {
	d.observeEnvUse(f)
	switch {
	case f.Path == ".gitignore":
		ignores := gitignoreIgnoresEnv(f.Data)
		d.mu.Lock()
		d.env.gitignore, d.env.ignoresEnv = true, ignores
		d.mu.Unlock()
	case isDotenvPath(f.Path):
		d.mu.Lock()
		d.env.envFiles = append(d.env.envFiles, facts.Evidence{File: f.Path, Line: 1})
		d.mu.Unlock()
	case isCodePath(f.Path) && !lang.IsTest(f.Path):
		d.mu.Lock()
		known := d.env.reader != nil && d.env.reader.File < f.Path
		d.mu.Unlock()
		if known {
			return
		}
		for _, k := range envReads {
			if i := bytes.Index(f.Data, k); i >= 0 {
				ev := facts.Evidence{File: f.Path, Line: bytes.Count(f.Data[:i], []byte{'\n'}) + 1}
				d.mu.Lock()
				if d.env.reader == nil || ev.File < d.env.reader.File {
					d.env.reader = &ev
				}
				d.mu.Unlock()
				return
			}
		}
	}
}

// observeEnvUse records the first sign (by path) that the app keeps its
// settings in a .env file.
func (d *Detector) observeEnvUse(f *detector.File) {
	var ev *facts.Evidence
	if base := strings.ToLower(path.Base(f.Path)); base == ".env" || strings.HasPrefix(base, ".env.") {
		ev = &facts.Evidence{File: f.Path, Line: 1}
	} else if !lang.IsTest(f.Path) {
		if loc := envLoader.FindIndex(f.Data); loc != nil {
			ev = &facts.Evidence{File: f.Path, Line: bytes.Count(f.Data[:loc[0]], []byte{'\n'}) + 1}
		}
	}
	if ev == nil {
		return
	}
	d.mu.Lock()
	if d.env.used == nil || ev.File < d.env.used.File {
		d.env.used = ev
	}
	d.mu.Unlock()
}

// gitignoreIgnoresEnv reports whether a root .gitignore ignores ".env".
func gitignoreIgnoresEnv(data []byte) bool {
	var ps []gitignore.Pattern
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, nil))
	}
	return gitignore.NewMatcher(ps).Match([]string{".env"}, false)
}

// Finish implements detector.Finisher: it reports .env files that git
// would not ignore.
func (d *Detector) Finish(_ context.Context, out *detector.Sink) error {
	d.mu.Lock()
	env := d.env
	d.mu.Unlock()
	if env.used != nil {
		out.AddControl(facts.Control{Kind: facts.ControlEnvFileUsed, Detail: "settings kept in a .env file", Evidence: []facts.Evidence{*env.used}})
	}
	if env.ignoresEnv || (len(env.envFiles) == 0 && env.reader == nil) {
		return nil
	}
	p := facts.Pipeline{Kind: KindEnvNotIgnored}
	if env.gitignore {
		p.Detail = ".gitignore does not ignore .env: a .env file holding secrets would be committed"
		p.Evidence = append(p.Evidence, facts.Evidence{File: ".gitignore", Line: 1})
	} else {
		p.Detail = "no .gitignore at the root: a .env file holding secrets would be committed"
	}
	p.Evidence = append(p.Evidence, env.envFiles...)
	if env.reader != nil {
		p.Evidence = append(p.Evidence, *env.reader)
	}
	out.AddPipeline(p)
	return nil
}
