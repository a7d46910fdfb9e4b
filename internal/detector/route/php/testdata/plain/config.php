<?php
// A configuration array: included, never requested.
return [
    'debug' => isset($_GET['debug']),
    'db' => __DIR__ . '/data/app.db',
];
