<?php

namespace App\Http\Controllers;

use App\Models\Report;
use Illuminate\Http\Request;

class ReportController extends Controller
{
    public function update(Request $request, $id)
    {
        $this->ensureEditor($request);
        return Report::findOrFail($id)->update($request->all());
    }

    private function ensureEditor(Request $request)
    {
        if (! $request->user()) {
            abort(401);
        }
    }
}
