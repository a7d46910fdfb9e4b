<?php

namespace App\Support;

// The app's own helper that only shares a vendor's name.
final class Stripe
{
    public static function fee(int $cents): int
    {
        return intdiv($cents * 3, 100);
    }
}
