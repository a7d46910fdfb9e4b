<?php

use App\Http\Controllers\TagController;
use App\Http\Controllers\NoteController;
use App\Http\Controllers\PresetController;
use Illuminate\Support\Facades\Route;

Route::middleware('auth:sanctum')->group(function () {
    Route::delete('/teams/{team}/tags/{tag}', [TagController::class, 'destroy']); // want: DELETE /api/teams/{team}/tags/{tag}
    Route::get('/teams/{team}/tags', [TagController::class, 'index']); // want: GET /api/teams/{team}/tags
    Route::get('/teams/{team}/usage', [TagController::class, 'usage']); // want: GET /api/teams/{team}/usage
    Route::get('/teams/{team}/archive', [TagController::class, 'archive']); // want: GET /api/teams/{team}/archive
    Route::put('/notes/{note}', [NoteController::class, 'update']); // want: PUT /api/notes/{note}
    Route::delete('/notes/{note}', [NoteController::class, 'destroy']); // want: DELETE /api/notes/{note}
    Route::post('/notes', [NoteController::class, 'store']); // want: POST /api/notes
    Route::get('/notes/{note}', [NoteController::class, 'show']); // want: GET /api/notes/{note}
    Route::get('/profiles/{profile}', [NoteController::class, 'profile']); // want: GET /api/profiles/{profile}
    Route::get('/presets/{id}', [PresetController::class, 'show']); // want: GET /api/presets/{id}
    Route::put('/presets/{id}', [PresetController::class, 'update']); // want: PUT /api/presets/{id}
    Route::delete('/presets/{id}', [PresetController::class, 'destroy']); // want: DELETE /api/presets/{id}
    Route::post('/presets/{id}/share', [PresetController::class, 'share']); // want: POST /api/presets/{id}/share
});
