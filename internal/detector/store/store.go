// Package store finds where the product keeps data: the databases,
// caches, buckets and queues the code opens (driver imports, SDK clients,
// connection URLs, Django and Prisma settings) and the local folders it
// writes uploads to. One store per kind, named by what configures it
// ("PostgreSQL (DATABASE_URL)"), and one per bucket when the code names
// it ("S3 bucket from S3_BUCKET").
package store

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/detector/credential"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// Kinds this package adds to the catalogue's store kinds.
const (
	KindFilesystem = "filesystem"
	KindDatabase   = "database" // a database URL is read, its engine unknown
	// KindSupabaseStorage is a bucket of Supabase's file storage.
	KindSupabaseStorage = "supabase-storage"
	// KindOpenAIVectorStore is a vector store the product fills through
	// the OpenAI SDK (its files, for retrieval): OpenAI keeps them.
	KindOpenAIVectorStore = "openai-vector-store"
)

// vectorStoreRE is a call that creates an OpenAI vector store or puts a
// file in one (openai.vectorStores.create, beta.vectorStores.files.create,
// client.vector_stores.file_batches.upload_and_poll). Reading one back
// (retrieve, list) keeps nothing new.
var vectorStoreRE = regexp.MustCompile(`\.(?:vectorStores|vector_stores)\.(?:(?:files|fileBatches|file_batches)\.)?(?:create|upload|createAndPoll|uploadAndPoll|create_and_poll|upload_and_poll)\s*\(`)

// djangoStorageRE is a django-storages backend named in settings
// (STORAGES' "BACKEND", the older DEFAULT_FILE_STORAGE): files saved
// through Django's storage go to that bucket. Django's own backends
// (FileSystemStorage) are the media folder.
var djangoStorageRE = regexp.MustCompile(`['"]storages\.backends\.(s3boto3|s3|gcloud|azure_storage)\.\w+['"]`)

var djangoStorageKinds = map[string]string{"s3boto3": "s3", "s3": "s3", "gcloud": "gcs", "azure_storage": "azure-blob"}

// kindNames name the kinds no catalogue service holds.
var kindNames = map[string]string{KindOpenAIVectorStore: "OpenAI vector store", KindH2: "H2 database"}

var supabaseBucketRE = regexp.MustCompile(`\.storage\s*\.from\(\s*(?:['"` + "`" + `]([\w.-]+)['"` + "`" + `]|([A-Za-z_$][\w$]*)\s*\))`)

// constantRE finds a string constant assigned to name in the same file.
func constantRE(name string) *regexp.Regexp {
	return regexp.MustCompile(`\b(?:const|let|var)\s+` + regexp.QuoteMeta(name) + `\s*=\s*['"` + "`" + `]([\w.-]+)['"` + "`" + `]`)
}

// Detector is the store detector. It keeps what it sees until Finish:
// the variable that names a store is often read in another file than the
// one that opens it.
type Detector struct {
	mu       sync.Mutex
	evidence map[string][]facts.Evidence // kind -> where it is opened
	buckets  map[string]map[string][]facts.Evidence
	envs     map[string][]facts.Evidence // variables read -> where
	folder   folderName
	// keyed: per directory, where Go code creates files named by a
	// value, or writes files beside an upload word but reads no request
	// (uploads); requests: the directories whose code reads request bodies.
	// The pair is an upload folder (Finish).
	keyed    map[string][]facts.Evidence
	requests map[string]bool
	// media: Django file fields (FileField(upload_to=...)), kept under
	// MEDIA_ROOT unless a storage backend sends them elsewhere
	// (remoteMedia: django-storages' S3, GCS or Azure backends).
	media       []facts.Evidence
	remoteMedia bool
	// supabase: some file uses Supabase, so .storage.from("x") anywhere
	// in the tree (often through a client made in another file) is its
	// Storage.
	supabase bool
	// openai: some file uses the OpenAI SDK, so a vector store call
	// anywhere (through a client made in another file) is OpenAI's.
	openai bool
	// s3: where the tree's S3 clients send objects (code.S3Endpoint),
	// and the storage vendor when one is named.
	s3       map[code.S3Target]bool
	s3Vendor string
	// folders are local folders a storage driver keeps files in, by
	// name (driverFolders): each its own row, beside the upload folder.
	folders map[string][]facts.Evidence
	// sqliteFiles are the database files app code names (file:./db.sqlite,
	// "data/tasks.sqlite3"), by name: two files are two databases.
	sqliteFiles map[string][]facts.Evidence
	// vectorFiles are the files whose SQLite connection is a vector
	// index's (localIndexWrites).
	vectorFiles map[string]bool
	// laravel: what Laravel's settings, schema dump and env templates
	// choose (laravelStores).
	laravel laravelConfig
	// rails: Active Storage's services and the one production chooses
	// (railsStores).
	rails railsConfig
	// django: the project's own django-storages subclasses.
	django djangoStorage
	// csProvider: some C# code picks EF Core's provider; csConn: the
	// databases ASP.NET settings' connection strings name, kept only
	// when none does (csConnStores).
	csProvider bool
	csConn     map[string][]facts.Evidence
	// java: the settings classes Java code declares and the buckets it
	// names through them (javaBuckets).
	java javaSettings
}

// folderName is the best name seen for the upload folder: a literal path
// beats a variable.
type folderName struct{ literal, variable string }

// New returns a fresh detector for one scan.
func New() *Detector {
	return &Detector{
		evidence: map[string][]facts.Evidence{},
		buckets:  map[string]map[string][]facts.Evidence{},
		envs:     map[string][]facts.Evidence{},
		keyed:    map[string][]facts.Evidence{},
		requests: map[string]bool{},
		s3:       map[code.S3Target]bool{},
		folders:  map[string][]facts.Evidence{},

		sqliteFiles: map[string][]facts.Evidence{},
		vectorFiles: map[string]bool{},
		rails:       railsConfig{services: map[string]railsService{}},
	}
}

// Name implements detector.Detector.
func (*Detector) Name() string { return "asset/store" }

// Match implements detector.Detector.
func (*Detector) Match(p string) bool {
	l := lang.Of(p)
	if credential.IsEnvTemplate(p) || l == lang.Prisma || isORMConfig(p) || isLaravelConfig(p) || isLaravelDump(p) || isComposerManifest(p) || isRailsYAML(p) || isSpringSettings(p) || isServedSettings(p) || isPHPApp(p) {
		return true
	}
	if l == lang.CSharp || isCSharpSettings(p) || isJava(p) {
		return !lang.IsTest(p)
	}
	return (code.Reads(l) || l.Family() == lang.Ruby) && !lang.IsTest(p)
}

// Keywords implements detector.Keyworded.
func (*Detector) Keywords() []string { return keywords }

var keywords = append([]string{"import", "require", "://", "ENGINE", "provider", "dialect", "Open(", "client", "type", "Bucket", "bucket", "upload", "Upload", "FormFile", "multer", "sqlite", "file", "FileSystemStorage", "WriteFile", "writeFile", "createWriteStream", "unlink", "readFile", "Remove", "=> env(", "cache_store", "queue_adapter", "Storage::", "->disk(", "->store", "->move(", "Redis::", "Sidekiq", "active_storage", "_attached", "ENV", "Rails.public_path", "Rails.root.join"}, append(csKeywords, credential.Keywords...)...)

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	// Read the file into a private detector, then merge: the parsing
	// runs in parallel, only the merge holds the lock.
	local := New()
	local.read(f)
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for k, ev := range local.evidence {
		d.evidence[k] = append(d.evidence[k], ev...)
	}
	for k, bs := range local.buckets {
		for b, ev := range bs {
			d.addBucket(k, b, ev...)
		}
	}
	for k, ev := range local.envs {
		d.envs[k] = append(d.envs[k], ev...)
	}
	if d.folder.literal == "" {
		d.folder.literal = local.folder.literal
	}
	if d.folder.variable == "" {
		d.folder.variable = local.folder.variable
	}
	for k, ev := range local.keyed {
		d.keyed[k] = append(d.keyed[k], ev...)
	}
	for k := range local.requests {
		d.requests[k] = true
	}
	for k, ev := range local.sqliteFiles {
		d.sqliteFiles[k] = append(d.sqliteFiles[k], ev...)
	}
	for k := range local.vectorFiles {
		d.vectorFiles[k] = true
	}
	for k, ev := range local.folders {
		d.folders[k] = append(d.folders[k], ev...)
	}
	d.media = append(d.media, local.media...)
	d.laravel.merge(local.laravel)
	d.rails.merge(local.rails)
	d.django.merge(local.django)
	d.csProvider = d.csProvider || local.csProvider
	for k, ev := range local.csConn {
		if d.csConn == nil {
			d.csConn = map[string][]facts.Evidence{}
		}
		d.csConn[k] = append(d.csConn[k], ev...)
	}
	d.remoteMedia = d.remoteMedia || local.remoteMedia
	d.java.merge(local.java)
	d.supabase = d.supabase || local.supabase
	d.openai = d.openai || local.openai
	for t := range local.s3 {
		d.s3[t] = true
	}
	if d.s3Vendor == "" {
		d.s3Vendor = local.s3Vendor
	}
	return nil
}

func (d *Detector) read(f *detector.File) {
	at := func(src []byte, off int) facts.Evidence {
		return facts.Evidence{File: f.Path, Line: code.LineAt(src, off)}
	}

	if isLaravelConfig(f.Path) || isLaravelDump(f.Path) || isComposerManifest(f.Path) {
		d.readLaravel(f)
		return
	}
	if isRailsYAML(f.Path) {
		d.readRailsYAML(f)
		return
	}
	if isPHPApp(f.Path) {
		d.readPHPWrites(f)
		return
	}
	if isSpringSettings(f.Path) || isServedSettings(f.Path) {
		if code.AmazonS3Host(lang.StripComments(lang.YAML, f.Data)) >= 0 {
			// The endpoint a Java S3 builder is handed from settings is
			// Amazon's after all (code.AmazonS3Host).
			d.s3[code.S3Amazon] = true
		}
		d.readSpring(f)
		return
	}
	if lang.Of(f.Path) == lang.CSharp || isCSharpSettings(f.Path) {
		d.readCSharp(f)
		return
	}
	if isJava(f.Path) {
		d.readJava(f)
		return
	}
	for _, r := range credential.ReadsOf(f) {
		d.envs[r.Name] = append(d.envs[r.Name], facts.Evidence{File: f.Path, Line: r.Line})
	}
	if credential.IsEnvTemplate(f.Path) {
		d.readLaravel(f)
	}
	l := lang.Of(f.Path)
	src := f.Data
	if code.Reads(l) || l == lang.Prisma || l.Family() == lang.Ruby {
		src = code.Stripped(f)
	}
	if l.Family() == lang.Ruby {
		d.readRailsRuby(f, src)
		return
	}
	// Cheap substring checks keep the regexes off files that cannot match.
	for _, m := range schemeURLs(src) {
		if s := catalog.ForScheme(string(src[m[2]:m[3]])); s != nil {
			d.add(s.Store, at(src, m[2]))
		}
	}
	for _, m := range findAll(engineRE, src, "ENGINE", "provider") {
		if kind := engines[strings.ToLower(string(src[m[2]:m[3]]))]; kind != "" {
			d.add(kind, at(src, m[2]))
		}
	}
	if code.Reads(l) || isORMConfig(f.Path) {
		for _, off := range ormEngines(src) {
			d.add(engines[strings.ToLower(string(src[off[0]:off[1]]))], at(src, off[0]))
		}
	}
	if !code.Reads(l) {
		return
	}
	// A deploy or build tool's clients (a release script's bucket) are
	// no store of the product's.
	tooling := lang.RoleOf(f.Path).Kind == lang.Tooling
	s3, minio := false, false
	for _, u := range code.FileUses(f) {
		if u.Service.Store != "" && !tooling {
			d.add(u.Service.Store, facts.Evidence{File: f.Path, Line: u.Line})
			s3 = s3 || u.Service.Store == "s3"
		}
		minio = minio || u.Service.ID == minioService
		d.supabase = d.supabase || u.Service.ID == "supabase"
		d.openai = d.openai || u.Service.ID == "openai"
	}
	for _, m := range findAll(vectorStoreRE, src, "ectorStores", "vector_stores") {
		d.add(KindOpenAIVectorStore, at(src, m[0]))
	}
	// supabase.storage.from("avatars"): a bucket of Supabase Storage,
	// kept in Finish if the tree uses Supabase.
	for _, m := range findAll(supabaseBucketRE, src, ".storage") {
		name := ""
		if m[2] >= 0 {
			name = string(src[m[2]:m[3]])
		} else if c := constantRE(string(src[m[4]:m[5]])).FindSubmatch(src); c != nil {
			name = string(c[1]) // .from(bucket) after const bucket = "avatars"
		}
		if name != "" {
			d.add(KindSupabaseStorage, at(src, m[0]))
			d.addBucket(KindSupabaseStorage, name, at(src, m[0]))
		}
	}
	var storageClasses [][2]int
	if l.Family() == lang.Python {
		for _, m := range findAll(djangoStorageRE, src, "storages.backends.") {
			kind := djangoStorageKinds[string(src[m[2]:m[3]])]
			d.add(kind, at(src, m[0]))
			s3 = s3 || kind == "s3"
		}
		storageClasses = d.djangoStorageClasses(src, func(off int) facts.Evidence { return at(src, off) })
	}
	if s3 && !tooling {
		target, vendor, _ := code.S3Endpoint(code.FileUses(f), src)
		if minio && (target == code.S3None || target == code.S3Unset) {
			target = minioTarget(src)
		}
		d.s3[target] = true
		if vendor != nil {
			d.s3Vendor = vendor.Name
		}
		for _, m := range bucketRE.FindAllSubmatchIndex(src, -1) {
			if slices.ContainsFunc(storageClasses, func(c [2]int) bool { return m[0] >= c[0] && m[0] < c[1] }) {
				continue // a storage class's own bucket, of its kind (djangoStorageClasses)
			}
			expr := string(src[m[2]:m[3]])
			if id := identRE.FindStringSubmatch(expr); id != nil && isParam(src, id[1]) {
				continue // the callers name the bucket: put(..., bucket_name=IMAGES_BUCKET)
			}
			if name := bucketName(expr); name != "" {
				d.addBucket("s3", name, at(src, m[0]))
			}
		}
	}
	d.uploads(f.Path, l, src)
	d.driverFolders(f, l, src)
	if l.Family() == lang.Python {
		d.localIndexWrites(f, src)
	}
	d.graphDriveUploads(f, src)
	for _, m := range sqliteFileRE.FindAllSubmatchIndex(src, -1) {
		if importSpecRE.Match(src[bytes.LastIndexByte(src[:m[0]], '\n')+1 : m[0]]) {
			continue // a module named x.sqlite (import from './sort.sqlite'), no database file
		}
		name := path.Base(strings.TrimPrefix(string(src[m[2]:m[3]]), "file:"))
		d.sqliteFiles[name] = append(d.sqliteFiles[name], at(src, m[2]))
	}
	switch l.Family() {
	case lang.Go:
		dir := path.Dir(f.Path)
		if ev := goKeyedWrites(f, src); len(ev) > 0 {
			d.keyed[dir] = append(d.keyed[dir], ev...)
		}
		if goRequestBodyRE.Match(src) {
			d.requests[dir] = true
		}
	case lang.Python:
		for _, m := range findAll(djangoFileFieldRE, src, "upload_to") {
			d.media = append(d.media, at(src, m[0]))
		}
		d.remoteMedia = d.remoteMedia || bytes.Contains(src, []byte("storages.backends."))
	}
}

// minioService is the catalogue's MinIO client (minio for npm, Python
// and Go, nestjs-minio-client): an S3 API client that has no default
// endpoint, unlike the AWS SDKs.
const minioService = "minio"

// minioTarget is where a file's MinIO client sends objects: the client
// is always given an endpoint (new Minio.Client({ endPoint }),
// Minio("host:9000"), minio.New(endpoint, ...)), so the bucket is the
// operator's S3-compatible storage unless the file names an Amazon host.
func minioTarget(src []byte) code.S3Target {
	if bytes.Contains(src, []byte("amazonaws.com")) {
		return code.S3Amazon
	}
	return code.S3Compatible
}

// djangoFileFieldRE is a Django model's file field: what users upload to
// it is kept in MEDIA_ROOT/upload_to.
var djangoFileFieldRE = regexp.MustCompile(`\b(?:FileField|ImageField)\([^)]*\bupload_to\s*=`)

func (d *Detector) add(kind string, ev facts.Evidence) {
	d.evidence[kind] = append(d.evidence[kind], ev)
}

func (d *Detector) addBucket(kind, name string, ev ...facts.Evidence) {
	if d.buckets[kind] == nil {
		d.buckets[kind] = map[string][]facts.Evidence{}
	}
	d.buckets[kind][name] = append(d.buckets[kind][name], ev...)
}

var (
	// Django DATABASES ENGINE and Prisma datasource provider.
	engineRE = regexp.MustCompile(`(?:['"]ENGINE['"]\s*:\s*['"]django\.db\.backends\.|\bprovider\s*=\s*['"])(\w+)['"]`)
	engines  = map[string]string{
		"postgresql": "postgres", "postgresql_psycopg2": "postgres", "postgis": "postgres", "mysql": "mysql",
		"sqlite3": "sqlite", "sqlite": "sqlite", "mongodb": "mongodb", "cockroachdb": "postgres",
		"postgres": "postgres", "pg": "postgres", "pgx": "postgres", "mariadb": "mysql", "mysql2": "mysql",
		"better-sqlite3": "sqlite", "libsql": "sqlite", "sqlserver": "mssql", "mssql": "mssql", "clickhouse": "clickhouse",
	}
	// Bucket=..., Bucket: ..., bucket_name=...: the value names the bucket.
	// django-storages' AWS_STORAGE_BUCKET_NAME setting too.
	bucketRE  = regexp.MustCompile(`\b(?:Bucket|bucket_name|BucketName|bucketName|AWS_STORAGE_BUCKET_NAME)['"]?\s*[:=]\s*([^,)\n}]+)`)
	envInRE   = regexp.MustCompile(`\b(?:process\.env\.|os\.environ\[\s*['"]|os\.getenv\(\s*['"]|os\.environ\.get\(\s*['"]|os\.Getenv\(\s*")([A-Z][A-Z0-9_]*)`)
	quotedRE  = regexp.MustCompile(`^['"` + "`" + `]([\w.-]+)['"` + "`" + `]$`)
	identRE   = regexp.MustCompile(`([A-Za-z_]\w*)\s*$`)
	envNameRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*_[A-Z0-9_]+$`)
)

// The places an ORM or database client names its engine: Sequelize's
// dialect, Knex's client, a Go driver name (gorm v1 and database/sql),
// and TypeORM's type, which counts only in an object that also configures
// a connection (entities, synchronize, migrations, database): a
// { type: "postgres", label: "PostgreSQL" } option list opens nothing.
var (
	dialectRE = regexp.MustCompile(`\bdialect\s*:\s*['"]([\w-]+)['"]`)
	knexRE    = regexp.MustCompile(`\bclient\s*:\s*['"]([\w-]+)['"]`)
	goOpenRE  = regexp.MustCompile(`\b(?:gorm|sql|sqlx)\.(?:Open|Connect|MustConnect|MustOpen)\(\s*"([\w-]+)"`)
	ormTypeRE = regexp.MustCompile(`['"]?\btype['"]?\s*:\s*['"]([\w-]+)['"]`)
	ormConnRE = regexp.MustCompile(`['"]?\b(?:entities|synchronize|migrations|database|migrationsRun|autoLoadEntities)['"]?\s*:`)
	ormWindow = 400
)

// ormEngines returns the spans of engine names in src that the engine
// table knows.
func ormEngines(src []byte) [][2]int {
	var out [][2]int
	known := func(m []int) bool { return engines[strings.ToLower(string(src[m[2]:m[3]]))] != "" }
	for _, p := range []struct {
		re   *regexp.Regexp
		gate string
	}{{dialectRE, "dialect"}, {knexRE, "client"}, {goOpenRE, "Open"}} {
		for _, m := range findAll(p.re, src, p.gate) {
			if known(m) {
				out = append(out, [2]int{m[2], m[3]})
			}
		}
	}
	for _, m := range findAll(ormTypeRE, src, "type") {
		if !known(m) {
			continue
		}
		lo, hi := max(0, m[0]-ormWindow), min(len(src), m[1]+ormWindow)
		if ormConnRE.Match(src[lo:hi]) {
			out = append(out, [2]int{m[2], m[3]})
		}
	}
	return out
}

// isORMConfig: TypeORM's ormconfig.json, .yml, .js or .ts.
func isORMConfig(p string) bool {
	base := path.Base(p)
	return strings.HasPrefix(base, "ormconfig.")
}

// paramListRE is a function's parameter list: Python's def, JavaScript's
// function and arrow functions, Go's func.
var paramListRE = regexp.MustCompile(`(?:\bdef\s+\w+|\bfunction\b\s*\w*|\bfunc\b(?:\s*\([^)]*\))?\s*\w*)\s*\(([^)]*)\)|\(([^()]*)\)\s*(?::\s*[\w<>\[\]]+\s*)?=>`)

// isParam: name is a parameter of a function in src, so what it holds
// is chosen by each caller, not here.
func isParam(src []byte, name string) bool {
	if !bytes.Contains(src, []byte(name)) {
		return false
	}
	word := regexp.MustCompile(`(?:^|[\s,(*.])` + regexp.QuoteMeta(name) + `\s*(?:[:,=)]|$|\s+\w)`)
	for _, m := range paramListRE.FindAllSubmatch(src, -1) {
		for _, params := range m[1:] {
			if len(params) > 0 && word.Match(params) {
				return true
			}
		}
	}
	return false
}

// bucketName names a bucket from the expression that sets it: a literal,
// an environment variable, or a setting whose name says bucket.
func bucketName(expr string) string {
	expr = strings.TrimSpace(expr)
	if i := strings.LastIndexByte(expr, '('); i >= 0 {
		expr = strings.TrimRight(strings.TrimSpace(expr[i+1:]), ") ") // aws.String("name")
	}
	if m := quotedRE.FindStringSubmatch(expr); m != nil {
		if envNameRE.MatchString(m[1]) {
			return "from " + m[1] // env.str("MEDIA_BUCKET"): a bucket's name is lower case
		}
		return m[1]
	}
	if m := envInRE.FindStringSubmatch(expr); m != nil {
		return "from " + m[1]
	}
	if m := identRE.FindStringSubmatch(expr); m != nil && strings.Contains(strings.ToLower(m[1]), "bucket") {
		return "from " + strings.ToUpper(m[1])
	}
	return ""
}

var (
	pyWriteRE = regexp.MustCompile(`\bopen\([^\n]*['"]wb?\+?['"]|\.save\(\s*(?:os\.path\.join|f?['"]|Path\(|\w*(?:dir|DIR|path|PATH|folder|FOLDER))|shutil\.copyfileobj\(|\.write_bytes\(|aiofiles\.open\(`)
	jsWriteRE = regexp.MustCompile(`\b(?:fs\.)?(?:promises\.)?(?:writeFile|writeFileSync|createWriteStream)\(|\bmulter\s*\(\s*\{\s*dest\s*:|\bdiskStorage\s*\(|\.mv\(`)
	goWriteRE = regexp.MustCompile(`\bos\.(?:Create|WriteFile|OpenFile)\(|\bSaveUploadedFile\(`)

	uploadHints = []string{"upload", "Upload", "UPLOAD", "multer", "formidable", "busboy", "FormFile", "request.files"}
	// folderLitRE: a folder named at a word's part (upload_dir, uploadDir,
	// dir), not inside one (mkdirPath names an API's path).
	folderLitRE = regexp.MustCompile(`(?:dest\s*:\s*|os\.path\.join\(\s*|Path\(\s*|filepath\.Join\(\s*|path\.join\(\s*(?:__dirname\s*,\s*|process\.cwd\(\)\s*,\s*)?|\b(?:[A-Za-z_]*(?:_DIR|_dir|Dir|_FOLDER|_folder|Folder|_ROOT|_root|Root)|DIR|dir|FOLDER|folder|ROOT|root)\w*\s*(?::=|[:=])\s*)['"]\.?/?(\w[\w./-]*)['"]`)
	pyWriteGate = regexgate.New(pyWriteRE)
	jsWriteGate = regexgate.New(jsWriteRE)
	goWriteGate = regexgate.New(goWriteRE)

	folderVarRE = regexp.MustCompile(`\b(\w*(?:UPLOAD|upload|Upload|MEDIA|media)\w*(?:DIR|dir|Dir|FOLDER|folder|Folder|ROOT|root|Root|PATH|path|Path))\b`)
)

// assignedRE is the name a folder literal is assigned to (dirsizePath =).
var assignedRE = regexp.MustCompile(`^(\w+)\s*(?::=|[:=])`)

// folderLiteral is the first folder a file names (folderLitRE) that it
// does not hand to a router: a constant a route is registered at
// (r.Post(mkdirPath+"/{name}", h)) is a URL path, whatever its name says;
// so is a folder-like variable (uploadPath) that is routed.
func folderLiteral(src []byte) string {
	for _, m := range folderLitRE.FindAllSubmatchIndex(src, -1) {
		if a := assignedRE.FindSubmatch(src[m[0]:m[1]]); a != nil && routed(src, string(a[1])) {
			continue
		}
		return string(src[m[2]:m[3]])
	}
	return ""
}

// routed reports whether a file registers a route at a name's value.
func routed(src []byte, name string) bool {
	return regexp.MustCompile(`\.(?:Get|Post|Put|Patch|Delete|Handle|HandleFunc|Route|Method|get|post|put|patch|delete|route)\(\s*` + regexp.QuoteMeta(name) + `\b`).Match(src)
}

// uploads records a local folder the code writes uploaded files to: a
// file write in a file that handles uploads.
func (d *Detector) uploads(p string, l lang.Lang, src []byte) {
	var write *regexgate.Gate
	switch l.Family() {
	case lang.Python:
		write = pyWriteGate
	case lang.JavaScript:
		write = jsWriteGate
	case lang.Go:
		write = goWriteGate
	default:
		return
	}
	if !containsAny(src, uploadHints...) {
		return
	}
	// The gate runs the pattern only where a write call can begin.
	locs := write.FindAllStringSubmatchIndex(string(src), "", -1)
	if len(locs) == 0 {
		return
	}
	// A Go file that neither reads a request nor names an upload folder
	// may be a command-line client saving its settings or a download, or
	// an admin command's export: its writes are an upload folder only in
	// a package whose handlers take request bodies (keyed, in Finish).
	deferred := l.Family() == lang.Go && !goRequestBodyRE.Match(src) && !folderVarRE.Match(src) && !goCopiesUpload(src)
	kept := 0
	for _, l := range locs {
		if temporary(src, l[0]) {
			continue
		}
		ev := facts.Evidence{File: p, Line: code.LineAt(src, l[0])}
		if deferred {
			d.keyed[path.Dir(p)] = append(d.keyed[path.Dir(p)], ev)
			continue
		}
		d.add(KindFilesystem, ev)
		kept++
	}
	if kept == 0 {
		return
	}
	if lit := folderLiteral(src); lit != "" && d.folder.literal == "" {
		d.folder.literal = strings.TrimSuffix(lit, "/") + "/"
	}
	for _, m := range folderVarRE.FindAllSubmatch(src, -1) {
		if d.folder.variable == "" && !routed(src, string(m[1])) {
			d.folder.variable = string(m[1])
		}
	}
	if root := jsConfigRoot(src); root != "" && l.Family() == lang.JavaScript && d.folder.literal == "" && d.folder.variable == "" {
		d.folder.variable = root
	}
}

// goUploadParamRE is a function parameter typed as an upload (file
// *fs.UploadRequest, up Upload): what a storage driver is handed to keep.
var goUploadParamRE = regexp.MustCompile(`\bfunc\b[^{\n]*?[(,]\s*(\w+)\s+\*?(?:\w+\.)?\w*Upload\w*\s*[,)]`)

// goCopiesUpload: the file copies an upload it is handed into a file it
// writes (io.Copy(out, file) where file is an *UploadRequest parameter):
// a storage driver's Put, whose package reads no request itself.
func goCopiesUpload(src []byte) bool {
	for _, m := range goUploadParamRE.FindAllSubmatch(src, -1) {
		if regexp.MustCompile(`\bio\.Copy(?:N|Buffer)?\(\s*\w+\s*,\s*` + string(m[1]) + `\b`).Match(src) {
			return true
		}
	}
	return false
}

// writtenPathRE is the path a write call at an offset is given: its first
// argument when that is a name (open(audio_path, "wb"), os.Create(p)), or
// the name it is called on (tmp_path.open("wb")).
var (
	writtenArgRE  = regexp.MustCompile(`^[\w.]*?\(\s*([A-Za-z_][\w.]*)\s*[,)]`)
	writtenRecvRE = regexp.MustCompile(`([A-Za-z_]\w*)\.$`)
)

// temporary: the file a write creates is removed again in the same file
// (os.remove(p), os.Remove(p), fs.unlink(p), p.unlink()): a scratch file
// for one request, such as audio passed on to a transcriber, keeps nothing.
func temporary(src []byte, off int) bool {
	name := ""
	if m := writtenArgRE.FindSubmatch(src[off:min(len(src), off+200)]); m != nil {
		name = string(m[1])
	} else if m := writtenRecvRE.FindSubmatch(src[max(0, off-100):off]); m != nil {
		name = string(m[1])
	}
	if name == "" || !bytes.Contains(src[off:], []byte(name)) {
		return false
	}
	q := regexp.QuoteMeta(name)
	removed := regexp.MustCompile(`\b(?:os\.(?:remove|unlink|Remove|RemoveAll)|(?:fs\.)?(?:promises\.)?(?:unlink|unlinkSync|rm|rmSync)|shutil\.rmtree)\(\s*` + q + `\s*[,)]|\b` + q + `\.unlink\(`)
	return removed.Match(src[off:])
}

// genericDatabaseVars name a database without saying which engine.
var genericDatabaseVars = []string{"DATABASE_URL", "DB_URL", "DATABASE_URI", "SQLALCHEMY_DATABASE_URI", "DB_DSN", "DATABASE_DSN"}

// sqliteFileRE is a SQLite database file written in code: a quoted path
// with a .sqlite or .sqlite3 name, or a file: URL (libSQL's
// file:./tasks.db). A glob (**/Thumbs.db) or a bare .db name is none.
var sqliteFileRE = regexp.MustCompile("[\"'`](file:(?:\\.{1,2}/)?[\\w-]+(?:/[\\w.-]+)*\\.(?:sqlite3?|db)|(?:\\.{1,2}/)?[\\w-]+(?:/[\\w.-]+)*\\.sqlite3?)[\"'`]")

// importSpecRE ends a line's text before a module specifier: import ...
// from, import(, require(.
var importSpecRE = regexp.MustCompile(`(?:\bfrom|\bimport|\brequire\()\s*\(?\s*$`)

var sqlKinds = map[string]bool{"postgres": true, "mysql": true, "sqlite": true}

// productCode reports whether code of this kind can show a store the
// product keeps: not a test, an example, a hand-run script, CI, a
// developer's environment, the documentation or a library copied in.
func productCode(k lang.Kind) bool {
	switch k {
	case lang.Test, lang.Fixture, lang.Example, lang.Docs, lang.Script, lang.CI, lang.DevEnv, lang.Vendored:
		return false
	}
	return true
}

// Finish implements detector.Finisher.
func (d *Detector) Finish(_ context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.supabase {
		delete(d.evidence, KindSupabaseStorage)
		delete(d.buckets, KindSupabaseStorage)
	}
	if !d.openai {
		delete(d.evidence, KindOpenAIVectorStore)
	}
	d.dropVectorFiles()
	d.laravelStores()
	d.railsStores()
	d.djangoDefaultBuckets()
	d.csConnStores()
	services := map[string]*catalog.Service{}
	for _, s := range catalog.All() {
		if prev := services[s.Store]; s.Store != "" && (prev == nil || s.Driver) {
			services[s.Store] = s
		}
	}
	// A generic DATABASE_URL names the one database server the code
	// opens (SQLite is a file, usually for development); with several
	// servers it is ambiguous and names none.
	var sqlFound, servers []string
	for kind := range d.evidence {
		if sqlKinds[kind] {
			sqlFound = append(sqlFound, kind)
			if kind != "sqlite" {
				servers = append(servers, kind)
			}
		}
	}
	genericTarget := ""
	switch {
	case len(servers) == 1:
		genericTarget = servers[0]
	case len(servers) == 0 && len(sqlFound) == 1:
		genericTarget = sqlFound[0]
	}
	// A JdbcTemplate opens the SQL database the settings name; with
	// none found, or several, it says nothing of which.
	if ev := d.evidence[kindSQL]; len(ev) > 0 && genericTarget != "" {
		d.evidence[genericTarget] = append(d.evidence[genericTarget], ev...)
	}
	delete(d.evidence, kindSQL)
	for _, dir := range sortedKeys(d.keyed) {
		if d.requests[dir] {
			d.evidence[KindFilesystem] = append(d.evidence[KindFilesystem], d.keyed[dir]...)
		}
	}
	if len(d.media) > 0 && !d.remoteMedia {
		d.evidence[KindFilesystem] = append(d.evidence[KindFilesystem], d.media...)
		if d.folder.variable == "" {
			d.folder.variable = "MEDIA_ROOT"
		}
	}
	d.javaBuckets()
	d.bucketSettings()
	// A file only a hand-run script, a test or an example names (a
	// converter's input) is none the product keeps; with none left, the
	// drivers' evidence is one SQLite store of no known file.
	sqliteFiles := slices.DeleteFunc(sortedKeys(d.sqliteFiles), func(file string) bool {
		return !slices.ContainsFunc(d.sqliteFiles[file], func(e facts.Evidence) bool { return productCode(out.RoleOf(e.File).Kind) })
	})
	for _, kind := range sortedKeys(d.evidence) {
		ev := d.evidence[kind]
		switch kind {
		case KindFilesystem:
			name := "Local upload folder"
			switch {
			case d.folder.literal != "":
				name = "Local folder " + d.folder.literal
			case d.folder.variable != "":
				name = "Local folder (" + d.folder.variable + ")"
			}
			for _, n := range sortedKeys(d.folders) {
				// The same folder found both ways: by name, or by a file
				// that writes the uploads and is a driver too.
				if n == name || slices.ContainsFunc(d.folders[n], func(e facts.Evidence) bool {
					return slices.ContainsFunc(ev, func(u facts.Evidence) bool { return u.File == e.File })
				}) {
					ev = append(ev, d.folders[n]...)
					delete(d.folders, n)
				}
			}
			out.AddStore(facts.Store{Kind: kind, Name: name, Evidence: ev})
			continue
		}
		svc := services[kind]
		display := kind
		if svc != nil {
			display = svc.Name
		} else if n := kindNames[kind]; n != "" {
			display = n
		}
		if buckets := d.buckets[kind]; len(buckets) > 0 {
			for _, b := range sortedKeys(buckets) {
				out.AddStore(facts.Store{Kind: kind, Name: d.label(kind) + " " + b, Evidence: append(slices.Clone(ev), buckets[b]...)})
			}
			continue
		}
		if kind == "sqlite" && len(d.sqliteFiles) > 1 && len(sqliteFiles) > 0 {
			// Two database files (the app's and its task queue's) are two
			// stores; the drivers' evidence goes with the first.
			for i, file := range sqliteFiles {
				fev := d.sqliteFiles[file]
				if i == 0 {
					fev = append(slices.Clone(ev), fev...)
				}
				out.AddStore(facts.Store{Kind: kind, Name: "SQLite (" + file + ")", Evidence: fev})
			}
			continue
		}
		label, vars := d.label(kind), d.varsFor(kind, kind == genericTarget)
		var name string
		switch {
		case label != "" && len(vars) > 0:
			name = label + " from " + vars[0]
		case label != "":
			name = label
		case len(vars) > 0:
			name = display + " (" + vars[0] + ")"
		default:
			name = display
		}
		for _, v := range vars {
			ev = append(ev, d.envs[v]...)
		}
		out.AddStore(facts.Store{Kind: kind, Name: name, Evidence: ev})
	}
	for _, name := range sortedKeys(d.folders) {
		out.AddStore(facts.Store{Kind: KindFilesystem, Name: name, Evidence: d.folders[name]})
	}
	for _, name := range sortedKeys(d.rails.vendorBuckets) {
		out.AddStore(facts.Store{Kind: "s3", Name: name, Evidence: d.rails.vendorBuckets[name]})
	}
	if len(sqlFound) == 0 {
		for _, v := range genericDatabaseVars {
			if ev := d.envs[v]; len(ev) > 0 {
				out.AddStore(facts.Store{Kind: KindDatabase, Name: "Database (" + v + ")", Evidence: ev})
				break
			}
		}
	}
	return nil
}

// bucketSettings names the tree's S3 buckets by the settings that hold
// their names, when the code that makes the client takes the bucket as a
// parameter: one storage class (a StorageService, an attachments
// adapter) handed LANGFUSE_S3_MEDIA_UPLOAD_BUCKET in one place and
// ..._EVENT_UPLOAD_BUCKET in another keeps two buckets, not one named
// after its parameter ("from BUCKETNAME"). A setting is a bucket's when
// its name says BUCKET and no other store's service claims it (R2_BUCKET
// is Cloudflare R2's). Buckets the code names itself (Bucket: "media",
// Bucket: process.env.UPLOADS_BUCKET) stay as they are.
func (d *Detector) bucketSettings() {
	if len(d.evidence["s3"]) == 0 {
		return
	}
	var settings []string
	for v := range d.envs {
		if !strings.HasSuffix(v, "BUCKET") && !strings.HasSuffix(v, "BUCKET_NAME") && !strings.HasSuffix(v, "BUCKETNAME") {
			continue
		}
		if s := catalog.ForEnv(v); s != nil && s.Store != "" && s.Store != "s3" {
			continue
		}
		if !slices.ContainsFunc(d.envs[v], func(e facts.Evidence) bool {
			return !lang.IsTest(e.File) && lang.RoleOf(e.File).Kind != lang.Tooling
		}) {
			continue // only the test suite's settings (.env.test.example) or a deploy tool's name it
		}
		settings = append(settings, v)
	}
	if len(settings) == 0 {
		return
	}
	buckets := d.buckets["s3"]
	for b := range buckets {
		v, ok := strings.CutPrefix(b, "from ")
		if !ok || len(d.envs[v]) > 0 {
			return // a bucket the code names: the settings are no guess
		}
	}
	kept := map[string][]facts.Evidence{}
	var from []facts.Evidence
	for _, ev := range buckets {
		from = append(from, ev...)
	}
	for _, v := range settings {
		kept["from "+v] = append(slices.Clone(from), d.envs[v]...)
	}
	d.buckets["s3"] = kept
}

// varsFor lists the variables read that configure a store kind, the most
// telling first: a URL or bucket name before a host or password.
func (d *Detector) varsFor(kind string, generic bool) []string {
	var vars []string
	for v := range d.envs {
		s := catalog.ForEnv(v)
		switch {
		case s != nil && s.Store == kind:
		case generic && slices.Contains(genericDatabaseVars, v):
		default:
			continue
		}
		if bucketLabel(kind) != "" && !strings.Contains(v, "BUCKET") && !strings.Contains(v, "QUEUE") && !strings.Contains(v, "CONTAINER") {
			continue // a bucket is named by its bucket variable, not by a key
		}
		vars = append(vars, v)
	}
	rank := func(v string) int {
		for i, suffix := range []string{"URL", "URI", "DSN", "BUCKET", "BUCKET_NAME", "QUEUE_URL", "CONTAINER"} {
			if strings.HasSuffix(v, suffix) {
				return i
			}
		}
		return 100
	}
	sort.Slice(vars, func(i, j int) bool {
		if ri, rj := rank(vars[i]), rank(vars[j]); ri != rj {
			return ri < rj
		}
		return vars[i] < vars[j]
	})
	return vars
}

// label names the tree's buckets of a kind: an S3 bucket is Amazon's
// when some client goes to Amazon, a storage vendor's when a client is
// at that vendor's endpoint, and S3-compatible storage when every client
// is at the operator's endpoint (code.S3Endpoint).
func (d *Detector) label(kind string) string {
	if kind == "s3" && !d.s3[code.S3Amazon] {
		switch {
		case d.s3Vendor != "":
			return d.s3Vendor + " bucket"
		case d.s3[code.S3Compatible]:
			return "S3-compatible bucket"
		}
	}
	return bucketLabel(kind)
}

// bucketLabel is how a store of a bucket-like kind is named, or "" for
// databases.
func bucketLabel(kind string) string {
	switch kind {
	case "s3":
		return "S3 bucket"
	case "gcs":
		return "GCS bucket"
	case "azure-blob":
		return "Azure Blob container"
	case "oci-bucket":
		return "OCI Object Storage bucket"
	case "sqs":
		return "SQS queue"
	case KindSupabaseStorage:
		return "Supabase Storage bucket"
	case "dropbox":
		return "Dropbox folder"
	case "google-drive":
		return "Google Drive folder"
	case "onedrive":
		return "OneDrive folder"
	case "ftp":
		return "FTP server folder"
	case "sftp":
		return "SFTP server folder"
	case KindSearchIndex:
		return "Search index"
	case KindVectorIndex:
		return "Vector index"
	}
	return ""
}

func containsAny(src []byte, subs ...string) bool {
	for _, s := range subs {
		if bytes.Contains(src, []byte(s)) {
			return true
		}
	}
	return false
}

// findAll runs re only when src contains one of the substrings every
// match of re holds.
func findAll(re *regexp.Regexp, src []byte, subs ...string) [][]int {
	if !containsAny(src, subs...) {
		return nil
	}
	return re.FindAllSubmatchIndex(src, -1)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// schemeURLs is what the pattern ['"=]\s*([a-z][a-z0-9+]*):// finds in
// src (FindAllSubmatchIndex: each match and its scheme), read back from
// each "://" instead of running the pattern over every byte: a regexp
// that starts with a class tries every offset of the file.
//
// Why it is the same: a match holds one "://", at its end (the scheme
// holds no ':' or '/'). Before a "://" at p, the scheme can only be the
// whole run of scheme bytes ending at p: the byte before the run is
// neither a scheme byte nor, if the run is to match, a space or quote
// that could precede a shorter one. Its first byte must be a letter; then
// spaces back to a quote or '=' that opens the match. No other start can
// match, and matches cannot overlap (the spaces and the run hold no
// '/'), so the leftmost-first search finds exactly these.
func schemeURLs(src []byte) [][]int {
	var out [][]int
	for from := 0; ; {
		k := bytes.Index(src[from:], []byte("://"))
		if k < 0 {
			return out
		}
		p := from + k
		from = p + 3
		r := p
		for r > 0 && schemeByte(src[r-1]) {
			r--
		}
		if r == p || src[r] < 'a' || src[r] > 'z' {
			continue
		}
		q := r
		for q > 0 && code.IsSpace(src[q-1]) {
			q--
		}
		if q == 0 || src[q-1] != '\'' && src[q-1] != '"' && src[q-1] != '=' {
			continue
		}
		out = append(out, []int{q - 1, p + 3, r, p})
	}
}

func schemeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
}
