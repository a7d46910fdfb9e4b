package signal

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
	"github.com/threatmap/threatmap/internal/flow"
	goflow "github.com/threatmap/threatmap/internal/flow/golang"
	pyflow "github.com/threatmap/threatmap/internal/flow/python"
	"github.com/threatmap/threatmap/internal/lang"
)

// Fixtures mark each expected signal inline: "want: weakness KIND" or
// "want: control KIND", one per line where the evidence is. The kinds the
// data-flow engine follows in Python and Go (flow.Covers) are its to find, from
// the routes: it runs here too, so the fixtures keep saying what a scan
// reports.
func TestFixtures(t *testing.T) {
	dir := "testdata/app"
	f := detectortest.Scan(t, dir, New(), pyroute.New(), pyflow.New(), goroute.New(), goflow.New(), flow.NewJSDetector())
	weaknesses, controls := detectortest.WeaknessKinds(f), detectortest.ControlKinds(f)
	detectortest.Check(t, "weaknesses", weaknesses, detectortest.Wants(t, dir, "weakness "))
	detectortest.Check(t, "controls", controls, detectortest.Wants(t, dir, "control "))
	// Per kind too: a strong kind must not hide a weak one.
	for _, kind := range []struct{ prefix, name string }{{"weakness ", "weakness"}, {"control ", "control"}} {
		found := weaknesses
		if kind.name == "control" {
			found = controls
		}
		wants := detectortest.Wants(t, dir, kind.prefix)
		for _, k := range uniq(wants) {
			detectortest.Check(t, kind.name+" "+k, only(found, k), only(wants, k))
		}
	}
}

func only(xs []string, k string) []string {
	var out []string
	for _, x := range xs {
		if x == k {
			out = append(out, x)
		}
	}
	return out
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func TestInString(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{`x = jwt.decode(t, verify=False)`, false},
		{"re := `verify=False`", true},
		{`msg = "use verify=False"`, true},
		{`a = "x" + verify(t)`, false},
		{`s = 'it\'s' ; verify`, false},
	} {
		i := strings.Index(tc.line, "verify")
		if got := inString(tc.line, i); got != tc.want {
			t.Errorf("inString(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestEnclosing(t *testing.T) {
	for _, tc := range []struct {
		text, match, want string
	}{
		{`app.use(cors({ origin: "*" })); app.use(cors({ credentials: true }))`, `origin`, `app.use(cors({ origin: "*" }`},
		{"res.cookie(\"sid\", v, {\n  httpOnly: false,\n});\nnext()", `httpOnly`, "res.cookie(\"sid\", v, {\n  httpOnly: false,\n}"},
		{`SESSION_COOKIE_SECURE = False`, `SESSION`, `SESSION`},
		{`x = f(a, b`, `b`, `x = f(a, b`},
	} {
		i := strings.Index(tc.text, tc.match)
		if got := enclosing(tc.text, i, i+len(tc.match)); got != tc.want {
			t.Errorf("enclosing(%q, %q) = %q, want %q", tc.text, tc.match, got, tc.want)
		}
	}
}

// FuzzEnclosing: any text and any span give a slice of the text that
// holds the span, without a panic.
func FuzzEnclosing(f *testing.F) {
	f.Add("cors({ origin: '*', credentials: true })", 8, 14)
	f.Add("))}{(([", 3, 4)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, text string, i, j int) {
		if i < 0 || j < i || j > len(text) {
			return
		}
		got := enclosing(text, i, j)
		if !strings.Contains(got, text[i:j]) {
			t.Errorf("enclosing(%q, %d, %d) = %q lost the span", text, i, j, got)
		}
	})
}

func TestAssignedFrom(t *testing.T) {
	sql := regexp.MustCompile(`(?i)^(` + builtSQL + `)`)
	req := regexp.MustCompile(valueFrom)
	for _, tc := range []struct {
		name, text string
		value      *regexp.Regexp
		want       bool
	}{
		{"f-string", "q = f\"SELECT * FROM t WHERE a = '{a}'\"\ndb.execute(q)", sql, true},
		{"go sprintf", "q := fmt.Sprintf(\"select * from t where a = %s\", a)\ndb.Query(q)", sql, true},
		{"template", "const q = `SELECT * FROM t WHERE a = ${a}`;\ndb.query(q)", sql, true},
		{"placeholder", "q = \"SELECT * FROM t WHERE a = %s\"\ndb.execute(q)", sql, false},
		{"nearest wins", "q = f\"SELECT {a}\"\nq = \"SELECT 1\"\ndb.execute(q)", sql, false},
		{"other name", "p = f\"SELECT {a}\"\ndb.execute(q)", sql, false},
		{"destructured", "const { url } = req.body;\nfetch(url)", req, true},
		{"lookup by key", "u = FEEDS.get(request.args['k'])\nrequests.get(u)", req, false},
		{"too far", "u = request.args['u']\n" + strings.Repeat("x = 1\n", hopLines+1) + "requests.get(u)", req, false},
	} {
		i := strings.LastIndex(tc.text, "\n") + 1
		name := regexp.MustCompile(`\((\w+)\)`).FindStringSubmatch(tc.text[i:])[1]
		if got := assignedFrom(tc.text, i, name, tc.value, nil); got != tc.want {
			t.Errorf("%s: assignedFrom = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCommentedOut: a pattern in a comment finds nothing, wherever the
// comment sits; the same code outside one is found.
func TestCommentedOut(t *testing.T) {
	tests := []struct {
		path, src string
		want      int // weaknesses and controls found
	}{
		{"app/a.py", "h = hashlib.md5(password)\n", 1},
		{"app/a.py", "# h = hashlib.md5(password)\n", 0},
		{"app/a.py", "x = 1  # hashlib.md5(password)\n", 0},
		{"app/a.py", "def f():\n    \"\"\"h = hashlib.md5(password)\"\"\"\n", 0},
		{"app/a.py", "def f():\n    '''\n    h = hashlib.md5(password)\n    '''\n", 0},
		{"app/a.py", "def f():\n    \"\"\"doc\"\"\"\n    h = hashlib.md5(password)\n", 1},
		{"app/a.py", "f(a,\n  *args)\nh = hashlib.md5(password)\n", 1},
		{"src/a.js", "const h = crypto.createHash('md5').update(password)\n", 1},
		{"src/a.js", "// const h = crypto.createHash('md5').update(password)\n", 0},
		{"src/a.js", "x() // crypto.createHash('md5').update(password)\n", 0},
		{"src/a.js", "/*\nconst h = crypto.createHash('md5').update(password)\n*/\n", 0},
		{"src/a.js", "app.get('/api/*', h)\nconst h = crypto.createHash('md5').update(password)\n", 1},
		{"src/a.ts", "/* old */\nconst h = crypto.createHash('md5').update(password)\n", 1},
	}
	for _, tt := range tests {
		out := detector.NewSink()
		if err := New().Detect(context.Background(), &detector.File{Path: tt.path, Data: []byte(tt.src)}, out); err != nil {
			t.Fatal(err)
		}
		res := out.Result()
		if got := len(res.Weaknesses) + len(res.Controls); got != tt.want {
			t.Errorf("%s %q: found %d, want %d (%v %v)", tt.path, tt.src, got, tt.want, res.Weaknesses, res.Controls)
		}
	}
}

func TestIsImport(t *testing.T) {
	for line, want := range map[string]bool{
		`from flask_limiter import Limiter`:                true,
		`import bcrypt`:                                    true,
		`const rateLimit = require("express-rate-limit");`: true,
		`	"golang.org/x/crypto/bcrypt"`:                    true,
		`app.use(rateLimit({ max: 5 }))`:                   false,
		`const hash = await bcrypt.hash(pw, 10)`:           false,
		`limiter = Limiter(get_remote_address, app=app)`:   false,
		`const { hash } = require("bcrypt"); hash(pw, 10)`: false,
	} {
		if got := isImport(line); got != want {
			t.Errorf("isImport(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestLoggedBucket(t *testing.T) {
	tf := `resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_logging" "uploads" {
  bucket        = aws_s3_bucket.uploads.id
  target_bucket = "logs"
}

resource "aws_s3_bucket_logging" "named" {
  bucket = "other-bucket"
}

resource "google_storage_bucket" "media" {
  name = "acme-media"
  logging {
    log_bucket = "logs"
  }
}
`
	for at, want := range map[string]string{
		`resource "aws_s3_bucket_logging" "uploads"`: "aws_s3_bucket.uploads (acme-uploads)",
		`resource "aws_s3_bucket_logging" "named"`:   "other-bucket",
		`logging {`: "google_storage_bucket.media (acme-media)",
	} {
		if got := loggedBucket(tf, strings.Index(tf, at)); got != want {
			t.Errorf("loggedBucket at %q = %q, want %q", at, got, want)
		}
	}
}

// FuzzDetect: any file, in any of the languages the patterns read, scans
// without a panic (hops, block comments and call spans included).
func FuzzDetect(f *testing.F) {
	f.Add("q = f\"SELECT {a}\"\ndb.execute(q)\n", "py")
	f.Add("/*\nconst { url } = req.body;\nfetch(url)", "js")
	f.Add("exec.Command(\"sh\", \"-c\", x)\n", "go")
	f.Add("resource \"aws_s3_bucket_logging\" \"x\" {\n", "tf")
	f.Add("yaml.load(", "py")
	d := New()
	f.Fuzz(func(t *testing.T, src, ext string) {
		if !allLangs[lang.Of("f."+ext)] {
			return
		}
		out := detector.NewSink()
		_ = d.Detect(context.Background(), &detector.File{Path: "app/f." + ext, Data: []byte(src)}, out)
	})
}

// TestEveryPatternHasKeywords: the keyword set decides which files a
// pattern reads; a pattern without keywords would run on every file.
func TestEveryPatternHasKeywords(t *testing.T) {
	for i, p := range Patterns {
		if len(p.Keywords) == 0 {
			t.Errorf("pattern %d (%s%s) has no keywords", i, p.Weakness, p.Control)
		}
	}
}
