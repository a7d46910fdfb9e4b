package code

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
)

// S3Target is where a file's S3 client sends the objects. It is the one
// rule for naming an S3 client: the third-party detector names the
// vendor by it and the store detector the bucket.
//
//   - S3Amazon: the file makes an S3 client with no endpoint of its own
//     (or one at an amazonaws.com host): Amazon S3.
//   - S3Vendor: the file names a storage vendor's endpoint host
//     (r2.cloudflarestorage.com, digitaloceanspaces.com) or gives the
//     client a setting of that vendor's (endpoint: env.R2_URL): that
//     vendor.
//   - An endpoint from a setting (endpoint: config.s3.endpoint,
//     BaseEndpoint = cfg.Endpoint, endpoint_url=os.getenv(...), endpoint:
//     process.env.S3_ENDPOINT || undefined) may be left unset, and the SDK
//     then sends to Amazon: S3Amazon, the one answer for "endpoint unset".
//   - S3Compatible: the code gives the client a value of its own that is
//     no Amazon host: a host of the product's own (http://minio:9000), or
//     a setting's default (os.getenv("S3_ENDPOINT", "http://garage:3900"),
//     env.S3_URL || `http://${host}:9000`): S3-compatible object storage,
//     no third party the code names. So is a setting a Java or Kotlin
//     builder is always handed (.endpointOverride(URI.create(endPoint)),
//     new EndpointConfiguration(endpoint, region)): an unset value fails
//     there instead of meaning Amazon; under an if, or nullable, it is
//     the optional override again.
//   - S3Unset: the file uses the S3 SDK (its commands, its presigner)
//     but makes no client: it sends to whatever client another file
//     made.
//   - S3None: no S3 SDK.
type S3Target int

// S3 targets; see S3Target.
const (
	S3None S3Target = iota
	S3Unset
	S3Amazon
	S3Vendor
	S3Compatible
)

var (
	// s3EndpointRE is the endpoint an S3 client is given: endpoint: x,
	// endpoint_url=x, Endpoint: x, Go's BaseEndpoint = x, django-storages'
	// AWS_S3_ENDPOINT_URL = x, up to the end of the expression.
	s3EndpointRE = regexp.MustCompile(`(?i)(?:\b|_|base)endpoint(?:_?url)?['"]?\s*(?::=|[:=])\s*([^,\n)}]+)`)
	// builderEndpointRE is the endpoint a Java or Kotlin S3 builder is
	// given, as a call's first argument: SDK v2's
	// .endpointOverride(URI.create(x)), v1's new EndpointConfiguration(x,
	// region).
	builderEndpointRE = regexp.MustCompile(`(?:\.endpointOverride|\bEndpointConfiguration)\(\s*`)
	// s3ClientRE makes an S3 client: new S3Client(...), new AWS.S3(...),
	// boto3's client("s3") or resource("s3"), Go's s3.NewFromConfig,
	// s3.New, simples3.New, and django-storages' S3 backend named in
	// settings, and the Java SDKs' builders (S3Client.builder(),
	// AmazonS3ClientBuilder.standard(), new AmazonS3Client()).
	s3ClientRE = regexp.MustCompile(`\bnew\s+(?:AWS\.|Amazon)?S3(?:Client|mini)?\s*\(|\bS3(?:Async)?Client\.builder\(|\bAmazonS3ClientBuilder\.(?:standard|defaultClient)\(|\b(?:client|resource)\(\s*['"]s3['"]|\bs3\.(?:NewFromConfig|New)\(|\bsimples3\.New\(|['"]storages\.backends\.s3(?:boto3)?\.\w+['"]`)
	// settingRE is a setting's name in an expression (env.R2_URL,
	// os.environ["R2_ENDPOINT"], settings.r2_endpoint_url).
	settingRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+`)
	// nonAmazonValueRE is a value the code writes for an endpoint: a
	// quoted URL, host:port or localhost (an Amazon host is read before).
	nonAmazonValueRE = regexp.MustCompile("[\"'`](?:[a-zA-Z][a-zA-Z0-9+.-]*://|localhost\\b|[\\w-]+(?:\\.[\\w-]+)*:\\d+)")
	// noEndpointRE is an endpoint that overrides nothing.
	noEndpointRE = regexp.MustCompile(`^(?:undefined|null|None|nil|""|''|` + "``" + `)$`)
)

// S3Endpoint says where the S3 client of a file (its stripped source and
// Uses) sends objects, with the storage vendor for S3Vendor and the line
// that decides.
func S3Endpoint(uses []Use, src []byte) (S3Target, *catalog.Service, int) {
	s3 := bytes.Contains(src, []byte("storages.backends.s3"))
	for _, u := range uses {
		s3 = s3 || u.Service.ID == "aws-s3"
	}
	if !s3 {
		return S3None, nil, 0
	}
	for _, u := range uses {
		if !OtherStorage(u.Service) {
			continue
		}
		for _, h := range u.Service.Hosts {
			if i := bytes.Index(src, []byte(h)); i >= 0 {
				return S3Vendor, u.Service, LineAt(src, i)
			}
		}
	}
	// An endpoint counts in a file that makes the client: elsewhere an
	// endpoint key is another API's.
	client := s3ClientRE.FindIndex(src)
	target, line := S3Unset, 0
	// A site is where an endpoint is given: its offset, where its
	// expression starts, and whether a builder call gives it.
	type site struct {
		at, expr int
		builder  bool
	}
	var sites []site
	for _, m := range s3EndpointRE.FindAllSubmatchIndex(src, -1) {
		sites = append(sites, site{m[0], m[2], false})
	}
	for _, m := range builderEndpointRE.FindAllIndex(src, -1) {
		sites = append(sites, site{m[0], m[1], true})
	}
	slices.SortFunc(sites, func(a, b site) int { return a.at - b.at })
	for _, st := range sites {
		m := []int{st.at}
		expr := strings.TrimSpace(string(src[st.expr:exprEnd(src, st.expr)]))
		expr = strings.TrimSpace(strings.TrimSuffix(expr, ";"))
		switch {
		case expr == "" || noEndpointRE.MatchString(expr):
			continue
		case client == nil:
			continue
		case strings.Contains(expr, "amazonaws.com"):
			if target == S3Unset {
				target, line = S3Amazon, LineAt(src, m[0])
			}
			continue
		}
		for _, w := range settingRE.FindAllString(expr, -1) {
			if s := catalog.ForEnv(strings.ToUpper(w)); s != nil && OtherStorage(s) {
				return S3Vendor, s, LineAt(src, m[0])
			}
		}
		switch {
		case nonAmazonValueRE.MatchString(expr):
			if target != S3Compatible {
				target, line = S3Compatible, LineAt(src, m[0])
			}
		case requiredEndpoint(src, expr), st.builder && !optionalOverride(src, st.at, expr):
			// The client is made only when the setting is given, or a
			// builder is always handed the endpoint (URI.create of an
			// unset value fails; Java has no undefined that means "no
			// override"): there is no Amazon default, only the
			// operator's storage.
			if target != S3Compatible {
				target, line = S3Compatible, LineAt(src, m[0])
			}
		case target == S3Unset:
			target, line = S3Amazon, LineAt(src, m[0])
		}
	}
	if target != S3Unset {
		return target, nil, line
	}
	if client != nil {
		return S3Amazon, nil, LineAt(src, client[0])
	}
	return S3Unset, nil, 0
}

// amazonS3HostRE is an Amazon S3 host: s3.amazonaws.com,
// s3.eu-west-1.amazonaws.com, s3-eu-west-1.amazonaws.com,
// bucket.s3.amazonaws.com.
var amazonS3HostRE = regexp.MustCompile(`(?i)\bs3[.-](?:[\w-]+\.)*amazonaws\.com\b`)

// AmazonS3Host is the offset of the first Amazon S3 host in a settings
// file, or -1. Settings that give a client's endpoint an Amazon host
// (endpoint: https://s3.eu-west-1.amazonaws.com) make the endpoint an
// S3Compatible reading of the code found Amazon S3 after all.
func AmazonS3Host(src []byte) int {
	if m := amazonS3HostRE.FindIndex(src); m != nil {
		return m[0]
	}
	return -1
}

// nullableRE is an endpoint expression that may hand a builder no value:
// a null, a ternary, Kotlin's safe call.
var nullableRE = regexp.MustCompile(`\bnull\b|\?`)

// guardRE is a condition before a statement or block: if (x != null),
// Kotlin's x?.let {.
var guardRE = regexp.MustCompile(`\bif\s*\(|\?\.let\s*(?:\{|$)`)

// optionalOverride reports whether the builder call at i (given expr) is
// made only sometimes: under an if, in a block an if opens (if
// (endpoint != null) { builder.endpointOverride(...) }), or with a value
// that may be null. Such an override is optional, Amazon when unset.
func optionalOverride(src []byte, i int, expr string) bool {
	if nullableRE.MatchString(expr) {
		return true
	}
	start := bytes.LastIndexAny(src[:i], ";{}") + 1
	if guardRE.Match(src[start:i]) {
		return true
	}
	if start > 0 && src[start-1] == '{' {
		head := src[bytes.LastIndexAny(src[:start-1], ";{}")+1 : start]
		return guardRE.Match(head)
	}
	return false
}

// endpointNameRE is a setting's dotted name in an endpoint expression
// (cfg.S3.EndpointURL, settings.s3_endpoint, endpoint).
var endpointNameRE = regexp.MustCompile(`(?i)(?:[A-Za-z_$][\w$]*\.)*[\w$]*endpoint\w*`)

// requiredEndpoint reports whether every S3 client of the file is made
// inside a block that runs only when the endpoint setting in expr is set
// (Go's if cfg.Endpoint != "" { ... s3.New(...) }, JavaScript's
// if (endpoint) { new S3Client(...) }, Python's if settings.endpoint:):
// with no endpoint the code makes no client, so it never reaches Amazon.
// A guard that only sets the endpoint and a client made after it is the
// optional override, Amazon when unset.
func requiredEndpoint(src []byte, expr string) bool {
	clients := s3ClientRE.FindAllIndex(src, -1)
	if len(clients) == 0 {
		return false
	}
	for _, name := range endpointNameRE.FindAllString(expr, -1) {
		guard := regexp.MustCompile(`\bif\s*\(?\s*` + regexp.QuoteMeta(name) +
			`\s*(?:!==?\s*(?:""|''|nil|null|undefined|None)\s*)?\)?\s*(?:\{|:[ \t]*\n)`)
		var blocks [][2]int
		for _, g := range guard.FindAllIndex(src, -1) {
			if src[g[1]-1] == '{' {
				blocks = append(blocks, [2]int{g[1], exprEnd(src, g[1]-1)}) // through the closing brace
			} else {
				blocks = append(blocks, [2]int{g[1], indentedEnd(src, g[0], g[1])})
			}
		}
		inside := func(c []int) bool {
			for _, b := range blocks {
				if c[0] >= b[0] && c[0] < b[1] {
					return true
				}
			}
			return false
		}
		if len(blocks) > 0 && !slices.ContainsFunc(clients, func(c []int) bool { return !inside(c) }) {
			return true
		}
	}
	return false
}

// indentedEnd is where a Python block that starts after a guard line
// (at g, its body from body) ends: the first non-blank line indented no
// deeper than the guard's.
func indentedEnd(src []byte, g, body int) int {
	start := bytes.LastIndexByte(src[:g], '\n') + 1
	depth := g - start
	for i := body; i < len(src); {
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src) - i
		}
		line := src[i : i+end]
		if trimmed := bytes.TrimLeft(line, " \t"); len(trimmed) > 0 && len(line)-len(trimmed) <= depth {
			return i
		}
		i += end + 1
	}
	return len(src)
}

// OtherStorage: a storage vendor other than Amazon that the product does
// not run itself (Cloudflare R2, DigitalOcean Spaces; not MinIO's store).
func OtherStorage(s *catalog.Service) bool {
	return s.Category == "storage" && s.ID != "aws-s3" && s.Parent != "aws" && s.ThirdParty()
}

// exprEnd is where the expression that starts at i ends: the first ',',
// ';', newline or closing bracket outside brackets and strings, so a
// call's arguments (os.getenv("X", "http://minio:9000")) stay in it.
func exprEnd(src []byte, i int) int {
	depth := 0
	for ; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'', '`':
			for j := i + 1; j < len(src); j++ {
				if src[j] == '\\' {
					j++
				} else if src[j] == c {
					i = j
					break
				} else if src[j] == '\n' && c != '`' {
					i = j - 1
					break
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return i
			}
			depth--
		case ',', ';', '\n':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}
