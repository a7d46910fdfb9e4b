<?php
// A panel shown to whoever sends role=admin as a cookie; the lookalike
// reads the role the server put in the session.
if ($_COOKIE['role'] == 'admin') { // want: weakness client-role-check
    echo "<a href='delete.php'>Delete users</a>";
}
session_start();
if ($_SESSION['role'] == 'admin') {
    echo "<a href='settings.php'>Settings</a>";
}
