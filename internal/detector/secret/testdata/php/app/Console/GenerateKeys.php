<?php

namespace Acme\Console;

class GenerateKeys
{
    public function handle(): void
    {
        // The command makes a key and prints it: only the prefix is written.
        $appKey = 'base64:'.base64_encode(random_bytes(32));
        $signingKey = "hex:" . bin2hex(random_bytes(32));
        $this->line('APP_KEY="'.$appKey.'"');

        // Written whole: a literal, or literals joined together.
        $sessionSecret = 'php-s3ssion-s1gning-k3y'; // want: secret hardcoded-signing-key
        $jwtSecret = 'php-jwt-' . 'k3y-0002'; // want: secret hardcoded-signing-key
        $this->line($sessionSecret.$jwtSecret.$signingKey);
    }
}
