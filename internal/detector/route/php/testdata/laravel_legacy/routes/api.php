<?php

use Illuminate\Support\Facades\Route;

Route::group(['namespace' => 'Api', 'middleware' => 'token'], function () {
    Route::post('orders', 'OrderController@store'); // want: POST /rest/orders
    Route::resource('orders.items', 'OrderItemController', ['only' => ['index', 'destroy']]); // want: GET /rest/orders/{order}/items; DELETE /rest/orders/{order}/items/{item}
});
Route::get('ping', 'Api\OrderController@ping')->middleware('cors'); // want: GET /rest/ping
Route::group(['namespace' => 'Api'], function () {
    Route::resource('tickets', 'TicketController', ['only' => ['index', 'show', 'store', 'destroy']]); // want: GET /rest/tickets; GET /rest/tickets/{ticket}; POST /rest/tickets; DELETE /rest/tickets/{ticket}
    Route::get('glossary', 'GlossaryController@index'); // want: GET /rest/glossary
    Route::post('glossary', 'GlossaryController@suggest'); // want: POST /rest/glossary
});
