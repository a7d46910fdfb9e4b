<?php
// Lookalikes: an $app that is a service container, not a Slim app; its
// get('key', default) and a get with a path-like key are lookups, no
// routes. The Controller classes it holds are not handlers.

use Illuminate\Container\Container;

$app = new Container();
$app->get('/reports', function () {
    return 'default';
});
$settings = $app->get('settings');

$registry = new App();
$registry->get('/cache/path', 'fallback');
$registry->post('/queue', fn () => 1);
