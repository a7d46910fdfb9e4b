<?php

namespace App\Middleware;

class UploadGuard
{
    private $settings;

    public function __construct($settings)
    {
        $this->settings = $settings;
    }

    public function __invoke($request, $response, callable $next)
    {
        if (!$this->settings->get('uploads.enabled')) {
            return $response->withStatus(404);
        }
        if (!isset($_SESSION['uid'])) {
            throw new UnauthorizedException();
        }
        return $next($request, $response);
    }
}
