<?php
// want: GET /admin/export.php
session_start();
if (empty($_SESSION['user_id'])) die('denied');
$format = $_GET['format'] ?? 'csv';
