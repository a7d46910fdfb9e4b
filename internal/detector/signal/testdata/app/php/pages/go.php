<?php
// Redirects: to a target the request names, and to the app's own pages.
function back()
{
    $next = $_GET['next'];
    header("Location: " . $next); // want: weakness open-redirect
}

function home($base)
{
    header("Location: " . $base);
}

function done()
{
    $id = intval($_GET['id']);
    header("Location: " . $id);
    header('Location: /done.php?id=' . $_GET['id']);
}

function jump()
{
    header('Location: ' . $_REQUEST['to']); // want: weakness open-redirect
}

function shown()
{
    $out = shell_exec('uptime');
    echo '<pre>' . $out . '</pre>';
    $raw = $_GET['msg'];
    $len = strlen($raw);
    echo $len;
}
