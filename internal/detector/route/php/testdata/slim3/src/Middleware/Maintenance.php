<?php

namespace App\Middleware;

// Lookalike: refuses everyone while a maintenance file exists, whoever
// they are.
class Maintenance
{
    public function __invoke($request, $response, callable $next)
    {
        if (is_file(__DIR__ . '/../../maintenance.flag')) {
            return $response->withStatus(503);
        }
        return $next($request, $response);
    }
}
