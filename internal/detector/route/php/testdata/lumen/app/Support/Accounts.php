<?php

namespace App\Support;

class Accounts
{
    public static function codeMatches($email, $code)
    {
        $user = User::where('email', $email)->first();
        if (!$user || $code != $user->reset_code) {
            return false;
        }
        return true;
    }

    public static function exists($email, $format)
    {
        return User::where('email', $email)->exists() && $format == 'json';
    }
}
