<?php
// Included by the pages: declarations only, never a page of its own.
function db() {
    static $pdo;
    return $pdo ??= new PDO('sqlite:' . __DIR__ . '/../data/app.db');
}
function find_user($email) {
    $q = db()->prepare('SELECT * FROM users WHERE email = ?');
    $q->execute([$email]);
    return $q->fetch();
}
function current_search() {
    // A request read inside a function: the file is still no page.
    return $_GET['q'] ?? '';
}
