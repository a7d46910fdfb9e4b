package lang

import (
	"strings"
	"testing"
)

func TestRoleOf(t *testing.T) {
	tests := []struct {
		path string
		want Kind
	}{
		// Application code.
		{"main.go", App},
		{"cmd/server/main.go", App},
		{"internal/api/users.go", App},
		{"app/views.py", App},
		{"src/index.ts", App},
		{"src/pages/api/users/[id].ts", App},
		{"Dockerfile", App},
		{"docker-compose.yml", App},
		{"compose.yaml", App},
		{"k8s/deployment.yaml", App},
		{"next.config.js", App},
		{"schema.prisma", App},
		{"templates/index.html", App},
		// Lookalikes: a word that contains test, spec, script or a
		// folder name is not the convention.
		{"src/testimonials.ts", App},
		{"app/contest/views.py", App},
		{"internal/specification/spec.go", App},
		{"internal/scripts.go", App},
		{"src/scripts.go", App},
		{"latest/handler.go", App},
		{"internal/attestation.go", App},
		{"pkg/protest/p.go", App},
		{"src/latest.ts", App},
		{"src/contest.py", App},
		{"src/testing_utils_are_not.go", App},
		{"app/test_helpers.go", App}, // Go has no test_ convention: this is compiled in
		// A dev/ folder at the top is a developer's; one inside the code
		// is not known to be.
		{"dev/code-generation/gen_locales.py", Tooling},
		{"src/dev/handlers.ts", App},
		{"app/dev/views.py", App},
		{"pkg/x.spec.go", App}, // nor a .spec. one
		{"api/spec/openapi.yaml", App},
		{"pkg/spec/types.go", App}, // a Go package named spec
		{"app/spec/views.py", App},
		{"src/docs.go", App},
		{"internal/examples.go", App},
		{"src/binary.ts", App},
		{"openapi.spec.yaml", App},
		{"src/ABTest.java", App},
		{"src/Attest.java", App},
		{"manifest.json", App},
		// Tests, by name.
		{"pkg/x_test.go", Test},
		{"tests_are_here/x_test.go", Test},
		{"app/test_utils.py", Test},
		{"app/utils_test.py", Test},
		{"conftest.py", Test},
		{"polls/tests.py", Test},
		{"src/app.test.ts", Test},
		{"src/app.spec.ts", Test},
		{"src/App.test.jsx", Test},
		{"src/Button.stories.tsx", Test},
		{"App/Web.UnitTest/Startup.cs", Test},
		{"App/Web.IntegrationTest/appsettings.json", Test},
		{"tests/Web.FunctionalTests/WebTest.cs", Test},
		{"App/Web.Testing/Startup.cs", App},
		{"src/login.cy.js", Test},
		{"src/flow.e2e.ts", Test},
		{"docker-compose.test.yml", Test},
		{"config.test.json", Test},
		{"spec/models/user_spec.rb", Test},
		{"lib/user_spec.rb", Test},
		{"test/user_test.rb", Test},
		{"src/main/java/com/x/UserServiceTest.java", Test},
		{"src/main/java/com/x/UserServiceIT.java", Test},
		{"app/src/UserTests.kt", Test},
		{"src/UserTest.php", Test},
		{"Api/UserServiceTests.cs", Test},
		{"jest.config.js", Test},
		{"vitest.config.ts", Test},
		// Tests, by folder.
		{"tests/test_app.py", Test},
		{"tests/helpers.py", Test},
		{"test/server.go", Test},
		{"src/__tests__/a.js", Test},
		{"src/__mocks__/fs.js", Test},
		{"internal/mocks/store.go", Test},
		{"internal/testing/server.go", Test},
		{"internal/testutil/db.go", Test},
		{"e2e/login.ts", Test},
		{"cypress/support/commands.js", Test},
		{"spec/requests/users.js", Test},
		{"spec/support/helpers.rb", Test},
		{"src/test/java/com/x/UserService.java", Test},
		// A Java package named sample, examples or scripts is the
		// product's code; the source set decides.
		{"src/main/java/io/acme/sample/web/rest/UserResource.java", App},
		{"backend/src/main/kotlin/org/x/examples/Api.kt", App},
		{"src/main/resources/config/scripts/application.yml", App},
		{"src/test/java/io/acme/sample/web/ErrorController.java", Test},
		{"samples/shop/src/main/java/com/x/Shop.java", Example},
		{"src/main/docs/guide.txt", Docs}, // not a language folder: the convention holds
		{"app/src/androidTest/java/A.kt", Test},
		{"integration_tests/test_flow.py", Test},
		{"api-tests/users.js", Test},
		{"test_helpers/db.py", Test},
		{"MyApp.Tests/Startup.cs", Test},
		{"pkg/api_test/helpers.go", App}, // a Go folder named x_test is no convention
		// Fixtures.
		{"testdata/input.json", Fixture},
		{"pkg/testdata/server.go", Fixture},
		{"tests/fixtures/users.json", Fixture},
		{"spec/fixtures/keys.yml", Fixture},
		{"src/__fixtures__/a.js", Fixture},
		{"test_data/sample.csv", Fixture},
		{"test-fixtures/image/Dockerfile", Fixture},
		{"src/__snapshots__/a.js.snap", Fixture},
		// Examples and docs.
		{"examples/basic/main.go", Example},
		{"example/app.py", Example},
		{"_examples/chi/main.go", Example},
		{"samples/app.js", Example},
		{"docs/conf.py", Docs},
		{"docs/index.md", Docs},
		{"README.md", Docs},
		{"README", Docs},
		{"LICENSE", Docs},
		{"CHANGELOG.md", Docs},
		{"guide/install.rst", Docs},
		{"guide/install.adoc", Docs},
		// Scripts, migrations, tooling.
		{"scripts/release.sh", Script},
		{"shop/management/commands/reindex.py", Script},
		{"shop/management/views.py", App},
		{"shop/commands/reindex.py", App},
		{"shop/timemanagement/commands/x.py", App},
		{"scripts/build.js", Script},
		{"script/bootstrap", Script},
		{"deploy.sh", Script},
		{"fabfile.py", Script},
		{"app/migrations/0001_initial.py", Migration},
		{"migrations/20240101_users.sql", Migration},
		{"packages/db/drizzle/0003_brave_name.sql", Migration},
		{"drizzle/0000_init.sql", Migration},
		{"src/drizzle/schema.ts", App},
		{"drizzle/queries/0001_users.sql", App},
		{"drizzle/seed/0001_users.sql", Migration}, // seed data, by its folder
		{"prisma/migrations/20240101/migration.sql", Migration},
		{"db/migrate/20240101_create_users.rb", Migration},
		{"alembic/versions/abc_add.py", Migration},
		{"db/seeds/users.js", Migration},
		// Seed data and benchmarks, by folder or (seed SQL) by name.
		{"store/seed/sqlite/01__dump.sql", Migration},
		{"prisma/seed/users.ts", Migration},
		{"db/demo_seed.sql", Migration},
		{"packages/benchmarks/src/seed.ts", Tooling},
		{"bench/load.go", Tooling},
		// Lookalikes: a seed's code outside such a folder, a word that
		// holds bench, SQL named for something else.
		{"lib/db/seed.ts", Script},
		{"app/seed_users.py", Script},
		{"src/seedling.ts", App},
		{"internal/reseed.go", App},
		{"internal/benchmark_report.go", App},
		{"app/workbench/views.py", App},
		{"store/queries/users.sql", App},
		{"bin/setup", Tooling},
		{"tools/gen/main.go", Tooling},
		{"hack/verify.sh", Tooling},
		{".husky/pre-commit", Tooling},
		{"Makefile", Tooling},
		{"sub/Makefile", Tooling},
		{"Rakefile", Tooling},
		{"magefile.go", Tooling},
		{"setup.py", Tooling},
		{"manage.py", Tooling},
		{"webpack.config.js", Tooling},
		{"vite.config.ts", Tooling},
		{".eslintrc.js", Tooling},
		{"knexfile.js", Tooling},
		{"knexfile.ts", Tooling},
		{"ormconfig.json", Tooling},
		{"drizzle.config.ts", Tooling},
		{"alembic.ini", Tooling},
		{".sequelizerc", Tooling},
		{"server/knex.js", App},
		{"src/db/drizzle.ts", App},
		// CI.
		{".github/workflows/ci.yml", CI},
		{".github/actions/setup/action.yml", CI},
		{".github/dependabot.yml", CI},
		{".gitlab-ci.yml", CI},
		{"ci/templates/build.gitlab-ci.yml", CI},
		{"deploy/app.gitlab-ci.yml", CI},
		{".circleci/config.yml", CI},
		{"Jenkinsfile", CI},
		{"azure-pipelines.yml", CI},
		{".travis.yml", CI},
		{"ci/run-tests.sh", CI},
		{"docker-compose.ci.yml", CI},
		{".goreleaser.yaml", CI},
		// Local development environments.
		{".devcontainer/docker-compose.yml", DevEnv},
		{".devcontainer/devcontainer.json", DevEnv},
		{".devcontainer/Dockerfile", DevEnv},
		{"docker-compose.override.yml", DevEnv},
		{"compose.override.yaml", DevEnv},
		{"docker-compose.dev.yml", DevEnv},
		{"deploy/docker-compose.local.yaml", DevEnv},
		{".vscode/launch.json", DevEnv},
		{"Vagrantfile", DevEnv},
		{"Tiltfile", DevEnv},
		// The deepest convention wins.
		{"examples/basic/tests/test_app.py", Test},
		{"tests/examples/app.py", Example},
		{"scripts/tests/test_deploy.py", Test},
		{"test/scripts/setup.sh", Script},
		{"docs/examples/app.py", Example},
		{"tests/fixtures/app/migrations/0001.py", Migration},
		{"examples/.github/workflows/ci.yml", CI},
		{"tests/docker-compose.override.yml", DevEnv}, // named first
		{"Tests/UserTests.swift", Test},               // folder names case-insensitively
	}
	for _, tt := range tests {
		r := RoleOf(tt.path)
		if r.Kind != tt.want {
			t.Errorf("RoleOf(%q) = %v (%s), want %v", tt.path, r.Kind, r.Reason(), tt.want)
		}
		if got := IsTest(tt.path); got != (tt.want == Test || tt.want == Fixture) {
			t.Errorf("IsTest(%q) = %v", tt.path, got)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		path, src string
		want      Kind
	}{
		{"tools/cmd/gen/main.go", "package main\n", App},
		{"cmd/migrate/main.go", "// Command migrate.\npackage main\n", App},
		{"cmd/migrate/lib.go", "package migrate\n", Migration},
		{"tools/gen/main.go", "package gen\n", Tooling},
		{"internal/gen.go", "//go:build ignore\n\npackage main\n", Tooling},
		{"internal/gen.go", "// +build ignore\n\npackage main\n", Tooling},
		{"internal/gen.go", "//go:build linux\n\npackage main\n", App},
		{"internal/gen.go", "//go:build ignore\n\npackage gen\n", App},
		// mage's build file is tooling; a package main built for linux is not.
		{"build/tasks.go", "//go:build mage\n\npackage main\n\nfunc Build() error { return nil }\n", Tooling},
		{"build/tasks.go", "//go:build linux\n\npackage main\n", App},
		// A file only a build with the project's own tag compiles is
		// development code; one a release build on some platform compiles,
		// or one the tag leaves out, is app code.
		{"web/db_dev.go", "//go:build dev\n\npackage web\n", DevEnv},
		{"web/db_dev.go", "// +build dev\n\npackage web\n", DevEnv},
		{"web/debug.go", "//go:build debug && linux\n\npackage web\n", DevEnv},
		{"web/db_prod.go", "//go:build !dev\n\npackage web\n", App},
		{"web/db_unix.go", "//go:build linux || darwin\n\npackage web\n", App},
		{"web/db_other.go", "//go:build !windows && cgo && go1.21\n\npackage web\n", App},
		{"web/pure.go", "//go:build purego || !amd64\n\npackage web\n", App},
		// Under a migration folder: code that calls another service and
		// changes no schema imports a user's data from it (App); schema
		// changes stay migrations, with or without an HTTP call.
		{"pkg/modules/migration/todo/todo.go", "package todo\n\nimport \"net/http\"\n\nfunc Fetch() { http.Get(apiURL) }\n", App},
		{"pkg/modules/migration/boards/boards.go", "package boards\n\nimport \"example.com/boardsdk\"\n\nfunc Pull(key, token string) { c := boardsdk.NewClient(key, token); c.Boards() }\n", App},
		{"pkg/migration/20240103.go", "package migration\n\nfunc up() { c := redis.NewClient(opts); _ = c; exec(\"CREATE TABLE t (id int)\") }\n", Migration},
		{"app/migration/importer.py", "import requests\n\ndef pull(token):\n    return requests.get(URL)\n", App},
		{"pkg/migration/20240101.go", "package migration\n\nimport \"example.com/xormigrate\"\n\nvar m = xormigrate.Migration{ID: \"1\"}\n", Migration},
		{"pkg/migration/20240102.go", "package migration\n\nimport \"net/http\"\n\nconst q = \"ALTER TABLE tasks ADD COLUMN done_at\"\n", Migration},
		{"migrations/0002_notes.py", "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = []\n", Migration},
		{"migrations/helpers.js", "module.exports = { table: 'users' }\n", Migration},
		{"cmd/x/main_test.go", "package main\n", Test},
		{"bin/www", "#!/usr/bin/env node\nvar app = require('../app');\nserver = http.createServer(app);\nserver.listen(port);\n", App},
		{"bin/www", "#!/usr/bin/env node\n// server.listen(port)\nconsole.log('setup')\n", Tooling},
		{"bin/setup", "#!/usr/bin/env ruby\nsystem('bundle')\n", Tooling},
		{"scripts/release", "#!/bin/sh\n", Script},
		{"release", "#!/bin/sh\ngit tag\n", Script},
		{"app/server.py", "#!/usr/bin/env python\napp.run()\n", App}, // an extension: read as a module
		{"VERSION", "1.2.3\n", App},
		{"tests/server.go", "package main\n", Test},
		// Compose files by what they do: a developer's machine...
		{"docker-compose.yml", "services:\n  db:\n    image: postgres\n    ports:\n      - \"127.0.0.1:5432:5432\"\n  cache:\n    image: redis\n    ports: [{target: 6379, published: 6379, host_ip: 127.0.0.1}]\n", DevEnv},
		{"compose.yaml", "services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n", DevEnv},
		{"docker-compose.yml", "services:\n  web:\n    build: .\n    command: [\"yarn\", \"dev\"]\n", DevEnv},
		{"deploy/docker-compose.yml", "services:\n  api:\n    build: .\n    command: uvicorn app:app --reload\n", DevEnv},
		// ...and the lookalikes that serve: a port on every address, data
		// and named volumes, a production command, a file that is no compose.
		{"docker-compose.yml", "services:\n  db:\n    image: postgres\n    ports:\n      - \"127.0.0.1:5432:5432\"\n  web:\n    image: acme/app\n    ports:\n      - \"80:3000\"\n", App},
		{"docker-compose.yml", "services:\n  db:\n    image: postgres\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n      - dbdata:/backup\n    command: postgres -c max_connections=200\n  web:\n    image: acme/app\n", App},
		// A compose file that runs only supporting services (a Mongo and
		// its console to import a dump into) runs no product: DevEnv. The
		// product's own compose, built here or pulled as its image, or one
		// running an image not known to be a supporting one, stays App.
		{"extras/import/docker-compose.yml", "services:\n  mongodb:\n    image: mongo\n    ports:\n      - \"27017:27017\"\n  console:\n    image: docker.io/library/mongo-express:1\n    ports: [\"8081:8081\"]\n", DevEnv},
		{"docker-compose.yml", "services:\n  db:\n    image: bitnami/postgresql:16\n    ports: [\"5432:5432\"]\n", DevEnv},
		{"docker-compose.yml", "services:\n  app:\n    build: .\n    ports: [\"80:3000\"]\n  db:\n    image: postgres\n    ports: [\"5432:5432\"]\n", App},
		{"docker-compose.yml", "services:\n  app:\n    image: ghcr.io/acme/shop:release\n  db:\n    image: postgres:16\n    ports: [\"5432:5432\"]\n", App},
		{"docker-compose.yml", "services:\n  db:\n    image: acme/worker:latest\n    ports: [\"6379:6379\"]\n", App},
		{"docker-compose.yml", "services:\n  web:\n    image: acme/app\n    command: yarn start\n    ports:\n      - \"3000\"\n", App},
		{"docker-compose.yml", ": not yaml [\n", App},
		{"app/config.yml", "services:\n  db:\n    ports: [\"127.0.0.1:5432:5432\"]\n", App},
		// A library copied in whole, by its banner and wrapper, wherever
		// it sits and whatever it is called...
		{"sqli/static/js/materialize.js", "/*!\n * Materialize v0.100.1 (http://materializecss.com)\n * Copyright 2014-2017 Materialize\n * MIT License\n */\nvar _createClass = function () {};\n", Vendored},
		{"web/js/widgets.js", "/*! Tabs 2.4.0 | (c) Someone | MIT License */\n(function (global, factory) {\n  typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() :\n  typeof define === 'function' && define.amd ? define(factory) : global.Tabs = factory();\n}(this, function () {}));\n", Vendored},
		{"public/lib/owl.carousel-2.0.js", "/**\n * Owl carousel\n * @version 2.0.0\n * @license The MIT License (MIT)\n */\n;(function($, window) {})(jQuery, window);\n", Vendored},
		// A banner after a LibreJS licence line, with the release the
		// code declares.
		{"static/js/droparea.js", "// @license magnet:?xt=urn:btih:0000000000000000000000000000000000000000&dn=expat.txt Expat\n/*\n * More at droparea.example\n * Copyright (c) 2012, Someone\n */\n(function() {\n  Droparea.version = \"4.0.1\";\n}).call(this);\n", Vendored},
		// ...and the app's own files that open with a licence: no version,
		// or a version but neither its own name nor a UMD wrapper.
		{"static/js/app.js", "/*\n * Copyright 2024 Acme Inc.\n * SPDX-License-Identifier: MIT\n */\n$('#list').html(items);\n", App},
		// (a page's own script, not a library's: it reads the page)
		{"static/js/checkout.js", "/*! Shop front v2.1.0 | (c) Acme | MIT License */\ndocument.title = 'Checkout';\n", Browser},
		{"src/server.js", "// server.js v1.2.3, MIT License\nconst express = require('express');\n", App},
		{"static/js/uploader.js", "// @license magnet:?xt=urn:btih:0000000000000000000000000000000000000000&dn=gpl-3.0.txt GPL-v3-or-Later\n/* Copyright 2024 Acme: the uploader */\nvar el = document.getElementById('u');\n", Browser},
		// A page's script by what it reads; a server's that names window
		// as an option, or writes for both sides, or imports fs, is not.
		{"app/ui/menu.ts", "export const open = () => window.scrollTo(0, 0);\n", Browser},
		{"app/page.tsx", "'use client';\nexport default function Page() { return null }\n", Browser},
		{"src/limit.js", "const limiter = rateLimit({ window: opts.window.ms });\n", App},
		{"src/origin.js", "export const o = typeof window === 'undefined' ? process.env.ORIGIN : window.location.origin;\n", App},
		{"src/render.js", "import fs from 'fs';\nexport const page = () => fs.readFileSync('x') + document.title;\n", App},
		{"src/comment.js", "// document.title is set by the page\nexport const x = 1;\n", App},
		// A component with an event handler runs in the browser; one that
		// renders only, or the page's server half, or a handler in a
		// plain script's text, is not known to.
		{"src/ui/Signup.tsx", "export const Signup = () => <button\n  onClick={() => fetch('/x')}>Go</button>;\n", Browser},
		{"src/ui/Card.tsx", "export const Card = ({title}) => <h2 className={title}>{title}</h2>;\n", App},
		{"pages/index.tsx", "export async function getServerSideProps() { return {props: {}} }\nexport default () => <a onClick={() => go()}>x</a>;\n", App},
		{"src/actions.tsx", "'use server';\nexport const Form = () => <form onSubmit={save}></form>;\n", App},
		{"src/handlers.ts", "const s = '<a onClick={go}>';\n", App},
	}
	for _, tt := range tests {
		r := Classify(tt.path, []byte(tt.src))
		if r.Kind != tt.want {
			t.Errorf("Classify(%q, %q) = %v (%s), want %v", tt.path, tt.src, r.Kind, r.Reason(), tt.want)
		}
	}
}

func TestReason(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"scripts/release.sh", "in a release script (under scripts/): needs commit access"},
		{"pkg/x_test.go", "in a test (named *_test.go): runs only in the test suite"},
		{"tests/helpers.py", "in a test (under tests/): runs only in the test suite"},
		{"app/migrations/0001_initial.py", "in a database migration (under migrations/): runs at deploy time; needs commit access"},
		{".devcontainer/docker-compose.yml", "in a devcontainer file (under .devcontainer/): runs on a developer's machine, not in production"},
		{"docker-compose.override.yml", "in a compose override (named docker-compose.override.yml): runs on a developer's machine, not in production"},
		{".github/workflows/ci.yml", "in a CI configuration file (under .github/): runs in CI; needs commit access or a pull request"},
		{"examples/app.py", "in an example (under examples/): not part of the product as deployed"},
		{"app/views.py", "in an application file: served or run in production"},
		{".env.test", "in a test environment file (named .env.test): runs only in the test suite"},
		{"web/.env.development.local", "in a development environment file (named .env.development.local): runs on a developer's machine, not in production"},
		{".env.sample", "in a sample environment file (named .env.sample): not part of the product as deployed"},
		{".env", "in an application file: served or run in production"},
		{".env.production", "in an application file: served or run in production"},
		// The environment and settings a framework loads only for tests,
		// CI or a developer's machine; the production ones stay App.
		{".env.ci", "in a CI environment file (named .env.ci): runs in CI; needs commit access or a pull request"},
		{".env.dusk.local", "in a test environment file (named .env.dusk.local): runs only in the test suite"},
		{"phpunit.xml", "in a test configuration (named phpunit.xml): runs only in the test suite"},
		{"src/main/resources/config/application-dev.yml", "in a development profile (named application-dev.yml): runs on a developer's machine, not in production"},
		{"src/main/resources/application-test.properties", "in a test profile (named application-test.properties): runs only in the test suite"},
		{"src/Web/appsettings.Development.json", "in a development profile (named appsettings.Development.json): runs on a developer's machine, not in production"},
		{"src/main/resources/config/application-prod.yml", "in an application file: served or run in production"},
		{"src/main/resources/config/application.yml", "in an application file: served or run in production"},
		{"src/Web/appsettings.Production.json", "in an application file: served or run in production"},
		{"src/Web/appsettings.json", "in an application file: served or run in production"},
		{"src/main/resources/application-devtools.yml", "in an application file: served or run in production"},
		{"src/Web/appsettings.Docker.json", "in an application file: served or run in production"},
	}
	for _, tt := range tests {
		if got := RoleOf(tt.path).Reason(); got != tt.want {
			t.Errorf("RoleOf(%q).Reason() =\n %q, want\n %q", tt.path, got, tt.want)
		}
	}
}

func TestKindNames(t *testing.T) {
	for k := App; k <= DevEnv; k++ {
		name := k.String()
		back, ok := ParseKind(name)
		if !ok || back != k || name == "" || strings.ContainsAny(name, " _") {
			t.Errorf("kind %d: name %q reads back as %v, %v", k, name, back, ok)
		}
		if needs[k] == "" || defaultNoun[k] == "" {
			t.Errorf("kind %v has no reason text", k)
		}
	}
	if _, ok := ParseKind("production"); ok {
		t.Error("ParseKind accepted an unknown name")
	}
}

func FuzzRoleOf(f *testing.F) {
	for _, p := range []string{"a/b_test.go", "tests/x.py", ".github/workflows/a.yml", "/", "", "a//b", "x/.test./y", "docker-compose..yml"} {
		f.Add(p, []byte("#!/usr/bin/env node\npackage main\n"))
	}
	f.Fuzz(func(t *testing.T, p string, src []byte) {
		r := RoleOf(p)
		if r.Reason() == "" {
			t.Fatal("empty reason")
		}
		c := Classify(p, src)
		if (r.Kind == Test || r.Kind == Fixture) != (c.Kind == Test || c.Kind == Fixture) {
			t.Fatalf("content changed whether %q is a test: %v, %v", p, r.Kind, c.Kind)
		}
		OfFile(p, src)
	})
}

func BenchmarkIsTest(b *testing.B) {
	paths := []string{"src/components/Button.tsx", "internal/detector/code/code.go", "app/views.py", "tests/test_app.py", "src/__tests__/a.test.ts", "Makefile"}
	for b.Loop() {
		for _, p := range paths {
			IsTest(p)
		}
	}
}

func TestRoleRequires(t *testing.T) {
	tests := []struct {
		role   Role
		served bool
		want   string
	}{
		{RoleOf("app/views.py"), true, ""},
		{RoleOf("scripts/release.js"), false, "commit access, or the one who runs the script"},
		{RoleOf("db/migrations/001.js"), false, "commit access (it runs at deploy time)"},
		{RoleOf(".devcontainer/docker-compose.yml"), false, "a developer's machine"},
		{Configured(Script, "threatmap-check.yaml"), false, "commit access, or the one who runs the script"},
		{Configured(App, "threatmap-check.yaml"), true, ""},
	}
	for _, tt := range tests {
		if got := tt.role.Requires(); got != tt.want {
			t.Errorf("%s.Requires() = %q, want %q", tt.role.Reason(), got, tt.want)
		}
		if got := tt.role.Served(); got != tt.served {
			t.Errorf("%s.Served() = %v, want %v", tt.role.Reason(), got, tt.served)
		}
	}
	if got, want := Configured(Tooling, "threatmap-check.yaml").Reason(), "in a tooling file (set in threatmap-check.yaml): needs commit access"; got != want {
		t.Errorf("Configured reason = %q, want %q", got, want)
	}
}

func TestGenerated(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{"// Code generated by protoc-gen-connect-go. DO NOT EDIT.\n//\n// Source: api/v1/user_service.proto\n\npackage apiv1connect\n", true},
		{"// Copyright 2024 Acme\n\n// Code generated by sqlc. DO NOT EDIT.\n// versions:\n//   sqlc v1.25.0\n\npackage db\n", true},
		{"# Code generated by a tool. DO NOT EDIT.\nNAME = 'x'\n", true},
		{"// @generated by protoc-gen-es v1.10.0\n/* eslint-disable */\nexport const x = 1;\n", true},
		{"#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# Code generated by hand-rolled script. DO NOT EDIT.\n", true},
		// Lookalikes: the mark after code (a string that quotes it), a
		// hand-written file that says only "generated", no mark at all.
		{"package gen\n\n// Code generated by protoc. DO NOT EDIT.\n", false},
		{"package gen\n\nconst header = \"// Code generated by x. DO NOT EDIT.\"\n", false},
		{"// This file was generated once by hand and is now edited.\npackage x\n", false},
		{"package main\n", false},
		{"", false},
	} {
		if got := Generated([]byte(tt.src)); got != tt.want {
			t.Errorf("Generated(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
