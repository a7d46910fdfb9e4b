// Package history finds secrets in a repository's git history: keys that
// were committed and later deleted are still in every clone. For each
// commit it reads the files the commit added or changed, straight from the
// object store, keeps the lines that file did not have before, and runs
// the same secret detector the tree scan uses over them. Only the scanned
// folder's history is read, and git runs through gitsafe: nothing the
// repository configures is ever run.
package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/source"
)

// Options tune the history scan.
type Options struct {
	// Rev is the revision whose history is read; "" is HEAD.
	Rev string
	// MaxFileSize skips file versions larger than this, like the tree
	// scan's cap; 0 is source.DefaultMaxFileSize.
	MaxFileSize int64
}

// Result is what the history holds.
type Result struct {
	// Secrets found, each once, at the commit that first added it, with
	// its line in that commit's version of the file.
	Secrets []facts.Secret
	// Warnings are file versions that could not be read, or history git
	// could not walk to the end; the scan goes on without them.
	Warnings []facts.Warning
	// Commits is how many commits added or changed files in the folder.
	Commits int
	// Folder is the part of the repository read ("" for all of it, else
	// a slash path ending in "/"): history outside it is not read.
	Folder string
}

// Secrets scans every commit reachable from opt.Rev that touches the
// repository's folder with det (the secret detector). Paths are relative to
// the folder, as the tree scan's are.
func Secrets(ctx context.Context, repo *gitsafe.Repo, det detector.Detector, opt Options) (*Result, error) {
	res := &Result{Folder: repo.Prefix}
	rev := opt.Rev
	if rev == "" {
		rev = "HEAD"
	}
	commit, err := repo.Resolve(ctx, rev)
	if err != nil {
		var ge *gitsafe.Error
		if opt.Rev == "" && errors.As(err, &ge) {
			return res, nil // no commit yet: no history
		}
		return nil, err
	}
	maxSize := opt.MaxFileSize
	if maxSize <= 0 {
		maxSize = source.DefaultMaxFileSize
	}
	blobs, err := repo.Blobs(ctx)
	if err != nil {
		return nil, err
	}
	defer blobs.Close()
	s := &scanner{ctx: ctx, det: det, blobs: blobs, max: maxSize, res: res, seen: map[string]bool{}, found: map[string]bool{}}
	args := []string{"log", "-z", "--raw", "--no-abbrev", "--no-renames", "--root", "-m", "--topo-order", "--reverse",
		"--diff-filter=AMT", "--no-notes", "--format=format:" + commitMarker + "%H", "--relative", commit}
	if repo.Prefix != "" {
		// Only commits that touch the folder. (At the top no pathspec is
		// needed, and without one git walks the commits before reading
		// any tree, so a broken tree stops the log only where it is.)
		args = append(args, "--", ".")
	}
	err = repo.Stream(ctx, s.read, args...)
	var ee *gitsafe.ExitError
	if errors.As(err, &ee) {
		// The repository was found and the revision resolved: what stops
		// git log now is a broken or missing object. Keep what was read.
		res.Warnings = append(res.Warnings, facts.Warning{File: repo.Prefix,
			Message: fmt.Sprintf("history: %v after %d commit(s); the rest of the history was not scanned", err, res.Commits)})
		err = nil
	}
	if err != nil {
		return nil, err
	}
	if s.missing > 0 {
		msg := fmt.Sprintf("history: commit %s: the file's content is not in this clone (a partial clone?); not scanned", short(s.firstMissing.commit))
		if s.missing > 1 {
			msg = fmt.Sprintf("history: %d file versions are not in this clone (a partial clone?), the first at commit %s; not scanned", s.missing, short(s.firstMissing.commit))
		}
		res.Warnings = append(res.Warnings, facts.Warning{File: s.firstMissing.path, Message: msg})
	}
	return res, nil
}

type scanner struct {
	ctx   context.Context
	det   detector.Detector
	blobs *gitsafe.Blobs
	max   int64
	res   *Result
	seen  map[string]bool // path and blob already scanned
	found map[string]bool // secrets already reported

	missing      int // file versions the clone lacks
	firstMissing change
}

func (s *scanner) read(out io.Reader) error {
	p := &logParser{r: bufio.NewReaderSize(out, 64<<10)}
	for {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		c, err := p.next()
		if errors.Is(err, io.EOF) {
			s.res.Commits = p.commits
			return nil
		}
		s.res.Commits = p.commits
		if err != nil {
			return err
		}
		if err := s.scan(c); err != nil {
			return err
		}
	}
}

// scan reads one changed file and reports the secrets in its new lines.
func (s *scanner) scan(c change) error {
	if !gitsafe.RegularMode(c.newMode) || !s.det.Match(c.path) {
		return nil
	}
	key := c.path + "\x00" + c.newOID
	if s.seen[key] {
		return nil
	}
	s.seen[key] = true
	data, err := s.blobs.Read(c.newOID, s.max)
	switch {
	case errors.Is(err, gitsafe.ErrTooLarge):
		return nil // as the tree scan skips files over the cap
	case errors.Is(err, gitsafe.ErrMissing):
		if s.missing == 0 {
			s.firstMissing = c
		}
		s.missing++
		return nil
	case err != nil:
		return err
	}
	if gitsafe.Binary(data) {
		return nil
	}
	var before []byte
	if gitsafe.RegularMode(c.oldMode) && !gitsafe.ZeroOID(c.oldOID) {
		// Unreadable or too large: every line counts as new.
		before, _ = s.blobs.Read(c.oldOID, s.max)
	}
	text, lines := addedLines(before, data)
	if len(lines) == 0 {
		return nil
	}
	sink := detector.NewSink()
	_ = s.det.Detect(s.ctx, &detector.File{Path: c.path, Data: text}, sink)
	for _, sec := range sink.Result().Secrets {
		if sec.Line >= 1 && sec.Line <= len(lines) {
			sec.Line = lines[sec.Line-1]
		}
		sec.Commit = c.commit
		// Commits come oldest first: the first sighting is where the
		// secret was introduced.
		k := sec.Rule + "\x00" + sec.File + "\x00" + sec.Variable + "\x00" + sec.Redacted
		if s.found[k] {
			continue
		}
		s.found[k] = true
		s.res.Secrets = append(s.res.Secrets, sec)
	}
	return nil
}

// addedLines returns the lines of after that before does not have, joined
// with newlines, and the line number in after of each.
func addedLines(before, after []byte) ([]byte, []int) {
	had := map[string]bool{}
	forLines(before, func(_ int, line []byte) { had[string(line)] = true })
	var text []byte
	var lines []int
	forLines(after, func(n int, line []byte) {
		if !had[string(line)] {
			text = append(append(text, line...), '\n')
			lines = append(lines, n)
		}
	})
	return text, lines
}

// forLines calls each for every line of data, numbered from 1, without
// its newline.
func forLines(data []byte, each func(n int, line []byte)) {
	for n := 1; len(data) > 0; n++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			each(n, data)
			return
		}
		each(n, data[:i])
		data = data[i+1:]
	}
}

func short(oid string) string {
	if len(oid) > 12 {
		return oid[:12]
	}
	return oid
}
