package store

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Java and Kotlin code opens the stores Spring settings configure (and
// some no settings name) through client classes: a RedisTemplate, a
// MongoTemplate, a JdbcTemplate, a JDBC driver it loads, an S3 client's
// putObject, a MultipartFile written under a folder. Each adds its evidence to the
// store of its kind, so a Redis the settings and a RedisTemplate both
// show is one row.

// KindH2 is an H2 database on a file or a server (an in-memory H2 keeps
// nothing past the process).
const KindH2 = "h2"

// kindSQL is the evidence of a JDBC client whose engine only the
// settings say (a JdbcTemplate): it goes to the one SQL database the tree
// opens, if there is one (Finish).
const kindSQL = "jdbc"

// javaClients are the client classes that open a store, by the packages
// that declare them. A class counts when the file imports it (by name or
// by its package's *) and uses it past the import.
var javaClients = []struct {
	kind     string
	packages []string
	classes  []string
}{
	{"redis", []string{"org.springframework.data.redis", "redis.clients.jedis", "io.lettuce.core", "org.redisson"},
		[]string{"RedisTemplate", "StringRedisTemplate", "ReactiveRedisTemplate", "ReactiveStringRedisTemplate", "RedisConnectionFactory", "LettuceConnectionFactory", "JedisConnectionFactory", "Jedis", "JedisPool", "JedisPooled", "JedisCluster", "RedisClient", "RedissonClient", "Redisson"}},
	{"mongodb", []string{"org.springframework.data.mongodb", "com.mongodb"},
		[]string{"MongoTemplate", "ReactiveMongoTemplate", "MongoClient", "MongoClients", "MongoDatabase"}},
	{kindSQL, []string{"org.springframework.jdbc"},
		[]string{"JdbcTemplate", "NamedParameterJdbcTemplate", "JdbcClient"}},
}

var (
	// javaImportRE is one import line and its name (a package's * too).
	javaImportRE = regexp.MustCompile(`(?m)^[ \t]*import[ \t]+(?:static[ \t]+)?([\w.]+?)(\.\*)?[ \t]*;?[ \t]*$`)
	// javaJDBCURLRE is a JDBC URL handed to a connection: DriverManager's
	// getConnection, a data source's setUrl or setJdbcUrl, a builder's
	// url. A prefix kept in a constant ("jdbc:mysql:") connects nothing.
	javaJDBCURLRE = regexp.MustCompile(`(?:\bDriverManager\.getConnection|\.setUrl|\.setJdbcUrl|\.url)\(\s*"(jdbc:[^"]+)"`)
	// javaDriverRE loads a JDBC driver by its class: Class.forName, a
	// data source's setDriverClassName. A driver class named in a list of
	// choices (a database tool's enum) loads nothing.
	javaDriverRE = regexp.MustCompile(`(?:\bClass\.forName|\.setDriverClassName|\.driverClassName)\(\s*"([\w.]+)"`)
	// h2FileRE is an H2 URL that keeps its data: on a file (jdbc:h2:file:,
	// jdbc:h2:./data, jdbc:h2:~/app) or at a server (jdbc:h2:tcp:).
	h2FileRE = regexp.MustCompile(`^jdbc:h2:(?:file:|tcp:|ssl:|zip:|[~./]|[A-Za-z]:)`)
	// s3WriteRE is a call that puts an object in an S3 bucket: SDK v2's
	// putObject(PutObjectRequest...), v1's putObject(bucket, key, ...),
	// the transfer managers' uploads.
	s3WriteRE = regexp.MustCompile(`\.putObject\(|\.uploadFile\(`)
	// javaUploadTypeRE declares a value a request uploads: Spring's
	// MultipartFile, WebFlux's FilePart (Java's MultipartFile file,
	// Kotlin's file: MultipartFile).
	javaUploadTypeRE = regexp.MustCompile(`\b(?:MultipartFile|FilePart)\s+(\w+)\b|\b(\w+)\s*:\s*(?:MultipartFile|FilePart)\b`)
	// javaTransferRE writes an upload: file.transferTo(dest),
	// Files.copy(file.getInputStream(), dest, ...).
	javaTransferRE = regexp.MustCompile(`\b(\w+)\.transferTo\(|\bFiles\.copy\(\s*(\w+)\.getInputStream\(\)\s*,\s*`)
	// javaTempRE is a temporary file or the system's temporary folder:
	// a write there is a scratch copy, no store.
	javaTempRE = regexp.MustCompile(`(?i)java\.io\.tmpdir|createtemp|tmp|tempdir|tempfile|temporary`)
	// javaValueRE is a field a setting fills: @Value("${file.path}")
	// String dir, Kotlin's @Value("\${file.path}") lateinit var dir.
	javaValueRE = regexp.MustCompile(`@Value\(\s*"\\?\$\{([\w.\-\[\]]+)(?::[^}]*)?\}"\s*\)\s*(?:(?:private|protected|public|final|static|lateinit|var|val)\s+)*(?:\w+(?:<[^>]*>)?\s+)?(\w+)`)
	javaIdentRE = regexp.MustCompile(`[A-Za-z_]\w*`)
	// javaFolderLitRE is a folder written in a destination: a quoted
	// path with a slash ("/resources/images", "uploads/").
	javaFolderLitRE = regexp.MustCompile(`"\.?/?(\w[\w.-]*(?:/[\w.-]+)*)/?"`)
)

// readJava reads one Java or Kotlin file.
func (d *Detector) readJava(f *detector.File) {
	src := code.Stripped(f)
	at := func(off int) facts.Evidence { return facts.Evidence{File: f.Path, Line: code.LineAt(src, off)} }
	// The code past its imports, where a class is used.
	body := javaImportRE.ReplaceAllFunc(bytes.Clone(src), func(b []byte) []byte { return bytes.Repeat([]byte{' '}, len(b)) })
	for _, m := range javaImportRE.FindAllSubmatch(src, -1) {
		name, wildcard := string(m[1]), len(m[2]) > 0
		for _, c := range javaClients {
			if !underAny(name, c.packages) {
				continue
			}
			classes := c.classes
			if !wildcard {
				classes = []string{name[strings.LastIndexByte(name, '.')+1:]}
			}
			for _, cls := range classes {
				if !slices.Contains(c.classes, cls) {
					continue
				}
				if loc := regexp.MustCompile(`\b` + cls + `\b`).FindIndex(body); loc != nil {
					d.add(c.kind, at(loc[0]))
				}
			}
		}
	}
	// A store's URL in code, as every language's (Redisson's
	// setAddress("redis://" + host), MongoClients.create("mongodb://...")).
	for _, m := range schemeURLs(src) {
		if s := catalog.ForScheme(string(src[m[2]:m[3]])); s != nil && s.Store != "" {
			d.add(s.Store, at(m[2]))
		}
	}
	for _, m := range javaJDBCURLRE.FindAllSubmatchIndex(src, -1) {
		url := string(src[m[2]:m[3]])
		if strings.HasPrefix(url, "jdbc:h2:") {
			if h2FileRE.MatchString(url) {
				d.add(KindH2, at(m[2]))
			}
			continue
		}
		if e := springJDBCRE.FindStringSubmatch(url); e != nil && springEngines[e[1]] != "" {
			d.add(springEngines[e[1]], at(m[2]))
		}
	}
	for _, m := range javaDriverRE.FindAllSubmatchIndex(src, -1) {
		if kind := springDrivers[strings.ToLower(string(src[m[2]:m[3]]))]; kind != "" {
			d.add(kind, at(m[2]))
		}
	}
	s3 := false
	for _, u := range code.FileUses(f) {
		s3 = s3 || u.Service.Store == "s3"
	}
	if s3 {
		target, vendor, _ := code.S3Endpoint(code.FileUses(f), src)
		d.s3[target] = true
		if vendor != nil {
			d.s3Vendor = vendor.Name
		}
		if loc := s3WriteRE.FindIndex(src); loc != nil {
			d.add("s3", at(loc[0]))
			d.javaBucketNames(src, at)
		}
	}
	d.readJavaSettings(string(src))
	d.javaUploads(f.Path, src, at)
}

// readJavaSettings keeps the prefix each @ConfigurationProperties class
// of src binds.
func (d *Detector) readJavaSettings(src string) {
	for _, m := range javaPropsRE.FindAllStringSubmatch(src, -1) {
		if d.java.prefixes == nil {
			d.java.prefixes = map[string]string{}
		}
		d.java.prefixes[m[2]] = m[1]
	}
}

// javaSettings are what Java code says of its settings across files:
// the prefix each @ConfigurationProperties class binds, and the buckets
// named by a getter of such a class (config.getBucket()), resolved in
// Finish because the class is often declared in another file.
type javaSettings struct {
	prefixes map[string]string // class -> prefix
	refs     []javaBucketRef
}

// javaBucketRef is a bucket named by a settings class's property.
type javaBucketRef struct {
	class, prop string
	ev          facts.Evidence
}

func (j *javaSettings) merge(o javaSettings) {
	for c, p := range o.prefixes {
		if j.prefixes == nil {
			j.prefixes = map[string]string{}
		}
		j.prefixes[c] = p
	}
	j.refs = append(j.refs, o.refs...)
}

var (
	// javaPropsRE is a settings class and the prefix it binds:
	// @ConfigurationProperties(prefix = "amz.s3") ... class AmzS3Config.
	javaPropsRE = regexp.MustCompile(`@ConfigurationProperties\(\s*(?:(?:prefix|value)\s*=\s*)?"([\w.-]+)"\s*\)[^{;]*?\bclass\s+(\w+)`)
	// javaBucketArgRE is the bucket an S3 request is given: SDK v2's
	// .bucket(x), v1's putObject(x, key, ...) and new
	// PutObjectRequest(x, key, ...).
	javaBucketArgRE = regexp.MustCompile(`(?:\.bucket|\.putObject|\bnew\s+PutObjectRequest)\(\s*`)
	// javaGetterRE is a settings object's getter: config.getBucket().
	javaGetterRE = regexp.MustCompile(`^(\w+)\.get(\w+)\(\)$`)
	javaQuotedRE = regexp.MustCompile(`^"([\w.-]+)"$`)
)

// javaBucketNames names the buckets a Java file's S3 requests go to: a
// literal, a field a setting fills (@Value("${s3.bucket}")), or a getter
// of a settings class (kept for Finish), followed through the file's
// assignments (String bucketName = config.getDefaultBucket()).
func (d *Detector) javaBucketNames(src []byte, at func(int) facts.Evidence) {
	settings := map[string]string{}
	for _, m := range javaValueRE.FindAllSubmatch(src, -1) {
		settings[string(m[2])] = string(m[1])
	}
	for _, m := range javaBucketArgRE.FindAllIndex(src, -1) {
		expr := strings.TrimSpace(string(src[m[1]:exprEndJava(src, m[1])]))
		for _, e := range append([]string{expr}, javaValues(src, expr)...) {
			e = strings.TrimSpace(e)
			switch g := javaGetterRE.FindStringSubmatch(e); {
			case javaQuotedRE.MatchString(e):
				d.addBucket("s3", javaQuotedRE.FindStringSubmatch(e)[1], at(m[0]))
			case settings[e] != "":
				d.addBucket("s3", "from "+settings[e], at(m[0]))
			case g != nil:
				if class := javaTypeOf(src, g[1]); class != "" {
					prop := strings.ToLower(g[2][:1]) + g[2][1:]
					d.java.refs = append(d.java.refs, javaBucketRef{class, prop, at(m[0])})
				}
			default:
				continue
			}
			break
		}
	}
}

// javaValues are the values a file assigns to the name expr, when expr
// is one name.
func javaValues(src []byte, expr string) []string {
	if !javaIdentOnlyRE.MatchString(expr) {
		return nil
	}
	var out []string
	for _, loc := range regexp.MustCompile(`\b`+expr+`\s*=[^=]`).FindAllIndex(src, -1) {
		out = append(out, string(src[loc[1]-1:exprEndJava(src, loc[1]-1)]))
	}
	return out
}

var javaIdentOnlyRE = regexp.MustCompile(`^[A-Za-z_]\w*$`)

// javaTypeOf is the declared type of a field, parameter or local named
// name: Java's AmzS3Config config, Kotlin's config: AmzS3Config.
func javaTypeOf(src []byte, name string) string {
	re := regexp.MustCompile(`\b([A-Z]\w*)\s+` + name + `\s*[;=,)]|\b` + name + `\s*:\s*([A-Z]\w*)`)
	if m := re.FindSubmatch(src); m != nil {
		return string(m[1]) + string(m[2])
	}
	return ""
}

// javaBuckets names the buckets a settings class's getter gives, by the
// class's prefix: "from amz.s3.defaultBucket".
func (d *Detector) javaBuckets() {
	for _, r := range d.java.refs {
		if p := d.java.prefixes[r.class]; p != "" {
			d.addBucket("s3", "from "+p+"."+r.prop, r.ev)
		}
	}
}

// javaUploads records an uploaded file written under a folder: a
// MultipartFile's transferTo or Files.copy of its stream, to a
// destination that is no temporary file. The destination is followed
// through the file's assignments (dest = new File(dir, name), dir =
// props.getPath()); a folder a setting fills names the store.
func (d *Detector) javaUploads(p string, src []byte, at func(int) facts.Evidence) {
	uploads := map[string]bool{}
	for _, m := range javaUploadTypeRE.FindAllSubmatch(src, -1) {
		uploads[string(m[1])+string(m[2])] = true
	}
	if len(uploads) == 0 {
		return
	}
	settings := map[string]string{} // field -> setting
	for _, m := range javaValueRE.FindAllSubmatch(src, -1) {
		settings[string(m[2])] = string(m[1])
	}
	for _, m := range javaTransferRE.FindAllSubmatchIndex(src, -1) {
		recv := ""
		for i := 2; i < len(m); i += 2 {
			if m[i] >= 0 {
				recv = string(src[m[i]:m[i+1]])
			}
		}
		// InputStream.transferTo(out) copies a stream: only an upload's
		// transferTo writes the upload.
		if !uploads[recv] {
			continue
		}
		dest := string(src[m[1]:exprEndJava(src, m[1])])
		closure := javaResolve(src, dest)
		if javaTempRE.MatchString(closure) {
			continue
		}
		d.add(KindFilesystem, at(m[0]))
		for _, l := range javaFolderLitRE.FindAllStringSubmatch(closure, -1) {
			if strings.Contains(l[0], "/") && d.folder.literal == "" {
				d.folder.literal = l[1] + "/"
			}
		}
		for _, id := range javaIdentRE.FindAllString(closure, -1) {
			if s := settings[id]; s != "" && d.folder.variable == "" {
				d.folder.variable = s
			}
		}
	}
}

// javaResolve is an expression with the values of the names in it,
// followed through the file's assignments (three deep): what a
// destination is made of.
func javaResolve(src []byte, expr string) string {
	out, seen := expr, map[string]bool{}
	frontier := expr
	for range 3 {
		next := ""
		for _, id := range javaIdentRE.FindAllString(frontier, -1) {
			if seen[id] {
				continue
			}
			seen[id] = true
			re := regexp.MustCompile(`\b` + id + `\s*=[^=]`)
			for _, loc := range re.FindAllIndex(src, -1) {
				v := string(src[loc[1]-1 : exprEndJava(src, loc[1]-1)])
				next += " " + v
			}
		}
		if next == "" {
			break
		}
		out += next
		frontier = next
	}
	return out
}

// exprEndJava is where a Java expression or argument list that starts at
// i ends: the ';' or unbalanced closing bracket after it.
func exprEndJava(src []byte, i int) int {
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return j
			}
			depth--
		case ';':
			return j
		case ',':
			if depth == 0 {
				return j
			}
		case '"':
			if k := bytes.IndexByte(src[j+1:], '"'); k >= 0 {
				j += k + 1
			}
		}
	}
	return len(src)
}

// underAny: name is one of the packages or inside one.
func underAny(name string, packages []string) bool {
	for _, p := range packages {
		if name == p || strings.HasPrefix(name, p+".") {
			return true
		}
	}
	return false
}

// isJava: a Java or Kotlin source file.
func isJava(p string) bool {
	f := lang.Of(p).Family()
	return f == lang.Java || f == lang.Kotlin
}
