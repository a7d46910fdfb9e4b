<?php

namespace App\Controller;

class NoteController
{
    public function show($request, $response, array $args) { return $response; }
    public function contact($request, $response) { return $response; }
    public function ping($request, $response) { return $response; }
    public function mine($request, $response) { return $response; }
    public function store($request, $response) { return $response; }
    public function stats($request, $response) { return $response; }
    public function archive($request, $response, array $args) { return $response; }
    public function index($request, $response) { return $response; }
    public function flag($request, $response, array $args) { return $response; }
}
