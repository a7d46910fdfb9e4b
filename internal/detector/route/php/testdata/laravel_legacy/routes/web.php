<?php

Route::get('/', 'HomeController@index'); // want: GET /
Route::group(['middleware' => 'members', 'prefix' => 'billing'], function () {
    Route::get('invoices/{invoice}', 'BillingController@invoice'); // want: GET /billing/invoices/{invoice}
});
Route::get('/invoices/{invoice}/pdf', ['uses' => 'BillingController@pdf', 'as' => 'invoice.pdf']); // want: GET /invoices/{invoice}/pdf
