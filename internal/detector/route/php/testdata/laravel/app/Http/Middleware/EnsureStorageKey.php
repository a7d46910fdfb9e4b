<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Http\Response;

// Callbacks from the storage service carry a shared key.
class EnsureStorageKey
{
    public function handle(Request $request, Closure $next)
    {
        abort_unless($request->get('storageKey') === config('services.storage.key'), Response::HTTP_UNAUTHORIZED);

        return $next($request);
    }
}
