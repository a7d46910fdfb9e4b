package exit

import (
	"context"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
)

func TestLiteralHost(t *testing.T) {
	tests := []struct {
		in, host string
		ok       bool
	}{
		{`"https://hooks.slack.com/services/T/B/X"`, "hooks.slack.com", true},
		{`f"https://api.segment.io/v1/{x}"`, "api.segment.io", true},
		{"`https://${region}.api.acme.io/v1`", "${region}.api.acme.io", true},
		{`'/api/local'`, "", true},
		{"`${process.env.API}/x`", "", false},
		{`WEBHOOK_URL`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			host, ok := literalHost(tt.in)
			if host != tt.host || ok != tt.ok {
				t.Errorf("literalHost(%s) = %q, %v; want %q, %v", tt.in, host, ok, tt.host, tt.ok)
			}
		})
	}
}

func TestIsLocalHost(t *testing.T) {
	for h, want := range map[string]bool{
		"localhost": true, "127.0.0.1": true, "api": true, "db.internal": true, "printer.local": true,
		"api.stripe.com": false, "hooks.slack.com": false,
	} {
		if got := code.LocalHost(h); got != want {
			t.Errorf("isLocalHost(%q) = %v, want %v", h, got, want)
		}
	}
}

// FuzzDetect checks that any file, in any language, is read without a
// panic and that evidence points at a line of the file.
func FuzzDetect(f *testing.F) {
	f.Add("a.py", []byte("return jsonify({'e': str(e)})\napp.run(debug=True)\nrequests.post(\n 'https://x.io', json={})\n"))
	f.Add("a.js", []byte("res.status(500).json({\n stack: err.stack })\nfetch('https://x.io', { body })\n"))
	f.Add("a.go", []byte("http.Error(w, err.Error(), 500)\nhttp.Post(\"https://x.io\", \"a\", b)\n"))
	f.Add("b.py", []byte("requests.post(  # c\n"))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		d := New()
		if !d.Match(path) {
			return
		}
		sink := detector.NewSink()
		if err := d.Detect(context.Background(), &detector.File{Path: path, Data: data}, sink); err != nil {
			t.Fatal(err)
		}
		lines := 1
		for _, b := range data {
			if b == '\n' {
				lines++
			}
		}
		for _, e := range sink.Result().Exits {
			for _, ev := range e.Evidence {
				if ev.Line < 1 || ev.Line > lines {
					t.Fatalf("exit %s at line %d of %d", e.Kind, ev.Line, lines)
				}
			}
		}
	})
}

func TestBlankStrings(t *testing.T) {
	in := `log.info("request.headers: %s", 'it\'s', x)`
	want := `log.info("` + strings.Repeat(" ", len("request.headers: %s")) + `", '` + strings.Repeat(" ", len(`it\'s`)) + `', x)`
	if got := blankStrings(in); got != want {
		t.Errorf("blankStrings(%q) = %q, want %q", in, got, want)
	}
}
