package store

import (
	"context"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

// laravelDatabase is a stock config/database.php: five connections
// declared, one chosen by DB_CONNECTION, and Redis configured.
const laravelDatabase = `<?php

return [
    // 'default' => env('DB_CONNECTION', 'pgsql'),
    'default' => env('DB_CONNECTION', 'sqlite'),

    'connections' => [
        'sqlite' => [
            'driver' => 'sqlite',
            'database' => env('DB_DATABASE', database_path('database.sqlite')),
        ],
        'mysql' => [
            'driver' => 'mysql',
            'host' => env('DB_HOST', '127.0.0.1'),
            'password' => env('DB_PASSWORD', ''),
        ],
        'pgsql' => [
            'driver' => 'pgsql',
            'host' => env('DB_HOST', '127.0.0.1'),
        ],
        'sqlsrv' => [
            'driver' => 'sqlsrv',
        ],
    ],

    'redis' => [
        'client' => env('REDIS_CLIENT', 'phpredis'),
        'default' => [
            'host' => env('REDIS_HOST', '127.0.0.1'),
        ],
    ],
];
`

const laravelCache = "<?php\n\nreturn [\n    'default' => env('CACHE_STORE', 'file'),\n    'stores' => ['file' => ['driver' => 'file']],\n];\n"

// laravelDisks is a filesystems.php with a local and an s3 disk.
var laravelDisks = &detector.File{Path: "app/Config/filesystems.php", Data: []byte(`<?php
return [
    'default' => env('FILESYSTEM_DISK', 'local'),
    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app')],
        's3' => [
            'driver' => 's3',
            'key' => env('AWS_ACCESS_KEY_ID'),
            'bucket' => env('AWS_BUCKET'),
        ],
    ],
];
`)}

// laravelLocalDisks is a stock filesystems.php: a private and a public
// local disk, the default picked by FILESYSTEM_DISK.
var laravelLocalDisks = &detector.File{Path: "config/filesystems.php", Data: []byte(`<?php
return [
    'default' => env('FILESYSTEM_DISK', 'local'),
    'disks' => [
        'local' => [
            'driver' => 'local',
            'root' => storage_path('app/private'),
        ],
        'public' => [
            'driver' => 'local',
            'root' => storage_path('app/public'),
            'visibility' => 'public',
        ],
        's3' => ['driver' => 's3', 'bucket' => env('AWS_BUCKET')],
    ],
];
`)}

// laravelVendorDisks is a filesystems.php with a local disk and disks
// kept by Dropbox and an SFTP server.
var laravelVendorDisks = &detector.File{Path: "config/filesystems.php", Data: []byte(`<?php
return [
    'default' => env('FILESYSTEM_DISK', 'local'),
    'disks' => [
        'local' => ['driver' => 'local', 'root' => storage_path('app')],
        'dropbox' => [
            'driver' => 'dropbox',
            'token' => env('DROPBOX_TOKEN'),
            'root' => env('DROPBOX_ROOT'),
        ],
        'backups' => [
            'host' => env('SFTP_HOST'),
            'driver' => 'sftp',
        ],
    ],
];
`)}

// diskPicker writes to a disk its caller names.
var diskPicker = php("app/Models/Disk.php", "use Illuminate\\Support\\Facades\\Storage;\nclass Disk {\n  public function check(string $name) { Storage::disk($name)->put('probe.txt', 'ok'); }\n}\n")

// composer is a composer.json requiring Laravel and pkg.
func composer(pkg string) *detector.File {
	return &detector.File{Path: "composer.json", Data: []byte(`{"require": {"laravel/framework": "^11.0", "` + pkg + `": "^3.0"}}`)}
}

// php is an app file of a Laravel app.
func php(p, body string) *detector.File {
	return &detector.File{Path: p, Data: []byte("<?php\n\nnamespace App;\n\n" + body)}
}

// TestLaravelStores: only the connection a Laravel app chooses is a
// store, and Redis only when a driver selects it.
func TestLaravelStores(t *testing.T) {
	db := &detector.File{Path: "config/database.php", Data: []byte(laravelDatabase)}
	cache := &detector.File{Path: "config/cache.php", Data: []byte(laravelCache)}
	dump := &detector.File{Path: "database/schema/mysql-schema.sql", Data: []byte("CREATE TABLE `users` (`id` bigint unsigned NOT NULL);\n")}
	env := func(s string) *detector.File { return &detector.File{Path: ".env.example", Data: []byte(s)} }
	for _, tt := range []struct {
		name  string
		files []*detector.File
		want  []string
	}{
		{"the settings' default", []*detector.File{db, cache, env("APP_NAME=Forum\nDB_DATABASE=forum\n")}, []string{"sqlite"}},
		{"the schema dump's connection beats the stock default", []*detector.File{db, cache, dump, env("DB_DATABASE=forum\nDB_USERNAME=root\n")}, []string{"mysql"}},
		{"the env template's connection beats both", []*detector.File{db, cache, dump, env("DB_CONNECTION=pgsql\n")}, []string{"postgres"}},
		{"redis chosen for the cache", []*detector.File{db, cache, dump, env("CACHE_STORE=redis\nSESSION_DRIVER=file\n")}, []string{"mysql", "redis"}},
		{"redis as a settings default", []*detector.File{db, dump, {Path: "config/queue.php", Data: []byte("<?php\nreturn ['default' => env('QUEUE_CONNECTION', 'redis')];\n")}}, []string{"mysql", "redis"}},
		{"lookalike: a connection chosen that is not declared", []*detector.File{db, env("DB_CONNECTION=mongodb\n")}, nil},
		{"lookalike: redis configured, never selected", []*detector.File{db, cache, dump, env("CACHE_STORE=file\nREDIS_HOST=127.0.0.1\n")}, []string{"mysql"}},
		{"lookalike: another framework's env template", []*detector.File{env("SESSION_DRIVER=redis\nDB_CONNECTION=mysql\n")}, nil},
		// The settings folder is known by its files, wherever it is.
		{"settings in app/Config", []*detector.File{{Path: "app/Config/database.php", Data: []byte(laravelDatabase)}, env("DB_CONNECTION=mysql\n")}, []string{"mysql"}},
		{"lookalike: a PHP class named database.php", []*detector.File{{Path: "src/Support/database.php", Data: []byte("<?php\nclass Database {\n  public function pick() { return ['default' => env('DB_CONNECTION', 'mysql'), 'mysql' => ['driver' => 'mysql']]; }\n}\n")}}, nil},
		{"lookalike: a JS tool's config folder", []*detector.File{{Path: "tools/config/database.js", Data: []byte("module.exports = { default: process.env.DB_CONNECTION || 'mysql', connections: { mysql: { driver: 'mysql' } } }\n")}}, nil},
		// An s3 disk is a bucket when the app installs its driver; every
		// app's stock filesystems.php declares one.
		{"an s3 disk the app installs", []*detector.File{laravelDisks, {Path: "composer.json", Data: []byte(`{"require": {"laravel/framework": "^11.0", "league/flysystem-aws-s3-v3": "^3.0"}}`)}}, []string{"s3"}},
		{"lookalike: the stock s3 disk", []*detector.File{laravelDisks, {Path: "composer.json", Data: []byte(`{"require": {"laravel/framework": "^11.0"}}`)}}, nil},
		// A local disk is a folder the app keeps files in when its code
		// writes to it; every app declares two it may never write.
		{"an upload stored on the public disk", []*detector.File{db, laravelLocalDisks, php("app/Http/Controllers/AvatarController.php", "class AvatarController {\n  public function update(Request $request) {\n    $path = $request->file('avatar')->store('avatars', 'public');\n  }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"an upload stored on the default disk", []*detector.File{db, laravelLocalDisks, php("app/Http/Controllers/DocController.php", "use Illuminate\\Http\\UploadedFile;\nclass DocController {\n  public function save(UploadedFile $doc) {\n    return $doc->storeAs('docs', $doc->hashName());\n  }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"a disk picked at run time and written", []*detector.File{db, laravelLocalDisks, php("app/Uploads/Images.php", "use Illuminate\\Filesystem\\FilesystemManager;\nclass Images {\n  public function __construct(protected FilesystemManager $fs) {}\n  public function save(string $type, string $path, string $data) {\n    $disk = $this->fs->disk($this->diskFor($type));\n    $disk->put($path, $data);\n  }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"a disk taken from the manager and written in one call", []*detector.File{db, laravelLocalDisks, php("app/Media/Covers.php", "use Illuminate\\Filesystem\\FilesystemManager;\nclass Covers {\n  public function __construct(private FilesystemManager $manager) {}\n  public function keep($file, string $name) {\n    return $this->manager->disk($this->diskName())->putFileAs('covers', $file, $name);\n  }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"lookalike: a disk taken from the manager and only read", []*detector.File{db, laravelLocalDisks, php("app/Media/CoverLinks.php", "use Illuminate\\Filesystem\\FilesystemManager;\nclass CoverLinks {\n  public function __construct(private FilesystemManager $manager) {}\n  public function link(string $path) {\n    return $this->manager->disk($this->diskName())->url($path);\n  }\n}\n")}, []string{"sqlite"}},
		{"an upload moved into the public folder", []*detector.File{db, laravelLocalDisks, php("app/Http/Controllers/LogoController.php", "class LogoController {\n  public function store(Request $request) {\n    $request->file('logo')->move(public_path('logos'), 'logo.png');\n  }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"a Livewire upload property stored", []*detector.File{db, laravelLocalDisks, php("app/Livewire/Profile.php", "use Livewire\\WithFileUploads;\nclass Profile extends Component {\n  use WithFileUploads;\n  public $photo;\n  protected $rules = ['photo' => 'image|max:1024'];\n  public function save() { $this->photo->store('photos', 'public'); }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"an uploaded file kept in a property and stored", []*detector.File{db, laravelLocalDisks, php("app/Jobs/ImportJob.php", "use Illuminate\\Http\\UploadedFile;\nclass ImportJob {\n  public function __construct(private UploadedFile $file) {}\n  public function handle() { $this->file->storeAs('imports', 'x.csv'); }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"lookalike: a repository property's store in an upload component", []*detector.File{db, laravelLocalDisks, php("app/Livewire/Orders.php", "use Livewire\\WithFileUploads;\nclass Orders extends Component {\n  use WithFileUploads;\n  public $photo;\n  protected $rules = ['photo' => 'image', 'orders' => 'array'];\n  public function save() { $this->orders->store($this->all()); }\n}\n")}, []string{"sqlite"}},
		{"lookalike: local disks declared, never written", []*detector.File{db, laravelLocalDisks, php("app/Http/Controllers/PostController.php", "class PostController {\n  public function store(Request $request) {\n    session()->put('draft', $request->input('body'));\n    $this->posts->store($request->all());\n    $this->pages->move($page, $request->input('parent'));\n    return Storage::disk('public')->url('x.png');\n  }\n}\n")}, []string{"sqlite"}},
		{"lookalike: writes only to the s3 disk", []*detector.File{db, laravelLocalDisks, php("app/Jobs/Export.php", "use Illuminate\\Support\\Facades\\Storage;\nclass Export {\n  public function handle() {\n    Storage::disk('s3')->put('exports/x.csv', $this->csv());\n  }\n}\n")}, []string{"sqlite"}},
		{"lookalike: the File facade's class writing a settings file", []*detector.File{db, laravelLocalDisks, php("app/Services/EnvEditor.php", "use Illuminate\\Filesystem\\Filesystem;\nclass EnvEditor {\n  public function __construct(private Filesystem $files) {}\n  public function save(string $text) { $this->files->put(base_path('.env'), $text); }\n}\n")}, []string{"sqlite"}},
		{"lookalike: a remote disk kept in a field and written", []*detector.File{db, laravelLocalDisks, php("app/Services/SftpSongs.php", "use Illuminate\\Contracts\\Filesystem\\Filesystem;\nuse Illuminate\\Support\\Facades\\Storage;\nclass SftpSongs {\n  private Filesystem $disk;\n  public function __construct() { $this->disk = Storage::disk('sftp'); }\n  public function save(string $p, $s) { $this->disk->put($p, $s); }\n}\n")}, []string{"sqlite"}},
		{"lookalike: a test writing to the public disk", []*detector.File{db, laravelLocalDisks, php("tests/Feature/AvatarTest.php", "use Illuminate\\Support\\Facades\\Storage;\nclass AvatarTest {\n  public function test_it() {\n    Storage::disk('public')->put('a.png', 'x');\n  }\n}\n")}, []string{"sqlite"}},
		// A vendor's or a remote server's disk is a store when its adapter
		// is there (required, or registered in code) and a write reaches
		// it; a disk declared only, or with no adapter, is none.
		{"a Dropbox disk installed and picked at run time", []*detector.File{db, laravelVendorDisks, composer("spatie/flysystem-dropbox"), diskPicker}, []string{"dropbox", "filesystem", "sqlite"}},
		{"an SFTP disk registered in code and written by name", []*detector.File{db, laravelVendorDisks, php("app/Providers/SftpProvider.php", "use Illuminate\\Support\\Facades\\Storage;\nclass SftpProvider {\n  public function boot() { Storage::extend('sftp', fn ($app, $config) => new Adapter($config)); }\n}\n"), php("app/Jobs/Backup.php", "use Illuminate\\Support\\Facades\\Storage;\nclass Backup {\n  public function handle() { Storage::disk('backups')->put('db.sql', $this->dump()); }\n}\n")}, []string{"sftp", "sqlite"}},
		{"lookalike: a Dropbox disk installed, never written", []*detector.File{db, laravelVendorDisks, composer("spatie/flysystem-dropbox"), php("app/Http/Controllers/AvatarController.php", "class AvatarController {\n  public function update(Request $request) {\n    $request->file('avatar')->store('avatars');\n  }\n}\n")}, []string{"filesystem", "sqlite"}},
		{"lookalike: a Dropbox disk written, no adapter (the SDK for sign-in only)", []*detector.File{db, laravelVendorDisks, composer("spatie/dropbox-api"), diskPicker}, []string{"filesystem", "sqlite"}},
		// Redis with a client the app installs is a store, whatever driver
		// the template leaves on file; without one, stock settings.
		{"redis settings and a client installed", []*detector.File{db, cache, dump, env("CACHE_STORE=file\nREDIS_SERVERS=127.0.0.1:6379:0\n"), {Path: "composer.json", Data: []byte(`{"require": {"laravel/framework": "^11.0", "predis/predis": "^2.1"}}`)}}, []string{"mysql", "redis"}},
		// The skeleton's Redis block and a client, but a template that
		// offers the operator no Redis setting and drivers left on file.
		{"lookalike: redis settings and a client, none offered", []*detector.File{db, cache, dump, env("CACHE_STORE=file\nQUEUE_CONNECTION=sync\n"), {Path: "composer.json", Data: []byte(`{"require": {"laravel/framework": "^11.0", "predis/predis": "^2.1"}}`)}}, []string{"mysql"}},
		{"the Redis facade used", []*detector.File{db, cache, dump, env("CACHE_STORE=file\n"), php("app/Services/Counter.php", "use Illuminate\\Support\\Facades\\Redis;\nclass Counter {\n  public function hit() { Redis::incr('hits'); }\n}\n")}, []string{"mysql", "redis"}},
		{"lookalike: a Redis client only for tests", []*detector.File{db, cache, dump, env("CACHE_STORE=file\n"), {Path: "composer.json", Data: []byte(`{"require": {"laravel/framework": "^11.0"}, "require-dev": {"predis/predis": "^2.1"}}`)}}, []string{"mysql"}},
		{"lookalike: a class named Redis", []*detector.File{db, cache, dump, env("CACHE_STORE=file\n"), php("app/Support/Limits.php", "use App\\Support\\Redis;\nclass Limits {\n  public function max() { return Redis::limit('x'); }\n}\n")}, []string{"mysql"}},
		{"lookalike: a config folder outside Laravel's shape", []*detector.File{{Path: "docs/config/database.md", Data: []byte("'default' => env('DB_CONNECTION', 'mysql')\n")}}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			for _, f := range tt.files {
				if !d.Match(f.Path) {
					continue
				}
				if err := d.Detect(context.Background(), f, nil); err != nil {
					t.Fatal(err)
				}
			}
			sink := detector.NewSink()
			if err := d.Finish(context.Background(), sink); err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, s := range sink.Result().Stores {
				kinds = append(kinds, s.Kind)
			}
			slices.Sort(kinds)
			if !slices.Equal(kinds, tt.want) {
				t.Errorf("stores = %q, want %q", kinds, tt.want)
			}
		})
	}
}

// TestLaravelFolderNames: the folder row names the disks' roots the
// writes reach: the one disk named, or every local disk when the code
// picks the disk at run time.
func TestLaravelFolderNames(t *testing.T) {
	db := &detector.File{Path: "config/database.php", Data: []byte(laravelDatabase)}
	for _, tt := range []struct {
		name  string
		write *detector.File
		want  string
	}{
		{"the public disk", php("app/Http/Controllers/A.php", "class A {\n  public function update(Request $request) {\n    $request->file('avatar')->store('avatars', ['disk' => 'public']);\n  }\n}\n"), "Local folder storage/app/public/"},
		{"any disk", php("app/Uploads/Files.php", "use Illuminate\\Contracts\\Filesystem\\Filesystem;\nclass Files {\n  public function __construct(protected Filesystem $disk) {}\n  public function save($p, $s) { $this->disk->writeStream($p, $s); }\n}\n"), "Local folders storage/app/private/, storage/app/public/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			for _, f := range []*detector.File{db, laravelLocalDisks, tt.write} {
				if err := d.Detect(context.Background(), f, nil); err != nil {
					t.Fatal(err)
				}
			}
			sink := detector.NewSink()
			if err := d.Finish(context.Background(), sink); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, s := range sink.Result().Stores {
				if s.Kind == KindFilesystem {
					names = append(names, s.Name)
				}
			}
			if !slices.Equal(names, []string{tt.want}) {
				t.Errorf("folders = %q, want %q", names, tt.want)
			}
		})
	}
}
