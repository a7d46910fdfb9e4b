package jvm

import (
	"context"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

// FuzzDetect feeds arbitrary source through both phases, as Java and as
// Kotlin: no input may panic, hang or produce a route path without a
// leading slash.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"@RestController @RequestMapping(Paths.API + \"/u\") class C { @GetMapping({\"/{id:[0-9]+}\", \"\"}) Object g(@PathVariable Long id) { return null; } }\n",
		"class P { static final String API = \"/api\"; static final String[] OPEN = {\"/a/**\"}; }\n",
		"@Bean SecurityFilterChain c(HttpSecurity http) { http.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, \"/x/**\").permitAll().anyRequest().authenticated()); return http.build(); }\n",
		"@Path(\"/o\") public class R { @GET @Path(\"{id}\") @RolesAllowed(\"a\") public O g(@PathParam(\"id\") long id) { return null; } }\n",
		"const val API = \"/api\"\n@RestController\n@RequestMapping(\"$API/n\")\nclass N(private val r: R) {\n    @PostMapping(value = [\"\", \"/i\"])\n    fun c(@RequestBody n: N) = r.save(n)\n}\n",
		"fun routes(h: H) = coRouter { \"/fn\".nest { GET(\"/i\", h::list); POST(\"/i/{id}\", h::u) } }\n",
		"http { authorizeHttpRequests { authorize(HttpMethod.DELETE, \"/api/**\", hasRole(\"A\")); authorize(anyRequest, authenticated) } }\n",
		"@RequestMapping(",
		"route().path(\"/a\", b -> b.GET(\"/x\", h::x)).build()",
		"import io.ktor.server.routing.*\nfun Route.r() { route(\"x\") { authenticate(\"a\") { get { } } } }\nfun A.m() { routing { r(); get<T.Id> { } } }\n@Resource(\"/t\") class T { @Resource(\"{id}\") class Id(val parent: T) }\n",
		"import static io.javalin.apibuilder.ApiBuilder.*;\nimport io.javalin.Javalin;\nJavalin app; app.routes(() -> { path(\"x\", () -> { crud(new C()); get(h, R.A); }); }); app.addHandler(); app.before(",
		"import static spark.Spark.*;\nbefore(\"/a/*\", \"text/html\", (q, r) -> halt(401)); path(\"/a\", () -> get(\"\", (q, r) -> 1));",
		"import io.vertx.ext.web.Router;\nRouter r = Router.router(v); r.route(\"/a/*\").subRouter(s); r.route().path(\"x\").method(HttpMethod.GET).handler(",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := New()
		sink := detector.NewSink()
		ctx := context.Background()
		for _, p := range []string{"src/main/java/a/C.java", "src/main/kotlin/a/C.kt"} {
			if err := d.Detect(ctx, &detector.File{Path: p, Data: []byte(src)}, sink); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Finish(ctx, sink); err != nil {
			t.Fatal(err)
		}
		for _, r := range sink.Result().Surfaces {
			if !strings.HasPrefix(r.Path, "/") {
				t.Errorf("path %q has no leading slash", r.Path)
			}
		}
	})
}
