<?php
// want: GET /legacy/upload.php
// want: POST /legacy/upload.php
if (isset($_FILES['doc'])) {
    move_uploaded_file($_FILES['doc']['tmp_name'], __DIR__ . '/../../storage/' . basename($_FILES['doc']['name']));
}
