package store

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// A project may reach django-storages through its own subclasses of a
// backend (class R2Storage(S3Boto3Storage)) that settings pick by a
// dotted path a function returns, never the literal
// "storages.backends..." djangoStorageRE reads. Each such class is a
// bucket of its backend's kind, named by the bucket_name it sets (a
// keyword, kwargs.setdefault("bucket_name", ...) or a class attribute),
// and a storage vendor's when the endpoint_url it sets is that vendor's
// setting (B2_ENDPOINT_URL). Its plain subclasses are Amazon's default
// bucket: django-storages reads AWS_STORAGE_BUCKET_NAME for them.
type djangoStorage struct {
	// classes: where a storage class with no bucket of its own is
	// declared, by kind: the default bucket's.
	classes map[string][]facts.Evidence
	// defaults: the default bucket settings name (AWS_STORAGE_BUCKET_NAME,
	// GS_BUCKET_NAME, AZURE_CONTAINER), by kind and name.
	defaults map[string]map[string][]facts.Evidence
	// vendorBuckets: the buckets at a storage vendor's endpoint, by
	// store name, as Rails' (railsConfig.vendorBuckets).
	vendorBuckets map[string][]facts.Evidence
}

func (s *djangoStorage) addDefault(kind, name string, ev ...facts.Evidence) {
	if s.defaults == nil {
		s.defaults = map[string]map[string][]facts.Evidence{}
	}
	if s.defaults[kind] == nil {
		s.defaults[kind] = map[string][]facts.Evidence{}
	}
	s.defaults[kind][name] = append(s.defaults[kind][name], ev...)
}

func (s *djangoStorage) merge(o djangoStorage) {
	for k, ev := range o.classes {
		if s.classes == nil {
			s.classes = map[string][]facts.Evidence{}
		}
		s.classes[k] = append(s.classes[k], ev...)
	}
	for k, ev := range o.vendorBuckets {
		if s.vendorBuckets == nil {
			s.vendorBuckets = map[string][]facts.Evidence{}
		}
		s.vendorBuckets[k] = append(s.vendorBuckets[k], ev...)
	}
	for k, names := range o.defaults {
		for n, ev := range names {
			s.addDefault(k, n, ev...)
		}
	}
}

var (
	pyClassRE = regexp.MustCompile(`(?m)^class[ \t]+(\w+)[ \t]*\(([^)]*)\)[ \t]*:`)
	// djangoBackendClasses are django-storages' backends by kind.
	djangoBackendClasses = map[string]string{"S3Boto3Storage": "s3", "S3Storage": "s3", "S3StaticStorage": "s3", "S3ManifestStaticStorage": "s3", "GoogleCloudStorage": "gcs", "AzureStorage": "azure-blob"}
	// storageOptionRE sets a backend option: kwargs.setdefault("name",
	// value), kwargs["name"] = value, name=value or name = value.
	storageOptionRE = regexp.MustCompile(`(?m)(?:setdefault\(\s*["'](bucket_name|endpoint_url)["']\s*,|\[\s*["'](bucket_name|endpoint_url)["']\s*\]\s*=|\b(bucket_name|endpoint_url)\s*=)[ \t]*([^\n]+)`)
	// djangoDefaultBucketRE names the default backend's bucket in settings.
	djangoDefaultBucketRE = regexp.MustCompile(`(?m)^(AWS_STORAGE_BUCKET_NAME|GS_BUCKET_NAME|AZURE_CONTAINER)[ \t]*=[ \t]*([^\n]+)`)
	djangoDefaultKinds    = map[string]string{"AWS_STORAGE_BUCKET_NAME": "s3", "GS_BUCKET_NAME": "gcs", "AZURE_CONTAINER": "azure-blob"}
	upperNameRE           = regexp.MustCompile(`\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b`)
	quotedURLRE           = regexp.MustCompile(`["'](https?://[^"'\s]+)["']`)
)

// djangoStorageClasses reads a Python file's django-storages subclasses
// and the settings that name the default bucket. It returns the classes'
// spans: a bucket_name inside one is that class's, of its kind, and no
// other reader's.
func (d *Detector) djangoStorageClasses(src []byte, at func(int) facts.Evidence) (spans [][2]int) {
	for _, m := range djangoDefaultBucketRE.FindAllSubmatchIndex(src, -1) {
		// Named by what it is set to, as bucketRE names it.
		if name := storageSetting(string(src[m[4]:m[5]])); name != "" {
			d.django.addDefault(djangoDefaultKinds[string(src[m[2]:m[3]])], name, at(m[0]))
		}
	}
	if !bytes.Contains(src, []byte("Storage")) {
		return nil
	}
	kinds := map[string]string{} // class -> kind, the file's own subclasses too
	classes := pyClassRE.FindAllSubmatchIndex(src, -1)
	for i, m := range classes {
		kind := ""
		for _, b := range strings.Split(string(src[m[4]:m[5]]), ",") {
			b = strings.TrimSpace(b)
			b = b[strings.LastIndexByte(b, '.')+1:]
			if k := djangoBackendClasses[b]; k != "" {
				kind = k
			} else if k := kinds[b]; k != "" {
				kind = k
			}
		}
		if kind == "" {
			continue
		}
		kinds[string(src[m[2]:m[3]])] = kind
		end := len(src)
		if i+1 < len(classes) {
			end = classes[i+1][0]
		}
		if n := nextTopLevel(src, m[1]); n < end {
			end = n
		}
		spans = append(spans, [2]int{m[0], end})
		bucket, endpoint := "", ""
		var bucketAt int
		for _, o := range storageOptionRE.FindAllSubmatchIndex(src[m[1]:end], -1) {
			opt := ""
			for g := 2; g <= 6; g += 2 {
				if o[g] >= 0 {
					opt = string(src[m[1]+o[g] : m[1]+o[g+1]])
				}
			}
			value := string(src[m[1]+o[8] : m[1]+o[9]])
			switch opt {
			case "bucket_name":
				if bucket == "" {
					bucket, bucketAt = storageSetting(value), m[1]+o[0]
				}
			case "endpoint_url":
				if v, ok := strings.CutPrefix(storageSetting(value), "from "); ok && endpoint == "" {
					endpoint = "env:" + v
				} else if q := quotedURLRE.FindStringSubmatch(value); q != nil && endpoint == "" {
					endpoint = q[1]
				}
			}
		}
		switch vendor := storageVendor(endpoint); {
		case bucket != "" && vendor != "" && kind == "s3":
			if d.django.vendorBuckets == nil {
				d.django.vendorBuckets = map[string][]facts.Evidence{}
			}
			name := vendor + " bucket " + bucket
			d.django.vendorBuckets[name] = append(d.django.vendorBuckets[name], at(m[0]), at(bucketAt))
		case bucket != "":
			d.add(kind, at(m[0]))
			d.addBucket(kind, bucket, at(bucketAt))
		default:
			if d.django.classes == nil {
				d.django.classes = map[string][]facts.Evidence{}
			}
			d.django.classes[kind] = append(d.django.classes[kind], at(m[0]))
		}
	}
	return spans
}

// storageSetting names a bucket from the value a storage class gives
// it: bucketName's reading, or the setting it is read from
// (getattr(settings, "R2_BUCKET_NAME", None), settings.MEDIA_BUCKET).
func storageSetting(value string) string {
	if b := bucketName(value); b != "" {
		return b
	}
	if n := upperNameRE.FindStringSubmatch(value); n != nil {
		return "from " + n[1]
	}
	return ""
}

// nextTopLevel is where the next line that starts at column 0 with code
// begins after off: a class's body ends there.
func nextTopLevel(src []byte, off int) int {
	for i := off; i < len(src); i++ {
		if src[i] != '\n' || i+1 >= len(src) {
			continue
		}
		if c := src[i+1]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '#' {
			return i + 1
		}
	}
	return len(src)
}

// djangoDefaultBuckets adds the vendors' buckets and the default bucket
// of each kind a project's own storage classes use without a bucket of
// their own (Finish).
func (d *Detector) djangoDefaultBuckets() {
	for name, ev := range d.django.vendorBuckets {
		if d.rails.vendorBuckets == nil {
			d.rails.vendorBuckets = map[string][]facts.Evidence{}
		}
		d.rails.vendorBuckets[name] = append(d.rails.vendorBuckets[name], ev...)
	}
	for kind, ev := range d.django.classes {
		d.evidence[kind] = append(d.evidence[kind], ev...)
		for name, at := range d.django.defaults[kind] {
			d.addBucket(kind, name, at...)
		}
	}
}
