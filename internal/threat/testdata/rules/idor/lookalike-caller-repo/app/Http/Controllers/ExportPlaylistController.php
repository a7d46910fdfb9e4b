<?php

namespace App\Http\Controllers;

use App\Repositories\PlaylistRepository;
use Illuminate\Contracts\Auth\Authenticatable;

class ExportPlaylistController extends Controller
{
    public function __invoke(int $playlist, PlaylistRepository $repository, Authenticatable $listener)
    {
        return $repository->findOwnedBy($playlist, $listener)->toCsv();
    }
}
