<?php

namespace App\Controllers;

class EntryController
{
    public function index($request, $response) { return $response; }
    public function update($request, $response, $args) { return $response; }
    public function settings($request, $response) { return $response; }
}
