// Package history finds secrets in a repository's git history: keys that
// were committed and later deleted are still in every clone. It reads the
// lines each commit added, with the same secret detector the tree scan
// uses, and never runs anything the repository configures (no external
// diff, no textconv filters).
package history

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// MaxFileBytes caps the added text read for one file in one commit, like
// the tree scan's size cap.
const MaxFileBytes = 1 << 20

// Secrets scans every commit reachable from HEAD in the repository at root
// with det (the secret detector) and returns what it finds, each with the
// commit that added it. A secret found in several commits is reported once,
// at the commit that first added it.
func Secrets(ctx context.Context, root string, det detector.Detector) ([]facts.Secret, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("--history needs git, which is not installed")
	}
	cmd := exec.CommandContext(ctx, "git",
		"-c", "core.quotepath=off", "-c", "diff.external=", "-c", "core.pager=cat",
		"log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames",
		"--diff-filter=AM", "--format=commit %H", "HEAD")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	found, perr := parse(ctx, out, det)
	werr := cmd.Wait()
	if perr != nil {
		return nil, perr
	}
	if werr != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "not a git repository") {
			return nil, fmt.Errorf("--history: %s is not a git repository", root)
		}
		if strings.Contains(msg, "does not have any commits") || strings.Contains(msg, "unknown revision") {
			return nil, nil
		}
		return nil, fmt.Errorf("git log: %s", firstLine(msg))
	}
	return found, nil
}

// chunk is the text one commit added to one file, with the original line
// number of each added line.
type chunk struct {
	commit, path string
	text         bytes.Buffer
	lines        []int
	truncated    bool
}

func parse(ctx context.Context, r io.Reader, det detector.Detector) ([]facts.Secret, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*MaxFileBytes)
	seen := map[string]int{}
	var out []facts.Secret
	var cur *chunk
	commit := ""
	newLine := 0
	flush := func() {
		if cur == nil || cur.text.Len() == 0 || !det.Match(cur.path) {
			cur = nil
			return
		}
		sink := detector.NewSink()
		_ = det.Detect(ctx, &detector.File{Path: cur.path, Data: cur.text.Bytes()}, sink)
		for _, s := range sink.Result().Secrets {
			if s.Line >= 1 && s.Line <= len(cur.lines) {
				s.Line = cur.lines[s.Line-1]
			}
			s.Commit = cur.commit
			key := s.Rule + "\x00" + s.File + "\x00" + s.Variable + "\x00" + s.Redacted
			// git log lists newest first: a later (older) sighting is
			// where the secret was introduced.
			if i, ok := seen[key]; ok {
				out[i] = s
				continue
			}
			seen[key] = len(out)
			out = append(out, s)
		}
		cur = nil
	}
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "commit "):
			flush()
			commit = strings.TrimPrefix(line, "commit ")
		case strings.HasPrefix(line, "diff --git "):
			flush()
		case strings.HasPrefix(line, "+++ "):
			p := strings.TrimPrefix(line, "+++ ")
			if p == "/dev/null" {
				continue
			}
			cur = &chunk{commit: commit, path: strings.TrimPrefix(p, "b/")}
		case strings.HasPrefix(line, "@@ "):
			newLine = hunkStart(line)
		case strings.HasPrefix(line, "+") && cur != nil:
			if cur.text.Len()+len(line) > MaxFileBytes {
				cur.truncated = true
				continue
			}
			cur.text.WriteString(line[1:])
			cur.text.WriteByte('\n')
			cur.lines = append(cur.lines, newLine)
			newLine++
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read git log: %w", err)
	}
	return out, nil
}

// hunkStart reads the new-file start line of "@@ -a,b +c,d @@".
func hunkStart(h string) int {
	i := strings.Index(h, " +")
	if i < 0 {
		return 1
	}
	rest := h[i+2:]
	end := strings.IndexAny(rest, ", ")
	if end < 0 {
		end = len(rest)
	}
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 1
	}
	return n
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
