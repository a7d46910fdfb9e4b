<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'), // want: third-party mailgun
    ],
    // 'postmark' => ['endpoint' => 'api.postmarkapp.com'],
];
