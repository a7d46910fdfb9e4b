<?php

namespace App\Http;

// The shipped key, kept only to notice it and make a new one.
class KeyCheck
{
    public const SHIPPED_APP_KEY = 'k3y-sh1pped-w1th-the-app';

    public function handle($request, $next)
    {
        if (config('app.key') === self::SHIPPED_APP_KEY) {
            $this->rotate();
        }
        return $next($request);
    }
}

// The same kind of constant, used to sign: the key in use.
class TokenSigner
{
    public const SIGNING_APP_KEY = 'k3y-s1gns-every-t0ken'; // want: secret hardcoded-signing-key

    public function sign(array $claims): string
    {
        if ($claims === []) {
            return '';
        }
        return hash_hmac('sha256', json_encode($claims), self::SIGNING_APP_KEY);
    }
}
