<?php

namespace App\Middleware;

use Psr\Http\Server\MiddlewareInterface;
use Psr\Http\Server\RequestHandlerInterface;
use Slim\Psr7\Response;

// PSR-15: process() runs on each request.
class RequireLogin implements MiddlewareInterface
{
    public function process($request, RequestHandlerInterface $handler)
    {
        if (empty($_SESSION['user_id'])) {
            return (new Response())->withHeader('Location', '/login')->withStatus(302);
        }
        return $handler->handle($request);
    }
}
