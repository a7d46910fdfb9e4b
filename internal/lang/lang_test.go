package lang

import (
	"context"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

func TestOf(t *testing.T) {
	tests := []struct {
		path string
		want Lang
	}{
		{"main.go", Go},
		{"pkg/x_test.go", Go},
		{"app/views.py", Python},
		{"gui.PYW", Python},
		{"src/index.js", JavaScript},
		{"src/index.mjs", JavaScript},
		{"src/App.jsx", JSX},
		{"src/server.ts", TypeScript},
		{"src/server.cts", TypeScript},
		{"src/App.tsx", TSX},
		{"types/global.d.ts", TypeScriptDecl},
		{"types/mod.d.mts", TypeScriptDecl},
		{"src/App.test.ts", TypeScript},
		{"src/App.vue", Vue},
		{"src/App.svelte", Svelte},
		{"src/pages/index.astro", Astro},
		{"app/models/user.rb", Ruby},
		{"Gemfile", Ruby},
		{"sub/Rakefile", Ruby},
		{"src/Main.java", Java},
		{"build.gradle.kts", Kotlin},
		{"index.php", PHP},
		{"Program.cs", CSharp},
		{"src/main.rs", Rust},
		{"deploy.sh", Shell},
		{"main.tf", Terraform},
		{"main.tf.json", TerraformJSON},
		{"schema.prisma", Prisma},
		{"db/schema.sql", SQL},
		{"k8s/app.yaml", YAML},
		{".github/workflows/ci.yml", YAML},
		{"package.json", JSON},
		{"keys.jwks", JWK},
		{"key.JWK", JWK},
		{"README.md", Markdown},
		{"docs/index.rst", RST},
		{"notes.txt", Text},
		{"templates/index.html", HTML},
		{"views/chat.ejs", HTML}, // a server template: HTML with inline scripts
		{"views/layouts/main.hbs", HTML},
		{"nb.ipynb", Notebook},
		// Not languages, or not known.
		{".env", None},
		{".gitignore", None},
		{"Dockerfile", None},
		{"bin/www", None},
		{"image.png", None},
		{".ts", None},
		{"scripts.go.bak", None},
		{"go.mod", None},
	}
	for _, tt := range tests {
		if got := Of(tt.path); got != tt.want {
			t.Errorf("Of(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestOfFile(t *testing.T) {
	tests := []struct {
		path, src string
		want      Lang
	}{
		{"bin/www", "#!/usr/bin/env node\nrequire('../app')\n", JavaScript},
		{"tool", "#!/usr/bin/python3.12\nprint(1)\n", Python},
		{"run", "#!/usr/bin/env -S bash -e\necho\n", Shell},
		{"run", "#!/bin/sh\n", Shell},
		{"x.py", "#!/bin/sh\n", Python}, // the name decides first
		{"data", "no shebang\n", None},
		{"odd", "#!\n", None},
		{"odd", "#!/usr/bin/env\n", None},
		{"odd", "#!/usr/bin/perl\n", None},
	}
	for _, tt := range tests {
		if got := OfFile(tt.path, []byte(tt.src)); got != tt.want {
			t.Errorf("OfFile(%q, %q) = %v, want %v", tt.path, tt.src, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	for p, want := range map[string]string{
		"app/models.py": "app/models", "gui.PYW": "gui", "types/x.d.ts": "types/x", "src/a.test.ts": "src/a.test",
		"main.tf.json": "main", "Makefile": "Makefile", "a.b/c": "a.b/c", "x.unknown": "x.unknown", ".env": ".env",
	} {
		if got := Stem(p); got != want {
			t.Errorf("Stem(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestIsProgram(t *testing.T) {
	for l, want := range map[Lang]bool{
		Go: true, Python: true, JavaScript: true, JSX: true, TypeScript: true, TSX: true, Rust: true, CSharp: true,
		TypeScriptDecl: false, Vue: false, Shell: false, YAML: false, Markdown: false, None: false, numLangs: false,
	} {
		if got := l.IsProgram(); got != want {
			t.Errorf("%v.IsProgram() = %v, want %v", l, got, want)
		}
	}
	if len(Programs()) != 12 {
		t.Errorf("Programs() = %v", Programs())
	}
}

func TestFamily(t *testing.T) {
	for l, want := range map[Lang]Lang{
		TypeScript: JavaScript, TSX: JavaScript, JSX: JavaScript, TypeScriptDecl: JavaScript, Vue: JavaScript, Svelte: JavaScript,
		Astro: JavaScript, JavaScript: JavaScript, TerraformJSON: JSON, JWK: JSON, Python: Python, Go: Go, None: None, numLangs: None,
	} {
		if got := l.Family(); got != want {
			t.Errorf("%v.Family() = %v, want %v", l, got, want)
		}
	}
}

// TestTable checks every row: a name, a family that is its own family,
// and extensions no other row claims (the index panics on a duplicate,
// and this test would not run).
func TestTable(t *testing.T) {
	names := map[string]bool{}
	for _, l := range All() {
		r := table[l]
		if r.name == "" || names[r.name] {
			t.Errorf("language %d: empty or repeated name %q", l, r.name)
		}
		names[r.name] = true
		if r.family == None || r.family.Family() != r.family {
			t.Errorf("%v: family %v is not a family of its own", l, r.family)
		}
		if len(r.exts) == 0 && len(r.names) == 0 {
			t.Errorf("%v: no extension or name claims it", l)
		}
		for _, e := range r.exts {
			if got := Of("dir/file" + e); got != l {
				t.Errorf("Of(file%s) = %v, want %v", e, got, l)
			}
		}
	}
}

func TestGrammar(t *testing.T) {
	tests := []struct {
		lang Lang
		src  string
		want string // the root node's type
	}{
		{Python, "x = 1\n", "module"},
		{JavaScript, "const a = <div/>;\n", "program"},
		{JSX, "const a = <div/>;\n", "program"},
		{TypeScript, "const a: number = 1;\n", "program"},
		{TSX, "const a = <div/>;\n", "program"},
		{TypeScriptDecl, "declare const a: number;\n", "program"},
		{Ruby, "get '/x' do\n  1\nend\n", "program"},
		{Java, "class A { @GetMapping(\"/x\") String x() { return \"\"; } }\n", "program"},
		{Kotlin, "class A {\n    @GetMapping(\"/x\")\n    fun x(): String = \"\"\n}\n", "source_file"},
		{PHP, "<?php\nRoute::get('/a', fn () => 1);\n", "program"},
		{CSharp, "class A { [HttpGet(\"x\")] public int B() => 1; }\n", "compilation_unit"},
	}
	for _, tt := range tests {
		t.Run(tt.lang.String(), func(t *testing.T) {
			g := Grammar(tt.lang)
			if g == nil {
				t.Fatal("no grammar")
			}
			p := sitter.NewParser()
			defer p.Close()
			p.SetLanguage(g)
			tree, err := p.ParseCtx(context.Background(), nil, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			defer tree.Close()
			if root := tree.RootNode(); root.Type() != tt.want || root.HasError() {
				t.Errorf("root %s (error %v), want %s", root.Type(), root.HasError(), tt.want)
			}
		})
	}
	for _, l := range []Lang{None, Go, YAML, numLangs} {
		if Grammar(l) != nil {
			t.Errorf("Grammar(%v) is not nil", l)
		}
	}
}

func TestString(t *testing.T) {
	if got := Lang(200).String(); got != "none" {
		t.Errorf("out of range: %q", got)
	}
	if !strings.Contains(TypeScriptDecl.String(), "declarations") {
		t.Errorf("TypeScriptDecl: %q", TypeScriptDecl.String())
	}
}

func BenchmarkOf(b *testing.B) {
	paths := []string{"src/components/Button.tsx", "internal/detector/code/code.go", "app/views.py", "README.md", "Makefile", "assets/logo.png"}
	for b.Loop() {
		for _, p := range paths {
			Of(p)
		}
	}
}
