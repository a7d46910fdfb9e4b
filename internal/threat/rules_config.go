package threat

import (
	"regexp"

	"github.com/threatmap/threatmap/internal/model"
)

// Settings that weaken passwords, sessions, tokens and transport, and what
// leaks out through errors, debug pages and logs.

var weakPasswordHash = weaknessRule{
	ID: "weak-password-hash", Title: "Password stored without a slow hash",
	Stride: []string{"I"}, CWE: []string{"CWE-916", "CWE-328"},
	Fires:      "a password hashed with MD5 or SHA",
	Difficulty: model.Hard, Reason: "needs a copy of the database first: a chain", Level: model.High,
	Impact: "crack every user's password offline", Method: "cracking fast hashes from a leaked database",
	Abuse:    "A leaked table of fast hashes is cracked in hours, and reused passwords open other services",
	Controls: []Suggestion{{Text: "Hash passwords with bcrypt, scrypt or Argon2", Check: "slow-password-hash"}},
	Surface:  "Password hashing", Direction: model.Store,
}.rule()

var corsWildcardCredentials = weaknessRule{
	ID: "cors-wildcard-credentials", Title: "CORS allows any origin with credentials",
	Stride: []string{"I"}, CWE: []string{"CWE-942"},
	Fires:      "a CORS policy with a wildcard or reflected origin and credentials",
	Difficulty: model.Moderate, Reason: "needs a victim to visit the attacker's page while signed in", Level: model.High,
	Impact: "read signed-in users' data from another site", Method: "luring a signed-in user to a page that calls the API",
	Abuse:    "Any website can call the API with the visitor's cookies and read the answers",
	Controls: []Suggestion{{Text: "Allow only your own origins when credentials are sent"}},
	Surface:  "CORS policy", Direction: model.Exit,
}.rule()

var jwtUnverified = weaknessRule{
	ID: "jwt-unverified", Title: "JWT accepted without verifying its signature",
	Stride: []string{"S"}, CWE: []string{"CWE-347"},
	Fires:      "a JWT decoded with verification off or the none algorithm",
	Difficulty: model.Easy, Reason: "only a hand-made token", Level: model.Critical,
	Impact: "sign in as any user", Method: "forging a token with any user id",
	Abuse:    "Anyone forges a token for any account, admins included",
	Controls: []Suggestion{{Text: "Verify every token's signature and pin the algorithm"}},
	Surface:  "Token verification", Direction: model.Entry,
}.rule()

var cookieInsecure = weaknessRule{
	ID: "cookie-insecure", Title: "Session cookie without HttpOnly or Secure",
	Stride: []string{"I"}, CWE: []string{"CWE-1004", "CWE-614"},
	Fires:      "a session cookie set without HttpOnly or Secure",
	Difficulty: model.Moderate, Reason: "needs an XSS bug or a network position", Level: model.Medium,
	Impact: "steal sessions", Method: "reading the cookie from script or plain HTTP",
	Abuse:    "A script or a network observer reads the session cookie and takes over the session",
	Controls: []Suggestion{{Text: "Set HttpOnly, Secure and SameSite on session cookies"}},
	Surface:  "Session cookies", Direction: model.Exit,
	Browser: true,
}.rule()

var weakSessionToken = weaknessRule{
	ID: "weak-session-token", Title: "Session token anyone can forge or predict",
	Stride: []string{"S"}, CWE: []string{"CWE-330", "CWE-340"},
	Fires:      "a token the server sets as a cookie and keeps to compare later, made only by encoding data the client knows (base64 of an e-mail) or drawn from a non-cryptographic random source (math/rand)",
	Difficulty: model.Easy, Reason: "only the victim's e-mail or a guess of when the token was drawn", Level: model.Critical,
	Impact: "sign in as any user, admins included", Method: "computing a user's session token and sending it as the cookie",
	Abuse:    "Anyone makes another user's session token from what they know of them and takes over the account",
	Controls: []Suggestion{{Text: "Draw session tokens from a cryptographically secure source (crypto/rand, secrets, crypto.randomBytes) or use the framework's session store"}},
	Surface:  "Session tokens", Direction: model.Entry,
}.rule()

var clientRoleCheck = weaknessRule{
	ID: "client-role-check", Title: "Admin or role check on a cookie the client sets",
	Stride: []string{"E"}, CWE: []string{"CWE-565", "CWE-807"},
	Fires:      "a test of a privileged role's name (admin) against a cookie's own value, which the client writes",
	Difficulty: model.Easy, Reason: "only a cookie set to the role's name", Level: model.High,
	Impact: "use what only admins may", Method: "setting the cookie to the admin role's name",
	Abuse:    "Anyone sends the cookie with the admin role's name and passes the check",
	Controls: []Suggestion{{Text: "Read roles from the server's session or a signed token the server verifies, never from a plain cookie"}},
	Surface:  "Role checks", Direction: model.Entry,
}.rule()

var tlsUnverified = weaknessRule{
	ID: "tls-unverified", Title: "TLS certificates not verified",
	Stride: []string{"T", "I"}, CWE: []string{"CWE-295"},
	Fires:      "an outbound TLS connection with certificate checks turned off (verify=False, rejectUnauthorized: false, InsecureSkipVerify)",
	Difficulty: model.Hard, Reason: "needs a network position between the server and the host it calls", Level: model.High,
	Impact: "read or change what the server sends and receives", Method: "intercepting the connection with any certificate",
	Abuse:    "Anyone on the path presents any certificate and reads or rewrites the traffic, credentials included",
	Controls: []Suggestion{{Text: "Keep certificate verification on; pin a private CA instead of turning checks off"}},
	Surface:  "Outbound TLS", Direction: model.Exit,
}.rule()

var verboseErrors = exitRule{
	ID: "verbose-errors", Exit: "error-response", Title: "Verbose errors return internals to the client",
	Stride: []string{"I"}, CWE: []string{"CWE-209"},
	Difficulty: model.Easy, Reason: "any request that triggers an error", Level: model.Medium,
	Impact: "learn the stack, queries and paths to aim the next attack", Method: "triggering errors",
	Abuse:    "A verbose error message that includes a stack trace or database query leaks internals",
	Controls: []Suggestion{{Text: "Return generic errors; log details server-side only"}},
	Surface:  "Error responses",
	Group:    true,
}.rule()

var debugMode = exitRule{
	ID: "debug-mode", Exit: "debug-mode", Title: "Debug mode left on",
	Stride: []string{"I", "E"}, CWE: []string{"CWE-489", "CWE-215"},
	Difficulty: model.Easy, Reason: "only an error page; debug consoles are well known", Level: model.Medium,
	Impact: "read configuration or run code through the debugger", Method: "opening the debug pages",
	Abuse:    "Debug mode shows tracebacks and settings, and some debuggers run code",
	Controls: []Suggestion{{Text: "Turn debug off in production, from configuration"}},
	Surface:  "Debug mode",
	Escalate: regexp.MustCompile(`(?i)debugger|werkzeug|console`),
}.rule()

var sensitiveLogs = exitRule{
	ID: "sensitive-logs", Exit: "log", Title: "Logs capture auth headers or request bodies",
	Stride: []string{"I"}, CWE: []string{"CWE-532"},
	Difficulty: model.Hard, Reason: "needs access to the logs: a second compromise", Level: model.High,
	Impact: "collect tokens and user data from logs", Method: "reading the log pipeline",
	Abuse:    "A log pipeline that captures full request bodies, including auth headers, leaks them to everyone with log access",
	Controls: []Suggestion{{Text: "Redact Authorization, cookies and bodies before logging"}},
	Surface:  "Request logging",
}.rule()
