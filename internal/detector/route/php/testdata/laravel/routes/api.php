<?php

use App\Http\Controllers\PostController;
use App\Http\Controllers\Admin\UserController as AdminUsers;
use Illuminate\Support\Facades\Route;

Route::apiResource('posts', PostController::class); // want: GET /api/v1/posts; POST /api/v1/posts; GET /api/v1/posts/{post}; PUT /api/v1/posts/{post}; PATCH /api/v1/posts/{post}; DELETE /api/v1/posts/{post}

Route::group(['prefix' => 'admin', 'middleware' => ['auth:sanctum', 'admin']], function () {
    Route::get('/users', [AdminUsers::class, 'index']); // want: GET /api/v1/admin/users
    Route::delete('/users/{id}', [AdminUsers::class, 'destroy']); // want: DELETE /api/v1/admin/users/{id}
});

Route::middleware('throttle:60,1')->get('/status', fn () => ['ok' => true]); // want: GET /api/v1/status
Route::middleware('cors.open')->get('/feed', [PostController::class, 'feed']); // want: GET /api/v1/feed
Route::middleware('headers')->get('/notes/{id}', [PostController::class, 'note']); // want: GET /api/v1/notes/{id}

Route::controller(PostController::class)->prefix('drafts')->group(function () {
    Route::post('/{id}/publish', 'publish'); // want: POST /api/v1/drafts/{id}/publish
});

Route::middleware('can:moderate')->post('/flags/{id}', [PostController::class, 'flag']); // want: POST /api/v1/flags/{id}

Route::middleware('storage.key')->group(function () {
    Route::post('/storage/events', fn () => ['ok' => true]); // want: POST /api/v1/storage/events
});
Route::middleware('stream.token')->get('/stream/{id}', fn ($id) => ['id' => $id]); // want: GET /api/v1/stream/{id}
Route::middleware('audit')->delete('/drafts/{id}', fn ($id) => ['id' => $id]); // want: DELETE /api/v1/drafts/{id}
