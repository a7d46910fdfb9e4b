package csharp

import (
	"path/filepath"
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
	for _, app := range []string{"webapi", "mvc", "minimal", "antiforgery", "antiforgery_global", "mediatr", "razor"} {
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

// TestAuth pins each route's auth and its evidence: attributes on the
// controller, its base and the action; endpoint and group calls; the
// fallback policy and a global filter; and the lookalikes (an attribute
// in a comment or a string, a policy that demands nothing).
func TestAuth(t *testing.T) {
	tests := []struct {
		app, method, path string
		auth, evidence    string
		role, handler     string
	}{
		{"webapi", "GET", "/health", "none", "", "", "lambda"},
		{"webapi", "GET", "/api/v2/items/{id}", "required", "RequireAuthorization()", "", "lambda"},
		{"webapi", "GET", "/api/v2/catalog", "none", "AllowAnonymous()", "", "lambda"},
		{"webapi", "DELETE", "/api/v2/admin/items/{id}", "required", "RequireAuthorization()", "", "Delete"},
		{"webapi", "POST", "/feedback", "none", "", "", "lambda"}, // a policy that demands nothing
		{"webapi", "PUT", "/posts/{id}", "required", "Editors", "editor", "lambda"},
		{"webapi", "POST", "/hooks/stripe", "none", "", "", "lambda"},
		{"webapi", "DELETE", "/catalog/{id}", "required", "[Authorize", "admin", "lambda"},       // the lambda's attribute
		{"webapi", "POST", "/catalog/{id}/views", "none", "", "", "lambda"},                      // [AllowAnonymous] on the lambda
		{"webapi", "POST", "/catalog/{id}/notes", "none", "", "", "lambda"},                      // [Authorize] only in a string
		{"webapi", "GET", "/api/Orders", "required", "[Authorize]", "", "OrdersController.List"}, // inherited from the base
		{"webapi", "GET", "/api/Orders/public/{code}", "none", "[AllowAnonymous]", "", "OrdersController.ByCode"},
		{"webapi", "POST", "/api/Orders/Import", "required", "[Authorize]", "admin", "OrdersController.Import"},
		{"webapi", "GET", "/api/status", "none", "", "", "StatusController.Get"}, // [Authorize] only in a comment and a string
		{"webapi", "GET", "/api/status/admin", "required", "Forbid", "", "StatusController.Admin"},
		{"webapi", "POST", "/api/status/reindex", "none", "", "", "StatusController.Reindex"},
		// Checks the caller passes by sending a word, and their lookalikes.
		{"webapi", "GET", "/api/backoffice/dashboard", "none", "", "", "BackofficeController.Dashboard"},
		{"webapi", "GET", "/api/backoffice/settings", "none", "", "", "BackofficeController.Settings"},
		{"webapi", "GET", "/api/backoffice/audit", "required", "responds 401", "", "BackofficeController.Audit"},
		{"webapi", "POST", "/api/backoffice/sync", "required", "responds 401", "", "BackofficeController.Sync"},
		{"webapi", "POST", "/api/backoffice/login", "none", "login handler", "", "BackofficeController.Login"},
		{"webapi", "POST", "/api/backoffice/password", "required", "401", "", "BackofficeController.ChangePassword"},
		{"mvc", "GET", "/portal/Home/Index", "none", "[AllowAnonymous]", "", "HomeController.Index"},
		{"mvc", "GET", "/portal/Home/Details/{id}", "required", "AuthorizeFilter", "", "HomeController.Details"},
		{"minimal", "GET", "/me", "required", "FallbackPolicy", "", "lambda"},
		{"minimal", "GET", "/", "none", "", "", "lambda"},
		{"minimal", "POST", "/login", "none", "", "", "lambda"},
		// Razor Pages: conventions of the app's options, the model's
		// [Authorize], and a page anyone may open; the handler is the
		// page's own model, though another page's model has its name.
		{"razor", "POST", "/Account/Manage/Profile", "required", `AuthorizeFolder("/Account/Manage")`, "", "ProfileModel.OnPostUpdate"},
		{"razor", "GET", "/Admin/Users", "required", `AuthorizeAreaPage("/Admin/Users")`, "admin", "/Admin/Users"},
		{"razor", "GET", "/Orders/Detail/{orderId}", "required", "[Authorize]", "", "DetailModel.OnGetAsync"},
		{"razor", "POST", "/Basket", "none", "", "", "IndexModel.OnPostAsync"},
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
				if r.Auth != tt.auth || !strings.Contains(r.AuthEvidence, tt.evidence) || r.AuthRole != tt.role {
					t.Errorf("auth %s %q (%s), want %s %q (%s)", r.Auth, r.AuthRole, r.AuthEvidence, tt.auth, tt.role, tt.evidence)
				}
				if r.Handler != tt.handler {
					t.Errorf("handler %q, want %q", r.Handler, tt.handler)
				}
				return
			}
			t.Errorf("no route")
		})
	}
}

// TestAntiforgery pins the anti-forgery check a route's middleware
// names: the attribute on the action or on its controller, or MVC's
// global filter; an action with none names none.
func TestAntiforgery(t *testing.T) {
	for _, tc := range []struct{ app, method, path, want string }{
		{"antiforgery", "POST", "/Profile/ChangeEmail", ""},
		{"antiforgery", "POST", "/Profile/ChangeName", "[ValidateAntiForgeryToken]"},
		{"antiforgery", "POST", "/Billing/Cancel", "[AutoValidateAntiforgeryToken]"},
		{"antiforgery_global", "POST", "/Notes/Delete/{id}", "AutoValidateAntiforgeryTokenAttribute"},
	} {
		found := false
		for _, r := range scan(t, tc.app).Surfaces {
			if r.Method != tc.method || r.Path != tc.path {
				continue
			}
			found = true
			got := ""
			for _, m := range r.Middleware {
				if strings.Contains(strings.ToLower(m), "antiforgery") {
					got = m
				}
			}
			if got != tc.want {
				t.Errorf("%s %s %s: anti-forgery %q, want %q (middleware %v)", tc.app, tc.method, tc.path, got, tc.want, r.Middleware)
			}
		}
		if !found {
			t.Errorf("%s %s %s: no route", tc.app, tc.method, tc.path)
		}
	}
}

// TestMediator pins where an action that hands its request to a
// mediator is read: at the Handle of the class that handles the
// request's type (of the action's namespace when two features name
// theirs alike), with the request's properties that carry the action's
// parameters read as those parameters; a Send whose message no class
// handles (a mailer's) leaves the action's own code.
func TestMediator(t *testing.T) {
	f := scan(t, "mediatr")
	for _, tc := range []struct{ method, path, file, handler, body string }{
		{"DELETE", "/notes/{noteId}", "Features/Notes/Remove.cs", "Remove.Handler.Handle", "n.NoteId == " + strings.Repeat(" ", len("message.Id")-len("noteId")) + "noteId"},
		{"POST", "/notes", "Features/Notes/Create.cs", "Create.Handler.Handle", "request.Text"},
		{"PUT", "/notes/{noteId}/pin", "Features/Notes/Pin.cs", "Pin.Handler.Handle", "FindAsync(    noteId)"},
		{"POST", "/notes/{noteId}/archive", "Application/Archive/ArchiveNoteCommand.cs", "ArchiveNoteCommandHandler.Handle", "FindAsync(" + strings.Repeat(" ", len("request.NoteId")-len("noteId")) + "noteId)"},
		{"DELETE", "/tags/{name}", "Features/Tags/Remove.cs", "Remove.Handler.Handle", "t.Name == " + strings.Repeat(" ", len("message.Name")-len("name")) + "name"},
		{"POST", "/notes/{noteId}/share", "Features/Notes/NotesController.cs", "NotesController.Share", "mailer.Send"},
	} {
		found := false
		for _, r := range f.Surfaces {
			if r.Method != tc.method || r.Path != tc.path {
				continue
			}
			found = true
			if r.File != tc.file || r.HandlerFile != tc.file || r.Handler != tc.handler {
				t.Errorf("%s %s: at %s (%s) %s, want %s %s", tc.method, tc.path, r.File, r.HandlerFile, r.Handler, tc.file, tc.handler)
			}
			if !strings.Contains(r.Body, tc.body) {
				t.Errorf("%s %s: body lacks %q:\n%s", tc.method, tc.path, tc.body, r.Body)
			}
			if r.Auth != facts.AuthRequired {
				t.Errorf("%s %s: auth %s, want the controller's [Authorize]", tc.method, tc.path, r.Auth)
			}
		}
		if !found {
			t.Errorf("%s %s: no route", tc.method, tc.path)
		}
	}
}

// TestSchemeCredential: an [Authorize] that names only a bearer scheme
// takes its credential from a header; one naming the cookie scheme, or
// none, is not said to.
func TestSchemeCredential(t *testing.T) {
	want := map[string]string{
		"POST /api/stock":        facts.CredentialHeader,
		"DELETE /api/stock/{id}": facts.CredentialCookie,
		"PUT /api/stock/{id}":    "",
	}
	for _, r := range scan(t, "webapi").Surfaces {
		k := r.Method + " " + r.Path
		w, ok := want[k]
		if !ok {
			continue
		}
		delete(want, k)
		if r.Credential != w {
			t.Errorf("%s: credential %q, want %q", k, r.Credential, w)
		}
	}
	for k := range want {
		t.Errorf("%s: no route", k)
	}
}
