<?php

$app->get('/', ['as' => 'home', 'uses' => 'PageController@home']); // want: GET /
$app->get('/export', 'NoteController@export'); // want: GET /export
$app->get('/dashboard', 'DashboardController@show'); // want: GET /dashboard
$app->get('/beta', 'DashboardController@beta'); // want: GET /beta
$app->post('/share', 'DashboardController@share'); // want: POST /share
$app->post('/admin/purge', 'DashboardController@purge'); // want: POST /admin/purge
$app->post('/notes/rename', 'DashboardController@rename'); // want: POST /notes/rename
$app->post('/reset/{email}/{code}', 'ResetController@reset'); // want: POST /reset/{email}/{code}
$app->get('/shared/{note}/{secret}', 'ResetController@shared'); // want: GET /shared/{note}/{secret}
$app->get('/export/{email}/{format}', 'ResetController@export'); // want: GET /export/{email}/{format}
$app->get('/admin/panel', 'PanelController@home'); // want: GET /admin/panel
$app->get('/admin/everyone', 'PanelController@everyone'); // want: GET /admin/everyone
$app->get('/admin/by_author', 'PanelController@byAuthor'); // want: GET /admin/by_author
$app->post('/notes', ['middleware' => 'auth', 'uses' => 'NoteController@store']); // want: POST /notes

$app->group(['prefix' => 'api', 'middleware' => 'auth'], function ($app) {
    $app->get('notes/{id}', 'NoteController@show'); // want: GET /api/notes/{id}
    $app->delete('notes/{id}', ['uses' => 'NoteController@destroy']); // want: DELETE /api/notes/{id}
});
