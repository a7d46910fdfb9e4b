<?php

use App\Http\Controllers\AccountController;
use App\Http\Controllers\PhotoController;
use App\Http\Controllers\ShowReport;
use Illuminate\Support\Facades\Route;

Route::get('/', function () { // want: GET /
    return view('welcome');
});

Route::view('/about', 'about'); // want: GET /about

// Route::get('/commented-out', fn () => 'no');

Route::resource('photos', PhotoController::class)->only(['index', 'show']); // want: GET /photos; GET /photos/{photo}

Route::match(['get', 'post'], '/contact', 'ContactController@handle'); // want: GET /contact; POST /contact

Route::get('/reports/{report}', ShowReport::class); // want: GET /reports/{report}

Route::middleware(['web'])->group(function () {
    Route::get('/pricing', fn () => view('pricing')); // want: GET /pricing
});

Route::middleware('auth')->group(function () {
    Route::get('/account', [AccountController::class, 'show']); // want: GET /account
    Route::prefix('account')->group(function () {
        Route::put('/password', [AccountController::class, 'updatePassword']); // want: PUT /account/password
    });
});

Route::get('/profile/{user}', [AccountController::class, 'publicProfile']); // want: GET /profile/{user}
Route::delete('/account', [AccountController::class, 'destroy']); // want: DELETE /account

Route::get('/docs/{page?}', fn (?string $page = null) => view('docs')); // want: GET /docs/{page}

require __DIR__.'/auth.php';
