<?php
// want: GET /legacy.php
// A plain page beside the front controller is still a page.
echo htmlspecialchars($_GET['q'] ?? '');
