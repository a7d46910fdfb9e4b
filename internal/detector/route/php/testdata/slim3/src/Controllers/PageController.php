<?php

namespace App\Controllers;

class PageController
{
    public function home($request, $response) { return $response; }
    public function login($request, $response) { return $response; }
    public function atom($request, $response) { return $response; }
}
