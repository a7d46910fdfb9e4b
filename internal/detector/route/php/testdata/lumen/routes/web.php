<?php

/** @var \Laravel\Lumen\Routing\Router $router */

$router->get('/status', function () use ($router) { // want: GET /v2/status
    return $router->app->version();
});
