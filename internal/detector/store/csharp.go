package store

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// ASP.NET Core names its stores in code that configures services, not in
// imports: Entity Framework Core's provider is a call on the options
// builder a DbContext is configured with (options.UseSqlServer(...),
// optionsBuilder.UseNpgsql(...)), Hangfire's storage is a call on its
// configuration (UseSqlServerStorage, UseRedisStorage), a distributed
// cache is added by AddStackExchangeRedisCache, and an Azure WebJob
// reads a storage queue through [QueueTrigger("name")]. The SDKs the
// code imports (StackExchange.Redis, Azure.Storage.*, the legacy
// WindowsAzure.Storage namespaces, Hangfire) are the catalogue's, read
// through code.FileUses as in any language. appsettings*.json's
// ConnectionStrings name a database by their keywords; they count only
// when no code picks a provider (a connection string the code never
// opens, or one a provider call already names, adds nothing).

var (
	// csEFProviderRE is EF Core's provider chosen on an options builder:
	// .UseSqlServer(, .UseNpgsql(, .UseSqlite(, .UseMySql(, .UseCosmos(,
	// UseInMemoryDatabase keeps rows in the process only, no store.
	csEFProviderRE = regexp.MustCompile(`\.\s*Use(SqlServer|Npgsql|Sqlite|MySql|MySQL|Cosmos)\s*(?:<[^<>;]*>)?\s*\(`)
	// csHangfireStorageRE is Hangfire's storage: the queue is Hangfire's,
	// kept in the named database.
	csHangfireStorageRE = regexp.MustCompile(`\.\s*Use(SqlServer|PostgreSql|Redis|MySql|Mongo)Storage\s*(?:<[^<>;]*>)?\s*\(`)
	// csRedisRE: StackExchange.Redis opened, or the distributed cache on it.
	csRedisRE = regexp.MustCompile(`\bConnectionMultiplexer\s*\.\s*Connect(?:Async)?\s*\(|\.\s*AddStackExchangeRedisCache\s*\(`)
	// csQueueTriggerRE is an Azure Functions or WebJobs function bound to
	// a storage queue.
	csQueueTriggerRE = regexp.MustCompile(`\[\s*QueueTrigger\s*\(`)
)

// csProviders are EF Core's and Hangfire's providers as store kinds.
var csProviders = map[string]string{"SqlServer": "mssql", "Npgsql": "postgres", "PostgreSql": "postgres", "Sqlite": "sqlite",
	"MySql": "mysql", "MySQL": "mysql", "Cosmos": "cosmosdb", "Redis": "redis", "Mongo": "mongodb"}

// csKeywords are what a C# file or settings file this reader reads
// contains.
var csKeywords = []string{"using ", "Use", "ConnectionMultiplexer", "RedisCache", "QueueTrigger", "ConnectionStrings"}

// isCSharpSettings: ASP.NET Core's appsettings.json and its
// per-environment files (appsettings.Production.json).
func isCSharpSettings(p string) bool {
	base := path.Base(p)
	return strings.HasPrefix(base, "appsettings") && strings.HasSuffix(base, ".json")
}

// readCSharp records the stores a C# file configures or an ASP.NET
// settings file names.
func (d *Detector) readCSharp(f *detector.File) {
	if isCSharpSettings(f.Path) {
		d.readConnectionStrings(f)
		return
	}
	src := code.Stripped(f)
	at := func(off int) facts.Evidence { return facts.Evidence{File: f.Path, Line: code.LineAt(src, off)} }
	for _, u := range code.FileUses(f) {
		if u.Service.Store != "" {
			d.add(u.Service.Store, facts.Evidence{File: f.Path, Line: u.Line})
		}
	}
	for _, m := range findAll(csEFProviderRE, src, ".Use", ". Use") {
		if inCSString(src, m[0]) {
			continue
		}
		if kind := csProviders[string(src[m[2]:m[3]])]; kind != "" {
			d.add(kind, at(m[0]))
			d.csProvider = true
		}
	}
	for _, m := range findAll(csHangfireStorageRE, src, "Storage") {
		if inCSString(src, m[0]) {
			continue
		}
		d.add("hangfire", at(m[0]))
		if kind := csProviders[string(src[m[2]:m[3]])]; kind != "" {
			d.add(kind, at(m[0]))
		}
	}
	for _, m := range findAll(csRedisRE, src, "ConnectionMultiplexer", "AddStackExchangeRedisCache") {
		if inCSString(src, m[0]) {
			continue
		}
		d.add("redis", at(m[0]))
	}
	for _, m := range findAll(csQueueTriggerRE, src, "QueueTrigger") {
		d.add("azure-queue", at(m[0]))
	}
}

// inCSString: off lies inside a string literal that opens on its line
// (an odd count of unescaped double quotes before it): a message naming
// a call is no call.
func inCSString(src []byte, off int) bool {
	n := 0
	for i := bytes.LastIndexByte(src[:off], '\n') + 1; i < off; i++ {
		switch src[i] {
		case '\\':
			i++
		case '"':
			n++
		}
	}
	return n%2 == 1
}

// csConnKinds tell a connection string's database by its keywords:
// SQL Server's Initial Catalog, Trusted_Connection, Integrated Security
// and LocalDB; Npgsql's Host with Username; a SQLite file as the data
// source.
var csConnKinds = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"mssql", regexp.MustCompile(`(?i)\b(?:initial catalog|trusted_connection|integrated security)\s*=|\(localdb\)|\btcp:[\w.-]+\.database\.windows\.net`)},
	{"postgres", regexp.MustCompile(`(?i)\bhost\s*=.*\b(?:username|user id)\s*=|\bport\s*=\s*5432\b`)},
	{"mysql", regexp.MustCompile(`(?i)\bport\s*=\s*3306\b`)},
	{"sqlite", regexp.MustCompile(`(?i)^\s*(?:data source|filename)\s*=\s*[^;]*\.(?:db|sqlite3?)\s*;?\s*$`)},
}

// readConnectionStrings reads the ConnectionStrings section of an
// ASP.NET settings file, held until Finish knows whether code picks a
// provider.
func (d *Detector) readConnectionStrings(f *detector.File) {
	if lang.IsTest(f.Path) || !bytes.Contains(f.Data, []byte("ConnectionStrings")) {
		return
	}
	var settings struct {
		ConnectionStrings map[string]any `json:"ConnectionStrings"`
	}
	// ASP.NET reads settings files with comments: blank them first.
	data := lang.StripComments(lang.CSharp, bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf")))
	if json.Unmarshal(data, &settings) != nil {
		return
	}
	for _, name := range sortedKeys(settings.ConnectionStrings) {
		s, ok := settings.ConnectionStrings[name].(string)
		if !ok {
			continue
		}
		for _, c := range csConnKinds {
			if c.re.MatchString(s) {
				line := 1
				if i := bytes.Index(f.Data, []byte(`"`+name+`"`)); i >= 0 {
					line = code.LineAt(f.Data, i)
				}
				if d.csConn == nil {
					d.csConn = map[string][]facts.Evidence{}
				}
				d.csConn[c.kind] = append(d.csConn[c.kind], facts.Evidence{File: f.Path, Line: line})
				break
			}
		}
	}
}

// csConnStores adds the databases ASP.NET settings name when no code
// picks a provider (Finish).
func (d *Detector) csConnStores() {
	if d.csProvider {
		return
	}
	for _, kind := range sortedKeys(d.csConn) {
		d.evidence[kind] = append(d.evidence[kind], d.csConn[kind]...)
	}
}
