<?php

namespace Tests\Feature;

use Illuminate\Support\Facades\Http;
use Stripe\StripeClient;

final class LoginTest
{
    public function test_login(): void
    {
        Http::fake(['https://api.unsplash.com/*' => Http::response([])]);
        \Laravel\Socialite\Facades\Socialite::driver('github');
    }
}
