<?php

namespace App\Http\Controllers;

use App\Models\Audit;
use App\Http\Controllers\Support\Checklist;
use App\Http\Controllers\Support\Gatekeeper;
use Illuminate\Http\Request;

class AuditController extends Controller
{
    public function store(Request $request)
    {
        Gatekeeper::check($request);
        return Audit::create($request->all());
    }

    public function draft(Request $request)
    {
        Checklist::check($request);
        return Audit::create($request->all());
    }
}
