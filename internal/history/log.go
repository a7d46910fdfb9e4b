package history

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/threatmap/threatmap/internal/gitsafe"
)

// commitMarker starts each commit's header in the log format history asks
// git for: "commit <hash>\n", then the commit's raw entries.
const commitMarker = "commit "

// change is one file a commit added or changed, from git log --raw -z:
// ":<old mode> <new mode> <old oid> <new oid> <status>" NUL "<path>" NUL
// (two paths for a copy or rename).
type change struct {
	commit           string
	oldMode, newMode string
	oldOID, newOID   string
	status           byte
	path             string
}

// logParser reads git log -z --raw output by its structure: a raw entry's
// paths are the fields after it, whatever they contain, so no file name
// or file content can pass for a header.
type logParser struct {
	r       *bufio.Reader
	commit  string
	commits int
}

// next returns the next change, or io.EOF after the last.
func (p *logParser) next() (change, error) {
	for {
		tok, err := gitsafe.ReadToken(p.r)
		if err != nil {
			return change{}, err
		}
		if tok == "" {
			continue // the end of one commit's entries
		}
		if rest, ok := strings.CutPrefix(tok, commitMarker); ok {
			hash, raw, _ := strings.Cut(rest, "\n")
			if !gitsafe.ValidOID(hash) {
				return change{}, fmt.Errorf("git log: unexpected commit header %q", clip(tok))
			}
			if hash != p.commit {
				p.commits++ // a merge's diffs against each parent repeat the header
			}
			p.commit = hash
			if raw == "" {
				continue
			}
			tok = raw
		}
		if p.commit == "" {
			return change{}, fmt.Errorf("git log: entry before any commit: %q", clip(tok))
		}
		c, paths, err := parseRaw(tok)
		if err != nil {
			return change{}, err
		}
		c.commit = p.commit
		for i := 0; i < paths; i++ {
			path, err := gitsafe.ReadToken(p.r)
			if errors.Is(err, io.EOF) || err == nil && path == "" {
				return change{}, fmt.Errorf("git log: entry %q has no path", clip(tok))
			}
			if err != nil {
				return change{}, err
			}
			c.path = path // of a rename or copy, the second: the new name
		}
		return c, nil
	}
}

// parseRaw reads a raw entry's header and says how many paths follow.
func parseRaw(tok string) (change, int, error) {
	f := strings.Split(strings.TrimPrefix(tok, ":"), " ")
	if !strings.HasPrefix(tok, ":") || len(f) != 5 || !gitsafe.ValidMode(f[0]) || !gitsafe.ValidMode(f[1]) ||
		!gitsafe.ValidOID(f[2]) || !gitsafe.ValidOID(f[3]) || f[4] == "" {
		return change{}, 0, fmt.Errorf("git log: unexpected entry %q", clip(tok))
	}
	c := change{oldMode: f[0], newMode: f[1], oldOID: f[2], newOID: f[3], status: f[4][0]}
	switch c.status {
	case 'R', 'C':
		return c, 2, nil
	case 'A', 'M', 'T', 'D', 'U', 'X':
		return c, 1, nil
	}
	return change{}, 0, fmt.Errorf("git log: unexpected status in %q", clip(tok))
}

func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}
