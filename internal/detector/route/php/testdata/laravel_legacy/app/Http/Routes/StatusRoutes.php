<?php

namespace App\Http\Routes;

use GuzzleHttp\Client;
use Illuminate\Contracts\Routing\Registrar;

// Routes declared on the router a provider hands in, not the facade.
class StatusRoutes
{
    public function map(Registrar $router)
    {
        $router->get('status', 'HomeController@index'); // want: GET /status

        $router->group(['prefix' => 'status', 'middleware' => ['auth']], function (Registrar $router) {
            $router->post('notes', 'HomeController@index'); // want: POST /status/notes
        });
    }

    // Lookalike: an HTTP client's get is a request the app sends.
    public function ping(Client $http)
    {
        return $http->get('/remote/ping');
    }
}
