package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/threatmap/threatmap/internal/browsertest"
	"github.com/threatmap/threatmap/internal/model"
)

// TestServeInBrowser opens the review page in headless Chromium as a person
// would (the printed URL), opens a threat, sends the accept form once with
// a date the command refuses (shown on the page, nothing written) and once
// right, and checks threatmap.yaml changed with every comment kept and
// THREATMAP.md rendered again.
func TestServeInBrowser(t *testing.T) {
	ctx, browser := browsertest.New(t, 90*time.Second)
	f := startServe(t)
	pageBefore := readFile(t, f.page)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(f.url),
		chromedp.WaitVisible(chromedp.CSS("#open-chat-drain")),
	); err != nil {
		t.Fatalf("open %s in %s: %v", f.url, browser, err)
	}
	str := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	// The token left the address bar for a cookie no script can read.
	if loc := str("location.href"); strings.Contains(loc, "token") {
		t.Errorf("the token is still in the address bar: %s", loc)
	}
	if c := str("document.cookie"); c != "" {
		t.Errorf("a script can read the cookie: %q", c)
	}
	if bg := str(`getComputedStyle(document.querySelector("button")).backgroundColor`); bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("the stylesheet did not load (button background %q)", bg)
	}

	fill := func(date string) []chromedp.Action[chromedp.Void] {
		return []chromedp.Action[chromedp.Void]{
			chromedp.SetValue(chromedp.CSS(`#accept-form input[name="by"]`), "Mia"),
			chromedp.SetValue(chromedp.CSS(`#accept-form textarea[name="why"]`), "Beta with ten invited users"),
			chromedp.SetValue(chromedp.CSS(`#accept-form input[name="revisit"]`), date),
			chromedp.Click(chromedp.CSS(`#accept-form button`)),
		}
	}
	steps := append([]chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.CSS("#open-chat-drain")),
		chromedp.WaitVisible(chromedp.CSS("#accept-form")),
	}, fill("2026-01-01")...)
	steps = append(steps, chromedp.WaitVisible(chromedp.CSS("#error")))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("accept with a past date: %v", err)
	}
	if msg := str(`document.querySelector("#error").textContent`); !strings.Contains(msg, "not in the future") {
		t.Errorf("the page says %q, want why the date was refused", msg)
	}
	if by := str(`document.querySelector('#accept-form input[name="by"]').value`); by != "Mia" {
		t.Errorf("what was typed is gone: by = %q", by)
	}
	if got := readFile(t, f.model); string(got) != serveModel {
		t.Fatalf("a refused form changed the model:\n%s", got)
	}

	steps = append(fill("2026-12-01"), chromedp.WaitVisible(chromedp.CSS("#flash")))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("accept: %v", err)
	}
	if msg := str(`document.querySelector("#flash").textContent`); !strings.Contains(msg, "accepted chat-drain (by Mia, revisit by 2026-12-01)") {
		t.Errorf("the page says %q", msg)
	}
	if st := str(`document.querySelector("#status").textContent`); st != "accepted until 2026-12-01" {
		t.Errorf("status on the page: %q", st)
	}
	if n := str(`String(document.querySelectorAll("script").length)`); n != "0" {
		t.Errorf("the page has %s scripts", n)
	}

	// The one page, as the report renders it: its inline style is let
	// through by hash (the body is laid out by it), and it runs no script.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href="/"]`)),
		chromedp.WaitVisible(chromedp.CSS("#one-page")),
		chromedp.Click(chromedp.CSS("#one-page")),
		chromedp.WaitVisible(chromedp.CSS("svg.matrix")),
	); err != nil {
		t.Fatalf("open the one page: %v", err)
	}
	if w := str(`getComputedStyle(document.body).maxWidth`); w != "1152px" {
		t.Errorf("the one page's style was not applied (body max-width %q): its hash is not in the policy", w)
	}
	if h := str(`document.querySelector("h1").textContent`); h != "Threat model: Tiny chat" {
		t.Errorf("the one page's title: %q", h)
	}

	after := readFile(t, f.model)
	commentsKept(t, after)
	for _, want := range []string{"    response: accept   # was: mitigate\n", "      by: Mia\n", "      revisit: 2026-12-01\n"} {
		if !strings.Contains(string(after), want) {
			t.Errorf("threatmap.yaml lacks %q:\n%s", want, after)
		}
	}
	doc, err := model.Parse(f.model, after)
	if err != nil {
		t.Fatal(err)
	}
	page := readFile(t, f.page)
	if bytes.Equal(page, pageBefore) || !pageCurrent(page, doc.Model) {
		t.Errorf("THREATMAP.md was not rendered again from the new model")
	}
}
