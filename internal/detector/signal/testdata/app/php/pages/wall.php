<?php
// A comment wall: what anyone posted is read back and echoed to every
// reader; the lookalikes escape it or print what the page computed.
$stmt = $db->prepare("select author, body, created from comments");
$stmt->execute();
while ($row = $stmt->fetch(PDO::FETCH_NUM)) {
    echo "<p>" . $row[1] . "</p>"; // want: weakness xss
    echo ucfirst($row[0]); // want: weakness xss
    echo "<span>" . htmlspecialchars($row[2]) . "</span>";
}
$all = $db->query("select title from posts")->fetchAll();
foreach ($all as $post) {
    echo "<h2>" . $post['title'] . "</h2>"; // want: weakness xss
}
$totals = ['posts' => count($all)];
echo "<p>" . $totals['posts'] . " posts</p>";
$q = mysqli_query($conn, "select name from users");
while ($u = mysqli_fetch_assoc($q)) {
    echo '<li>' . htmlentities($u['name']) . '</li>';
}
$ids = $db->prepare('select postid from posts');
$ids->execute();
while ($r = $ids->fetch(PDO::FETCH_NUM)) {
    echo "<option value=\"" . $r[0] . "\">" . $r[0] . "</option>";
}
