package syntax

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/lang"
)

// namedChildrenByIndex is the index loop NamedChildren replaces, kept as
// its reference.
func namedChildrenByIndex(n *sitter.Node) []*sitter.Node {
	var out []*sitter.Node
	for i := 0; i < int(n.NamedChildCount()); i++ {
		out = append(out, n.NamedChild(i))
	}
	return out
}

func childrenByIndex(n *sitter.Node) []*sitter.Node {
	var out []*sitter.Node
	for i := 0; i < int(n.ChildCount()); i++ {
		out = append(out, n.Child(i))
	}
	return out
}

// sameNodes compares two child lists of one tree.
func sameNodes(got, want []*sitter.Node) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d children, want %d", len(got), len(want))
	}
	for i := range got {
		if !got[i].Equal(want[i]) {
			return fmt.Errorf("child %d is %s at %d, want %s at %d", i, got[i].Type(), got[i].StartByte(), want[i].Type(), want[i].StartByte())
		}
	}
	return nil
}

// checkChildren parses src and compares NamedChildren and Children with
// the index loops on every node, and Walk with the recursive index walk.
func checkChildren(t *testing.T, l lang.Lang, src []byte) {
	t.Helper()
	tree, err := Parse(context.Background(), l, src)
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	var walked []*sitter.Node
	Walk(tree.Root(), func(n *sitter.Node) bool {
		walked = append(walked, n)
		return true
	})
	var want []*sitter.Node // the recursive index walk Walk replaced
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		want = append(want, n)
		for _, c := range namedChildrenByIndex(n) {
			walk(c)
		}
	}
	walk(tree.Root())
	var check func(n *sitter.Node) // every node, named or not
	check = func(n *sitter.Node) {
		if err := sameNodes(NamedChildren(n), namedChildrenByIndex(n)); err != nil {
			t.Fatalf("NamedChildren of %s at %d: %v", n.Type(), n.StartByte(), err)
		}
		all := childrenByIndex(n)
		if err := sameNodes(Children(n), all); err != nil {
			t.Fatalf("Children of %s at %d: %v", n.Type(), n.StartByte(), err)
		}
		for _, c := range all {
			check(c)
		}
	}
	check(tree.Root())
	if err := sameNodes(walked, want); err != nil {
		t.Fatalf("Walk: %v", err)
	}
}

// childrenSeeds are sources with nodes of many children, error nodes and
// aliases, in every language.
var childrenSeeds = []struct {
	lang lang.Lang
	src  string
}{
	{lang.JavaScript, strings.Repeat("app.get('/\n", 40)},
	{lang.JavaScript, "const a = [" + strings.Repeat("1, ", 30) + "];\nfoo(" + strings.Repeat("x, ", 20) + ")"},
	{lang.TypeScript, strings.Repeat("router.post(`/${\n", 20)},
	{lang.TypeScript, "import { " + strings.Repeat("a, ", 20) + "} from 'x';\nclass C { @Get() a() {} @Post() b() {} }"},
	{lang.TSX, "export default () => <div a='1' b={2}>" + strings.Repeat("<p>x</p>", 12) + "</div>"},
	{lang.Python, strings.Repeat("@app.route('/\n", 30)},
	{lang.Python, "urlpatterns = [" + strings.Repeat("path('a/', v),", 20) + "]\nf'{a}{b}' 'x' \"y\""},
	{lang.JavaScript, strings.Repeat("/* x\n", 20) + "'/*'"},
}

func TestChildrenMatchIndexing(t *testing.T) {
	for i, s := range childrenSeeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkChildren(t, s.lang, []byte(s.src)) })
	}
	// Every JS, TS and Python fixture of the detectors.
	n := 0
	err := filepath.WalkDir("../detector", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(p, "testdata") {
			return err
		}
		l := lang.Of(p)
		if lang.Grammar(l) == nil {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		t.Run(p, func(t *testing.T) { checkChildren(t, l, src) })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("only %d fixtures compared", n)
	}
}

func FuzzChildren(f *testing.F) {
	langs := []lang.Lang{lang.JavaScript, lang.TypeScript, lang.TSX, lang.Python}
	for _, s := range childrenSeeds {
		f.Add(uint8(slices.Index(langs, s.lang)), s.src)
	}
	f.Fuzz(func(t *testing.T, l uint8, src string) {
		checkChildren(t, langs[int(l)%len(langs)], []byte(src))
	})
}

// TestCloseOpenComments: past a few unterminated block comment openers,
// the parse is linear; before, and in a file whose openers sit in
// strings, the tree is what the source alone gives.
func TestCloseOpenComments(t *testing.T) {
	routes := strings.Repeat("app.get('/files/*', h);\n", 2*maxOpenComments)
	tests := []struct {
		name   string
		src    string
		closed bool // Parse appends the closing comment
	}{
		{"no comment", "app.get('/a', h);\n", false},
		{"closed comments", strings.Repeat("/* a */ x();\n", 40), false},
		{"a few open", strings.Repeat("/* a\n", maxOpenComments), false},
		{"closer reused", strings.Repeat("/* a */*/*/\n", 2), false},
		{"many open", strings.Repeat("/* a\n", maxOpenComments+1), true},
		{"open after the last closer", "/* a */\n" + strings.Repeat("x /* a\n", 2*maxOpenComments), true},
		{"openers in strings", routes, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := closeOpenComments([]byte(tt.src))
			if closed := len(got) != len(tt.src); closed != tt.closed {
				t.Fatalf("closed = %v, want %v", closed, tt.closed)
			}
			if !bytes.HasPrefix(got, []byte(tt.src)) {
				t.Fatalf("source changed: %q", got)
			}
		})
	}
	// Openers in strings: the same statements as without the closer,
	// and one comment more.
	tree, err := Parse(context.Background(), lang.JavaScript, []byte(routes))
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	root := tree.Root()
	if root.HasError() {
		t.Fatalf("the closer made an error: %s", root)
	}
	kids := NamedChildren(root)
	if len(kids) != 2*maxOpenComments+1 || kids[len(kids)-1].Type() != "comment" {
		t.Fatalf("children: %s", root)
	}
	for _, k := range kids[:len(kids)-1] {
		if k.Type() != "expression_statement" {
			t.Fatalf("statement became %s", k.Type())
		}
	}
}

// TestOpenCommentsParseLinearly: a file of unterminated block comments
// parses within a small factor of ordinary code of the same size (timed
// together, so a busy machine slows both). Without the closer it takes
// seconds.
func TestOpenCommentsParseLinearly(t *testing.T) {
	parse := func(unit string) time.Duration {
		src := bytes.Repeat([]byte(unit), (64<<10)/len(unit))
		start := time.Now()
		tree, err := Parse(context.Background(), lang.TypeScript, src)
		if err != nil {
			t.Fatal(err)
		}
		tree.Close()
		return time.Since(start)
	}
	open, ordinary := time.Hour, time.Hour
	for range 3 {
		open = min(open, parse("/* app.get('/x', h)\n"))
		ordinary = min(ordinary, parse("app.get('/x', h); // a\n"))
	}
	if open > 10*ordinary {
		t.Fatalf("64 KiB of open comments parse in %v, of code in %v", open, ordinary)
	}
}

// TestHolds: a node holds a word when the word lies wholly inside its
// text; a word across its end does not count.
func TestHolds(t *testing.T) {
	src := []byte("def f():\n    x = 1\n    def g():\n        return x\n")
	tr, err := Parse(context.Background(), lang.Python, src)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	holds := Holds(tr.Src, "def", "return")
	var got []string
	Walk(tr.Root(), func(n *Node) bool {
		if holds(n) {
			got = append(got, n.Type())
		}
		return true
	})
	want := "module function_definition block function_definition block return_statement"
	if strings.Join(got, " ") != want {
		t.Errorf("nodes holding def or return: %v, want %s", got, want)
	}
}

// TestKotlinAnnotatedClass: a class whose annotations stand on lines of
// their own after the imports keeps them, and every line keeps its number.
func TestKotlinAnnotatedClass(t *testing.T) {
	src := "package a\n\nimport x.y\n\n@RestController\n@RequestMapping(Routes.NOTES)\nclass Notes(private val r: Repo) {\n    @GetMapping(\"/{id}\")\n    fun get(@PathVariable id: Long) = r.find(id)\n}\n"
	tr, err := Parse(context.Background(), lang.Kotlin, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	var classes, fns []string
	Walk(tr.Root(), func(n *sitter.Node) bool {
		switch n.Type() {
		case "class_declaration":
			classes = append(classes, tr.Text(n)[:60])
		case "function_declaration":
			fns = append(fns, strconv.Itoa(Line(n)))
		}
		return true
	})
	if len(classes) != 1 || !strings.HasPrefix(classes[0], "@RestController @RequestMapping(Routes.NOTES) class") {
		t.Errorf("classes %q", classes)
	}
	if len(fns) != 1 || fns[0] != "8" {
		t.Errorf("function lines %v, want [8]", fns)
	}
	if len(tr.Src) != len(src) || bytes.Count(tr.Src, []byte("\n")) != strings.Count(src, "\n") {
		t.Errorf("offsets or lines moved:\n%s", tr.Src)
	}
}
