<?php

use App\Http\Controllers\PlayerController;
use Illuminate\Support\Facades\Route;

Route::post('/players', [PlayerController::class, 'join']);
Route::post('/players/login', [PlayerController::class, 'login']);
