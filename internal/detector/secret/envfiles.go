package secret

import (
	"bytes"
	"context"
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

// envHygiene is what the Finish step needs to know about .env files.
type envHygiene struct {
	gitignore  bool // a root .gitignore exists
	ignoresEnv bool // and it ignores .env
	envFiles   []facts.Evidence
	reader     *facts.Evidence // the first file (by path) that reads the environment
}

func (d *Detector) observeEnv(f *detector.File) {
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
