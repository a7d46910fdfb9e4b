// Package detector defines what a detector is and collects what detectors
// find. A detector is small: a name, a cheap Match on the path before any
// byte is read, and Detect on one file's content. Detectors that need the
// whole tree (prefixes mounted across files) also implement Finisher.
//
// What detectors find goes into a Sink, one table per Kind of fact
// (kinds.go declares each kind once: its id, how two facts with one id
// merge, its order). The sink knows no language and no framework: what
// the scan does with the facts once every detector is done lives in
// internal/scan/process.
package detector

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// File is one file of the tree, read once and shared by every detector.
// A File must not be copied once used (it holds its memo's lock).
type File struct {
	Path string // relative to the scanned root, with '/'
	Data []byte

	memoMu sync.Mutex
	memo   map[any]any // key -> *memoEntry[T]
	trees  map[lang.Lang]*syntax.Tree
}

// Tree is the file parsed as l (syntax.Parse), parsed once per file and
// grammar: the route detectors and the flow frontends that read one
// file read one tree. The caller must not Close it, nor keep it (or any
// of its nodes) past its Detect: the scan frees it once every detector
// has read the file (Release). A parse that fails (ctx ended) is not
// kept, so the next caller parses again with its own context.
//
// A tree is not safe for concurrent use (its nodes are cached in a map
// as they are visited): the scan hands a File to one detector at a
// time, and a worker that takes over an abandoned read gets a File of
// its own.
func (f *File) Tree(ctx context.Context, l lang.Lang) (*syntax.Tree, error) {
	f.memoMu.Lock()
	t := f.trees[l]
	f.memoMu.Unlock()
	if t != nil {
		return t, nil
	}
	t, err := syntax.Parse(ctx, l, f.Data)
	if err != nil {
		return nil, err
	}
	f.memoMu.Lock()
	if f.trees == nil {
		f.trees = map[lang.Lang]*syntax.Tree{}
	}
	f.trees[l] = t
	f.memoMu.Unlock()
	return t, nil
}

// Release frees the trees Tree parsed. The File's detectors are done
// with it; a later Tree parses again.
func (f *File) Release() {
	f.memoMu.Lock()
	defer f.memoMu.Unlock()
	for _, t := range f.trees {
		t.Close()
	}
	f.trees = nil
}

type memoEntry[T any] struct {
	mu   sync.Mutex
	done bool
	v    T
}

// Memo returns what compute returns for f and key, computing it once per
// File: several detectors that need the same view of a file (its
// environment reads) share one computation. The value must depend only
// on the file (Path and Data), never on the caller.
//
// Guarantees: Memo is safe for concurrent use on the same File (the scan
// today hands one File to its detectors in turn, on one worker; nothing
// here relies on it). Concurrent callers of one key wait for a single
// compute; different keys compute independently. A compute that panics
// stores nothing: the panic reaches its caller, and the next caller
// computes again. compute must not call Memo for the same file and key
// (it would wait for itself).
//
// The value is shared: callers must not modify it. It lives as long as
// the File. A key follows the rules of context keys: a value of an
// unexported type of the package that owns the value, so that packages
// cannot collide; one key always comes with one T.
func Memo[T any](f *File, key any, compute func() T) T {
	f.memoMu.Lock()
	e, _ := f.memo[key].(*memoEntry[T])
	if e == nil {
		if f.memo == nil {
			f.memo = map[any]any{}
		}
		if f.memo[key] != nil {
			f.memoMu.Unlock()
			panic("detector.Memo: one key used with two types")
		}
		e = &memoEntry[T]{}
		f.memo[key] = e
	}
	f.memoMu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.done {
		e.v = compute()
		e.done = true
	}
	return e.v
}

// Detector finds facts in files.
type Detector interface {
	// Name is a short, stable id: "route/fastapi", "secret/gitleaks".
	Name() string
	// Match is called with the repo-relative path before the file is read.
	Match(path string) bool
	// Detect reads one file. It is called from several goroutines at once.
	Detect(ctx context.Context, f *File, out *Sink) error
}

// Keyworded detectors are only given files that contain one of their
// keywords (a case-sensitive substring): the cheap prefilter that keeps
// parsers and regexes off files that cannot matter.
type Keyworded interface {
	Keywords() []string
}

// PrefilterExempt lets a Keyworded detector read some files whatever
// their content: a manifest's every line matters, and a bare
// requirements.txt need not contain any keyword.
type PrefilterExempt interface {
	Exempt(path string) bool
}

// Finisher detectors run once more after every file has been seen, for
// work that spans files (a router mounted under a prefix in another file).
type Finisher interface {
	Finish(ctx context.Context, out *Sink) error
}

// A Classifier is the Finisher that gives files the roles only the whole
// tree decides (Sink.SetRole). The scan finishes it before every other
// Finisher, so a decision that depends on where code runs is made once,
// with the final roles (Sink.RoleOf).
type Classifier interface {
	Finisher
	Classifies()
}

// ID makes a stable, content-based id: a prefix and a short hash of the
// parts that identify the fact (never a line number).
func ID(prefix string, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return prefix + "-" + hex.EncodeToString(h[:5])
}
