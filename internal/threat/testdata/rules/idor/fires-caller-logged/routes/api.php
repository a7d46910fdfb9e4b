<?php

use App\Http\Controllers\PlaylistSongController;
use App\Http\Controllers\ExportPlaylistController;
use Illuminate\Support\Facades\Route;

Route::middleware('auth:sanctum')->group(function () {
    Route::get('/playlists/{playlist}/songs', [PlaylistSongController::class, 'index']);
    Route::get('/playlists/{playlist}/export', ExportPlaylistController::class);
});
