<?php

namespace App\Middleware;

use Slim\Psr7\Response;

// Slim's callable middleware: __invoke runs on each request.
class RequireToken
{
    public function __invoke($request, $handler)
    {
        $header = $request->getHeaderLine('Authorization');
        if (!preg_match('/^Bearer\s+(\S+)$/', $header, $m) || !$this->valid($m[1])) {
            return (new Response())->withStatus(401);
        }
        return $handler->handle($request);
    }

    private function valid(string $token): bool
    {
        return hash_equals((string) getenv('API_TOKEN'), $token);
    }
}
