<?php
// want: GET /view.php
// Stops on a missing parameter, not on a missing caller: open.
session_start();
if (!isset($_GET['id'])) {
    die('missing id');
}
require_once 'inc/db.php';
