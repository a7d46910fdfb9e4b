<?php

$app->get('/', ['as' => 'home', 'uses' => 'PageController@home']); // want: GET /
$app->get('/export', 'NoteController@export'); // want: GET /export
$app->post('/notes', ['middleware' => 'auth', 'uses' => 'NoteController@store']); // want: POST /notes

$app->group(['prefix' => 'api', 'middleware' => 'auth'], function ($app) {
    $app->get('notes/{id}', 'NoteController@show'); // want: GET /api/notes/{id}
    $app->delete('notes/{id}', ['uses' => 'NoteController@destroy']); // want: DELETE /api/notes/{id}
});
