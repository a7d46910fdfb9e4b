package jvm

import (
	"fmt"
	"path/filepath"
	"slices"
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

// TestFixtures holds each fixture app's routes to its inline wants.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"spring", "spring_open", "jaxrs", "kotlin", "boot_default", "boot_excluded", "boot_commented", "composed", "spring_chains", "actuator", "services", "servlet", "jsp_loose", "jaxrs_roots", "ktor", "micronaut", "javalin", "spark", "vertx", "javalin_kotlin"} {
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

// TestRouteDetails pins each route's auth, its evidence, role and params.
func TestRouteDetails(t *testing.T) {
	type want struct {
		app, method, path string
		handler           string
		auth, role        string
		evidence          string // a substring of the evidence
		params            string
	}
	tests := []want{
		{"spring", "GET", "/api/v1/users/{id}", "UserController.get", "required", "", `anyRequest().authenticated() (applied src/main/java/com/example/shop/config/SecurityConfig.java:21)`, "id:int"},
		{"spring", "PUT", "/api/v1/users/{id}", "UserController.update", "required", "", "anyRequest().authenticated()", "id:int"},
		{"spring", "DELETE", "/api/v1/users/{id}", "UserController.delete", "required", "admin", "anyRequest().authenticated()", "id:uuid"},
		{"spring", "GET", "/api/v1/products", "ProductController.list", "none", "", `requestMatchers(HttpMethod.GET, "/api/v1/products/**").permitAll()`, ""},
		{"spring", "GET", "/api/v1/products/{id}", "ProductController.list", "none", "", "permitAll()", "id:int"},
		{"spring", "POST", "/api/v1/products", "ProductController.create", "required", "catalog:write", `.hasAuthority("catalog:write")`, ""},
		{"spring", "GET", "/api/v1/public/search", "PublicController.search", "none", "", "requestMatchers(Paths.OPEN).permitAll()", ""},
		{"spring", "GET", "/api/v1/public/report", "PublicController.report", "required", "", "responds 401", ""},
		{"spring", "GET", "/api/v1/public/terms", "PublicController.terms", "none", "", "permitAll()", ""},
		{"spring", "GET", "/api/v1/public/usage", "PublicController.usage", "none", "", "permitAll()", ""},
		{"spring", "GET", "/api/v1/public/quota", "PublicController.quota", "required", "", "responds 401", ""},
		{"spring", "GET", "/api/v1/admin/stats", "AdminController.stats", "required", "admin", `hasRole("ADMIN")`, ""},
		{"spring", "PATCH", "/api/v1/admin/audit/{entry}", "AdminController.audit", "required", "admin", `hasRole("ADMIN")`, "entry:string"},
		{"spring", "GET", "/api/v1/staff/shifts", "StaffController.shifts", "required", "staff", `hasAuthority("ROLE_STAFF")`, ""},
		{"spring", "GET", "/api/v1/reports/monthly", "ReportController.monthly", "required", "manager", "anyRequest().authenticated()", ""},
		{"spring", "GET", "/api/v1/reports/mine", "ReportController.mine", "required", "", "anyRequest().authenticated()", ""},
		{"spring", "GET", "/health", "HealthController.health", "none", "", "permitAll()", ""},
		{"spring_open", "GET", "/posts/{id}", "PostController.post", "none", "", "anyRequest().permitAll()", "id:int"},
		{"spring_open", "DELETE", "/admin/posts/{id}", "PostController.delete", "unknown", "", "no @EnableMethodSecurity", "id:int"},
		{"spring_open", "POST", "/admin/posts/{id}/publish", "PostController.publish", "required", "", "responds 403", "id:int"},
		{"jaxrs", "GET", "/api/orders/{id}", "OrderResource.get", "none", "", "", "id:int"},
		{"jaxrs", "POST", "/api/orders", "OrderResource.create", "required", "clerk", "@RolesAllowed", ""},
		{"jaxrs", "DELETE", "/api/orders/{id}", "OrderResource.delete", "required", "", "@DenyAll", "id:int"},
		{"kotlin", "GET", "/api/notes/{id}", "NoteController.get", "required", "", "authorize(anyRequest, authenticated)", "id:int"},
		{"kotlin", "DELETE", "/api/notes/{id}", "NoteController.delete", "required", "admin", `authorize(HttpMethod.DELETE, "/api/**", hasRole("ADMIN"))`, "id:int"},
		{"kotlin", "GET", "/api/public/ping", "PingController.ping", "none", "", `authorize("/api/public/**", permitAll)`, ""},
		{"kotlin", "GET", "/api/status", "StatusController.status", "required", "", "anyRequest", ""},
		{"kotlin", "GET", "/api/fn/items", "ItemHandler.list", "none", "", "permitAll", ""},
		{"kotlin", "POST", "/api/fn/items/{id}", "ItemHandler.update", "required", "", "anyRequest", "id:unknown"},
		{"boot_default", "GET", "/app/notes/{id}", "NoteController.get", "required", "", "spring-boot-starter-security with no HttpSecurity configuration (applied pom.xml:13)", "id:int"},
		{"boot_excluded", "GET", "/pages/{slug}", "PageController.page", "none", "", "", "slug:string"},
		{"boot_commented", "GET", "/feed", "FeedController.feed", "none", "", "", ""},
		{"spring_chains", "GET", "/", "DeskController.home", "none", "", `antMatchers("/", "/status", "/api/public/**").permitAll()`, ""},
		{"spring_chains", "GET", "/status", "DeskController.status", "none", "", "permitAll()", ""},
		{"spring_chains", "GET", "/api/status", "DeskController.apiStatus", "required", "", "anyRequest().authenticated() (applied src/main/java/com/example/desk/config/ChainsConfig.java:39)", ""},
		{"spring_chains", "POST", "/api/auth/signin", "DeskController.signin", "none", "", `antMatchers("/api/auth/signin", "/reports/**").permitAll()`, ""},
		{"spring_chains", "GET", "/api/public/info", "DeskController.info", "required", "", "ChainsConfig.java:39", ""},
		{"spring_chains", "GET", "/reports/daily", "DeskController.daily", "required", "", "ChainsConfig.java:19", ""},
		{"spring_chains", "GET", "/help/faq", "DeskController.faq", "none", "", `requestMatchers(antMatcher("/help/**")).permitAll()`, ""},
		{"spring_chains", "GET", "/signin", "DeskController.signinPage", "none", "", "formLogin().permitAll()", ""},
		{"spring_chains", "GET", "/signout", "DeskController.signout", "required", "", "ChainsConfig.java:19", ""},
		{"spring_chains", "GET", "/admin/health", "DeskController.adminHealth", "none", "", "permitAll()", ""},
		{"spring_chains", "DELETE", "/admin/users/{id}", "DeskController.remove", "required", "admin", `hasRole("ADMIN")`, "id:int"},
		{"services", "GET", "/gate/me", "MeController.me", "required", "", "anyRequest().authenticated() (applied gate/src/main/java/org/example/gate/WebSecurity.java:9)", ""},
		{"services", "POST", "/ledger", "EntryController.join", "none", "", `antMatchers("/", "/notes").permitAll()`, ""},
		{"services", "POST", "/ledger/notes", "EntryController.leave", "none", "", "permitAll()", ""},
		{"services", "GET", "/ledger/entries", "EntryController.entries", "required", "", "anyRequest().authenticated() (applied ledger/", ""},
		{"services", "GET", "/totals", "TotalController.totals", "required", "", "@EnableResourceServer (applied tally/src/main/java/org/example/tally/TallyTokens.java:5)", ""},
		{"services", "POST", "/gate/oauth/token", "Spring Security OAuth token endpoint", "none", "", "the token endpoint is where callers sign in", ""},
		{"services", "GET", "/gate/oauth/token_key", "Spring Security OAuth token key endpoint", "none", "", "tokenKeyAccess (applied gate/src/main/java/org/example/gate/TokenServer.java:15)", ""},
		{"services", "POST", "/gate/oauth/check_token", "Spring Security OAuth check token endpoint", "required", "", `unless the caller passes "denyAll()"`, ""},
		{"services", "GET", "/eureka/apps", "Eureka registry: every instance", "none", "", "", ""},
		{"services", "POST", "/eureka/apps/{appId}", "Eureka registry: register an instance", "none", "", "", "appId:string"},
		{"services", "GET", "/proxy.stream", "Hystrix dashboard: fetches the stream URL it is given", "required", "", "DashSecurity.java:8", ""},
		{"composed", "POST", "/InjectionLab/answer", "InjectionLab.answer", "none", "", "", ""},
		{"composed", "GET", "/InjectionLab/probe", "InjectionLab.probe", "none", "", "", ""},
		{"servlet", "GET", "/entries/*", "EntryServlet.doGet", "none", "", "", ""},
		{"servlet", "DELETE", "/export", "ExportServlet.doDelete", "none", "", "", ""},
		{"servlet", "GET", "/account", "AccountServlet.doGet", "required", "", "handler (src/main/java/org/example/ledger/AccountServlet.java:11) redirects to login", ""},
		{"servlet", "GET", "/members/list", "MemberServlet.doGet", "required", "", "MemberFilter (defined src/main/java/org/example/ledger/MemberFilter.java:14, applied src/main/webapp/WEB-INF/web.xml:38): redirects to login", ""},
		{"servlet", "GET", "/staff/report", "StaffServlet.doGet", "required", "", "StaffFilter (defined src/main/java/org/example/ledger/StaffFilter.java:14): responds 401", ""},
		{"servlet", "GET", "/staff/roster.jsp", "roster.jsp", "required", "", "StaffFilter", ""},
		{"servlet", "GET", "/members.jsp", "members.jsp", "none", "", "", ""},
		{"servlet", "GET", "/orders.jsp", "orders.jsp", "required", "", "includes src/main/webapp/WEB-INF/jspf/signedin.jspf, which redirects to login", ""},
		{"servlet", "POST", "/profile.jsp", "profile.jsp", "required", "", "handler (src/main/webapp/profile.jsp:1) redirects to login", ""},
		{"servlet", "POST", "/login.jsp", "login.jsp", "none", "", "", ""},
		{"servlet", "GET", "/logout.jsp", "logout.jsp", "none", "", "", ""},
		{"servlet", "GET", "/signin.jsp", "signin.jsp", "none", "", "", ""},
		{"servlet", "GET", "/statement", "statement.jsp", "none", "", "", ""},
		{"servlet", "GET", "/inbox.jsp", "inbox.jsp", "required", "", `does its work only under a test of the caller's session (session.getAttribute("member") != null)`, ""},
		{"servlet", "GET", "/settings.jsp", "settings.jsp", "required", "", "a test of the caller's session", ""},
		{"servlet", "POST", "/notes", "NoteServlet.doPost", "required", "", "a test of the caller's session (SessionCheck.signedIn)", ""},
		{"servlet", "GET", "/welcome.jsp", "welcome.jsp", "none", "", "", ""},
		{"servlet", "GET", "/lookup.jsp", "lookup.jsp", "none", "", "", ""},
		{"servlet", "GET", "/guestbook.jsp", "guestbook.jsp", "none", "", "", ""},
		{"servlet", "GET", "/signup.jsp", "signup.jsp", "none", "", "", ""},
		{"servlet", "GET", "/visits.jsp", "visits.jsp", "none", "", "", ""},
		{"servlet", "GET", "/archive.jsp", "archive.jsp", "none", "", "", ""},
		{"servlet", "POST", "/purge", "PurgeServlet.doPost", "required", "staff", "(SessionCheck.staff)", ""},
		{"servlet", "POST", "/feedback", "FeedbackServlet.doPost", "none", "", "", ""},
		{"ktor", "GET", "/api/posts", "anonymous", "none", "", "", ""},
		{"ktor", "POST", "/api/posts", "anonymous", "required", "", `authenticate("staff") (applied src/main/kotlin/org/example/board/Application.kt:27): Ktor's Authentication answers 401`, ""},
		{"ktor", "DELETE", "/api/posts/{id}", "anonymous", "required", "", `authenticate("staff")`, "id:unknown"},
		{"ktor", "GET", "/api/feed", "anonymous", "none", "", "", ""},
		{"ktor", "GET", "/api/account/me", "anonymous", "required", "", "intercept(ApplicationCallPipeline.Call) (defined src/main/kotlin/org/example/board/Account.kt:12): responds 401", ""},
		{"ktor", "POST", "/api/posts/{id}/pin", "anonymous", "required", "", "calls call.requireSignedIn, which responds 401", "id:unknown"},
		{"micronaut", "GET", "/shelf/books", "BookController.list", "none", "", "", ""},
		{"micronaut", "POST", "/shelf/books", "BookController.create", "required", "", "@Secured(SecurityRule.IS_AUTHENTICATED) (applied src/main/java/org/example/shelf/BookController.java:24): Micronaut Security answers 401", ""},
		{"micronaut", "DELETE", "/shelf/books/{id}", "BookController.delete", "required", "librarian", "ROLE_LIBRARIAN", "id:int"},
		{"micronaut", "GET", "/shelf/books/isbn/{isbn}", "BookController.get", "none", "", "", "isbn:string"},
		{"micronaut", "GET", "/shelf/status", "StatusController.status", "required", "", "micronaut-security (applied build.gradle:6): Micronaut Security rejects a request no @Secured or rule allows", ""},
		{"micronaut", "GET", "/shelf/status/ping", "StatusController.ping", "none", "", "", ""},
		{"javalin", "GET", "/", "anonymous", "none", "", "", ""},
		{"javalin", "GET", "/admin/stats", "anonymous", "required", "", `before("/admin/*") (defined src/main/java/org/example/tasks/App.java:25): responds 401`, ""},
		{"javalin", "GET", "/api/tasks", "TaskController.list", "none", "", "", ""},
		{"javalin", "POST", "/api/tasks", "TaskController.create", "required", "member", "accessManager (roles MEMBER) (defined src/main/java/org/example/tasks/App.java:14): responds 401", ""},
		{"javalin", "DELETE", "/api/tasks/{id}", "TaskController.remove", "required", "member", "accessManager (roles MEMBER)", "id:unknown"},
		{"spark", "GET", "/notes/{id}", "NoteRoutes.show", "required", "", `before("/notes/*") (defined src/main/java/org/example/notes/Main.java:11): responds 401`, "id:unknown"},
		{"spark", "POST", "/notes/{id}/share", "anonymous", "required", "", `before("/notes/*")`, "id:unknown"},
		{"spark", "GET", "/public/feed", "anonymous", "none", "", "", ""},
		{"vertx", "GET", "/api/products", "products", "none", "", "", ""},
		{"vertx", "GET", "/api/orders/{id}", "order", "required", "", "authHandler (applied src/main/java/org/example/shop/ShopVerticle.java:25): Vert.x Web's JWTAuthHandler answers 401", "id:unknown"},
		{"vertx", "DELETE", "/api/products/{id}", "anonymous", "required", "", "handler (src/main/java/org/example/shop/ShopVerticle.java:28) responds 401", "id:unknown"},
		{"vertx", "GET", "/admin/report", "report", "required", "", "inline handler (defined src/main/java/org/example/shop/ShopVerticle.java:37): responds 403", ""},
		{"vertx", "POST", "/login", "login", "none", "", "", ""},
		{"javalin_kotlin", "GET", "/club/events", "Events.list", "none", "", "", ""},
		{"javalin_kotlin", "POST", "/club/events", "Events.create", "required", "member", "accessManager (roles MEMBER) (defined src/main/kotlin/org/example/club/Club.kt:14): responds 401", ""},
		{"ktor", "GET", "/topics/{id}", "anonymous", "none", "", "", "id:int"},
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
			if r.Handler != tt.handler || r.Auth != tt.auth || r.AuthRole != tt.role || strings.Join(params, ",") != tt.params || !strings.Contains(r.AuthEvidence, tt.evidence) {
				t.Errorf("got handler %s auth %s role %q params %q evidence %q\nwant %+v", r.Handler, r.Auth, r.AuthRole, strings.Join(params, ","), r.AuthEvidence, tt)
			}
		})
	}
}

// TestCredentialRoutes: a public POST that binds a class declaring a
// password is where credentials come in (a sign-up or login); one whose
// class holds none is an ordinary write.
func TestCredentialRoutes(t *testing.T) {
	f := scan(t, "services")
	want := map[string]bool{"POST /ledger": true, "POST /ledger/notes": false, "GET /ledger/entries": false}
	for _, r := range f.Surfaces {
		w, ok := want[r.Method+" "+r.Path]
		if !ok {
			continue
		}
		delete(want, r.Method+" "+r.Path)
		if got := slices.Contains(r.Tags, facts.TagAuth); got != w {
			t.Errorf("%s %s: auth tag %v, want %v (tags %v)", r.Method, r.Path, got, w, r.Tags)
		}
	}
	if len(want) > 0 {
		t.Errorf("routes not found: %v", want)
	}
}

// TestServletSpans: a servlet route spans its doX method and a page its
// whole file; what a page alone includes runs as the page.
func TestServletSpans(t *testing.T) {
	f := scan(t, "servlet")
	want := map[string]string{
		"GET /entries":    "src/main/java/org/example/ledger/EntryServlet.java:14-17 []",
		"DELETE /export":  "src/main/java/org/example/ledger/BaseServlet.java:10-13 []",
		"GET /orders.jsp": "src/main/webapp/orders.jsp:1-5 [src/main/webapp/WEB-INF/jspf/signedin.jspf]",
		"GET /index.jsp":  "src/main/webapp/index.jsp:1-5 [src/main/webapp/header.jsp]",
	}
	for _, r := range f.Surfaces {
		w, ok := want[r.Method+" "+r.Path]
		if !ok {
			continue
		}
		delete(want, r.Method+" "+r.Path)
		if got := fmt.Sprintf("%s:%d-%d %v", r.File, r.Line, r.EndLine, r.Runs); got != w {
			t.Errorf("%s %s: got %s, want %s", r.Method, r.Path, got, w)
		}
	}
	if len(want) > 0 {
		t.Errorf("routes not found: %v", want)
	}
}
