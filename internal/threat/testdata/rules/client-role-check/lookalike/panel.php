<?php
// The role is the one the server stored in the session at sign-in.
session_start();
if ($_SESSION['role'] === 'admin') {
    if (isset($_POST['delete'])) {
        $db->exec('delete from users where id = ' . (int) $_POST['delete']);
    }
    echo "<form method='post'><input name='delete'></form>";
}
