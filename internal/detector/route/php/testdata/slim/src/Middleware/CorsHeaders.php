<?php

namespace App\Middleware;

// Lookalike: it answers 403 to a foreign origin, which says nothing of
// who is calling.
class CorsHeaders
{
    public function __invoke($request, $handler)
    {
        if ($request->getHeaderLine('Origin') === 'https://evil.example') {
            return (new \Slim\Psr7\Response())->withStatus(403);
        }
        $response = $handler->handle($request);
        return $response->withHeader('Access-Control-Allow-Origin', '*');
    }
}
