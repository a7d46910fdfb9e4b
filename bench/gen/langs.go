package main

import (
	"fmt"
	"strings"
)

// The templates below are made up for the benchmark; they look like the
// code the detectors read (routers, env reads, SQL, HTTP clients), in the
// proportions of an ordinary service: mostly plain functions.

func (g *generator) goService(dir, name string) []file {
	mod := "example.com/" + name
	files := []file{
		{dir + "/go.mod", "module " + mod + "\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n\tgithub.com/jackc/pgx/v5 v5.5.5\n)\n"},
		{dir + "/go.sum", g.goSum()},
	}
	var routes strings.Builder
	pkgs := 2 + g.rnd.IntN(4)
	for p := range pkgs {
		pkg := g.pick(nouns) + fmt.Sprint(p)
		for f := range 2 + g.rnd.IntN(6) {
			// One file in three serves HTTP; the rest is plain code.
			handler := f%3 == 0
			imports := "\t\"context\"\n\t\"database/sql\"\n\t\"fmt\"\n\t\"os\"\n"
			if handler {
				imports += "\t\"net/http\"\n"
			}
			var b strings.Builder
			fmt.Fprintf(&b, "package %s\n\nimport (\n%s)\n\n", pkg, imports)
			if n, v, ok := g.maybeSecret(); ok {
				fmt.Fprintf(&b, "const %s = %q\n\n", n, v)
			}
			fmt.Fprintf(&b, "var dsn = os.Getenv(\"%s_DATABASE_URL\")\n\n", strings.ToUpper(pkg))
			for range 4 + g.rnd.IntN(16) {
				g.goFunc(&b)
			}
			if handler {
				h := g.ident()
				fmt.Fprintf(&b, "func %sHandler(w http.ResponseWriter, r *http.Request) {\n\tid := r.URL.Query().Get(\"id\")\n\tfmt.Fprintf(w, \"%%s\", id)\n}\n", h)
				fmt.Fprintf(&routes, "\tr.Get(\"/api/%s/%s/{id}\", %s.%sHandler)\n", pkg, g.pick(nouns), pkg, h)
			}
			rel := fmt.Sprintf("%s/internal/%s/%s_%d.go", dir, pkg, g.pick(nouns), f)
			files = append(files, file{rel, b.String()})
			if g.rnd.IntN(3) == 0 {
				files = append(files, file{strings.TrimSuffix(rel, ".go") + "_test.go", g.goTest(pkg)})
			}
		}
	}
	main := "package main\n\nimport (\n\t\"log\"\n\t\"net/http\"\n\n\t\"github.com/go-chi/chi/v5\"\n)\n\nfunc main() {\n\tr := chi.NewRouter()\n" +
		routes.String() + "\tlog.Fatal(http.ListenAndServe(\":8080\", r))\n}\n"
	return append(files, file{dir + "/cmd/server/main.go", main})
}

func (g *generator) goFunc(b *strings.Builder) {
	fn, n := g.ident(), g.pick(nouns)
	fmt.Fprintf(b, "// %s %ss for the caller; %s.\nfunc %s(ctx context.Context, db *sql.DB, limit int) ([]string, error) {\n", fn, n, g.pick(comments), fn)
	fmt.Fprintf(b, "\trows, err := db.QueryContext(ctx, \"SELECT id, name FROM %ss WHERE owner = $1 LIMIT $2\", ctx.Value(\"owner\"), limit)\n", n)
	b.WriteString("\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"query: %w\", err)\n\t}\n\tdefer rows.Close()\n\tvar out []string\n")
	fmt.Fprintf(b, "\tfor rows.Next() {\n\t\tvar id, name string\n\t\tif err := rows.Scan(&id, &name); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tout = append(out, id+\":\"+name)\n\t}\n")
	for range g.rnd.IntN(6) {
		fmt.Fprintf(b, "\tif len(out) > %d {\n\t\tout = out[:%d] // %s\n\t}\n", 10+g.rnd.IntN(90), 10, g.pick(comments))
	}
	b.WriteString("\treturn out, rows.Err()\n}\n\n")
}

func (g *generator) goTest(pkg string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport \"testing\"\n\n", pkg)
	for range 2 + g.rnd.IntN(5) {
		fmt.Fprintf(&b, "func Test%s(t *testing.T) {\n\tgot := %d\n\tif got != %d {\n\t\tt.Fatalf(\"got %%d\", got)\n\t}\n}\n\n", strings.ToUpper(g.ident()[:1])+g.ident()[1:], 3, 3)
	}
	return b.String()
}

func (g *generator) goSum() string {
	var b strings.Builder
	for range 40 + g.rnd.IntN(200) {
		mod := fmt.Sprintf("github.com/%s/%s-%s", g.pick(nouns), g.pick(verbs), g.pick(nouns))
		v := fmt.Sprintf("v%d.%d.%d", g.rnd.IntN(3), g.rnd.IntN(20), g.rnd.IntN(10))
		fmt.Fprintf(&b, "%s %s h1:%s=\n%s %s/go.mod h1:%s=\n", mod, v, g.chars(alnum, 43), mod, v, g.chars(alnum, 43))
	}
	return b.String()
}

func (g *generator) jsService(dir, name string) []file {
	files := []file{
		{dir + "/package.json", fmt.Sprintf("{\n  \"name\": %q,\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"express\": \"^4.19.2\",\n    \"pg\": \"^8.11.0\",\n    \"stripe\": \"^14.0.0\"\n  }\n}\n", name)},
		{dir + "/package-lock.json", g.packageLock(name)},
	}
	var routes strings.Builder
	for f := range 4 + g.rnd.IntN(12) {
		mod := g.pick(nouns) + fmt.Sprint(f)
		ext := ".js"
		if f%2 == 1 {
			ext = ".ts"
		}
		var b strings.Builder
		b.WriteString("import { Pool } from 'pg';\n\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });\n\n")
		if n, v, ok := g.maybeSecret(); ok {
			fmt.Fprintf(&b, "const %s = '%s';\n\n", n, v)
		}
		for range 4 + g.rnd.IntN(16) {
			fn, n := g.ident(), g.pick(nouns)
			fmt.Fprintf(&b, "// %s\nexport async function %s(ownerId, limit = 50) {\n", g.pick(comments), fn)
			fmt.Fprintf(&b, "  const { rows } = await pool.query('SELECT id, title FROM %ss WHERE owner_id = $1 LIMIT $2', [ownerId, limit]);\n", n)
			fmt.Fprintf(&b, "  const out = [];\n  for (const row of rows) {\n    if (row.title && row.title.length > %d) {\n      out.push({ id: row.id, title: row.title.slice(0, %d) });\n    }\n  }\n  return out;\n}\n\n", g.rnd.IntN(5), 20+g.rnd.IntN(60))
		}
		files = append(files, file{dir + "/src/" + mod + ext, b.String()})
		fmt.Fprintf(&routes, "app.get('/api/%s/:id', async (req, res) => res.json(await %s.%s(req.params.id)));\n", mod, mod, g.ident())
		fmt.Fprintf(&routes, "app.post('/api/%s', async (req, res) => res.status(201).json(req.body));\n", mod)
	}
	server := "import express from 'express';\n\nconst app = express();\napp.use(express.json());\n\n" + routes.String() +
		"\napp.listen(process.env.PORT || 3000);\n"
	files = append(files, file{dir + "/src/server.js", server})
	files = append(files, file{dir + "/src/__tests__/server.test.js", "import request from 'supertest';\n\ntest('health', async () => {\n  expect(await request('http://localhost:3000/health')).toBeTruthy();\n});\n"})
	return files
}

func (g *generator) packageLock(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{\n  \"name\": %q,\n  \"lockfileVersion\": 3,\n  \"packages\": {\n", name)
	n := 100 + g.rnd.IntN(400)
	for i := range n {
		pkg := g.pick(verbs) + "-" + g.pick(nouns)
		fmt.Fprintf(&b, "    \"node_modules/%s-%d\": {\n      \"version\": \"%d.%d.%d\",\n      \"resolved\": \"https://registry.npmjs.org/%s/-/%s.tgz\",\n      \"integrity\": \"sha512-%s==\"\n    }",
			pkg, i, g.rnd.IntN(9), g.rnd.IntN(30), g.rnd.IntN(20), pkg, pkg, g.chars(alnum, 86))
		if i < n-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

func (g *generator) pyService(dir, name string) []file {
	files := []file{
		{dir + "/requirements.txt", "flask==3.0.3\nrequests==2.32.3\nsqlalchemy==2.0.30\nboto3==1.34.0\n"},
		{dir + "/poetry.lock", g.poetryLock()},
	}
	var app strings.Builder
	app.WriteString("import os\n\nfrom flask import Flask, jsonify, request\n\napp = Flask(__name__)\napp.config[\"SECRET_KEY\"] = os.environ[\"SECRET_KEY\"]\n\n")
	for f := range 3 + g.rnd.IntN(10) {
		mod := g.pick(nouns) + fmt.Sprint(f)
		var b strings.Builder
		b.WriteString("import os\n\nimport requests\nfrom sqlalchemy import text\n\n")
		if n, v, ok := g.maybeSecret(); ok {
			fmt.Fprintf(&b, "%s = \"%s\"\n\n", strings.ToUpper(n), v)
		}
		fmt.Fprintf(&b, "API_URL = os.getenv(\"%s_API_URL\", \"https://api.example.com\")\n\n", strings.ToUpper(mod))
		for range 4 + g.rnd.IntN(16) {
			fn, n := g.ident(), g.pick(nouns)
			fmt.Fprintf(&b, "\ndef %s(session, owner_id, limit=50):\n    \"\"\"%s.\"\"\"\n", fn, g.pick(comments))
			fmt.Fprintf(&b, "    rows = session.execute(text(\"SELECT id, name FROM %ss WHERE owner_id = :o LIMIT :l\"), {\"o\": owner_id, \"l\": limit})\n", n)
			fmt.Fprintf(&b, "    out = []\n    for row in rows:\n        if len(row.name) > %d:\n            out.append({\"id\": row.id, \"name\": row.name[:%d]})\n    return out\n\n", g.rnd.IntN(5), 20+g.rnd.IntN(60))
		}
		files = append(files, file{dir + "/app/" + mod + ".py", b.String()})
		fmt.Fprintf(&app, "\n@app.route(\"/api/%s/<int:item_id>\", methods=[\"GET\"])\ndef get_%s(item_id):\n    return jsonify(id=item_id)\n", mod, mod)
	}
	files = append(files, file{dir + "/app/__init__.py", app.String()})
	files = append(files, file{dir + "/tests/test_app.py", "from app import app\n\n\ndef test_health():\n    assert app is not None\n"})
	return files
}

func (g *generator) poetryLock() string {
	var b strings.Builder
	for range 30 + g.rnd.IntN(120) {
		fmt.Fprintf(&b, "[[package]]\nname = \"%s-%s\"\nversion = \"%d.%d.%d\"\ndescription = \"%s\"\noptional = false\npython-versions = \">=3.8\"\nfiles = [\n    {file = \"pkg-%s.whl\", hash = \"sha256:%s\"},\n]\n\n",
			g.pick(verbs), g.pick(nouns), g.rnd.IntN(9), g.rnd.IntN(30), g.rnd.IntN(20), g.pick(comments), g.hex(8), g.hex(64))
	}
	return b.String()
}

func (g *generator) k8s(name string) string {
	svcType := "ClusterIP"
	if g.rnd.IntN(4) == 0 {
		svcType = "LoadBalancer"
	}
	return fmt.Sprintf(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: %[1]s
spec:
  replicas: %[2]d
  selector:
    matchLabels:
      app: %[1]s
  template:
    metadata:
      labels:
        app: %[1]s
    spec:
      containers:
        - name: %[1]s
          image: registry.example.com/%[1]s:%[3]s
          ports:
            - containerPort: 8080
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: %[1]s-db
                  key: url
---
apiVersion: v1
kind: Service
metadata:
  name: %[1]s
spec:
  type: %[4]s
  selector:
    app: %[1]s
  ports:
    - port: 80
      targetPort: 8080
`, name, 1+g.rnd.IntN(4), g.hex(7), svcType)
}

func (g *generator) terraform(name string) string {
	cidr := "10.0.0.0/16"
	if g.rnd.IntN(5) == 0 {
		cidr = "0.0.0.0/0"
	}
	return fmt.Sprintf(`resource "aws_s3_bucket" "uploads" {
  bucket = "%[1]s-uploads-%[2]s"
}

resource "aws_security_group" "api" {
  name = "%[1]s-api"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["%[3]s"]
  }
}

resource "aws_db_instance" "main" {
  identifier          = "%[1]s"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = false
  storage_encrypted   = true
}
`, name, g.hex(6), cidr)
}

func (g *generator) workflow(name string) string {
	return fmt.Sprintf(`name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - run: make test SERVICE=%s
`, name)
}

func (g *generator) doc(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", name)
	for range 10 + g.rnd.IntN(40) {
		fmt.Fprintf(&b, "The %s service %ss each %s; %s.\n\n", name, g.pick(verbs), g.pick(nouns), g.pick(comments))
	}
	return b.String()
}

// minified is a one-line bundle, as a build leaves in a static folder.
func (g *generator) minified(size int) string {
	var b strings.Builder
	b.Grow(size + 200)
	b.WriteString("!function(e){\"use strict\";")
	for b.Len() < size {
		fmt.Fprintf(&b, "var %s=function(t,n){return t.%s(n)||e.%s};", g.ident(), g.ident(), g.pick(nouns))
	}
	b.WriteString("}(window);\n")
	return b.String()
}

// binary is an image-like blob: a PNG signature, then noise with NULs.
func (g *generator) binary(size int) string {
	b := make([]byte, size)
	copy(b, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	for i := 16; i < size; i++ {
		b[i] = byte(g.rnd.IntN(256))
	}
	return string(b)
}
