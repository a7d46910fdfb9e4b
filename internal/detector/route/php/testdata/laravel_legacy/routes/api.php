<?php

use Illuminate\Support\Facades\Route;

Route::group(['namespace' => 'Api', 'middleware' => 'token'], function () {
    Route::post('orders', 'OrderController@store'); // want: POST /rest/orders
    Route::resource('orders.items', 'OrderItemController', ['only' => ['index', 'destroy']]); // want: GET /rest/orders/{order}/items; DELETE /rest/orders/{order}/items/{item}
});
Route::get('ping', 'Api\OrderController@ping')->middleware('cors'); // want: GET /rest/ping
