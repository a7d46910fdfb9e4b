<?php
// want: GET /about.php
// Asks the page start for nothing: open.
require_once 'inc/layout.php';
page_start(array());
$lang = $_GET['lang'] ?? 'en';
