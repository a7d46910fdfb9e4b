<?php

namespace App\Http\Requests;

use Illuminate\Foundation\Http\FormRequest;

class DeleteAlbum extends FormRequest
{
    // A policy asked about the route's record.
    public function authorize()
    {
        return $this->user()->can('delete', $this->route('album'));
    }
}
