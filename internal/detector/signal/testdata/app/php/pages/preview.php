<?php
// A link preview: the URL the visitor typed is fetched whole; the
// attachment is read under the page's own folder.
$link = trim($_GET['link'] ?? '');
$page = file_get_contents($link); // want: weakness ssrf; weakness path-traversal
$head = get_headers($_POST['target']); // want: weakness ssrf
$name = $_GET['file'];
$path = 'attachments/' . $name;
$data = file_get_contents($path); // want: weakness path-traversal
$fixed = file_get_contents('https://status.example.com/feed');
echo htmlspecialchars($page . $data . $fixed);
