package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
)

// The fixtures under testdata/<ecosystem> name each store they open,
// once, anywhere in the tree:
//
//	# want: store KIND NAME
//
// Lookalikes carry no want: drivers imported in tests, connection URLs in
// Markdown, commented-out imports, browser code that posts an upload, a
// file written outside any upload handler, http:// URLs. Each tree has a
// broken file that still yields what it clearly shows.
func TestFixtures(t *testing.T) {
	for _, eco := range []string{"python", "js", "go", "go-attachments", "go-export", "go-upload-service", "go-driver", "go-root", "go-route-path", "go-graph", "python-media", "python-s3media", "python-scratch", "python-script-sqlite", "drivers", "js-config-root", "python-storages", "python-storage-classes", "python-storage-classes-lookalike", "tooling-bucket", "rails", "rails-lookalike", "rails-no-cable", "rails-env-storage", "rails-cond-storage", "rails-env-adapter", "rails-branched-adapter", "rails-branched-adapter-lookalike", "rails-adapter-lookalike", "rails-uploaders", "rails-uploaders-lookalike", "rails-uploaders-default", "rails-uploaders-default-lookalike", "csharp", "csharp-settings", "spring", "spring-lookalike", "java", "java-jdbc", "java-amazon", "java-lookalike"} {
		t.Run(eco, func(t *testing.T) {
			dir := filepath.Join("testdata", eco)
			res := detectortest.Scan(t, dir, New())
			var got []string
			for _, s := range res.Stores {
				if len(s.Evidence) == 0 || s.ID == "" {
					t.Errorf("store %+v has no evidence or id", s)
				}
				got = append(got, s.Kind+" "+s.Name)
			}
			detectortest.Check(t, eco, got, detectortest.Wants(t, dir, "store "))
		})
	}
}

func TestBucketName(t *testing.T) {
	for expr, want := range map[string]string{
		`"docqa-uploads"`:                    "docqa-uploads",
		`aws.String("b1")`:                   "b1",
		`process.env.S3_BUCKET`:              "from S3_BUCKET",
		`os.environ["BUCKET"]`:               "from BUCKET",
		`env.str('AWS_STORAGE_BUCKET_NAME')`: "from AWS_STORAGE_BUCKET_NAME",
		`settings.s3_bucket`:                 "from S3_BUCKET",
		`key`:                                "",
		`f"{prefix}-bucket"`:                 "",
	} {
		if got := bucketName(expr); got != want {
			t.Errorf("bucketName(%s) = %q, want %q", expr, got, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("app/up.py", []byte("import boto3\ns3 = boto3.client('s3')\ns3.put_object(Bucket=aws.String(\"x\"\nUPLOAD_DIR = Path('u')\nopen(p, 'wb')"))
	f.Add("src/a.ts", []byte("import pg from 'pg'\nconst u = 'postgres://x'\nmulter({ dest: 'up/' })"))
	f.Add(".env.example", []byte("DATABASE_URL=mysql://a\n"))
	f.Add("schema.prisma", []byte("datasource db { provider = \"sqlite\" }"))
	f.Fuzz(func(t *testing.T, p string, data []byte) {
		d := New()
		d.read(&detector.File{Path: p, Data: data})
		if err := d.Finish(context.Background(), detector.NewSink()); err != nil {
			t.Fatal(err)
		}
	})
}
