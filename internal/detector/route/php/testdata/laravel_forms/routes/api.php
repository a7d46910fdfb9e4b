<?php

use App\Http\Controllers\AlbumController;
use Illuminate\Support\Facades\Route;

// No middleware: each action's form request is all that guards it.
Route::post('/albums', [AlbumController::class, 'store']); // want: POST /api/albums
Route::get('/albums/{album}', [AlbumController::class, 'show']); // want: GET /api/albums/{album}
Route::put('/albums/{album}', [AlbumController::class, 'update']); // want: PUT /api/albums/{album}
Route::delete('/albums/{album}', [AlbumController::class, 'destroy']); // want: DELETE /api/albums/{album}
Route::post('/albums/{album}/photos', [AlbumController::class, 'addPhoto']); // want: POST /api/albums/{album}/photos
