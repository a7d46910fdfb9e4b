package noir

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

func show(r facts.Route) string {
	var ps []string
	for _, p := range r.Params {
		ps = append(ps, p.In+":"+p.Name)
	}
	return fmt.Sprintf("%s %s %s %s %s:%d %s [%s] %s", r.Kind, r.Method, r.Path, r.Framework, r.File, r.Line, r.Auth, strings.Join(ps, ","), r.Source)
}

func TestParse(t *testing.T) {
	abs, err := filepath.Abs("testdata/app/handlers/orders.go")
	if err != nil {
		t.Fatal(err)
	}
	absolute := `{"endpoints": [{"url": "/abs", "method": "GET", "details": {"code_paths": [{"path": "` + filepath.ToSlash(abs) + `", "line": 2}]}}]}`
	tests := []struct {
		name    string
		file    string
		data    string
		want    []string
		skipped int
	}{
		{
			name: "json", file: "testdata/endpoints.json",
			want: []string{
				// A full URL loses its host and query; :id and <int:id>
				// are one route, the first; Noir's guard is auth.
				"endpoint GET /api/orders/{order_id} go_echo handlers/orders.go:14 required [path:order_id,query:expand] noir",
				"endpoint POST /api/refunds go_echo handlers/refunds.go:0 unknown [] noir",
				"websocket SEND /message js_socketio :0 unknown [] noir",
			},
			skipped: 2, // the command line, and the endpoint with no URL
		},
		{
			name: "jsonl", file: "testdata/endpoints.jsonl",
			want: []string{
				"endpoint GET /health python_flask app.py:3 unknown [] noir",
				"endpoint DELETE /users/{user_id} python_flask app.py:9 unknown [path:user_id] noir",
			},
		},
		{
			name: "absolute code path inside the tree", data: absolute,
			want: []string{"endpoint GET /abs noir handlers/orders.go:2 unknown [] noir"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			if tt.file != "" {
				var err error
				if data, err = os.ReadFile(tt.file); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Parse("noir.json", data, "testdata/app")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res.Routes {
				got = append(got, show(r))
				if r.ID == "" || r.Tags == nil {
					t.Errorf("%s: id %q tags %v", r.Path, r.ID, r.Tags)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if res.Skipped != tt.skipped {
				t.Errorf("skipped %d, want %d", res.Skipped, tt.skipped)
			}
		})
	}
}

// Bad input is an error at file:line:col, never a panic.
func TestParseErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"syntax", "{\n  \"endpoints\": [\n    {\"url\": \"/a\",, }\n  ]\n}", "noir.json:3:18: invalid character ','"},
		{"type", "{\n  \"endpoints\": [\n    {\"url\": 7}\n  ]\n}", "noir.json:3:13: endpoints.url is a JSON number, want a string"},
		{"jsonl type", "{\"url\": \"/a\"}\n{\"url\": \"/b\", \"method\": [1]}\n", "noir.json:2:25: method is a JSON array, want a string"},
		{"truncated", "{\"endpoints\": [{\"url\": \"/a\"", "noir.json:1:27: unexpected end of JSON input"},
		{"not noir", "{\"name\": \"my-package\"}", "noir.json:1:1: no \"endpoints\" and no \"url\""},
		{"array", "[1, 2]", "noir.json:1:1: want an object"},
		{"empty", "  \n", "noir.json: empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("noir.json", []byte(tt.data), ".")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzParse: any bytes are routes or an error with a place, never a
// panic, and every route has a method and a path in threatmap's form.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/endpoints.json", "testdata/endpoints.jsonl"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"endpoints": [{"url": "http://[::1", "method": ""}]}`))
	f.Add([]byte(`{"url": "ws://x", "protocol": "ws"}` + "\n" + `{"url": "/a/:b/{c}", "tags": [{"name": "AUTH"}]}`))
	f.Add([]byte("{\"endpoints\": null}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse("f", data, ".")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f:") {
				t.Errorf("error without the file: %v", err)
			}
			return
		}
		for _, r := range res.Routes {
			if r.Method == "" || !strings.HasPrefix(r.Path, "/") || r.Source != Source {
				t.Errorf("route %+v", r)
			}
		}
	})
}
