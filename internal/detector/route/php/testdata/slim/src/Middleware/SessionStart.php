<?php

namespace App\Middleware;

// Starts the session for every route; rejects no one.
class SessionStart
{
    public function process($request, $handler)
    {
        if (session_status() !== PHP_SESSION_ACTIVE) {
            session_start();
        }
        return $handler->handle($request);
    }
}
