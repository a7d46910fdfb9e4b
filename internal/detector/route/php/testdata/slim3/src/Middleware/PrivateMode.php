<?php

namespace App\Middleware;

class PrivateMode
{
    private $settings;

    public function __construct($settings)
    {
        $this->settings = $settings;
    }

    public function __invoke($request, $response, callable $next)
    {
        if (
            // nobody signed in
            !isset($_SESSION['uid'])
            // and the site is set to private
            && $this->settings->get('site.private')
        ) {
            throw new UnauthorizedException();
        }
        return $next($request, $response);
    }
}
