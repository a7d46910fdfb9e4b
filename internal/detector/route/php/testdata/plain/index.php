<?php
// want: GET /index.php
require_once __DIR__ . '/inc/db.php';
$page = isset($_GET['page']) ? $_GET['page'] : 'home';
?>
<html><body><?php echo htmlspecialchars($page); ?></body></html>
