package js

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// Each fixture app carries its expectations inline:
//
//	// want: GET /api/users/{id}                 a route (method and path)
//	// want: auth GET /api/users/{id} required   its auth decision
//
// Every route an app yields must be of the app's framework.
func TestFixtures(t *testing.T) {
	apps := []struct{ dir, fw string }{
		{fwExpress, fwExpress},
		{"express-mounts", fwExpress},  // factories, setup functions, non-auth middleware
		{"express-loops", fwExpress},   // routes and mounts registered in loops over literal arrays
		{"express-env", fwExpress},     // middleware put on a path, or only in development
		{"express-classes", fwExpress}, // routers kept on class instances, mounted behind a wrapped guard
		{"express-wrapped", fwExpress}, // route guards handed through async wrappers, and wrappers that are not transparent
		{"express-idioms", fwExpress},  // QUERY, multi-path mounts, router classes, path aliases per service
		{"express-made", fwExpress},    // guards bound to a factory's call, alone or as an object's members
		{fwFastify, fwFastify},
		{"fastify-autoload", fwFastify}, // @fastify/autoload folders and autoPrefix, @fastify/static
		{fwKoa, fwKoa},
		{"koa-mount", fwKoa}, // koa-mount prefixes, nested routers, paths without a leading slash
		{fwNest, fwNest},
		{"nestjs-modules", fwNest},  // auth from consumer.apply().forRoutes() and APP_GUARD
		{"nestjs-versions", fwNest}, // URI versioning, prefix excludes, enum paths, decorators in JavaScript
		{"nestjs-router", fwNest},   // RouterModule.register: module paths, children, a table in a const
		{fwNext, fwNext},
		{"nextjs-monorepo", fwNext}, // only folders the tree marks as Next.js apps
		{fwHono, fwHono},
		{fwSvelteKit, fwSvelteKit}, // +server endpoints, +page.server load and actions, hooks.server
		{fwNuxt, fwNuxt},           // server/api and server/routes, methods in file names, server middleware
		{fwRemix, fwRemix},         // flat and folder routes, loader and action, pathless layouts, escapes
	}
	for _, app := range apps {
		fw := app.fw
		t.Run(app.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", app.dir)
			got := scanWith(t, dir)
			var routes, auths, conds []string
			wantRoutes, wantAuths := splitWants(detectortest.Wants(t, dir, ""))
			wantConds := detectortest.Wants(t, dir, "condition")
			condWanted := map[string]bool{}
			for _, w := range wantConds {
				f := strings.Fields(w)
				condWanted[f[0]+" "+f[1]] = true
			}
			authWanted := map[string]bool{}
			for _, w := range wantAuths {
				f := strings.Fields(w)
				authWanted[f[0]+" "+f[1]] = true
			}
			for _, r := range got.Surfaces {
				key := r.Method + " " + r.Path
				routes = append(routes, key)
				if authWanted[key] {
					auths = append(auths, key+" "+r.Auth)
				}
				if condWanted[key] {
					cond := r.Condition
					if cond == "" {
						cond = "always"
					}
					conds = append(conds, key+" "+cond)
				}
				if r.Framework != fw {
					t.Errorf("%s %s: framework %q, want %q", key, r.File, r.Framework, fw)
				}
			}
			detectortest.Check(t, fw+" routes", routes, wantRoutes)
			detectortest.Check(t, fw+" auth", auths, wantAuths)
			detectortest.Check(t, fw+" missed", detectortest.Missed(got), detectortest.WantsAt(t, dir, "missed"))
			detectortest.Check(t, fw+" condition", conds, wantConds)
		})
	}
}

func scanWith(t *testing.T, dir string) facts.Facts {
	t.Helper()
	return detectortest.Scan(t, dir, New(), NewNext())
}

func splitWants(ws []string) (routes, auths []string) {
	for _, w := range ws {
		if a, ok := strings.CutPrefix(w, "auth "); ok {
			auths = append(auths, a)
		} else if !strings.HasPrefix(w, "missed ") && !strings.HasPrefix(w, "condition ") {
			routes = append(routes, w)
		}
	}
	return routes, auths
}

// find returns the one route with this method and path.
func find(t *testing.T, f facts.Facts, method, path string) facts.Route {
	t.Helper()
	for _, r := range f.Surfaces {
		if r.Method == method && r.Path == path {
			return r
		}
	}
	t.Fatalf("no route %s %s", method, path)
	return facts.Route{}
}

var _ detector.Finisher = (*Detector)(nil)
var _ detector.Finisher = (*Next)(nil)
var _ detector.Keyworded = (*Detector)(nil)

// TestGuardsByEnvironment: a middleware put on a path covers the routes
// under it however they are mounted, and one put on only in development
// covers none.
func TestGuardsByEnvironment(t *testing.T) {
	got := scanWith(t, filepath.Join("testdata", "express-env"))
	mw := map[string][]string{}
	for _, r := range got.Surfaces {
		mw[r.Method+" "+r.Path] = r.Middleware
	}
	if m := mw["POST /v1/auth/login"]; !slices.Contains(m, "authLimiter") {
		t.Errorf("POST /v1/auth/login: middleware %q, want authLimiter (mounted when the deployment runs)", m)
	}
	if m := mw["POST /v1/account/password"]; slices.Contains(m, "looseLimiter") {
		t.Errorf("POST /v1/account/password: middleware %q, want no looseLimiter (mounted only in development)", m)
	}
}
