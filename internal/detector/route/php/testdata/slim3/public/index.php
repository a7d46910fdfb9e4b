<?php
// A Slim 3 front controller: the app made with new \Slim\App, routes in a
// file it requires that calls the $app it never assigns.

require __DIR__ . '/../vendor/autoload.php';

session_start();
$settings = require __DIR__ . '/../src/settings.php';
$app = new \Slim\App($settings);

require __DIR__ . '/../src/routes.php';

$app->run();
