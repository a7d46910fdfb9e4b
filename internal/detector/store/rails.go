package store

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/yamlnode"
)

// Rails names its stores in configuration, not in code that opens them:
// config/database.yml's adapter per environment, config/cable.yml's
// adapter (redis), config.cache_store (:redis_cache_store,
// :mem_cache_store), Active Job's queue adapter (:sidekiq), Sidekiq's
// Redis settings, and Active Storage's service (config/storage.yml's
// services, one chosen by config.active_storage.service). Only what the
// production app uses is a store: a database.yml's production block (or,
// with none, a server engine the app develops against: production then
// gets DATABASE_URL for the same engine; a development SQLite file with
// no production block says nothing about production), the settings of
// config/application.rb, config/environments/production.rb and the
// initializers, never development.rb or test.rb, and never a file under
// test/ or spec/.

var (
	// railsEnvRE is a Ruby read of the environment: ENV["X"],
	// ENV.fetch("X"), ENV.fetch("X") { ... }.
	railsEnvRE = regexp.MustCompile(`\bENV(?:\.fetch)?\s*[\[(]\s*['"]([A-Z][A-Z0-9_]*)['"]`)
	// erbRE is an ERB tag in a YAML settings file.
	erbRE = regexp.MustCompile(`(?s)<%.*?%>`)
	// railsCacheStoreRE is config.cache_store = ..., its value read up to
	// the next setting (a conditional may choose among stores).
	railsCacheStoreRE = regexp.MustCompile(`\.cache_store\s*=`)
	railsSymbolRE     = regexp.MustCompile(`:(\w+)`)
	// railsQueueAdapterRE is Active Job's adapter:
	// config.active_job.queue_adapter = :sidekiq (or a string).
	railsQueueAdapterRE = regexp.MustCompile(`\.queue_adapter\s*=\s*[:'"](\w+)`)
	// railsSidekiqRedisRE is Sidekiq's Redis settings:
	// Sidekiq.default_configuration.redis = {...}, config.redis = {...}
	// inside Sidekiq.configure_server.
	railsSidekiqRedisRE = regexp.MustCompile(`\.redis\s*=\s*[{\w]`)
	// railsStorageServiceRE chooses Active Storage's service.
	railsStorageServiceRE = regexp.MustCompile(`\.active_storage\.service\s*=\s*[:'"](\w+)`)
	// railsStorageFromEnvRE chooses it from the environment, a default
	// beside: ENV.fetch("ACTIVE_STORAGE_SERVICE", "local").to_sym,
	// (ENV["X"] || :local).to_sym.
	// railsStorageAssignRE is any choice of the service; one whose value
	// is no literal (a conditional over the environment) picks among the
	// services it names as symbols (railsStorageChoices).
	railsStorageAssignRE  = regexp.MustCompile(`\.active_storage\.service\s*=`)
	railsStorageFromEnvRE = regexp.MustCompile(`\.active_storage\.service\s*=\s*\(?\s*ENV\s*(?:\.fetch\(|\[)\s*['"]\w+['"]`)
	// railsCableRequireRE loads Action Cable: all of Rails, or its engine
	// (comments are stripped: a commented-out require loads nothing).
	railsCableRequireRE = regexp.MustCompile(`(?m)^\s*require\s*\(?\s*['"](?:rails/all|action_cable/engine)['"]`)
	// railsAttachedRE is a model attaching files through Active Storage.
	railsAttachedRE = regexp.MustCompile(`\bhas_(?:one|many)_attached\s+:`)
	quotedLiteralRE = regexp.MustCompile(`['"]([\w./-]+)['"]`)
)

// railsCacheStores are the cache stores that keep data outside the
// process, as store kinds.
var railsCacheStores = map[string]string{"redis_cache_store": "redis", "redis_store": "redis", "mem_cache_store": "memcached", "dalli_store": "memcached", "solid_cache_store": "solid-cache"}

// railsQueueAdapters are Active Job's adapters as store kinds, with the
// server the queue lives in when it is not the app's database.
var railsQueueAdapters = map[string]struct{ kind, server string }{
	"sidekiq": {"sidekiq", "redis"}, "resque": {"resque", "redis"},
	"good_job": {"good-job", ""}, "solid_queue": {"solid-queue", ""},
}

// railsStorageKinds are Active Storage's services as store kinds.
// AzureBlob is the azure-blob gem's service, which replaced Rails' own
// AzureStorage.
var railsStorageKinds = map[string]string{"S3": "s3", "GCS": "gcs", "AzureStorage": "azure-blob", "AzureBlob": "azure-blob", "Disk": KindFilesystem}

// railsConfig is what a tree's Active Storage settings say (the service
// chosen and the services declared are in different files).
type railsConfig struct {
	// services: config/storage.yml's services by name.
	services map[string]railsService
	// chosen: the services config.active_storage.service picks.
	chosen []laravelSetting
	// fromEnv: where production picks the service from the environment:
	// the operator may pick any declared service but the ones only
	// development and test pick (others).
	fromEnv []facts.Evidence
	others  map[string]bool
	// vendorBuckets: the S3 buckets chosen at a storage vendor's
	// endpoint, by store name (railsStores).
	vendorBuckets map[string][]facts.Evidence
	// attached: some model attaches files.
	attached bool
	// cable: the Redis cable.yml's production adapter names, a store
	// only when the app loads Action Cable: config/application.rb
	// requires rails/all or its engine (cableLoaded), or no
	// application.rb was read (appRB) to say it does not.
	cable              []facts.Evidence
	appRB, cableLoaded bool
	// adapterFromEnv: where database.yml's production adapter is read
	// from the environment; adapterGems: the database adapter gems the
	// Gemfile loads in production, each an engine the operator may pick.
	adapterFromEnv []facts.Evidence
	adapterGems    map[string][]facts.Evidence
	// cwDefault: the storage CarrierWave.configure sets for every
	// uploader (config.storage = :fog), "" when none does (CarrierWave's
	// default is :file); cwUnset: the folders of uploaders that choose no
	// storage of their own, which the default decides (railsStores).
	cwDefault string
	cwUnset   map[string][]facts.Evidence
}

// railsService is one Active Storage service.
type railsService struct {
	kind, bucket, folder string
	// vendor: the storage vendor an S3 service's endpoint names
	// (r2.cloudflarestorage.com is Cloudflare R2's), "" for Amazon.
	vendor string
	ev     facts.Evidence
}

func (c *railsConfig) merge(o railsConfig) {
	if c.services == nil {
		c.services = map[string]railsService{}
	}
	for k, v := range o.services {
		if prev, ok := c.services[k]; !ok || v.ev.File < prev.ev.File {
			c.services[k] = v
		}
	}
	c.chosen = append(c.chosen, o.chosen...)
	c.fromEnv = append(c.fromEnv, o.fromEnv...)
	for k := range o.others {
		if c.others == nil {
			c.others = map[string]bool{}
		}
		c.others[k] = true
	}
	c.attached = c.attached || o.attached
	if c.cwDefault == "" {
		c.cwDefault = o.cwDefault
	}
	for k, ev := range o.cwUnset {
		if c.cwUnset == nil {
			c.cwUnset = map[string][]facts.Evidence{}
		}
		c.cwUnset[k] = append(c.cwUnset[k], ev...)
	}
	c.cable = append(c.cable, o.cable...)
	c.appRB = c.appRB || o.appRB
	c.cableLoaded = c.cableLoaded || o.cableLoaded
	c.adapterFromEnv = append(c.adapterFromEnv, o.adapterFromEnv...)
	for k, v := range o.adapterGems {
		if c.adapterGems == nil {
			c.adapterGems = map[string][]facts.Evidence{}
		}
		c.adapterGems[k] = append(c.adapterGems[k], v...)
	}
}

// isRailsYAML: a Rails settings file that names stores.
func isRailsYAML(p string) bool {
	if path.Base(path.Dir(p)) != "config" || lang.IsTest(p) || lang.IsTest(path.Dir(path.Dir(p))+"/x.rb") {
		return false // a test app's settings (spec/dummy/config/database.yml)
	}
	base := path.Base(p)
	switch {
	case strings.HasPrefix(base, "database") && strings.Contains(base, ".yml"):
		return true
	case base == "cable.yml", base == "storage.yml":
		return true
	}
	return false
}

// railsProductionRuby: a Ruby file whose settings apply in production:
// anything but another environment's file (config/environments/test.rb).
func railsProductionRuby(p string) bool {
	if path.Base(path.Dir(p)) == "environments" {
		switch strings.TrimSuffix(path.Base(p), ".rb") {
		case "development", "test":
			return false
		}
	}
	return true
}

// erbFree replaces a YAML file's ERB tags so the YAML parses: an output
// tag becomes a scalar (env:NAME when it reads the environment, so the
// setting keeps its name), a control tag alone on its line becomes
// blank. Lines stay where they were.
func erbFree(data []byte) []byte {
	return erbRE.ReplaceAllFunc(data, func(tag []byte) []byte {
		nl := strings.Repeat("\n", strings.Count(string(tag), "\n"))
		if !strings.HasPrefix(string(tag), "<%=") {
			return []byte(nl)
		}
		if m := railsEnvRE.FindSubmatch(tag); m != nil {
			return []byte("env:" + string(m[1]) + nl)
		}
		return []byte("erb" + nl)
	})
}

// readRailsYAML records the stores a database.yml or cable.yml chooses
// for production, and storage.yml's services.
func (d *Detector) readRailsYAML(f *detector.File) {
	for _, m := range railsEnvRE.FindAllSubmatchIndex(f.Data, -1) {
		name := string(f.Data[m[2]:m[3]])
		d.envs[name] = append(d.envs[name], facts.Evidence{File: f.Path, Line: code.LineAt(f.Data, m[2])})
	}
	docs, _ := yamlnode.Documents(erbFree(f.Data))
	if len(docs) == 0 {
		return
	}
	root := docs[0]
	ev := func(n *yaml.Node) facts.Evidence { return facts.Evidence{File: f.Path, Line: yamlnode.Line(n)} }
	base := path.Base(f.Path)
	if base == "storage.yml" {
		for _, p := range yamlnode.Pairs(root) {
			kind := railsStorageKinds[yamlnode.Str(yamlnode.Get(p.Value, "service"))]
			if kind == "" {
				continue
			}
			s := railsService{kind: kind, ev: ev(yamlnode.Get(p.Value, "service"))}
			for _, key := range []string{"bucket", "container"} { // an Azure service keeps its files in a container
				if b := yamlnode.Str(yamlnode.Get(p.Value, key)); b != "" && s.bucket == "" {
					s.bucket = railsValueName(b, f.Data, yamlnode.Line(yamlnode.Get(p.Value, key)))
				}
			}
			if kind == KindFilesystem {
				s.folder = railsValueName(yamlnode.Str(yamlnode.Get(p.Value, "root")), f.Data, yamlnode.Line(yamlnode.Get(p.Value, "root")))
			}
			if kind == "s3" {
				s.vendor = storageVendor(yamlnode.Str(yamlnode.Get(p.Value, "endpoint")))
			}
			d.rails.services[p.Key] = s
		}
		return
	}
	envs := yamlnode.Pairs(root)
	var blocks []*yaml.Node
	for _, p := range envs {
		if p.Key == "production" {
			blocks = append(blocks, p.Value)
		}
	}
	if len(blocks) == 0 && base != "cable.yml" {
		// No production block: production reads DATABASE_URL, for the
		// server engine the app is developed against.
		for _, p := range envs {
			if p.Key == "development" {
				if kind := engines[yamlnode.Str(yamlnode.Get(p.Value, "adapter"))]; kind != "" && kind != "sqlite" {
					blocks = append(blocks, p.Value)
				}
			}
		}
	}
	if base != "cable.yml" {
		if line := erbBranchedBlock(f.Data, "production"); line > 0 {
			// ERB branches pick production's settings at run time: each
			// adapter gem production loads is an engine it may run on.
			d.rails.adapterFromEnv = append(d.rails.adapterFromEnv, facts.Evidence{File: f.Path, Line: line})
		}
	}
	for _, b := range blocks {
		adapters := []*yaml.Node{yamlnode.Get(b, "adapter")}
		if adapters[0] == nil { // several databases: production: {primary: {adapter: ...}, cache: {...}}
			adapters = adapters[:0]
			for _, p := range yamlnode.Pairs(b) {
				if a := yamlnode.Get(p.Value, "adapter"); a != nil {
					adapters = append(adapters, a)
				}
			}
		}
		for _, a := range adapters {
			name := yamlnode.Str(a)
			kind := engines[name]
			if base == "cable.yml" {
				if name == "redis" {
					d.rails.cable = append(d.rails.cable, ev(a))
				}
				continue
			}
			if kind != "" {
				d.add(kind, ev(a))
				continue
			}
			if strings.HasPrefix(name, "env:") || strings.Contains(name, "erb") {
				// Chosen at run time: the default it falls back to, and
				// (railsStores) every adapter gem production loads.
				d.rails.adapterFromEnv = append(d.rails.adapterFromEnv, ev(a))
				if kind := engines[erbDefault(f.Data, yamlnode.Line(a))]; kind != "" {
					d.add(kind, ev(a))
				}
			}
		}
	}
}

var (
	// erbBranchRE is an ERB tag that branches: <% if ... %>, <% elsif %>,
	// <% unless %>, <% case %>.
	erbBranchRE = regexp.MustCompile(`<%-?\s*(?:if|elsif|unless|case)\b`)
	erbEndRE    = regexp.MustCompile(`<%-?\s*end\b`)
	// erbEngineKeyRE is a setting that picks the engine: the adapter, the
	// URL (its scheme), or a merge of shared settings.
	erbEngineKeyRE = regexp.MustCompile(`^\s+(?:adapter|url|<<)\s*:`)
	// yamlTopKeyRE is a top-level key of a YAML file.
	yamlTopKeyRE = regexp.MustCompile(`^[\w-]+\s*:`)
)

// erbBranchedBlock is the line of a top-level block (production:) whose
// engine ERB branches choose (an adapter, URL or merge set inside a
// branch), 0 when there is none. The block runs to the next top-level key; ERB tags at the
// start of a line belong to the block they sit in.
func erbBranchedBlock(data []byte, key string) int {
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, key+":") || !yamlTopKeyRE.MatchString(l) {
			continue
		}
		depth := 0
		for _, next := range lines[i+1:] {
			switch {
			case yamlTopKeyRE.MatchString(next):
				return 0
			case erbBranchRE.MatchString(next):
				depth++
			case erbEndRE.MatchString(next):
				depth = max(0, depth-1)
			case depth > 0 && erbEngineKeyRE.MatchString(next):
				return i + 1
			}
		}
	}
	return 0
}

// erbDefaultRE is the default of an environment read in ERB:
// ENV.fetch("X", "postgresql"), ENV.fetch("X") { "postgresql" },
// ENV["X"] || "postgresql".
var erbDefaultRE = regexp.MustCompile(`\bENV(?:\.fetch\(\s*['"]\w+['"]\s*(?:,\s*|\)\s*\{\s*)|\[\s*['"]\w+['"]\s*\]\s*\|\|\s*)['"]([\w-]+)['"]`)

// erbDefault is the default an ERB tag on a line of a YAML file falls
// back to, or "".
func erbDefault(data []byte, line int) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	if m := erbDefaultRE.FindStringSubmatch(lines[line-1]); m != nil {
		return m[1]
	}
	return ""
}

// railsAdapterGems are the gems that connect Active Record to an engine,
// by engine kind: the drivers, and activerecord-*-adapter gems named
// for their engine.
var (
	railsDriverGems   = map[string]string{"pg": "postgres", "mysql2": "mysql", "trilogy": "mysql", "sqlite3": "sqlite", "tiny_tds": "mssql"}
	railsAdapterGemRE = regexp.MustCompile(`^activerecord-(?:\w+-)*?(\w*?)(postgresql|postgis|mysql2?|trilogy|sqlite3|sqlserver)-adapter$`)
)

// railsGemEngine is the engine a gem connects Active Record to, or "".
func railsGemEngine(name string) string {
	if k := railsDriverGems[name]; k != "" {
		return k
	}
	if m := railsAdapterGemRE.FindStringSubmatch(name); m != nil {
		return engines[m[2]]
	}
	return ""
}

// railsValueName names a bucket or folder from its setting's text: an
// environment variable read in ERB, or a literal.
func railsValueName(v string, data []byte, line int) string {
	if name, ok := strings.CutPrefix(v, "env:"); ok {
		return "from " + name
	}
	if v != "erb" && !strings.Contains(v, "erb") {
		return v
	}
	// The value is ERB: a literal inside it (Rails.root.join("storage")).
	lines := strings.Split(string(data), "\n")
	if line >= 1 && line <= len(lines) {
		if m := quotedLiteralRE.FindStringSubmatch(lines[line-1]); m != nil {
			return m[1]
		}
	}
	return ""
}

// readRailsRuby records the stores a Ruby settings file chooses.
func (d *Detector) readRailsRuby(f *detector.File, src []byte) {
	at := func(off int) facts.Evidence { return facts.Evidence{File: f.Path, Line: code.LineAt(src, off)} }
	for _, m := range railsEnvRE.FindAllSubmatchIndex(src, -1) {
		name := string(src[m[2]:m[3]])
		d.envs[name] = append(d.envs[name], at(m[2]))
	}
	if railsAttachedRE.Match(src) {
		d.rails.attached = true
	}
	if strings.HasSuffix(f.Path, "config/application.rb") && !lang.IsTest(f.Path) {
		d.rails.appRB = true
		d.rails.cableLoaded = d.rails.cableLoaded || railsCableRequireRE.Match(src)
	}
	if path.Base(f.Path) == "Gemfile" && !lang.IsTest(f.Path) {
		for _, g := range code.Gemfile(f.Data) {
			if kind := railsGemEngine(g.Name); kind != "" && !g.Dev {
				if d.rails.adapterGems == nil {
					d.rails.adapterGems = map[string][]facts.Evidence{}
				}
				d.rails.adapterGems[kind] = append(d.rails.adapterGems[kind], facts.Evidence{File: f.Path, Line: g.Line})
			}
		}
	}
	if path.Base(f.Path) != "Gemfile" {
		// An SDK the code requires (aws-sdk-s3, redis): its store. The
		// Gemfile declares gems, some for development only.
		for _, u := range code.FileUses(f) {
			if u.Service.Store != "" {
				d.add(u.Service.Store, facts.Evidence{File: f.Path, Line: u.Line})
			}
		}
	}
	d.railsFolderWrites(f, src)
	d.rubyUploadStorages(f, src)
	if !railsProductionRuby(f.Path) {
		for _, m := range railsStorageServiceRE.FindAllSubmatchIndex(src, -1) {
			if d.rails.others == nil {
				d.rails.others = map[string]bool{}
			}
			d.rails.others[string(src[m[2]:m[3]])] = true
		}
		return
	}
	for _, m := range railsCacheStoreRE.FindAllIndex(src, -1) {
		end := min(len(src), m[1]+400)
		if next := strings.Index(string(src[m[1]:end]), "config."); next >= 0 {
			end = m[1] + next
		}
		for _, s := range railsSymbolRE.FindAllSubmatchIndex(src[m[1]:end], -1) {
			if kind := railsCacheStores[string(src[m[1]+s[2]:m[1]+s[3]])]; kind != "" {
				d.add(kind, at(m[1]+s[0]))
			}
		}
	}
	for _, m := range railsQueueAdapterRE.FindAllSubmatchIndex(src, -1) {
		if q, ok := railsQueueAdapters[string(src[m[2]:m[3]])]; ok {
			d.add(q.kind, at(m[0]))
			if q.server != "" {
				d.add(q.server, at(m[0]))
			}
		}
	}
	if strings.Contains(string(src), "Sidekiq") {
		for _, m := range railsSidekiqRedisRE.FindAllIndex(src, -1) {
			d.add("redis", at(m[0]))
		}
	}
	for _, m := range railsStorageServiceRE.FindAllSubmatchIndex(src, -1) {
		d.rails.chosen = append(d.rails.chosen, laravelSetting{value: string(src[m[2]:m[3]]), ev: at(m[0])})
	}
	for _, m := range railsStorageFromEnvRE.FindAllIndex(src, -1) {
		d.rails.fromEnv = append(d.rails.fromEnv, at(m[0]))
	}
	d.rails.chosen = append(d.rails.chosen, railsStorageChoices(src, at)...)
}

// railsStorageChoices are the services a conditional choice of Active
// Storage's service names: config.active_storage.service = if
// ENV["BUCKET"].present? then :amazon else :local end. Each symbol of the
// value, up to the next setting, is a service production may run on
// (railsStores keeps those storage.yml declares). A literal or
// environment choice is read by its own pattern.
func railsStorageChoices(src []byte, at func(int) facts.Evidence) []laravelSetting {
	var out []laravelSetting
	for _, m := range railsStorageAssignRE.FindAllIndex(src, -1) {
		if railsStorageServiceRE.Match(src[m[0]:min(len(src), m[1]+64)]) || railsStorageFromEnvRE.Match(src[m[0]:min(len(src), m[1]+128)]) {
			continue
		}
		end := min(len(src), m[1]+400)
		if next := strings.Index(string(src[m[1]:end]), "config."); next >= 0 {
			end = m[1] + next
		}
		for _, s := range railsSymbolRE.FindAllSubmatchIndex(src[m[1]:end], -1) {
			out = append(out, laravelSetting{value: string(src[m[1]+s[2] : m[1]+s[3]]), ev: at(m[1] + s[0])})
		}
	}
	return out
}

// storageVendor is the storage vendor whose host or setting an S3
// endpoint names (code.S3Endpoint's rule for code), or "".
func storageVendor(endpoint string) string {
	if endpoint == "" || strings.Contains(endpoint, "amazonaws.com") {
		return ""
	}
	for _, s := range catalog.All() {
		if !code.OtherStorage(s) {
			continue
		}
		for _, h := range s.Hosts {
			if strings.Contains(endpoint, h) {
				return s.Name
			}
		}
	}
	if name, ok := strings.CutPrefix(endpoint, "env:"); ok {
		if s := catalog.ForEnv(name); s != nil && code.OtherStorage(s) {
			return s.Name
		}
	}
	return ""
}

// railsStores adds the Active Storage service production chooses, when
// some model attaches files to it (Finish).
func (d *Detector) railsStores() {
	if d.rails.cwDefault == "" || d.rails.cwDefault == "file" {
		for name, ev := range d.rails.cwUnset {
			d.folders[name] = append(d.folders[name], ev...)
		}
	}
	if !d.rails.appRB || d.rails.cableLoaded {
		for _, ev := range d.rails.cable {
			d.add("redis", ev)
		}
	}
	if len(d.rails.adapterFromEnv) > 0 {
		for _, kind := range sortedKeys(d.rails.adapterGems) {
			for _, ev := range d.rails.adapterGems[kind] {
				d.add(kind, ev)
			}
		}
	}
	if !d.rails.attached {
		return
	}
	chosen := slices.Clone(d.rails.chosen)
	if len(d.rails.fromEnv) > 0 {
		// The operator picks: every service development and test do not
		// keep for themselves.
		for _, name := range sortedKeys(d.rails.services) {
			if !d.rails.others[name] || slices.ContainsFunc(d.rails.chosen, func(c laravelSetting) bool { return c.value == name }) {
				chosen = append(chosen, laravelSetting{value: name, ev: d.rails.fromEnv[0]})
			}
		}
	}
	for _, c := range chosen {
		s, ok := d.rails.services[c.value]
		if !ok {
			continue
		}
		switch {
		case s.kind == KindFilesystem:
			name := "Local upload folder"
			if s.folder != "" {
				name = "Local folder " + strings.TrimSuffix(s.folder, "/") + "/"
			}
			d.folders[name] = append(d.folders[name], s.ev, c.ev)
		case s.bucket != "" && s.vendor != "":
			// Named by its vendor, whatever the tree's other S3 clients
			// reach (label).
			if d.rails.vendorBuckets == nil {
				d.rails.vendorBuckets = map[string][]facts.Evidence{}
			}
			name := s.vendor + " bucket " + s.bucket
			d.rails.vendorBuckets[name] = append(d.rails.vendorBuckets[name], s.ev, c.ev)
		case s.bucket != "":
			d.add(s.kind, s.ev)
			d.addBucket(s.kind, s.bucket, c.ev)
		default:
			d.add(s.kind, s.ev)
			d.add(s.kind, c.ev)
		}
	}
}

var (
	// rbFolderConstRE names a folder of the app's tree in a constant:
	// CACHE_DIR = Rails.public_path.join("story_image"),
	// ROOT = Rails.root.join("storage", "exports").
	rbFolderConstRE = regexp.MustCompile(`\b([A-Z][A-Z0-9_]*)\s*=\s*Rails\.(public_path|root)\.join\(([^)\n]*)\)`)
	// rbFileWriteRE writes a file: File.open(path, "wb"), File.write,
	// File.binwrite, IO.copy_stream, FileUtils.cp/mv into a path.
	rbFileWriteRE = regexp.MustCompile(`\bFile\.open\([^\n]*?,\s*['"][wa]b?\+?['"]|\bFile\.(?:bin)?write\(|\bIO\.copy_stream\(|\bFileUtils\.(?:cp|mv|copy_file)\(`)
)

// railsFolderWrites records a folder of the app's tree that its code
// writes files into: a constant naming the folder (Rails.public_path or
// Rails.root joined with literals) that a write in the same file names
// (File.open("#{CACHE_DIR}/x.png", "wb")). A constant only read (a log
// folder tailed) or naming one file (storage/blocklist.conf) is none.
func (d *Detector) railsFolderWrites(f *detector.File, src []byte) {
	if lang.IsTest(f.Path) || !strings.HasPrefix(f.Path, "app/") && !strings.Contains(f.Path, "/app/") && !strings.HasPrefix(f.Path, "lib/") {
		return
	}
	writes := rbFileWriteRE.FindAllIndex(src, -1)
	if len(writes) == 0 {
		return
	}
	lines := strings.Split(string(src), "\n")
	for _, m := range rbFolderConstRE.FindAllSubmatchIndex(src, -1) {
		name := string(src[m[2]:m[3]])
		var parts []string
		for _, q := range quotedLiteralRE.FindAllStringSubmatch(string(src[m[6]:m[7]]), -1) {
			parts = append(parts, strings.Trim(q[1], "/"))
		}
		dir := strings.Join(parts, "/")
		if dir == "" || path.Ext(dir) != "" {
			continue // one file (storage/blocklist.conf) the app refreshes, no folder of records
		}
		// The constant, or a local made from it (temp_path =
		// CACHE_DIR.join(name)).
		names := []string{name}
		for _, a := range regexp.MustCompile(`(?m)^\s*(\w+)\s*=[^=\n]*\b`+name+`\b`).FindAllStringSubmatch(string(src), -1) {
			if a[1] != name {
				names = append(names, a[1])
			}
		}
		named := regexp.MustCompile(`\b(?:` + strings.Join(names, "|") + `)\b`)
		var at int
		for _, w := range writes {
			if l := code.LineAt(src, w[0]); named.MatchString(lines[l-1]) {
				at = l
				break
			}
		}
		if at == 0 {
			continue
		}
		base := "public/"
		if string(src[m[4]:m[5]]) == "root" {
			base = ""
		}
		folder := "Local folder " + base + dir + "/"
		d.folders[folder] = append(d.folders[folder], facts.Evidence{File: f.Path, Line: code.LineAt(src, m[0])}, facts.Evidence{File: f.Path, Line: at})
	}
}
