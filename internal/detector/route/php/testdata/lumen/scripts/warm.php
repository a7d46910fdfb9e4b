<?php

// A script run by hand: $client is whatever its caller set, no router.
$client->get('/health', ['uses' => 'PageController@home']);
$client->post('/cache/clear', ['timeout' => 2]);
