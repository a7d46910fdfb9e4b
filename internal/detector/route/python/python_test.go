package python

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// scan runs the detector over a fixture app.
func scan(t *testing.T, app string) facts.Facts {
	t.Helper()
	return detectortest.Scan(t, filepath.Join("testdata", app), New())
}

// TestFixtures scores each fixture app's routes against its inline wants.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"flask", "flask_restful", "flask_hooks", "flask_credentials", "flask_apphook", "fastapi", "django", "django_legacy", "appbuilder", "appbuilder_bare", "aiohttp", "quart", "sanic", "starlette", "tornado", "falcon", "litestar", "litestar_jwt", "pyramid", "bottle"} {
		t.Run(app, func(t *testing.T) {
			f := scan(t, app)
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path)
			}
			var routes []string
			for _, w := range detectortest.Wants(t, filepath.Join("testdata", app), "") {
				if !strings.HasPrefix(w, "missed ") {
					routes = append(routes, w)
				}
			}
			detectortest.Check(t, app, got, routes)
			detectortest.Check(t, app+" missed", detectortest.Missed(f), detectortest.WantsAt(t, filepath.Join("testdata", app), "missed"))
			for _, w := range f.Warnings {
				t.Logf("warning: %s: %s", w.File, w.Message)
			}
		})
	}
}

// TestRouteDetails pins what each route says beyond method and path:
// where it is, who handles it, its auth, param types and tags.
func TestRouteDetails(t *testing.T) {
	type want struct {
		app, method, path string
		framework, file   string
		line              int
		handler           string
		auth, evidence    string
		params            string // name:type, comma separated
		tags              string
	}
	tests := []want{
		{"flask", "GET", "/api/v1/users/{user_id}", "flask", "shop/views/users.py", 20, "get_user", "none", "", "user_id:int", ""},
		{"flask", "DELETE", "/api/v1/users/{user_id}", "flask", "shop/views/users.py", 25, "delete_user", "required", "@login_required (applied shop/views/users.py:26): login_required rejects an anonymous caller", "user_id:int", "destructive"},
		{"flask", "PUT", "/api/v1/users/{avatar_id}/avatar", "flask", "shop/views/users.py", 35, "upload_avatar", "none", "", "avatar_id:uuid", "upload"},
		{"flask", "GET", "/admin/stats", "flask", "shop/views/admin.py", 16, "stats", "required", "before_request require_admin (defined shop/views/admin.py:10)", "", "admin"},
		{"flask", "GET", "/admin/reports/{report_id}", "flask", "shop/views/admin.py", 29, "ReportAPI.get", "required", "before_request require_admin (defined shop/views/admin.py:10)", "report_id:int", "admin"},
		// A URL value preprocessor that refuses unless the session holds the
		// book named in the URL guards the routes carrying {book_code}, but
		// not the endpoints it lets through by name; one that only sets g
		// guards nothing.
		{"flask_hooks", "GET", "/{book_code}/entries/{entry_id}", "flask", "ledger/books.py", 47, "entry", "required", "url_value_preprocessor load_book (defined ledger/books.py:14): refuses the request unless the caller's session holds it", "book_code:string,entry_id:int", ""},
		{"flask_hooks", "GET", "/{book_code}/sign-in", "flask", "ledger/books.py", 37, "sign_in", "none", "", "book_code:string", "auth"},
		{"flask_hooks", "GET", "/{book_code}/shared/{token}", "flask", "ledger/books.py", 42, "shared", "none", "", "book_code:string,token:string", ""},
		{"flask_hooks", "GET", "/", "flask", "ledger/books.py", 32, "start", "none", "", "", ""},
		{"flask_hooks", "GET", "/notes/{note_id}", "flask", "ledger/notes.py", 13, "note", "none", "", "note_id:int", ""},
		// A hook whose refusal sits under a test that the caller is signed
		// in turns away only some signed-in callers: no guard. One whose
		// refusal sits under the test that the caller is not signed in is.
		{"flask_hooks", "GET", "/accounts/pending", "flask", "ledger/accounts.py", 19, "pending", "none", "", "", ""},
		{"flask_hooks", "GET", "/vault", "flask", "ledger/vault.py", 16, "index", "required", "before_request members_only (defined ledger/vault.py:9)", "", ""},
		{"flask_restful", "PUT", "/api/users/{user_id}", "flask", "api/resources/users.py", 22, "UserResource.put", "required", "method_decorators = [jwt_required()] (applied api/resources/users.py:17): flask-jwt-extended jwt_required rejects a request without a token", "user_id:int", ""},
		{"flask_restful", "GET", "/api/orders/by-ref/{ref}", "flask", "api/resources/orders.py", 5, "OrderResource.get", "none", "", "ref:string", ""},
		{"flask_restful", "GET", "/v2/reports/{report_id}", "flask", "api/v2.py", 9, "Report.get", "none", "", "report_id:int", ""},
		{"appbuilder", "GET", "/contacts/export/{fmt}", "flask", "crm/views.py", 9, "ContactsView.export", "required", "@has_access (applied crm/views.py:10): Flask-AppBuilder has_access redirects an anonymous caller to login", "fmt:string", ""},
		{"appbuilder", "GET", "/contacts/card/{pk}", "flask", "crm/views.py", 28, "ContactsView.card", "none", "", "pk:int", ""},
		{"appbuilder", "POST", "/api/v1/invoice", "flask", "crm/apis.py", 13, "InvoiceApi.create", "required", "@protect() (applied crm/apis.py:14): Flask-AppBuilder protect responds 401 without the permission", "", ""},
		{"appbuilder_bare", "GET", "/audit/events", "flask", "app.py", 8, "AuditApi.events", "unknown", "", "", ""},
		{"fastapi", "GET", "/api/items/{item_id}", "fastapi", "app/routers/items.py", 16, "read_item", "none", "", "item_id:int", ""},
		{"fastapi", "PUT", "/api/items/{item_id}/images/{image_id}", "fastapi", "app/routers/items.py", 21, "replace_image", "none", "", "item_id:int,image_id:uuid", ""},
		{"fastapi", "GET", "/api/v1/users/me", "fastapi", "app/routers/users.py", 8, "me", "required", "Depends(verify_api_key) (defined app/deps.py:14, applied app/main.py:12)", "", ""},
		{"fastapi", "POST", "/v2/chat", "fastapi", "app/api/chat.py", 10, "chat", "required", `Security(get_current_user, scopes=["chat"]) (defined app/deps.py:10, applied app/api/chat.py:11)`, "", ""},
		{"fastapi", "POST", "/v2/billing/webhook", "fastapi", "app/api/billing.py", 7, "stripe_webhook", "none", "", "", "payment,webhook"},
		{"fastapi", "GET", "/ws/{room}", "fastapi", "app/main.py", 22, "room_socket", "none", "", "room:string", "websocket"},
		{"fastapi", "GET", "/static", "fastapi", "app/main.py", 14, "StaticFiles", "none", "", "", "static"},
		{"django", "ANY", "/admin", "django", "mysite/urls.py", 10, "admin.site.urls", "required", "django admin (staff login)", "", "admin"},
		{"django", "GET", "/v2/{org_id}/tickets/{ticket_id}", "django-ninja", "tickets/api.py", 9, "ticket", "none", "", "org_id:int,ticket_id:int", ""},
		{"django", "POST", "/v2/{org_id}/comments/{comment_id}/flag", "django-ninja", "tickets/comments.py", 12, "flag", "required", "auth=django_auth (applied tickets/comments.py:12): Django Ninja answers 401 unless an auth callable accepts the request", "org_id:int,comment_id:int", ""},
		{"django", "GET", "/v2/{org_id}/history/{ticket_id}", "django-ninja", "tickets/api.py", 22, "ticket_history", "required", "auth=django_auth (applied tickets/api.py:19): Django Ninja answers 401 unless an auth callable accepts the request", "org_id:int,ticket_id:int", ""},
		{"django", "GET", "/v2/{org_id}/history/summary", "django-ninja", "tickets/api.py", 27, "history_summary", "none", "", "org_id:int", ""},
		{"django", "ANY", "/legacy/{year}", "django", "blog/views.py", 30, "archive", "none", "", "year:int", ""},
		{"django", "GET", "/blog/{pk}", "django", "blog/views.py", 16, "PostDetail", "none", "", "pk:int", ""},
		{"django", "POST", "/blog/new", "django", "blog/views.py", 20, "PostCreate", "required", "LoginRequiredMixin (applied blog/views.py:20)", "", ""},
		{"django", "ANY", "/blog/{slug}/edit", "django", "blog/views.py", 25, "edit_post", "required", "login_required (applied blog/urls.py:16): login_required rejects an anonymous caller", "slug:string", ""},
		{"django", "POST", "/blog/comments/{pk}/delete", "django", "blog/views.py", 34, "delete_comment", "required", "@login_required (applied blog/views.py:35): login_required rejects an anonymous caller", "pk:int", "destructive"},
		{"django", "GET", "/blog/feed", "django", "blog/views.py", 42, "FeedView.get", "none", "", "", ""},
		{"django", "DELETE", "/api/v1/users/{pk}", "drf", "api/views.py", 9, "UserViewSet", "required", "permission_classes = [permissions.IsAdminUser] (applied api/views.py:12)", "pk:unknown", "destructive"},
		{"django", "GET", "/api/v1/articles/{slug}", "drf", "api/views.py", 15, "ArticleViewSet", "none", "", "slug:unknown", ""},
		{"django", "GET", "/api/v1/comments", "drf", "api/views.py", 22, "CommentViewSet", "none", "", "", ""},
		{"django", "POST", "/api/v1/comments", "drf", "api/views.py", 22, "CommentViewSet", "required", "permission_classes = [permissions.IsAuthenticatedOrReadOnly] (applied api/views.py:25)", "", ""},
		{"django", "POST", "/api/v1/comments/{pk}/flag", "drf", "api/views.py", 27, "CommentViewSet.flag", "required", "permission_classes = [permissions.IsAuthenticatedOrReadOnly] (applied api/views.py:25)", "pk:unknown", ""},
		{"django", "PATCH", "/api/v1/me", "drf", "api/views.py", 37, "MeView", "required", `permission_classes = ["rest_framework.permissions.IsAuthenticated"] (applied mysite/settings.py:19)`, "", ""},
		{"django", "GET", "/api/v1/ping", "drf", "api/views.py", 44, "ping", "none", "", "", ""},
		// Auth per method of a class view, and a login is not a guarded route.
		{"django", "GET", "/shop/orders/{order_id}", "drf", "shop/views.py", 23, "OrderView.get", "none", "", "order_id:int", ""},
		{"django", "POST", "/shop/orders/{order_id}", "drf", "shop/views.py", 37, "OrderView.post", "required", "@token_required (defined shop/auth.py:7, applied shop/views.py:37): responds 401", "order_id:int", ""},
		{"django", "GET", "/shop/tickets", "drf", "shop/views.py", 51, "TicketView.get", "required", "handler (shop/views.py:51) responds 401", "", ""},
		{"django", "GET", "/shop/wishlist", "django", "shop/views.py", 59, "WishlistView.get", "none", "", "", ""},
		{"django", "POST", "/shop/wishlist", "django", "shop/views.py", 62, "WishlistView.post", "required", "@method_decorator(login_required) (applied shop/views.py:62): login_required rejects an anonymous caller", "", ""},
		{"django", "GET", "/shop/cart", "django", "shop/views.py", 70, "CartView.get", "none", "", "", ""},
		{"django", "DELETE", "/shop/cart", "django", "shop/views.py", 73, "CartView.delete", "required", `@method_decorator(login_required, name="delete") (applied shop/views.py:68): login_required rejects an anonymous caller`, "", "destructive"},
		// aiohttp: a sub-application's rejecting middleware guards its
		// routes; the root's error middleware lets every request through.
		{"aiohttp", "GET", "/admin/stats", "aiohttp", "shop/admin.py", 6, "stats", "required", "require_login (defined shop/middlewares.py:13, applied shop/admin.py:10): middleware require_login", "", "admin"},
		{"aiohttp", "POST", "/catalog/{item_id}/reviews", "aiohttp", "shop/views.py", 35, "review", "none", "", "item_id:int", ""},
		{"aiohttp", "GET", "/notes/{id}", "aiohttp", "shop/views.py", 6, "note", "none", "", "id:int", ""},
		{"aiohttp", "GET", "/items/{id}", "aiohttp", "shop/handlers.py", 18, "ItemView.get", "none", "", "id:string", ""},
		{"fastapi", "GET", "/views/orders", "fastapi", "app/routers/views.py", 17, "OrderViews.list_orders", "required", "Depends(get_current_user) (defined app/deps.py:10, applied app/routers/views.py:14)", "", ""},
		{"fastapi", "GET", "/views/unbound", "fastapi", "app/routers/views.py", 34, "Unbound.show", "none", "", "", ""},
		{"django", "GET", "/shop/products/{pk}", "drf", "shop/views.py", 78, "ProductViewSet", "none", "", "pk:unknown", ""},
		{"django", "PUT", "/shop/products/{pk}", "drf", "shop/views.py", 78, "ProductViewSet", "required", "permission_classes = [permissions.IsAdminUser] (applied shop/views.py:80)", "pk:unknown", ""},
		{"django", "POST", "/shop/products/{pk}/view", "drf", "shop/views.py", 87, "ProductViewSet.view", "none", "", "pk:unknown", ""},
		{"django", "GET", "/shop/reviews", "drf", "shop/views.py", 93, "ReviewViewSet", "none", "", "", ""},
		{"django", "DELETE", "/shop/reviews/{pk}", "drf", "shop/views.py", 93, "ReviewViewSet", "required", "permission_classes = [permissions.IsAuthenticated()] (applied shop/views.py:100)", "pk:unknown", "destructive"},
		{"django", "POST", "/shop/reviews/{pk}/hide", "drf", "shop/views.py", 103, "ReviewViewSet.hide", "required", "permission_classes = [permissions.IsAuthenticated()] (applied shop/views.py:100)", "pk:unknown", ""},
		{"django", "GET", "/shop/questions", "drf", "shop/views.py", 109, "QuestionList", "none", "", "", ""},
		{"django", "POST", "/shop/questions", "drf", "shop/views.py", 109, "QuestionList", "required", "permission_classes = [permissions.IsAuthenticated] (applied shop/views.py:114)", "", ""},
		{"django", "GET", "/shop/stock", "drf", "shop/views.py", 118, "StockList", "required", `permission_classes = ["rest_framework.permissions.IsAuthenticated"] (applied mysite/settings.py:19)`, "", ""},
		{"django", "ANY", "/shop/enter", "django", "shop/views.py", 124, "sign_in", "none", "login handler: takes credentials", "", "auth"},
		{"django", "ANY", "/shop/catalogue", "django", "shop/views.py", 134, "catalogue", "none", "", "", ""},
		// Quart and Sanic are Flask-like; Sanic writes <name:type>.
		{"quart", "POST", "/notes", "quart", "notes/app.py", 21, "create", "required", "@login_required (applied notes/app.py:22): quart_auth login_required responds 401 to an anonymous caller", "", ""},
		{"quart", "GET", "/notes/{note_id}", "quart", "notes/app.py", 16, "show", "none", "", "note_id:int", ""},
		{"sanic", "GET", "/v1/posts/{post_id}", "sanic", "forum/server.py", 25, "show_post", "none", "", "post_id:int", ""},
		{"sanic", "PATCH", "/users/{name}", "sanic", "forum/server.py", 39, "Profile.patch", "none", "", "name:string", ""},
		// Starlette's requires() and Tornado's authenticated refuse an
		// anonymous caller by what they are, whatever the app calls them.
		{"starlette", "POST", "/admin", "starlette", "board/app.py", 18, "admin", "required", `@requires("authenticated") (applied board/app.py:18): starlette requires() responds 403 to a caller without the scopes`, "", "admin"},
		{"starlette", "DELETE", "/topics/{topic_id}", "starlette", "board/app.py", 27, "Topic.delete", "none", "", "topic_id:int", "destructive"},
		{"tornado", "DELETE", "/rooms/{room_id}", "tornado", "chat/handlers.py", 13, "RoomHandler.delete", "required", "@tornado.web.authenticated (applied chat/handlers.py:13): tornado.web.authenticated redirects an anonymous caller to the login URL or responds 403", "room_id:int", "destructive"},
		{"tornado", "GET", "/rooms/{room_id}", "tornado", "chat/handlers.py", 10, "RoomHandler.get", "none", "", "room_id:int", ""},
		{"tornado", "POST", "/rooms/{room}/messages", "tornado", "chat/handlers.py", 19, "MessageHandler.post", "required", "@tornado.web.authenticated (applied chat/handlers.py:19): tornado.web.authenticated redirects an anonymous caller to the login URL or responds 403", "room:int", ""},
		// Falcon: a middleware whose process_request refuses guards every
		// route of its app but the paths it lets through; a hook guards
		// the responders it decorates; a middleware named for auth that
		// only logs guards nothing.
		{"falcon", "GET", "/notes/{note_id}", "falcon", "notes/resources.py", 13, "NoteResource.on_get", "required", "middleware TokenMiddleware (defined notes/auth.py:7, applied notes/app.py:21): responds 401", "note_id:int", ""},
		{"falcon", "POST", "/notes/{note_id}/share", "falcon", "notes/resources.py", 19, "NoteResource.on_post_share", "required", "middleware TokenMiddleware (defined notes/auth.py:7, applied notes/app.py:21): responds 401", "note_id:int", ""},
		{"falcon", "GET", "/health", "falcon", "notes/resources.py", 24, "HealthResource.on_get", "none", "", "", ""},
		{"falcon", "GET", "/account", "falcon", "notes/site.py", 13, "AccountResource.on_get", "required", "@falcon.before(require_login) (defined notes/auth.py:15, applied notes/site.py:11): responds 401", "", ""},
		{"falcon", "GET", "/pages/{slug}", "falcon", "notes/site.py", 18, "PageResource.on_get", "none", "", "slug:string", ""},
		{"falcon", "PUT", "/pages/{slug}", "falcon", "notes/site.py", 21, "PageResource.on_put", "required", "@falcon.before(require_login) (defined notes/auth.py:15, applied notes/site.py:21): responds 401", "slug:string", ""},
		{"falcon", "GET", "/metrics", "falcon", "notes/lookalike.py", 14, "Handler.on_get", "none", "", "", "admin"},
		// Litestar: guards judged by what they do, whatever they are called.
		{"litestar", "GET", "/api/health", "litestar", "shop/app.py", 16, "health", "none", "", "", ""},
		{"litestar", "POST", "/api/cart/{item_id}", "litestar", "shop/app.py", 21, "add_to_cart", "required", "guards=[signed_in_guard] (defined shop/guards.py:8, applied shop/app.py:21): responds 403", "item_id:int", ""},
		{"litestar", "GET", "/api/orders/{order_id}", "litestar", "shop/orders.py", 11, "OrderController.show", "none", "", "order_id:uuid", ""},
		{"litestar", "DELETE", "/api/orders/{order_id}", "litestar", "shop/orders.py", 15, "OrderController.cancel", "required", "guards=[staff_guard] (defined shop/guards.py:13, applied shop/orders.py:15): responds 403", "order_id:uuid", "destructive"},
		// A security backend guards every route but those its exclude=
		// patterns match and those that opt out; a class of the app's own
		// with its name guards nothing.
		{"litestar_jwt", "GET", "/notes", "litestar", "notes/app.py", 37, "notes", "required", "JWTAuth jwt_auth (defined notes/app.py:17): Litestar's authentication middleware answers 401 to a request without valid credentials", "", ""},
		{"litestar_jwt", "GET", "/health", "litestar", "notes/app.py", 27, "health", "none", "", "", ""},
		{"litestar_jwt", "POST", "/login", "litestar", "notes/app.py", 32, "login", "none", "", "", "auth"},
		// Pyramid: a permission is judged by the ACL the security policy
		// reads; a handler's own check by its code.
		{"pyramid", "ANY", "/", "pyramid", "wiki/views.py", 5, "home", "none", "", "", ""},
		{"pyramid", "GET", "/pages/{name}", "pyramid", "wiki/views.py", 10, "show_page", "none", "", "name:string", ""},
		{"pyramid", "POST", "/pages/{name}/edit", "pyramid", "wiki/views.py", 24, "EditViews.save", "required", `permission="edit" (applied wiki/views.py:15): Pyramid's security policy (set wiki/__init__.py:14) answers 403 to a caller without the permission`, "name:string", ""},
		{"pyramid", "DELETE", "/purge/{page_id}", "pyramid", "wiki/views.py", 29, "purge", "required", "handler (wiki/views.py:29) responds 403", "page_id:int", "destructive"},
		{"pyramid", "GET", "/health", "pyramid", "wiki/views.py", 36, "health", "none", "", "", ""},
		{"pyramid", "GET", "/admin/audit", "pyramid", "wiki/views.py", 45, "audit", "required", `permission="audit" (applied wiki/views.py:45): Pyramid's security policy (set wiki/__init__.py:14) answers 403 to a caller without the permission`, "", "admin"},
		// Bottle: <name:filter> parameters; auth_basic and a refusing
		// before_request hook guard, a hook that only logs does not.
		{"bottle", "DELETE", "/posts/{post_id}", "bottle", "board/app.py", 19, "post_detail", "none", "", "post_id:int", "destructive"},
		{"bottle", "POST", "/posts", "bottle", "board/app.py", 28, "create_post", "required", "@auth_basic(check) (applied board/app.py:29): bottle auth_basic responds 401 unless its check accepts the caller's credentials", "", ""},
		{"bottle", "GET", "/api/tags/{name}", "bottle", "board/app.py", 37, "tag", "none", "", "name:string", ""},
		{"bottle", "GET", "/admin/users", "bottle", "board/admin.py", 12, "users", "required", "before_request require_session (defined board/admin.py:6)", "", "admin"},
		{"bottle", "GET", "/status", "bottle", "board/lookalike.py", 21, "show_status", "none", "", "", ""},
		{"pyramid", "ANY", "/drafts", "pyramid", "wiki/views.py", 40, "drafts", "required", "is_authenticated=True (applied wiki/views.py:40): Pyramid matches the view only for a caller who signed in", "", ""},
		{"litestar", "GET", "/admin/stats", "litestar", "shop/app.py", 26, "stats", "required", "guards=[staff_guard] (defined shop/guards.py:13, applied shop/app.py:35): responds 403", "", "admin"},
		{"litestar", "POST", "/webhooks/payment", "litestar", "shop/webhooks.py", 6, "payment", "unknown", "", "", "webhook"},
		// A module is a resource too, added through a function handed
		// the app: where it is served is not known, nor its middleware.
		{"falcon", "GET", "/v1/tags", "falcon", "notes/v1/tags.py", 6, "tags.on_get", "unknown", "", "", ""},
		{"falcon", "POST", "/v1/tags", "falcon", "notes/v1/tags.py", 10, "tags.on_post", "required", "@falcon.before(require_login) (defined notes/auth.py:15, applied notes/v1/tags.py:10): responds 401", "", ""},
	}
	scans := map[string]facts.Facts{}
	for _, tt := range tests {
		t.Run(tt.app+" "+tt.method+" "+tt.path, func(t *testing.T) {
			f, ok := scans[tt.app]
			if !ok {
				f = scan(t, tt.app)
				scans[tt.app] = f
			}
			var r *facts.Route
			for i := range f.Surfaces {
				if f.Surfaces[i].Method == tt.method && f.Surfaces[i].Path == tt.path {
					r = &f.Surfaces[i]
				}
			}
			if r == nil {
				t.Fatalf("route not found")
			}
			var params []string
			for _, p := range r.Params {
				params = append(params, p.Name+":"+p.Type)
			}
			got := want{tt.app, r.Method, r.Path, r.Framework, r.File, r.Line, r.Handler, r.Auth, r.AuthEvidence,
				strings.Join(params, ","), strings.Join(r.Tags, ",")}
			if got != tt {
				t.Errorf("got  %+v\nwant %+v", got, tt)
			}
		})
	}
}

// TestDjangoAdminSite: an admin site's own code admits only staff, so its
// routes demand that role; an object merely named like one is a view.
func TestDjangoAdminSite(t *testing.T) {
	f := scan(t, "django")
	got := map[string]string{}
	for _, r := range f.Surfaces {
		if r.Path == "/admin" || r.Path == "/ops" || r.Path == "/pages" {
			got[r.Path] = r.AuthRole + "|" + strings.Join(r.Tags, ",")
		}
	}
	want := map[string]string{"/admin": "staff|admin", "/ops": "staff|admin", "/pages": "|"}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: role|tags = %q, want %q", p, got[p], w)
		}
	}
}

// TestConnexion holds the connexion fixture to its inline wants, auth and
// role included: operations of the documents a connexion app serves,
// decided from their security schemes and their handlers' code, with
// lookalikes (a scheme connexion cannot check, optional auth, a login, a
// document only another object's add_api names).
func TestConnexion(t *testing.T) {
	dir := filepath.Join("testdata", "connexion")
	f := scan(t, "connexion")
	var have []string
	for _, r := range f.Surfaces {
		s := r.Method + " " + r.Path + " auth=" + r.Auth
		if r.AuthRole != "" {
			s += " role=" + r.AuthRole
		}
		have = append(have, s)
		if r.Framework != "connexion" {
			t.Errorf("%s: framework %q", s, r.Framework)
		}
		if r.Auth != facts.AuthNone && r.AuthEvidence == "" {
			t.Errorf("%s: no evidence", s)
		}
	}
	detectortest.Check(t, "connexion", have, detectortest.Wants(t, dir, ""))
}
