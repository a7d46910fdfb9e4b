package js

import (
	"context"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

// FuzzDetect feeds arbitrary source through both phases: no input may
// panic, hang or produce a route path without a leading slash.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"const app = require('express')();\napp.get('/u/:id', (req, res) => res.json({}));\n",
		"import { Hono } from 'hono';\nconst app = new Hono().basePath('/api').get('/x', c => c.text('x'));\nexport default app;\n",
		"module.exports = async function (fastify) { fastify.route({ method: ['GET'], url: '/r', handler: async () => 1 }) }\n",
		"@Controller('c') export class C { @Get(':id') a(@Param('id', ParseIntPipe) id) {} }\n",
		"const r = new Router({ prefix: `${P}/x` }); r.use('/y', r.routes()); r.get('n', '/z', h);\n",
		"app.use(",
		"app.get(['/a', '/b'], h).post(h)",
		"export const BASE = '/api'",
		"const r = require('express').Router();\nmodule.exports = function () { r.get('/a', h); return r };\napp.use('/p', require('./routes/index.js')());\n",
		"module.exports = (router) => { setup(router); return router };\napp.use('/api', module.exports(express.Router()));\n",
		"consumer.apply(AuthMiddleware).exclude({ path: 'a/:id', method: RequestMethod.GET }).forRoutes('a/*', { path: 'b', method: RequestMethod.ALL }, C);\n",
		"export const Open = () => SetMetadata(KEY, true); providers: [{ provide: APP_GUARD, useExisting: G }]",
		"app.use('/m', express.static(path.join(__dirname, 'node_modules/x')), passport.authenticate(['local', 'jwt']));",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := New()
		sink := detector.NewSink()
		ctx := context.Background()
		for _, p := range []string{"src/app.ts", "src/routes/index.js"} {
			if err := d.Detect(ctx, &detector.File{Path: p, Data: []byte(src)}, sink); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Finish(ctx, sink); err != nil {
			t.Fatal(err)
		}
		for _, r := range sink.Result().Surfaces {
			if !strings.HasPrefix(r.Path, "/") {
				t.Errorf("path %q has no leading slash", r.Path)
			}
		}
	})
}

// FuzzNextPath: any file path maps to a clean URL or to nothing.
func FuzzNextPath(f *testing.F) {
	for _, s := range []string{"pages/api/a.ts", "src/app/(g)/[[...s]]/route.js", "app/route.ts", "pages/api/", "app/[/route.ts"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got, _, _, ok := nextPath(p)
		if ok && !strings.HasPrefix(got, "/") {
			t.Errorf("nextPath(%q) = %q", p, got)
		}
	})
}

// FuzzLayoutPath: any file path maps to a clean URL or to nothing.
func FuzzLayoutPath(f *testing.F) {
	for _, s := range []string{"src/routes/(g)/[[x]]/+server.ts", "server/api/[id].get.ts", "server/routes/.ts", "src/routes/[=m]/+server.js"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		lf, ok := layoutPath(p)
		if ok && lf.url != "" && !strings.HasPrefix(lf.url, "/") {
			t.Errorf("layoutPath(%q) = %q", p, lf.url)
		}
	})
}

// FuzzRoutePath: any router path becomes a path with a leading slash.
func FuzzRoutePath(f *testing.F) {
	for _, s := range []string{"/a/:b?", "*", "/x/:id{[0-9]+}", "{/:x}", "/**/*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got, _ := routePath(p)
		if !strings.HasPrefix(got, "/") {
			t.Errorf("routePath(%q) = %q", p, got)
		}
	})
}
