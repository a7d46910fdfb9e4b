<?php
// want: GET /report.php
define('APP_ROOT', './');
require_once APP_ROOT . 'inc/auth.php';
$kind = $_GET['kind'] === 'weekly' ? 'weekly' : 'daily';
require APP_ROOT . "reports/{$kind}.php";
