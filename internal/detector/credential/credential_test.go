package credential

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// The fixtures under testdata/<ecosystem> state what they should produce,
// one expectation per variable per file, on the line that reads it:
//
//	# want: credential NAME secret|config SERVICE   (SERVICE is - when none)
//
// Lookalikes carry no want: reads in tests, in comments, in docstrings,
// in Markdown and in string literals.
func TestFixtures(t *testing.T) {
	for _, eco := range []string{"python", "js", "go", "ruby"} {
		t.Run(eco, func(t *testing.T) {
			dir := filepath.Join("testdata", eco)
			res := detectortest.Scan(t, dir, New())
			var got []string
			for _, c := range res.Credentials {
				files := map[string]bool{}
				for _, e := range c.Evidence {
					files[e.File] = true
				}
				for range files {
					got = append(got, want(c))
				}
			}
			detectortest.Check(t, eco, got, detectortest.Wants(t, dir, "credential "))
			checkAssets(t, res)
		})
	}
}

func want(c facts.Credential) string {
	kind, svc := "config", c.Service
	if c.Secret {
		kind = "secret"
	}
	if svc == "" {
		svc = "-"
	}
	return c.Name + " " + kind + " " + svc
}

// checkAssets: every secret is one credentials asset named after it, and
// nothing else is.
func checkAssets(t *testing.T, res facts.Facts) {
	t.Helper()
	var secrets, assets []string
	for _, c := range res.Credentials {
		if c.Secret {
			secrets = append(secrets, AssetName(c.Name))
		}
	}
	for _, a := range res.Assets {
		if a.Kind != "credentials" || len(a.Evidence) == 0 {
			t.Errorf("asset %+v", a)
		}
		assets = append(assets, a.Name)
	}
	sort.Strings(secrets)
	sort.Strings(assets)
	if strings.Join(secrets, "\n") != strings.Join(assets, "\n") {
		t.Errorf("assets %v, want one per secret %v", assets, secrets)
	}
}

func TestReads(t *testing.T) {
	tests := []struct {
		path, src string
		want      []string
	}{
		{"a.py", "from os import environ, getenv\nx = os.environ[\"A\"]; y = environ.get('B'); z = getenv(\"C\")", []string{"A", "B", "C"}},
		// A WSGI or ASGI environ is a request's, not the process's.
		{"socket.py", "import os\ndef connect(sid, environ, auth):\n    cookie = environ.get(\"HTTP_COOKIE\")\n    return os.environ.get(\"APP_SECRET\")\n", []string{"APP_SECRET"}},
		{"a.py", `print("os.environ['QUOTED']")`, nil},
		{"a.py", `print(f"{os.environ['IN_FSTRING']}")`, []string{"IN_FSTRING"}},
		{"a.py", `x = config("NO_DECOUPLE_IMPORT")`, nil},
		// A settings class reads the fields of the classes of its file it
		// inherits, under the env_prefix of the nearest class that sets
		// one; a BaseModel no settings class inherits reads none.
		{"settings.py", "class Vendor(BaseModel):\n    api_key: str = \"\"\n\nclass S(Vendor, BaseSettings):\n    model_config = SettingsConfigDict(env_prefix=\"SHOP_\")\n\nclass T(S):\n    workers: int = 2\n\nclass Body(BaseModel):\n    token: str\n", []string{"SHOP_API_KEY", "SHOP_WORKERS"}},
		{"a.py", "from decouple import config\nx = config(\"WITH_DECOUPLE\")", []string{"WITH_DECOUPLE"}},
		{"a.ts", "const u = `${process.env.IN_TEMPLATE}/x`", []string{"IN_TEMPLATE"}},
		{"a.ts", `const k = Deno.env.get("DENO_KEY")`, []string{"DENO_KEY"}},
		{"a.ts", `const { ...rest } = process.env`, nil},
		{"a.go", `v := os.Getenv( "SPACED" )`, []string{"SPACED"}},
		{".env.template", "A=1\n#B=2\n  export C=3\nnot a line\n", []string{"A", "C"}},
		// Ruby's ENV is read as os.environ is; one in a comment or a
		// string, or another class's ENV constant, is not.
		{"a.rb", "key = ENV[\"LOGTAIL_API_KEY\"]\nhost = ENV.fetch('SMTP_ADDRESS', 'localhost')\nport = ENV.fetch(\"PORT\") { 3000 }\nurl = \"#{ENV['CDN_HOST']}/a\"", []string{"LOGTAIL_API_KEY", "SMTP_ADDRESS", "PORT", "CDN_HOST"}},
		{"a.rb", "# ENV[\"IN_COMMENT\"]\nputs \"set ENV['IN_STRING']\"\nx = Config::ENV[\"OTHER_CONST\"]\ny = obj.ENV.fetch(\"A_METHOD\")", nil},
		// PHP's env() (Laravel), getenv(), Env::get() and the
		// superglobals; a method named env and a request's CGI
		// variables in $_SERVER are not the environment.
		{"config/services.php", "<?php\nreturn ['github' => ['client_secret' => env('GITHUB_APP_SECRET', false)],\n 'k' => getenv(\"STRIPE_KEY\"), 'e' => \\Illuminate\\Support\\Env::get('APP_KEY'),\n 'x' => $_ENV['MAIL_PASSWORD'], 'y' => $_SERVER['S3_BUCKET'], 'h' => $_SERVER['HTTP_HOST']];", []string{"GITHUB_APP_SECRET", "STRIPE_KEY", "APP_KEY", "MAIL_PASSWORD", "S3_BUCKET"}},
		{"a.php", "<?php\n// env('IN_COMMENT')\n$m = 'call env(\"IN_STRING\")';\n$v = $this->env('A_METHOD');\n$w = Foo::env('STATIC');\n$u = $_SERVER['REQUEST_URI'];", nil},
		// Rails credentials by path; a user's credentials are no app secret.
		{"a.rb", "k = Rails.application.credentials.dig(:revenue_cat, :api_key)\nb = Rails.application.credentials[:aws][:bucket]\nx = user.credentials.dig(:a, :b)", []string{"credentials.revenue_cat.api_key", "credentials.aws.bucket"}},
		// NestJS's ConfigService reads a variable by its name; a namespace
		// (get('mail')) and a file without @nestjs/config read none.
		// A configuration schema (convict, figue) names each variable under
		// env: beside its default; an env: key in an object with no schema
		// keys (a deploy target, a lower-case mode) reads nothing.
		{"storage.config.ts", "export const storageConfig = {\n  bucketName: { doc: 'The bucket', schema: v.string(), default: '', env: 'DOCUMENT_STORAGE_S3_BUCKET_NAME' },\n  apiKey: { doc: 'Key', format: String, default: '', env : 'OCR_API_KEY' },\n  mode: { env: 'production' },\n};", []string{"DOCUMENT_STORAGE_S3_BUCKET_NAME", "OCR_API_KEY"}},
		{"deploy.ts", "export const targets = [{ name: 'eu', env: 'STAGING_EU' }];", nil},
		{"chat.service.ts", "import { ConfigService } from '@nestjs/config';\nconst key = this.configService.get<string>('OPENAI_API_KEY');\nconst mail = this.configService.getOrThrow<IMailConfig>('mail');\nconst host = config.getOrThrow(\"SMTP_HOST\");", []string{"OPENAI_API_KEY", "SMTP_HOST"}},
		{"cache.ts", "const v = cache.get('SESSION_KEY')", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.src, func(t *testing.T) {
			var got []string
			for _, r := range Reads(tt.path, []byte(tt.src)) {
				got = append(got, r.Name)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Reads = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	d := New()
	for p, want := range map[string]bool{
		"app/config.py": true, ".env.example": true, "deploy/prod.env.sample": true, ".env": false,
		"tests/test_x.py": false, "README.md": false, "src/a.test.ts": false, "main.go": true,
		"config/services.php": true, "tests/Unit/EnvTest.php": false, "config/initializers/intercom.rb": true,
	} {
		if got := d.Match(p); got != want {
			t.Errorf("Match(%s) = %v, want %v", p, got, want)
		}
	}
	var _ detector.Keyworded = d
}

func FuzzReads(f *testing.F) {
	f.Add("a.py", []byte("class S(BaseSettings):\n    a: str\n    class Config:\n        env_prefix = 'X_'\n"))
	f.Add("a.ts", []byte("const { A, B: b = 1 } = process.env; process.env['C']"))
	f.Add(".env.example", []byte("A=1\nexport B=\n"))
	f.Add("a.go", []byte("os.Getenv(\"A\") `env:\"B\"`"))
	f.Fuzz(func(t *testing.T, p string, data []byte) {
		for _, r := range Reads(p, data) {
			if r.Line < 1 || r.Name == "" {
				t.Fatalf("bad read %+v", r)
			}
		}
	})
}

// ReadsOf is Reads, computed once per file: the second caller (store,
// third parties) gets the first one's slice.
func TestReadsOf(t *testing.T) {
	for _, tt := range []struct{ path, src string }{
		{"a.py", "import os\nA = os.environ['A']\nB = os.getenv('B')\n"},
		{"a.ts", "const k = process.env.STRIPE_SECRET_KEY"},
		{".env.example", "DATABASE_URL=\nAPI_TOKEN=\n"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			f := &detector.File{Path: tt.path, Data: []byte(tt.src)}
			first, second := ReadsOf(f), ReadsOf(f)
			want := Reads(tt.path, []byte(tt.src))
			if len(want) == 0 || !slices.Equal(first, want) {
				t.Fatalf("ReadsOf = %v, want %v", first, want)
			}
			if &first[0] != &second[0] {
				t.Error("the second ReadsOf computed the reads again")
			}
		})
	}
	empty := &detector.File{Path: "b.go", Data: []byte("package b")}
	if got := ReadsOf(empty); got != nil {
		t.Errorf("ReadsOf(no reads) = %v", got)
	}
}
