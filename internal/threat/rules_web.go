package threat

import (
	"github.com/threatmap/threatmap/internal/model"
)

// Web-app weaknesses that need facts and patterns rather than a flow
// from the request: HTML put into the page in the browser, directory
// listings, a GraphQL schema open to anyone, tokens checked loosely,
// passwords kept readable.

var xssClient = weaknessRule{
	ID: "xss-client", Title: "HTML from data inserted into the page (client-side XSS)",
	Stride: []string{"T", "I", "E"}, CWE: []string{"CWE-79"},
	Fires:      "the frontend inserts non-constant HTML without a sanitiser: dangerouslySetInnerHTML, bypassSecurityTrust*, innerHTML/outerHTML, document.write, v-html, {@html}, jQuery .html() or appended markup",
	Difficulty: model.Moderate, Reason: "needs a victim to open a page that shows the attacker's data or link", Level: model.High,
	Impact: "run script in other users' sessions", Method: "storing or linking markup the page inserts as HTML",
	Abuse: "Markup an attacker controls runs as script in the victim's page: their session, data and actions are the attacker's",
	Controls: []Suggestion{
		{Text: "Insert text, or sanitise HTML with DOMPurify on the way in"},
		{Text: "Set a Content-Security-Policy that forbids inline script", Check: "csp"},
	},
	Surface: "HTML inserted in the page", Direction: model.Exit,
}.rule()

var directoryListing = weaknessRule{
	ID: "directory-listing", Title: "Directory listing served",
	Stride: []string{"I"}, CWE: []string{"CWE-548"},
	Fires:      "a static server with listing on: serve-index, @fastify/static list, SimpleHTTPRequestHandler, show_indexes, http.FileServer(http.Dir(...)), gin.Dir(..., true), Browse: true",
	Difficulty: model.Easy, Reason: "only the URL: scanners request directories by name", Level: model.Medium,
	Impact: "read files nobody linked (backups, exports, keys)", Method: "opening a directory and following its listing",
	Abuse: "A listed directory hands over every file in it, including the ones left there by mistake",
	Controls: []Suggestion{
		{Text: "Serve named files only; turn listing off (a FileSystem that refuses directories, no serve-index)"},
	},
	Surface: "Static file serving", Direction: model.Exit,
}.rule()

var graphqlExposed = weaknessRule{
	ID: "graphql-exposed", Title: "GraphQL schema open to anyone, or batched operations allowed",
	Stride: []string{"I", "D"}, CWE: []string{"CWE-200", "CWE-799"},
	Fires:      "GraphQL introspection or GraphiQL/playground turned on outside development, batching allowed, or introspection off with field suggestions left on (Apollo, graphql-yoga, express-graphql, graphene, Strawberry, gqlgen)",
	Difficulty: model.Easy, Reason: "only the endpoint: introspection and GraphiQL answer any client", Level: model.Medium,
	Impact: "map every query and mutation, then try passwords or ids in batches", Method: "asking the schema for itself and sending many operations in one request",
	Abuse: "The schema names every hidden field and admin mutation; batching turns one rate-limited request into thousands of guesses",
	Controls: []Suggestion{
		{Text: "Turn introspection, GraphiQL and field suggestions off outside development"},
		{Text: "Reject batched operations, or count each operation against the rate limit", Check: "rate-limit"},
	},
	Surface: "GraphQL server settings", Direction: model.Entry,
}.rule()

var jwtUnpinned = weaknessRule{
	ID: "jwt-algorithm-unpinned", Title: "JWT verified without pinning the algorithm",
	Stride: []string{"S"}, CWE: []string{"CWE-347", "CWE-327"},
	Fires:      "a JWT verified with no list of accepted algorithms (jwt.verify(token, key), PyJWT or python-jose decode without algorithms, golang-jwt Parse whose key function does not check the method) or with the algorithm the token's own header names",
	Difficulty: model.Moderate, Reason: "needs the public key or a library that honours the token's own algorithm", Level: model.Critical,
	Impact: "sign in as any user", Method: "forging a token with a swapped algorithm (HS256 keyed with the public key, or none)",
	Abuse: "A token signed with an algorithm the server did not mean to accept passes as any account's",
	Controls: []Suggestion{
		{Text: "Pass the accepted algorithms explicitly (algorithms: [\"RS256\"], jwt.WithValidMethods)"},
	},
	Surface: "Token verification", Direction: model.Entry,
}.rule()

var passwordPlaintext = weaknessRule{
	ID: "password-plaintext", Title: "Password stored or compared as plain text",
	Stride: []string{"I"}, CWE: []string{"CWE-256", "CWE-257"},
	Fires:      "a password from the request stored or compared as it came, or base64-encoded, in a file with no slow hash",
	Difficulty: model.Hard, Reason: "needs a copy of the database first: a chain", Level: model.Critical,
	Impact: "read every user's password as typed", Method: "reading the users table from a leak or an injection",
	Abuse: "One leaked table hands over every password, and reused passwords open the users' other accounts",
	Controls: []Suggestion{
		{Text: "Hash passwords with bcrypt, scrypt or Argon2 before they are stored", Check: "password-hashing"},
	},
	Surface: "Password storage", Direction: model.Store,
}.rule()
