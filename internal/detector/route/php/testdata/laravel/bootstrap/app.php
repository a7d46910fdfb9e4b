<?php

use App\Http\Middleware\EnsureUserIsAdmin;
use App\Http\Middleware\AddSecurityHeaders;
use App\Http\Middleware\AllowCrossOrigin;
use App\Http\Middleware\EnsureStorageKey;
use App\Http\Middleware\AuthorizeStreamToken;
use App\Http\Middleware\LogRequests;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Configuration\Middleware;

return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(
        web: __DIR__.'/../routes/web.php',
        api: __DIR__.'/../routes/api.php',
        apiPrefix: 'api/v1',
        health: '/up',
    )
    ->withMiddleware(function (Middleware $middleware) {
        $middleware->alias([
            'admin' => EnsureUserIsAdmin::class,
            'headers' => AddSecurityHeaders::class,
            'cors.open' => AllowCrossOrigin::class,
            'storage.key' => EnsureStorageKey::class,
            'stream.token' => AuthorizeStreamToken::class,
            'audit' => LogRequests::class,
        ]);
    })
    ->create();
