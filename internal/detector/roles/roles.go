// Package roles gives files the roles that only the rest of the tree can
// decide (lang.Tree): a settings module production does not load is a
// developer's, whatever the folder it sits in says.
package roles

import (
	"context"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector feeds every file lang.Tree wants to it and records the roles
// it decides at Finish.
type Detector struct{ tree lang.Tree }

// New makes the detector, for one scan.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "roles" }

// Match implements detector.Detector.
func (*Detector) Match(p string) bool { return lang.TreeWants(p) }

// Detect implements detector.Detector.
func (d *Detector) Detect(_ context.Context, f *detector.File, _ *detector.Sink) error {
	d.tree.Add(f.Path, f.Data)
	return nil
}

// Classifies implements detector.Classifier: the scan finishes this
// detector before the others, which read its roles.
func (*Detector) Classifies() {}

// Finish implements detector.Finisher: after every file's own role
// (the scan's), so the tree's word is the last.
func (d *Detector) Finish(_ context.Context, out *detector.Sink) error {
	// Libraries known by their own banner were skipped unread.
	for _, p := range out.FilesOf(lang.Vendored) {
		d.tree.AddLibrary(p)
	}
	for p, r := range d.tree.Roles() {
		out.SetRole(p, r)
	}
	for _, r := range d.tree.Replaced() {
		out.AddControl(facts.Control{ID: detector.ID("control", facts.ControlReplaced, r.File, r.Name), Kind: facts.ControlReplaced,
			Detail: facts.ReplacedKey(r.Name, r.File), Evidence: []facts.Evidence{{File: r.By, Line: r.ByLine}}})
	}
	return nil
}
