package credential

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/paritytest"

	"github.com/threatmap/threatmap/internal/detector/code"
)

// readsReference is Reads before its regexes were gated: every pattern
// over the whole stripped file. The gated Reads must give the same reads.
func readsReference(p string, data []byte) []Read {
	var out []Read
	start, end := -1, -1
	add := func(name string, src []byte, off int) {
		if name == "" || builtins[name] {
			return
		}
		out = append(out, Read{Name: name, Line: code.LineAt(src, off), Role: readRole(src, start, end)})
	}
	var quoted []code.Span
	addAll := func(re *regexp.Regexp, src []byte, needles ...string) {
		if !containsAny(src, needles) {
			return
		}
		for _, m := range re.FindAllSubmatchIndex(src, -1) {
			if code.InSpans(quoted, m[0]) {
				continue
			}
			start, end = m[0], m[1]
			for g := 2; g < len(m); g += 2 {
				if m[g] >= 0 {
					add(string(src[m[g]:m[g+1]]), src, m[g])
				}
			}
		}
	}
	if IsEnvTemplate(p) {
		for _, m := range envKeyRE.FindAllSubmatchIndex(data, -1) {
			add(string(data[m[2]:m[3]]), data, m[2])
		}
		return out
	}
	l := lang.Of(p)
	src := lang.StripComments(l, data)
	if l != lang.Go {
		quoted = code.StringSpans(l, src)
	}
	switch l.Family() {
	case lang.Go:
		addAll(goReadRE, src, "os.")
		addAll(goTagRE, src, `env:"`, `envconfig:"`)
	case lang.Python:
		addAll(pyReadRE, src, "environ", "getenv")
		if containsAny(src, []string{"environ"}) && hasImport(l, src, "environ") {
			addAll(pyEnvironRE, src, "env")
		}
		if containsAny(src, []string{"decouple"}) && hasImport(l, src, "decouple") {
			addAll(pyDecoupleRE, src, "config(")
		}
		if containsAny(src, []string{"BaseSettings"}) {
			out = append(out, settingsFields(src)...)
		}
		out = append(out, configparserReads(l, src, quoted)...)
	case lang.JavaScript:
		addAll(jsReadRE, src, ".env")
		if containsAny(src, []string{"@nestjs/config"}) && hasImport(l, src, "@nestjs/config") {
			addAll(nestConfigRE, src, ".get")
		}
		if schemaKeysRE.Match(src) {
			addAll(schemaEnvRE, src, "env")
		}
		if !containsAny(src, []string{".env"}) {
			break
		}
		start, end = -1, -1
		for _, m := range jsDestructureRE.FindAllSubmatchIndex(src, -1) {
			off := m[2]
			for _, part := range strings.Split(string(src[m[2]:m[3]]), ",") {
				name := strings.TrimSpace(part)
				if i := strings.IndexAny(name, ":="); i >= 0 {
					name = strings.TrimSpace(name[:i])
				}
				if validName(name) {
					add(name, src, off+strings.Index(string(src[off:m[3]]), name))
				}
			}
		}
	case lang.Ruby:
		for _, r := range readsWith(rbEnvRE, src, quoted, func(pre byte, _ string) bool { return pre == ':' || pre == '.' }) {
			start, end = r[0], r[1]
			add(string(src[r[2]:r[3]]), src, r[2])
		}
		out = append(out, rbCredentialReads(src, quoted)...)
	case lang.PHP:
		for _, r := range readsWith(phpEnvRE, src, quoted, func(pre byte, _ string) bool { return pre == '>' || pre == ':' || pre == '$' }) {
			start, end = r[0], r[1]
			add(string(src[r[2]:r[3]]), src, r[2])
		}
		for _, r := range readsWith(phpSuperRE, src, quoted, func(_ byte, m string) bool {
			return strings.HasPrefix(m, "$_SERVER") && cgiVar(m[strings.IndexAny(m, "'\"")+1:len(m)-2])
		}) {
			start, end = r[0], r[1]
			add(string(src[r[2]:r[3]]), src, r[2])
		}
	}
	return out
}

// readsWith is every match of re outside quotes whose preceding byte
// and text drop does not reject, with its first group (the name).
func readsWith(re *regexp.Regexp, src []byte, quoted []code.Span, drop func(pre byte, m string) bool) [][4]int {
	var out [][4]int
	for _, m := range re.FindAllSubmatchIndex(src, -1) {
		if code.InSpans(quoted, m[0]) {
			continue
		}
		pre := byte(0)
		if m[0] > 0 {
			pre = src[m[0]-1]
		}
		if drop(pre, string(src[m[0]:m[1]])) {
			continue
		}
		for g := 2; g < len(m); g += 2 {
			if m[g] >= 0 {
				out = append(out, [4]int{m[0], m[1], m[g], m[g+1]})
			}
		}
	}
	return out
}

// TestReadsMatchReference compares Reads with the ungated reference on
// every fixture, and on any tree named by THREATMAP_PARITY_ROOT.
func TestReadsMatchReference(t *testing.T) {
	paritytest.Files(t, []string{"testdata"}, func(p string, data []byte) {
		if got, want := Reads(p, data), readsReference(p, data); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", p, got, want)
		}
	})
}

func FuzzReadsMatchReference(f *testing.F) {
	for _, s := range []string{
		"import os\nKEY = os.environ['API_KEY']\nx = os.getenv(\"DB_URL\")\n",
		"import environ\nenv = environ.Env()\nA = env.str('SECRET_KEY')\n",
		"from decouple import config\nA = config('TOKEN')\n",
		"const { A, B: b } = process.env\nconst c = import.meta.env.VITE_X\nDeno.env.get('Y')\n",
		"export const config = { bucket: { doc: 'Bucket', default: '', env: 'S3_BUCKET_NAME' } }\n",
		"package main\nimport \"os\"\nvar k = os.Getenv(\"K\")\ntype C struct{ A string `env:\"A\"` }\n",
		"k = ENV[\"A\"]\nENV.fetch('B', 1)\n<?php env('C'); $_SERVER['HTTP_X']; $_ENV[\"D\"]; $o->env('E')\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []string{"a.py", "a.js", "a.go", ".env.example", "a.rb", "a.php"} {
			if got, want := Reads(p, []byte(s)), readsReference(p, []byte(s)); !slices.Equal(got, want) {
				t.Errorf("%s %q: got %v, want %v", p, s, got, want)
			}
		}
	})
}
