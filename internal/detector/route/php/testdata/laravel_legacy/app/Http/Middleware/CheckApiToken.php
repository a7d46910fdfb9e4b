<?php

namespace App\Http\Middleware;

use Closure;

class CheckApiToken
{
    public function handle($request, Closure $next)
    {
        if ($request->header('X-Api-Token') !== config('services.api.token')) {
            return response()->json(['error' => 'unauthorized'], 401);
        }
        return $next($request);
    }
}
