// Package lang knows what a file is, once, below every detector: its
// language (one row of a table: extensions and file names, tree-sitter
// grammar, comment syntax, test-file conventions) and its role in the
// product (application code, a test, a script, CI configuration...).
//
// A detector asks Of, IsTest, StripComments and Grammar, and never looks
// at an extension itself. Adding a language is one constant and one row
// of the table in this file: its extensions are then claimed (a test
// fails if two rows claim one), its comments stripped, its test files
// known, and, for a row marked program, its files read by the detectors
// that read any code (signal, secret). A grammar for syntax.Parse is one
// more field, from the tree-sitter bindings this package alone imports
// grammars from.
package lang

import (
	"bytes"
	"path"
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/csharp"
	"github.com/smacker/go-tree-sitter/java"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/kotlin"
	"github.com/smacker/go-tree-sitter/php"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/smacker/go-tree-sitter/ruby"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"
)

// Lang is a language, an index into the table.
type Lang uint8

// Languages. None is a file of no language this package knows.
const (
	None Lang = iota
	Go
	Python
	JavaScript
	JSX
	TypeScript
	TSX
	// TypeScriptDecl is a type declaration file (.d.ts): TypeScript that
	// declares types and runs nothing.
	TypeScriptDecl
	Vue
	Svelte
	Astro
	Ruby
	Java
	Kotlin
	PHP
	CSharp
	Rust
	Shell
	Terraform
	Prisma
	GraphQL
	SQL
	YAML
	JSON
	TerraformJSON
	JWK
	Markdown
	RST
	AsciiDoc
	Text
	HTML
	Notebook
	// JSP is a JavaServer Page: markup with Java scriptlets, compiled
	// into a servlet by the container.
	JSP
	numLangs
)

// row is everything known about one language.
type row struct {
	name string
	// program: a programming language whose files are code a server or
	// tool runs (not markup, data, type declarations or components).
	program bool
	// family is the language whose syntax the code is read with (imports,
	// strings): TypeScript and Vue scripts are read as JavaScript.
	family Lang
	// exts are file name suffixes, with the dot (".d.ts" as well as
	// ".ts": the longest suffix wins). Matched without regard to case.
	exts []string
	// names are whole file names (Dockerfile); a trailing * matches a
	// prefix (Dockerfile.*). Matched as written.
	names []string
	// interpreters name the language in a shebang line (#!/usr/bin/env node).
	interpreters []string
	grammar      func() *sitter.Language
	comments     comments
	tests        tests
}

// table holds one row per language, indexed by Lang.
var table = [numLangs]row{
	None: {name: "none"},
	Go: {program: true, name: "Go", family: Go, exts: []string{".go"},
		comments: cComments, tests: tests{suffixes: []string{"_test.go"}}},
	Python: {program: true, name: "Python", family: Python, exts: []string{".py", ".pyw"}, interpreters: []string{"python", "python3", "python2"},
		grammar: python.GetLanguage, comments: pythonComments,
		// pytest collects test_*.py and *_test.py; conftest.py holds its
		// fixtures; Django puts an app's tests in tests.py.
		tests: tests{prefixes: []string{"test_"}, suffixes: []string{"_test.py"}, names: []string{"conftest.py", "tests.py"}}},
	JavaScript: {program: true, name: "JavaScript", family: JavaScript, exts: []string{".js", ".mjs", ".cjs"}, interpreters: []string{"node", "deno", "bun"},
		grammar: javascript.GetLanguage, comments: jsComments, tests: jsTests},
	// JSX and TSX are their own rows: components, which run in the
	// browser as often as not.
	JSX: {program: true, name: "JSX", family: JavaScript, exts: []string{".jsx"},
		grammar: javascript.GetLanguage, comments: jsComments, tests: jsTests},
	TypeScript: {program: true, name: "TypeScript", family: JavaScript, exts: []string{".ts", ".mts", ".cts"}, interpreters: []string{"ts-node", "tsx"},
		grammar: typescript.GetLanguage, comments: jsComments, tests: jsTests},
	TSX: {program: true, name: "TSX", family: JavaScript, exts: []string{".tsx"},
		grammar: tsx.GetLanguage, comments: jsComments, tests: jsTests},
	TypeScriptDecl: {name: "TypeScript declarations", family: JavaScript, exts: []string{".d.ts", ".d.mts", ".d.cts"},
		grammar: typescript.GetLanguage, comments: jsComments, tests: jsTests},
	Vue:    {name: "Vue", family: JavaScript, exts: []string{".vue"}, comments: jsComments, tests: jsTests},
	Svelte: {name: "Svelte", family: JavaScript, exts: []string{".svelte"}, comments: jsComments, tests: jsTests},
	Astro:  {name: "Astro", family: JavaScript, exts: []string{".astro"}, comments: jsComments, tests: jsTests},
	Ruby: {program: true, name: "Ruby", family: Ruby, exts: []string{".rb"}, names: []string{"Gemfile", "Rakefile", "Vagrantfile"}, interpreters: []string{"ruby"},
		grammar: ruby.GetLanguage, comments: comments{line: []string{"#"}, quotes: `"'`},
		tests: tests{prefixes: []string{"test_"}, suffixes: []string{"_test.rb", "_spec.rb"}, names: []string{"spec_helper.rb", "rails_helper.rb"}, dirs: []string{"spec", "specs"}}},
	Java: {program: true, name: "Java", family: Java, exts: []string{".java"}, grammar: java.GetLanguage, comments: cComments,
		tests: tests{suffixes: []string{"Test.java", "Tests.java", "IT.java", "TestCase.java"}}},
	Kotlin: {program: true, name: "Kotlin", family: Kotlin, exts: []string{".kt", ".kts"}, grammar: kotlin.GetLanguage, comments: cComments,
		tests: tests{suffixes: []string{"Test.kt", "Tests.kt", "IT.kt"}}},
	PHP: {program: true, name: "PHP", family: PHP, exts: []string{".php"}, interpreters: []string{"php"}, grammar: php.GetLanguage, comments: phpComments,
		tests: tests{suffixes: []string{"Test.php"}}},
	CSharp: {program: true, name: "C#", family: CSharp, exts: []string{".cs"}, grammar: csharp.GetLanguage, comments: cComments,
		tests: tests{suffixes: []string{"Test.cs", "Tests.cs"}}},
	Rust:  {program: true, name: "Rust", family: Rust, exts: []string{".rs"}, comments: cComments},
	Shell: {name: "Shell", family: Shell, exts: []string{".sh", ".bash", ".zsh"}, interpreters: []string{"sh", "bash", "zsh", "dash", "ash"}, comments: comments{line: []string{"#"}, quotes: `"'`}},
	Terraform: {name: "Terraform", family: Terraform, exts: []string{".tf"},
		comments: comments{line: []string{"#", "//"}, block: [][2]string{{"/*", "*/"}}, quotes: `"`}},
	Prisma: {name: "Prisma", family: Prisma, exts: []string{".prisma"}, comments: comments{line: []string{"//"}, quotes: `"`}},
	// GraphQL schema and operation documents (SDL).
	GraphQL: {name: "GraphQL", family: GraphQL, exts: []string{".graphql", ".graphqls", ".gql"}, comments: comments{line: []string{"#"}, quotes: `"`}},
	SQL:     {name: "SQL", family: SQL, exts: []string{".sql"}, comments: comments{line: []string{"--"}, block: [][2]string{{"/*", "*/"}}, quotes: `'"`}},
	YAML:    {name: "YAML", family: YAML, exts: []string{".yaml", ".yml"}, comments: comments{line: []string{"#"}, quotes: `"'`}},
	JSON:    {name: "JSON", family: JSON, exts: []string{".json"}},
	// Terraform's JSON syntax, and JSON Web Keys: JSON, for a reader
	// that wants them told apart.
	TerraformJSON: {name: "Terraform JSON", family: JSON, exts: []string{".tf.json"}},
	JWK:           {name: "JSON Web Key", family: JSON, exts: []string{".jwk", ".jwks"}},
	Markdown:      {name: "Markdown", family: Markdown, exts: []string{".md", ".mdx", ".markdown"}},
	RST:           {name: "reStructuredText", family: RST, exts: []string{".rst"}},
	AsciiDoc:      {name: "AsciiDoc", family: AsciiDoc, exts: []string{".adoc"}},
	Text:          {name: "Text", family: Text, exts: []string{".txt"}},
	HTML:          {name: "HTML", family: HTML, exts: []string{".html", ".htm", ".ejs", ".hbs", ".handlebars", ".njk", ".mustache"}},
	Notebook:      {name: "Jupyter notebook", family: Notebook, exts: []string{".ipynb"}},
	// A JSP is markup first: its own comments are <%-- --%>; Java's sit in
	// its scriptlets, where // would also read a URL in the markup as one.
	JSP: {name: "JSP", family: JSP, exts: []string{".jsp", ".jspx", ".jspf"}, comments: comments{block: [][2]string{{"<%--", "--%>"}, {"/*", "*/"}}, quotes: `"`}},
}

// String is the language's name.
func (l Lang) String() string {
	if l >= numLangs {
		return table[None].name
	}
	return table[l].name
}

// Family is the language whose syntax l's code is read with: JavaScript
// for JSX, TypeScript, TSX, declarations and single-file components; the
// language itself otherwise; None for None.
func (l Lang) Family() Lang {
	if l >= numLangs {
		return None
	}
	return table[l].family
}

// IsProgram reports a programming language whose files are code a
// server or tool runs: Go, Python, JavaScript and TypeScript (with JSX
// and TSX), Ruby, Java, Kotlin, PHP, C#, Rust. Not markup or data, not
// type declarations, not single-file components (Vue, Svelte, Astro),
// not shell. Detectors that read any such code (weak hashes, keys in
// code) take every language that says so, and a new row joins them.
func (l Lang) IsProgram() bool { return l < numLangs && table[l].program }

// Programs lists the languages IsProgram reports, in table order.
func Programs() []Lang {
	var out []Lang
	for _, l := range All() {
		if l.IsProgram() {
			out = append(out, l)
		}
	}
	return out
}

// Of is the language of a file, by its name: the longest extension in
// the table that ends it (".d.ts" before ".ts"), or a whole name
// (Gemfile). None when no row claims it. It runs for every file and
// detector, before anything is read: a map lookup per dot in the name.
func Of(p string) Lang {
	base := path.Base(p)
	for i := 1; i < len(base); i++ {
		if base[i] != '.' {
			continue
		}
		ext := base[i:]
		if l, ok := byExt[ext]; ok {
			return l
		}
		if l, ok := byExt[strings.ToLower(ext)]; ok {
			return l
		}
	}
	if l, ok := byName[base]; ok {
		return l
	}
	for _, np := range namePrefixes {
		if strings.HasPrefix(base, np.prefix) {
			return np.lang
		}
	}
	return None
}

var byExt, byName, namePrefixes = func() (map[string]Lang, map[string]Lang, []namePrefix) {
	exts, names := map[string]Lang{}, map[string]Lang{}
	var prefixes []namePrefix
	for l := range numLangs {
		for _, e := range table[l].exts {
			if _, dup := exts[e]; dup || e != strings.ToLower(e) || !strings.HasPrefix(e, ".") {
				panic("lang: extension " + e + " is claimed twice, or not a lower-case .suffix")
			}
			exts[e] = l
		}
		for _, n := range table[l].names {
			if strings.HasSuffix(n, "*") {
				prefixes = append(prefixes, namePrefix{n[:len(n)-1], l})
				continue
			}
			names[n] = l
		}
	}
	return exts, names, prefixes
}()

type namePrefix struct {
	prefix string
	lang   Lang
}

// OfFile is Of, and for a file whose name says nothing (bin/www), the
// language its shebang line names.
func OfFile(p string, src []byte) Lang {
	if l := Of(p); l != None {
		return l
	}
	interp := shebang(src)
	if interp == "" {
		return None
	}
	for l := range numLangs {
		for _, name := range table[l].interpreters {
			if interp == name {
				return l
			}
		}
	}
	return None
}

// shebang is the interpreter a "#!" first line names, without its path
// or version suffix ("python3.12" is "python3"), after env and its flags.
func shebang(src []byte) string {
	if !bytes.HasPrefix(src, []byte("#!")) {
		return ""
	}
	line := src[2:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	fields := strings.Fields(string(line))
	for len(fields) > 0 {
		name := path.Base(fields[0])
		fields = fields[1:]
		if name == "env" {
			for len(fields) > 0 && (strings.HasPrefix(fields[0], "-") || strings.Contains(fields[0], "=")) {
				fields = fields[1:]
			}
			continue
		}
		// python3.12 -> python3; node -> node.
		if i := strings.IndexByte(name, '.'); i > 0 {
			name = name[:i]
		}
		return name
	}
	return ""
}

// Stem is p without the extension that gives its language
// (app/models.py is app/models, types/x.d.ts is types/x), or p.
func Stem(p string) string {
	base := path.Base(p)
	for i := 1; i < len(base); i++ {
		if base[i] != '.' {
			continue
		}
		ext := base[i:]
		if _, ok := byExt[strings.ToLower(ext)]; ok {
			return p[:len(p)-len(ext)]
		}
	}
	return p
}

// Extensions are the file name suffixes that make a file l, as the table
// lists them (with the dot). For a reader that must name a language's
// files itself: an import that leaves the extension out.
func Extensions(l Lang) []string {
	if l >= numLangs {
		return nil
	}
	return slices.Clone(table[l].exts)
}

// Grammar is the tree-sitter grammar that parses l, or nil.
func Grammar(l Lang) *sitter.Language {
	if l >= numLangs || table[l].grammar == nil {
		return nil
	}
	return table[l].grammar()
}

// All lists the languages of the table, None excluded, in table order.
func All() []Lang {
	out := make([]Lang, 0, numLangs-1)
	for l := Lang(1); l < numLangs; l++ {
		out = append(out, l)
	}
	return out
}
