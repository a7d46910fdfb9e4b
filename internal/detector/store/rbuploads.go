package store

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Ruby's upload libraries other than Active Storage keep attachments
// where the storages the code makes say: Shrine's storage objects
// (Shrine::Storage::FileSystem.new(dir) a folder,
// Shrine::Storage::S3.new(bucket: ...) a bucket), and CarrierWave's
// uploaders (storage :file under store_dir, below public/) or its fog and
// carrierwave-aws settings (a provider and its directory or bucket).

var (
	// shrineStorageRE makes one of Shrine's storages, its arguments in
	// parentheses or up to the end of the line.
	shrineStorageRE = regexp.MustCompile(`\bShrine::Storage::(FileSystem|S3|GoogleCloudStorage)\.new\b[ \t]*(\(?)`)
	// rbKeywordArgRE is a keyword argument: bucket: x, :bucket => x.
	rbKeywordArgRE = regexp.MustCompile(`^:?(\w+)\s*(?::|=>)\s*(.+)$`)
	// rbJoinRE builds a path from the app's root: Rails.root.join("a", "b"),
	// Rails.public_path.join("a").
	rbJoinRE = regexp.MustCompile(`^Rails\.(root|public_path)\.join\(`)
	// rbPathLitRE is a path written as one literal.
	rbPathLitRE = regexp.MustCompile(`^['"]([\w./-]+)['"]$`)
	// cwUploaderRE is a CarrierWave uploader class: one deriving from
	// CarrierWave's base, or (in an uploaders folder) an uploader class
	// deriving from the app's own base uploader.
	cwUploaderRE    = regexp.MustCompile(`<\s*CarrierWave::Uploader::Base\b`)
	cwSubUploaderRE = regexp.MustCompile(`(?m)^\s*class\s+\w*Uploader\s*<\s*\w*Uploader\b`)
	// cwStorageRE chooses an uploader's storage: storage :file.
	cwStorageRE = regexp.MustCompile(`(?m)^[ \t]*storage[ \t]*\(?[ \t]*:(\w+)[ \t]*\)?[ \t]*$`)
	// cwStoreDirRE is the folder an uploader stores under: def store_dir
	// and the first string its body returns.
	cwStoreDirRE = regexp.MustCompile(`\bdef\s+store_dir\b[^\n]*\n\s*["']([^"'\n]*)["']`)
	// cwFogProviderRE is the fog provider CarrierWave's settings name;
	// cwBucketRE its directory (fog) or bucket (carrierwave-aws).
	cwFogProviderRE = regexp.MustCompile(`\bprovider['"]?\s*(?::|=>)\s*['"](AWS|Google|AzureRM)['"]`)
	cwBucketRE      = regexp.MustCompile(`\b(?:config\.)?(fog_directory|aws_bucket)\s*=\s*([^\n]+)`)
)

// cwDefaultRE is the storage CarrierWave's settings give every
// uploader: config.storage = :fog, config.storage :file.
var cwDefaultRE = regexp.MustCompile(`(?m)^[ \t]*\w+\.storage[ \t]*(?:=[ \t]*)?\(?[ \t]*:(\w+)`)

// cwStoreDir is the folder under public/ an uploader's store_dir names,
// CarrierWave's default (uploads) when it names none.
func cwStoreDir(s string) string {
	dir := "uploads"
	if sd := cwStoreDirRE.FindStringSubmatch(s); sd != nil {
		dir, _, _ = strings.Cut(sd[1], "#{")
	}
	return strings.Trim(dir, "/")
}

// fogKinds are fog's providers as store kinds.
var fogKinds = map[string]string{"AWS": "s3", "Google": "gcs", "AzureRM": "azure-blob"}

// rubyUploadStorages records the storages Shrine and CarrierWave keep
// attachments in.
func (d *Detector) rubyUploadStorages(f *detector.File, src []byte) {
	if lang.IsTest(f.Path) || !railsProductionRuby(f.Path) {
		return
	}
	at := func(off int) facts.Evidence { return facts.Evidence{File: f.Path, Line: code.LineAt(src, off)} }
	s := string(src)
	if strings.Contains(s, "Shrine::Storage::") {
		for _, m := range shrineStorageRE.FindAllStringSubmatchIndex(s, -1) {
			var args []string
			if m[5] > m[4] {
				args = splitArgs(src[m[1]:])
			} else {
				end := strings.IndexByte(s[m[1]:], '\n')
				if end < 0 {
					end = len(s) - m[1]
				}
				args = splitArgs([]byte(s[m[1]:m[1]+end] + ")"))
			}
			d.shrineStorage(s[m[2]:m[3]], args, at(m[0]))
		}
	}
	uploader := cwUploaderRE.MatchString(s) || strings.Contains(f.Path, "/uploaders/") && cwSubUploaderRE.MatchString(s)
	if !uploader && !strings.Contains(s, "CarrierWave") {
		return
	}
	if m := cwDefaultRE.FindStringSubmatch(s); m != nil {
		d.rails.cwDefault = m[1]
	}
	if uploader {
		name := "Local folder public/"
		if dir := cwStoreDir(s); dir != "" {
			name += dir + "/"
		}
		storages := cwStorageRE.FindAllStringSubmatchIndex(s, -1)
		for _, m := range storages {
			if s[m[2]:m[3]] != "file" {
				continue // fog and aws: the settings below name the bucket
			}
			d.folders[name] = append(d.folders[name], at(m[0]))
		}
		// An uploader deriving from CarrierWave's base with no storage of
		// its own keeps files where the app's default says, which
		// CarrierWave.configure sets in another file, if anywhere.
		if m := cwUploaderRE.FindStringIndex(s); len(storages) == 0 && m != nil {
			if d.rails.cwUnset == nil {
				d.rails.cwUnset = map[string][]facts.Evidence{}
			}
			d.rails.cwUnset[name] = append(d.rails.cwUnset[name], at(m[0]))
		}
	}
	var kind string
	var kindAt int
	if m := cwFogProviderRE.FindStringSubmatchIndex(s); m != nil {
		kind, kindAt = fogKinds[s[m[2]:m[3]]], m[0]
	}
	for _, m := range cwBucketRE.FindAllStringSubmatchIndex(s, -1) {
		k := kind
		if s[m[2]:m[3]] == "aws_bucket" {
			k = "s3"
		} else if k == "" {
			continue
		}
		d.add(k, at(m[0]))
		if b := rubyBucket(s[m[4]:m[5]]); b != "" {
			d.addBucket(k, b, at(m[0]))
		}
		if k == kind {
			d.add(k, at(kindAt))
		}
	}
}

// shrineStorage records one Shrine storage from its kind and arguments.
func (d *Detector) shrineStorage(kind string, args []string, ev facts.Evidence) {
	kw := map[string]string{}
	var positional []string
	for _, a := range args {
		if m := rbKeywordArgRE.FindStringSubmatch(a); m != nil && !strings.HasPrefix(a, `"`) && !strings.HasPrefix(a, `'`) {
			kw[m[1]] = strings.TrimSpace(m[2])
		} else {
			positional = append(positional, a)
		}
	}
	switch kind {
	case "FileSystem":
		var dir string
		if len(positional) > 0 {
			dir = rubyFolder(positional[0])
		}
		if dir != "" {
			if p := rubyFolder(kw["prefix"]); p != "" {
				dir += "/" + p
			}
		}
		name := "Local upload folder" // a folder chosen at run time
		if dir != "" {
			name = "Local folder " + dir + "/"
		}
		d.folders[name] = append(d.folders[name], ev)
	case "S3", "GoogleCloudStorage":
		k := "s3"
		if kind == "GoogleCloudStorage" {
			k = "gcs"
		}
		d.add(k, ev)
		if b := rubyBucket(kw["bucket"]); b != "" {
			d.addBucket(k, b, ev)
		}
	}
}

// rubyFolder is the folder a Ruby expression names: a literal, or the
// app's root or public folder joined with literals; "" when the folder
// is chosen at run time.
func rubyFolder(expr string) string {
	expr = strings.TrimSpace(expr)
	if m := rbPathLitRE.FindStringSubmatch(expr); m != nil {
		return strings.Trim(strings.TrimPrefix(m[1], "./"), "/")
	}
	m := rbJoinRE.FindStringSubmatch(expr)
	if m == nil {
		return ""
	}
	var parts []string
	if m[1] == "public_path" {
		parts = append(parts, "public")
	}
	for _, q := range quotedLiteralRE.FindAllStringSubmatch(expr, -1) {
		parts = append(parts, strings.Trim(q[1], "/"))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "/")
}

// rubyBucket names a bucket from a literal or a read of the environment
// (ENV["X"], ENV.fetch("X")); a method or a column (s3_bucket) holds a
// name only the running app knows.
func rubyBucket(expr string) string {
	expr = strings.TrimSpace(expr)
	if m := railsEnvRE.FindStringSubmatch(expr); m != nil {
		return "from " + m[1]
	}
	if rbPathLitRE.MatchString(expr) {
		return bucketName(expr)
	}
	return ""
}
