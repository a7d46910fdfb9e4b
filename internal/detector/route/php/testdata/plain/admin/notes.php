<?php
// want: GET /admin/notes.php
// want: POST /admin/notes.php
require_once '../inc/auth.php';
require_once '../inc/db.php';
if (!empty($_POST['body'])) {
    $q = db()->prepare('INSERT INTO notes (user_id, body) VALUES (?, ?)');
    $q->execute([$_SESSION['user_id'], $_POST['body']]);
}
$id = (int) ($_GET['id'] ?? 0);
