<?php

namespace App\Http\Middleware;

use Closure;

class Authenticate
{
    public function handle($request, Closure $next)
    {
        if (!$request->session()->has('user_id')) {
            return response('Unauthorized.', 401);
        }
        return $next($request);
    }
}
