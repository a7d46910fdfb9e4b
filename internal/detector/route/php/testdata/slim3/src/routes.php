<?php
// Slim 3's group closure takes no parameter: $this is the app.

$app->get('/', 'App\Controllers\PageController:home'); // want: GET /
$app->get('/login', '\App\Controllers\PageController:login'); // want: GET /login

$app->group('/panel', function () {
    $this->get('/entries', '\App\Controllers\EntryController:index'); // want: GET /panel/entries
    $this->post('/entries/{id:[0-9]+}', '\App\Controllers\EntryController:update'); // want: POST /panel/entries/{id}
    $this->group('/settings', function () {
        $this->put('', '\App\Controllers\EntryController:settings'); // want: PUT /panel/settings
    });
})->add('\App\Middleware\PanelGuard');

$app->group('/feed', function () {
    $this->get('/atom', '\App\Controllers\PageController:atom'); // want: GET /feed/atom
})->add('\App\Middleware\Maintenance');

// A guard that turns callers away only while a setting is on: open by
// default.
$app->group('/gallery', function () {
    $this->get('/photos', '\App\Controllers\PageController:photos'); // want: GET /gallery/photos
})->add('\App\Middleware\PrivateMode');

// Lookalike: a setting read in a test of its own, then a session test
// that rejects on its own: guarded.
$app->group('/uploads', function () {
    $this->post('', '\App\Controllers\PageController:upload'); // want: POST /uploads
})->add('\App\Middleware\UploadGuard');
