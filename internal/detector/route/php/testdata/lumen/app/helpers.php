<?php

// Not a route: $cache is no router where this file is required.
$cache->get('/settings', function () {
    return [];
});
