package lang

import "testing"

func TestResolveImport(t *testing.T) {
	files := map[string]bool{
		"src/routes/users.ts":           true,
		"src/routes/index.js":           true,
		"src/app.js":                    true,
		"src/routes/admin.mjs":          true,
		"src/lib/paths/index.ts":        true,
		"src/routes/jobs.mts":           true,
		"src/pages/home.tsx":            true,
		"apps/web/src/lib/db.ts":        true,
		"apps/web/src/app/page.tsx":     true,
		"apps/admin/lib/db.ts":          true,
		"apps/admin/app/users/page.tsx": true,
		"server/commands/export.ts":     true,
		"plugins/azure/server/auth.js":  true,
		"lib/db.ts":                     true,
	}
	has := func(p string) bool { return files[p] }
	tests := []struct{ from, spec, want string }{
		{"src/app.js", "./routes/users", "src/routes/users.ts"},
		{"src/app.js", "./routes/users.js", "src/routes/users.ts"},
		{"src/app.js", "./routes", "src/routes/index.js"},
		{"src/app.js", "./routes/admin", "src/routes/admin.mjs"},
		{"src/routes/users.ts", "../lib/paths", "src/lib/paths/index.ts"},
		{"src/app.js", "./routes/jobs", "src/routes/jobs.mts"},
		{"src/app.js", "./pages/home", "src/pages/home.tsx"},
		{"src/app.js", "express", ""},
		{"src/app.js", "express/lib/router", ""},
		{"src/app.js", "../../outside", ""},
		{"src/app.js", "./missing", ""},
		// Each app of a monorepo maps @/ to its own root: the nearest wins.
		{"apps/web/src/app/page.tsx", "@/lib/db", "apps/web/src/lib/db.ts"},
		{"apps/admin/app/users/page.tsx", "~/lib/db", "apps/admin/lib/db.ts"},
		{"src/app.js", "@/lib/db", "lib/db.ts"},
		{"src/app.js", "@/nowhere", ""},
		// tsconfig paths: a bare path with a folder, from the root.
		{"src/app.js", "@server/commands/export", "server/commands/export.ts"},
		{"src/app.js", "plugins/azure/server/auth", "plugins/azure/server/auth.js"},
		{"src/app.js", "/etc/passwd", ""},
	}
	for _, tt := range tests {
		if got := ResolveImport(tt.from, tt.spec, has); got != tt.want {
			t.Errorf("ResolveImport(%q, %q) = %q, want %q", tt.from, tt.spec, got, tt.want)
		}
	}
}
