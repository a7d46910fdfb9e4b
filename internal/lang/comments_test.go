package lang

import (
	"bytes"
	"strings"
	"testing"
)

func TestStripComments(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		src  string
		keep []string
		drop []string
	}{
		{"python comment", Python, "import os  # import openai\nx = 'a # b'\n", []string{"import os", "'a # b'"}, []string{"openai"}},
		{"python docstring", Python, "def f():\n    \"\"\"Example:\n    import stripe\n    \"\"\"\n    return 1\n", []string{"return 1", `"""`}, []string{"stripe"}},
		{"python single-quoted docstring", Python, "'''\nimport stripe\n'''\nx = 1\n", []string{"x = 1"}, []string{"stripe"}},
		{"python unterminated docstring", Python, "x = 1\n'''never closed\nimport openai\n", []string{"x = 1"}, []string{"openai"}},
		{"js comments", JavaScript, "// import x from 'openai'\n/* require('stripe') */\nconst u = 'http://a.b'\n", []string{"'http://a.b'"}, []string{"openai", "stripe"}},
		{"js template", TypeScript, "const s = `a // b\n${x}`\n", []string{"a // b"}, nil},
		{"js url in string", JavaScript, "fetch('https://api.openai.com') // call\n", []string{"https://api.openai.com"}, []string{"call"}},
		{"go", Go, "import (\n\t// \"github.com/openai/openai-go\"\n\t\"fmt\"\n)\n", []string{"\"fmt\""}, []string{"openai"}},
		{"go raw string", Go, "var s = `a /* b */ c`\n", []string{"a /* b */ c"}, nil},
		{"unterminated string", JavaScript, "const a = 'oops\nimport x from 'openai'\n", []string{"openai"}, nil},
		{"unterminated block", Go, "x := 1 /* to the end\nimport \"openai\"\n", []string{"x := 1"}, []string{"openai"}},
		{"ruby", Ruby, "require 'stripe' # require 'openai'\nputs \"#{x} # kept\"\n", []string{"require 'stripe'", "# kept"}, []string{"openai"}},
		{"php attribute is code", PHP, "#[Route('/a')]\n// old('/b')\n", []string{"#[Route('/a')]"}, []string{"old"}},
		{"php hash comment", PHP, "<?php\n#$r = $x->query($q);\n$r = 1; # old($q)\n", []string{"$r = 1;"}, []string{"query", "old"}},
		{"php hash in markup is text", PHP, "<h4>Step #1 <?php echo $_GET['a']; ?></h4>\n<style>p { color: #fff; }</style>\n", []string{"Step #1 <?php echo $_GET['a']", "#fff"}, nil},
		{"terraform", Terraform, "# a\n// b\n/* c */\nname = \"#d\"\n", []string{`"#d"`}, []string{"a\n", "b\n", "c"}},
		{"sql", SQL, "SELECT 1 -- note\n/* x */ SELECT '--kept'\n", []string{"SELECT 1", "'--kept'"}, []string{"note", "x"}},
		{"prisma", Prisma, "// model Old {}\nmodel User {}\n", []string{"model User"}, []string{"Old"}},
		{"yaml", YAML, "a: 1 # note\nb: '#kept'\n", []string{"'#kept'"}, []string{"note"}},
		{"no comment syntax", JSON, "{\"a\": \"// kept\"} // kept too\n", []string{"// kept too"}, nil},
		{"no language", None, "# kept\n", []string{"# kept"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(StripComments(tt.lang, []byte(tt.src)))
			if len(got) != len(tt.src) || strings.Count(got, "\n") != strings.Count(tt.src, "\n") {
				t.Fatalf("StripComments changed offsets: %q", got)
			}
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("lost %q: %q", k, got)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(got, d) {
					t.Errorf("kept %q: %q", d, got)
				}
			}
		})
	}
}

// referenceStrip is the stripper of package code that StripComments
// replaced, kept to hold the table-driven one to the same output for the
// languages it read (Python, and JavaScript and Go alike).
func referenceStrip(python bool, src []byte) []byte {
	out := bytes.Clone(src)
	blank := func(from, to int) {
		for i := from; i < to && i < len(out); i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	n := len(src)
	if python {
		for i := 0; i < n; {
			c := src[i]
			switch {
			case c == '#':
				j := indexFrom(src, i, '\n')
				blank(i, j)
				i = j
			case (c == '"' || c == '\'') && i+2 < n && src[i+1] == c && src[i+2] == c:
				end := bytes.Index(src[i+3:], []byte{c, c, c})
				j := n
				if end >= 0 {
					j = i + 3 + end + 3
				}
				blank(i+3, j-3)
				i = j
			case c == '"' || c == '\'':
				i = skipString(src, i, c, false)
			default:
				i++
			}
		}
		return out
	}
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == '/' && i+1 < n && src[i+1] == '/':
			j := indexFrom(src, i, '\n')
			blank(i, j)
			i = j
		case c == '/' && i+1 < n && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			j := n
			if end >= 0 {
				j = i + 2 + end + 2
			}
			blank(i, j)
			i = j
		case c == '"' || c == '\'':
			i = skipString(src, i, c, false)
		case c == '`':
			i = skipString(src, i, c, true)
		default:
			i++
		}
	}
	return out
}

var stripSeeds = []string{
	"import os # c\n'''doc'''\n\"x\\\"y\"",
	"/* a */ `b ${c}` 'd\n// e",
	"import (\n\"fmt\"\n)\n/*",
	"'''\n\"\"\"\n'''#\n",
	"a = '\\\n' # x\n",
	"s = `x\\`y` // z\n/**/",
	"\"\"\"",
	"x//",
}

func TestStripCommentsSameAsReference(t *testing.T) {
	for _, src := range stripSeeds {
		checkReference(t, []byte(src))
	}
}

func checkReference(t *testing.T, src []byte) {
	t.Helper()
	if got, want := StripComments(Python, src), referenceStrip(true, src); !bytes.Equal(got, want) {
		t.Errorf("Python %q:\n got %q\nwant %q", src, got, want)
	}
	for _, l := range []Lang{JavaScript, JSX, TypeScript, TSX, TypeScriptDecl, Vue, Svelte, Astro, Go} {
		if got, want := StripComments(l, src), referenceStrip(false, src); !bytes.Equal(got, want) {
			t.Errorf("%v %q:\n got %q\nwant %q", l, src, got, want)
		}
	}
}

// FuzzStripComments holds every language to offsets kept and newlines
// kept, and the languages of the old stripper to its output.
func FuzzStripComments(f *testing.F) {
	for i, s := range stripSeeds {
		f.Add([]byte(s), uint8(i))
	}
	f.Fuzz(func(t *testing.T, src []byte, l uint8) {
		lang := Lang(l % uint8(numLangs+1))
		out := StripComments(lang, src)
		if len(out) != len(src) {
			t.Fatalf("length changed")
		}
		for i := range src {
			if (src[i] == '\n') != (out[i] == '\n') || out[i] != src[i] && out[i] != ' ' {
				t.Fatalf("byte %d: %q became %q", i, src[i], out[i])
			}
		}
		checkReference(t, src)
		for _, line := range strings.Split(string(src), "\n") {
			if c := CutLineComment(lang, line); !strings.HasPrefix(line, c) {
				t.Fatalf("CutLineComment(%q) = %q", line, c)
			}
			IsCommentLine(lang, line)
		}
	})
}

func TestCommented(t *testing.T) {
	src := []byte("x = md5(p) # md5(q)\n# eval(a)\ny = '# not'\n\"\"\"\nexec(b)\n\"\"\"\n")
	stripped := StripComments(Python, src)
	tests := []struct {
		at   string
		want bool
	}{
		{"md5(p)", false},
		{"md5(q)", true},
		{" md5(q)", true}, // a match starting on the blank before the comment
		{"eval(a)", true},
		{"# not", false},
		{"exec(b)", true},
		{"y =", false},
	}
	for _, tt := range tests {
		i := bytes.Index(src, []byte(tt.at))
		if i < 0 {
			t.Fatalf("%q not in source", tt.at)
		}
		if got := Commented(src, stripped, i); got != tt.want {
			t.Errorf("Commented at %q = %v, want %v", tt.at, got, tt.want)
		}
	}
	if Commented(src, stripped, len(src)) {
		t.Error("Commented at the end")
	}
}

// referenceCut and referenceCommentLine are the line readers of the exit
// detector that CutLineComment and IsCommentLine replaced.
func referenceCut(line string, python bool) string {
	var quote byte
	for k := 0; k < len(line); k++ {
		c := line[k]
		if quote != 0 {
			if c == '\\' {
				k++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch {
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case python && c == '#':
			return line[:k]
		case !python && c == '/' && k+1 < len(line) && line[k+1] == '/':
			return line[:k]
		}
	}
	return line
}

func referenceCommentLine(line string, python bool) bool {
	t := strings.TrimSpace(line)
	if python {
		return strings.HasPrefix(t, "#")
	}
	return strings.HasPrefix(t, "//") || strings.HasPrefix(t, "/*") || strings.HasPrefix(t, "*")
}

func TestLineComments(t *testing.T) {
	lines := []string{
		"x = 1 # c", "  # only", "s = '#' # c", "a := b // c", "u := \"http://x\" // c", "\t// only", "  /* block", " * more",
		"const t = `//` // c", "s = 'it\\'s' # c", "", "#", "//", "x = f'{a}' #",
	}
	for _, line := range lines {
		if got, want := CutLineComment(Python, line), referenceCut(line, true); got != want && !strings.Contains(line, "`") {
			t.Errorf("Python CutLineComment(%q) = %q, want %q", line, got, want)
		}
		if got, want := IsCommentLine(Python, line), referenceCommentLine(line, true); got != want {
			t.Errorf("Python IsCommentLine(%q) = %v, want %v", line, got, want)
		}
		for _, l := range []Lang{JavaScript, TypeScript, Go} {
			if got, want := CutLineComment(l, line), referenceCut(line, false); got != want {
				t.Errorf("%v CutLineComment(%q) = %q, want %q", l, line, got, want)
			}
			if got, want := IsCommentLine(l, line), referenceCommentLine(line, false); got != want {
				t.Errorf("%v IsCommentLine(%q) = %v, want %v", l, line, got, want)
			}
		}
	}
	if got := CutLineComment(Shell, "echo '#x' # y"); got != "echo '#x' " {
		t.Errorf("Shell: %q", got)
	}
	if IsCommentLine(YAML, "* alias") || !IsCommentLine(YAML, "  # c") {
		t.Error("YAML comment lines")
	}
}
