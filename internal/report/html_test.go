package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/threatmap/threatmap/internal/browsertest"
)

var screenshot = flag.String("screenshot", "", "also save a PNG of the rendered HTML page to this file")

// TestHTMLRendersInBrowser opens the golden page in headless Chromium from
// a file:// URL and checks that the sections and the matrix render.
func TestHTMLRendersInBrowser(t *testing.T) {
	ctx, browser := browsertest.New(t, 60*time.Second)
	dir := t.TempDir()
	page := filepath.Join(dir, "threatmap.html")
	out := render(t, formats[1], Build(loadGolden(t), now, Options{Top: goldenTop}))
	if err := os.WriteFile(page, out, 0o644); err != nil {
		t.Fatal(err)
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate("file://"+filepath.ToSlash(page)),
		chromedp.WaitVisible(chromedp.CSS("svg.matrix")),
	); err != nil {
		t.Fatalf("open the page in %s: %v", browser, err)
	}
	eval := func(expr string, out any) {
		t.Helper()
		var err error
		switch v := out.(type) {
		case *[]string:
			*v, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](expr))
		case *float64:
			*v, err = chromedp.Run(ctx, chromedp.Evaluate[float64](expr))
		}
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
	}
	var headings []string
	var svgCount, svgW, svgH, cells, scripts float64
	eval(`Array.from(document.querySelectorAll("h2")).map(h => h.textContent.trim())`, &headings)
	eval(`document.querySelectorAll("svg").length`, &svgCount)
	eval(`document.querySelector("svg.matrix").getBoundingClientRect().width`, &svgW)
	eval(`document.querySelector("svg.matrix").getBoundingClientRect().height`, &svgH)
	eval(`document.querySelectorAll("svg.matrix rect").length`, &cells)
	eval(`document.querySelectorAll("script").length`, &scripts)
	if *screenshot != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	want := []string{HeadingAssets, HeadingExposed, HeadingFirst, HeadingOutside, HeadingDecisions, HeadingFlow, HeadingUpkeep, HeadingAll}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings in the browser:\n got %q\nwant %q", headings, want)
	}
	if svgCount != 1 || svgW <= 0 || svgH <= 0 {
		t.Errorf("matrix svg: %g svg elements, %gx%g; want 1 with a size", svgCount, svgW, svgH)
	}
	if cells != 12 {
		t.Errorf("matrix has %g cells, want 3 difficulties × 4 impacts", cells)
	}
	if scripts != 0 {
		t.Errorf("page runs %g scripts; the difficulty reason's <script> must arrive escaped", scripts)
	}
}

// TestHTMLSelfContained checks, without a browser, that the page loads
// nothing from anywhere and escapes model text.
func TestHTMLSelfContained(t *testing.T) {
	out := render(t, formats[1], Build(loadGolden(t), now, Options{Top: goldenTop}))
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" || n.Data == "link" || n.Data == "iframe" || n.Data == "img" {
				t.Errorf("page has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, banned := range []string{"@import", "url(", "http://", "https://"} {
		if bytes.Contains(out, []byte(banned)) && !(banned == "http://" && bytes.Count(out, []byte(banned)) == bytes.Count(out, []byte(`xmlns="http://www.w3.org/2000/svg"`))) {
			t.Errorf("page contains %q", banned)
		}
	}
	if !bytes.Contains(out, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("the difficulty reason's <script> is not escaped")
	}
	if !bytes.Contains(out, []byte("@media print")) {
		t.Error("page has no print styles")
	}
}
