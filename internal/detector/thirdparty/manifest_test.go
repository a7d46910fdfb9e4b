package thirdparty

import (
	"fmt"
	"strings"
	"testing"
)

func deps(ds []Dep) string {
	var s []string
	for _, d := range ds {
		dev := ""
		if d.Dev {
			dev = "(dev)"
		}
		s = append(s, fmt.Sprintf("%s:%d%s", d.Name, d.Line, dev))
	}
	return strings.Join(s, " ")
}

func TestParseManifest(t *testing.T) {
	tests := []struct {
		path, src, want string
		wantErr         bool
	}{
		{"package.json", "{\n \"name\": \"stripe\",\n \"dependencies\": {\n  \"stripe\": \"1\"\n },\n \"devDependencies\": {\"vitest\": \"2\"}\n}", "stripe:4 vitest:6(dev)", false},
		{"package.json", "{\"dependencies\": [1, 2]}", "", true},
		{"package.json", "{", "", true},
		{"requirements.txt", "a==1\n\n# b\n-r x.txt\nc[x]>=2 ; python_version<'3'\nhttps://x.invalid/d.whl\ne @ https://x.invalid/e.whl\n", "a:1 c:5 e:7", false},
		{"requirements/prod.txt", "Flask\n", "Flask:1", false},
		{"go.mod", "module m\nrequire a/b v1\nrequire (\n\tc/d v2 // indirect\n\te/f v3\n)\nreplace a/b => ../b\n", "a/b:2 e/f:5", false},
		{"pyproject.toml", "[project]\ndependencies = [\"openai>=1\", \"b\"]\n[tool.poetry.dependencies]\npython = \"^3.11\"\nstripe = \"*\"\n", "openai:2 b:2 stripe:5", false},
		{"pyproject.toml", "[project\n", "", true},
		{"pyproject.toml", "[dependency-groups]\ndev = [\"pytest\", {include-group = \"x\"}]\n", "pytest:2(dev)", false},
		{"pyproject.toml", "[project.optional-dependencies]\nai = [\"openai\"]\ntest = [\"openai\", \"moto\"]\n", "openai:2 openai:2 moto:3(dev)", false},
		{"pyproject.toml", "[tool.poetry.group.lint.dependencies]\nruff = \"*\"\n", "ruff:2(dev)", false},
		{"requirements-dev.txt", "moto\n", "moto:1(dev)", false},
		{"requirements/test.txt", "moto\n", "moto:1(dev)", false},
		{"requirements/devices.txt", "pyserial\n", "pyserial:1", false},
		{"Pipfile", "[packages]\nsendgrid = \"*\"\n[dev-packages]\nslack_sdk = \"*\"\n", "sendgrid:2 slack_sdk:4(dev)", false},
		{"Pipfile", "[packages\n", "", true},
		{"pom.xml", "<project>\n<dependencies>\n<dependency>\n<groupId>com.stripe</groupId>\n<artifactId>stripe-java</artifactId>\n</dependency>\n<dependency><groupId>junit</groupId><artifactId>junit</artifactId><scope>test</scope></dependency>\n<!-- <dependency><groupId>a</groupId><artifactId>b</artifactId></dependency> -->\n</dependencies>\n</project>\n", "com.stripe:stripe-java:5 junit:junit:7(dev)", false},
		{"build.gradle", "dependencies {\n  implementation 'com.twilio.sdk:twilio:10.0.0'\n  testImplementation(\"io.mockk:mockk:1\")\n  // implementation 'a:b:1'\n  compile group: 'com.sendgrid', name: 'sendgrid-java', version: '4'\n  kapt 'x:y:1'\n}\n", "com.twilio.sdk:twilio:2 io.mockk:mockk:3(dev) com.sendgrid:sendgrid-java:5", false},
		{"Gemfile", "gem 'stripe'\nif ENV['X']\n  gem 'a'\nend\ngroup :development, :test do\n  gem 'rspec'\n  platforms :mri do\n    gem 'byebug'\n  end\nend\ngroup :production, :test do\n  gem 'sentry-ruby'\nend\ngem 'pusher', groups: [:test]\ngem 'braintree', group: :jobs\n", "stripe:1 a:3 rspec:6(dev) byebug:8(dev) sentry-ruby:12 pusher:14(dev) braintree:15", false},
		{"composer.json", "{\n \"require\": {\"php\": \"^8\", \"ext-json\": \"*\", \"twilio/sdk\": \"^7\"},\n \"require-dev\": {\"phpunit/phpunit\": \"^10\"}\n}", "twilio/sdk:2 phpunit/phpunit:3(dev)", false},
		{"composer.json", "{", "", true},
		{"src/Web/Web.csproj", "<Project>\n<ItemGroup>\n<PackageReference Include=\"AWSSDK.S3\" Version=\"3\" />\n</ItemGroup>\n</Project>\n", "AWSSDK.S3:3", false},
		{"tests/Web.Tests.csproj", "<Project>\n<PackageReference Include=\"Microsoft.NET.Test.Sdk\" />\n<PackageReference Include=\"Twilio\" />\n</Project>\n", "Microsoft.NET.Test.Sdk:2(dev) Twilio:3(dev)", false},
		{"packages.config", "<packages>\n<package id=\"Stripe.net\" version=\"1\" />\n</packages>\n", "Stripe.net:2", false},
		{"README.md", "anything", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.src, func(t *testing.T) {
			got, err := ParseManifest(tt.path, []byte(tt.src))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if deps(got) != tt.want {
				t.Errorf("deps = %q, want %q", deps(got), tt.want)
			}
		})
	}
}

func TestTOMLErrorsDoNotQuote(t *testing.T) {
	_, err := ParseManifest("pyproject.toml", []byte("[tool]\ntoken = sk_live_SHOULDNOTLEAK\n"))
	if err == nil || strings.Contains(err.Error(), "SHOULDNOTLEAK") {
		t.Errorf("err = %v", err)
	}
}

func fuzzManifest(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, _ := ParseManifest(name, data)
		for _, d := range ds {
			if d.Line < 1 || d.Name == "" {
				t.Fatalf("bad dep %+v", d)
			}
		}
	})
}

func FuzzPackageJSON(f *testing.F) {
	fuzzManifest(f, "package.json", `{"dependencies":{"openai":"1"}}`, `{"devDependencies":{"":""}}`, "{")
}

func FuzzRequirements(f *testing.F) {
	fuzzManifest(f, "requirements.txt", "openai==1\n-r x\n# c\n", "a[b]>=1;x\n")
}

func FuzzGoMod(f *testing.F) {
	fuzzManifest(f, "go.mod", "module m\nrequire (\n a v1\n)\n", "require a v1 // indirect\n")
}

func FuzzPyproject(f *testing.F) {
	fuzzManifest(f, "pyproject.toml", "[project]\ndependencies=[\"a\"]\n", "[tool.poetry.group.x.dependencies]\nb=\"*\"\n", "[")
}

func FuzzPipfile(f *testing.F) {
	fuzzManifest(f, "Pipfile", "[packages]\na=\"*\"\n", "[dev-packages]\n")
}
