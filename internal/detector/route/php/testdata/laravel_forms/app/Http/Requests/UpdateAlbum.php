<?php

namespace App\Http\Requests;

class UpdateAlbum extends BaseRequest
{
    // The record the route names, compared with the caller.
    public function authorize()
    {
        $album = $this->route('album');

        return $album->owner_id === $this->user()->id;
    }
}
