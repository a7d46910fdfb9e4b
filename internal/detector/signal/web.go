package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// Web-app weaknesses that one file shows by what it calls and how: HTML
// inserted into the page in the browser, directories listed, a GraphQL
// schema opened to anyone, tokens checked loosely, passwords kept
// readable. Request-to-sink flows are the taint engine's; these need no
// flow, only the call and what it is given.

var (
	// front is where the browser's code is: scripts, components and pages.
	front  = []lang.Lang{lang.JavaScript, lang.JSX, lang.TypeScript, lang.TSX, lang.Vue, lang.Svelte, lang.HTML}
	goOnly = []lang.Lang{lang.Go}
	jvm    = []lang.Lang{lang.Java, lang.Kotlin}
	// chainOn is a call chain going on: spaces, line comments, then a
	// member.
	chainOn = `(?:\s|//[^\n]*\n)*\.`

	// jsValue opens a value that is not a constant: a name, a call, a
	// template with a placeholder, or a literal with something added.
	jsValue = `(?:[A-Za-z_$(]|` + "`[^`]*\\$\\{" + `|['"][^'"\n]*['"]\s*\+)`
	// sanitised: the HTML went through a sanitiser or an escaper on the
	// way, or is JSON (a JSON-LD script block).
	sanitised = regexp.MustCompile(`(?i)sanitiz|purify|\bescape|xss\(|encodeForHTML|JSON\.stringify`)
	// copiedMarkup is a value that is all another element's markup
	// (a.innerHTML = b.innerHTML): what the page already shows, copied,
	// inserts no data. (Read from the match on: the assignment's line.)
	copiedMarkup = `^\.(?:inner|outer)HTML\s*=\s*[\w$.?()\[\]'"\s-]*\.(?:inner|outer)HTML\s*;?\s*$`
	// numericHTML is .html() given a number: arithmetic (a Math function,
	// Number, parseInt), however a formatter wraps it, or a number's
	// toFixed. (Read from the match on.)
	numericHTML = `^(?:\$|\bjQuery)\([^()\n]*\)\s*\.html\(\s*(?:(?:[A-Za-z_$][\w$.]*\(\s*)*(?:Math\.\w+|Number|parseInt|parseFloat)\s*\(|[\w$.()]+\.toFixed\(\s*\d*\s*\)\s*\))`
	// devOnly: the feature is turned on for development only.
	// DEBUG only as a constant or setting's name: an option debug: true
	// beside the one read is no condition on the environment.
	devOnly = regexp.MustCompile(`(?i:NODE_ENV|isDev|isProd|production|development|\bdev\b|\blocal\b)|\bDEBUG\b`)
	// slowHash is a slow, salted password hash used or a helper named for
	// hashing a password.
	slowHash = regexp.MustCompile(`(?i)bcrypt|argon2|scrypt|pbkdf2|hashpw|make_password|generate_password_hash|set_password|hash_?password|passlib|PasswordHasher|PasswordSignIn|CheckPassword`)
	// csharpRequest is an ASP.NET action that takes what a client posts.
	csharpRequest = regexp.MustCompile(`\[Http(?:Post|Put|Patch)\b|\[From(?:Body|Form)\]`)
)

// goPasswordIn is a password as a Go handler has it: a form value, or
// the Password field of a struct (the request decoded into one, or the
// stored record it is compared with).
const goPasswordIn = `(?:r\.(?:Post)?FormValue\(\s*"password"\s*\)|c\.(?:PostForm|FormValue)\(\s*"password"\s*\)|\w+\.Password\b)`

// Weakness kinds this file adds.
const (
	WeakXSSClient       = "xss-client"
	WeakDirListing      = "directory-listing"
	WeakGraphQLExposed  = "graphql-exposed"
	WeakJWTUnpinned     = "jwt-algorithm-unpinned"
	WeakJWTNoExpiry     = "jwt-no-expiry"
	WeakPasswordPlain   = "password-plaintext"
	WeakCSRF            = "csrf"
	detailCookieSession = "cookie-based session: the browser sends it with requests from any site"
	detailXSS           = "HTML built from data inserted into the page without sanitising"
	detailListing       = "directory listing served"
	detailJWTUnpinned   = "JWT verified without pinning the accepted algorithms"
	detailJWTNoExpiry   = "JWT issued with no expiry (no exp claim, no expiresIn)"
	detailPasswordPlain = "password stored or compared as plain text"
)

var webPatterns = []Pattern{
	// Client-side XSS: HTML from data put into the page.
	{Weakness: WeakXSSClient, Detail: detailXSS, NotConst: true, Langs: front,
		Keywords: []string{"dangerouslySetInnerHTML"},
		Re:       regexp.MustCompile(`dangerouslySetInnerHTML\s*=\s*\{\{\s*__html\s*:\s*` + jsValue),
		NotAfter: sanitised},
	// A component that writes its html prop as markup and runs its
	// scripts (dangerously-set-html-content): dangerouslySetInnerHTML by
	// another name.
	{Weakness: WeakXSSClient, Detail: detailXSS, NotConst: true, Langs: front,
		Keywords: []string{"html={"},
		Re:       regexp.MustCompile(`<[A-Z][\w.]*\s[^<>]*\bhtml=\{\s*` + jsValue),
		Also:     regexp.MustCompile(`['"]dangerously-set-html-content['"]`),
		NotAfter: sanitised},
	{Weakness: WeakXSSClient, Detail: detailXSS, NotConst: true, Langs: front,
		Keywords: []string{"bypassSecurityTrust"},
		Re:       regexp.MustCompile(`\bbypassSecurityTrust(?:Html|Script|Style|Url|ResourceUrl)\(\s*` + jsValue),
		NotAfter: sanitised},
	{Weakness: WeakXSSClient, Detail: detailXSS, NotConst: true, Langs: front,
		Keywords: []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"},
		Re:       regexp.MustCompile(`\.(?:innerHTML|outerHTML)\s*\+?=\s*` + jsValue + `|\.insertAdjacentHTML\(\s*['"]\w+['"]\s*,\s*` + jsValue + `|\bdocument\.write(?:ln)?\(\s*` + jsValue),
		NotAfter: regexp.MustCompile(sanitised.String() + `|` + copiedMarkup)},
	{Weakness: WeakXSSClient, Detail: detailXSS, NotConst: true, Langs: []lang.Lang{lang.Vue, lang.HTML},
		Keywords: []string{"v-html"},
		Re:       regexp.MustCompile(`\bv-html\s*=\s*["']\s*[A-Za-z_$(]`),
		NotAfter: sanitised},
	{Weakness: WeakXSSClient, Detail: detailXSS, NotConst: true, Langs: []lang.Lang{lang.Svelte},
		Keywords: []string{"{@html"},
		Re:       regexp.MustCompile(`\{@html\s+[A-Za-z_$(]`),
		NotAfter: sanitised},
	// jQuery: .html(data), or markup built by concatenation and appended.
	{Weakness: WeakXSSClient, Detail: detailXSS, NotConst: true, Langs: front,
		Keywords: []string{".html(", ".append(", ".prepend(", ".after(", ".before(", ".replaceWith("},
		Re: regexp.MustCompile(`(?:\$|\bjQuery)\([^()\n]*\)\s*\.html\(\s*` + jsValue +
			`|(?:\$|\bjQuery)\([^()\n]*\)\s*\.(?:append|prepend|after|before|replaceWith)\(\s*(?:'\s*<[^'\n]*'\s*\+|"\s*<[^"\n]*"\s*\+|` + "`\\s*<[^`]*\\$\\{)"),
		NotAfter: regexp.MustCompile(sanitised.String() + `|` + numericHTML)},

	// PHP templates: a value written into a <script> block raw (Blade's
	// {!! !!}), json_encode's output among them unless told to escape
	// tags: </script> in the value closes the block, a quote closes the
	// string it sits in. @json escapes both.
	{Weakness: "xss", Detail: "a value written raw into a script block ({!! json_encode(...) !!} without JSON_HEX_TAG)", Langs: []lang.Lang{lang.PHP},
		Keywords: []string{"{!!"},
		Re:       regexp.MustCompile(`\{!!\s*((?:json_encode\(\s*)?\$[^!]*?)!!\}`),
		NotGroup: regexp.MustCompile(`JSON_HEX_TAG`),
		InScript: true},
	// An Angular expression attribute (ng-click="edit('...')") built by
	// PHP around a value escaped for HTML only: the browser decodes
	// &#039; back to a quote before Angular reads the expression, so the
	// value closes its string and adds code of its own.
	{Weakness: "xss", Detail: "a value put into an Angular expression string (ng-click) with HTML escaping only", Langs: []lang.Lang{lang.PHP},
		Keywords: []string{"ng-"},
		Re:       regexp.MustCompile(`\bng-[a-z-]+\s*=\s*"[^"\n]*\\''\s*\.\s*(?:(?:e|htmlspecialchars|htmlentities|esc_attr)\(\s*)?\$`)},

	// Directory listing.
	{Weakness: WeakDirListing, Detail: detailListing + " (serve-index)", Langs: js,
		Keywords: []string{"serveIndex", "serve-index"},
		Re:       regexp.MustCompile(`\bserveIndex\(`),
		Also:     regexp.MustCompile(`serve-index`)},
	{Weakness: WeakDirListing, Detail: detailListing + " (static files with list on)", Langs: js,
		Keywords: []string{"list"},
		Re:       regexp.MustCompile(`\blist\s*:\s*(?:true|\{)`),
		Also:     regexp.MustCompile(`@fastify/static|fastify-static`)},
	{Weakness: WeakDirListing, Detail: detailListing + " (http.server's SimpleHTTPRequestHandler)", Langs: py,
		Keywords: []string{"SimpleHTTPRequestHandler"},
		Re:       regexp.MustCompile(`(?m)(?:TCPServer|HTTPServer|ThreadingHTTPServer|test)\([^\n]*SimpleHTTPRequestHandler|\b\w+\s*=\s*(?:http\.server\.)?SimpleHTTPRequestHandler\s*$|^class\s+\w+\((?:http\.server\.)?SimpleHTTPRequestHandler\)`)},
	{Weakness: WeakDirListing, Detail: detailListing + " (indexes shown)", Langs: py,
		Keywords: []string{"show_index"},
		Re:       regexp.MustCompile(`['"]show_indexes['"]\s*:\s*True|\bshow_index(?:es)?\s*=\s*True`)},
	{Weakness: WeakDirListing, Detail: detailListing + " (http.FileServer on a directory)", Langs: goOnly,
		Keywords: []string{"FileServer", "Browse", "gin.Dir"},
		Re:       regexp.MustCompile(`\bhttp\.FileServer\(\s*http\.Dir\(|\bgin\.Dir\([^)\n]*,\s*true\s*\)|\bBrowse\s*:\s*true`)},

	{Weakness: WeakDirListing, Detail: detailListing + " (ASP.NET directory browsing)", Langs: []lang.Lang{lang.CSharp},
		Keywords: []string{"DirectoryBrowser", "DirectoryBrowsing"},
		// AddDirectoryBrowser() only registers the service; serving is Use....
		Re: regexp.MustCompile(`\.UseDirectoryBrowser\(|\bEnableDirectoryBrowsing\s*=\s*true\b|\bUseFileServer\(\s*enableDirectoryBrowsing\s*:\s*true\b`)},

	// GraphQL: the schema handed to anyone, or many operations per request.
	{Weakness: WeakGraphQLExposed, Detail: "GraphQL introspection turned on", Langs: js,
		Keywords:  []string{"introspection"},
		Re:        regexp.MustCompile(`\bintrospection\s*:\s*true\b`),
		NotInCall: devOnly},
	{Weakness: WeakGraphQLExposed, Detail: "GraphiQL or a GraphQL playground served", Langs: js,
		Keywords:  []string{"graphiql", "playground", "LandingPage"},
		Re:        regexp.MustCompile(`\b(?:graphiql|playground)\s*:\s*(?:true\b|['"]|\{)|\bApolloServerPluginLandingPage(?:GraphQLPlayground|LocalDefault)\(`),
		NotInCall: devOnly},
	{Weakness: WeakGraphQLExposed, Detail: "GraphiQL served by default (graphql-yoga)", Langs: js,
		Keywords:  []string{"createYoga"},
		Re:        regexp.MustCompile(`\bcreateYoga\(`),
		NotInCall: regexp.MustCompile(`graphiql`)},
	{Weakness: WeakGraphQLExposed, Detail: "batched GraphQL operations allowed", Langs: js,
		Keywords: []string{"allowBatchedHttpRequests"},
		Re:       regexp.MustCompile(`\ballowBatchedHttpRequests\s*:\s*true\b`)},
	{Weakness: WeakGraphQLExposed, Detail: "introspection off, but field suggestions still name the schema", Langs: js,
		Keywords: []string{"introspection", "NoSchemaIntrospectionCustomRule"},
		Re:       regexp.MustCompile(`\bintrospection\s*:\s*false\b|\bNoSchemaIntrospectionCustomRule\b`),
		Unless:   regexp.MustCompile(`(?i)blockFieldSuggestions|disableSuggestions|suggestions\s*:\s*false|graphql-armor`)},
	{Weakness: WeakGraphQLExposed, Detail: "GraphiQL served", Langs: py,
		Keywords:  []string{"graphiql"},
		Re:        regexp.MustCompile(`\bgraphiql\s*=\s*True\b`),
		NotInCall: devOnly},
	{Weakness: WeakGraphQLExposed, Detail: "GraphiQL served by default (Strawberry)", Langs: py,
		Keywords:  []string{"GraphQLRouter"},
		Re:        regexp.MustCompile(`\bGraphQLRouter\(`),
		NotInCall: regexp.MustCompile(`graphiql\s*=\s*(?:False|not\b|settings|os\.)|graphql_ide\s*=\s*(?:None|settings|os\.)`)},
	{Weakness: WeakGraphQLExposed, Detail: "batched GraphQL operations allowed", Langs: py,
		Keywords: []string{"batch"},
		Re:       regexp.MustCompile(`\bbatch\s*=\s*True\b`),
		Also:     regexp.MustCompile(`GraphQLView|graphene|graphql`)},
	{Weakness: WeakGraphQLExposed, Detail: "GraphQL playground served", Langs: goOnly,
		Keywords: []string{"playground."},
		Re:       regexp.MustCompile(`\bplayground\.(?:Handler|ApolloSandboxHandler|AltairHandler)\(`),
		NotNear:  devOnly},
	{Weakness: WeakGraphQLExposed, Detail: "GraphQL introspection on in every environment (gqlgen NewDefaultServer)", Langs: goOnly,
		Keywords: []string{"NewDefaultServer"},
		Re:       regexp.MustCompile(`\bhandler\.NewDefaultServer\(`),
		Unless:   regexp.MustCompile(`DisableIntrospection`)},

	// JWT: the signature is not what decides.
	{Weakness: "jwt-unverified", Detail: "JWT decoded without verifying its signature (jsonwebtoken's decode)", Langs: js,
		Keywords: []string{"jwt.decode"},
		Re:       regexp.MustCompile(`\bjwt\.decode\(`),
		Also:     regexp.MustCompile(`jsonwebtoken`),
		Unless:   regexp.MustCompile(`\bjwt\.verify\(`),
		// An id_token from the provider's token endpoint (a passport
		// strategy's params, an openid-client token set) came over TLS
		// from the issuer, which OpenID Connect lets stand for its
		// signature; one the browser posted does not.
		NotInCall: regexp.MustCompile(`\b(?:params|tokens?|tokenSet|tokenResponse)\.(?:id_token|idToken)\b`)},
	{Weakness: "jwt-unverified", Detail: "JWT verified with a key fetched from a URL the token names (jku/x5u)", Langs: code,
		Keywords: []string{"jku", "x5u"},
		Re:       regexp.MustCompile(`(?:fetch|axios(?:\.get)?|got|request|get|urlopen|Get|jwksUri|jwks_uri|JwksClient|jwksClient|PyJWKClient)\s*[(:]\s*[^\n]*\b(?:jku|x5u)\b`)},
	{Weakness: "jwt-unverified", Detail: "JWT verified with a key read from a file the token names (kid)", Langs: code,
		Keywords: []string{"kid"},
		Re:       regexp.MustCompile(`\b(?:readFileSync|readFile|open|ReadFile|Open|join|Join)\([^)\n]*\bkid\b`),
		Also:     regexp.MustCompile(`(?i)jwt|jose|jws`)},
	// A check of the token's own alg that answers "none" with the claims:
	// the unsigned token is let in (if (header.alg === 'none') return
	// payload). One that returns null or throws refuses it.
	{Weakness: "jwt-unverified", Detail: "JWT with alg none accepted unsigned", Langs: code,
		Keywords: []string{"alg", "Alg", "SignatureAlgorithm"},
		Re:       regexp.MustCompile(`(?im)(?:\balg\b['"]?\]?|\bAlg\(\)|\bSignatureAlgorithm)\s*(?:===?|\bis|\.Equals\()\s*(?:['"]none['"]|SecurityAlgorithms\.None)\s*\)?\s*\)?\s*(?://[^\n]*\s*)?[{:]?\s*(?:(?://|#)[^\n]*\s*)?return\s+([A-Za-z_$][\w$]*)\s*;?\s*(?:$|\})`),
		NotGroup: regexp.MustCompile(`^(?:null|nil|None|false|False|undefined)$`)},
	// ASP.NET: unsigned tokens allowed, or a signature validator that
	// hands back the token parsed from the string, checking nothing.
	{Weakness: "jwt-unverified", Detail: "JWT accepted without verifying its signature (TokenValidationParameters)", Langs: code,
		Keywords: []string{"RequireSignedTokens", "SignatureValidator"},
		Re:       regexp.MustCompile(`\bRequireSignedTokens\s*=\s*false\b|\bSignatureValidator\s*=\s*(?:delegate\s*)?\([^()]*\)\s*=>\s*(?:\{\s*return\s+)?new\s+(?:JwtSecurityToken|JsonWebToken)\(`)},
	{Weakness: WeakJWTUnpinned, Detail: detailJWTUnpinned, Langs: js,
		Keywords: []string{"jwt.verify"},
		// verify(token, key) or verify(token, key, callback): no options.
		Re:   regexp.MustCompile(`\bjwt\.verify\(\s*[\w.\[\]'"]+\s*,\s*[\w.\[\]'"()]+\s*(?:\)|,\s*(?:function\b|async\b|\(|\w+\s*=>))`),
		Also: regexp.MustCompile(`jsonwebtoken`),
		// A shared secret admits only HMAC: jsonwebtoken 9 refuses none
		// and a swapped algorithm with it. The risk is a public key.
		NotAfter: regexp.MustCompile(`(?i)^[^,]*,\s*[\w.\[\]'"]*secret`)},
	{Weakness: WeakJWTUnpinned, Detail: detailJWTUnpinned, Langs: py,
		Keywords:  []string{"jwt.decode"},
		Re:        regexp.MustCompile(`\bjwt\.decode\(`),
		NotInCall: regexp.MustCompile(`algorithms|verify_signature|verify\s*=`)},
	{Weakness: WeakJWTUnpinned, Detail: "JWT parsed without checking the signing method", Langs: goOnly,
		Keywords:  []string{"jwt.Parse"},
		Re:        regexp.MustCompile(`\bjwt\.Parse(?:WithClaims)?\(`),
		NotInCall: regexp.MustCompile(`\.Method\b|WithValidMethods|SigningMethod|,\s*[\w.]+\s*$`),
		// The key function checks the method: jwt.Parse(t, keyFunc(secret))
		// with func keyFunc(...) jwt.Keyfunc { ... t.Method.Alg() ... }.
		NotInCallee: regexp.MustCompile(`\.Method\b|SigningMethod`)},
	{Weakness: WeakJWTUnpinned, Detail: "JWT verified with the algorithm its own header names", Langs: code,
		Keywords: []string{"algorithms", "alg"},
		// algorithms: header.alg, or the header's alg passed as the
		// algorithm argument (jwt-simple's decode(token, key, false, alg)).
		Re: regexp.MustCompile(`\balgorithms\s*[:=]\s*\[?\s*[\w.]*(?:header|unverified)[\w.\[\]'"]*alg|\b(?:decode|verify)\([^()\n]*,\s*[\w.]*(?:header|unverified)\w*(?:\.|\[\s*['"])alg\b`)},

	// Tokens issued with no expiry: no exp claim in the payload and no
	// expiresIn option, anywhere in the file (a payload built earlier in
	// the function, or options set beside it, count). A leaked token then
	// works for as long as the key does.
	{Weakness: WeakJWTNoExpiry, Detail: detailJWTNoExpiry, Langs: js,
		Keywords: []string{"jwt.sign"},
		Re:       regexp.MustCompile(`\bjwt\.sign\(`),
		Also:     regexp.MustCompile(`jsonwebtoken`),
		Unless:   regexp.MustCompile(`\bexpiresIn\b|(?:^|[{,\s])['"]?exp['"]?\s*:|\[\s*['"]exp['"]\s*\]\s*=|\.exp\s*=`)},
	{Weakness: WeakJWTNoExpiry, Detail: detailJWTNoExpiry, Langs: py,
		Keywords: []string{"jwt.encode"},
		Re:       regexp.MustCompile(`\bjwt\.encode\(`),
		Unless:   regexp.MustCompile(`['"]exp['"]|\bexp\s*=|\bexpires_delta\b`)},
	{Weakness: WeakJWTNoExpiry, Detail: detailJWTNoExpiry, Langs: goOnly,
		Keywords: []string{"jwt.NewWithClaims"},
		Re:       regexp.MustCompile(`\bjwt\.NewWithClaims\(`),
		Unless:   regexp.MustCompile(`\bExpiresAt\b|"exp"`)},
	// Java and Kotlin: a builder chain read up to where it is signed
	// (jjwt's Jwts.builder()...compact(), java-jwt's JWT.create()...sign(alg)):
	// the chain sets the expiry or the token has none. One chain at a
	// time, so a file with two builders judges each.
	{Weakness: WeakJWTNoExpiry, Detail: detailJWTNoExpiry, Langs: jvm,
		Keywords: []string{"Jwts.builder", "JWT.create"},
		// The call goes on with a member (a comment's mention of
		// Jwts.builder() does not), so the chain read is the code's.
		Re:       regexp.MustCompile(`\bJwts\.builder\(\)(` + chainOn + `[\s\S]*?\.compact\(\))|\bJWT\.create\(\)(` + chainOn + `[\s\S]*?\.sign\()`),
		NotGroup: regexp.MustCompile(`\.(?:setExpiration|expiration|withExpiresAt)\(|\bClaims\.EXPIRATION\b|"exp"`)},

	// Passwords kept readable.
	{Weakness: WeakPasswordPlain, Detail: detailPasswordPlain, Langs: code,
		Keywords: []string{"password"},
		Re: regexp.MustCompile(`(?:^|[^.\w])\w+\.password\s*=\s*req\.body\.password\b|\bpassword\s*:\s*req\.body\.password\b|` +
			`\.password\s*(?:===?|!==?)\s*(?:req\.body\.|request\.\w+\[?['"]?)?password\b|\bpassword\s*(?:===?|!==?)\s*\w+\.password\b|` +
			`\b[A-Z]\w*\([^)\n]*\bpassword\s*=\s*(?:password|request\.\w+\[\s*['"]password['"]\s*\])\s*[,)]|\.objects\.create\([^)\n]*\bpassword\s*=`),
		Unless: slowHash},
	// JavaScript: the request's password taken into a variable, then
	// written into a record or a lookup's filter as it came
	// (User.create({ username, password }), findOne({ where: { password: password } })).
	{Weakness: WeakPasswordPlain, Detail: detailPasswordPlain, Langs: js,
		Keywords: []string{"password"},
		Re:       regexp.MustCompile(`\b(?:create|build|findOne|findAll|findOrCreate|findFirst|insert|insertOne|update|where)\s*\(\s*\{[^()]*?[{,\s]password\s*(?::\s*password\s*)?[,}\n]`),
		// Only where the variable is the request's: a record's own field
		// or a hash named password elsewhere is not.
		Also:   regexp.MustCompile(`\b(?:let|const|var)\s+password\s*=\s*req\.body\.password\b|\b(?:let|const|var)\s*\{[^{}=]*\bpassword\b[^{}=]*\}\s*=\s*req\.body\b`),
		Unless: slowHash},
	// C#: an entity initialized with an action's password parameter, or
	// a stored password compared with it, in a file that takes a request.
	{Weakness: WeakPasswordPlain, Detail: detailPasswordPlain, Langs: csharp,
		Keywords: []string{"Password"},
		Re:       regexp.MustCompile(`\bnew\s+([A-Z]\w*)\s*(?:\(\s*\))?\s*\{[^{}]*\bPassword\s*=\s*password\s*[,}]`),
		// A client's or a connection's credentials are a service's password.
		NotGroup: regexp.MustCompile(`Credential\w*$|Builder$|Options$|Settings$|Config\w*$|Client$|Request$|Message$`),
		Also:     csharpRequest,
		Unless:   slowHash},
	{Weakness: WeakPasswordPlain, Detail: detailPasswordPlain, Langs: csharp,
		Keywords: []string{"Password"},
		Re:       regexp.MustCompile(`\.Password\s*==\s*password\b|\bpassword\s*==\s*\w+\.Password\b`),
		Also:     csharpRequest,
		Unless:   slowHash},
	// Go: a struct literal or field given the request's password, or a
	// stored password compared with it, as it came.
	{Weakness: WeakPasswordPlain, Detail: detailPasswordPlain, Langs: goOnly,
		Keywords: []string{"Password"},
		// A literal of a type of this package (a library's options, such
		// as redis.Options, take a service's password).
		Re: regexp.MustCompile(`(?m)(?:^|[^.\w])[A-Za-z_]\w*\{[^{}\n]*\bPassword\s*:\s*` + goPasswordIn + `\s*[,}\n]|\.Password\s*=\s*` + goPasswordIn + `\s*$|` +
			`\.Password\s*[!=]=\s*` + goPasswordIn + `|` + goPasswordIn + `\s*[!=]=\s*\w+\.Password\b`),
		// Only where the file reads a request: a client's or a config's
		// Password field copied elsewhere is no user's password.
		Also:   regexp.MustCompile(`json\.NewDecoder\(\s*\w+\.Body\s*\)|\.ShouldBind\w*\(|\.Bind(?:JSON)?\(|\.BodyParser\(|FormValue\(|PostForm\(`),
		Unless: slowHash},
	// Spring Security told to compare passwords (or OAuth client secrets)
	// exactly as stored: NoOpPasswordEncoder keeps them in plain text.
	{Weakness: WeakPasswordPlain, Detail: "passwords checked as stored, in plain text (Spring's NoOpPasswordEncoder)", Langs: []lang.Lang{lang.Java, lang.Kotlin},
		Keywords: []string{"NoOpPasswordEncoder"},
		Re:       regexp.MustCompile(`\bNoOpPasswordEncoder\s*\.\s*(?:getInstance\s*\(|INSTANCE\b)|\bNoOpPasswordEncoder\s*\(`)},
	{Weakness: WeakPasswordPlain, Detail: "password encoded with base64, not hashed", Langs: code,
		Keywords: []string{"base64", "b64encode", "btoa"},
		Re: regexp.MustCompile(`(?i)\b(?:b64encode|btoa)\(\s*[\w.]*password\w*\s*(?:\.encode\([^)]*\))?\s*\)|` +
			`Buffer\.from\(\s*[\w.]*password\w*\s*\)\.toString\(\s*['"]base64|` +
			`base64\.\w+\.EncodeToString\(\s*\[\]byte\(\s*[\w.]*password\w*\s*\)\s*\)`)},

	// JSONP: any site reads the answer, with the visitor's cookies.
	{Weakness: "sensitive-response", Detail: "JSONP endpoint: any site reads the answer with the visitor's cookies", Langs: js,
		Keywords: []string{"jsonp"},
		Re:       regexp.MustCompile(`\.jsonp\(`)},

	// CSRF: a session the browser sends by itself, on every request from
	// any site. The rule asks whether anything checks where a state
	// change comes from.
	{Weakness: WeakCSRF, Detail: detailCookieSession, Langs: js,
		Keywords: []string{"session", "Session"},
		Re:       regexp.MustCompile(`\b(?:session|expressSession|cookieSession|koaSession)\(\s*(?:\{|\w+\s*,\s*app\b|app\b|\w*[cC]onfig\w*\s*\))`),
		Also:     regexp.MustCompile(`express-session|cookie-session|koa-session|@fastify/session|@fastify/secure-session`)},
	{Weakness: WeakCSRF, Detail: detailCookieSession + " (a token read from a cookie)", Langs: js,
		Keywords: []string{"req.cookies"},
		Re:       regexp.MustCompile(`\bjwt\.verify\(\s*req\.cookies\b|\b(?:token|jwt|accessToken|access_token)\s*=\s*req\.cookies\b`)},
	{Weakness: WeakCSRF, Detail: detailCookieSession + " (Flask-Login)", Langs: py,
		Keywords: []string{"LoginManager"},
		Re:       regexp.MustCompile(`\bLoginManager\(`)},
	{Weakness: WeakCSRF, Detail: detailCookieSession + " (Flask session)", Langs: py,
		Keywords: []string{"session["},
		Re:       regexp.MustCompile(`\bsession\[\s*['"][^'"\n]+['"]\s*\]\s*=`),
		Also:     regexp.MustCompile(`from\s+flask\s+import[^\n]*\bsession\b`)},
	{Weakness: WeakCSRF, Detail: detailCookieSession + " (Django sessions)", Langs: py,
		Keywords: []string{"SessionMiddleware"},
		Re:       regexp.MustCompile(`['"]django\.contrib\.sessions\.middleware\.SessionMiddleware['"]`)},
	{Weakness: WeakCSRF, Detail: "CSRF check turned off for a view (csrf_exempt)", Langs: py,
		Keywords: []string{"csrf_exempt"},
		Re:       regexp.MustCompile(`@csrf_exempt\b|\bcsrf_exempt\(`)},
	// ASP.NET Core's cookie authentication (AddCookie, Identity's cookie)
	// or session state: a cookie the browser sends cross-site.
	{Weakness: WeakCSRF, Detail: detailCookieSession + " (ASP.NET Core cookie authentication)", Langs: csharp,
		Keywords: []string{"AddCookie", "Identity<", "CookieAuthenticationDefaults", "AddSession"},
		Re:       regexp.MustCompile(`\.AddCookie\(|\bAdd(?:Default)?Identity<|\bCookieAuthenticationDefaults\.AuthenticationScheme\b|\.AddSession\(`)},
	{Weakness: WeakCSRF, Detail: detailCookieSession, Langs: goOnly,
		Keywords: []string{"sessions.", "scs.New"},
		Re:       regexp.MustCompile(`\bsessions\.(?:NewCookieStore|NewFilesystemStore|Sessions)\(|\bscs\.New\(`)},

	// Controls.
	{Control: "csrf-protection", Detail: "CSRF token checked on state-changing requests", Langs: code,
		Keywords: []string{"csrf", "Csrf", "CSRF", "xsrf", "XSRF", "nosurf"},
		Re: regexp.MustCompile(`(\bcsurf\(|\bcsrf\(\s*(?:\{|\))|\blusca\.csrf\(|\blusca\(\s*\{[^}]*csrf|\bdoubleCsrf\(|\bcsrfSync\(|@fastify/csrf-protection|` +
			`\bCSRFProtect\(|\bcsrf\.init_app\(|['"]django\.middleware\.csrf\.CsrfViewMiddleware['"]|\bWTF_CSRF_ENABLED\s*=\s*True|` +
			`\bcsrf\.Protect\(|\bnosurf\.New\(|\bcsrf\.Middleware\(|\bmiddleware\.CSRF(?:WithConfig)?\(|\bcsrf\.New\()`)},
	// Flask-WTF's check turned off for the app: CSRFProtect and every
	// form's token check stop (a testing or development config class's
	// setting is not production's: Pattern.counts).
	{Control: "csrf-disabled", Detail: "Flask-WTF's CSRF check turned off (WTF_CSRF_ENABLED = False)", Langs: py,
		Keywords: []string{"WTF_CSRF_ENABLED"},
		Re:       regexp.MustCompile(`\bWTF_CSRF_ENABLED['"]?\]?\s*[=:]\s*False\b`)},
	// Spring Security's check turned off: on by default, csrf().disable()
	// (or its lambda forms) stops it for the chain.
	{Control: "csrf-disabled", Detail: "Spring Security's CSRF check turned off (csrf().disable())", Langs: []lang.Lang{lang.Java, lang.Kotlin},
		Keywords: []string{"csrf"},
		Re:       regexp.MustCompile(`\bcsrf\(\s*\)\s*\.\s*disable\s*\(\s*\)|\bcsrf\s*\(\s*(?:AbstractHttpConfigurer::disable|\w+\s*->\s*\w+\s*\.\s*disable\s*\(\s*\))|\bcsrf\s*\{\s*disable\s*\(\s*\)`)},
	{Control: "csrf-protection", Detail: "session cookie SameSite=Strict", Langs: code,
		Keywords: []string{"ame", "AME"},
		Re:       regexp.MustCompile(`(?i)(same_?site['"]?\s*[:=]\s*['"]?strict|SameSiteStrictMode|SameSite=Strict)`)},
	{Control: "graphql-limit", Detail: "GraphQL depth or cost limit", Langs: code,
		Keywords: []string{"depth_limit", "graphql-armor", "maxDepth", "costLimit", "MaxTokens", "useDepthLimit"},
		Re:       regexp.MustCompile(`(depth_limit_validator\(|@escape\.tech/graphql-armor|maxDepthPlugin\(|costLimitPlugin\(|useDepthLimit\(|maxTokensPlugin\()`)},
	{Control: "csp", Detail: "Content-Security-Policy set", Langs: code,
		Keywords: []string{"helmet", "Content-Security-Policy", "contentSecurityPolicy", "CSP_", "csp"},
		Re:       regexp.MustCompile(`(\bhelmet\(|contentSecurityPolicy\b|Content-Security-Policy|\bCSP_DEFAULT_SRC\b|\bTalisman\(|content_security_policy\s*=)`)},
}

// constName is a name as a value starts: an identifier, not a member.
var constName = regexp.MustCompile(`^[A-Za-z_$][\w$]*`)

// constValue reports whether the value that starts at i (a sink's
// argument or right-hand side, to its line's end) is only names, joined
// by +, each declared const in the file with a literal that holds no
// placeholder: markup the app wrote, with no data in it.
func constValue(text string, i int) bool {
	rest := restOfLine(text, i)
	k := 0
	for k < len(rest) && (rest[k] == '_' || rest[k] == '$' || rest[k] == '+' || rest[k] == ' ' || rest[k] == '\t' ||
		'a' <= rest[k] && rest[k] <= 'z' || 'A' <= rest[k] && rest[k] <= 'Z' || '0' <= rest[k] && rest[k] <= '9') {
		k++
	}
	// The value ends there: a statement's or call's end, or an
	// attribute's closing quote (v-html="name").
	if k < len(rest) && !strings.ContainsRune(";)\"'}<,", rune(rest[k])) {
		return false
	}
	value := strings.TrimSpace(rest[:k])
	if value == "" {
		return false
	}
	if literalParam(text, i, value) {
		return true
	}
	for _, part := range strings.Split(value, "+") {
		part = strings.TrimSpace(part)
		if name := constName.FindString(part); name == "" || name != part || !declaredConstLiteral(text, name) && !literalOnlyVar(text, name) {
			return false
		}
	}
	return true
}

var (
	// numberDecl is a variable declared with a number (var i = 0), the
	// counters of a loop among them.
	numberDecl = regexp.MustCompile(`\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*\d`)
	// numberText is a number made text: (i + 1).toString(), String(n),
	// a digit, where the names are numbers the file declares.
	jsName     = regexp.MustCompile(`[A-Za-z_$][\w$]*`)
	numberText = regexp.MustCompile(`^(?:\d+|\(([\w$\s+*/%-]+)\)\.toString\(\)|([A-Za-z_$][\w$]*)\.toString\(\)|String\(([\w$\s+*/%-]+)\))$`)
)

// dataFree says whether one operand of a text built by + holds no data:
// a quoted literal (a template one with no placeholder), or a number the
// file counts made text.
func dataFree(part string, numbers map[string]bool) bool {
	if len(part) >= 2 && strings.ContainsRune("'\"`", rune(part[0])) && lang.SkipString(part, 0) == len(part) {
		return part[0] != '`' || !strings.Contains(part, "${")
	}
	m := numberText.FindStringSubmatch(part)
	if m == nil {
		return false
	}
	for _, name := range jsName.FindAllString(m[1]+" "+m[2]+" "+m[3], -1) {
		if !numbers[name] {
			return false
		}
	}
	return true
}

// literalArg is a call's one argument, a quoted literal.
var literalArg = regexp.MustCompile(`^\(\s*(?:'[^'\n]*'|"[^"\n]*")\s*\)`)

// literalParam reports whether name, the value at i, is the one
// parameter of the named function around i (function setTip(tip) {
// $('#tips').html(tip) }) and every use of that function in the file
// calls it with a quoted literal: the page's own text, passed through.
// A function handed on (as a callback, an export) may get anything.
func literalParam(text string, i int, name string) bool {
	if constName.FindString(name) != name {
		return false
	}
	defs := regexp.MustCompile(`\bfunction\s+([A-Za-z_$][\w$]*)\s*\(\s*`+regexp.QuoteMeta(name)+`\s*\)\s*\{`).FindAllStringSubmatchIndex(text, -1)
	for _, d := range defs {
		if d[0] > i {
			break
		}
		if end := closing(text, d[1]-1); end < i {
			continue
		}
		fn := text[d[2]:d[3]]
		calls := 0
		for _, u := range regexp.MustCompile(`\b`+regexp.QuoteMeta(fn)+`\b`).FindAllStringIndex(text, -1) {
			if u[0] == d[2] {
				continue // the declaration
			}
			if !literalArg.MatchString(text[u[1]:]) {
				return false
			}
			calls++
		}
		return calls > 0
	}
	return false
}

// literalOnlyVar reports whether every assignment to name in the file
// (var, let, plain and +=) gives it only text with no data in it (string
// literals, and numbers the file counts made text, joined by +), each
// statement closed by a semicolon, and no function takes a parameter of
// that name: a message the script picks among its own texts, or line
// numbers built in a loop (h += (i + 1).toString() + '<br/>').
func literalOnlyVar(text, name string) bool {
	n := regexp.QuoteMeta(name)
	if regexp.MustCompile(`\(\s*(?:[\w$]+\s*,\s*)*` + n + `\s*[,)]\s*(?:=>|\{)|\bfunction\b[^(\n]*\([^)]*\b` + n + `\b`).MatchString(text) {
		return false
	}
	assigns := regexp.MustCompile(`(?:^|[^.\w$])`+n+`\s*\+?=[^=]`).FindAllStringIndex(text, -1)
	if len(assigns) == 0 {
		return false
	}
	numbers := map[string]bool{}
	for _, m := range numberDecl.FindAllStringSubmatch(text, -1) {
		numbers[m[1]] = true
	}
	for _, a := range assigns {
		from := a[1] - 1
		value := strings.TrimSpace(text[from:statementEnd(text, from)])
		if value == "" {
			return false
		}
		for _, part := range lang.SplitTopLevelAt(value, '+') {
			if !dataFree(strings.TrimSpace(part), numbers) {
				return false
			}
		}
	}
	return true
}

var (
	// markupRead is a value that is all an element's markup, split into
	// lines or trimmed: text the page already shows, escaped as it shows it.
	markupRead = regexp.MustCompile(`^[\w$.()\[\]'"\s-]*\.(?:inner|outer)HTML(?:\.split\(\s*(?:'[^'\n]*'|"[^"\n]*")\s*\)|\.trim\(\s*\))*$`)
	// indexedName is a name, or one element of it (lines[i]).
	indexedName = regexp.MustCompile(`^([A-Za-z_$][\w$]*)(?:\[[\w$]+\])?$`)
)

// copiedMarkupValue reports whether the value from i to its statement's
// end joins, by +, only literals and variables (or their elements) every
// assignment of which in the file is an element's markup read back
// (lines = code.innerHTML.split("\n"); div.innerHTML = lines[i] + "\n"):
// markup the page already holds, put back line by line, inserts no data.
func copiedMarkupValue(text string, i int) bool {
	value := strings.TrimSpace(text[i:statementEnd(text, i)])
	if value == "" {
		return false
	}
	named := false
	for _, part := range lang.SplitTopLevelAt(value, '+') {
		part = strings.TrimSpace(part)
		if dataFree(part, nil) {
			continue
		}
		m := indexedName.FindStringSubmatch(part)
		if m == nil || !markupOnlyVar(text, m[1]) {
			return false
		}
		named = true
	}
	return named
}

// markupOnlyVar reports whether name is assigned in the file, and every
// assignment (var, let, const, plain) is markupRead.
func markupOnlyVar(text, name string) bool {
	n := regexp.QuoteMeta(name)
	assigns := regexp.MustCompile(`(?:^|[^.\w$])`+n+`\s*\+?=[^=]`).FindAllStringIndex(text, -1)
	if len(assigns) == 0 {
		return false
	}
	for _, a := range assigns {
		from := a[1] - 1
		if strings.Contains(text[a[0]:from], "+=") {
			return false // appends to the markup
		}
		if !markupRead.MatchString(strings.TrimSpace(text[from:statementEnd(text, from)])) {
			return false
		}
	}
	return true
}

// declaredConstLiteral reports whether the file declares name const with
// a string literal (a template literal without ${...} too), at the top
// of a line.
func declaredConstLiteral(text, name string) bool {
	n := regexp.QuoteMeta(name)
	re := regexp.MustCompile(`(?m)^\s*(?:export\s+)?const\s+` + n + `\s*(?::\s*string\s*)?=\s*(?:'[^'\n]*'|"[^"\n]*"|` + "`[^`$]*`" + `)\s*;?\s*$`)
	return re.MatchString(text)
}

var (
	// mintedField is a field that holds a token the server drew
	// (response.new_token, data.apiToken): random characters, no markup.
	mintedField = regexp.MustCompile(`(?:^|[_.])(?:[a-z]+_)*(?:token|uuid|guid)$|[a-z](?:Token|Uuid|Guid)$|^\w*\.(?:token|uuid|guid)$`)
	// memberChain is a name or a chain of property reads (this.$el.dataset.base).
	memberChain = regexp.MustCompile(`^[\w$]+(?:\.[\w$]+)*$`)
	// browserInput is what the visitor's browser or another page
	// controls: the address, the referrer, the window's name, a field's
	// text, the page's cookies and storage, a message from another window.
	browserInput  = regexp.MustCompile(`\b(?:location|document\.URL|documentURI|referrer|window\.name|URLSearchParams|localStorage|sessionStorage|cookie|postMessage)\b|\.(?:value|hash|search|textContent|innerText)\b|\bevent\.data\b|\be\.data\b`)
	quotedLiteral = regexp.MustCompile(`^(?:'[^'\n]*'|"[^"\n]*")$`)
	// oneArgCall is a call of a function or method with one argument.
	oneArgCall = regexp.MustCompile(`^(?:this\.)?([A-Za-z_$][\w$]*)\(\s*([^(),]+?)\s*\)$`)
)

// mintedValue reports whether the value from i to the end of its line
// is a server-drawn token (a response's token field), alone or passed
// to a function of the file that joins it to the page's own values only
// (return this.$el.dataset.base + token): what the app generated, not
// markup anyone wrote.
func mintedValue(text string, i int) bool {
	value := strings.TrimRight(strings.TrimSpace(restOfLine(text, i)), "; ")
	if browserInput.MatchString(value) {
		return false
	}
	if memberChain.MatchString(value) {
		return mintedField.MatchString(value)
	}
	m := oneArgCall.FindStringSubmatch(value)
	if m == nil || !memberChain.MatchString(m[2]) || !mintedField.MatchString(m[2]) {
		return false
	}
	def := regexp.MustCompile(`(?m)^[ \t]*(?:async[ \t]+)?(?:function[ \t]+)?` + regexp.QuoteMeta(m[1]) + `[ \t]*\([ \t]*([\w$]+)[ \t]*\)[ \t]*\{`).FindStringSubmatchIndex(text)
	if def == nil {
		return false
	}
	param := text[def[2]:def[3]]
	end := closing(text, def[1]-1)
	if end < 0 {
		return false
	}
	body := strings.TrimSpace(text[def[1]:end])
	ret, ok := strings.CutPrefix(body, "return ")
	if !ok || strings.Contains(ret, "\n") || browserInput.MatchString(ret) {
		return false
	}
	// Every part joined is the parameter, a literal, or a data attribute
	// of the page's own markup (this.$el.dataset.base).
	for _, part := range strings.Split(strings.TrimRight(ret, "; "), "+") {
		part = strings.TrimSpace(part)
		own := memberChain.MatchString(part) && strings.Contains(part, ".dataset.")
		if part != param && !own && !quotedLiteral.MatchString(part) {
			return false
		}
	}
	return true
}
