package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/gitsafe"
	"github.com/threatmap/threatmap/internal/model"
)

// maxGateConfig caps the check configuration read from a revision, as the
// loader caps the file.
const maxGateConfig = 1 << 20

// baseGate is check --base: the check configuration at a base revision,
// and the gate-weakened findings of the one in force compared with it.
type baseGate struct {
	findings []check.Finding
	failOn   string // the base's fail-on ("" for the default)
}

// compareGate reads the check configuration (configPath, or
// DIR/threatmap-check.yaml) at rev and says how cfg, the one in force,
// loosens it. A configuration missing at rev is the defaults.
func compareGate(ctx context.Context, e *env, dir, configPath string, cfg *check.Config, rev string) (*baseGate, error) {
	repo, commit, err := resolveBase(ctx, dir, rev)
	if err != nil {
		return nil, err
	}
	named := configPath != ""
	if !named {
		configPath = filepath.Join(dir, check.ConfigFile)
	}
	inRepo, ok := repoPath(repo, configPath)
	if !ok {
		return nil, usageErr("--base compares %s with its version at %s, but it is outside the repository", configPath, rev)
	}
	var base *check.Config
	data, err := repo.File(ctx, commit, inRepo, maxGateConfig)
	switch {
	case errors.Is(err, os.ErrNotExist), errors.Is(err, gitsafe.ErrNotRegular):
		// A link or folder in its place is no config either: threatmap
		// never follows links.
	case errors.Is(err, gitsafe.ErrTooLarge):
		return nil, usageErr("--base: %s at %s is larger than %d MiB", inRepo, rev, maxGateConfig>>20)
	case err != nil:
		return nil, fmt.Errorf("--base: read %s at %s: %w", inRepo, rev, err)
	default:
		if base, err = check.ParseConfig(rev+":"+inRepo, data); err != nil {
			fmt.Fprintf(e.stderr, "threatmap: warning: %s at %s is not valid; comparing with the defaults\n", inRepo, rev)
		}
	}
	file := filepath.ToSlash(configPath)
	if cfg != nil {
		file = cfg.File
	}
	g := &baseGate{findings: check.GateFindings(check.Loosenings(base, cfg), file, rev)}
	if base != nil {
		g.failOn = base.FailOn
	}
	return g, nil
}

// repoPath is path relative to the top of repo, slash-separated, when it
// lies inside it. The file need not exist; its folder must.
func repoPath(repo *gitsafe.Repo, path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(repo.Top, filepath.Join(dir, filepath.Base(abs)))
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// failRankOf is failRank with "" for the default, error.
func failRankOf(s string) (int, bool) {
	if s == "" {
		s = check.Error
	}
	return failRank(s)
}

// maxBaseModel caps the model read from a revision, as the loader caps
// the file.
const maxBaseModel = 16 << 20

// baseModel is the model file at rev (check --base), so that a site a
// decided grouped threat gained since is reported even when sync has
// recorded it. A model missing, unreadable or invalid at rev is nil, with a
// warning for the last two: the gate then judges against the model alone.
func baseModel(ctx context.Context, e *env, dir, modelPath, rev string) (*model.Model, error) {
	repo, commit, err := resolveBase(ctx, dir, rev)
	if err != nil {
		return nil, err
	}
	inRepo, ok := repoPath(repo, modelPath)
	if !ok {
		return nil, nil
	}
	data, err := repo.File(ctx, commit, inRepo, maxBaseModel)
	switch {
	case errors.Is(err, os.ErrNotExist), errors.Is(err, gitsafe.ErrNotRegular):
		return nil, nil
	case err != nil:
		fmt.Fprintf(e.stderr, "threatmap: warning: --base: cannot read %s at %s (%v); judging against the model alone\n", inRepo, rev, err)
		return nil, nil
	}
	doc, err := model.Parse(rev+":"+inRepo, data)
	if err != nil {
		fmt.Fprintf(e.stderr, "threatmap: warning: %s at %s is not valid; judging against the model alone\n", inRepo, rev)
		return nil, nil
	}
	return doc.Model, nil
}

// resolveBase opens the repository holding dir and resolves --base's rev
// in it; what git refuses (no repository, no such revision) is a usage error.
func resolveBase(ctx context.Context, dir, rev string) (*gitsafe.Repo, string, error) {
	repo, err := gitsafe.Open(ctx, dir)
	var ge *gitsafe.Error
	if errors.As(err, &ge) {
		return nil, "", usageErr("--base: %v", err)
	}
	if err != nil {
		return nil, "", err
	}
	commit, err := repo.Resolve(ctx, rev)
	if errors.As(err, &ge) {
		return nil, "", usageErr("--base: %v", err)
	}
	if err != nil {
		return nil, "", err
	}
	return repo, commit, nil
}
