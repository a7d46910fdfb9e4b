<?php
// The delete link and its action are shown to whoever sends role=admin.
if ($_COOKIE['role'] === 'admin') {
    if (isset($_POST['delete'])) {
        $db->exec('delete from users where id = ' . (int) $_POST['delete']);
    }
    echo "<form method='post'><input name='delete'></form>";
}
