// Package catalog is the list of services threatmap recognises: the SDKs,
// environment variables and API hosts that tie code to a third party or a
// store. The list is data (services.yaml, embedded), loaded once and
// strictly; this package only answers questions about it.
package catalog

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed services.yaml
var servicesYAML []byte

// Ecosystems a package name can belong to.
const (
	NPM  = "npm"
	PyPI = "pypi"
	Go   = "go"
	// Maven names are group:artifact (Maven and Gradle manifests).
	Maven    = "maven"
	RubyGems = "rubygems"
	Composer = "composer"
	NuGet    = "nuget"
)

// importLanguages are the languages whose code names a service by a
// module or a qualified name (imports key), parts joined by ".": Python
// modules, PHP namespaces (Aws.S3 for Aws\S3), Ruby constants (Aws.S3 for
// Aws::S3), Java and Kotlin packages, C# namespaces.
var importLanguages = []string{"python", "php", "ruby", "java", "csharp"}

// sdkEcosystems are the ecosystems whose names may end in "*": a prefix
// that takes a whole family of artifacts (com.amazonaws:aws-java-sdk-*).
var sdkEcosystems = []string{Maven, RubyGems, Composer, NuGet}

// Categories, assets and store kinds a service may name.
var (
	Categories = []string{"llm", "payments", "storage", "email", "sms", "auth", "analytics", "monitoring", "database", "messaging", "cloud", "geo", "search", "queue", "blockchain", "productivity", "security",
		// media embeds a page loads (a video player, an avatar), script CDNs, public data APIs
		"media", "cdn", "data"}
	Assets     = []string{"user-data", "credentials", "integrity"}
	StoreKinds = []string{"postgres", "mysql", "sqlite", "mongodb", "redis", "s3", "gcs", "azure-blob", "sqs", "rabbitmq", "kafka",
		"clickhouse", "dynamodb", "firestore", "cosmosdb", "elasticsearch", "meilisearch", "typesense", "solr", "nats", "neo4j", "cassandra", "mssql", "memcached", "document-file", "kv-file",
		// queues: managed ones, and the job queues a product runs on its own Redis or database
		"qstash", "vercel-queue", "inngest", "trigger-dev", "kinesis", "event-hubs", "azure-queue", "cloud-tasks", "pubsub", "bullmq", "celery", "hangfire", "rq", "dramatiq",
		"asynq", "river", "pg-boss", "sidekiq", "resque", "good-job", "solid-queue", "solid-cache", "graphile-worker", "liteque", "restate", "agenda", "temporal", "pulsar", "nsq", "mqtt",
		// a vendor's data products: the product keeps its data there
		"vercel-blob", "edge-config", "tinybird", "convex", "pinecone", "weaviate", "qdrant", "upstash-vector", "openai-vector-store", "oci-bucket",
		"oss-bucket", "cos-bucket", "obs-bucket", "ks3-bucket", "qiniu-bucket", "upyun-bucket"}
)

// Service is one catalogue entry.
type Service struct {
	ID          string              `yaml:"id" json:"id"`
	Name        string              `yaml:"name" json:"name"`
	Category    string              `yaml:"category" json:"category"`
	Asset       string              `yaml:"asset" json:"asset"`
	Parent      string              `yaml:"parent,omitempty" json:"parent,omitempty"`
	Driver      bool                `yaml:"driver,omitempty" json:"driver,omitempty"`
	Store       string              `yaml:"store,omitempty" json:"store,omitempty"`
	Schemes     []string            `yaml:"schemes,omitempty" json:"schemes,omitempty"`
	Env         []string            `yaml:"env,omitempty" json:"env,omitempty"`
	EnvPrefixes []string            `yaml:"env_prefixes,omitempty" json:"env_prefixes,omitempty"`
	Packages    map[string][]string `yaml:"packages,omitempty" json:"packages,omitempty"`
	Imports     map[string][]string `yaml:"imports,omitempty" json:"imports,omitempty"`
	Calls       []string            `yaml:"calls,omitempty" json:"calls,omitempty"`
	Hosts       []string            `yaml:"hosts,omitempty" json:"hosts,omitempty"`
	// Headers are the request headers the service's webhooks carry
	// (Stripe-Signature): code that reads one takes its webhooks.
	Headers []string `yaml:"headers,omitempty" json:"headers,omitempty"`
	// SignIn are the names sign-in libraries give the service's preset
	// (next-auth/providers/google, passport-github2, allauth's
	// providers.microsoft, goth's providers/discord): an app that
	// configures the preset signs users in with the service.
	SignIn []string `yaml:"signin,omitempty" json:"signin,omitempty"`
	// Exports are names another library exports that reach this
	// service, per ecosystem, as module.Name: a constructor or client
	// class whose name picks the service (go-pkgz/notify's NewSlack is
	// Slack, the Anthropic SDK's AnthropicVertex sends the prompts to
	// Google Vertex AI). Code that imports the module and calls the name
	// uses the service, whatever the library's own entry says. A name
	// that reaches the service only by default is written with the
	// options that send it elsewhere: "tesseract.js.createWorker unless
	// langPath" (its language data comes from jsDelivr unless langPath is
	// set), "golang.org/x/crypto/acme/autocert.Manager unless DirectoryURL"
	// (Let's Encrypt's directory unless another is given).
	Exports map[string][]string `yaml:"exports,omitempty" json:"exports,omitempty"`
	// Prefixes are the beginnings of strings a routing library reads as
	// this service, per module the code imports: apprise's notification
	// URLs (tgram:// is Telegram) and litellm's model names (anthropic/
	// is Anthropic). A string literal that starts with one, in a file
	// that imports the module, uses the service; without the library the
	// same text is only text.
	Prefixes map[string][]string `yaml:"prefixes,omitempty" json:"prefixes,omitempty"`

	calls []*regexp.Regexp
}

// ThirdParty reports whether the service is someone else's (an API the
// product calls) rather than a driver for a store the product runs.
func (s *Service) ThirdParty() bool { return !s.Driver }

// ReachedBy reports whether a file that imports the SDKs of the services
// imported names may reach s through one of its calls: its own SDK or
// its parent's (boto3's client("s3")).
func (s *Service) ReachedBy(imported map[string]bool) bool {
	if len(s.calls) == 0 {
		return false
	}
	return imported[s.Parent] || imported[s.ID]
}

// Export is a name a module exports that reaches a service (see
// Service.Exports).
type Export struct {
	Name    string
	Service *Service
	// Unless are the options that point the name at another host: set to
	// a value that names none of the service's domains, the name does not
	// reach the service.
	Unless []string
}

// CallIn returns the first code hint of the service found in src (a
// boto3 client('s3') call), as a byte offset, or -1.
func (s *Service) CallIn(src []byte) int {
	best := -1
	for _, re := range s.calls {
		if loc := re.FindIndex(src); loc != nil && (best < 0 || loc[0] < best) {
			best = loc[0]
		}
	}
	return best
}

type catalogue struct {
	services []*Service
	byID     map[string]*Service
	// packages maps "ecosystem\x00name" to a service; python imports use
	// the "python" ecosystem.
	packages map[string]*Service
	// scopes maps an npm scope ("@sentry/") to a service.
	scopes map[string]*Service
	// families maps "ecosystem\x00prefix" of a name ending in "*"
	// (maven com.amazonaws:aws-java-sdk-*) to a service.
	families map[string]*Service
	env      map[string]*Service
	// signin maps a sign-in preset's name, folded (SignInKey), to its
	// service.
	signin map[string]*Service
	// exports maps "ecosystem\x00module" to the names the module exports
	// that reach a service.
	exports map[string][]Export
	// prefixes maps a routing module to the string prefixes that pick a
	// service when a file imports it.
	prefixes map[string][]Prefix
}

// Prefix is the beginning of a string a routing library reads as a
// service (see Service.Prefixes).
type Prefix struct {
	Text    string
	Service *Service
}

var (
	loadOnce sync.Once
	loaded   *catalogue
	loadErr  error
)

func get() *catalogue {
	loadOnce.Do(func() { loaded, loadErr = parse(servicesYAML) })
	if loadErr != nil {
		// The file is embedded and validated by a test: failing here is a
		// build defect, not a user error.
		panic("catalog: " + loadErr.Error())
	}
	return loaded
}

var (
	exportNameRE = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)
	idRE         = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	envRE        = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	schemeRE     = regexp.MustCompile(`^[a-z][a-z0-9+.-]*$`)
)

// parse loads and validates a catalogue; every problem is reported at once.
func parse(data []byte) (*catalogue, error) {
	var doc struct {
		Services []*Service `yaml:"services"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("services.yaml: %w", err)
	}
	c := &catalogue{
		byID:     map[string]*Service{},
		packages: map[string]*Service{},
		scopes:   map[string]*Service{},
		families: map[string]*Service{},
		env:      map[string]*Service{},
		signin:   map[string]*Service{},
		exports:  map[string][]Export{},
		prefixes: map[string][]Prefix{},
	}
	var problems []string
	bad := func(s *Service, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("service %q: %s", s.ID, fmt.Sprintf(format, args...)))
	}
	for _, s := range doc.Services {
		if !idRE.MatchString(s.ID) {
			bad(s, "id must be lower-case words joined by '-'")
		}
		if c.byID[s.ID] != nil {
			bad(s, "duplicate id")
		}
		c.byID[s.ID] = s
		c.services = append(c.services, s)
		if strings.TrimSpace(s.Name) == "" {
			bad(s, "name is empty")
		}
		if !slices.Contains(Categories, s.Category) {
			bad(s, "category %q is not one of %s", s.Category, strings.Join(Categories, "|"))
		}
		if !slices.Contains(Assets, s.Asset) {
			bad(s, "asset %q is not one of %s", s.Asset, strings.Join(Assets, "|"))
		}
		if s.Store != "" && !slices.Contains(StoreKinds, s.Store) {
			bad(s, "store %q is not one of %s", s.Store, strings.Join(StoreKinds, "|"))
		}
		if s.Driver && s.Store == "" {
			bad(s, "a driver must name its store kind")
		}
		for _, sc := range s.Schemes {
			if !schemeRE.MatchString(sc) {
				bad(s, "scheme %q is not a URL scheme", sc)
			}
		}
		for _, e := range append(slices.Clone(s.Env), s.EnvPrefixes...) {
			if !envRE.MatchString(e) {
				bad(s, "environment variable %q must be upper-case", e)
			}
		}
		for _, p := range s.EnvPrefixes {
			if !strings.HasSuffix(p, "_") {
				bad(s, "env prefix %q must end with '_'", p)
			}
		}
		for eco, names := range s.Packages {
			if eco != NPM && eco != PyPI && eco != Go && !slices.Contains(sdkEcosystems, eco) {
				bad(s, "packages: unknown ecosystem %q (npm, pypi, go, maven, rubygems, composer, nuget)", eco)
			}
			for _, n := range names {
				if n == "" || strings.ContainsAny(n, " \t") {
					bad(s, "packages: bad %s name %q", eco, n)
				}
			}
		}
		for lang, mods := range s.Imports {
			if !slices.Contains(importLanguages, lang) {
				bad(s, "imports: unknown language %q (%s)", lang, strings.Join(importLanguages, ", "))
			}
			for _, m := range mods {
				if m == "" || strings.ContainsAny(m, " \t-\\:") {
					bad(s, "imports: bad module %q (parts joined by '.')", m)
				}
			}
		}
		for _, expr := range s.Calls {
			re, err := regexp.Compile(expr)
			if err != nil {
				bad(s, "calls: %v", err)
				continue
			}
			s.calls = append(s.calls, re)
		}
		if len(s.Calls) > 0 && s.Parent == "" {
			bad(s, "calls pick a service out of its parent's SDK: set parent")
		}
		for eco, names := range s.Exports {
			if eco != NPM && eco != "python" && eco != Go {
				bad(s, "exports: unknown ecosystem %q (npm, python, go)", eco)
			}
			for _, n := range names {
				var unless []string
				if name, opts, ok := strings.Cut(n, " unless "); ok {
					n = name
					unless = strings.Split(opts, "|")
					if slices.ContainsFunc(unless, func(o string) bool { return !exportNameRE.MatchString(o) }) {
						bad(s, "exports: %q: unless takes option names separated by |", opts)
					}
				}
				i := strings.LastIndexByte(n, '.')
				if i <= 0 || !exportNameRE.MatchString(n[i+1:]) || strings.ContainsAny(n, " \t") {
					bad(s, "exports: %q must be module.Name", n)
					continue
				}
				k := eco + "\x00" + n[:i]
				for _, e := range c.exports[k] {
					if e.Name == n[i+1:] && e.Service != s {
						bad(s, "exports: %s is already %q's", n, e.Service.ID)
					}
				}
				c.exports[k] = append(c.exports[k], Export{Name: n[i+1:], Service: s, Unless: unless})
			}
		}
		for mod, texts := range s.Prefixes {
			if mod == "" || strings.ContainsAny(mod, " \t") {
				bad(s, "prefixes: bad module %q", mod)
			}
			for _, t := range texts {
				if len(t) < 3 || strings.ContainsAny(t, " \t\"'`") {
					bad(s, "prefixes: %q must be the start of a string (tgram://, anthropic/)", t)
				}
				for _, p := range c.prefixes[mod] {
					if p.Text == t && p.Service != s {
						bad(s, "prefixes: %s %s is already %q's", mod, t, p.Service.ID)
					}
				}
				c.prefixes[mod] = append(c.prefixes[mod], Prefix{Text: t, Service: s})
			}
		}
		for _, h := range s.Hosts {
			if !strings.Contains(h, ".") || strings.Contains(h, "://") {
				bad(s, "hosts: %q must be a bare host name (api.example.com)", h)
			}
		}
		for _, h := range s.Headers {
			if h == "" || strings.ContainsAny(h, " :\"'`") {
				bad(s, "headers: %q must be a header name (Stripe-Signature)", h)
			}
		}
		for _, n := range s.SignIn {
			k := SignInKey(n)
			if k == "" {
				bad(s, "signin: %q has no letters", n)
			} else if o := c.signin[k]; o != nil && o != s {
				bad(s, "signin %s is already %q's", n, o.ID)
			}
			c.signin[k] = s
		}
		if len(s.Packages) == 0 && len(s.Imports) == 0 && len(s.Hosts) == 0 && len(s.Calls) == 0 && len(s.Headers) == 0 && len(s.Exports) == 0 && len(s.Prefixes) == 0 {
			bad(s, "nothing in code can point to it: give packages, imports, calls, exports, hosts or headers")
		}
	}
	for _, s := range c.services {
		if s.Parent != "" {
			if p := c.byID[s.Parent]; p == nil {
				bad(s, "parent %q is not a service", s.Parent)
			} else if p.Parent != "" {
				bad(s, "parent %q has a parent itself; keep one level", s.Parent)
			}
		}
		claim := func(key string, what string) {
			if o := c.packages[key]; o != nil && o != s {
				bad(s, "%s is already %q's", what, o.ID)
			}
			c.packages[key] = s
		}
		for eco, names := range s.Packages {
			for _, n := range names {
				if eco == NPM && strings.HasSuffix(n, "/*") {
					scope := strings.TrimSuffix(n, "*")
					if o := c.scopes[scope]; o != nil && o != s {
						bad(s, "npm scope %s is already %q's", scope, o.ID)
					}
					c.scopes[scope] = s
					continue
				}
				if slices.Contains(sdkEcosystems, eco) && strings.HasSuffix(n, "*") {
					key := eco + "\x00" + normalize(eco, strings.TrimSuffix(n, "*"))
					if o := c.families[key]; o != nil && o != s {
						bad(s, "%s family %s is already %q's", eco, n, o.ID)
					}
					c.families[key] = s
					continue
				}
				claim(eco+"\x00"+normalize(eco, n), eco+" package "+n)
			}
		}
		mods := s.Imports["python"]
		if mods == nil {
			for _, n := range s.Packages[PyPI] {
				mods = append(mods, strings.ReplaceAll(normalize(PyPI, n), "-", "_"))
			}
		}
		for _, m := range mods {
			claim("python\x00"+m, "python module "+m)
		}
		for _, lang := range importLanguages[1:] {
			for _, m := range s.Imports[lang] {
				claim(lang+"\x00"+m, lang+" name "+m)
			}
		}
		for _, e := range s.Env {
			if o := c.env[e]; o != nil && o != s {
				bad(s, "env %s is already %q's", e, o.ID)
			}
			c.env[e] = s
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("services.yaml has %d problem(s):\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	sort.Slice(c.services, func(i, j int) bool { return c.services[i].ID < c.services[j].ID })
	return c, nil
}

// normalize makes a package name comparable: PyPI names are
// case-insensitive with '-', '_' and '.' equal (PEP 503); npm and Go
// names are compared as written (Go paths are case-sensitive).
func normalize(eco, name string) string {
	switch eco {
	case Composer, NuGet:
		return strings.ToLower(name) // both registries fold case
	}
	if eco != PyPI {
		return name
	}
	name = strings.ToLower(name)
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '.' {
			return '-'
		}
		return r
	}, name)
}

// All returns every service, sorted by id. The slice is shared: do not
// modify it.
func All() []*Service { return get().services }

// ByID returns a service by its id, or nil.
func ByID(id string) *Service { return get().byID[id] }

// ForPackage returns the service a manifest dependency or an import
// belongs to, or nil. ecosystem is npm, pypi or go for manifest names,
// or python for a dotted module imported in code (php, ruby, java and
// csharp for a qualified name, parts joined by "."). npm names may carry a
// subpath (openai/resources), Go paths a package below the module, and
// python modules a submodule: the most specific entry wins.
func ForPackage(ecosystem, name string) *Service {
	c := get()
	switch ecosystem {
	case NPM:
		name = npmPackage(name)
		if s := c.packages[NPM+"\x00"+name]; s != nil {
			return s
		}
		if i := strings.IndexByte(name, '/'); strings.HasPrefix(name, "@") && i > 0 {
			return c.scopes[name[:i+1]]
		}
		return nil
	case PyPI:
		return c.packages[PyPI+"\x00"+normalize(PyPI, name)]
	case Go:
		return longestPrefix(c.packages, Go, name, '/')
	case "python", "php", "ruby", "java", "csharp":
		return longestPrefix(c.packages, ecosystem, name, '.')
	case Maven, RubyGems, Composer, NuGet:
		name = normalize(ecosystem, name)
		if s := c.packages[ecosystem+"\x00"+name]; s != nil {
			return s
		}
		// The longest family prefix wins.
		for p := name; p != ""; p = p[:len(p)-1] {
			if s := c.families[ecosystem+"\x00"+p]; s != nil {
				return s
			}
		}
	}
	return nil
}

// longestPrefix finds the entry equal to name or to a prefix of it that
// ends at a separator.
func longestPrefix(m map[string]*Service, eco, name string, sep byte) *Service {
	for p := name; p != ""; {
		if s := m[eco+"\x00"+p]; s != nil {
			return s
		}
		i := strings.LastIndexByte(p, sep)
		if i < 0 {
			return nil
		}
		p = p[:i]
	}
	return nil
}

// npmPackage strips a subpath from an import specifier: "@aws-sdk/client-s3/dist"
// becomes "@aws-sdk/client-s3", "openai/resources" becomes "openai".
func npmPackage(spec string) string {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) >= 2 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// ForEnv returns the service an environment variable belongs to: listed
// by name, or else by the longest matching prefix (STRIPE_PRICE_ID is
// Stripe's). nil when no service claims it.
func ForEnv(name string) *Service {
	c := get()
	if s := c.env[name]; s != nil {
		return s
	}
	// Front-end bundlers expose variables under a public prefix
	// (VITE_STRIPE_PUBLISHABLE_KEY is Stripe's).
	for _, p := range publicPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			if s := forEnvName(c, rest); s != nil {
				return s
			}
		}
	}
	return forEnvName(c, name)
}

var publicPrefixes = []string{"NEXT_PUBLIC_", "NUXT_PUBLIC_", "EXPO_PUBLIC_", "REACT_APP_", "VITE_", "PUBLIC_", "GATSBY_"}

func forEnvName(c *catalogue, name string) *Service {
	if s := c.env[name]; s != nil {
		return s
	}
	// A sign-in provider's client pair is often spelled short
	// (GOOGLE_KEY and GOOGLE_SECRET for GOOGLE_CLIENT_ID and
	// GOOGLE_CLIENT_SECRET): the entry that lists the long spelling owns
	// the short one. Only the bare pair: GOOGLE_ANALYTICS_ID is not it.
	for _, suffix := range []string{"_KEY", "_SECRET"} {
		if vendor, ok := strings.CutSuffix(name, suffix); ok && vendor != "" {
			if s := c.env[vendor+"_CLIENT_SECRET"]; s != nil {
				return s
			}
		}
	}
	var best *Service
	bestLen := 0
	for _, s := range c.services {
		for _, p := range s.EnvPrefixes {
			if len(p) > bestLen && strings.HasPrefix(name, p) && len(name) > len(p) {
				best, bestLen = s, len(p)
			}
		}
	}
	return best
}

// SignInKey folds a sign-in preset's name as libraries spell it
// (azure-ad, AzureAD, azure_ad, MicrosoftEntraId) to one key: lower-case
// letters and digits.
func SignInKey(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, name)
}

// ExportsOf returns the names module exports that reach a service, in
// an ecosystem (npm, python or go), or nil.
func ExportsOf(ecosystem, module string) []Export {
	return get().exports[ecosystem+"\x00"+module]
}

// PrefixesOf returns the string prefixes a routing module reads as
// services, or nil.
func PrefixesOf(module string) []Prefix { return get().prefixes[module] }

// PrefixModules lists the modules that have prefixes.
func PrefixModules() []string {
	var out []string
	for m := range get().prefixes {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// ForSignIn returns the service a sign-in preset's name stands for
// (google, github2 is not github: callers strip a library's suffixes),
// or nil: a generic preset (oidc, credentials, email) names none.
func ForSignIn(name string) *Service { return get().signin[SignInKey(name)] }

// BucketService returns the storage service whose store is kind (S3,
// GCS, OSS: a vendor keeping the product's files in buckets), or nil for
// a database, a queue or a search index. A storage vendor whose SDK
// alone opens no store (Dropbox: its client may only sign users in) is
// named by its id: a detector that sees the app keep files there (a
// Laravel disk of its driver) uses the id as the kind.
func BucketService(kind string) *Service {
	for _, s := range get().services {
		if s.Store == kind && s.Category == "storage" {
			return s
		}
	}
	if s := get().byID[kind]; s != nil && s.Store == "" && s.Category == "storage" {
		return s
	}
	return nil
}

// ForScheme returns the store service a connection URL scheme names
// (postgresql+asyncpg is postgres), or nil.
func ForScheme(scheme string) *Service {
	scheme = strings.ToLower(scheme)
	if i := strings.IndexByte(scheme, '+'); i > 0 && scheme != "mongodb+srv" {
		scheme = scheme[:i]
	}
	for _, s := range get().services {
		if slices.Contains(s.Schemes, scheme) {
			return s
		}
	}
	return nil
}

// credentialSuffixes end the names of variables that unlock a service
// (OKTA_CLIENT_SECRET, ACME_API_KEY), as opposed to ones that configure it.
// _SECRET_ACCESS_KEY is the secret of every S3-compatible vendor's key
// pair (B2_SECRET_ACCESS_KEY beside B2_ENDPOINT_URL).
var credentialSuffixes = []string{"_CLIENT_SECRET", "_APP_SECRET", "_API_KEY", "_SECRET_KEY", "_SECRET_ACCESS_KEY", "_ACCESS_TOKEN", "_AUTH_TOKEN", "_API_TOKEN", "_BOT_TOKEN", "_APP_PASSWORD", "_PRIVATE_KEY", "_LICENSE_KEY"}

// namespaces are prefixes an app puts before a provider's own variable
// names (OAUTH_GITHUB_CLIENT_SECRET is GitHub's), or a storage
// backend's settings before its vendor's (DATASOURCE_SUPABASE_KEY).
var namespaces = []string{"OAUTH_", "SOCIAL_AUTH_", "AUTH_", "DATASOURCE_"}

// childName is a variable's name after its parent vendor's prefix, when
// what follows is a prefix of one of the parent's services
// (AWS_CLOUDFRONT_KEY is CloudFront's CLOUDFRONT_KEY: the AWS_ prefix
// hides the service's own), or "".
func childName(c *catalogue, name string) string {
	for _, s := range c.services {
		p := c.byID[s.Parent]
		if p == nil {
			continue
		}
		for _, pp := range p.EnvPrefixes {
			rest, ok := strings.CutPrefix(name, pp)
			if !ok {
				continue
			}
			for _, cp := range s.EnvPrefixes {
				if strings.HasPrefix(rest, cp) && len(rest) > len(cp) {
					return rest
				}
			}
		}
	}
	return ""
}

// CredentialOf returns the service a secret variable unlocks, strictly:
// a variable the catalogue lists, or a service's prefix followed by a
// credential suffix, after any public or OAuth namespace. A prefix alone
// is not enough here (MAGIC_LINK_SECRET is no key to Magic). nil when no
// service claims it.
func CredentialOf(name string) *Service {
	c := get()
	names := []string{name}
	for _, p := range append(slices.Clone(publicPrefixes), namespaces...) {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			names = append(names, rest)
		}
	}
	for _, n := range names {
		if rest := childName(c, n); rest != "" {
			names = append(names, rest)
		}
	}
	for _, n := range names {
		if s := c.env[n]; s != nil {
			return s
		}
	}
	for _, n := range names {
		// A service's prefix and KEY or SECRET alone (CLOUDFRONT_KEY,
		// STRIPE_SECRET): a secret named for nothing else of the service.
		if s := forEnvName(c, n); s != nil {
			for _, p := range s.EnvPrefixes {
				if n == p+"KEY" || n == p+"SECRET" {
					return s
				}
			}
		}
		for _, suffix := range credentialSuffixes {
			if !strings.HasSuffix(n, suffix) {
				continue
			}
			if s := forEnvName(c, n); s != nil {
				for _, p := range s.EnvPrefixes {
					if n == p+suffix[1:] {
						return s
					}
				}
			}
		}
	}
	return nil
}

// ForSecretEnv is ForEnv for a variable that holds a secret, read past
// one leading word an app prefixes its settings with
// (COMMENTO_AKISMET_KEY, MYAPP_STRIPE_SECRET are Akismet's and Stripe's
// as AKISMET_KEY and STRIPE_SECRET are). Only a secret: a setting's
// second word alone (SITE_META_TITLE) names no vendor it unlocks.
func ForSecretEnv(name string) *Service {
	if s := ForEnv(name); s != nil {
		return s
	}
	if i := strings.IndexByte(name, '_'); i > 0 && i+1 < len(name) {
		return ForEnv(name[i+1:])
	}
	return nil
}
