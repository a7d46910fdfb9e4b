package route

import "testing"

// A factory's string argument is the role only when its code compares the
// caller's role, permission or scope with the parameter it receives.
func TestFactoryRole(t *testing.T) {
	tests := []struct{ name, code, want string }{
		{"requireRole('admin')", "function requireRole(role) {\n  return (req, res, next) => req.user.role !== role ? res.sendStatus(403) : next();\n}", "admin"},
		{"hasRole(\"ADMIN\")", "const hasRole = (r) => (req, res, next) => { if (!req.user.roles.includes(r)) return res.sendStatus(403); next(); }", "admin"},
		{"@require_role('editor')", "def require_role(role):\n    def deco(f):\n        if role not in current_user.roles:\n            abort(403)", "editor"},
		{"@require_perm('app.delete_x')", "def require_perm(perm):\n    if not request.user.has_perm(perm):\n        raise PermissionDenied", "app.delete_x"},
		{"require_scope(\"posts:write\")", "def require_scope(scope):\n    def check(token=Depends(oauth2)):\n        if scope not in token.scopes:\n            raise HTTPException(status_code=403)", "posts:write"},
		{"RequireRole(\"admin\")", "func RequireRole(role string) gin.HandlerFunc {\n\treturn func(c *gin.Context) {\n\t\tif c.GetString(\"role\") != role {\n\t\t\tc.AbortWithStatus(http.StatusForbidden)\n\t\t}\n\t}\n}", "admin"},
		{"mw.RequirePermission(\"users:delete\")", "func (m *Middleware) RequirePermission(perm string) echo.MiddlewareFunc {\n\treturn func(next echo.HandlerFunc) echo.HandlerFunc {\n\t\treturn func(c echo.Context) error {\n\t\t\tif !slices.Contains(claims(c).Permissions, perm) {\n\t\t\t\treturn echo.ErrForbidden\n\t\t\t}\n\t\t\treturn next(c)\n\t\t}\n\t}\n}", "users:delete"},
		// Lookalikes: the argument is a log label or a limiter's bucket.
		{"Audited(\"orders\")", "func (m *Middleware) Audited(label string) gin.HandlerFunc {\n\treturn func(c *gin.Context) {\n\t\tif c.GetString(\"user\") == \"\" {\n\t\t\tc.AbortWithStatus(401)\n\t\t}\n\t\tlog.Println(label)\n\t}\n}", ""},
		{"signedIn('billing')", "function signedIn(label) {\n  return (req, res, next) => { console.log(label); if (!req.user) return res.sendStatus(401); next(); };\n}", ""},
		{"limited('uploads')", "function limited(bucket) {\n  return (req, res, next) => { if (!req.user) return res.sendStatus(401); if (hits[bucket] > 10) return res.sendStatus(429); next(); };\n}", ""},
		{"requireRole(ROLE)", "function requireRole(role) { return (req, res, next) => req.user.role !== role ? res.sendStatus(403) : next(); }", ""},
		{"requireAuth", "function requireAuth(req, res, next) { if (req.user.role !== 'x') return res.sendStatus(403); next(); }", ""},
	}
	for _, tt := range tests {
		if got := factoryRole(tt.name, tt.code); got != tt.want {
			t.Errorf("factoryRole(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
