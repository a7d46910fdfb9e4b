<?php

use Illuminate\Support\Facades\Route;

Route::middleware('guest')->group(function () {
    Route::post('/login', 'App\Http\Controllers\SessionController@store'); // want: POST /login
});
Route::post('/logout', 'App\Http\Controllers\SessionController@destroy')->middleware('auth'); // want: POST /logout
