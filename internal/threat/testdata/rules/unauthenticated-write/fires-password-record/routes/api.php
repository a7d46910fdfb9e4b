<?php

use App\Http\Controllers\SavedLoginController;
use Illuminate\Support\Facades\Route;

Route::post('/saved', [SavedLoginController::class, 'store']);
Route::get('/saved/{id}', [SavedLoginController::class, 'show']);
