<?php
// Reads the request at its top level, but no web server serves config/.
$locale = $_COOKIE['locale'] ?? 'en';
define('LOCALE', $locale);
