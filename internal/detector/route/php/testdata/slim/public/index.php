<?php
// A Slim 4 front controller: it reads the request at its top level, yet
// it is no page of its own; its routes are.

use Slim\Factory\AppFactory;
use App\Middleware\SessionStart;

require __DIR__ . '/../vendor/autoload.php';

if (isset($_SERVER['HTTP_X_DEBUG'])) {
    ini_set('display_errors', '1');
}

$app = AppFactory::create();
$app->add(SessionStart::class);

$routes = require __DIR__ . '/../app/routes.php';
$routes($app);

$app->run();
