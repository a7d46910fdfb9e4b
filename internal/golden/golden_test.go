package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what Check reports.
type recorder struct {
	testing.TB
	errors, logs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recorder) Logf(format string, a ...any) { r.logs = append(r.logs, fmt.Sprintf(format, a...)) }
func (r *recorder) Name() string                 { return "TestX/sub" }

func TestCheck(t *testing.T) {
	tests := []struct {
		name     string
		update   string
		golden   *string // nil: no file
		got      string
		errs     []string // substrings of the one error, none when empty
		wantFile string   // the file afterwards
	}{
		{name: "same", golden: ptr("a\nb\n"), got: "a\nb\n", wantFile: "a\nb\n"},
		{name: "differs", golden: ptr("a\nb\nc\n"), got: "a\nB\nc\n",
			errs:     []string{"output differs from", "-b\n", "+B\n", Env + "=1 go test ./internal/golden -run '^TestX/sub$'"},
			wantFile: "a\nb\nc\n"},
		{name: "missing", got: "a\n", errs: []string{"does not exist", Env + "=1 go test"}},
		{name: "update rewrites", update: "1", golden: ptr("old\n"), got: "new\n", wantFile: "new\n"},
		{name: "update creates", update: "true", got: "new\n", wantFile: "new\n"},
		{name: "update same", update: "1", golden: ptr("x\n"), got: "x\n", wantFile: "x\n"},
		{name: "zero compares", update: "0", golden: ptr("old\n"), got: "new\n", errs: []string{"-old", "+new"}, wantFile: "old\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(Env, tt.update)
			path := filepath.Join(t.TempDir(), "sub", "out.golden")
			if tt.golden != nil {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(*tt.golden), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := &recorder{TB: t}
			Check(r, path, []byte(tt.got))
			if len(tt.errs) == 0 && len(r.errors) > 0 {
				t.Errorf("unexpected failure: %v", r.errors)
			}
			if len(tt.errs) > 0 {
				if len(r.errors) != 1 {
					t.Fatalf("want one failure, got %q", r.errors)
				}
				for _, s := range tt.errs {
					if !strings.Contains(r.errors[0], s) {
						t.Errorf("failure lacks %q:\n%s", s, r.errors[0])
					}
				}
			}
			data, err := os.ReadFile(path)
			if tt.wantFile == "" {
				if err == nil {
					t.Errorf("file written without the update switch: %q", data)
				}
				return
			}
			if string(data) != tt.wantFile {
				t.Errorf("file holds %q, want %q", data, tt.wantFile)
			}
			// A rewrite is logged; an unchanged file is left alone.
			updating := tt.update == "1" || tt.update == "true"
			if wantLog := updating && (tt.golden == nil || *tt.golden != tt.got); (len(r.logs) > 0) != wantLog {
				t.Errorf("logs %q, want a log: %v", r.logs, wantLog)
			}
		})
	}
}

func ptr(s string) *string { return &s }
