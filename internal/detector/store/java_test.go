package store

import (
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// TestJavaUploads: an upload written where no temporary file is, and
// its lookalikes.
func TestJavaUploads(t *testing.T) {
	tests := []struct {
		name, src string
		store     bool
		folder    string
		literal   string
	}{
		{"transferTo under a setting's folder", `@Value("${file.path}") private String dir;
void save(MultipartFile f) throws Exception { File dest = new File(dir, f.getOriginalFilename()); f.transferTo(dest); }`, true, "file.path", ""},
		{"Files.copy of the stream under a folder", `@Value("${app.media-root:/srv/media}") Path root;
void save(MultipartFile file, String id) throws Exception { Files.copy(file.getInputStream(), root.resolve(id), StandardCopyOption.REPLACE_EXISTING); }`, true, "app.media-root", ""},
		{"a helper the callers hand the folder", `public static File upload(MultipartFile file, String filePath) throws Exception {
  String path = filePath + file.getOriginalFilename();
  File dest = new File(path).getCanonicalFile();
  file.transferTo(dest);
  return dest;
}`, true, "", ""},
		{"a folder written in the code", `void save(MultipartFile f, String user) throws Exception {
  String dir = context.getRealPath("/resources/images") + File.separator;
  String path = dir + user + ".png";
  f.transferTo(new File(path));
}`, true, "", "resources/images/"},
		{"Kotlin", "@Value(\"\\${storage.dir}\") lateinit var dir: String\nfun save(file: MultipartFile) { file.transferTo(File(dir, file.originalFilename!!)) }", true, "storage.dir", ""},
		{"WebFlux's FilePart", `Mono<Void> save(FilePart part) { return part.transferTo(Paths.get(uploads, part.filename())); }`, true, "", ""},
		{"lookalike: a temporary file", `File parse(MultipartFile sheet) throws Exception { File tmp = File.createTempFile("s", ".xlsx"); sheet.transferTo(tmp); return tmp; }`, false, "", ""},
		{"lookalike: the system's temporary folder, through a constant", `static final String SYS_DIR = System.getProperty("java.io.tmpdir") + File.separator;
File toFile(MultipartFile m) throws Exception { File file = new File(SYS_DIR + UUID.randomUUID()); m.transferTo(file); return file; }`, false, "", ""},
		{"lookalike: a stream's transferTo", `void copy(MultipartFile f, InputStream in, OutputStream out) throws Exception { in.transferTo(out); }`, false, "", ""},
		{"lookalike: no upload in the file", `void copy(InputStream in, Path p) throws Exception { Files.copy(in, p); }`, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			f := &detector.File{Path: "src/main/java/app/Files.java", Data: []byte(tt.src)}
			d.javaUploads(f.Path, []byte(tt.src), func(int) facts.Evidence { return facts.Evidence{File: f.Path, Line: 1} })
			if got := len(d.evidence[KindFilesystem]) > 0; got != tt.store {
				t.Errorf("store = %v, want %v", got, tt.store)
			}
			if d.folder.variable != tt.folder || d.folder.literal != tt.literal {
				t.Errorf("folder = %q, %q, want %q, %q", d.folder.variable, d.folder.literal, tt.folder, tt.literal)
			}
		})
	}
}

// TestJavaBucketNames: the bucket a Java S3 request names, through a
// literal, a setting's field or a settings class's getter (whose prefix
// another file declares); a bucket the caller hands in names none.
func TestJavaBucketNames(t *testing.T) {
	const props = "@ConfigurationProperties(prefix = \"media.s3\")\npublic class MediaProps { private String bucket; }\n"
	tests := []struct{ name, src, want string }{
		{"a literal, SDK v1", `void put(File f) { s3.putObject("invoices", f.getName(), f); }`, "invoices"},
		{"a setting's field", "@Value(\"${s3.bucket}\") private String bucket;\nvoid put(String k) { s3.putObject(PutObjectRequest.builder().bucket(bucket).key(k).build(), body); }", "from s3.bucket"},
		{"a settings class's getter through a local", "private final MediaProps props;\nvoid put(String k) { String name = props.getBucket(); s3.putObject(PutObjectRequest.builder().bucket(name).key(k).build(), body); }", "from media.s3.bucket"},
		{"lookalike: the caller's bucket", `void put(String bucket, String k) { s3.putObject(PutObjectRequest.builder().bucket(bucket).key(k).build(), body); }`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			d.readJavaSettings(props)
			d.javaBucketNames([]byte(tt.src), func(int) facts.Evidence { return facts.Evidence{File: "S3.java", Line: 1} })
			d.javaBuckets()
			got := ""
			for b := range d.buckets["s3"] {
				got = b
			}
			if got != tt.want {
				t.Errorf("bucket = %q, want %q", got, tt.want)
			}
		})
	}
}
