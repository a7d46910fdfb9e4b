<?php

namespace App\Http\Requests;

// Inherits authorize() returning true: guards nothing.
class StoreAlbum extends BaseRequest
{
    public function rules()
    {
        return ['title' => 'required|string'];
    }
}
