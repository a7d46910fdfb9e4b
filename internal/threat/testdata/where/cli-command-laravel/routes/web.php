<?php

use App\Http\Controllers\ArchiveController;
use Illuminate\Support\Facades\Route;

Route::get('/archive/check', [ArchiveController::class, 'check']);
