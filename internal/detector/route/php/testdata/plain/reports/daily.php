<?php
// Picked by report.php: part of that page, never a page of its own.
$day = $_GET['day'] ?? date('Y-m-d');
