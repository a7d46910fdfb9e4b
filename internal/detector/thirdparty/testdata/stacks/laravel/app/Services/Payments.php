<?php

namespace App\Services;

use Stripe\StripeClient; // want: third-party stripe
use OpenAI\Laravel\Facades\OpenAI; // want: third-party openai

final class Payments
{
    public function __construct(private StripeClient $stripe) {}

    public function summary(string $text): string
    {
        return OpenAI::chat()->create(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => $text]]])->choices[0]->message->content; // want: third-party openai
    }
}
