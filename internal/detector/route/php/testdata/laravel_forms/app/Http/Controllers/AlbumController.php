<?php

namespace App\Http\Controllers;

use App\Album;
use App\Http\Requests\AddPhoto;
use App\Http\Requests\AlbumFilter;
use App\Http\Requests\DeleteAlbum;
use App\Http\Requests\StoreAlbum;
use App\Http\Requests\UpdateAlbum;

class AlbumController extends Controller
{
    public function store(StoreAlbum $request)
    {
        return Album::create($request->validated());
    }

    public function show(AlbumFilter $filter, Album $album)
    {
        return $filter->apply($album);
    }

    public function update(UpdateAlbum $request, Album $album)
    {
        $album->update($request->validated());
        return $album;
    }

    public function destroy(DeleteAlbum $request, Album $album)
    {
        $album->delete();
        return response()->noContent();
    }

    public function addPhoto(AddPhoto $request, Album $album)
    {
        return $album->photos()->create($request->validated());
    }
}
