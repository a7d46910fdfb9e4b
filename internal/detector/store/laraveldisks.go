package store

import (
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Laravel keeps files on the disks filesystems.php declares. A local disk
// (driver local, root public_path(...) or storage_path(...)) is a folder
// on the server; it is a store only when the app's code writes to it:
// Storage::disk('public')->put(...), $request->file('x')->store('a',
// 'public'), Storage::put(...) on the default disk, or a disk handed
// around as Laravel's Filesystem and written ($disk->put, ->writeStream).
// Every new app declares a local and a public disk it may never write.

var (
	// laravelLocalDiskRE is a disk whose first key is its driver, in a
	// filesystems.php: 'local' => ['driver' => 'local', ...
	laravelLocalDiskRE = regexp.MustCompile(`['"]([\w-]+)['"]\s*=>\s*(?:\[|array\s*\()\s*['"]driver['"]\s*=>\s*['"]local['"]`)
	// laravelRootRE is a local disk's root: a path helper's result, an
	// environment variable or a literal path.
	laravelRootRE = regexp.MustCompile(`['"]root['"]\s*=>\s*(?:(public_path|storage_path|base_path|app_path)\(\s*(?:['"]([^'"\n]*)['"])?\s*\)|env\(\s*['"]([A-Z][A-Z0-9_]*)['"]|['"]([^'"\n]+)['"])`)
	// laravelDefaultDiskRE is the default disk: 'default' =>
	// env('FILESYSTEM_DISK', 'local'), or a literal.
	laravelDefaultDiskRE = regexp.MustCompile(`['"]default['"]\s*=>\s*(?:env\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*,\s*['"]([\w-]+)['"]|['"]([\w-]+)['"])`)

	// phpDiskWriteRE is a write through the Storage facade: to a disk
	// named (Storage::disk('public')->put) or the default one
	// (Storage::put).
	phpDiskWriteRE = regexp.MustCompile(`\bStorage::(?:disk\(\s*(?:['"]([\w-]+)['"])?[^)]*\)\s*->\s*)?(?:put|putFile|putFileAs|writeStream|prepend|append)\s*\(`)
	// phpStoreRE is an uploaded file stored on a disk: $file->store(dir,
	// disk), ->storeAs(dir, name, disk), or the disk as an option.
	// The file may be a property ($this->photo->store('photos')).
	phpStoreRE = regexp.MustCompile(`(\$this->\w+|\$\w+|->file\([^)]*\))\s*->\s*(store|storeAs|storePublicly|storePubliclyAs)\s*\(`)
	// phpFilesystemUseRE: the file works with Laravel's disks (a disk
	// typed as the contract, the manager, an adapter, or the facade).
	// Illuminate\Filesystem\Filesystem is no disk: it is the File
	// facade's class, writing any path (a settings file, a cache).
	phpFilesystemUseRE = regexp.MustCompile(`\buse\s+Illuminate\\(?:Contracts\\Filesystem\\(?:Filesystem|Cloud|Factory)|Filesystem\\(?:FilesystemManager|FilesystemAdapter)|Support\\Facades\\Storage)\b`)
	// phpDiskObjectWriteRE is a write on a disk object; the disk is not
	// named there ($disk->put, $this->filesystem->writeStream), or is
	// taken from a manager in the same call
	// ($this->manager->disk($name)->putFileAs).
	phpDiskObjectWriteRE = regexp.MustCompile(`\$[\w>-]+->\s*(?:disk\((?:[^()]|\([^()]*\))*\)\s*->\s*)?(?:put|putFile|putFileAs|writeStream)\s*\(`)
	// phpDiskNameRE is a disk named where a disk object is made.
	phpDiskNameRE = regexp.MustCompile(`(?:->|::)\s*disk\(\s*(?:['"]([\w-]+)['"]\s*\)|[^)\s])`)
	// phpMoveRE is an uploaded file moved into a folder under the app:
	// $file->move(public_path('uploads'), $name).
	phpMoveRE = regexp.MustCompile(`->\s*move\(\s*(public_path|storage_path|base_path)\(\s*(?:['"]([^'"\n]*)['"])?\s*\)`)
	// phpUploadedRE: the file handles uploaded files.
	phpUploadedRE = regexp.MustCompile(`\bUploadedFile\b|->file\(|->hasFile\(|\$_FILES\b`)
)

// anyDisk stands for a write whose disk the code picks at run time.
const anyDisk = "*"

// laravelDisk is a local disk filesystems.php declares.
type laravelDisk struct {
	folder string
	ev     facts.Evidence
}

// laravelWrite is a write to a disk (its name, "" for the default,
// anyDisk when unknown) or, when folder is set, into a folder directly.
type laravelWrite struct {
	disk, folder string
	ev           facts.Evidence
}

// folderOf names the folder a path helper returns: public_path('x') is
// public/x/.
func folderOf(helper, arg string) string {
	base := map[string]string{"public_path": "public/", "storage_path": "storage/", "app_path": "app/", "base_path": ""}[helper]
	arg = strings.Trim(arg, "/")
	if arg != "" {
		base += arg + "/"
	}
	if base == "" {
		return "./"
	}
	return base
}

// readLaravelDisks records filesystems.php's local disks and its default.
func (c *laravelConfig) readLaravelDisks(src []byte, at func(int) facts.Evidence) {
	if m := laravelDefaultDiskRE.FindSubmatch(src); m != nil {
		if len(m[1]) > 0 {
			c.diskVar, c.defaultDisk = string(m[1]), string(m[2])
		} else {
			c.defaultDisk = string(m[3])
		}
	}
	for _, m := range laravelLocalDiskRE.FindAllSubmatchIndex(src, -1) {
		open := m[0] + strings.IndexAny(string(src[m[0]:m[1]]), "[(")
		body := src[open:braceEnd(src, open)]
		folder := ""
		if r := laravelRootRE.FindSubmatch(body); r != nil {
			switch {
			case len(r[1]) > 0:
				folder = folderOf(string(r[1]), string(r[2]))
			case len(r[3]) > 0:
				folder = "(" + string(r[3]) + ")"
			default:
				folder = strings.TrimSuffix(string(r[4]), "/") + "/"
			}
		}
		if folder == "" {
			continue
		}
		if c.localDisks == nil {
			c.localDisks = map[string]laravelDisk{}
		}
		c.localDisks[string(src[m[2]:m[3]])] = laravelDisk{folder: folder, ev: at(m[0])}
	}
}

// readPHPWrites records where PHP app code writes files through
// Laravel's disks or into a folder of the app's.
func (d *Detector) readPHPWrites(f *detector.File) {
	if lang.RoleOf(f.Path).Kind != lang.App {
		return
	}
	src := lang.StripComments(lang.PHP, f.Data)
	c := &d.laravel
	add := func(w laravelWrite, off int) {
		w.ev = facts.Evidence{File: f.Path, Line: 1 + strings.Count(string(src[:off]), "\n")}
		c.writes = append(c.writes, w)
	}
	if m := phpRedisFacadeRE.FindIndex(src); m != nil && phpRedisUseRE.Match(src) {
		d.add("redis", facts.Evidence{File: f.Path, Line: 1 + strings.Count(string(src[:m[0]]), "\n")})
	}
	for _, m := range phpExtendRE.FindAllSubmatch(src, -1) {
		c.adapter(string(m[1]))
	}
	seen := map[int]bool{}
	for _, m := range phpDiskWriteRE.FindAllSubmatchIndex(src, -1) {
		disk := ""
		if strings.Contains(string(src[m[0]:m[1]]), "disk(") {
			disk = anyDisk
			if m[2] >= 0 {
				disk = string(src[m[2]:m[3]])
			}
		}
		seen[m[1]] = true
		add(laravelWrite{disk: disk}, m[0])
	}
	uploads := phpUploadedRE.Match(src)
	for _, m := range phpStoreRE.FindAllSubmatchIndex(src, -1) {
		recv := string(src[m[2]:m[3]])
		switch {
		case strings.HasPrefix(recv, "$this->"):
			if !uploadedProp(src, strings.TrimPrefix(recv, "$this->")) {
				continue // a repository's store($request), not a file's
			}
		case !uploads || strings.HasPrefix(recv, "$") && !uploadedVar(src, recv):
			continue
		}
		add(laravelWrite{disk: storeDisk(src, m[1], string(src[m[4]:m[5]]))}, m[0])
	}
	if uploads {
		for _, m := range phpMoveRE.FindAllSubmatchIndex(src, -1) {
			arg := ""
			if m[4] >= 0 {
				arg = string(src[m[4]:m[5]])
			}
			add(laravelWrite{folder: folderOf(string(src[m[2]:m[3]]), arg)}, m[0])
		}
	}
	if phpFilesystemUseRE.Match(src) {
		disk := ""
		for _, m := range phpDiskNameRE.FindAllSubmatch(src, -1) {
			switch {
			case len(m[1]) == 0:
				disk = anyDisk // ->disk($name): picked at run time
			case disk == "":
				disk = string(m[1])
			case disk != string(m[1]):
				disk = anyDisk
			}
		}
		if disk == "" {
			disk = anyDisk // a disk handed in (Filesystem $disk)
		}
		for _, m := range phpDiskObjectWriteRE.FindAllIndex(src, -1) {
			if !seen[m[1]] {
				add(laravelWrite{disk: disk}, m[0])
			}
		}
	}
}

// uploadedVar: $name holds an uploaded file (typed UploadedFile, or
// taken from the request's files).
func uploadedVar(src []byte, name string) bool {
	q := regexp.QuoteMeta(name)
	return regexp.MustCompile(`\bUploadedFile\s+` + q + `\b|` + q + `\s*=\s*\$[\w>-]*->file\(|` + q + `\s*=\s*\$_FILES\b`).Match(src)
}

// uploadedProp: the property holds an uploaded file: typed as one
// (UploadedFile, Livewire's TemporaryUploadedFile), filled from the
// request's files, or a public property of a Livewire component that
// takes uploads (WithFileUploads) and is validated as a file.
func uploadedProp(src []byte, name string) bool {
	q := regexp.QuoteMeta(name)
	if regexp.MustCompile(`\bUploadedFile\s+\$` + q + `\b|\$this->` + q + `\s*=\s*\$[\w>-]*->file\(`).Match(src) {
		return true
	}
	return regexp.MustCompile(`\buse\s+WithFileUploads\b`).Match(src) &&
		regexp.MustCompile(`['"]`+q+`['"]\s*=>\s*['"][^'"]*\b(?:file|image|mimes)\b`).Match(src)
}

// storeDisk is the disk a store call names: its disk argument or
// 'disk' option, "" (the default) without, anyDisk when a variable.
func storeDisk(src []byte, open int, method string) string {
	args := splitArgs(src[open:braceEnd(src, open-1)])
	if len(args) > 0 {
		if m := regexp.MustCompile(`['"]disk['"]\s*=>\s*(?:['"]([\w-]+)['"]|\S)`).FindStringSubmatch(args[len(args)-1]); m != nil {
			if m[1] == "" {
				return anyDisk
			}
			return m[1]
		}
	}
	i := 1
	if strings.HasSuffix(method, "As") {
		i = 2
	}
	if i >= len(args) {
		return ""
	}
	if m := regexp.MustCompile(`^\s*['"]([\w-]+)['"]\s*$`).FindStringSubmatch(args[i]); m != nil {
		return m[1]
	}
	return anyDisk
}

// splitArgs splits a call's argument text (after its open bracket, up to
// and with its close) at its top-level commas.
func splitArgs(s []byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'':
			for j := i + 1; j < len(s) && s[j] != '\n'; j++ {
				if s[j] == '\\' {
					j++
				} else if s[j] == c {
					i = j
					break
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				if a := strings.TrimSpace(string(s[start:i])); a != "" || len(out) > 0 {
					out = append(out, a)
				}
				return out
			}
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(string(s[start:i])))
				start = i + 1
			}
		}
	}
	return out
}

// laravelFolders adds the local folders Laravel code writes to: the
// local disks its writes reach and the folders it moves uploads into, as
// one store (Finish).
func (d *Detector) laravelFolders() {
	c := &d.laravel
	if len(c.writes) == 0 {
		return
	}
	def := c.defaultDisk
	if v, ok := c.env[c.diskVar]; ok && c.diskVar != "" {
		def = v.value
	}
	folders := map[string]bool{}
	var ev []facts.Evidence
	reach := func(name string, w laravelWrite) {
		if disk, ok := c.localDisks[name]; ok {
			folders[disk.folder] = true
			ev = append(ev, disk.ev, w.ev)
		}
	}
	for _, w := range c.writes {
		switch {
		case w.folder != "":
			folders[w.folder] = true
			ev = append(ev, w.ev)
		case w.disk == anyDisk:
			for _, name := range sortedKeys(c.localDisks) {
				reach(name, w)
			}
		case w.disk == "":
			reach(def, w)
		default:
			reach(w.disk, w)
		}
	}
	if len(folders) == 0 {
		return
	}
	names := sortedKeys(folders)
	name := "Local folder " + names[0]
	if len(names) > 1 {
		name = "Local folders " + strings.Join(names, ", ")
	}
	d.folders[name] = append(d.folders[name], dedupeEvidence(ev)...)
}

// dedupeEvidence drops repeated places, keeping the first order.
func dedupeEvidence(ev []facts.Evidence) []facts.Evidence {
	seen := map[facts.Evidence]bool{}
	var out []facts.Evidence
	for _, e := range ev {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// composerRedis: composer.json requires a Redis client for the app to
// run (predis/predis, or PHP's redis extension), not only for its tests.
func composerRedis(data []byte) bool {
	var m struct {
		Require map[string]any `json:"require"`
	}
	if json.Unmarshal(data, &m) != nil {
		return false
	}
	_, predis := m.Require["predis/predis"]
	_, ext := m.Require["ext-redis"]
	return predis || ext
}

var (
	// laravelRedisBlockRE is database.php's Redis settings.
	laravelRedisBlockRE = regexp.MustCompile(`['"]redis['"]\s*=>`)
	// phpRedisFacadeRE is a command sent through Laravel's Redis facade
	// (Redis::get, Redis::connection()), with phpRedisUseRE its import.
	phpRedisFacadeRE = regexp.MustCompile(`\bRedis::\w+\s*\(`)
	phpRedisUseRE    = regexp.MustCompile(`\buse\s+Illuminate\\Support\\Facades\\Redis\b`)
)

// isPHPApp: PHP code whose writes may reach a disk.
func isPHPApp(p string) bool {
	return lang.Of(p) == lang.PHP && !lang.IsTest(p) && path.Ext(p) == ".php"
}
