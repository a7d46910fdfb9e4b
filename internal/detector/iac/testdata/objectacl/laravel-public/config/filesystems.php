<?php

return [
    'disks' => [
        'public' => [
            'driver' => 'local',
            'root' => storage_path('app/public'),
            'visibility' => 'public',
        ],
        's3' => [
            'driver' => 's3',
            'bucket' => env('AWS_BUCKET'),
            'visibility' => 'public', // want: infra published-bucket s3 disk whose objects are written public
        ],
    ],
];
