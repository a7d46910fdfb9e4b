<?php

namespace App\Http;

use Illuminate\Foundation\Http\Kernel as HttpKernel;

class Kernel extends HttpKernel
{
    protected $middlewareGroups = [
        'web' => [
            \Illuminate\Session\Middleware\StartSession::class,
        ],
        'api' => [
            'throttle:api',
        ],
        'members' => [
            'auth',
            'verified',
        ],
    ];

    protected $routeMiddleware = [
        'auth' => \App\Http\Middleware\Authenticate::class,
        'token' => \App\Http\Middleware\CheckApiToken::class,
        'cors' => \App\Http\Middleware\Cors::class,
        'auth.jwt' => \App\Http\Middleware\RequireBearer::class,
        'locale' => \App\Http\Middleware\PickLocale::class,
    ];
}
