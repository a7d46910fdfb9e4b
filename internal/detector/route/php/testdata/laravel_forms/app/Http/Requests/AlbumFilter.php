<?php

namespace App\Http\Requests;

// Lookalike: an authorize() on a class that is no form request; Laravel
// never calls it before the action.
class AlbumFilter
{
    public function authorize()
    {
        $album = $this->route('album');

        return $album->owner_id == auth()->id();
    }

    public function apply($album)
    {
        return $album;
    }
}
