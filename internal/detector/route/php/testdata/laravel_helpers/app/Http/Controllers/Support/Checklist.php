<?php

namespace App\Http\Controllers\Support;

use Illuminate\Http\Request;

// Its check() has Gatekeeper's name and checks only the form's fields.
class Checklist
{
    public static function check(Request $request)
    {
        $request->validate(['title' => 'required']);
    }
}
