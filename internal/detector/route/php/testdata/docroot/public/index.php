<?php
// want: GET /index.php
$route = $_GET['r'] ?? 'home';
require __DIR__ . '/../src/App.php';
(new App\App())->run($route);
