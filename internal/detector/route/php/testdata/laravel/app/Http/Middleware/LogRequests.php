<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Support\Facades\Log;

// Logs every request, and the refused ones louder: it refuses no one.
class LogRequests
{
    public function handle(Request $request, Closure $next)
    {
        $response = $next($request);
        Log::info('request', ['path' => $request->path(), 'user' => $request->user()?->id]);
        if ($response->getStatusCode() === Response::HTTP_UNAUTHORIZED) {
            Log::warning('refused', ['path' => $request->path()]);
        }

        return $response;
    }
}
