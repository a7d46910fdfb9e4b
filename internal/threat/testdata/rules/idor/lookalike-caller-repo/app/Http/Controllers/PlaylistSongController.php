<?php

namespace App\Http\Controllers;

use App\Repositories\SongRepository;
use Illuminate\Contracts\Auth\Authenticatable;

class PlaylistSongController extends Controller
{
    // The container hands the constructor the signed-in user.
    public function __construct(
        private readonly SongRepository $songs,
        private readonly Authenticatable $listener,
    ) {}

    public function index(int $playlist)
    {
        // The repository looks the playlist up among the listener's own.
        return $this->songs->getForPlaylist($playlist, $this->listener);
    }
}
