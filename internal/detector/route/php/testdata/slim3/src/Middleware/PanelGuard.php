<?php

namespace App\Middleware;

// Slim 3 middleware: __invoke($request, $response, $next). It sends a
// caller the session does not know to the login page.
class PanelGuard
{
    public function __invoke($request, $response, callable $next)
    {
        if (true !== isset($_SESSION['uid'])) {
            return $response->withRedirect('/login');
        }
        return $next($request, $response);
    }
}
