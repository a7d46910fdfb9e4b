package threat

import "testing"

// A store is a bucket of the product's files when a storage vendor holds
// it (any vendor the catalogue lists with a store, not only the big
// three), and its boundary is that vendor's; a database, a queue or a
// search index a vendor runs is no bucket.
func TestBucketKinds(t *testing.T) {
	for _, tc := range []struct {
		kind, side string
		bucket     bool
	}{
		{"s3", "aws-s3", true},
		{"gcs", "gcs", true},
		{"oci-bucket", "oci-object-storage", true},
		{"cos-bucket", "tencent-cos", true},
		{"qiniu-bucket", "qiniu", true},
		{"r2", "cloudflare-r2", true},
		// lookalikes: vendors' stores that hold no files
		{"meilisearch", "database", false},
		{"pinecone", "database", false},
		{"postgres", "database", false},
		{"redis", "cache", false},
	} {
		if got := isBucket(tc.kind); got != tc.bucket {
			t.Errorf("isBucket(%q) = %v, want %v", tc.kind, got, tc.bucket)
		}
		if got := storeSide(tc.kind); got != tc.side {
			t.Errorf("storeSide(%q) = %q, want %q", tc.kind, got, tc.side)
		}
	}
}
