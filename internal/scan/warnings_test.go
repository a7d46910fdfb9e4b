package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/scan"
)

// A malformed file, an unreadable file and a symlink loop each cost a
// warning; the scan goes on and finds the rest.
func TestBadFilesAreWarnings(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"app/main.py":    "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/ok')\ndef ok():\n    return {}\n",
		"app/broken.py":  "from fastapi import FastAPI\napp = FastAPI(\n@app.get('/x'\ndef (((\n",
		"web/broken.js":  "const express = require('express'); const app = express(); app.get('/y', (req, res) => {",
		"cmd/broken.go":  "package main\nimport \"net/http\"\nfunc main() {\n\thttp.HandleFunc(\"/z\", h\n",
		"infra/main.tf":  "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n",
		"package.json":   "{ not json",
		"pyproject.toml": "[project\nname = ",
	}
	writeTree(t, root, files)
	if err := os.Symlink(filepath.Join(root, "loop"), filepath.Join(root, "loop")); err != nil {
		t.Fatal(err)
	}
	unreadable := filepath.Join(root, "app", "secret.py")
	if err := os.WriteFile(unreadable, []byte("x = 1\n"), 0); err != nil {
		t.Fatal(err)
	}

	f, err := scan.Run(context.Background(), root, all.New(), scan.Options{})
	if err != nil {
		t.Fatalf("scan failed: %v", err)
	}
	found := false
	for _, r := range f.Surfaces {
		if r.Path == "/ok" {
			found = true
		}
	}
	if !found {
		t.Errorf("the good route was lost among bad files: %+v", f.Surfaces)
	}
	warned := map[string]bool{}
	for _, w := range f.Warnings {
		warned[w.File] = true
	}
	for _, p := range []string{"loop", "app/broken.py", "cmd/broken.go"} {
		if !warned[p] {
			t.Errorf("no warning for %s; warnings: %+v", p, f.Warnings)
		}
	}
	if os.Geteuid() != 0 && !warned["app/secret.py"] {
		t.Errorf("no warning for the unreadable file; warnings: %+v", f.Warnings)
	}
	for _, w := range f.Warnings {
		if strings.Contains(w.Message, root) {
			t.Errorf("warning leaks a machine path: %q", w.Message)
		}
	}
}

// writeTree writes files (path relative to root, content) under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
