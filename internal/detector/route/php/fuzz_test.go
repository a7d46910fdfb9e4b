package php

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
)

// FuzzDetect feeds arbitrary PHP to the detector as a route file, a
// controller and a bootstrap file: a file that does not parse costs a
// warning, never a panic.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"<?php\nRoute::prefix('a')->middleware(['auth'])->group(function () { Route::get('/x/{id?}', [C::class, 'm']); });\n",
		"<?php\nRoute::group(['prefix' => 'p', 'namespace' => 'Api'], fn () => Route::resource('a.b', 'X', ['only' => ['index']]));\n",
		"<?php\nRoute::middleware('api')->prefix('api')->group(base_path('routes/api.php'));\nrequire __DIR__.'/x.php';\n",
		"<?php\nnamespace App\\Http\\Controllers;\nclass C extends Controller { public function __construct() { $this->middleware('auth')->except(['m']); } public function m($id) { abort_unless(auth()->check(), 403); } }\n",
		"<?php\nreturn Application::configure()->withRouting(web: __DIR__.'/../routes/web.php', api: [base_path('x.php')], apiPrefix: 'v1')->withMiddleware(function ($m) { $m->alias(['a' => A::class]); });\n",
		"<?php\n#[Route('/b')]\nclass B { #[Route('/{id<\\d+>}', methods: ['GET'])] #[IsGranted('ROLE_X')] public function s() {} }\n",
		"<?php\nRoute::get(\n",
		"<?php\nRoute::controller()->group();\nRoute::match();\nRoute::resource();\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := New()
		out := detector.NewSink()
		ctx := context.Background()
		for _, p := range []string{"routes/web.php", "app/Http/Controllers/C.php", "bootstrap/app.php"} {
			if err := d.Detect(ctx, &detector.File{Path: p, Data: []byte(src)}, out); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Finish(ctx, out); err != nil {
			t.Fatal(err)
		}
	})
}
