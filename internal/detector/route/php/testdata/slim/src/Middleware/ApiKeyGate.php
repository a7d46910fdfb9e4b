<?php

namespace App\Middleware;

// The rejection is two own calls deep: __invoke -> checkRequest ->
// checkKey, a name other classes also give a method.
class ApiKeyGate
{
    public function __invoke($request, $handler)
    {
        $this->checkRequest($request);
        return $handler->handle($request);
    }

    protected function checkRequest($request)
    {
        $this->checkKey($request->getHeaderLine('X-Api-Key'));
    }

    protected function checkKey(string $key)
    {
        if (!hash_equals((string) getenv('API_KEY'), $key)) {
            throw new ApiAuthorizationException('bad api key');
        }
    }
}
