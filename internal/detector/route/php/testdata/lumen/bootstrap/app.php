<?php

require_once __DIR__.'/../vendor/autoload.php';

$app = new Laravel\Lumen\Application(realpath(__DIR__.'/../'));

$app->routeMiddleware([
    'auth' => App\Http\Middleware\Authenticate::class,
]);

// A helper file required where $app is the router: its $cache is not.
require __DIR__.'/../app/helpers.php';

// Lumen 5.1: the routes file uses the closure's $app.
$app->group(['namespace' => 'App\Http\Controllers'], function ($app) {
    require __DIR__.'/../app/Http/routes.php';
});

// Lumen 5.5 on: the router hangs off the application.
$app->router->group(['namespace' => 'App\Http\Controllers', 'prefix' => 'v2'], function ($router) {
    require __DIR__.'/../routes/web.php';
});

return $app;
