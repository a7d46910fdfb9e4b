<?php
use Firebase\JWT\JWT;
use Firebase\JWT\Key;

function claimsLoose($token, $key)
{
    // The allowed algorithms include none: an unsigned token passes.
    return (array) JWT::decode($token, $key, array('HS256', 'none')); // want: weakness jwt-unverified
}

function claimsStrict($token, $key)
{
    $mode = 'none';
    return (array) JWT::decode($token, new Key($key, 'HS256'));
}
