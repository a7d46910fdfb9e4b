package iac

import (
	"context"
	"path"
	"regexp"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// ObjectACL reads what application code and its configuration make
// public in a bucket, outside Terraform: objects written with a
// public-read ACL (the AWS SDKs, boto3, Go's canned ACL constants, a
// Laravel s3 disk whose visibility is public), GCS objects made public,
// objects handed out by their plain URL, and a compose service that
// opens a MinIO bucket to anonymous users.
// An object ACL lets anyone fetch each object by its key (a published
// bucket); an anonymous MinIO policy lets anyone list it (public).
type ObjectACL struct{}

// NewObjectACL returns the object ACL detector.
func NewObjectACL() *ObjectACL { return &ObjectACL{} }

// Name implements detector.Detector.
func (*ObjectACL) Name() string { return "iac/object-acl" }

// Match implements detector.Detector: application code, never tests (a
// test's upload is no deployment's), and compose files.
func (*ObjectACL) Match(p string) bool {
	if isCompose(path.Base(p)) {
		return true
	}
	switch lang.Of(p).Family() {
	case lang.JavaScript, lang.Python, lang.Go, lang.PHP, lang.Ruby:
		return !lang.IsTest(p)
	}
	return false
}

// Keywords implements detector.Keyworded.
func (*ObjectACL) Keywords() []string {
	return []string{"public-read", "PublicRead", "publicRead", "makePublic", "make_public", "'visibility'", `"visibility"`, "anonymous set", "policy set",
		"amazonaws.com/", "storage.googleapis.com/", "blob.core.windows.net/", "->url(", "publicUrl("}
}

var (
	// publicObjectACL is an object written with a canned public ACL:
	// { ACL: 'public-read' }, ExtraArgs={'ACL': 'public-read'},
	// types.ObjectCannedACLPublicRead, acl: "public-read",
	// predefinedAcl: 'publicRead', blob.make_public().
	publicObjectACL = regexp.MustCompile(`(?i:\bacl['"]?\s*(?:[:=]|=>)\s*['"]public-read(?:-write)?['"])|\bObjectCannedACLPublicRead(?:Write)?\b|\bpredefined_?[Aa]cl['"]?\s*[:=]\s*['"]publicRead['"]|\.(?:makePublic|make_public)\(`)
	// publicObjectURL is an object's plain URL built by the code: the
	// bucket's host and a key put after it (f"https://{b}.s3.amazonaws.com/{key}",
	// storage.googleapis.com/${bucket}/${key}), a Laravel s3 disk's url(),
	// a GCS file's publicUrl(). Only a public object answers it; a
	// presigned URL is another call.
	publicObjectURL = regexp.MustCompile(`(?:(?:\.|//)s3[\w.-]*\.amazonaws\.com|\bstorage\.googleapis\.com|\.blob\.core\.windows\.net)/[^\s'"` + "`" + `]*?(?:\$\{|\{|%s|['"` + "`" + `]\s*(?:\+|\.))|\bdisk\(\s*['"]s3['"]\s*\)\s*->\s*url\(|\.publicUrl\(\s*\)`)
	// s3Disk is a Laravel disk array whose driver is s3, up to its
	// closing bracket (a disk holds no nested array).
	s3Disk = regexp.MustCompile(`(?s)\[[^\[\]]*['"]driver['"]\s*=>\s*['"]s3['"][^\[\]]*\]`)
	// publicVisibility is a disk's default visibility set to public:
	// Flysystem writes every object public-read.
	publicVisibility = regexp.MustCompile(`['"]visibility['"]\s*=>\s*['"]public['"]`)
	// anonymousMinio is the MinIO client opening a bucket to anyone:
	// mc anonymous set download local/media, mc policy set public ...
	anonymousMinio = regexp.MustCompile(`\bmc\s+(?:anonymous|policy)\s+set\s+(?:public|download|upload)\b`)
)

// Detect implements detector.Detector.
func (*ObjectACL) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	add := func(kind, detail string, off int) {
		line := code.LineAt(f.Data, off)
		out.AddInfrastructure(facts.Infrastructure{
			ID:   detector.ID("infra", kind, f.Path, detail),
			Kind: kind, Detail: detail,
			Evidence: []facts.Evidence{{File: f.Path, Line: line}},
		})
	}
	if isCompose(path.Base(f.Path)) {
		if loc := anonymousMinio.FindIndex(f.Data); loc != nil {
			add("public-bucket", "MinIO bucket opened to anonymous users: "+string(f.Data[loc[0]:loc[1]]), loc[0])
		}
		return nil
	}
	l := lang.Of(f.Path)
	src := lang.StripComments(l, f.Data)
	if loc := publicObjectACL.FindIndex(src); loc != nil {
		add("published-bucket", "objects written with a public ACL (public-read, or made public)", loc[0])
	}
	if loc := publicObjectURL.FindIndex(src); loc != nil {
		add("published-bucket", "objects served by their public URL", loc[0])
	}
	if l.Family() == lang.PHP {
		for _, d := range s3Disk.FindAllIndex(src, -1) {
			if v := publicVisibility.FindIndex(src[d[0]:d[1]]); v != nil {
				add("published-bucket", "s3 disk whose objects are written public: 'visibility' => 'public'", d[0]+v[0])
				break
			}
		}
	}
	return nil
}
