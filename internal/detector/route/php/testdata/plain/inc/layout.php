<?php
// The page start every page calls; it checks the session only for the
// pages that ask for it.
function page_start($options)
{
    if (in_array('auth', $options)) {
        if (empty($_SESSION['user_id'])) {
            header('Location: /login.php');
            exit;
        }
    }
}
