<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Symfony\Component\HttpFoundation\Response;

class AuthorizeStreamToken
{
    public function handle(Request $request, Closure $next)
    {
        abort_if(! $request->user()?->tokenCan('stream'), Response::HTTP_FORBIDDEN);

        return $next($request);
    }
}
