package thirdparty

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
)

// An HTML file in a subfolder of a static-assets folder (public/logos/,
// static/img/) is served, but is a page of the product only when
// something leads to it: a page, a route, a manifest or code naming the
// file. One nothing names (a design preview left beside the logos) is an
// asset, and what it loads is no one's integration. Such files are held
// back until Finish and read then only when another file names them.

// assetPage reports whether p is an HTML file below a subfolder of a
// public, static or assets folder (the folder's own index.html, the
// app's page, is not).
func assetPage(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	if ext != ".html" && ext != ".htm" || strings.EqualFold(path.Base(p), "index.html") {
		return false
	}
	segs := strings.Split(strings.ToLower(p), "/")
	for i, s := range segs {
		if (s == "public" || s == "static" || s == "assets") && i < len(segs)-2 {
			return true
		}
	}
	return false
}

// htmlNameRE is a file name ending .html or .htm, as another file names
// it (href="/logos/preview.html", res.sendFile("preview.html")).
var htmlNameRE = regexp.MustCompile(`[A-Za-z0-9_.-]+\.html?\b`)

// noteHTMLNames records the HTML file names f mentions.
func (d *Detector) noteHTMLNames(f *detector.File) {
	if !strings.Contains(string(f.Data), ".htm") {
		return
	}
	names := htmlNameRE.FindAll(f.Data, -1)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.htmlNamed == nil {
		d.htmlNamed = map[string][]string{}
	}
	for _, n := range names {
		k := strings.ToLower(string(n))
		if ps := d.htmlNamed[k]; len(ps) < 2 && (len(ps) == 0 || ps[0] != f.Path) {
			d.htmlNamed[k] = append(ps, f.Path)
		}
	}
}

// holdAssetPage keeps an asset page for Finish; false when f is none.
func (d *Detector) holdAssetPage(f *detector.File) bool {
	if !assetPage(f.Path) {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.replaying {
		return false
	}
	d.assetPages = append(d.assetPages, &detector.File{Path: f.Path, Data: bytes.Clone(f.Data)})
	return true
}

// readNamedAssetPages reads the held asset pages another file names.
func (d *Detector) readNamedAssetPages(ctx context.Context) error {
	d.mu.Lock()
	pages := d.assetPages
	d.assetPages = nil
	d.replaying = true
	d.mu.Unlock()
	for _, f := range pages {
		d.mu.Lock()
		named := false
		for _, p := range d.htmlNamed[strings.ToLower(path.Base(f.Path))] {
			named = named || p != f.Path
		}
		d.mu.Unlock()
		if named {
			if err := d.Detect(ctx, f, nil); err != nil {
				return err
			}
		}
	}
	return nil
}
