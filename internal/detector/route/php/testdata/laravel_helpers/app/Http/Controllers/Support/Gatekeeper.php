<?php

namespace App\Http\Controllers\Support;

use Illuminate\Http\Request;

class Gatekeeper
{
    public static function check(Request $request)
    {
        if (! $request->user()) {
            abort(401);
        }
    }
}
