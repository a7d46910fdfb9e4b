<?php

use App\Http\Controllers\AuditController;
use App\Http\Controllers\NoteController;
use App\Http\Controllers\ReportController;
use Illuminate\Support\Facades\Route;

Route::put('/reports/{id}', [ReportController::class, 'update']); // want: PUT /api/reports/{id}
Route::put('/notes/{id}', [NoteController::class, 'update']); // want: PUT /api/notes/{id}
Route::post('/audits', [AuditController::class, 'store']); // want: POST /api/audits
Route::post('/audits/draft', [AuditController::class, 'draft']); // want: POST /api/audits/draft
