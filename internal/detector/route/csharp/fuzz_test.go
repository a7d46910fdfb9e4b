package csharp

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

// FuzzDetect feeds arbitrary C# to the detector as a controller and a
// Program.cs: a file that does not parse costs a warning, never a panic.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"[ApiController]\n[Route(\"api/[controller]\")]\n[Authorize(Roles = \"Admin\")]\npublic class UsersController : ControllerBase { [HttpGet(\"{id:int}\")] [AllowAnonymous] public IActionResult Get(int id) => Ok(); }\n",
		"var app = builder.Build();\nvar api = app.MapGroup(\"/api\").RequireAuthorization(\"p\");\napi.MapGet(\"/x/{id?}\", (int id) => id).AllowAnonymous();\napp.MapMethods(\"/m\", new[] { \"GET\" }, H.Get);\n",
		"builder.Services.AddAuthorization(o => { o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build(); o.AddPolicy(\"a\", p => p.RequireAssertion(_ => true)); });\n",
		"app.MapControllerRoute(name: \"default\", pattern: \"{controller=Home}/{action=Index}/{id?}\");\napp.UsePathBase(\"/b\");\nservices.AddControllers(o => o.Filters.Add(new AuthorizeFilter()));\n",
		"public class HomeController : Controller { public IActionResult Index() => View(); [HttpPost] public IActionResult Save(int id) { if (!User.IsInRole(\"A\")) { return Forbid(); } return Ok(); } }\n",
		"app.MapGet(\n",
		"[Route(\"{**path}\")] class X : Controller { [AcceptVerbs(\"GET\", \"POST\", Route = \"y\")] public void Z() {} }\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := New()
		out := detector.NewSink()
		ctx := context.Background()
		for _, p := range []string{"Controllers/UsersController.cs", "Program.cs"} {
			if err := d.Detect(ctx, &detector.File{Path: p, Data: []byte(src)}, out); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Finish(ctx, out); err != nil {
			t.Fatal(err)
		}
	})
}
