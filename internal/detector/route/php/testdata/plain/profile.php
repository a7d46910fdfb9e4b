<?php
// want: GET /profile.php
require_once 'inc/layout.php';
page_start(array('auth'));
$tab = $_GET['tab'] ?? 'info';
