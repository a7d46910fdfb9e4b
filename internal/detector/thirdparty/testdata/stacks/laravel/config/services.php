<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'), // want: third-party mailgun
    ],
    // A stock block reads its driver's key: no row of its own, the key
    // of the S3 row another file makes, and of SES, which the app's own
    // mail settings wire (app/Providers/MailSettingsProvider.php).
    'ses' => [
        'key' => env('AWS_ACCESS_KEY_ID'),
        'secret' => env('AWS_SECRET_ACCESS_KEY'), // want: uses-secret aws-s3 AWS_SECRET_ACCESS_KEY
        // want: uses-secret aws-ses AWS_SECRET_ACCESS_KEY
    ],
    'gitlab' => [
        'client_id' => env('GITLAB_APP_ID'),
        'client_secret' => env('GITLAB_APP_SECRET'), // want: third-party gitlab
        // want: uses-secret gitlab GITLAB_APP_SECRET
    ],
    // 'postmark' => ['endpoint' => 'api.postmarkapp.com'],
];
