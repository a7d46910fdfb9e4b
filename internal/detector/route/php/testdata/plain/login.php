<?php
// want: GET /login.php
// want: POST /login.php
session_start();
require 'inc/db.php';
if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $user = find_user($_POST['email']);
    if ($user && password_verify($_POST['password'], $user['hash'])) {
        $_SESSION['user_id'] = $user['id'];
        header('Location: admin/notes.php');
        exit;
    }
}
?>
<form method="post"><input name="email"><input name="password" type="password"></form>
