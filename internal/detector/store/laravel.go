package store

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Laravel names its stores in PHP settings: config/database.php declares
// connections (every new app declares sqlite, mysql, mariadb, pgsql and
// sqlsrv) and picks one with 'default' => env('DB_CONNECTION', 'sqlite');
// cache, session and queue settings pick their drivers the same way
// ('default' => env('CACHE_STORE', 'redis')). Only the connection in use
// is a store, chosen as the app chooses it: the env template's value, or
// the schema dump's connection (php artisan schema:dump writes
// database/schema/<connection>-schema.sql from the database the app
// runs on), or the settings' default. A connection declared and never
// chosen (the stock pgsql beside a MySQL app) and Redis configured but
// never selected by a cache, session or queue driver are no stores.

var (
	// laravelEnvDefaultRE is a setting read from the environment with a
	// default: 'default' => env('DB_CONNECTION', 'mysql'), 'driver' =>
	// env('SESSION_DRIVER', 'file').
	laravelEnvDefaultRE = regexp.MustCompile(`['"](default|driver)['"]\s*=>\s*env\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*(?:,\s*['"]([\w-]*)['"]\s*)?\)`)
	// laravelConnectionRE is a connection whose first key is its driver:
	// 'mysql' => [ 'driver' => 'mysql', ...
	laravelConnectionRE = regexp.MustCompile(`['"]([\w-]+)['"]\s*=>\s*\[\s*['"]driver['"]\s*=>\s*['"](\w+)['"]`)
	// laravelDumpRE is the schema dump's name: mysql-schema.sql.
	laravelDumpRE = regexp.MustCompile(`^([\w-]+)-schema\.(?:sql|dump)$`)
	// envValueRE is one assignment of an env template.
	envValueRE = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+)?([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*["']?([\w-]*)`)
)

// laravelDrivers are Laravel's database drivers as store kinds.
var laravelDrivers = map[string]string{"mysql": "mysql", "mariadb": "mysql", "pgsql": "postgres", "sqlite": "sqlite", "sqlsrv": "mssql"}

// laravelRedisSelectors are the settings that send a cache, sessions,
// queued jobs or broadcasts to Redis when their value is redis.
var laravelRedisSelectors = []string{"CACHE_STORE", "CACHE_DRIVER", "SESSION_DRIVER", "QUEUE_CONNECTION", "QUEUE_DRIVER", "BROADCAST_CONNECTION", "BROADCAST_DRIVER"}

// laravelSetting is a value chosen for a setting, and where.
type laravelSetting struct {
	value string
	ev    facts.Evidence
}

// laravelConfig is what a tree's Laravel settings say.
type laravelConfig struct {
	// dbVar is the variable database.php's default reads (DB_CONNECTION).
	dbVar string
	// defaults: per variable, the default the settings give it.
	defaults map[string]laravelSetting
	// connections: database.php's connections, by name, with their
	// drivers.
	connections map[string]laravelSetting
	// env: the values an env template (not a test's) gives.
	env map[string]laravelSetting
	// dump: the schema dump's connection.
	dump *laravelSetting
	// s3Disks: filesystems.php's disks of the s3 driver, by bucket name;
	// flysystemS3: composer.json requires the package that driver needs.
	// Every app's stock settings declare an s3 disk: it is a store only
	// when the app installs what runs it.
	s3Disks     map[string]laravelSetting
	flysystemS3 bool
	// vendorDisks: filesystems.php's disks kept by a vendor or a remote
	// server (Dropbox, Google Drive, Azure, FTP), by disk name; adapters:
	// the drivers whose adapter composer.json requires or app code
	// registers (Storage::extend('dropbox', ...)). Such a disk is a store
	// when its adapter is there and a write reaches it (vendorDiskStores).
	vendorDisks map[string]laravelVendorDisk
	adapters    map[string]bool
	// localDisks: filesystems.php's local disks, by name; defaultDisk
	// and diskVar: its default disk and the variable that picks it;
	// writes: where app code writes to a disk (laravelFolders).
	localDisks  map[string]laravelDisk
	defaultDisk string
	diskVar     string
	writes      []laravelWrite
	// redisClient: composer.json requires a Redis client (where);
	// redisBlock: database.php configures Redis (where); redisEnv: an
	// environment template gives the operator a Redis setting
	// (REDIS_HOST, REDIS_SERVERS).
	redisClient, redisBlock, redisEnv *facts.Evidence
}

// isLaravelConfig: a settings file of Laravel's that picks a store, by
// its name: the folder is config/ in a new app but anything in others
// (BookStack's app/Config), so its contents decide (laravelSettings).
func isLaravelConfig(p string) bool {
	if lang.Of(p) != lang.PHP || lang.IsTest(p) {
		return false
	}
	switch path.Base(p) {
	case "database.php", "cache.php", "session.php", "queue.php", "broadcasting.php", "filesystems.php":
		return true
	}
	return false
}

// isComposerManifest: composer.json, whose packages say which storage
// drivers a Laravel app can run (league/flysystem-aws-s3-v3 for s3).
func isComposerManifest(p string) bool {
	return path.Base(p) == "composer.json" && !lang.IsTest(p)
}

// isLaravelDump: database/schema/<connection>-schema.sql.
func isLaravelDump(p string) bool {
	return strings.HasSuffix(path.Dir(p), "database/schema") && laravelDumpRE.MatchString(path.Base(p))
}

// Exempt implements detector.PrefilterExempt: a schema dump, Rails' YAML
// settings and Spring Boot's settings (an app's own, or those a config
// server serves it) are read by their names.
func (*Detector) Exempt(p string) bool {
	return isLaravelDump(p) || isRailsYAML(p) || isSpringSettings(p) || isServedSettings(p)
}

func (c *laravelConfig) init() {
	if c.defaults == nil {
		c.defaults = map[string]laravelSetting{}
		c.connections = map[string]laravelSetting{}
		c.env = map[string]laravelSetting{}
	}
}

// readLaravel records what a Laravel settings file, schema dump or env
// template says.
func (d *Detector) readLaravel(f *detector.File) {
	at := func(off int) facts.Evidence {
		return facts.Evidence{File: f.Path, Line: 1 + strings.Count(string(f.Data[:off]), "\n")}
	}
	c := &d.laravel
	c.init()
	switch {
	case isLaravelDump(f.Path):
		m := laravelDumpRE.FindStringSubmatch(path.Base(f.Path))
		c.dump = &laravelSetting{value: m[1], ev: facts.Evidence{File: f.Path, Line: 1}}
	case isComposerManifest(f.Path):
		c.flysystemS3 = c.flysystemS3 || composerFlysystemRE.Match(f.Data)
		c.readAdapters(f.Data)
		if composerRedis(f.Data) {
			if m := composerRedisRE.FindIndex(f.Data); m != nil {
				ev := at(m[0])
				c.redisClient = &ev
			}
		}
	case isLaravelConfig(f.Path):
		src := lang.StripComments(lang.PHP, f.Data)
		if !laravelSettings(path.Base(f.Path), src) {
			return
		}
		for _, m := range laravelEnvDefaultRE.FindAllSubmatchIndex(src, -1) {
			v := string(src[m[4]:m[5]])
			if path.Base(f.Path) == "database.php" && string(src[m[2]:m[3]]) == "default" && c.dbVar == "" {
				c.dbVar = v
			}
			if m[6] >= 0 {
				if _, ok := c.defaults[v]; !ok {
					c.defaults[v] = laravelSetting{value: string(src[m[6]:m[7]]), ev: at(m[0])}
				}
			}
		}
		if path.Base(f.Path) == "filesystems.php" {
			c.readLaravelDisks(src, at)
			c.readVendorDisks(src, at)
			for _, m := range laravelS3DiskRE.FindAllIndex(src, -1) {
				end := min(len(src), m[1]+600)
				if b := laravelBucketRE.FindSubmatch(src[m[1]:end]); b != nil {
					name := string(b[2])
					if len(b[1]) > 0 {
						name = "from " + string(b[1])
					}
					if c.s3Disks == nil {
						c.s3Disks = map[string]laravelSetting{}
					}
					c.s3Disks[name] = laravelSetting{value: name, ev: at(m[0])}
				}
			}
		}
		if path.Base(f.Path) == "database.php" {
			for _, m := range laravelConnectionRE.FindAllSubmatchIndex(src, -1) {
				c.connections[string(src[m[2]:m[3]])] = laravelSetting{value: string(src[m[4]:m[5]]), ev: at(m[0])}
			}
			if m := laravelRedisBlockRE.FindIndex(src); m != nil {
				ev := at(m[0])
				c.redisBlock = &ev
			}
		}
	default: // an env template
		if lang.IsTest(f.Path) {
			return
		}
		for _, m := range envValueRE.FindAllSubmatchIndex(f.Data, -1) {
			v := string(f.Data[m[2]:m[3]])
			if _, ok := c.env[v]; !ok && m[5] > m[4] {
				c.env[v] = laravelSetting{value: strings.ToLower(string(f.Data[m[4]:m[5]])), ev: at(m[0])}
			}
			if strings.HasPrefix(v, "REDIS_") && c.redisEnv == nil {
				ev := at(m[0])
				c.redisEnv = &ev
			}
		}
	}
}

// laravelSettingsRE: a settings file returns its settings as an array.
var (
	laravelSettingsRE    = regexp.MustCompile(`(?m)^\s*return\s*(?:\[|array\s*\()`)
	laravelConnectionsRE = regexp.MustCompile(`['"]connections['"]\s*=>`)
	laravelDisksRE       = regexp.MustCompile(`['"]disks['"]\s*=>`)
	// laravelS3DiskRE is an s3 disk, its bucket a few keys below:
	// 's3' => ['driver' => 's3', ..., 'bucket' => env('AWS_BUCKET')].
	laravelS3DiskRE     = regexp.MustCompile(`['"]driver['"]\s*=>\s*['"]s3['"]`)
	laravelBucketRE     = regexp.MustCompile(`['"]bucket['"]\s*=>\s*(?:env\(\s*['"]([A-Z][A-Z0-9_]*)['"]|['"]([\w.-]+)['"])`)
	composerFlysystemRE = regexp.MustCompile(`"league/flysystem-aws-s3-v3"\s*:`)
	composerRedisRE     = regexp.MustCompile(`"(?:predis/predis|ext-redis)"\s*:`)
)

// laravelSettings reports whether a PHP file is one of Laravel's settings
// files: it returns an array, and database.php declares 'connections'.
func laravelSettings(base string, src []byte) bool {
	if !laravelSettingsRE.Match(src) {
		return false
	}
	switch base {
	case "database.php":
		return laravelConnectionsRE.Match(src)
	case "filesystems.php":
		return laravelDisksRE.Match(src)
	}
	return true
}

// merge adds another detector's Laravel reading.
func (c *laravelConfig) merge(o laravelConfig) {
	c.init()
	if c.dbVar == "" {
		c.dbVar = o.dbVar
	}
	for _, m := range []struct{ to, from map[string]laravelSetting }{{c.defaults, o.defaults}, {c.connections, o.connections}, {c.env, o.env}} {
		for k, v := range m.from {
			if prev, ok := m.to[k]; !ok || v.ev.File < prev.ev.File {
				m.to[k] = v
			}
		}
	}
	c.flysystemS3 = c.flysystemS3 || o.flysystemS3
	for k, v := range o.vendorDisks {
		if c.vendorDisks == nil {
			c.vendorDisks = map[string]laravelVendorDisk{}
		}
		c.vendorDisks[k] = v
	}
	for k := range o.adapters {
		c.adapter(k)
	}
	for k, v := range o.s3Disks {
		if c.s3Disks == nil {
			c.s3Disks = map[string]laravelSetting{}
		}
		c.s3Disks[k] = v
	}
	if o.dump != nil && (c.dump == nil || o.dump.ev.File < c.dump.ev.File) {
		c.dump = o.dump
	}
	for k, v := range o.localDisks {
		if c.localDisks == nil {
			c.localDisks = map[string]laravelDisk{}
		}
		c.localDisks[k] = v
	}
	if c.defaultDisk == "" {
		c.defaultDisk, c.diskVar = o.defaultDisk, o.diskVar
	}
	c.writes = append(c.writes, o.writes...)
	if c.redisClient == nil {
		c.redisClient = o.redisClient
	}
	if c.redisBlock == nil {
		c.redisBlock = o.redisBlock
	}
	if c.redisEnv == nil {
		c.redisEnv = o.redisEnv
	}
}

// laravelStores adds the stores Laravel's settings choose (Finish).
func (d *Detector) laravelStores() {
	c := &d.laravel
	if c.dbVar != "" {
		chosen, ok := c.env[c.dbVar]
		if !ok && c.dump != nil {
			chosen, ok = *c.dump, true
		}
		if !ok {
			chosen, ok = c.defaults[c.dbVar]
		}
		if conn, declared := c.connections[chosen.value]; ok && declared {
			if kind := laravelDrivers[conn.value]; kind != "" {
				d.evidence[kind] = append(d.evidence[kind], conn.ev, chosen.ev)
			}
		}
	}
	if c.flysystemS3 {
		for _, b := range sortedKeys(c.s3Disks) {
			d.add("s3", c.s3Disks[b].ev)
			d.addBucket("s3", b, c.s3Disks[b].ev)
		}
	}
	if c.dbVar == "" && len(c.defaults) == 0 {
		return // no Laravel settings: another framework's env template
	}
	d.laravelFolders()
	d.vendorDiskStores()
	if c.redisClient != nil && c.redisBlock != nil && c.redisEnv != nil {
		// Redis settings (stock in every app, or assembled in code from
		// the environment), a Redis client the app installs and a Redis
		// setting its environment template offers the operator: the app
		// runs on Redis whichever driver the template leaves on file. A
		// template that offers none leaves the skeleton's block unused.
		d.evidence["redis"] = append(d.evidence["redis"], *c.redisClient, *c.redisBlock)
	}
	for _, v := range laravelRedisSelectors {
		chosen, ok := c.env[v]
		if !ok {
			chosen, ok = c.defaults[v]
		}
		if ok && chosen.value == "redis" && !slices.Contains(d.evidence["redis"], chosen.ev) {
			d.evidence["redis"] = append(d.evidence["redis"], chosen.ev)
		}
	}
}
