package route

import (
	"regexp"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

func TestAuthFrom(t *testing.T) {
	tests := []struct {
		guards []string
		want   string
	}{
		// Plumbing is not auth, whatever words its name holds.
		{[]string{"session"}, facts.AuthUnknown},
		{[]string{"expressSession", "cookieSession", "passport.initialize", "passport.session"}, facts.AuthUnknown},
		{[]string{"bodyParser.json", "cookieParser", "express.static", "cors", "morgan"}, facts.AuthUnknown},
		{[]string{"loginLimiter"}, facts.AuthUnknown},
		{[]string{"rateLimit", "authThrottle", "csrfProtection", "verify_csrf_token"}, facts.AuthUnknown},
		{[]string{"ThrottlerGuard"}, facts.AuthUnknown},
		{[]string{"SessionMiddleware"}, facts.AuthUnknown},
		// Guards.
		{[]string{"session", "isLoggedIn"}, facts.AuthRequired},
		{[]string{"requireAuth"}, facts.AuthRequired},
		{[]string{"authHandler.isAuthenticated"}, facts.AuthRequired},
		{[]string{"requireSession"}, facts.AuthRequired},
		{[]string{"passport.authenticate('jwt')"}, facts.AuthRequired},
		{[]string{"passport.authenticate('bearer', 'basic')"}, facts.AuthRequired},
		{[]string{"passport.authenticate"}, facts.AuthRequired},
		{[]string{"login_required"}, facts.AuthRequired},
		// For anonymous callers: guest-only guards and the login itself.
		{[]string{"authHandler.isNotAuthenticated"}, facts.AuthNone},
		{[]string{"ensureLoggedOut"}, facts.AuthNone},
		{[]string{"ensure_not_logged_in"}, facts.AuthNone},
		{[]string{"guestOnly"}, facts.AuthNone},
		{[]string{"redirectIfAuthenticated"}, facts.AuthNone},
		{[]string{"loginLimiter", "passport.authenticate('local')"}, facts.AuthNone},
		{[]string{"passport.authenticate('github')"}, facts.AuthNone},
		// Optional auth admits anyone: not known either way.
		{[]string{"passport.authenticate('jwt', 'anonymous')"}, facts.AuthUnknown},
		{[]string{"optionalAuth"}, facts.AuthUnknown},
		// A real guard outranks a guest-only one.
		{[]string{"guestOnly", "requireAdmin"}, facts.AuthRequired},
	}
	for _, tt := range tests {
		if got, _ := AuthFrom(tt.guards); got != tt.want {
			t.Errorf("AuthFrom(%q) = %s, want %s", tt.guards, got, tt.want)
		}
	}
}

func TestAuthOf(t *testing.T) {
	tests := []struct {
		name     string
		guards   []string
		body     string
		complete bool
		want     string
	}{
		{"body check", nil, "if (!req.user) return res.sendStatus(401)", false, facts.AuthRequired},
		{"nothing, complete", []string{"session"}, "res.json([])", true, facts.AuthNone},
		{"nothing, incomplete", nil, "res.json([])", false, facts.AuthUnknown},
		// A login handler reads req.user after the strategy set it.
		{"login strategy beats the body", []string{"passport.authenticate('local')"}, "res.json(req.user)", false, facts.AuthNone},
		{"a login sets the header, it does not read it", nil, "const token = jwt.sign(p, k); res.setHeader('Authorization', 'Bearer ' + token)", true, facts.AuthNone},
		{"reading the header is a check", nil, "const h = req.headers.authorization", true, facts.AuthRequired},
		{"guest guard beats the body", []string{"isNotAuthenticated"}, "if (!req.isAuthenticated()) return next()", false, facts.AuthNone},
	}
	for _, tt := range tests {
		if got, _ := AuthOf(tt.guards, tt.body, tt.complete); got != tt.want {
			t.Errorf("%s: AuthOf = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestVocabularyUpload: a framework's own file calls tag a route as an
// upload only under that framework's vocabulary; a word another
// framework uses, or a lookalike, does not.
func TestVocabularyUpload(t *testing.T) {
	goVocab := Vocabulary{Upload: []string{"FormFile"}}
	nodeVocab := Vocab(
		Vocabulary{Upload: []string{"multer"}, UploadMiddleware: regexp.MustCompile(`\.(single|array)$`)},
		Vocabulary{UploadBody: regexp.MustCompile(`\breq\.file\(`)},
	)
	tests := []struct {
		name  string
		vocab Vocabulary
		body  string
		mw    []string
		want  bool
	}{
		{"own call", goVocab, `f, _, err := r.FormFile("doc")`, nil, true},
		{"another framework's call", goVocab, `f = request.files["doc"]`, nil, false},
		{"a word any language uses", goVocab, `s3.PutObject(ctx, in)`, nil, true},
		{"joined middleware pattern", nodeVocab, ``, []string{"upload.single"}, true},
		{"middleware lookalike", nodeVocab, ``, []string{"singleSignOn"}, false},
		{"joined body pattern", nodeVocab, `const data = await req.file()`, nil, true},
		{"body lookalike", nodeVocab, `const name = req.filename`, nil, false},
		{"no vocabulary", Vocabulary{}, `r.FormFile("doc")`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := facts.Route{Method: "POST", Path: "/documents", Body: tt.body, Middleware: tt.mw}
			Classify(&r, tt.vocab)
			if got := slices.Contains(r.Tags, facts.TagUpload); got != tt.want {
				t.Errorf("upload tag = %v, want %v (tags %v)", got, tt.want, r.Tags)
			}
		})
	}
}
