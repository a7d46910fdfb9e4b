<?php

namespace App\Support;

use App\Support\Stripe as OpenAI;

final class FeeController
{
    public function show(int $cents): int
    {
        // Stripe and OpenAI here are the app's own classes: the short name
        // resolves in this namespace, the alias to App\Support\Stripe.
        // use Stripe\StripeClient;
        return Stripe::fee($cents) + OpenAI::fee($cents);
    }
}
