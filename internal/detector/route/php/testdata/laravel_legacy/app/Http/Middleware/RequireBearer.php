<?php

namespace App\Http\Middleware;

use Closure;
use Vendor\Jwt\Exceptions\TokenMissing;
use Vendor\Jwt\Exceptions\TokenStale;
use Vendor\Jwt\Http\BaseMiddleware;

class RequireBearer extends BaseMiddleware
{
    public function handle($request, Closure $next, $soft = null)
    {
        $this->auth->setRequest($request);

        try {
            if (! $account = $this->auth->parseToken('bearer')->authenticate()) {
                return $this->refuse('no such account');
            }
        } catch (TokenStale $e) {
            return $this->refuse('token stale');
        } catch (TokenMissing $e) {
            if ($soft === null) {
                return $this->refuse('token missing');
            }
        }

        return $next($request);
    }

    protected function refuse($why)
    {
        return response()->json([
            'errors' => [
                'message' => $why,
                'code' => 401,
            ]
        ], 401);
    }
}
