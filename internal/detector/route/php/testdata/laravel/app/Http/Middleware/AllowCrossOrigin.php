<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

class AllowCrossOrigin
{
    public function handle(Request $request, Closure $next)
    {
        if ($request->isMethod('OPTIONS')) {
            return response('', 204)->header('Access-Control-Allow-Origin', '*');
        }
        return $next($request)->header('Access-Control-Allow-Origin', '*');
    }
}
