package store

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A Laravel disk whose driver is a vendor's adapter (Dropbox, Google
// Drive, OneDrive, Azure Blob) or a remote server's (FTP, SFTP) keeps the
// files the app writes to it there: a store like a bucket, beside the
// vendor's row. filesystems.php may declare such disks the app never
// installs an adapter for, or never writes; neither is a store.

// laravelVendorDrivers are Flysystem drivers kept outside the server, as
// store kinds. A vendor's kind is its catalogue id (the store's boundary
// is that vendor's).
var laravelVendorDrivers = map[string]string{
	"dropbox": "dropbox", "google": "google-drive", "google-drive": "google-drive", "gdrive": "google-drive",
	"onedrive": "onedrive", "azure": "azure-blob", "ftp": "ftp", "sftp": "sftp",
}

// adapterPackageRE: a composer package that gives Flysystem a driver
// (league/flysystem-sftp-v3, spatie/flysystem-dropbox,
// masbug/flysystem-google-drive-ext); its name says which.
var adapterPackageRE = regexp.MustCompile(`flysystem-(dropbox|google-?drive|onedrive|azure|s?ftp)`)

var (
	// laravelDriverRE is a disk's driver: 'driver' => 'dropbox'.
	laravelDriverRE = regexp.MustCompile(`['"]driver['"]\s*=>\s*['"]([\w-]+)['"]`)
	// laravelDiskOpenRE opens a disk's settings: 'dropbox' => [.
	laravelDiskOpenRE = regexp.MustCompile(`['"]([\w-]+)['"]\s*=>\s*(?:\[|array\s*\()`)
	// laravelDiskPlaceRE is where a disk keeps files: its bucket,
	// container, folder or host, from the environment or literal.
	laravelDiskPlaceRE = regexp.MustCompile(`['"](?:bucket|container|root|host)['"]\s*=>\s*(?:env\(\s*['"]([A-Z][A-Z0-9_]*)['"]|['"]([\w./-]+)['"])`)
	// phpExtendRE registers a disk driver: Storage::extend('dropbox', ...).
	phpExtendRE = regexp.MustCompile(`\bStorage::extend\(\s*['"]([\w-]+)['"]`)
)

// laravelVendorDisk is a disk kept by a vendor or a remote server.
type laravelVendorDisk struct {
	driver, kind, place string
	ev                  facts.Evidence
}

func (c *laravelConfig) adapter(driver string) {
	if c.adapters == nil {
		c.adapters = map[string]bool{}
	}
	c.adapters[driver] = true
}

// readAdapters records the drivers composer.json's packages give
// Flysystem (not those only tests require).
func (c *laravelConfig) readAdapters(data []byte) {
	var m struct {
		Require map[string]any `json:"require"`
	}
	if json.Unmarshal(data, &m) != nil {
		return
	}
	for pkg := range m.Require {
		if a := adapterPackageRE.FindStringSubmatch(pkg); a != nil {
			driver := strings.ReplaceAll(a[1], "-", "")
			switch driver {
			case "googledrive":
				for _, d := range []string{"google", "google-drive", "gdrive"} {
					c.adapter(d)
				}
			default:
				c.adapter(driver)
			}
		}
	}
}

// readVendorDisks records filesystems.php's disks of a vendor's or a
// remote server's driver.
func (c *laravelConfig) readVendorDisks(src []byte, at func(int) facts.Evidence) {
	for _, m := range laravelDriverRE.FindAllSubmatchIndex(src, -1) {
		driver := string(src[m[2]:m[3]])
		kind := laravelVendorDrivers[driver]
		if kind == "" {
			continue
		}
		opens := laravelDiskOpenRE.FindAllSubmatchIndex(src[:m[0]], -1)
		if len(opens) == 0 {
			continue
		}
		o := opens[len(opens)-1]
		open := o[1] - 1
		end := braceEnd(src, open)
		if end < m[1] {
			continue // the driver is not inside the nearest disk
		}
		disk := string(src[o[2]:o[3]])
		place := "(disk " + disk + ")"
		if p := laravelDiskPlaceRE.FindSubmatch(src[open:end]); p != nil {
			if len(p[1]) > 0 {
				place = "from " + string(p[1])
			} else {
				place = string(p[2])
			}
		}
		if c.vendorDisks == nil {
			c.vendorDisks = map[string]laravelVendorDisk{}
		}
		c.vendorDisks[disk] = laravelVendorDisk{driver: driver, kind: kind, place: place, ev: at(o[0])}
	}
}

// vendorDiskStores adds the vendor disks whose adapter the app has and
// that a write reaches: the disk named, the default one, or a disk the
// code picks at run time (Finish).
func (d *Detector) vendorDiskStores() {
	c := &d.laravel
	def := c.defaultDisk
	if v, ok := c.env[c.diskVar]; ok && c.diskVar != "" {
		def = v.value
	}
	for _, name := range sortedKeys(c.vendorDisks) {
		disk := c.vendorDisks[name]
		if !c.adapters[disk.driver] {
			continue
		}
		for _, w := range c.writes {
			if w.folder == "" && (w.disk == anyDisk || w.disk == name || w.disk == "" && def == name) {
				d.add(disk.kind, disk.ev)
				d.addBucket(disk.kind, disk.place, disk.ev, w.ev)
				break
			}
		}
	}
}

// A file that uploads to a OneDrive or SharePoint drive through Microsoft
// Graph keeps the product's files there: an upload (an upload session,
// or PUT .../content) addressed to a drive's item ("root:/" + path,
// me/drive/items/{id}). Graph's other uploads (a mail attachment's
// upload session) address no drive item; a client that reads a profile
// or lists a drive uploads nothing.
var (
	graphUploadRE = regexp.MustCompile(`["'` + "`" + `][^"'` + "`" + `\n]*(?:/createUploadSession\b|:/content\b)`)
	graphItemRE   = regexp.MustCompile(`\broot:|\bdrives?/|/drive\b|/items/`)
)

// graphDriveUploads records a OneDrive folder where a file uploads to a
// drive's item.
func (d *Detector) graphDriveUploads(f *detector.File, src []byte) {
	if lang.RoleOf(f.Path).Kind != lang.App || !bytes.Contains(src, []byte("root:")) && !bytes.Contains(src, []byte("drive")) {
		return
	}
	for _, up := range graphUploadRE.FindAllIndex(src, -1) {
		start := bytes.LastIndexByte(src[:up[0]], '\n') + 1
		end := up[1] + max(0, bytes.IndexByte(src[up[1]:], '\n'))
		if !graphItemRE.Match(src[start:end]) {
			continue
		}
		ev := facts.Evidence{File: f.Path, Line: code.LineAt(src, up[0])}
		d.add("onedrive", ev)
		d.addBucket("onedrive", "(Microsoft Graph)", ev)
		return
	}
}
