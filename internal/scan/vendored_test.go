package scan_test

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/scan"
)

// A library copied unminified into a static folder, under a name no
// path rule knows, is skipped by its content (a licence banner naming
// it, with a version); the app's own script beside it, which opens with
// the app's licence, is read.
func TestVendoredLibraryByContent(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"shop/static/js/slickgrid.js": "/*!\n * SlickGrid v2.4.1\n * (c) 2009-2019 Someone\n * MIT License\n */\n" +
			"function render(el, html) { el.innerHTML = html.value; }\n",
		"shop/static/js/orders.js": "/* Copyright 2024 Acme Inc. SPDX-License-Identifier: MIT */\n" +
			"async function show(el) { const r = await fetch('/api/orders'); const o = await r.json(); el.innerHTML = o.note; }\n",
	}
	writeTree(t, root, files)
	f, err := scan.Run(context.Background(), root, all.New(), scan.Options{})
	if err != nil {
		t.Fatalf("scan failed: %v", err)
	}
	seen := map[string]bool{}
	for _, w := range f.Weaknesses {
		for _, e := range w.Evidence {
			seen[e.File] = true
		}
	}
	if seen["shop/static/js/slickgrid.js"] {
		t.Errorf("the vendored library was read: %+v", f.Weaknesses)
	}
	if !seen["shop/static/js/orders.js"] {
		t.Errorf("the app's own script was skipped: %+v", f.Weaknesses)
	}
}
