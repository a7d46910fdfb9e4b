<?php

namespace App\Billing;

use App\Billing\Gateways\Stripe as Gateway;

// The app's own classes named like vendors' SDKs: a short name in a
// namespace is the namespace's class, an alias the class it imports.
// use Stripe\StripeClient;
final class Invoice
{
    public function total(): int
    {
        return Stripe::fee(100) + Gateway::fee(100) + OpenAI::tokens();
    }

    // A sign-up page a settings form links to is no API the code calls.
    public function rateHelp(): string
    {
        return 'https://openexchangerates.org/signup';
    }
}
