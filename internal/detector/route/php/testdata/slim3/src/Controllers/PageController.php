<?php

namespace App\Controllers;

class PageController
{
    public function home($request, $response) { return $response; }
    public function login($request, $response) { return $response; }
    public function atom($request, $response) { return $response; }
    public function photos($request, $response) { return $response; }
    public function upload($request, $response) { return $response; }
}
