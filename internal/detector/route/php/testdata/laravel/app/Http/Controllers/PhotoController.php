<?php

namespace App\Http\Controllers;

class PhotoController extends Controller
{
    public function index()
    {
        return view('photos.index');
    }

    public function show(string $photo)
    {
        return view('photos.show', ['photo' => $photo]);
    }
}
