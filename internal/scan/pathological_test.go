package scan

import (
	"bytes"
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// A pathological input is a file a hostile pull request could commit to
// hang the scan in CI: a few bytes repeated that leave every parser and
// pattern in its worst state (unterminated strings and calls, endless
// nesting, a keyword on every line). Every detector must read it in time
// linear in its size, within a small factor of an ordinary file of the
// same size.
type pathological struct {
	name string
	path string // the file's name, which picks the detectors
	// ordinary is the extension of the fixture files the ordinary file of
	// the same size is made of.
	ordinary string
	unit     func(i int) string // the i-th repeat
}

func rep(s string) func(int) string { return func(int) string { return s } }

func numbered(format string) func(int) string {
	return func(i int) string { return fmt.Sprintf(format, i) }
}

// pathologicalInputs are the attacks of issue 16 and the worst cases the
// detectors' code suggests.
var pathologicalInputs = []pathological{
	// Reported: unterminated routes and template literals, repeated
	// headers and decorators.
	{"ts unterminated route", "src/app.ts", "ts", rep("app.get('/\n")},
	{"ts unterminated template route", "src/app.ts", "ts", rep("router.post(`/${\n")},
	{"sh bearer header", "deploy.sh", "md", rep("curl -H 'Authorization: Bearer \n")},
	{"md bearer header", "README.md", "md", rep("curl -H 'Authorization: Bearer \n")},
	{"sh bearer header one line", "deploy.sh", "md", rep("curl -H 'Authorization: Bearer ")},
	{"sh curl user one line", "deploy.sh", "md", rep("curl -u 'a ")},
	{"pem headers one line", "keys/id_rsa.pem", "md", rep("-----BEGIN RSA PRIVATE KEY-----")},
	{"pem headers", "keys/id_rsa.pem", "md", rep("-----BEGIN RSA PRIVATE KEY-----\n")},
	{"py pem headers", "app/keys.py", "py", rep("-----BEGIN RSA PRIVATE KEY-----\n")},
	{"py unterminated route", "app/main.py", "py", rep("@app.route('/\n")},

	// JavaScript and TypeScript.
	{"js deep parens", "src/index.js", "js", rep("((((((((")},
	{"ts deep braces", "src/app.ts", "ts", rep("{{{{{{{{")},
	{"ts deep calls", "src/app.ts", "ts", rep("app.use(")},
	{"ts deep arrays", "src/app.ts", "ts", rep("[[[[[[[[")},
	{"js unterminated strings", "src/index.js", "js", rep("const a = \"abc\n")},
	{"js unterminated template", "src/index.js", "js", rep("`${`${\n")},
	{"js open comments", "src/index.js", "js", rep("/* app.get('/x', h)\n")},
	{"js regex-like slashes", "src/index.js", "js", rep("a = /x/; b = 1 / 2 / 3 /\n")},
	{"ts routes", "src/app.ts", "ts", numbered("app.get('/r%d', (req, res) => res.send(process.env.K));\n")},
	{"ts routes one line", "src/app.ts", "ts", numbered("app.get('/r%d', h); ")},
	{"ts imports", "src/app.ts", "ts", numbered("import { x%d } from './m%[1]d';\n")},
	{"ts requires", "src/app.js", "js", numbered("const m%d = require('express')();\n")},
	{"ts nest decorators", "src/users.controller.ts", "ts", rep("@Get(':id')\n@UseGuards(AuthGuard)\n")},
	{"ts nest controller", "src/users.controller.ts", "ts", numbered("@Controller('c%d')\nexport class C%[1]d { @Get('x') @Post(`y`) get() {} }\n")},
	{"ts router chains", "src/app.ts", "ts", rep("router.route('/a').get(h).post(h).put(h).delete(h).patch(h)")},
	{"ts env reads", "src/app.ts", "ts", numbered("process.env.K%d process.env['A'] fetch(process.env.U) ")},
	{"ts mounts", "src/app.ts", "ts", numbered("app.use('/p%d', r%[1]d); const r%[1]d = express.Router();\n")},
	{"tsx next route", "app/api/x/route.ts", "ts", rep("export async function GET(req) { return Response.json(")},

	// Python.
	{"py deep parens", "app/main.py", "py", rep("((((((((")},
	{"py unterminated strings", "app/main.py", "py", rep("x = 'abc\n")},
	{"py unterminated triple quotes", "app/main.py", "py", rep("x = \"\"\"@app.get('/a')\n")},
	{"py decorators", "app/main.py", "py", rep("@app.get('/a')\n@router.post('/b')\n")},
	{"py routes", "app/main.py", "py", numbered("@app.get('/r%d')\ndef r%[1]d(): return os.environ['K']\n")},
	{"py imports", "app/main.py", "py", numbered("from flask import Flask as F%d\n")},
	{"py include routers", "app/main.py", "py", numbered("app.include_router(r%d, prefix='/p')\n")},
	{"py urlpatterns", "app/urls.py", "py", numbered("urlpatterns = [path('a%d/', include(urlpatterns), name='x'),\n")},
	{"py indent", "app/main.py", "py", func(i int) string { return strings.Repeat(" ", i%200) + "if x:\n" }},
	{"py models", "app/models.py", "py", numbered("class M%d(Base):\n    email = Column(String)\n")},
	{"py nested models", "app/models.py", "py", func(i int) string {
		return strings.Repeat(" ", i%400) + "class M(Base):\n" + strings.Repeat(" ", i%400+1) + "email = Column(String)\n"
	}},
	{"go unterminated structs", "models.go", "go", rep("type User struct {\n\tEmail string `gorm:\"x\"`\n")},
	{"ts unterminated schemas", "src/models.ts", "ts", rep("const s = new Schema({ email: String, a: new Schema({\n")},
	{"ts unterminated entities", "src/models.ts", "ts", rep("@Entity()\nclass User { @Column() email: string;\n")},
	{"ts sequelize defines", "src/models.ts", "ts", rep("sequelize.define('User', { email: DataTypes.STRING,\n")},
	{"sql unterminated tables", "schema.sql", "md", rep("CREATE TABLE users (email text, \n")},
	{"prisma unterminated models", "schema.prisma", "md", rep("model User {\n  email String\n")},

	// Go.
	{"go handlers", "main.go", "go", numbered("func init() { http.HandleFunc(\"/r%d\", h) }\n")},
	{"go unterminated routes", "main.go", "go", rep("r.HandleFunc(\"/\n")},
	{"go path consts", "main.go", "go", numbered("const P%d = \"/a\" + P%[1]d\n")},
	{"go deep parens", "main.go", "go", rep("((((((((")},
	{"go chained router", "main.go", "go", rep("r.PathPrefix(\"/a\").Subrouter().")},

	// Secrets, config and infrastructure.
	{"env assignments", ".env", "env", numbered("KEY%d=\n")},
	{"env no newline", ".env", "env", rep("A_KEY=a")},
	{"secret key runs", "src/config.ts", "ts", rep("keykeytokentoken")},
	{"secret assignments", "app/settings.py", "py", rep("password = \"")},
	{"secret long name", "app/settings.py", "py", rep("a_b.c-d")},
	{"secret api key lines", "config.yaml", "yaml", rep("api_key: \napi-token= \n")},
	{"yaml deep flow", "deploy/k8s.yaml", "yaml", rep("[{")},
	{"yaml anchors", "deploy/k8s.yaml", "yaml", numbered("a%d: &a%[1]d [*a0, *a0]\n")},
	{"yaml documents", "deploy/k8s.yaml", "yaml", rep("---\nkind: Service\nspec: {type: LoadBalancer}\n")},
	{"workflow steps", ".github/workflows/ci.yml", "yml", rep("- uses: actions/checkout@\n  run: curl ${{ github.event.issue.title }}\n")},
	{"compose services", "docker-compose.yml", "yml", numbered("  s%d: {image: x, ports: [\"80:80\"], privileged: true}\n")},
	{"openapi paths", "openapi.yaml", "yaml", numbered("openapi: 3.0.0\npaths: {/a%d: {get: {}}}\n")},
	{"tf unterminated blocks", "infra/main.tf", "tf", rep("resource \"aws_s3_bucket\" \"b\" {\n")},
	{"tf interpolations", "infra/main.tf", "tf", rep("x = \"${\"${")},
	{"package.json braces", "package.json", "json", rep("{\"dependencies\": {\"a\": [")},
	{"requirements", "requirements.txt", "md", numbered("pkg%d==1.0 ; python_version < \"3\"\n")},
}

// ordinaryCorpus joins every fixture file with extension ext under the
// detector testdata folders and the examples: the realistic text an
// ordinary file of any size is repeated from. Go files after the first
// lose their package clause and imports, so the whole stays one file.
func ordinaryCorpus(t testing.TB, ext string) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, root := range fixtureTrees(t) {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, "."+ext) {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if ext == "go" {
				f, err := parser.ParseFile(token.NewFileSet(), p, data, parser.ImportsOnly)
				if err != nil {
					return nil // a broken fixture is not ordinary
				}
				if buf.Len() > 0 {
					end := f.Name.End()
					if n := len(f.Imports); n > 0 {
						end = f.Imports[n-1].End()
						if i := bytes.IndexByte(data[end-1:], '\n'); i >= 0 {
							end += token.Pos(i)
						}
					}
					data = data[int(end)-1:]
				}
			}
			buf.Write(data)
			buf.WriteByte('\n')
			buf.WriteString(separator[ext])
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if buf.Len() == 0 {
		t.Fatalf("no fixture with extension .%s", ext)
	}
	return buf.Bytes()
}

// separator keeps joined fixtures one valid file: YAML documents.
var separator = map[string]string{"yaml": "---\n", "yml": "---\n"}

// fill repeats unit until the text holds size bytes.
func fill(size int, unit func(int) string) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		b.WriteString(unit(i))
	}
	return b.Bytes()[:size]
}

// detectTime is the least CPU time of a few runs of detector i of a
// fresh set on one file, its Finish step included (a cross-file step that
// is quadratic in what one file declares is as bad as Detect being so).
// Thread CPU time is used where the system has it, so that other
// processes on a busy machine do not count.
func detectTime(t testing.TB, i int, path string, data []byte, runs int) time.Duration {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := time.Duration(1<<63 - 1)
	for range runs {
		d := all.New()[i]
		d.Match(path) // some detectors note files as they are matched
		f := &detector.File{Path: path, Data: data}
		sink := detector.NewSink()
		start := threadTime()
		_ = d.Detect(context.Background(), f, sink) // a broken file may well fail
		if fin, ok := d.(detector.Finisher); ok {
			_ = fin.Finish(context.Background(), sink)
		}
		best = min(best, threadTime()-start)
		if best > time.Second {
			break // slow enough to judge at once
		}
	}
	return best
}

// parseTime is the least thread CPU time of a few tree-sitter parses of
// data as l, as a detector parses it.
func parseTime(t testing.TB, l lang.Lang, data []byte) time.Duration {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := threadTime()
		tree, err := syntax.Parse(context.Background(), l, data)
		best = min(best, threadTime()-start)
		if err != nil {
			t.Fatal(err)
		}
		tree.Close()
	}
	return best
}

// Sizes and limits of the contract. A linear detector costs 4x from the
// small size to the large one, and again from the large to the huge; a
// quadratic one 16x each time. Growth past the limit on the first
// interval is only a failure when the second one, measured apart,
// confirms it: a quadratic detector grows on both, while a linear one
// grows past the limit on one interval only when something else did (a
// busy machine slowing one run; a numbered input whose large file first
// holds a word, "401", that sends it down a slower but linear path). A
// detector that reads
// the file faster than the floor's speed is fast enough whatever it reads,
// and times below it are never a failure. Against an ordinary file the
// factor is generous: gitleaks' curl rules read a file of near-miss curl
// commands fifteen times slower than ordinary text, linearly; the
// quadratic cases this test was written for cost hundreds to thousands.
// Against an ordinary file a detector is judged by its own work: the
// tree-sitter parse of the file it reads is taken out. tree-sitter's
// error recovery parses a Python file of garbage hundreds of times slower
// than ordinary code, linearly (its growth is judged with the detector's),
// and counted in, it made this factor a fixed speed a slow machine
// missed.
const (
	pathoSmall      = 16 << 10
	pathoLarge      = 4 * pathoSmall
	pathoHuge       = 4 * pathoLarge
	maxGrowth       = 8.0  // large over small, and huge over large
	maxOverOrdinary = 32.0 // pathological over ordinary, at the large size
)

func floorFor(size int) time.Duration { return time.Duration(size) * time.Second / (8 << 20) }

// keywordInputs are files made of nothing but the keywords the detectors
// prefilter on, one a line and all on one line, in each language: every
// detector's parser and patterns run on every line.
func keywordInputs() []pathological {
	var words []string
	for _, d := range all.New() {
		if k, ok := d.(detector.Keyworded); ok {
			words = append(words, k.Keywords()...)
		}
	}
	lines, oneLine := strings.Join(words, "\n")+"\n", strings.Join(words, " ")+" "
	var out []pathological
	for _, f := range []struct{ path, ext string }{{"src/app.ts", "ts"}, {"app/main.py", "py"}, {"main.go", "go"}, {"deploy/k8s.yaml", "yaml"}} {
		out = append(out,
			pathological{"keywords " + f.ext, f.path, f.ext, rep(lines)},
			pathological{"keywords one line " + f.ext, f.path, f.ext, rep(oneLine)})
	}
	return out
}

// TestPathologicalInputsAreLinear is the contract of issue 16: on every
// pathological input, every detector that reads the file runs within a
// small factor of its time on an ordinary file of the same size, and
// grows linearly from the small size to the large one (or, when it does
// not, from the large size to the huge one). Times are the
// CPU time of the thread that runs the detector, so the inputs run in
// parallel and other work on the machine does not count.
func TestPathologicalInputsAreLinear(t *testing.T) {
	dets := all.New()
	var (
		mu       sync.Mutex
		corpora  = map[string]func() []byte{}        // extension -> ordinary text
		ordinary = map[string]func() time.Duration{} // detector, path, extension -> its time on the ordinary file
		rows     []string
	)
	corpus := func(ext string) []byte {
		mu.Lock()
		c, ok := corpora[ext]
		if !ok {
			c = sync.OnceValue(func() []byte { return fill(pathoLarge, func(int) string { return string(ordinaryCorpus(t, ext)) }) })
			corpora[ext] = c
		}
		mu.Unlock()
		return c()
	}
	ordinaryTime := func(i int, path, ext string) time.Duration {
		key := dets[i].Name() + "\x00" + path + "\x00" + ext
		mu.Lock()
		o, ok := ordinary[key]
		if !ok {
			o = sync.OnceValue(func() time.Duration { return detectTime(t, i, path, corpus(ext), 2) })
			ordinary[key] = o
		}
		mu.Unlock()
		return o()
	}
	t.Run("inputs", func(t *testing.T) {
		for _, in := range append(slices.Clone(pathologicalInputs), keywordInputs()...) {
			t.Run(in.name, func(t *testing.T) {
				t.Parallel()
				small, large := fill(pathoSmall, in.unit), fill(pathoLarge, in.unit)
				var parse time.Duration // tree-sitter's share of a detector's time on large
				if l := lang.Of(in.path); lang.Grammar(l) != nil {
					parse = parseTime(t, l, large)
				}
				matched := false
				for i, d := range dets {
					if !d.Match(in.path) {
						continue
					}
					matched = true
					reg := ordinaryTime(i, in.path, in.ordinary)
					ts := detectTime(t, i, in.path, small, 1)
					tl := detectTime(t, i, in.path, large, 1)
					judge := func() (growth, over float64) {
						return float64(tl) / float64(max(ts, floorFor(pathoSmall))), float64(max(tl-parse, 0)) / float64(max(reg, floorFor(pathoLarge)))
					}
					growth, over := judge()
					if growth > maxGrowth || over > maxOverOrdinary {
						// A busy machine only makes times longer: judge
						// by the least of a few more runs.
						ts = min(ts, detectTime(t, i, in.path, small, 3))
						tl = min(tl, detectTime(t, i, in.path, large, 3))
						growth, over = judge()
					}
					if growth > maxGrowth {
						// Superlinear grows on the next interval too.
						th := detectTime(t, i, in.path, fill(pathoHuge, in.unit), 2)
						confirm := float64(th) / float64(max(tl, floorFor(pathoLarge)))
						if confirm <= maxGrowth {
							t.Logf("%s: %s grows %.1fx from %d to %d KiB but %.1fx from %d to %d KiB: linear", in.path, d.Name(), growth, pathoSmall>>10, pathoLarge>>10, confirm, pathoLarge>>10, pathoHuge>>10)
						} else {
							t.Errorf("%s: %s grows %.1fx from %d to %d KiB (%v to %v) and %.1fx from %d to %d KiB (to %v): superlinear", in.path, d.Name(), growth, pathoSmall>>10, pathoLarge>>10, ts, tl, confirm, pathoLarge>>10, pathoHuge>>10, th)
						}
					}
					mu.Lock()
					rows = append(rows, fmt.Sprintf("%5.1f %5.1f  %-32s %-18s %10v %10v %10v", over, growth, in.name, d.Name(), ts, tl, reg))
					mu.Unlock()
					if over > maxOverOrdinary {
						t.Errorf("%s: %s takes %.1fx its time on an ordinary file of %d KiB (%v against %v)", in.path, d.Name(), over, pathoLarge>>10, tl, reg)
					}
				}
				if !matched {
					t.Fatalf("no detector reads %s: the input tests nothing", in.path)
				}
			})
		}
	})
	// The slowest, for whoever tunes a detector: go test -v -run Pathological.
	slices.Sort(rows)
	slices.Reverse(rows)
	t.Logf("over ordinary, growth, input, detector, small, large, ordinary:\n%s", strings.Join(rows[:min(len(rows), 15)], "\n"))
}
