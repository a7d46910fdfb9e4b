<?php

// Lookalike: the skeleton's mailers, each wired to its services block in
// the settings themselves; the app picks none of them.
return [
    'default' => env('MAIL_MAILER', 'log'),
    'mailers' => [
        'postmark' => [
            'transport' => 'postmark',
            'token' => config('services.postmark.token'),
        ],
        'resend' => [
            'transport' => 'resend',
        ],
    ],
];
