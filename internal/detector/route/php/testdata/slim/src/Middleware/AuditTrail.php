<?php

namespace App\Middleware;

// Lookalike: the same shape, but its own checkKey only logs; the
// rejecting checkKey is another class's.
class AuditTrail
{
    public function __invoke($request, $handler)
    {
        $this->record($request);
        return $handler->handle($request);
    }

    protected function record($request)
    {
        $this->checkKey($request->getHeaderLine('X-Api-Key'));
    }

    protected function checkKey(string $key)
    {
        error_log('api key seen: ' . substr($key, 0, 4));
    }
}
