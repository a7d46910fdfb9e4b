package php

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

func scan(t *testing.T, app string) facts.Facts {
	t.Helper()
	return detectortest.Scan(t, filepath.Join("testdata", app), New())
}

// TestFixtures scores each fixture app's routes against its inline wants.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"laravel", "laravel_legacy", "symfony", "laravel_objects", "symfony_annotations", "symfony_attributes", "laravel_forms", "laravel_helpers", "lumen", "plain", "docroot", "slim", "slim3"} {
		t.Run(app, func(t *testing.T) {
			f := scan(t, app)
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path)
			}
			detectortest.Check(t, app, got, detectortest.Wants(t, filepath.Join("testdata", app), ""))
			for _, w := range f.Warnings {
				t.Logf("warning: %s: %s", w.File, w.Message)
			}
		})
	}
}

// TestHelperRole pins the role a guard demands through a helper of the
// class's own (self::isAdmin() comparing the session's role), and the
// owner-or-admin test that demands no role.
func TestHelperRole(t *testing.T) {
	f := scan(t, "lumen")
	checkRoles(t, f, map[string]string{"POST /admin/purge": "admin", "POST /notes/rename": "", "GET /dashboard": ""})
}

// checkRoles wants each route ("METHOD /path") guarded, demanding the role
// given ("" for none).
func checkRoles(t *testing.T, f facts.Facts, want map[string]string) {
	t.Helper()
	for _, r := range f.Surfaces {
		k := r.Method + " " + r.Path
		if w, ok := want[k]; ok {
			if r.Auth != facts.AuthRequired || r.AuthRole != w {
				t.Errorf("%s: auth %s role %q, want required role %q (%s)", k, r.Auth, r.AuthRole, w, r.AuthEvidence)
			}
			delete(want, k)
		}
	}
	for k := range want {
		t.Errorf("%s: no such route", k)
	}
}

// TestSecretKey: a path value the handler (or a helper it hands it to)
// compares with a field of the record is the record's secret: a token
// gate, and the other parameters a capability; a value compared with a
// literal is neither.
func TestSecretKey(t *testing.T) {
	f := scan(t, "lumen")
	got := map[string]bool{}
	for _, s := range f.Signals {
		if s.Kind == facts.SignalTokenGate || s.Kind == facts.SignalCapability {
			mp := strings.Fields(s.Route) // METHOD PATH file:line
			got[mp[0]+" "+mp[1]+" "+s.Kind+" "+s.Detail] = true
		}
	}
	for _, w := range []string{
		"POST /reset/{email}/{code} token-gate code", "POST /reset/{email}/{code} capability-key email",
		"GET /shared/{note}/{secret} token-gate secret", "GET /shared/{note}/{secret} capability-key note",
	} {
		if !got[w] {
			t.Errorf("no %s; got %v", w, got)
		}
		delete(got, w)
	}
	for k := range got {
		t.Errorf("unexpected %s", k)
	}
}

// TestCallerOwn: a handler whose every lookup is keyed by the signed-in
// caller reads only their records; one that reads every record, or the
// records the request names, does not.
func TestCallerOwn(t *testing.T) {
	f := scan(t, "lumen")
	got := map[string]bool{}
	for _, s := range f.Signals {
		if s.Kind == facts.SignalCallerOwn {
			mp := strings.Fields(s.Route)
			got[mp[0]+" "+mp[1]] = true
		}
	}
	if len(got) != 1 || !got["GET /admin/panel"] {
		t.Errorf("caller-own on %v, want GET /admin/panel only", got)
	}
}

// TestAuth pins each route's auth and where it comes from: the middleware
// by what its class does, the controller's constructor, the handler's
// own authorization; and the lookalikes that guard nothing.
func TestAuth(t *testing.T) {
	type want struct {
		app, method, path string
		auth              string
		evidence          string // a substring of the evidence
		handler, file     string
	}
	tests := []want{
		{"laravel", "GET", "/", "none", "", "closure", "routes/web.php"},
		// Lumen: a route's own middleware in its action array, a group's
		// middleware, and abort (401) written with a space.
		{"lumen", "GET", "/", "none", "", "PageController.home", "app/Http/Controllers/PageController.php"},
		{"lumen", "POST", "/notes", "required", "Authenticate", "NoteController.store", ""},
		{"lumen", "GET", "/api/notes/{id}", "required", "Authenticate", "NoteController.show", ""},
		{"lumen", "GET", "/export", "required", "ensureMember", "NoteController.export", ""},
		{"lumen", "GET", "/v2/status", "none", "", "closure", "routes/web.php"},
		// A test through a helper of the class's own that reads the
		// session turns the caller away; one that reads a setting does
		// not.
		{"lumen", "GET", "/dashboard", "required", "redirects a caller who fails its test", "DashboardController.show", ""},
		{"lumen", "GET", "/beta", "none", "", "DashboardController.beta", ""},
		// A sign-in test joined to a setting by and turns callers away
		// only when the setting is on: open, the setting named.
		{"lumen", "POST", "/share", "none", "open unless SHARE_NEEDS_LOGIN is set", "DashboardController.share", ""},
		{"laravel", "GET", "/pricing", "none", "", "closure", "routes/web.php"}, // only the web group
		{"laravel", "GET", "/account", "required", "Authenticate", "AccountController.show", "app/Http/Controllers/AccountController.php"},
		{"laravel", "PUT", "/account/password", "required", "Authenticate", "AccountController.updatePassword", ""},
		{"laravel", "GET", "/profile/{user}", "none", "", "AccountController.publicProfile", ""},                   // excepted from the constructor's auth
		{"laravel", "DELETE", "/account", "required", "AccountController.php:12", "AccountController.destroy", ""}, // the constructor's auth
		{"laravel", "GET", "/reports/{report}", "none", "", "ShowReport", "app/Http/Controllers/ShowReport.php"},
		{"laravel", "GET", "/contact", "none", "", "ContactController.handle", ""}, // authorize only in a string
		{"laravel", "POST", "/login", "none", "", "SessionController.store", ""},
		{"laravel", "POST", "/logout", "required", "Authenticate", "SessionController.destroy", ""},
		{"laravel", "GET", "/api/v1/posts", "none", "", "PostController.index", ""},
		{"laravel", "PUT", "/api/v1/posts/{post}", "required", "authorize", "PostController.update", ""},
		{"laravel", "DELETE", "/api/v1/posts/{post}", "none", "", "PostController.destroy", ""}, // authorize commented out
		{"laravel", "GET", "/api/v1/admin/users", "required", "Authenticate", "UserController.index", "app/Http/Controllers/Admin/UserController.php"},
		{"laravel", "GET", "/api/v1/status", "none", "", "closure", ""},                 // throttle
		{"laravel", "GET", "/api/v1/feed", "none", "", "PostController.feed", ""},       // CORS
		{"laravel", "GET", "/api/v1/notes/{id}", "none", "", "PostController.note", ""}, // headers
		{"laravel", "POST", "/api/v1/drafts/{id}/publish", "required", "abort_unless", "PostController.publish", ""},
		{"laravel", "POST", "/api/v1/flags/{id}", "required", "Authorize", "PostController.flag", ""},
		// Aliases the app defines, judged by their class's handle():
		// abort_unless/abort_if with a Response constant refuse; a
		// logger that reads the status refuses no one.
		{"laravel", "POST", "/api/v1/storage/events", "required", "aborts 401", "closure", ""},
		{"laravel", "GET", "/api/v1/stream/{id}", "required", "aborts 403", "closure", ""},
		{"laravel", "DELETE", "/api/v1/drafts/{id}", "none", "", "closure", ""},
		// Form requests: authorize() testing the caller guards the action
		// that type-hints it; returning true, or a class Laravel never
		// resolves as a form request, guards nothing.
		{"laravel_forms", "PUT", "/api/albums/{album}", "required", "form request UpdateAlbum::authorize() (defined app/Http/Requests/UpdateAlbum.php:8", "AlbumController.update", ""},
		{"laravel_forms", "DELETE", "/api/albums/{album}", "required", "form request DeleteAlbum::authorize()", "AlbumController.destroy", ""},
		{"laravel_forms", "POST", "/api/albums/{album}/photos", "required", "form request AddPhoto::authorize()", "AlbumController.addPhoto", ""},
		{"laravel_forms", "POST", "/api/albums", "none", "", "AlbumController.store", ""},
		{"laravel_forms", "GET", "/api/albums/{album}", "none", "", "AlbumController.show", ""},
		// A helper is the class's own ($this->ensureEditor()) or the
		// named class's (Gatekeeper::check()), though another class has
		// a method of the same name that rejects no one (or does).
		{"laravel_helpers", "PUT", "/api/reports/{id}", "required", "ReportController.php", "ReportController.update", ""},
		{"laravel_helpers", "PUT", "/api/notes/{id}", "none", "", "NoteController.update", ""},
		{"laravel_helpers", "POST", "/api/audits", "required", "Gatekeeper.php", "AuditController.store", ""},
		{"laravel_helpers", "POST", "/api/audits/draft", "none", "", "AuditController.draft", ""},
		{"laravel_legacy", "GET", "/", "none", "", "HomeController.index", "app/Http/Controllers/HomeController.php"},
		{"laravel_legacy", "GET", "/billing/invoices/{invoice}", "required", "Authenticate extends Laravel's Authenticate", "BillingController.invoice", ""},
		{"laravel_legacy", "GET", "/invoices/{invoice}/pdf", "none", "", "BillingController.pdf", ""},
		{"laravel_legacy", "POST", "/rest/orders", "required", "token (defined app/Http/Middleware/CheckApiToken.php:9", "OrderController.store", "app/Http/Controllers/Api/OrderController.php"},
		{"laravel_legacy", "GET", "/rest/ping", "none", "", "OrderController.ping", ""},
		{"laravel_legacy", "GET", "/status", "unknown", "", "HomeController.index", ""}, // mounted by code the tree does not show
		{"laravel_legacy", "POST", "/status/notes", "required", "Authenticate", "HomeController.index", ""},
		// A constructor's middleware with except/only: an alias whose
		// class answers 401 through its own helper guards the others;
		// its optional form, given to the reads, lets a guest through;
		// one that only sets the locale guards nothing.
		{"laravel_legacy", "GET", "/rest/tickets", "none", "", "TicketController.index", "app/Http/Controllers/Api/TicketController.php"},
		{"laravel_legacy", "GET", "/rest/tickets/{ticket}", "none", "", "TicketController.show", ""},
		{"laravel_legacy", "POST", "/rest/tickets", "required", "auth.jwt", "TicketController.store", ""},
		{"laravel_legacy", "DELETE", "/rest/tickets/{ticket}", "required", "auth.jwt", "TicketController.destroy", ""},
		{"laravel_legacy", "GET", "/rest/glossary", "none", "", "GlossaryController.index", ""},
		{"laravel_legacy", "POST", "/rest/glossary", "none", "", "GlossaryController.suggest", ""},
		// Slim: middleware from ->add() on a group, a route or the app,
		// judged by its process() or __invoke() (or a closure's code): a
		// redirect to login on a failed session test and a 401 without a
		// valid bearer token guard; a CORS check's 403, a maintenance 503
		// and a session start guard nothing.
		{"slim", "GET", "/account", "required", "RequireLogin (defined src/Middleware/RequireLogin.php:12", "NoteController.mine", "src/Controller/NoteController.php"},
		{"slim", "GET", "/account/admin/stats", "required", "RequireLogin", "NoteController.stats", ""},
		{"slim", "DELETE", "/account/notes/{id}", "required", "RequireLogin", "DeleteNoteAction", "src/Action/DeleteNoteAction.php"},
		{"slim", "GET", "/api/notes", "required", "RequireToken", "NoteController.index", ""},
		{"slim", "PATCH", "/flags/{id}", "required", "closure middleware", "NoteController.flag", ""},
		{"slim", "ANY", "/ping", "none", "", "NoteController.ping", ""},
		// Own helpers are followed through one the lookup finds by its
		// name alone to one whose name other classes share.
		{"slim", "GET", "/v2/notes", "required", "ApiKeyGate", "NoteController.index", ""},
		{"slim", "GET", "/v2/status", "none", "", "NoteController.ping", ""},
		{"slim", "GET", "/notes/{id}", "none", "", "NoteController.show", ""},
		{"slim", "GET", "/", "none", "", "closure", "app/routes.php"},
		{"slim3", "GET", "/panel/entries", "required", "PanelGuard", "EntryController.index", "src/Controllers/EntryController.php"},
		{"slim3", "PUT", "/panel/settings", "required", "PanelGuard", "EntryController.settings", ""},
		{"slim3", "GET", "/feed/atom", "none", "", "PageController.atom", ""},
		{"slim3", "GET", "/login", "none", "", "PageController.login", ""},
		// A rejection under a test joined by and to a setting applies
		// only while the setting is on; a setting tested on its own
		// leaves the session test's rejection standing.
		{"slim3", "GET", "/gallery/photos", "none", "", "PageController.photos", ""},
		{"slim3", "POST", "/uploads", "required", "UploadGuard", "PageController.upload", ""},
		{"symfony", "GET", "/blog/{id}", "unknown", "", "BlogController.show", "src/Controller/BlogController.php"},
		{"symfony", "POST", "/blog/{id}/edit", "required", "IsGranted(ROLE_ADMIN)", "BlogController.edit", ""},
		{"symfony", "POST", "/blog/{id}/delete", "required", "denyAccessUnlessGranted", "BlogController.delete", ""},
		// Doc-block annotations on an invokable class and on methods
		// under a class prefix; security.yaml's access_control.
		{"symfony_annotations", "PUT", "/shop/orders/{number}", "required", "Security(is_granted('ROLE_CUSTOMER')", "EditOrderController.__invoke", "src/Controller/Shop/EditOrderController.php"},
		{"symfony_annotations", "GET", "/shop/orders/{number}", "none", "", "ShowOrderController.__invoke", ""}, // or PUBLIC_ACCESS
		{"symfony_annotations", "GET", "/catalog/items", "none", "", "CatalogController.items", ""},             // the ips-only rule
		{"symfony_annotations", "POST", "/catalog/items", "required", "IsGranted(ROLE_EDITOR)", "CatalogController.create", ""},
		{"symfony_annotations", "GET", "/catalog/account/wishlist", "required", "access_control(^/catalog/account)", "CatalogController.wishlist", ""},
		{"symfony_annotations", "GET", "/admin/reports", "required", "access_control(^/admin)", "ReportController.index", ""},
		{"symfony_annotations", "GET", "/admin/status", "none", "", "ReportController.status", ""}, // the first rule that matches grants PUBLIC_ACCESS
		// PHP 8 attributes: a class's #[IsGranted] guards each action, a
		// class constant read for its value; attributes grouped in one
		// #[...]; a guard on another class, in a comment or a string, or
		// on a method with no route guards nothing.
		{"symfony_attributes", "GET", "/staff/invoices", "required", "IsGranted(ROLE_MANAGER)", "InvoiceController.index", "src/Controller/Staff/InvoiceController.php"},
		{"symfony_attributes", "GET", "/staff/invoices/{id}", "required", "IsGranted(ROLE_MANAGER)", "InvoiceController.show", ""},
		{"symfony_attributes", "GET", "/staff/help/faq", "unknown", "", "HelpController.faq", ""},
		{"symfony_attributes", "POST", "/account/settings", "required", "IsGranted(ROLE_MEMBER)", "AccountController.settings", ""},
		{"symfony_attributes", "GET", "/account/export", "required", "IsGranted(ROLE_MEMBER)", "AccountController.export", ""},
		{"symfony_attributes", "GET", "/news/latest", "unknown", "", "NewsController.latest", ""},
		{"symfony_attributes", "GET", "/news/drafts", "required", "IsGranted(EDITOR)", "NewsController.drafts", ""},
		{"symfony_attributes", "GET", "/news/archive", "unknown", "", "NewsController.archive", ""},
	}
	cache := map[string]facts.Facts{}
	for _, tt := range tests {
		t.Run(tt.app+" "+tt.method+" "+tt.path, func(t *testing.T) {
			f, ok := cache[tt.app]
			if !ok {
				f = scan(t, tt.app)
				cache[tt.app] = f
			}
			for _, r := range f.Surfaces {
				if r.Method != tt.method || r.Path != tt.path {
					continue
				}
				if r.Auth != tt.auth || !strings.Contains(r.AuthEvidence, tt.evidence) {
					t.Errorf("auth %s (%s), want %s (%s)", r.Auth, r.AuthEvidence, tt.auth, tt.evidence)
				}
				if r.Handler != tt.handler {
					t.Errorf("handler %q, want %q", r.Handler, tt.handler)
				}
				if tt.file != "" && r.File != tt.file {
					t.Errorf("file %s, want %s", r.File, tt.file)
				}
				return
			}
			t.Errorf("no route")
		})
	}
}

// TestObjectChecks: a handler that hands the path's record to an
// authorization decision refusing when it fails (a policy asked about
// it, the record compared with the caller, a base controller's check
// that throws an authorization error) checks its owner; a policy asked
// about the class, a check of the record's own state or a log does not.
func TestObjectChecks(t *testing.T) {
	got := ownerChecks(scan(t, "laravel_objects"))
	want := map[string]string{
		"DELETE /api/teams/{team}/tags/{tag}": "app/Http/Controllers/Controller.php:10",
		"GET /api/teams/{team}/tags":          "app/Http/Controllers/Controller.php:19",
		"PUT /api/notes/{note}":               "app/Http/Controllers/NoteController.php:9",
		"DELETE /api/notes/{note}":            "app/Http/Controllers/NoteController.php:15",
		"GET /api/profiles/{profile}":         "app/Http/Controllers/NoteController.php:39",
		"GET /api/presets/{id}":               "app/Http/Controllers/PresetController.php:18",
		"PUT /api/presets/{id}":               "app/Http/Controllers/PresetController.php:26",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: owner check at %q, want %q", k, got[k], v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: owner check at %s, want none", k, v)
		}
	}
}

// TestFormRequestOwnerChecks: a form request's authorize() comparing the
// route's record with the caller, or asking a policy about it, checks
// its owner; one that tests only the caller, or returns true, does not.
func TestFormRequestOwnerChecks(t *testing.T) {
	got := ownerChecks(scan(t, "laravel_forms"))
	want := map[string]string{
		"PUT /api/albums/{album}":    "app/Http/Requests/UpdateAlbum.php:12",
		"DELETE /api/albums/{album}": "app/Http/Requests/DeleteAlbum.php:12",
	}
	if len(got) != len(want) {
		t.Errorf("owner checks %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: owner check at %q, want %q", k, got[k], v)
		}
	}
}

// ownerChecks maps each route's "METHOD path" to where its owner check is.
func ownerChecks(f facts.Facts) map[string]string {
	got := map[string]string{}
	for _, s := range f.Signals {
		if s.Kind == facts.SignalOwnership {
			method, rest, _ := strings.Cut(s.Route, " ")
			path, _, _ := strings.Cut(rest, " ")
			got[method+" "+path] = s.Evidence.File + ":" + strconv.Itoa(s.Evidence.Line)
		}
	}
	return got
}

// TestSymfonyObjectChecks: a voter asked about the record the path
// resolves to (@Security("... is_granted('OWNER', order)")) checks its
// owner; a disjunction any caller passes does not.
func TestSymfonyObjectChecks(t *testing.T) {
	got := ownerChecks(scan(t, "symfony_annotations"))
	want := map[string]string{"PUT /shop/orders/{number}": "src/Controller/Shop/EditOrderController.php:20"}
	if len(got) != len(want) || got["PUT /shop/orders/{number}"] != want["PUT /shop/orders/{number}"] {
		t.Errorf("owner checks %v, want %v", got, want)
	}
}

// TestSymfonyAttributeGuards: an action's own #[IsGranted] adds to its
// class's (both listed), a grouped one included; a voter asked about the
// record a {id:invoice} path resolves is an owner check.
func TestSymfonyAttributeGuards(t *testing.T) {
	f := scan(t, "symfony_attributes")
	mw := map[string]string{}
	for _, r := range f.Surfaces {
		mw[r.Method+" "+r.Path] = strings.Join(r.Middleware, ",")
	}
	for k, v := range map[string]string{
		"GET /account/export":      "IsGranted(ROLE_MEMBER),IsGranted(ROLE_EXPORTER)",
		"GET /staff/invoices/{id}": "IsGranted(ROLE_MANAGER)",
		"GET /staff/help/faq":      "",
		"GET /news/latest":         "",
		"POST /account/settings":   "IsGranted(ROLE_MEMBER)",
	} {
		if mw[k] != v {
			t.Errorf("%s: guards %q, want %q", k, mw[k], v)
		}
	}
	var owners []string
	for _, s := range f.Signals {
		if s.Kind == facts.SignalOwnership {
			owners = append(owners, s.Route+" "+s.Evidence.File+":"+strconv.Itoa(s.Evidence.Line))
		}
	}
	if len(owners) != 1 || !strings.HasPrefix(owners[0], "GET /staff/invoices/{id}") || !strings.HasSuffix(owners[0], "InvoiceController.php:24") {
		t.Errorf("owner checks %v, want GET /staff/invoices/{id} at InvoiceController.php:24", owners)
	}
}

// TestPageAuth: a page is guarded by a session check of its own or in a
// file it includes; a login page that only signs the caller in, and a
// page that stops on a missing parameter, are open; a page start that
// checks the session only for the pages asking for it guards those.
func TestPageAuth(t *testing.T) {
	f := scan(t, "plain")
	want := map[string]string{
		"GET /admin/notes.php": facts.AuthRequired, "POST /admin/notes.php": facts.AuthRequired,
		"GET /login.php": facts.AuthNone, "POST /login.php": facts.AuthNone, "GET /index.php": facts.AuthNone,
		"GET /admin/export.php": facts.AuthRequired, "GET /view.php": facts.AuthNone,
		"GET /profile.php": facts.AuthRequired, "GET /about.php": facts.AuthNone, "GET /report.php": facts.AuthRequired,
	}
	for _, r := range f.Surfaces {
		k := r.Method + " " + r.Path
		if w, ok := want[k]; ok {
			if r.Auth != w {
				t.Errorf("%s: auth %s (%s), want %s", k, r.Auth, r.AuthEvidence, w)
			}
			delete(want, k)
		}
	}
	for k := range want {
		t.Errorf("%s: no such route", k)
	}
}

// TestPageRuns: the files a page alone includes (the code it picks from
// a folder) run as the page, and are no pages of their own.
func TestPageRuns(t *testing.T) {
	f := scan(t, "plain")
	for _, r := range f.Surfaces {
		if r.Path == "/report.php" {
			if !slices.Equal(r.Runs, []string{"reports/daily.php", "reports/weekly.php"}) {
				t.Errorf("report.php runs %v, want the two reports (inc/auth.php is shared)", r.Runs)
			}
			return
		}
	}
	t.Error("no /report.php")
}

// TestSlimRole: a later middleware that compares the session's role
// ($_SESSION['role'] with a null default, !== 'admin') names the role the route
// demands; the sign-in check alone demands none.
func TestSlimRole(t *testing.T) {
	f := scan(t, "slim")
	checkRoles(t, f, map[string]string{"DELETE /account/notes/{id}": "admin", "GET /account": ""})
}

// TestGetOnly: a page's code under a condition only a POST meets does not
// run on its GET; code under other conditions, and an else, does.
func TestGetOnly(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		kept      bool
	}{
		{"a posted field tested", "<?php if (isset($_POST['save'])) { $db->exec('DELETE FROM t'); }", false},
		{"an uploaded file tested with other values", "<?php\nif ($name != '' && $_FILES['f']['name'] != '') {\n  $db->exec('INSERT');\n}", false},
		{"the method tested for a POST", "<?php if ($_SERVER['REQUEST_METHOD'] === 'POST') { $db->exec('UPDATE'); }", false},
		{"lookalike: a query parameter tested", "<?php if (isset($_GET['del'])) { $db->exec('DELETE FROM t'); }", true},
		{"lookalike: REQUEST, which a GET fills", "<?php if (isset($_REQUEST['del'])) { $db->exec('DELETE FROM t'); }", true},
		{"lookalike: the else of a POST test", "<?php if (isset($_POST['x'])) { echo 1; } else { $db->exec('DELETE FROM t'); }", true},
		{"a variable read only from the posted form", "<?php\n$msg = isset($_POST['msg']) ? $_POST['msg'] : '';\nif ($msg) {\n  $db->exec('INSERT');\n}", false},
		{"lookalike: a variable read from the query too", "<?php\n$msg = $_POST['msg'] ?? '';\n$msg = $_GET['msg'] ?? $msg;\nif ($msg) {\n  $db->exec('INSERT');\n}", true},
		{"lookalike: the method tested for anything but a POST", "<?php if ($_SERVER['REQUEST_METHOD'] !== 'POST') { $db->exec('DELETE FROM t'); }", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := getOnly(tc.src)
			if len(got) != len(tc.src) || strings.Count(got, "\n") != strings.Count(tc.src, "\n") {
				t.Fatalf("getOnly changed the text's length or lines: %q", got)
			}
			if kept := strings.Contains(got, "$db->exec"); kept != tc.kept {
				t.Errorf("getOnly(%q) = %q: write kept %v, want %v", tc.src, got, kept, tc.kept)
			}
		})
	}
}
