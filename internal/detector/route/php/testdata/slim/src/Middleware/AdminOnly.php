<?php

namespace App\Middleware;

use Slim\Psr7\Response;

class AdminOnly
{
    public function __invoke($request, $handler)
    {
        if (($_SESSION['role'] ?? '') !== 'admin') {
            return (new Response())->withStatus(403);
        }
        return $handler->handle($request);
    }
}
