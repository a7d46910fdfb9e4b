package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/threat"
)

func init() {
	draftModel = draftFromCode
}

// draftFromCode scans dir and drafts a model from what it finds: what
// `report` shows on a repository without threatmap.yaml, and what `init`
// writes.
func draftFromCode(ctx context.Context, e *env, dir string) (*model.Model, error) {
	return draftWith(ctx, e, dir, "")
}

// draftWith is draftFromCode with the routes OWASP Noir found
// (routesFrom, --routes-from) joining the scan's.
func draftWith(ctx context.Context, e *env, dir, routesFrom string) (*model.Model, error) {
	cfg, err := loadCheckConfig(dir, "")
	if err != nil {
		return nil, err
	}
	f, err := runScan(ctx, e, dir, &scanOptions{auth: cfg.Taught(), routesFrom: routesFrom})
	if err != nil {
		return nil, err
	}
	for _, w := range f.Warnings {
		fmt.Fprintf(e.stderr, "threatmap: warning: %s: %s\n", escape.Terminal(w.Where()), escape.Terminal(w.Message))
	}
	name := f.Root
	if abs, err := filepath.Abs(dir); err == nil {
		name = filepath.Base(abs)
	}
	return threat.Draft(f, threat.Options{Product: name, Roles: cfg.Role}), nil
}
