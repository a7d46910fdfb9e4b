<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Support\Facades\Log;

class PickLocale
{
    public function handle($request, Closure $next)
    {
        $lang = $request->header('Accept-Language', 'en');
        app()->setLocale(substr($lang, 0, 2));
        Log::info('locale picked', ['lang' => $lang]);

        return $next($request);
    }
}
