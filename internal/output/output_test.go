package output

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/diff"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/report"
	"github.com/threatmap/threatmap/internal/threat"
)

// sample is a small result of every family: what each format renders in
// the tests below.
func sample(t *testing.T) *Result {
	t.Helper()
	m := &model.Model{Version: 1, Product: model.Product{Name: "Tiny"}}
	now := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	rep := &check.Report{Model: "threatmap.yaml", FailOn: check.Error, Failed: true, Findings: []check.Finding{
		{Kind: "drift", Level: check.Error, Message: "the code has a surface the model does not know: GET /x", Fix: "threatmap sync", File: "app.js", Line: 3, Fingerprint: "0123456789abcdef"},
	}}
	d := diff.Compare(m, m, nil)
	d.Base, d.Head = "main", "HEAD"
	return &Result{
		Page:  report.Build(m, now, report.Options{}),
		Check: rep,
		Diff:  d,
		Scan:  &facts.Facts{Version: 1, Root: "app"},
		Rules: threat.Info(),
	}
}

// Each family's formats, in the order --help and errors list them.
func TestNames(t *testing.T) {
	tests := map[Family]string{
		Report: "md,html,json,otm,tmbom",
		Check:  "human,md,json,sarif,github",
		Diff:   "md,json",
		Scan:   "json,table",
		Export: "otm,tmbom",
		Rules:  "table,md,json",
	}
	for f, want := range tests {
		if got := strings.Join(Names(f), ","); got != want {
			t.Errorf("Names(%s) = %s, want %s", f, got, want)
		}
		help := Help(f)
		for _, n := range Names(f) {
			if !strings.Contains(help, "\n  "+n+" ") {
				t.Errorf("Help(%s) does not list %s:\n%s", f, n, help)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		f          Family
		name, want string // want "" is an error
	}{
		{Report, "md", "md"},
		{Report, "Markdown", "md"},
		{Report, " json ", "json"},
		{Report, "sarif", ""},
		{Check, "sarif", "sarif"},
		{Check, "markdown", "md"},
		{Diff, "html", ""},
		{Scan, "table", "table"},
		{Scan, "md", ""},
		{Export, "TM-BOM", "tmbom"},
		{Export, "md", ""},
		{Report, "", ""},
	}
	for _, tt := range tests {
		ft, err := Lookup(tt.f, tt.name)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("Lookup(%s, %q) = %s, want an error", tt.f, tt.name, ft.Name)
		case tt.want == "" && !strings.Contains(err.Error(), "use "+strings.Join(Names(tt.f), ", ")):
			t.Errorf("Lookup(%s, %q): %v does not list the formats", tt.f, tt.name, err)
		case tt.want != "" && (err != nil || ft.Name != tt.want):
			t.Errorf("Lookup(%s, %q) = %v, %v; want %s", tt.f, tt.name, ft, err, tt.want)
		}
	}
}

func TestTargets(t *testing.T) {
	type target struct{ format, path string }
	tests := []struct {
		name     string
		f        Family
		format   string
		outs     []string
		terminal bool
		want     []target
		err      string
	}{
		{"no -o: standard output", Report, "md", nil, false, []target{{"md", "-"}}, ""},
		{"-o PATH keeps --format", Report, "html", []string{"page.html"}, false, []target{{"html", "page.html"}}, ""},
		{"-o -", Check, "json", []string{"-"}, false, []target{{"json", "-"}}, ""},
		{"several", Check, "human", []string{"-", "sarif=out/x.sarif", "md=sum.md"}, false,
			[]target{{"human", "-"}, {"sarif", "out/x.sarif"}, {"md", "sum.md"}}, ""},
		{"a format to standard output", Diff, "md", []string{"json=-"}, false, []target{{"json", "-"}}, ""},
		{"a path with '=' and a folder is a path", Report, "md", []string{"out/a=b.md"}, false, []target{{"md", "out/a=b.md"}}, ""},
		{"a path with '=' and a dot is a path", Report, "md", []string{"./md=x"}, false, []target{{"md", "./md=x"}}, ""},
		{"scan: a table on a terminal", Scan, "", nil, true, []target{{"table", "-"}}, ""},
		{"scan: JSON elsewhere", Scan, "", nil, false, []target{{"json", "-"}}, ""},
		{"scan: JSON to a file, even from a terminal", Scan, "", []string{"facts.json"}, true, []target{{"json", "facts.json"}}, ""},
		{"an unknown format", Check, "human", []string{"sarf=x.sarif"}, false, nil, `unknown format "sarf": use human, md, json, sarif, github`},
		{"a format the command does not write", Report, "md", []string{"sarif=x.sarif"}, false, nil, `unknown format "sarif": use md, html, json`},
		{"an unknown --format", Diff, "html", nil, false, nil, `unknown format "html": use md, json`},
		{"no file", Check, "human", []string{"sarif="}, false, nil, "names no file"},
		{"two to standard output", Check, "human", []string{"-", "json=-"}, false, nil, "only one output can go to standard output"},
		{"one file twice", Check, "human", []string{"a.txt", "json=a.txt"}, false, nil, "names a.txt twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, err := Targets(tt.f, tt.format, tt.outs, tt.terminal)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []target
			for _, x := range ts {
				got = append(got, target{x.Format.Name, x.Path})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("targets %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("target %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestOursKnowsEveryOutput: whatever threatmap writes with -o, a later run
// may replace; a file a person wrote, it never does.
func TestOursKnowsEveryOutput(t *testing.T) {
	r := sample(t)
	for _, failed := range []bool{true, false} {
		r.Check.Failed = failed
		if !failed {
			r.Check.Findings = nil
		}
		for i := range Formats {
			ft := &Formats[i]
			for f := range ft.Writers {
				for _, color := range []bool{false, true} {
					var b bytes.Buffer
					if err := ft.Write(&b, f, r, Options{Color: color, Version: "1.2.3"}); err != nil {
						t.Fatalf("%s %s: %v", f, ft.Name, err)
					}
					head := b.Bytes()[:min(b.Len(), headSize)]
					if !ft.Ours(head) {
						t.Errorf("%s %s (findings %v, colour %v): not recognised as threatmap's:\n%s", f, ft.Name, failed, color, head)
					}
				}
			}
		}
	}
	// Lookalikes: files a person might name by mistake.
	for _, text := range []string{
		"# Notes\n\nmy notes\n",
		"# Threat model: ours\n\nwritten by hand\n",
		"version: 1\nproduct: {name: Tiny}\n",
		"{\n  \"version\": 1,\n  \"name\": \"my-package\"\n}\n",
		"{\"model\": \"x\", \"findings\": []}\n",
		"<!DOCTYPE html>\n<html><head><title>Threat model: mine</title></head></html>\n",
		"{\n  \"version\": \"2.1.0\",\n  \"runs\": [{\"tool\": {\"driver\": {\"name\": \"other\"}}}]\n}\n",
		"ok this is true to the code\n",
		"Drift (3)\n",
		"::error::something\n",
		"threatmap scan results, by hand\n",
		"## Threat map changes, my summary\n",
		"# Threat rules\n\nOur own rules for reviews.\n",
		"[\n  {\n    \"id\": \"x\"\n  }\n]\n",
		// An OTM or TM-BOM file another tool (or a person) wrote.
		"{\n  \"otmVersion\": \"0.2.0\",\n  \"project\": {\"name\": \"drawn\", \"id\": \"drawn\"}\n}\n",
		"{\n  \"$schema\": \"https://github.com/OWASP/www-project-threat-model-library/blob/v1.0.2/threat-model.schema.json\",\n  \"version\": \"1\"\n}\n",
	} {
		if Ours([]byte(text)) {
			t.Errorf("a file a person wrote is taken for threatmap's:\n%s", text)
		}
	}
	if !Ours(nil) || !Ours([]byte("\n")) {
		t.Error("an empty file holds nothing to lose, and may be replaced")
	}
}

// TestWrite: several outputs from one result, in one run; a refused file
// stops the run before anything is written; an output that fails to
// render leaves every file as it was.
func TestWrite(t *testing.T) {
	r := sample(t)
	dir := t.TempDir()
	sarif, md := filepath.Join(dir, "check.sarif"), filepath.Join(dir, "check.md")
	ts, err := Targets(Check, "human", []string{"-", "sarif=" + sarif, "md=" + md}, false)
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if err := Write(&stdout, Check, ts, r, Options{Version: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout.String(), "The code has a surface the model does not know (1)") {
		t.Errorf("standard output:\n%s", stdout.String())
	}
	for path, want := range map[string]string{sarif: `"version": "1.2.3"`, md: "## threatmap check: failed"} {
		if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q (%v)", path, want, err)
		}
	}
	// Written again: threatmap's own files are replaced.
	if err := Write(&bytes.Buffer{}, Check, ts, r, Options{}); err != nil {
		t.Fatalf("rewriting threatmap's own files: %v", err)
	}

	// A file a person wrote, named second: nothing is written, not even the first.
	notes := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(notes, []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "fresh.json")
	ts, err = Targets(Check, "human", []string{"json=" + fresh, "md=" + notes}, false)
	if err != nil {
		t.Fatal(err)
	}
	err = Write(&bytes.Buffer{}, Check, ts, r, Options{})
	if err == nil || !strings.Contains(err.Error(), "threatmap did not write it") {
		t.Fatalf("error %v, want a refusal", err)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Error("the first output was written although the second was refused")
	}
	if data, _ := os.ReadFile(notes); string(data) != "my notes\n" {
		t.Errorf("notes changed to %q", data)
	}

	// An output that cannot render (a nil result): the files written so
	// far are not renamed over theirs, and no temporary file stays.
	before, _ := os.ReadFile(sarif)
	ts, err = Targets(Check, "human", []string{"sarif=" + sarif, "md=" + md}, false)
	if err != nil {
		t.Fatal(err)
	}
	broken := &Result{Check: r.Check}
	bad := *ts[1].Format
	bad.Writers = map[Family]Writer{Check: {Write: func(_ io.Writer, _ *Result, _ Options) error { return os.ErrInvalid }}}
	ts[1].Format = &bad
	if err := Write(&bytes.Buffer{}, Check, ts, broken, Options{Version: "9.9.9"}); err == nil {
		t.Fatal("a failed render is not an error")
	}
	if after, _ := os.ReadFile(sarif); !bytes.Equal(before, after) {
		t.Error("a file was replaced although another output failed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
